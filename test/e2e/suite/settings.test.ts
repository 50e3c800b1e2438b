// Settings reach the server: a rule turned off disappears, connectIam.enable stops the server.
import * as assert from 'assert';
import * as vscode from 'vscode';
import { activateExtension, closeAllEditors, diagnosticsMatchingEngine, openFile, ourDiagnostics, pollFor, readRepoFile } from './helpers';

const config = () => vscode.workspace.getConfiguration('connectIam');

describe('settings', () => {
  before(activateExtension);
  afterEach(async () => {
    await config().update('rules', undefined, vscode.ConfigurationTarget.Workspace);
    await config().update('enable', undefined, vscode.ConfigurationTarget.Workspace);
    await closeAllEditors();
  });

  const withComment = () => readRepoFile('examples', 'lambda-function.policy.json').replace('"Version": "2012-10-17",', '"Version": "2012-10-17", // a comment');

  it('turns a rule off with connectIam.rules, and back on', async () => {
    const editor = await openFile('settings/rules.jsonc', withComment());
    const doc = editor.document;
    assert.ok((await diagnosticsMatchingEngine(doc)).some((d) => d.ruleId === 'json-comment'));

    await config().update('rules', { 'json-comment': 'off' }, vscode.ConfigurationTarget.Workspace);
    await diagnosticsMatchingEngine(doc, { rules: { 'json-comment': 'off' } });

    await config().update('rules', { 'json-comment': 'warning' }, vscode.ConfigurationTarget.Workspace);
    const shown = await diagnosticsMatchingEngine(doc, { rules: { 'json-comment': 'warning' } });
    assert.strictEqual(shown.find((d) => d.ruleId === 'json-comment')?.severity, 'warning');
  });

  it('stops the server with connectIam.enable = false and starts it again', async () => {
    const editor = await openFile('settings/enable.json', withComment());
    const api = await activateExtension();
    await diagnosticsMatchingEngine(editor.document);

    await config().update('enable', false, vscode.ConfigurationTarget.Workspace);
    const cleared = await pollFor(() => ourDiagnostics(editor.document), (l) => l.length === 0);
    assert.deepStrictEqual(cleared.map((d) => d.ruleId), []);
    assert.strictEqual(api.client, undefined);

    await config().update('enable', true, vscode.ConfigurationTarget.Workspace);
    await pollFor(() => api.client, (c) => c !== undefined);
    await api.ready();
    await diagnosticsMatchingEngine(editor.document);
  });
});
