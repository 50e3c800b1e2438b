// Language-server figures for the benchmark, measured over stdio against the shipped
// dist/server.js as an editor would see them: cold start to first diagnostics, didChange to
// diagnostics latency over many edits, and the server's peak RSS.
import { ChildProcess, spawn } from 'child_process';
import * as fs from 'fs';
import * as path from 'path';
import {
  createProtocolConnection,
  DidChangeTextDocumentNotification,
  DidOpenTextDocumentNotification,
  ExitNotification,
  InitializedNotification,
  InitializeRequest,
  ProtocolConnection,
  PublishDiagnosticsNotification,
  PublishDiagnosticsParams,
  ShutdownRequest,
  StreamMessageReader,
  StreamMessageWriter,
} from 'vscode-languageserver/node';
import { percentile } from './measure';

const SERVER = path.join(__dirname, '..', '..', 'dist', 'server.js');

export interface LatencyFigures {
  name: string;
  edits: number;
  p50: number;
  p99: number;
}

export interface ServerFigures {
  coldStartMs: number;
  latency: LatencyFigures[];
  peakRss: number;
}

interface Session {
  proc: ChildProcess;
  conn: ProtocolConnection;
  /** Resolves when diagnostics for `uri` at `version` (or later) arrive. */
  diagnosticsFor(uri: string, version: number): Promise<PublishDiagnosticsParams>;
}

async function start(): Promise<Session> {
  const proc = spawn(process.execPath, [SERVER, '--stdio'], { stdio: ['pipe', 'pipe', 'inherit'] });
  const conn = createProtocolConnection(new StreamMessageReader(proc.stdout!), new StreamMessageWriter(proc.stdin!));
  const waiters: { uri: string; version: number; resolve: (p: PublishDiagnosticsParams) => void }[] = [];
  conn.onNotification(PublishDiagnosticsNotification.type, (p) => {
    for (let i = waiters.length - 1; i >= 0; i--) {
      const w = waiters[i];
      if (w.uri === p.uri && (p.version === undefined || p.version >= w.version)) {
        waiters.splice(i, 1);
        w.resolve(p);
      }
    }
  });
  // Measure the server's own work, not the editor-side debounce: the bench sets it to 0.
  conn.onRequest('workspace/configuration', (params: { items: unknown[] }) => params.items.map(() => ({ debounceMs: 0 })));
  conn.listen();
  return {
    proc,
    conn,
    diagnosticsFor: (uri, version) => new Promise((resolve) => waiters.push({ uri, version, resolve })),
  };
}

async function initialize(s: Session): Promise<void> {
  await s.conn.sendRequest(InitializeRequest.type, {
    processId: process.pid,
    rootUri: null,
    capabilities: { workspace: { configuration: true }, textDocument: { publishDiagnostics: { versionSupport: true } } },
    initializationOptions: { debounceMs: 0 },
  });
  await s.conn.sendNotification(InitializedNotification.type, {});
}

async function stop(s: Session): Promise<void> {
  await s.conn.sendRequest(ShutdownRequest.type).catch(() => undefined);
  await s.conn.sendNotification(ExitNotification.type).catch(() => undefined);
  s.conn.dispose();
  s.proc.kill();
}

function rssOf(pid: number): number {
  try {
    const status = fs.readFileSync(`/proc/${pid}/status`, 'utf8');
    const m = /VmHWM:\s+(\d+) kB/.exec(status); // peak resident set size
    return m ? Number(m[1]) * 1024 : NaN;
  } catch {
    return NaN;
  }
}

async function open(s: Session, uri: string, text: string): Promise<void> {
  const first = s.diagnosticsFor(uri, 1);
  await s.conn.sendNotification(DidOpenTextDocumentNotification.type, { textDocument: { uri, languageId: 'json', version: 1, text } });
  await first;
}

/** Edit the first Sid's last character back and forth, waiting for each edit's diagnostics. */
async function editLatency(s: Session, uri: string, text: string, edits: number): Promise<number[]> {
  const sid = text.indexOf('"Sid": "') + '"Sid": "'.length;
  const at = text.indexOf('"', sid) - 1;
  const line = text.slice(0, at).split('\n').length - 1;
  const character = at - (text.lastIndexOf('\n', at - 1) + 1);
  const samples: number[] = [];
  for (let version = 2; version < edits + 2; version++) {
    const pending = s.diagnosticsFor(uri, version);
    const start = process.hrtime.bigint();
    await s.conn.sendNotification(DidChangeTextDocumentNotification.type, {
      textDocument: { uri, version },
      contentChanges: [{ range: { start: { line, character }, end: { line, character: character + 1 } }, text: version % 2 ? 'X' : 'Y' }],
    });
    await pending;
    samples.push(Number(process.hrtime.bigint() - start) / 1e6);
  }
  return samples;
}

export async function measureServer(sixKb: string, oneMb: string): Promise<ServerFigures> {
  // Cold start: process spawn → initialize → open → first diagnostics.
  const coldSamples: number[] = [];
  for (let i = 0; i < 5; i++) {
    const begin = process.hrtime.bigint();
    const s = await start();
    await initialize(s);
    await open(s, 'file:///bench/cold.json', sixKb);
    coldSamples.push(Number(process.hrtime.bigint() - begin) / 1e6);
    await stop(s);
  }

  const s = await start();
  await initialize(s);
  const latency: LatencyFigures[] = [];
  for (const [name, text, edits] of [['6 KB', sixKb, 500], ['1 MB', oneMb, 500]] as const) {
    const uri = `file:///bench/${name.replace(' ', '')}.json`;
    await open(s, uri, text);
    const samples = await editLatency(s, uri, text, edits);
    latency.push({ name, edits, p50: percentile(samples, 50), p99: percentile(samples, 99) });
  }
  const peakRss = rssOf(s.proc.pid!);
  await stop(s);
  return { coldStartMs: percentile(coldSamples, 50), latency, peakRss };
}
