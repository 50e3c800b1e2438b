// A minimal LSP client for the tests: spawns the real server (`main.ts --stdio` through tsx) and
// talks JSON-RPC to it over its stdin/stdout, the way an editor does.
import { ChildProcess, spawn } from 'child_process';
import * as path from 'path';
import {
  CodeAction,
  CodeActionParams,
  CompletionList,
  createProtocolConnection,
  Diagnostic,
  Hover,
  InitializeParams,
  Position,
  ProtocolConnection,
  PublishDiagnosticsParams,
  Range,
  StreamMessageReader,
  StreamMessageWriter,
  TextDocumentContentChangeEvent,
  TextEdit,
  WorkspaceEdit,
} from 'vscode-languageserver/node';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { ROOT } from '../helpers';

export const SERVER_MAIN = path.join(ROOT, 'server', 'src', 'lsp', 'main.ts');

export interface ClientOptions {
  /** Advertise `workspace/configuration` and answer it with `settings` (default true). */
  configuration?: boolean;
  /** The `connectIam` section the client reports. */
  settings?: Record<string, unknown>;
  initializationOptions?: unknown;
  /** Advertise `window.workDoneProgress` (default false). */
  workDoneProgress?: boolean;
  rootPath?: string;
  /** The server command (default: the TypeScript source through tsx). The benchmark passes the
   *  shipped `dist/server.js`. */
  command?: string[];
  /** Keep the diagnostics of the latest publication per document only, as an editor does; the
   *  earlier publications keep their uri and version (default false: tests read the history).
   *  The benchmark sets it: 100 publications of a 1 MB document's ~3,900 diagnostics kept alive
   *  would grow this process's heap by hundreds of MB, and its garbage collector's pauses would
   *  be timed as the server's latency. */
  latestDiagnosticsOnly?: boolean;
}

type Waiter = { uri: string; test: (p: PublishDiagnosticsParams) => boolean; resolve: (p: PublishDiagnosticsParams) => void };

export class LspClient {
  readonly published: PublishDiagnosticsParams[] = [];
  readonly logs: string[] = [];
  /** `$/progress` values and `connectIam/documentStatus` notifications, as received. */
  readonly progress: { kind: string; message?: string; cancellable?: boolean; token?: string | number }[] = [];
  readonly statuses: unknown[] = [];
  settings: Record<string, unknown>;
  private readonly waiters: Waiter[] = [];
  private readonly docs = new Map<string, TextDocument>();
  /** latestDiagnosticsOnly: the index in `published` of each document's latest publication. */
  private readonly latest = new Map<string, number>();

  private constructor(readonly proc: ChildProcess, readonly conn: ProtocolConnection, opts: ClientOptions) {
    this.settings = opts.settings ?? {};
    conn.onNotification('textDocument/publishDiagnostics', (p: PublishDiagnosticsParams) => {
      if (opts.latestDiagnosticsOnly) {
        const last = this.latest.get(p.uri);
        if (last !== undefined) this.published[last] = { uri: p.uri, version: this.published[last].version, diagnostics: [] };
        this.latest.set(p.uri, this.published.length);
      }
      this.published.push(p);
      for (const w of [...this.waiters]) {
        if (w.uri === p.uri && w.test(p)) {
          this.waiters.splice(this.waiters.indexOf(w), 1);
          w.resolve(p);
        }
      }
    });
    conn.onNotification('window/logMessage', (p: { message: string }) => this.logs.push(p.message));
    conn.onRequest('workspace/configuration', (p: { items: { section?: string }[] }) =>
      p.items.map((i) => (i.section === 'connectIam' ? this.settings : null)),
    );
    conn.onRequest('client/registerCapability', () => null);
    conn.onRequest('workspace/workspaceFolders', () => null);
    conn.onRequest('window/workDoneProgress/create', () => null);
    conn.onNotification('$/progress', (p: { token: string | number; value: { kind: string; message?: string; cancellable?: boolean } }) => this.progress.push({ ...p.value, token: p.token }));
    conn.onNotification('connectIam/documentStatus', (p: unknown) => this.statuses.push(p));
  }

  static async start(opts: ClientOptions = {}): Promise<LspClient> {
    const [cmd, ...args] = opts.command ?? [process.execPath, '--import', 'tsx', SERVER_MAIN, '--stdio'];
    const proc = spawn(cmd, args, { cwd: ROOT, stdio: ['pipe', 'pipe', 'pipe'] });
    proc.stderr!.on('data', (d) => process.env.LSP_DEBUG && process.stderr.write(d));
    const conn = createProtocolConnection(new StreamMessageReader(proc.stdout!), new StreamMessageWriter(proc.stdin!));
    const client = new LspClient(proc, conn, opts);
    conn.listen();
    const configuration = opts.configuration ?? true;
    const rootUri = opts.rootPath ? `file://${opts.rootPath}` : null;
    const params: InitializeParams = {
      processId: process.pid,
      rootUri,
      workspaceFolders: rootUri ? [{ uri: rootUri, name: 'ws' }] : null,
      initializationOptions: opts.initializationOptions,
      capabilities: {
        workspace: { configuration, workspaceEdit: { documentChanges: true }, didChangeConfiguration: { dynamicRegistration: configuration } },
        textDocument: { publishDiagnostics: { relatedInformation: true, versionSupport: true } },
        window: { workDoneProgress: opts.workDoneProgress ?? false },
      },
    };
    const result = await conn.sendRequest('initialize', params);
    client.capabilities = (result as { capabilities: Record<string, unknown> }).capabilities;
    await conn.sendNotification('initialized', {});
    return client;
  }

  capabilities: Record<string, unknown> = {};

  text(uri: string): string {
    return this.doc(uri).getText();
  }

  doc(uri: string): TextDocument {
    const d = this.docs.get(uri);
    if (!d) throw new Error(`${uri} is not open`);
    return d;
  }

  async open(uri: string, text: string, languageId = 'json', version = 1): Promise<void> {
    this.docs.set(uri, TextDocument.create(uri, languageId, version, text));
    await this.conn.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId, version, text } });
  }

  /** Send incremental changes; returns the new version. */
  async change(uri: string, changes: TextDocumentContentChangeEvent[]): Promise<number> {
    const doc = this.doc(uri);
    const version = doc.version + 1;
    this.docs.set(uri, TextDocument.update(doc, changes, version));
    await this.conn.sendNotification('textDocument/didChange', { textDocument: { uri, version }, contentChanges: changes });
    return version;
  }

  /** Replace offsets [start, end) with `newText` as one incremental change. */
  replace(uri: string, start: number, end: number, newText: string): Promise<number> {
    const doc = this.doc(uri);
    return this.change(uri, [{ range: { start: doc.positionAt(start), end: doc.positionAt(end) }, text: newText }]);
  }

  async close(uri: string): Promise<void> {
    this.docs.delete(uri);
    await this.conn.sendNotification('textDocument/didClose', { textDocument: { uri } });
  }

  /** The next (or an already received) publication for `uri` that passes `test`. */
  diagnostics(uri: string, test: (p: PublishDiagnosticsParams) => boolean = () => true, timeoutMs = 8000): Promise<PublishDiagnosticsParams> {
    const seen = this.published.find((p) => p.uri === uri && test(p));
    if (seen) return Promise.resolve(seen);
    return new Promise((resolve, reject) => {
      const waiter: Waiter = { uri, test, resolve: (p) => { clearTimeout(timer); resolve(p); } };
      const timer = setTimeout(() => {
        this.waiters.splice(this.waiters.indexOf(waiter), 1);
        reject(new Error(`no matching diagnostics for ${uri} within ${timeoutMs} ms; got ${JSON.stringify(this.published.filter((p) => p.uri === uri).slice(-2))}`));
      }, timeoutMs);
      this.waiters.push(waiter);
    });
  }

  /** The user clicks Cancel on a progress report. */
  async cancelProgress(token: string | number): Promise<void> {
    await this.conn.sendNotification('window/workDoneProgress/cancel', { token });
  }

  /** Diagnostics published for the client's current version of `uri`. */
  current(uri: string, timeoutMs?: number): Promise<Diagnostic[]> {
    const version = this.doc(uri).version;
    return this.diagnostics(uri, (p) => p.version === version, timeoutMs).then((p) => p.diagnostics);
  }

  /** Publications received since `since` (an index into `published`). */
  publishedFor(uri: string, since = 0): PublishDiagnosticsParams[] {
    return this.published.slice(since).filter((p) => p.uri === uri);
  }

  hover(uri: string, position: Position): Promise<Hover | null> {
    return this.conn.sendRequest('textDocument/hover', { textDocument: { uri }, position });
  }

  completion(uri: string, position: Position): Promise<CompletionList | null> {
    return this.conn.sendRequest('textDocument/completion', { textDocument: { uri }, position });
  }

  codeActions(uri: string, range: Range, only?: string[], diagnostics: Diagnostic[] = []): Promise<CodeAction[]> {
    const params: CodeActionParams = { textDocument: { uri }, range, context: { diagnostics, only } };
    return this.conn.sendRequest('textDocument/codeAction', params);
  }

  async setSettings(settings: Record<string, unknown>, push = false): Promise<void> {
    this.settings = settings;
    await this.conn.sendNotification('workspace/didChangeConfiguration', { settings: push ? { connectIam: settings } : null });
  }

  /** Apply a workspace edit to the client's copy of the document (checking its version) and send
   *  it to the server as the editor would. Returns the new text. */
  async applyEdit(uri: string, edit: WorkspaceEdit): Promise<string> {
    const edits: TextEdit[] = [];
    for (const change of edit.documentChanges ?? []) {
      if (!('textDocument' in change)) throw new Error('unexpected resource operation');
      if (change.textDocument.uri !== uri) throw new Error(`edit for another document: ${change.textDocument.uri}`);
      if (change.textDocument.version !== this.doc(uri).version) throw new Error('edit for an outdated version');
      edits.push(...(change.edits as TextEdit[]));
    }
    edits.push(...(edit.changes?.[uri] ?? []));
    const doc = this.doc(uri);
    const newText = TextDocument.applyEdits(doc, edits);
    await this.change(uri, [{ text: newText }]);
    return newText;
  }

  async stop(): Promise<number | null> {
    const exited = new Promise<number | null>((resolve) => {
      if (this.proc.exitCode !== null) resolve(this.proc.exitCode);
      else this.proc.once('exit', (code) => resolve(code));
    });
    try {
      await this.conn.sendRequest('shutdown');
      await this.conn.sendNotification('exit');
    } catch {
      this.proc.kill();
    }
    const timer = setTimeout(() => this.proc.kill(), 3000);
    const code = await exited;
    clearTimeout(timer);
    this.conn.dispose();
    return code;
  }
}

/** The text a diagnostic (or any LSP range) covers in the client's copy of `uri`. */
export function textAt(doc: TextDocument, range: Range): string {
  return doc.getText(range);
}

export const fileUri = (name: string) => `file:///tmp/connect-iam-lsp-test/${name}`;
