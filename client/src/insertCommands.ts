// The commands that write policies: "Insert … policy" (into the active JSON editor: a whole policy
// when it is empty, merged statements when it holds a policy) and "New Connect policy…".
import * as vscode from 'vscode';
import { parseInstanceInput, partitionOfRegion, regionChoices } from './instanceArn';
import { insertionKind, knowsInstance, planInsertion, valuesFromPolicy } from './insertPlan';
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
      if (!template) return false;
      // An empty editor in front is filled (jsonEditor() takes it); otherwise a new document.
      if (!isBlankEditor(vscode.window.activeTextEditor)) {
        const doc = await vscode.workspace.openTextDocument({ language: 'json', content: '' });
        await vscode.window.showTextDocument(doc);
      }
      return insertPolicy(context, template, args);
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
  const doc = editor.document;
  // Refuse a document that is not a policy before asking anything.
  if (insertionKind(doc.getText()) === 'notPolicy') return refuseNotPolicy(doc, template, args);
  // The policy already there says which instance it is about: ask only what it does not say.
  const known = valuesFromPolicy(doc.getText());
  const values = args.instance === undefined && knowsInstance(known) ? known : await askFieldValues(context, args, known);
  if (!values) return false;

  const plan = planInsertion(doc.getText(), template, values, {
    unit: editor.options.insertSpaces === false ? '\t' : ' '.repeat(Number(editor.options.tabSize) || 2),
    eol: doc.eol === vscode.EndOfLine.CRLF ? '\r\n' : '\n',
  });
  // The user may have typed while the prompts were open.
  if (plan.kind === 'notPolicy') return refuseNotPolicy(doc, template, args);
  const range = new vscode.Range(doc.positionAt(plan.range.start), doc.positionAt(plan.range.end));
  // keepWhitespace: the text is already laid out to the document's indentation.
  return editor.insertSnippet(new vscode.SnippetString(plan.snippet), range, { undoStopBefore: true, undoStopAfter: true, keepWhitespace: true });
}

async function refuseNotPolicy(doc: vscode.TextDocument, template: PolicyTemplate, args: InsertArgs): Promise<false> {
  const open = 'Open a new document';
  const answer = await vscode.window.showWarningMessage(
    `"${doc.fileName}" is neither empty nor a policy with a "Statement" element, so there is nowhere to add the ${template.label} statements.`,
    open,
  );
  if (answer === open) await vscode.commands.executeCommand('connectIam.newPolicy', { ...args, template: template.id });
  return false;
}

/** An empty editor a policy may go into: untitled, or a JSON file (not, say, an empty README). */
function isBlankEditor(editor: vscode.TextEditor | undefined): editor is vscode.TextEditor {
  if (!editor || editor.document.getText().trim() !== '') return false;
  return editor.document.isUntitled || ['json', 'jsonc'].includes(editor.document.languageId);
}

/** The active editor if it shows JSON (or an empty document, which becomes JSON), else a new
 *  untitled JSON document. */
async function jsonEditor(): Promise<vscode.TextEditor | undefined> {
  const editor = vscode.window.activeTextEditor;
  if (editor && ['json', 'jsonc'].includes(editor.document.languageId)) return editor;
  if (isBlankEditor(editor)) {
    await vscode.languages.setTextDocumentLanguage(editor.document, 'json');
    return vscode.window.activeTextEditor;
  }
  const doc = await vscode.workspace.openTextDocument({ language: 'json', content: '' });
  return vscode.window.showTextDocument(doc);
}

/** Ask once for the instance: an ARN gives partition, Region, account and instance ID; otherwise
 *  a Region quick pick. What the policy already names (`known`) fills what the answer leaves out;
 *  fields still without a value stay tab stops. Undefined when the user cancels. */
async function askFieldValues(context: vscode.ExtensionContext, args: InsertArgs, known: FieldValues): Promise<FieldValues | undefined> {
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
  const withKnown = { ...known, ...parsed.values };
  const region = args.region ?? withKnown.region ?? (await pickRegion());
  return region ? { ...withKnown, region, partition: partitionOfRegion(region) } : { ...withKnown, partition: withKnown.partition ?? 'aws' };
}

/** The Region quick pick: names with codes ("US East (N. Virginia) us-east-1"). */
async function pickRegion(): Promise<string | undefined> {
  const picked = await vscode.window.showQuickPick(
    regionChoices(),
    { title: 'Region of the Amazon Connect instance', placeHolder: 'Pick the Region (Escape leaves it as a tab stop)' },
  );
  return picked?.code;
}
