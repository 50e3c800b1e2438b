// The language server against hostile input and misuse (issue 11): requests after shutdown, a
// large document analysed off the main thread while hovers are answered, a newer version
// superseding an older analysis, an analysis that fails, and settings of an untrusted workspace.
import { describe, it } from 'node:test';
import * as assert from 'node:assert/strict';
import { ErrorCodes, ResponseError } from 'vscode-languageserver/node';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { createPolicyService, HostAnalysis } from '../../server/src/engine';
import { Analyzer } from '../../server/src/lsp/analyzer';
import { OFF_THREAD_CHARS } from '../../server/src/lsp/analysisWorker';
import { FileGlobs } from '../../server/src/lsp/fileGlobs';
import { DEFAULT_SETTINGS, normalizeSettings } from '../../server/src/lsp/settings';
import { SettingsStore } from '../../server/src/lsp/settingsStore';
import { Validator } from '../../server/src/lsp/validator';
import { readDiagnostics } from '../../server/src/lsp/workerSession';
import { generatedPolicy } from '../corpus';
import { SEED_S3, WITH_COMMENT } from './fixtures';
import { fileUri, LspClient } from './lspClient';

async function errorOf(p: Promise<unknown>): Promise<ResponseError<unknown>> {
  try {
    await p;
  } catch (err) {
    return err as ResponseError<unknown>;
  }
  throw new Error('the request succeeded');
}

describe('LSP lifecycle', { timeout: 30_000 }, () => {
  it('answers every request after shutdown with InvalidRequest (-32600), then exits with 0', async () => {
    const client = await LspClient.start({ settings: { debounceMs: 0 } });
    const uri = fileUri('shutdown.json');
    await client.open(uri, SEED_S3);
    await client.current(uri);
    assert.equal(await client.conn.sendRequest('shutdown'), null);
    const hover = await errorOf(client.hover(uri, { line: 1, character: 3 }));
    assert.equal(hover.code, ErrorCodes.InvalidRequest);
    assert.equal((await errorOf(client.completion(uri, { line: 1, character: 3 }))).code, ErrorCodes.InvalidRequest);
    assert.equal((await errorOf(client.codeActions(uri, { start: { line: 0, character: 0 }, end: { line: 0, character: 1 } }))).code, ErrorCodes.InvalidRequest);
    assert.equal((await errorOf(client.conn.sendRequest('textDocument/definition', { textDocument: { uri }, position: { line: 0, character: 0 } }))).code, ErrorCodes.InvalidRequest);
    assert.equal((await errorOf(client.conn.sendRequest('shutdown'))).code, ErrorCodes.InvalidRequest);
    const exited = new Promise<number | null>((resolve) => client.proc.once('exit', resolve));
    await client.conn.sendNotification('exit');
    assert.equal(await exited, 0);
    client.conn.dispose();
  });

  it('before shutdown, an unknown request is MethodNotFound', async () => {
    const client = await LspClient.start();
    const err = await errorOf(client.conn.sendRequest('connectIam/noSuchThing', {}));
    assert.equal(err.code, ErrorCodes.MethodNotFound);
    assert.equal(await client.stop(), 0);
  });
});

describe('LSP: large documents', { timeout: 60_000 }, () => {
  it('answers a hover while a large document is being analysed, and publishes only the newest version', async () => {
    const client = await LspClient.start({ settings: { debounceMs: 0, maxDocumentSize: 10_000_000 } });
    const small = fileUri('small.json');
    await client.open(small, SEED_S3);
    await client.current(small);
    const big = fileUri('big.json');
    const text = generatedPolicy(1_500_000);
    // Three versions in a row: the first two are superseded before their analysis can finish.
    await client.open(big, text);
    await client.replace(big, 0, 0, ' ');
    const last = await client.replace(big, 0, 0, ' ');
    await new Promise((r) => setTimeout(r, 100)); // the analysis of the last version is under way
    const asked = client.published.length;
    const hover = await client.hover(small, { line: 1, character: 4 });
    assert.ok(hover, 'the hover on the small document is answered');
    assert.equal(client.publishedFor(big, asked).length, 0, 'the hover did not wait for the large analysis');
    const p = await client.diagnostics(big, (x) => x.version === last, 30_000);
    assert.ok(p.diagnostics.length > 0);
    const versions = client.publishedFor(big).map((x) => x.version);
    assert.ok(versions.every((v) => v === last), `published versions ${versions.join(', ')}: only the newest`);
    assert.equal(await client.stop(), 0);
  });

  it('loads the HCL parser at the first Terraform file, which waits for it: its first diagnostics are its findings', async () => {
    const client = await LspClient.start({ settings: { debounceMs: 0 } });
    // A policy first: nothing Terraform yet, so nothing waits.
    const json = fileUri('first.json');
    await client.open(json, JSON.stringify({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: 's3:GetObjet', Resource: '*' }] }));
    assert.deepEqual((await client.current(json, 30_000)).map((d) => d.code), ['action-unknown']);
    const uri = fileUri('main.tf');
    await client.open(uri, 'resource "aws_iam_policy" "p" {\n  policy = jsonencode({\n    Version = "2012-10-17"\n    Statement = [{ Effect = "Allow", Action = ["s3:GetObjet"], Resource = "arn:aws:s3:::b/*" }]\n  })\n}\n', 'terraform');
    await client.current(uri, 30_000);
    // Every publication for it (not only the last) holds the finding, none a "not checked" note.
    const codes = client.publishedFor(uri).map((p) => p.diagnostics.map((d) => d.code).join());
    assert.ok(codes.length >= 1 && codes.every((c) => c === 'action-unknown'), codes.join(' | '));
    assert.equal(await client.stop(), 0);
  });

  it('a request answered while the HCL parser loads does not leave the file "not checked"', { timeout: 60_000 }, async () => {
    const client = await LspClient.start({ settings: { debounceMs: 0 } });
    const uri = fileUri('asked.tf');
    await client.open(uri, 'resource "aws_iam_policy" "p" {\n  policy = jsonencode({\n    Version = "2012-10-17"\n    Statement = [{ Effect = "Allow", Action = ["s3:GetObjet"], Resource = "arn:aws:s3:::b/*" }]\n  })\n}\n', 'terraform');
    // Asked at once, as an editor asks for the lightbulb when a file opens: answered from a read
    // of the file made before the parser is there.
    await Promise.all([client.codeActions(uri, { start: { line: 3, character: 40 }, end: { line: 3, character: 40 } }), client.hover(uri, { line: 3, character: 40 })]);
    const diagnostics = await client.current(uri, 30_000);
    assert.deepEqual(diagnostics.map((d) => d.code), ['action-unknown']);
    assert.equal(await client.stop(), 0);
  });

  it('analyses a large Terraform file in the worker too, with the worker\'s own HCL parser', async () => {
    const client = await LspClient.start({ settings: { debounceMs: 0 } });
    const block = (i: number) => `resource "aws_iam_policy" "p${i}" {\n  name   = "p${i}"\n  policy = jsonencode({\n    Version = "2012-10-17"\n    Statement = [{ Effect = "Allow", Action = ["s3:GetObject"], Resource = "arn:aws:s3:::bucket-${i}/*" }]\n  })\n}\n`;
    let text = block(0).replace('"s3:GetObject"', '"s3:GetObjet"');
    for (let i = 1; text.length < OFF_THREAD_CHARS * 1.5; i++) text += block(i);
    const uri = fileUri('big.tf');
    await client.open(uri, text, 'terraform');
    const diagnostics = await client.current(uri, 30_000);
    assert.deepEqual(diagnostics.filter((d) => d.severity === 1 || d.severity === 2).map((d) => d.code), ['action-unknown']);
    assert.equal(await client.stop(), 0);
  });

  it('the default size limit analyses a 1 MB document and refuses a 2 MB one with one diagnostic', async () => {
    assert.equal(DEFAULT_SETTINGS.maxDocumentSize, 1_000_000);
    const client = await LspClient.start({ settings: { debounceMs: 0 } });
    const ok = fileUri('one-mb.json');
    const okText = generatedPolicy(750_000);
    assert.ok(okText.length > 800_000 && okText.length < 1_000_000, String(okText.length));
    await client.open(ok, okText);
    const okFound = await client.current(ok, 30_000);
    assert.ok(okFound.length > 1, JSON.stringify(okFound));
    const big = fileUri('two-mb.json');
    await client.open(big, generatedPolicy(2_000_000));
    const found = await client.current(big, 30_000);
    assert.equal(found.length, 1, JSON.stringify(found.slice(0, 2)));
    assert.match(found[0].message, /not analysed.*connectIam\.maxDocumentSize setting \(1000000\)/, found[0].message);
    assert.equal(await client.stop(), 0);
  });
});

describe('LSP: an analysis that runs out of memory', { timeout: 120_000 }, () => {
  it('says so in one diagnostic, and the server lives on: other documents, hovers and the next version are served', async () => {
    // The worker's heap limit, lowered (CONNECT_IAM_ANALYSIS_HEAP_MB) far below what a 1 MB
    // document needs (about 60 MB); a small document still fits.
    process.env.CONNECT_IAM_ANALYSIS_HEAP_MB = '32';
    let client: LspClient;
    try {
      client = await LspClient.start({ settings: { debounceMs: 0, maxDocumentSize: 2_000_000 } });
    } finally {
      delete process.env.CONNECT_IAM_ANALYSIS_HEAP_MB;
    }
    const big = fileUri('huge.json');
    await client.open(big, generatedPolicy(1_000_000));
    const diagnostics = await client.current(big, 90_000);
    assert.equal(diagnostics.length, 1, JSON.stringify(diagnostics));
    assert.equal(diagnostics[0].code, 'internal-error');
    assert.match(diagnostics[0].message, /^Connect IAM could not analyse this document: the analysis needs more memory than it may use \(32 MB\), so no findings are shown for it\. Split it/);
    // Alive: a small document is analysed, the large one still has hovers (this thread reads it).
    const small = fileUri('small-after-oom.json');
    await client.open(small, SEED_S3);
    assert.ok((await client.current(small)).length > 0);
    assert.ok(await client.hover(big, { line: 6, character: 10 }), 'a hover on the large document');
    // The next version gets a fresh worker, which runs out again and says so again.
    await client.replace(big, 0, 0, ' ');
    const again = await client.current(big, 90_000);
    assert.match(again[0].message, /needs more memory than it may use/);
    assert.equal(await client.stop(), 0);
  });
});

describe('LSP: untrusted workspaces', { timeout: 30_000 }, () => {
  const NOT_A_POLICY_YET = '{"Version": "2012-10-17"}';

  it('applies connectIam.files in a trusted workspace', async () => {
    const client = await LspClient.start({ settings: { debounceMs: 0, files: ['*.iam.json'] } });
    const uri = fileUri('starting.iam.json');
    await client.open(uri, NOT_A_POLICY_YET);
    const diagnostics = await client.current(uri);
    assert.ok(diagnostics.some((d) => d.code === 'statement-missing' || /Statement/.test(d.message)));
    assert.equal(await client.stop(), 0);
  });

  it('ignores connectIam.files and holds the size limit to the default when the client says the workspace is untrusted', async () => {
    const client = await LspClient.start({ settings: { debounceMs: 0, files: ['*.iam.json'], maxDocumentSize: 1e9 }, initializationOptions: { workspaceTrusted: false } });
    const uri = fileUri('starting.iam.json');
    await client.open(uri, NOT_A_POLICY_YET);
    const policy = fileUri('real.json');
    await client.open(policy, WITH_COMMENT);
    await client.current(policy); // analysed in order: the first document had its turn
    assert.equal(client.publishedFor(uri).length, 0, 'not analysed as a policy');
    const big = fileUri('big-untrusted.json');
    await client.open(big, generatedPolicy(1_200_000));
    const [d] = await client.current(big, 30_000);
    assert.match(d.message, /not analysed/);
    assert.equal(await client.stop(), 0);
  });

  it('a glob built for catastrophic backtracking does not stall the server', async () => {
    const client = await LspClient.start({ settings: { debounceMs: 0, files: ['*a*a*a*a*a*a*a*a*a*a*a*a*a*b', '+(a|aa)+(a|aa)+(a|aa)+(a|aa)+(a|aa)+(a|aa)b'] } });
    const uri = fileUri(`${'a'.repeat(200)}.json`);
    const started = performance.now();
    await client.open(uri, WITH_COMMENT);
    await client.current(uri);
    assert.ok(performance.now() - started < 5000);
    assert.equal(await client.stop(), 0);
  });
});

describe('LSP: a failing analysis', () => {
  it('replaces the stale diagnostics with one that says the analysis failed', async () => {
    const sent: { uri: string; version?: number; diagnostics: { message: string; code?: unknown }[] }[] = [];
    const connection = {
      sendDiagnostics: async (p: (typeof sent)[number]) => void sent.push(p),
      console: { error: () => undefined },
    };
    let fail = false;
    const analyze = (): HostAnalysis => {
      if (fail) throw new RangeError('Maximum call stack size exceeded');
      return { isPolicy: true, kind: 'identity', host: 'policy', policies: [], findings: [{ ruleId: 'json-comment', severity: 'error', message: 'a comment', range: { start: 0, end: 1 } }] };
    };
    const settings = new SettingsStore(connection as never);
    const analyzer = new Analyzer(new FileGlobs(), { ...createPolicyService(), analyze });
    const docs = new Map<string, TextDocument>();
    const uri = 'file:///x.json';
    docs.set(uri, TextDocument.create(uri, 'json', 1, WITH_COMMENT));
    const validator = new Validator(connection as never, (u) => docs.get(u), settings, analyzer);
    const settle = () => new Promise((r) => setTimeout(r, 50));
    validator.schedule(uri, true);
    await settle();
    assert.deepEqual(sent.map((p) => p.diagnostics.map((d) => d.message)), [['a comment']]);
    fail = true;
    docs.set(uri, TextDocument.update(docs.get(uri)!, [{ text: SEED_S3 }], 2));
    validator.schedule(uri, true);
    await settle();
    assert.equal(sent.length, 2);
    assert.equal(sent[1].version, 2);
    assert.equal(sent[1].diagnostics.length, 1);
    assert.match(sent[1].diagnostics[0].message, /^Connect IAM could not analyse this document, so no findings are shown for it: Maximum call stack size exceeded/);
    analyzer.dispose();
  });

  it('normalizes settings the same way whatever the trust (rules stay in force)', () => {
    assert.deepEqual(normalizeSettings({ rules: { 'json-comment': 'off' } }).rules, { 'json-comment': 'off' });
  });
});

describe('the analysis worker pool', { timeout: 60_000 }, () => {
  it('analyses in a worker, and a cancelled job rejects while the next one still runs', async () => {
    const { AnalysisCancelled, AnalysisPool } = await import('../../server/src/lsp/analysisWorker');
    const pool = new AnalysisPool();
    try {
      const text = generatedPolicy(300_000);
      const first = pool.run('a', text, {});
      const queued = pool.run('a', text, {});
      const other = pool.run('b', SEED_S3, {});
      pool.cancel('a');
      await assert.rejects(first, AnalysisCancelled);
      await assert.rejects(queued, AnalysisCancelled);
      const result = await other;
      assert.equal(result.isPolicy, true);
      assert.ok(readDiagnostics(result).length > 0);
      assert.equal(pool.mode, 'worker');
    } finally {
      pool.dispose();
    }
  });
});
