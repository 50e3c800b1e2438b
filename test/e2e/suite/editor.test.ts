// Issue 12 in a real VS Code: one squiggle per syntax problem, rule pages that open inside VS Code,
// the lightbulb actions every diagnostic has, and the status item's counts.
import * as assert from 'assert';
import * as fs from 'fs';
import * as vscode from 'vscode';
import { analyze } from '../../../server/src/engine';
import { activateExtension, closeAllEditors, codeOf, openFile, ourDiagnostics, pollFor, quickFixesFor, readRepoFile } from './helpers';

/** A note in the suite's report (the extension host's console does not reach the runner). */
const note = (text: string) => process.env.CONNECT_IAM_E2E_LOG && fs.appendFileSync(process.env.CONNECT_IAM_E2E_LOG, `    note ${text}\n`);

const config = () => vscode.workspace.getConfiguration('connectIam');
const seed = () => readRepoFile('examples', 's3-call-recordings.policy.json');

/** All diagnostics of the document whose range overlaps [start, end) (any source). */
function diagnosticsAt(doc: vscode.TextDocument, start: number, end: number): vscode.Diagnostic[] {
  const range = new vscode.Range(doc.positionAt(start), doc.positionAt(end));
  return vscode.languages.getDiagnostics(doc.uri).filter((d) => d.range.intersection(range) !== undefined);
}

const describeAll = (doc: vscode.TextDocument) =>
  vscode.languages.getDiagnostics(doc.uri).map((d) => `${d.source}:${codeOf(d)}@${d.range.start.line}:${d.range.start.character} ${d.message}`).join(' | ');

describe('editor experience', () => {
  before(activateExtension);
  afterEach(async () => {
    await config().update('rules', undefined, vscode.ConfigurationTarget.Workspace);
    const folder = vscode.workspace.workspaceFolders![0].uri;
    await vscode.workspace.getConfiguration('connectIam', folder).update('fileRules', undefined, vscode.ConfigurationTarget.WorkspaceFolder);
    await closeAllEditors();
  });

  describe('one squiggle per syntax problem', () => {
    const comment = '// IAM rejects comments';
    const trailing = '"Resource": "*",';
    const broken = () => {
      const text = seed().replace('"Version": "2012-10-17",', `"Version": "2012-10-17", ${comment}`).replace(/"Resource": "\*"(\s*\})/, `${trailing}$1`);
      assert.ok(text.includes(comment) && text.includes(trailing), 'the seed changed');
      return text;
    };
    /** Wait until VS Code's JSON support has reported on the document too. */
    const vscodeReported = (doc: vscode.TextDocument) =>
      pollFor(() => vscode.languages.getDiagnostics(doc.uri).filter((d) => d.source !== 'connect-iam'), (l) => l.length > 0);

    it('json: the comment and the trailing comma are reported once (by VS Code), with our fix in the lightbulb', async () => {
      const text = broken();
      const editor = await openFile('editor/once.json', text);
      const doc = editor.document;
      // Wait for both: VS Code's JSON support and our server (placeholders are ours).
      await pollFor(() => ourDiagnostics(doc), (l) => l.some((d) => d.ruleId === 'placeholder-value'));
      const at = text.indexOf(comment);
      const onComment = await pollFor(() => diagnosticsAt(doc, at, at + comment.length), (l) => l.length > 0);
      assert.strictEqual(onComment.length, 1, `the comment: ${describeAll(doc)}`);
      const comma = text.indexOf(trailing) + trailing.length - 1;
      const onComma = await pollFor(() => diagnosticsAt(doc, comma, comma + 1), (l) => l.length > 0);
      assert.strictEqual(onComma.length, 1, `the trailing comma: ${describeAll(doc)}`);
      assert.notStrictEqual(onComment[0].source, 'connect-iam', 'VS Code reports comments in json itself');

      const actions = await quickFixesFor(doc, onComment[0].range);
      const fix = actions.find((a) => a.title === 'Remove the comment');
      assert.ok(fix?.edit, `no "Remove the comment" among: ${actions.map((a) => a.title).join(' | ')}`);
      assert.ok(await vscode.workspace.applyEdit(fix.edit));
      assert.ok(!doc.getText().includes(comment));
    });

    it('jsonc: VS Code allows the comment, so we report it (IAM rejects it); the trailing comma is VS Code\'s', async () => {
      const text = broken();
      const editor = await openFile('editor/once.jsonc', text);
      const doc = editor.document;
      const at = text.indexOf(comment);
      const ours = await pollFor(() => ourDiagnostics(doc), (l) => l.some((d) => d.ruleId === 'json-comment'));
      assert.ok(ours.some((d) => d.ruleId === 'json-comment' && d.text === comment));
      await vscodeReported(doc);
      assert.strictEqual(diagnosticsAt(doc, at, at + comment.length).length, 1, describeAll(doc));
      // VS Code warns about the trailing comma in jsonc: that one squiggle is enough.
      const comma = text.indexOf(trailing) + trailing.length - 1;
      const onComma = diagnosticsAt(doc, comma, comma + 1);
      assert.strictEqual(onComma.length, 1, describeAll(doc));
      assert.notStrictEqual(onComma[0].source, 'connect-iam');
      const actions = await quickFixesFor(doc, onComma[0].range);
      assert.ok(actions.some((a) => a.title === 'Remove the trailing comma'), actions.map((a) => a.title).join(' | '));
    });

    it('with VS Code\'s JSON validation off, the server reports the comment itself', async () => {
      const json = vscode.workspace.getConfiguration('json');
      const editor = await openFile('editor/unvalidated.json', broken());
      await json.update('validate.enable', false, vscode.ConfigurationTarget.Workspace);
      try {
        const api = await activateExtension();
        await pollFor(() => api.client, (c) => c !== undefined);
        const shown = await pollFor(() => ourDiagnostics(editor.document), (l) => l.some((d) => d.ruleId === 'json-comment'));
        assert.ok(shown.some((d) => d.ruleId === 'json-comment' && d.text === comment), 'nobody reports the comment');
        assert.ok(shown.some((d) => d.ruleId === 'json-trailing-comma'), 'nobody reports the trailing comma');
      } finally {
        await json.update('validate.enable', undefined, vscode.ConfigurationTarget.Workspace);
      }
      await pollFor(() => ourDiagnostics(editor.document), (l) => !l.some((d) => d.ruleId === 'json-comment'));
      const api = await activateExtension();
      await api.ready();
    });

    it('a missing closing brace: no syntax error of ours repeats VS Code\'s, and the engine gives one', async () => {
      const text = seed();
      const cut = text.lastIndexOf('}', text.lastIndexOf(']'));
      const missing = text.slice(0, cut) + text.slice(cut + 1);
      const editor = await openFile('editor/missing-brace.json', missing);
      const doc = editor.document;
      await pollFor(() => ourDiagnostics(doc), (l) => l.length > 0);
      assert.deepStrictEqual(ourDiagnostics(doc).filter((d) => d.ruleId.startsWith('json-')).map((d) => d.ruleId), []);
      assert.strictEqual(analyze(missing).findings.filter((f) => f.ruleId === 'json-syntax').length, 1, 'the CLI and other editors get one error');
      const vscodeErrors = (await vscodeReported(doc)).filter((d) => d.severity === vscode.DiagnosticSeverity.Error);
      note(`VS Code's own errors for one missing brace: ${vscodeErrors.map((d) => d.message).join(' | ')}`);
      assert.ok(vscodeErrors.length >= 1, 'nobody reports the missing brace');
    });
  });

  describe('rule documentation inside VS Code', () => {
    it('links each diagnostic\'s code to the rule page, which opens in the Markdown preview', async () => {
      const editor = await openFile('editor/docs.json', seed());
      const [d] = await pollFor(() => ourDiagnostics(editor.document), (l) => l.length > 0);
      const code = d.diagnostic.code as { value: string; target: vscode.Uri };
      assert.strictEqual(code.target.scheme, 'command');
      assert.strictEqual(code.target.path, 'connectIam.showRuleDocs');
      assert.deepStrictEqual(JSON.parse(decodeURIComponent(code.target.query)), [d.ruleId]);

      const actions = await quickFixesFor(editor.document, d.diagnostic.range);
      const show = actions.find((a) => a.title === `Show documentation for ${d.ruleId}`);
      assert.ok(show?.command, `no docs action among: ${actions.map((a) => a.title).join(' | ')}`);
      await vscode.commands.executeCommand(show.command.command, ...(show.command.arguments ?? []));
      const preview = await pollFor(
        () => vscode.window.tabGroups.all.flatMap((g) => g.tabs).find((t) => t.input instanceof vscode.TabInputWebview && /markdown\.preview/.test(t.input.viewType)),
        (t) => t !== undefined,
      );
      assert.ok(preview, 'no Markdown preview opened');
      assert.match(preview.label, new RegExp(d.ruleId));
    });
  });

  describe('lightbulb actions', () => {
    it('every one of our diagnostics has actions: docs, disable in the workspace and for the file', async () => {
      const editor = await openFile('editor/lightbulb.json', seed().replace('"s3:GetBucketAcl"', '"s3:GetBuckettAcl"'));
      const shown = await pollFor(() => ourDiagnostics(editor.document), (l) => l.length >= 3);
      for (const d of shown) {
        const titles = (await quickFixesFor(editor.document, d.diagnostic.range)).map((a) => a.title);
        for (const expected of [`Show documentation for ${d.ruleId}`, `Disable ${d.ruleId} in this workspace`, `Disable ${d.ruleId} for this file`]) {
          assert.ok(titles.includes(expected), `${d.ruleId} at "${d.text}": no "${expected}" among ${titles.join(' | ')}`);
        }
      }
    });

    it('"Disable … for this file" writes connectIam.fileRules: gone in that file, kept in others', async () => {
      const text = seed();
      const other = await openFile('editor/other.json', text);
      await pollFor(() => ourDiagnostics(other.document), (l) => l.some((d) => d.ruleId === 'placeholder-value'));
      const editor = await openFile('editor/legacy [old].json', text);
      const d = (await pollFor(() => ourDiagnostics(editor.document), (l) => l.some((x) => x.ruleId === 'placeholder-value'))).find((x) => x.ruleId === 'placeholder-value')!;
      const action = (await quickFixesFor(editor.document, d.diagnostic.range)).find((a) => a.title === 'Disable placeholder-value for this file');
      assert.ok(action?.command);
      await vscode.commands.executeCommand(action.command.command, ...(action.command.arguments ?? []));
      const folder = vscode.workspace.workspaceFolders![0].uri;
      assert.deepStrictEqual(vscode.workspace.getConfiguration('connectIam', folder).get('fileRules'), { 'editor/legacy \\[old\\].json': { 'placeholder-value': 'off' } });
      await pollFor(() => ourDiagnostics(editor.document), (l) => !l.some((x) => x.ruleId === 'placeholder-value'));
      assert.ok(!ourDiagnostics(editor.document).some((x) => x.ruleId === 'placeholder-value'), 'still reported in the file');
      assert.ok(ourDiagnostics(other.document).some((x) => x.ruleId === 'placeholder-value'), 'gone from another file too');
    });

    it('"Disable … in this workspace" writes connectIam.rules', async () => {
      const editor = await openFile('editor/workspace.json', seed());
      const d = (await pollFor(() => ourDiagnostics(editor.document), (l) => l.some((x) => x.ruleId === 'placeholder-value'))).find((x) => x.ruleId === 'placeholder-value')!;
      const action = (await quickFixesFor(editor.document, d.diagnostic.range)).find((a) => a.title === 'Disable placeholder-value in this workspace');
      assert.ok(action?.command);
      await vscode.commands.executeCommand(action.command.command, ...(action.command.arguments ?? []));
      assert.strictEqual(config().inspect<Record<string, string>>('rules')?.workspaceValue?.['placeholder-value'], 'off');
      await pollFor(() => ourDiagnostics(editor.document), (l) => !l.some((x) => x.ruleId === 'placeholder-value'));
    });

    it('an Allow overridden by a Deny offers "Go to the Deny", which selects it', async () => {
      const policy = JSON.stringify({
        Version: '2012-10-17',
        Statement: [
          { Sid: 'ReadRecordings', Effect: 'Allow', Action: 's3:GetObject', Resource: 'arn:aws:s3:::acme-recordings/*' },
          { Sid: 'NoReads', Effect: 'Deny', Action: 's3:*', Resource: '*' },
        ],
      }, null, 2);
      const editor = await openFile('editor/deny.json', policy);
      const d = (await pollFor(() => ourDiagnostics(editor.document), (l) => l.some((x) => x.ruleId === 'allow-overridden-by-deny'))).find((x) => x.ruleId === 'allow-overridden-by-deny');
      assert.ok(d, 'no allow-overridden-by-deny');
      const action = (await quickFixesFor(editor.document, d.diagnostic.range)).find((a) => a.title.startsWith('Go to the Deny'));
      assert.ok(action?.command, 'no Go to the Deny action');
      await vscode.commands.executeCommand(action.command.command, ...(action.command.arguments ?? []));
      const selected = vscode.window.activeTextEditor!;
      assert.strictEqual(selected.document.getText(selected.selection), '"Deny"');
      assert.ok(selected.document.offsetAt(selected.selection.start) > policy.indexOf('NoReads'));
    });
  });

  describe('status', () => {
    it('the language status counts the open policies and their problems', async () => {
      const api = await activateExtension();
      // Each in its own tab (not one preview tab that the next file replaces).
      const keep = async (editor: vscode.TextEditor) => vscode.window.showTextDocument(editor.document, { preview: false });
      const a = await keep(await openFile('editor/status-a.json', seed()));
      const b = await keep(await openFile('editor/status-b.json', readRepoFile('test', 'fixtures', 'seed-real', 's3-call-recordings.policy.json')));
      await keep(await openFile('editor/package.json', '{ "name": "not-a-policy" }'));
      await pollFor(() => ourDiagnostics(a.document), (l) => l.length > 0);
      const problems = () => vscode.languages.getDiagnostics(a.document.uri).length + vscode.languages.getDiagnostics(b.document.uri).length;
      const expected = () => `Connect IAM: 2 policies, ${problems()} problems`;
      const text = await pollFor(() => api.statusText(), (t) => t.endsWith(expected()));
      assert.ok(text.endsWith(expected()), `status "${text}", expected "${expected()}"`);
      await closeAllEditors();
      assert.doesNotMatch(await pollFor(() => api.statusText(), (t) => !/polic/.test(t)), /polic/);
    });
  });
});
