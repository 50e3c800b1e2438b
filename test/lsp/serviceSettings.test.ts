// Hover and completion read the document as its analysis does (one parsed document per version,
// lsp/analyzer.ts): the connectIam.files globs that make a JSON file a policy for diagnostics
// make it one for hovers and completions too, and only while the settings say so; and a version
// is read once, on the main thread only when it is not the worker's.
import { describe, it } from 'node:test';
import * as assert from 'node:assert/strict';
import { MarkupContent } from 'vscode-languageserver/node';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { createPolicyService, parseHost } from '../../server/src/engine';
import { Analyzer } from '../../server/src/lsp/analyzer';
import { readDiagnostics } from '../../server/src/lsp/workerSession';
import { OFF_THREAD_CHARS } from '../../server/src/lsp/analysisWorker';
import { FileGlobs } from '../../server/src/lsp/fileGlobs';
import { DEFAULT_SETTINGS, Settings } from '../../server/src/lsp/settings';
import { generatedPolicy } from '../corpus';
import { SEED_S3 } from './fixtures';
import { fileUri, LspClient } from './lspClient';

/** A policy being started: no Statement yet, so only the files globs make it one. */
const STARTED = '{\n  "Version": "2012-10-17",\n  "Id": "x"\n}';
const ON_VERSION = { line: 1, character: 5 };

describe('LSP: hover and completion follow connectIam.files', { timeout: 30_000 }, () => {
  it('hovers in a file the globs name, not in the same JSON elsewhere, and stops when the glob goes', async () => {
    const client = await LspClient.start({ settings: { debounceMs: 0, files: ['*.iam.json'] } });
    try {
      const named = fileUri('started.iam.json');
      const other = fileUri('started.json');
      await client.open(named, STARTED);
      await client.open(other, STARTED);
      const hover = await client.hover(named, ON_VERSION);
      assert.ok(hover, 'a hover on Version in the file the globs name');
      assert.match((hover.contents as MarkupContent).value, /^\*\*Version\*\*/);
      assert.equal(client.doc(named).getText(hover.range!), '"Version"');
      assert.equal(await client.hover(other, ON_VERSION), null, 'the same text in a file the globs do not name is no policy');

      await client.setSettings({ debounceMs: 0, files: [] });
      assert.equal(await client.hover(named, ON_VERSION), null, 'without the glob the file is no policy any more');
    } finally {
      assert.equal(await client.stop(), 0);
    }
  });

  it('gets no hover in an untrusted workspace, whose globs are ignored', async () => {
    const client = await LspClient.start({ settings: { debounceMs: 0, files: ['*.iam.json'] }, initializationOptions: { workspaceTrusted: false } });
    try {
      const named = fileUri('started.iam.json');
      await client.open(named, STARTED);
      assert.equal(await client.hover(named, ON_VERSION), null);
    } finally {
      assert.equal(await client.stop(), 0);
    }
  });

  it('completes the top-level elements of JSON the globs call a policy, and only there', async () => {
    const client = await LspClient.start({ settings: { debounceMs: 0, files: ['*.iam.json'] } });
    try {
      // A key that is no policy element ("Owner") makes other JSON no policy for completion.
      const text = '{\n  "Version": "2012-10-17",\n  "Owner": "team",\n  "Id": "x"\n}';
      const onIdKey = { line: 3, character: 4 };
      const named = fileUri('typing.iam.json');
      const other = fileUri('typing.json');
      await client.open(named, text);
      await client.open(other, text);
      const labels = ((await client.completion(named, onIdKey))?.items ?? []).map((i) => i.label);
      assert.ok(labels.includes('Statement'), labels.join(', '));
      assert.ok(!labels.includes('Version'), 'Version is there already');
      assert.deepEqual((await client.completion(other, onIdKey))?.items ?? [], []);
    } finally {
      assert.equal(await client.stop(), 0);
    }
  });
});

describe('the analyzer: one parsed document per version', { timeout: 60_000 }, () => {
  const settings = DEFAULT_SETTINGS as Settings;
  function counting() {
    const reads: number[] = [];
    const service = createPolicyService({ readHost: (text, hint) => (reads.push(text.length), parseHost(text, hint)) });
    return { analyzer: new Analyzer(new FileGlobs(), service), reads };
  }

  it('reads a version once for its diagnostics, hovers and completions, and a new version once more', async () => {
    const { analyzer, reads } = counting();
    try {
      const uri = 'file:///p.json';
      let doc = TextDocument.create(uri, 'json', 1, SEED_S3);
      const analysis = await analyzer.analyze(doc, settings);
      assert.ok(analysis.isPolicy && analysis.findings.length > 0);
      const offset = SEED_S3.indexOf('s3:GetBucketAcl') + 3;
      assert.ok(analyzer.service.hover(analyzer.parsed(doc, settings), offset));
      assert.ok(analyzer.service.complete(analyzer.parsed(doc, settings), offset).items.length > 0);
      assert.equal(reads.length, 1);
      doc = TextDocument.update(doc, [{ text: SEED_S3.replace('s3:GetBucketAcl', 's3:GetBucketAcX') }], 2);
      const next = await analyzer.analyze(doc, settings);
      assert.ok(next.findings.some((f) => f.ruleId === 'action-unknown'));
      analyzer.service.hover(analyzer.parsed(doc, settings), offset);
      assert.equal(reads.length, 2);
    } finally {
      analyzer.dispose();
    }
  });

  it('leaves a large document to the worker: the main thread reads it only for a hover', async () => {
    const { analyzer, reads } = counting();
    try {
      const text = generatedPolicy(OFF_THREAD_CHARS + 10_000);
      const doc = TextDocument.create('file:///big.json', 'json', 1, text);
      const analysis = await analyzer.analyze(doc, settings);
      assert.ok(analysis.isPolicy && readDiagnostics(analysis.worker!.answer).length > 0, 'the worker analysed it');
      assert.equal(reads.length, 0);
      const offset = text.indexOf('"Action"') + 2;
      assert.ok(analyzer.service.hover(analyzer.parsed(doc, settings), offset), 'a hover on the Action key');
      analyzer.service.hover(analyzer.parsed(doc, settings), offset);
      assert.equal(reads.length, 1);
    } finally {
      analyzer.dispose();
    }
  });
});
