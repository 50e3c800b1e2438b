// A CloudFormation template in YAML in a real VS Code: the server analyses the policies embedded
// in it (diagnostics on the exact tokens of the template), hovers inside them, and a quick fix
// repairs the YAML in place.
import * as assert from 'assert';
import * as vscode from 'vscode';
import { analyzeHost } from '../../../server/src/engine';
import { activateExtension, applyCodeAction, closeAllEditors, openFile, ourDiagnostics, pollFor, quickFixesFor } from './helpers';

const TEMPLATE = `AWSTemplateFormatVersion: "2010-09-09"
Resources:
  Recordings:
    Type: AWS::S3::Bucket
  ConnectAdminRole:
    Type: AWS::IAM::Role
    Properties:
      AssumeRolePolicyDocument:
        Version: 2012-10-17
        Statement:
          - Effect: Allow
            Principal: { Service: lambda.amazonaws.com }
            Action: sts:AssumeRole
      Policies:
        - PolicyName: recordings
          PolicyDocument:
            Version: 2012-10-17
            Statement:
              - Effect: Allow
                Action:
                  - s3:GetObjet
                  - s3:PutObject
                Resource: !Sub arn:\${AWS::Partition}:s3:::\${Recordings}/*
`;

describe('CloudFormation YAML template', () => {
  before(activateExtension);
  afterEach(closeAllEditors);

  it('shows the findings of the embedded policies, with the engine\'s ranges', async () => {
    const editor = await openFile('templates/connect.yaml', TEMPLATE);
    const doc = editor.document;
    assert.strictEqual(doc.languageId, 'yaml');
    const expected = analyzeHost(doc.getText(), { languageId: 'yaml', path: doc.uri.toString() }).findings.map((f) => `${f.ruleId}: ${doc.getText().slice(f.range.start, f.range.end)}`).sort();
    assert.ok(expected.includes('action-unknown: s3:GetObjet'), expected.join(' | '));
    const shown = await pollFor(() => ourDiagnostics(doc).map((d) => `${d.ruleId}: ${d.text}`).sort(), (l) => JSON.stringify(l) === JSON.stringify(expected));
    assert.deepStrictEqual(shown, expected);
  });

  it('shows a hover for an action inside the template', async () => {
    const editor = await openFile('templates/hover.yaml', TEMPLATE);
    const at = editor.document.positionAt(TEMPLATE.indexOf('s3:PutObject') + 4);
    let markdown = '';
    for (let i = 0; i < 30 && !/PutObject/.test(markdown); i++) {
      if (i > 0) await new Promise((r) => setTimeout(r, 200));
      const hovers = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', editor.document.uri, at);
      markdown = hovers.flatMap((h) => h.contents.map((c) => (typeof c === 'string' ? c : c.value))).join('\n');
    }
    assert.match(markdown, /PutObject/);
  });

  it('repairs the misspelled action with the quick fix, keeping the YAML plain scalar', async () => {
    const editor = await openFile('templates/fix.yaml', TEMPLATE);
    const doc = editor.document;
    const typo = (await pollFor(() => ourDiagnostics(doc), (l) => l.some((d) => d.ruleId === 'action-unknown'))).find((d) => d.ruleId === 'action-unknown');
    assert.ok(typo, 'no diagnostic for the misspelled action');
    const actions = await quickFixesFor(doc, typo.diagnostic.range);
    const fix = actions.find((a) => a.isPreferred) ?? actions[0];
    assert.ok(fix, 'no quick fix offered');
    await applyCodeAction(fix);
    assert.ok(doc.getText().includes('                  - s3:GetObject\n'), doc.getText());
    const after = await pollFor(() => ourDiagnostics(doc), (l) => !l.some((d) => d.ruleId === 'action-unknown'));
    assert.ok(!after.some((d) => d.ruleId === 'action-unknown'));
  });
});
