// The contributed JSON schema (for *.policy.json and policies/*.json) adds hovers from VS Code's
// JSON language features but never a second squiggle for a problem the server already reports.
import * as assert from 'assert';
import * as vscode from 'vscode';
import { activateExtension, closeAllEditors, openFile, ourDiagnostics, pollFor } from './helpers';

const TEXT = `{
  "Version": "2012-10-17",
  "Statement": [
    {
      "Effect": "allow",
      "Action": "s3:ListAllMyBuckets",
      "Resource": "*",
    }
  ]
}
`;

describe('JSON schema', () => {
  before(activateExtension);
  afterEach(closeAllEditors);

  it('leaves the report of an invalid Effect to the server alone', async () => {
    const editor = await openFile('schema/effect.policy.json', TEXT);
    const doc = editor.document;
    // The trailing comma is reported by the JSON language features too: once it is there, they
    // have validated the document against the schema.
    await pollFor(() => vscode.languages.getDiagnostics(doc.uri), (l) => l.some((d) => /trailing comma/i.test(d.message) && !ourDiagnostics(doc).some((o) => o.diagnostic === d)));
    const ours = await pollFor(() => ourDiagnostics(doc), (l) => l.some((d) => d.text === '"allow"'));
    assert.ok(ours.some((d) => d.text === '"allow"' && d.severity === 'error'), 'the server did not report the invalid Effect');
    const onEffect = vscode.languages.getDiagnostics(doc.uri).filter((d) => doc.getText(d.range) === '"allow"');
    assert.deepStrictEqual(onEffect.map((d) => d.message), ours.filter((d) => d.text === '"allow"').map((d) => d.diagnostic.message), 'the invalid Effect is underlined twice');
  });

  it('describes policy elements on hover', async () => {
    const editor = await openFile('schema/hover.policy.json', TEXT);
    const at = editor.document.positionAt(TEXT.indexOf('"Effect"') + 2);
    let markdown = '';
    for (let i = 0; i < 30 && !/case-sensitive/.test(markdown); i++) {
      if (i > 0) await new Promise((r) => setTimeout(r, 200));
      const hovers = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', editor.document.uri, at);
      markdown = hovers.flatMap((h) => h.contents.map((c) => (typeof c === 'string' ? c : c.value))).join('\n');
    }
    assert.match(markdown, /`Allow` or `Deny` \(case-sensitive\)/);
  });
});
