// What the server shows in VS Code for the seed's policies: diagnostics (exactly the engine's
// findings, on the exact tokens), hovers, and a quick fix applied the way the lightbulb does.
import * as assert from 'assert';
import * as vscode from 'vscode';
import { analyze, ruleById } from '../../../server/src/engine';
import { activateExtension, applyCodeAction, closeAllEditors, diagnosticsMatchingEngine, openFile, ourDiagnostics, pollFor, quickFixesFor, readRepoFile } from './helpers';

const COMMENT = '// IAM rejects comments';
/** The seed's S3 policy (placeholders and all) with a comment and a typo in an action name. */
function brokenSeedPolicy(): string {
  return readRepoFile('examples', 's3-call-recordings.policy.json')
    .replace('"Version": "2012-10-17",', `"Version": "2012-10-17", ${COMMENT}`)
    .replace('"s3:GetBucketAcl"', '"s3:GetBuckettAcl"');
}

describe('diagnostics, hover and quick fix', () => {
  before(activateExtension);
  afterEach(closeAllEditors);

  // In .jsonc files VS Code allows comments, so the comment is ours to report (IAM rejects it).
  it('shows the engine\'s findings for a seed policy with a comment, a typo and placeholders', async () => {
    const editor = await openFile('diagnostics/s3-broken.jsonc', brokenSeedPolicy());
    const shown = await diagnosticsMatchingEngine(editor.document);
    const comment = shown.find((d) => d.ruleId === 'json-comment');
    assert.ok(comment, 'no diagnostic for the comment');
    assert.strictEqual(comment.text, COMMENT);
    assert.strictEqual(comment.severity, 'error');
    if (ruleById('placeholder-value')) {
      const texts = shown.filter((d) => d.ruleId === 'placeholder-value').map((d) => d.text);
      assert.ok(texts.includes('account-id') && texts.includes('instance-id'), `placeholders not reported: ${texts.join(', ')}`);
    }
  });

  it('shows no error and no warning for the seed policy with real values', async () => {
    const editor = await openFile('diagnostics/s3-real.json', readRepoFile('test', 'fixtures', 'seed-real', 's3-call-recordings.policy.json'));
    const shown = await diagnosticsMatchingEngine(editor.document);
    assert.deepStrictEqual(shown.filter((d) => d.severity === 'error' || d.severity === 'warning').map((d) => `${d.ruleId}: ${d.text}`), []);
  });

  it('repairs the document with the quick fix offered at the comment', async () => {
    const editor = await openFile('diagnostics/s3-fix.jsonc', brokenSeedPolicy());
    const doc = editor.document;
    const comment = (await pollFor(() => ourDiagnostics(doc), (l) => l.some((d) => d.ruleId === 'json-comment'))).find((d) => d.ruleId === 'json-comment');
    assert.ok(comment, 'no diagnostic for the comment');
    const expectedTitle = analyze(doc.getText()).findings.find((f) => f.ruleId === 'json-comment')!.fixes![0].title;

    const actions = await quickFixesFor(doc, comment.diagnostic.range);
    const fix = actions.find((a) => a.title === expectedTitle);
    assert.ok(fix, `no quick fix "${expectedTitle}" among: ${actions.map((a) => a.title).join(' | ')}`);
    await applyCodeAction(fix);

    assert.ok(!doc.getText().includes(COMMENT), 'the comment is still there');
    assert.doesNotThrow(() => JSON.parse(doc.getText()), 'the repaired policy is not strict JSON');
    const after = await diagnosticsMatchingEngine(doc);
    assert.ok(!after.some((d) => d.ruleId === 'json-comment'));
  });

  it('shows a hover for an action, when the server offers hovers', async function () {
    const api = await activateExtension();
    if (!api.client?.initializeResult?.capabilities.hoverProvider) this.skip();
    const text = readRepoFile('examples', 's3-call-recordings.policy.json');
    const editor = await openFile('diagnostics/hover.json', text);
    const at = editor.document.positionAt(text.indexOf('s3:GetBucketAcl') + 5);
    let markdown = '';
    // The server may still be analysing the document just opened: ask again for a few seconds.
    for (let i = 0; i < 30 && !/GetBucketAcl/.test(markdown); i++) {
      if (i > 0) await new Promise((r) => setTimeout(r, 200));
      const hovers = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', editor.document.uri, at);
      markdown = hovers.flatMap((h) => h.contents.map((c) => (typeof c === 'string' ? c : c.value))).join('\n');
    }
    assert.match(markdown, /GetBucketAcl/, `no hover about s3:GetBucketAcl: ${markdown}`);
  });
});
