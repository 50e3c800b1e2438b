// "Show documentation for <rule>": the rule's page, shipped in the extension (docs/rules/), opened
// in VS Code's Markdown preview, so it works offline and in a remote or web workbench alike.
import * as vscode from 'vscode';
import { allRules } from '../../server/src/engine/rules';
import { isRuleId, ruleDocsSegments, SHOW_RULE_DOCS_COMMAND } from './ruleLinks';

export function registerRuleDocs(context: vscode.ExtensionContext): void {
  context.subscriptions.push(
    vscode.commands.registerCommand(SHOW_RULE_DOCS_COMMAND, (ruleId?: unknown) => showRuleDocs(context.extensionUri, ruleId)),
  );
}

/** Opens the page; resolves to false (after telling the user) when there is none. */
async function showRuleDocs(extensionUri: vscode.Uri, ruleId: unknown): Promise<boolean> {
  // From the command palette: pick the rule.
  if (ruleId === undefined) {
    const picked = await vscode.window.showQuickPick(
      allRules.map((r) => ({ label: r.id, detail: r.title })),
      { title: 'Connect IAM rule documentation', placeHolder: 'Which rule?', matchOnDetail: true },
    );
    if (!picked) return false;
    ruleId = picked.label;
  }
  if (!isRuleId(ruleId)) {
    void vscode.window.showErrorMessage(`Connect IAM: "${String(ruleId)}" is not a rule ID.`);
    return false;
  }
  const page = vscode.Uri.joinPath(extensionUri, ...ruleDocsSegments(ruleId));
  try {
    await vscode.workspace.fs.stat(page);
  } catch {
    void vscode.window.showErrorMessage(`Connect IAM: there is no documentation page for the rule ${ruleId} in this installation.`);
    return false;
  }
  await vscode.commands.executeCommand('markdown.showPreview', page);
  return true;
}
