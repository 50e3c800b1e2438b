// Transports: the VS Code client starts the server over Node IPC; other editors use stdio, which is
// also what the server falls back to when started without a transport flag.
import { describe, it } from 'node:test';
import * as assert from 'node:assert/strict';
import { ChildProcess, fork, spawn } from 'child_process';
import {
  createProtocolConnection,
  IPCMessageReader,
  IPCMessageWriter,
  MessageReader,
  MessageWriter,
  PublishDiagnosticsParams,
  StreamMessageReader,
  StreamMessageWriter,
} from 'vscode-languageserver/node';
import { ROOT } from '../helpers';
import { WITH_COMMENT } from './fixtures';
import { fileUri, SERVER_MAIN } from './lspClient';

/** Initialize, open a policy with a comment, get its diagnostics, shut down; the exit code. */
async function roundTrip(proc: ChildProcess, reader: MessageReader, writer: MessageWriter): Promise<{ codes: unknown[]; exit: number | null }> {
  const conn = createProtocolConnection(reader, writer);
  const exited = new Promise<number | null>((resolve) => proc.once('exit', (code) => resolve(code)));
  const diagnostics = new Promise<PublishDiagnosticsParams>((resolve) => conn.onNotification('textDocument/publishDiagnostics', resolve));
  conn.listen();
  try {
    await conn.sendRequest('initialize', { processId: process.pid, rootUri: null, capabilities: {} });
    await conn.sendNotification('initialized', {});
    const uri = fileUri('transport.json');
    await conn.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'json', version: 1, text: WITH_COMMENT } });
    const p = await diagnostics;
    await conn.sendRequest('shutdown');
    await conn.sendNotification('exit');
    return { codes: p.diagnostics.map((d) => d.code), exit: await exited };
  } finally {
    conn.dispose();
    proc.kill();
  }
}

describe('LSP transports', { timeout: 30_000 }, () => {
  it('works over Node IPC (the VS Code client)', async () => {
    const proc = fork(SERVER_MAIN, ['--node-ipc'], { cwd: ROOT, execArgv: ['--import', 'tsx'], stdio: ['ignore', 'ignore', 'pipe', 'ipc'] });
    const { codes, exit } = await roundTrip(proc, new IPCMessageReader(proc), new IPCMessageWriter(proc));
    assert.ok(codes.includes('json-comment'));
    assert.equal(exit, 0);
  });

  it('uses stdio when started without a transport flag', async () => {
    const proc = spawn(process.execPath, ['--import', 'tsx', SERVER_MAIN], { cwd: ROOT, stdio: ['pipe', 'pipe', 'pipe'] });
    const { codes, exit } = await roundTrip(proc, new StreamMessageReader(proc.stdout!), new StreamMessageWriter(proc.stdin!));
    assert.ok(codes.includes('json-comment'));
    assert.equal(exit, 0);
  });
});
