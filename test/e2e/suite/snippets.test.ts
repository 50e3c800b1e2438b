// Each contributed snippet, expanded by VS Code itself (editor.action.insertSnippet by name):
// valid JSON once the tab stops keep their defaults, the seed's permissions, and the tab stops a
// user tabs through (a repeated value such as the account is one tab stop with several cursors).
import * as assert from 'assert';
import * as vscode from 'vscode';
import { closeAllEditors, EXTENSION_ID, openUntitled, readRepoFile, selectionTexts } from './helpers';

interface SnippetSpec {
  template: string;
  /** The AWS example the snippet follows (examples/), or the actions it grants (the templates
   *  built from the Connect table, client/src/templates.ts). */
  seed?: string;
  actions?: string[][];
  /** Each tab stop as the user meets it: the text under every cursor. */
  tabStops: string[][];
}

const SPECS: SnippetSpec[] = [
  {
    template: 'S3 bucket for call recordings',
    seed: 's3-call-recordings.policy.json',
    tabStops: [['region'], ['account-id', 'account-id'], ['instance-id'], ['CALL_RECORDINGS'], ['bucket-name']],
  },
  {
    template: 'Lambda function',
    seed: 'lambda-function.policy.json',
    tabStops: [['region', 'region'], ['account-id', 'account-id'], ['instance-id'], ['function-name']],
  },
  {
    template: 'Kinesis stream for contact records',
    seed: 'kinesis-contact-records.policy.json',
    tabStops: [['region', 'region'], ['account-id', 'account-id', 'account-id'], ['instance-id'], ['CONTACT_TRACE_RECORDS'], ['stream-name']],
  },
  {
    template: 'Lex V2 bot',
    actions: [['connect:AssociateBot'], ['iam:PutRolePolicy'], ['lex:CreateResourcePolicy', 'lex:DescribeBotAlias', 'lex:UpdateResourcePolicy']],
    tabStops: [['region', 'region'], ['account-id', 'account-id', 'account-id'], ['instance-id'], ['bot-id/bot-alias-id']],
  },
  {
    template: 'S3 bucket encrypted with a KMS key',
    actions: [
      ['connect:AssociateInstanceStorageConfig', 'connect:UpdateInstanceStorageConfig'], ['s3:GetBucketAcl', 's3:GetBucketLocation'], ['iam:PutRolePolicy'],
      ['kms:CreateGrant', 'kms:DescribeKey', 'kms:RetireGrant'], ['s3:ListAllMyBuckets'],
    ],
    tabStops: [['region', 'region'], ['account-id', 'account-id', 'account-id'], ['instance-id'], ['CALL_RECORDINGS'], ['bucket-name'], ['key-id']],
  },
  {
    template: 'Instance administration',
    actions: [
      ['connect:ReplicateInstance'], ['connect:CreateInstance', 'ds:CheckAlias', 'ds:CreateDirectory', 'ds:CreateIdentityPoolDirectory', 'ds:DescribeDirectories'],
      ['ds:AuthorizeApplication', 'ds:CreateAlias', 'ds:UnauthorizeApplication'], ['iam:CreateServiceLinkedRole', 'iam:PutRolePolicy'],
    ],
    tabStops: [['region', 'region'], ['account-id', 'account-id', 'account-id'], ['instance-id']],
  },
  {
    template: 'Amazon Q in Connect assistant',
    actions: [['connect:CreateIntegrationAssociation', 'connect:DeleteIntegrationAssociation'], ['wisdom:GetAssistant']],
    tabStops: [['region', 'region', 'region'], ['account-id', 'account-id', 'account-id'], ['instance-id', 'instance-id'], ['assistant-id']],
  },
];

/** The actions the spec's snippet must grant, statement by statement. */
const expectedActions = (spec: SnippetSpec) =>
  spec.seed ? actionsOf(JSON.parse(readRepoFile('examples', spec.seed)) as PolicyJson) : spec.actions!;

type PolicyJson = { Statement: { Action: string | string[] }[] };

function parsePolicy(editor: vscode.TextEditor): PolicyJson {
  const text = editor.document.getText();
  try {
    return JSON.parse(text) as PolicyJson;
  } catch (err) {
    assert.fail(`the expanded snippet is not valid JSON (${(err as Error).message}):\n${text}`);
  }
}
const actionsOf = (policy: PolicyJson) => policy.Statement.map((s) => [s.Action].flat().sort());

async function tabThrough(editor: vscode.TextEditor, count: number): Promise<string[][]> {
  const seen = [selectionTexts(editor)];
  for (let i = 1; i < count; i++) {
    await vscode.commands.executeCommand('jumpToNextSnippetPlaceholder');
    seen.push(selectionTexts(editor));
  }
  return seen;
}

describe('snippets', () => {
  afterEach(closeAllEditors);

  it('contributes a policy and a statements snippet for each seed policy, for json and jsonc', () => {
    const contributed: { language: string; path: string }[] = vscode.extensions.getExtension(EXTENSION_ID)!.packageJSON.contributes.snippets;
    assert.deepStrictEqual(contributed.map((s) => s.language).sort(), ['json', 'jsonc', 'yaml']);
    const names = Object.keys(JSON.parse(readRepoFile(contributed[0].path)));
    assert.deepStrictEqual(names.sort(), SPECS.flatMap((s) => [`Connect IAM: ${s.template} (policy)`, `Connect IAM: ${s.template} (statements)`]).sort());
  });

  for (const spec of SPECS) {
    it(`expands "${spec.template}" into the seed's policy with its tab stops`, async () => {
      const editor = await openUntitled('', 'json');
      await vscode.commands.executeCommand('editor.action.insertSnippet', { langId: 'json', name: `Connect IAM: ${spec.template} (policy)` });
      assert.deepStrictEqual(await tabThrough(editor, spec.tabStops.length), spec.tabStops);
      const policy = parsePolicy(editor);
      assert.deepStrictEqual(actionsOf(policy), expectedActions(spec), 'the snippet does not grant what it should');
    });

    it(`expands "${spec.template}" statements inside an existing Statement array (jsonc)`, async () => {
      const editor = await openUntitled('{\n  "Version": "2012-10-17",\n  "Statement": [\n    \n  ]\n}\n', 'jsonc');
      editor.selection = new vscode.Selection(3, 4, 3, 4);
      await vscode.commands.executeCommand('editor.action.insertSnippet', { langId: 'jsonc', name: `Connect IAM: ${spec.template} (statements)` });
      assert.deepStrictEqual(await tabThrough(editor, spec.tabStops.length), spec.tabStops);
      const policy = parsePolicy(editor);
      assert.deepStrictEqual(actionsOf(policy), expectedActions(spec));
    });
  }
});
