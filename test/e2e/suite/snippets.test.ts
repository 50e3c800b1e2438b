// Each contributed snippet, expanded by VS Code itself (editor.action.insertSnippet by name):
// valid JSON once the tab stops keep their defaults, the seed's permissions, and the tab stops a
// user tabs through (a repeated value such as the account is one tab stop with several cursors).
import * as assert from 'assert';
import * as vscode from 'vscode';
import { closeAllEditors, EXTENSION_ID, openUntitled, readRepoFile, selectionTexts } from './helpers';

interface SnippetSpec {
  template: string;
  seed: string;
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
];

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
      const seed = JSON.parse(readRepoFile('examples', spec.seed)) as PolicyJson;
      assert.deepStrictEqual(actionsOf(policy), actionsOf(seed), 'the snippet does not grant what the AWS page grants');
    });

    it(`expands "${spec.template}" statements inside an existing Statement array (jsonc)`, async () => {
      const editor = await openUntitled('{\n  "Version": "2012-10-17",\n  "Statement": [\n    \n  ]\n}\n', 'jsonc');
      editor.selection = new vscode.Selection(3, 4, 3, 4);
      await vscode.commands.executeCommand('editor.action.insertSnippet', { langId: 'jsonc', name: `Connect IAM: ${spec.template} (statements)` });
      assert.deepStrictEqual(await tabThrough(editor, spec.tabStops.length), spec.tabStops);
      const policy = parsePolicy(editor);
      const seed = JSON.parse(readRepoFile('examples', spec.seed)) as PolicyJson;
      assert.deepStrictEqual(actionsOf(policy), actionsOf(seed));
    });
  }
});
