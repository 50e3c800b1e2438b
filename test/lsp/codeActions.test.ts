// Quick fixes and fix-all over a real connection: every action's edit is applied to the client's
// copy of the document, sent back, and the server's new diagnostics are checked.
import { after, before, describe, it } from 'node:test';
import * as assert from 'node:assert/strict';
import { CodeActionKind, Diagnostic, Range } from 'vscode-languageserver/node';
import { analyze } from '../../server/src/engine';
import { BROKEN, expectedDiagnostics, SEED_S3 } from './fixtures';
import { fileUri, LspClient } from './lspClient';
import { OFF_THREAD_CHARS } from '../../server/src/lsp/analysisWorker';
import { generatedPolicy } from '../corpus';

const ALL: Range = { start: { line: 0, character: 0 }, end: { line: 100_000, character: 0 } };

describe('LSP code actions', { timeout: 30_000 }, () => {
  let client: LspClient;
  before(async () => {
    client = await LspClient.start({ settings: { debounceMs: 0 } });
  });
  after(async () => {
    await client.stop();
  });

  it('advertises quick fixes and the fix-all source action', () => {
    assert.deepEqual(client.capabilities.codeActionProvider, { codeActionKinds: [CodeActionKind.QuickFix, 'source.fixAll.connectIam'] });
  });

  it('offers a quick fix for each fixable finding under the cursor, and applying it removes the finding', async () => {
    const uri = fileUri('quickfix.json');
    await client.open(uri, BROKEN);
    let diagnostics = await client.current(uri);
    const fixable = analyze(BROKEN).findings.filter((f) => f.fixes?.length);
    assert.ok(fixable.some((f) => f.ruleId === 'json-comment') && fixable.some((f) => f.ruleId === 'json-trailing-comma'));
    // One at a time, as a user would: fix the first fixable strict-JSON diagnostic until none is left.
    for (let round = 0; round < 10; round++) {
      const target = diagnostics.find((d) => d.code === 'json-comment' || d.code === 'json-trailing-comma');
      if (!target) break;
      const actions = await client.codeActions(uri, target.range, undefined, [target]);
      const action = actions.find((a) => a.diagnostics?.some((d) => d.code === target.code && sameRange(d, target)));
      assert.ok(action, `a quick fix for ${target.code}`);
      assert.equal(action.kind, CodeActionKind.QuickFix);
      assert.equal(action.isPreferred, true);
      const before = client.text(uri);
      const after = await client.applyEdit(uri, action.edit!);
      assert.notEqual(after, before);
      diagnostics = await client.current(uri);
      assert.ok(!diagnostics.some((d) => d.code === target.code && d.message === target.message && sameRange(d, target)), `${target.code} is gone`);
    }
    const text = client.text(uri);
    assert.ok(!diagnostics.some((d) => d.code === 'json-comment' || d.code === 'json-trailing-comma'));
    assert.deepEqual(diagnostics.map(strip), expectedDiagnostics(uri, text));
    // Only the duplicate key (no safe automatic fix: which value should win?) keeps the JSON from
    // meaning one thing; without it the text is strict JSON.
    assert.doesNotThrow(() => JSON.parse(text));
  });

  it('applies every quick fix offered anywhere in a misspelt seed policy without breaking the JSON', async () => {
    const uri = fileUri('misspelt.json');
    const text = SEED_S3.replace('s3:GetBucketAcl', 's3:GetBuketAcl');
    await client.open(uri, text);
    const diagnostics = await client.current(uri);
    const actions = await client.codeActions(uri, ALL);
    const findings = analyze(text).findings;
    assert.ok(actions.length > 0, 'the misspelt action has fixes');
    assert.equal(actions.length, findings.reduce((n, f) => n + (f.fixes?.length ?? 0), 0), 'one action per fix');
    for (const action of actions) {
      const [d] = action.diagnostics ?? [];
      assert.ok(diagnostics.some((x) => x.code === d.code && sameRange(x, d)), 'the action names a published diagnostic');
      // Apply each action to a fresh copy of the original document.
      const probe = fileUri(`probe-${actions.indexOf(action)}.json`);
      await client.open(probe, text);
      const edit = JSON.parse(JSON.stringify(action.edit).split(uri).join(probe));
      edit.documentChanges[0].textDocument.version = 1;
      const fixed = await client.applyEdit(probe, edit);
      const after = await client.current(probe);
      assert.ok(!after.some((x) => x.code === d.code && x.message === d.message), `${action.title}: ${d.code} is gone`);
      assert.doesNotThrow(() => JSON.parse(fixed), `${action.title} leaves valid JSON`);
      await client.close(probe);
    }
  });

  it('answers a request limited to quick fixes with no fix-all, and an empty range away from findings with nothing', async () => {
    const uri = fileUri('ranges.json');
    await client.open(uri, BROKEN);
    await client.current(uri);
    const quick = await client.codeActions(uri, ALL, [CodeActionKind.QuickFix]);
    assert.ok(quick.length > 0 && quick.every((a) => a.kind === CodeActionKind.QuickFix));
    const versionLine = { start: { line: 1, character: 5 }, end: { line: 1, character: 5 } };
    assert.deepEqual(await client.codeActions(uri, versionLine), []);
  });

  it('fix-all applies every safe fix at once and leaves the unsafe ones', async () => {
    const uri = fileUri('fixall.json');
    const text = BROKEN.replace('"Sid": "VisualEditor1",', '"Sid": "VisualEditor1", /* a */ /* b */').replace('s3:GetBucketAcl', 's3:GetBuketAcl');
    await client.open(uri, text);
    const before = await client.current(uri);
    assert.ok(before.filter((d) => d.code === 'json-comment').length === 3);
    const actions = await client.codeActions(uri, ALL, ['source.fixAll']);
    assert.equal(actions.length, 1);
    const [fixAll] = actions;
    assert.equal(fixAll.kind, 'source.fixAll.connectIam');
    const fixed = await client.applyEdit(uri, fixAll.edit!);
    const after = await client.current(uri);
    const safeRules = new Set(analyze(text).findings.filter((f) => f.fixes?.some((x) => x.safe)).map((f) => f.ruleId));
    for (const rule of safeRules) assert.ok(!after.some((d) => d.code === rule), `no ${rule} left`);
    // Unsafe fixes (e.g. choosing between two similar action names) are left to the user.
    const unsafe = analyze(text).findings.filter((f) => f.fixes?.length && !f.fixes.some((x) => x.safe));
    for (const f of unsafe) assert.ok(after.some((d) => d.code === f.ruleId), `${f.ruleId} is still reported`);
    assert.deepEqual(after.map(strip), expectedDiagnostics(uri, fixed));
    assert.deepEqual(await client.codeActions(uri, ALL, ['source.fixAll.connectIam']), [], 'nothing left to fix');
  });
});

function sameRange(a: Diagnostic, b: Diagnostic): boolean {
  return JSON.stringify(a.range) === JSON.stringify(b.range);
}

function strip(d: Diagnostic) {
  return { code: d.code, severity: d.severity, message: d.message, range: d.range };
}

describe('LSP: rules the client reports itself', { timeout: 30_000 }, () => {
  let client: LspClient;
  before(async () => {
    client = await LspClient.start({
      settings: { debounceMs: 0 },
      initializationOptions: { clientReportedRules: { json: ['json-syntax', 'json-comment', 'json-trailing-comma'], jsonc: ['json-syntax'] } },
    });
  });
  after(async () => {
    await client.stop();
  });

  it('publishes them only for the other languages, and still offers their quick fixes', async () => {
    const json = fileUri('reported.json');
    const jsonc = fileUri('reported.jsonc');
    await client.open(json, BROKEN, 'json');
    await client.open(jsonc, BROKEN, 'jsonc');
    const inJson = await client.current(json);
    const inJsonc = await client.current(jsonc);
    const codes = (list: Diagnostic[]) => new Set(list.map((d) => d.code));
    assert.ok(!codes(inJson).has('json-comment') && !codes(inJson).has('json-trailing-comma'), 'VS Code reports these in json');
    assert.ok(codes(inJsonc).has('json-comment') && codes(inJsonc).has('json-trailing-comma'), 'jsonc allows comments, IAM does not');
    assert.ok(codes(inJson).has('json-duplicate-key'), 'what the editor does not report stays');
    // The Remove-the-comment fix is still in the lightbulb of the editor's own squiggle.
    const comment = analyze(BROKEN).findings.find((f) => f.ruleId === 'json-comment')!;
    const at = client.text(json).slice(0, comment.range.start).split('\n');
    const pos = { line: at.length - 1, character: at[at.length - 1].length };
    const actions = await client.codeActions(json, { start: pos, end: pos });
    assert.ok(actions.some((a) => a.title === comment.fixes![0].title), actions.map((a) => a.title).join(' | '));
  });
});

describe('LSP code actions on a large document (analysed in the worker, which keeps the fixes)', { timeout: 120_000 }, () => {
  let client: LspClient;
  before(async () => {
    client = await LspClient.start({ settings: { debounceMs: 0 }, initializationOptions: { clientReportedRules: { json: ['json-trailing-comma'] } } });
  });
  after(async () => {
    await client.stop();
  });
  // A misspelt action (a quick fix that is not safe) and a trailing comma (a safe one, which this
  // client reports itself) in a document long enough for the worker.
  const base = generatedPolicy(OFF_THREAD_CHARS + 20_000);
  const text = base.replace('"s3:GetBucketAcl"', '"s3:GetBuketAcl"').replace('"CALL_RECORDINGS"\n', '"CALL_RECORDINGS",\n');
  const position = (offset: number) => {
    const lines = text.slice(0, offset).split('\n');
    return { line: lines.length - 1, character: lines[lines.length - 1].length };
  };

  it('offers the same quick fixes as the engine, leaves the client-reported ones unpublished, and applying one removes its finding', async () => {
    assert.ok(text.length >= OFF_THREAD_CHARS && text.includes('GetBuketAcl') && text.includes('"CALL_RECORDINGS",'));
    const uri = fileUri('big-quickfix.json');
    await client.open(uri, text);
    const diagnostics = await client.current(uri, 60_000);
    const findings = analyze(text).findings;
    assert.deepEqual(diagnostics.map((d) => d.code), findings.filter((f) => f.ruleId !== 'json-trailing-comma').map((f) => f.ruleId), 'every finding but the client-reported one is published');
    // The trailing comma's fix is offered though it is not published.
    const comma = findings.find((f) => f.ruleId === 'json-trailing-comma')!;
    const at = position(comma.range.start);
    const commaActions = await client.codeActions(uri, { start: at, end: at });
    assert.ok(commaActions.some((a) => a.title === comma.fixes![0].title), commaActions.map((a) => a.title).join(' | '));
    // The misspelling: the engine's fixes of that finding, as quick fixes with its diagnostic.
    const target = diagnostics.find((d) => d.code === 'action-unknown')!;
    assert.equal(client.text(uri).slice(text.indexOf('s3:GetBuketAcl'), text.indexOf('s3:GetBuketAcl') + 14), 's3:GetBuketAcl');
    const misspelt = findings.find((f) => f.ruleId === 'action-unknown')!;
    const actions = await client.codeActions(uri, target.range, undefined, [target]);
    const forTarget = actions.filter((a) => a.diagnostics?.some((d) => d.code === 'action-unknown'));
    assert.deepEqual(forTarget.map((a) => a.title), misspelt.fixes!.filter((f) => f.edits.length).map((f) => f.title));
    const after = await client.applyEdit(uri, forTarget.find((a) => a.isPreferred)?.edit ?? forTarget[0].edit!);
    assert.ok(!after.includes('GetBuketAcl'));
    const next = await client.current(uri, 60_000);
    assert.ok(!next.some((d) => d.code === 'action-unknown'), 'the misspelling is gone');
    assert.equal(next.length, diagnostics.length - 1);
  });

  it('fix-all applies the safe fixes the worker kept, and the document still parses', async () => {
    const uri = fileUri('big-fixall.json');
    await client.open(uri, text);
    await client.current(uri, 60_000);
    const actions = await client.codeActions(uri, ALL, ['source.fixAll.connectIam']);
    assert.equal(actions.length, 1);
    assert.equal(actions[0].kind, 'source.fixAll.connectIam');
    const fixed = await client.applyEdit(uri, actions[0].edit!);
    assert.ok(!fixed.includes('"CALL_RECORDINGS",'), 'the trailing comma is gone');
    assert.doesNotThrow(() => JSON.parse(fixed));
    await client.current(uri, 60_000);
    const again = await client.codeActions(uri, ALL, ['source.fixAll.connectIam']);
    assert.deepEqual(again, [], 'nothing safe is left to fix');
  });
});
