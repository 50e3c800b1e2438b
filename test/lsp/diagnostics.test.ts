// Diagnostics over a real stdio connection: what is published, for which documents, under which
// settings, and for which version.
import { after, before, describe, it } from 'node:test';
import * as assert from 'node:assert/strict';
import { DiagnosticSeverity, PublishDiagnosticsParams } from 'vscode-languageserver/node';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { BROKEN, expectedDiagnostics, ruleDocsUrl, WITH_COMMENT } from './fixtures';
import { fileUri, LspClient } from './lspClient';

const pick = (p: PublishDiagnosticsParams) => p.diagnostics.map((d) => ({ code: d.code, severity: d.severity, message: d.message, range: d.range }));
const codes = (p: { diagnostics: { code?: unknown }[] }) => p.diagnostics.map((d) => d.code);

describe('LSP diagnostics', { timeout: 30_000 }, () => {
  let client: LspClient;
  before(async () => {
    client = await LspClient.start({ settings: { debounceMs: 0 } });
  });
  after(async () => {
    assert.equal(await client.stop(), 0, 'the server exits with 0 after shutdown + exit');
  });

  it('publishes every finding with its rule, docs link, exact range, severity and version', async () => {
    const uri = fileUri('broken.json');
    await client.open(uri, BROKEN, 'json', 7);
    const p = await client.diagnostics(uri);
    assert.equal(p.version, 7);
    assert.deepEqual(pick(p), expectedDiagnostics(uri, BROKEN));
    const doc = client.doc(uri);
    const comment = p.diagnostics.find((d) => d.code === 'json-comment')!;
    assert.equal(doc.getText(comment.range), '// recordings bucket');
    assert.equal(comment.severity, DiagnosticSeverity.Error);
    assert.equal(comment.source, 'connect-iam');
    assert.equal(comment.codeDescription?.href, ruleDocsUrl('json-comment'));
    const comma = p.diagnostics.find((d) => d.code === 'json-trailing-comma')!;
    assert.equal(doc.getText(comma.range), ',');
    const dup = p.diagnostics.find((d) => d.code === 'json-duplicate-key')!;
    assert.equal(doc.getText(dup.range), '"Effect"');
    const [related] = dup.relatedInformation ?? [];
    assert.equal(related.location.uri, uri);
    assert.equal(doc.getText(related.location.range), '"Effect"');
    assert.ok(doc.offsetAt(related.location.range.start) < doc.offsetAt(dup.range.start), 'related points at the first key');
  });

  it('re-analyses after an incremental change and drops the fixed finding', async () => {
    const uri = fileUri('incremental.json');
    await client.open(uri, WITH_COMMENT);
    assert.deepEqual(codes(await client.diagnostics(uri)).filter((c) => c === 'json-comment'), ['json-comment']);
    const start = WITH_COMMENT.indexOf('// recordings bucket');
    const end = WITH_COMMENT.indexOf('"Sid": "VisualEditor0"');
    await client.replace(uri, start, end, '');
    const diagnostics = await client.current(uri);
    assert.ok(!diagnostics.some((d) => d.code === 'json-comment'));
    assert.doesNotThrow(() => JSON.parse(client.text(uri)));
  });

  it('leaves JSON that is not a policy alone, and clears a document that stops being one', async () => {
    const other = fileUri('package.json');
    await client.open(other, '{ "name": "x", // comment\n "version": "1.0.0", }');
    const uri = fileUri('becomes-other.json');
    await client.open(uri, WITH_COMMENT);
    await client.diagnostics(uri, (p) => p.diagnostics.length > 0);
    // The barrier: `uri` was analysed after `other`, which got nothing.
    assert.deepEqual(client.publishedFor(other), []);
    assert.deepEqual(await client.codeActions(other, { start: { line: 0, character: 15 }, end: { line: 0, character: 25 } }), []);

    const before = client.published.length;
    await client.replace(uri, 0, WITH_COMMENT.length, '{ "name": "no longer a policy" }');
    const cleared = await client.diagnostics(uri, (p) => client.published.indexOf(p) >= before);
    assert.deepEqual(cleared.diagnostics, []);
  });

  it('clears the diagnostics of a closed document', async () => {
    const uri = fileUri('closing.json');
    await client.open(uri, WITH_COMMENT);
    await client.diagnostics(uri, (p) => p.diagnostics.length > 0);
    const before = client.published.length;
    await client.close(uri);
    const cleared = await client.diagnostics(uri, (p) => client.published.indexOf(p) >= before);
    assert.deepEqual(cleared.diagnostics, []);
  });

  it('applies rule settings pulled again after a configuration change', async () => {
    const uri = fileUri('settings.json');
    await client.open(uri, BROKEN);
    await client.diagnostics(uri, (p) => codes(p).includes('json-comment'));
    const before = client.published.length;
    await client.setSettings({ debounceMs: 0, rules: { 'json-comment': 'off', 'json-duplicate-key': 'warning' } });
    const after = await client.diagnostics(uri, (p) => client.published.indexOf(p) >= before);
    assert.ok(!codes(after).includes('json-comment'), 'the rule turned off is gone');
    assert.equal(after.diagnostics.find((d) => d.code === 'json-duplicate-key')?.severity, DiagnosticSeverity.Warning);
    assert.ok(codes(after).includes('json-trailing-comma'), 'other rules keep running');
    await client.setSettings({ debounceMs: 0 });
    const back = await client.diagnostics(uri, (p) => client.published.indexOf(p) > before && codes(p).includes('json-comment'));
    const beforeOff = client.published.length;
    await client.setSettings({ debounceMs: 0, enable: false });
    const off = await client.diagnostics(uri, (p) => client.published.indexOf(p) >= beforeOff);
    assert.deepEqual(off.diagnostics, [], 'enable: false clears the diagnostics');
    await client.setSettings({ debounceMs: 0 });
    const on = await client.diagnostics(uri, (p) => client.published.indexOf(p) > beforeOff && p.diagnostics.length > 0);
    assert.deepEqual(on.diagnostics, back.diagnostics);
  });

  it('analyses a document matched by connectIam.files even without a Statement', async () => {
    const text = '{\n  // draft\n  "Version": "2012-10-17"\n}';
    const plain = fileUri('drafts/plain.json');
    const matched = fileUri('infra/draft.json');
    await client.setSettings({ debounceMs: 0, files: ['**/infra/*.json'] });
    await client.open(plain, text);
    await client.open(matched, text);
    const p = await client.diagnostics(matched);
    assert.ok(codes(p).includes('json-comment'));
    assert.deepEqual(pick(p), expectedDiagnostics(matched, text, { forcePolicy: true }));
    assert.deepEqual(client.publishedFor(plain), [], 'the document outside the glob is not a policy');
    await client.setSettings({ debounceMs: 0 });
  });

  it('gives a document over maxDocumentSize one information diagnostic and no analysis', async () => {
    const uri = fileUri('huge.json');
    const padding = ' '.repeat(4000);
    const text = BROKEN.replace('{', '{' + padding);
    await client.setSettings({ debounceMs: 0, maxDocumentSize: 3000 });
    await client.open(uri, text);
    const p = await client.diagnostics(uri);
    assert.equal(p.diagnostics.length, 1);
    const [d] = p.diagnostics;
    assert.equal(d.severity, DiagnosticSeverity.Information);
    assert.deepEqual(d.range, { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } });
    assert.match(d.message, /maxDocumentSize/);
    await client.setSettings({ debounceMs: 0 });
    const analysed = await client.diagnostics(uri, (x) => x.diagnostics.length > 1);
    assert.deepEqual(pick(analysed), expectedDiagnostics(uri, text));
  });
});

describe('LSP diagnostics without workspace/configuration', { timeout: 30_000 }, () => {
  it('uses initialization options, then settings pushed with didChangeConfiguration', async () => {
    const client = await LspClient.start({ configuration: false, initializationOptions: { connectIam: { debounceMs: 0, rules: { 'json-comment': 'warning' } } } });
    try {
      const uri = fileUri('push.json');
      await client.open(uri, WITH_COMMENT);
      const first = await client.diagnostics(uri);
      assert.equal(first.diagnostics.find((d) => d.code === 'json-comment')?.severity, DiagnosticSeverity.Warning);
      const before = client.published.length;
      await client.setSettings({ debounceMs: 0, rules: { 'json-comment': 'off' } }, true);
      // A publication with the old settings may still arrive (the server revalidates every
      // document once the HCL parser has loaded, which under load can come after the first
      // one): wait for the one without the rule; the wait fails if the new settings never apply.
      const second = await client.diagnostics(uri, (p) => client.published.indexOf(p) >= before && !codes(p).includes('json-comment'));
      assert.ok(second.diagnostics.length > 0, 'the other findings are still published');
      const doc = TextDocument.create(uri, 'json', 1, WITH_COMMENT);
      assert.ok(second.diagnostics.every((d) => doc.getText(d.range).length >= 0));
    } finally {
      await client.stop();
    }
  });

  it('analyses with defaults when the client sends no settings at all', async () => {
    const client = await LspClient.start({ configuration: false });
    try {
      const uri = fileUri('defaults.json');
      await client.open(uri, WITH_COMMENT);
      const p = await client.diagnostics(uri);
      assert.deepEqual(pick(p), expectedDiagnostics(uri, WITH_COMMENT));
    } finally {
      await client.stop();
    }
  });
});

// The test client itself, as the benchmark starts it (scripts/bench/edit.ts benchClient).
describe('LSP test client', { timeout: 30_000 }, () => {
  // An editor keeps only each document's latest diagnostics; the versions of earlier
  // publications still count the stale ones (the bench's rapid edits).
  it("latestDiagnosticsOnly keeps every publication's version and only the latest diagnostics", async () => {
    const client = await LspClient.start({ settings: { debounceMs: 0 }, latestDiagnosticsOnly: true });
    try {
      const uri = fileUri('latest-only.json');
      const other = fileUri('latest-other.json');
      await client.open(uri, WITH_COMMENT);
      await client.open(other, WITH_COMMENT);
      await client.diagnostics(other);
      const at = WITH_COMMENT.indexOf('VisualEditor0');
      for (const sid of ['A', 'B']) {
        await client.replace(uri, at, at + 1, sid);
        await client.current(uri);
      }
      const mine = client.publishedFor(uri);
      assert.deepEqual(mine.map((p) => p.version), [1, 2, 3]);
      assert.deepEqual(mine.slice(0, 2).map((p) => p.diagnostics), [[], []], 'earlier publications dropped their diagnostics');
      assert.deepEqual(pick(mine[2]), expectedDiagnostics(uri, client.text(uri)));
      assert.deepEqual(pick(client.publishedFor(other)[0]), expectedDiagnostics(other, WITH_COMMENT), "another document's latest is kept");
    } finally {
      await client.stop();
    }
  });
});
