// The commands that write policies: "Insert … policy" (into the active JSON editor: a whole policy
// when it is empty, merged statements when it holds a policy) and "New Connect policy…".
import * as vscode from 'vscode';
import { CONNECT_REGIONS, parseInstanceInput, partitionOfRegion } from './instanceArn';
import { planInsertion } from './insertPlan';
import { FieldValues, PolicyTemplate, TEMPLATES, templateById } from './templates';

/** Optional arguments, so keybindings, scripts and tests can skip the prompts. */
export interface InsertArgs {
  /** An instance ARN, a bare instance ID, or '' for none (then `region` or a quick pick). */
  instance?: string;
  region?: string;
}

const LAST_INSTANCE_KEY = 'connectIam.lastInstance';

export function registerInsertCommands(context: vscode.ExtensionContext): void {
  for (const template of TEMPLATES) {
    context.subscriptions.push(
      vscode.commands.registerCommand(template.command, (args?: InsertArgs) => insertPolicy(context, template, args)),
    );
  }
  context.subscriptions.push(
    vscode.commands.registerCommand('connectIam.newPolicy', async (args?: InsertArgs & { template?: string }) => {
      const template = args?.template ? templateById(args.template) : await pickTemplate();
      if (!template) return;
      const doc = await vscode.workspace.openTextDocument({ language: 'json', content: '' });
      await vscode.window.showTextDocument(doc);
      await insertPolicy(context, template, args);
    }),
  );
}

async function pickTemplate(): Promise<PolicyTemplate | undefined> {
  const picked = await vscode.window.showQuickPick(
    TEMPLATES.map((t) => ({ label: t.label, detail: t.detail, template: t })),
    { title: 'New Amazon Connect policy', placeHolder: 'What should the policy let you do with an instance?' },
  );
  return picked?.template;
}

async function insertPolicy(context: vscode.ExtensionContext, template: PolicyTemplate, args: InsertArgs = {}): Promise<boolean> {
  const editor = await jsonEditor();
  if (!editor) return false;
  const values = await askFieldValues(context, args);
  if (!values) return false;

  const doc = editor.document;
  const plan = planInsertion(doc.getText(), template, values, {
    unit: editor.options.insertSpaces === false ? '\t' : ' '.repeat(Number(editor.options.tabSize) || 2),
    eol: doc.eol === vscode.EndOfLine.CRLF ? '\r\n' : '\n',
  });
  if (plan.kind === 'notPolicy') {
    const open = 'Open a new document';
    const answer = await vscode.window.showWarningMessage(
      `"${doc.fileName}" is neither empty nor a policy with a "Statement" element, so there is nowhere to add the ${template.label} statements.`,
      open,
    );
    if (answer === open) await vscode.commands.executeCommand('connectIam.newPolicy', { ...args, template: template.id });
    return false;
  }
  const range = new vscode.Range(doc.positionAt(plan.range.start), doc.positionAt(plan.range.end));
  // keepWhitespace: the text is already laid out to the document's indentation.
  return editor.insertSnippet(new vscode.SnippetString(plan.snippet), range, { undoStopBefore: true, undoStopAfter: true, keepWhitespace: true });
}

/** The active editor if it shows JSON (or an empty document, which becomes JSON), else a new
 *  untitled JSON document. */
async function jsonEditor(): Promise<vscode.TextEditor | undefined> {
  const editor = vscode.window.activeTextEditor;
  if (editor && ['json', 'jsonc'].includes(editor.document.languageId)) return editor;
  if (editor && editor.document.getText().trim() === '') {
    await vscode.languages.setTextDocumentLanguage(editor.document, 'json');
    return vscode.window.activeTextEditor;
  }
  const doc = await vscode.workspace.openTextDocument({ language: 'json', content: '' });
  return vscode.window.showTextDocument(doc);
}

/** Ask once for the instance: an ARN gives partition, Region, account and instance ID; otherwise
 *  a Region quick pick. Fields left out stay tab stops. Undefined when the user cancels. */
async function askFieldValues(context: vscode.ExtensionContext, args: InsertArgs): Promise<FieldValues | undefined> {
  let answer = args.instance;
  if (answer === undefined) {
    answer = await vscode.window.showInputBox({
      title: 'Amazon Connect instance',
      prompt: 'Instance ARN (fills Region, account and instance ID), an instance ID, or leave empty to choose a Region',
      placeHolder: 'arn:aws:connect:us-east-1:111122223333:instance/00000000-0000-0000-0000-000000000000',
      value: context.workspaceState.get<string>(LAST_INSTANCE_KEY, ''),
      ignoreFocusOut: true,
      validateInput: (text) => {
        const parsed = parseInstanceInput(text);
        return parsed.kind === 'error' ? parsed.message : undefined;
      },
    });
    if (answer === undefined) return undefined;
    await context.workspaceState.update(LAST_INSTANCE_KEY, answer.trim());
  }
  const parsed = parseInstanceInput(answer);
  if (parsed.kind === 'error') {
    void vscode.window.showErrorMessage(parsed.message);
    return undefined;
  }
  if (parsed.kind === 'arn') return parsed.values;
  const region = args.region ?? (await vscode.window.showQuickPick([...CONNECT_REGIONS], {
    title: 'Region of the Amazon Connect instance',
    placeHolder: 'Pick the Region (Escape leaves it as a tab stop)',
  }));
  return region ? { ...parsed.values, region, partition: partitionOfRegion(region) } : { ...parsed.values, partition: 'aws' };
}
