// Transports: the VS Code client starts the server over Node IPC; other editors use stdio, which is
// also what the server falls back to when started without a transport flag. Over stdio the
// server's own writer puts the worker's diagnostics into the message as the JSON they already
// are (lsp/rawJson.ts); over IPC they are serialised as usual: both publish the same.
import { describe, it } from 'node:test';
import * as assert from 'node:assert/strict';
import { ChildProcess, fork, spawn } from 'child_process';
import {
  createProtocolConnection,
  Diagnostic,
  IPCMessageReader,
  IPCMessageWriter,
  MessageReader,
  MessageWriter,
  PublishDiagnosticsParams,
  StreamMessageReader,
  StreamMessageWriter,
} from 'vscode-languageserver/node';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { analyze } from '../../server/src/engine';
import { OFF_THREAD_CHARS } from '../../server/src/lsp/analysisWorker';
import { toDiagnostic } from '../../server/src/lsp/diagnostics';
import { generatedPolicy } from '../corpus';
import { ROOT } from '../helpers';
import { WITH_COMMENT } from './fixtures';
import { fileUri, SERVER_MAIN } from './lspClient';

/** Initialize, open a policy (by default one with a comment), get its diagnostics, shut down; the
 *  exit code. */
async function roundTrip(proc: ChildProcess, reader: MessageReader, writer: MessageWriter, text = WITH_COMMENT): Promise<{ codes: unknown[]; diagnostics: Diagnostic[]; exit: number | null }> {
  const conn = createProtocolConnection(reader, writer);
  const exited = new Promise<number | null>((resolve) => proc.once('exit', (code) => resolve(code)));
  const diagnostics = new Promise<PublishDiagnosticsParams>((resolve) => conn.onNotification('textDocument/publishDiagnostics', resolve));
  conn.listen();
  try {
    await conn.sendRequest('initialize', { processId: process.pid, rootUri: null, capabilities: {} });
    await conn.sendNotification('initialized', {});
    const uri = fileUri('transport.json');
    await conn.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'json', version: 1, text } });
    const p = await diagnostics;
    await conn.sendRequest('shutdown');
    await conn.sendNotification('exit');
    return { codes: p.diagnostics.map((d) => d.code), diagnostics: p.diagnostics, exit: await exited };
  } finally {
    conn.dispose();
    proc.kill();
  }
}

const overIpc = (text?: string) => {
  const proc = fork(SERVER_MAIN, ['--node-ipc'], { cwd: ROOT, execArgv: ['--import', 'tsx'], stdio: ['ignore', 'ignore', 'pipe', 'ipc'] });
  return roundTrip(proc, new IPCMessageReader(proc), new IPCMessageWriter(proc), text);
};

const overStdio = (text?: string, args: string[] = []) => {
  const proc = spawn(process.execPath, ['--import', 'tsx', SERVER_MAIN, ...args], { cwd: ROOT, stdio: ['pipe', 'pipe', 'pipe'] });
  return roundTrip(proc, new StreamMessageReader(proc.stdout!), new StreamMessageWriter(proc.stdin!), text);
};

describe('LSP transports', { timeout: 60_000 }, () => {
  it('works over Node IPC (the VS Code client)', async () => {
    const { codes, exit } = await overIpc();
    assert.ok(codes.includes('json-comment'));
    assert.equal(exit, 0);
  });

  it('uses stdio when started without a transport flag', async () => {
    const { codes, exit } = await overStdio();
    assert.ok(codes.includes('json-comment'));
    assert.equal(exit, 0);
  });

  it("publishes a large document's diagnostics (analysed in the worker) over IPC and stdio as the engine's findings", async () => {
    // Non-ASCII text in the messages: the bytes spliced into the stdio message are UTF-8.
    const text = generatedPolicy(OFF_THREAD_CHARS + 20_000).replace('"Sid": "', '"Sid": "Zoë');
    const doc = TextDocument.create(fileUri('transport.json'), 'json', 1, text);
    const expected = analyze(text).findings.map((f) => toDiagnostic(doc, f));
    assert.ok(expected.some((d) => d.message.includes('Zoë')), 'a message quotes the non-ASCII Sid');
    const [ipc, stdio] = await Promise.all([overIpc(text), overStdio(text, ['--stdio'])]);
    assert.deepEqual(ipc.diagnostics, expected);
    assert.deepEqual(stdio.diagnostics, expected);
    assert.equal(stdio.exit, 0);
  });

  it('exits when the editor closes its stdin (code 1: it was not shut down)', async () => {
    const proc = spawn(process.execPath, ['--import', 'tsx', SERVER_MAIN, '--stdio'], { cwd: ROOT, stdio: ['pipe', 'pipe', 'pipe'] });
    const exited = new Promise<number | null>((resolve) => proc.once('exit', resolve));
    proc.stdin!.end();
    assert.equal(await exited, 1);
  });
});
