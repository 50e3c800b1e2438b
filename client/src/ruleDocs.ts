// "Show documentation for <rule>": the rule's page, shipped in the extension (docs/rules/), opened
// in VS Code's Markdown preview, so it works offline and in a remote or web workbench alike.
import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { RULE_CATALOG_METHOD, RuleCatalogEntry } from '../../server/src/lsp/protocol';
import { isRuleId, ruleDocsSegments, SHOW_RULE_DOCS_COMMAND } from './ruleLinks';

export function registerRuleDocs(context: vscode.ExtensionContext, client: () => LanguageClient | undefined): void {
  context.subscriptions.push(
    vscode.commands.registerCommand(SHOW_RULE_DOCS_COMMAND, (ruleId?: unknown) => showRuleDocs(context, client(), ruleId)),
  );
}

/** The rules for the quick pick. The server knows them (the client bundles no rule: see
 *  scripts/build.mjs); while it is not running (disabled, failed), the rule IDs the extension's
 *  settings list, which `npm run sync` keeps equal to the rules. */
async function ruleCatalog(context: vscode.ExtensionContext, client: LanguageClient | undefined): Promise<RuleCatalogEntry[]> {
  if (client?.isRunning()) {
    try {
      return await client.sendRequest<RuleCatalogEntry[]>(RULE_CATALOG_METHOD);
    } catch {
      // Fall back to the manifest below.
    }
  }
  const configuration = (context.extension.packageJSON as { contributes?: { configuration?: { properties?: Record<string, { properties?: Record<string, unknown> }> } } })
    .contributes?.configuration?.properties?.['connectIam.rules']?.properties ?? {};
  return Object.keys(configuration).map((id) => ({ id, title: '' }));
}

/** Opens the page; resolves to false (after telling the user) when there is none. */
async function showRuleDocs(context: vscode.ExtensionContext, client: LanguageClient | undefined, ruleId: unknown): Promise<boolean> {
  // From the command palette: pick the rule.
  if (ruleId === undefined) {
    const rules = await ruleCatalog(context, client);
    const picked = await vscode.window.showQuickPick(
      rules.map((r) => ({ label: r.id, detail: r.title || undefined })),
      { title: 'Connect IAM rule documentation', placeHolder: 'Which rule?', matchOnDetail: true },
    );
    if (!picked) return false;
    ruleId = picked.label;
  }
  if (!isRuleId(ruleId)) {
    void vscode.window.showErrorMessage(`Connect IAM: "${String(ruleId)}" is not a rule ID.`);
    return false;
  }
  const page = vscode.Uri.joinPath(context.extensionUri, ...ruleDocsSegments(ruleId));
  try {
    await vscode.workspace.fs.stat(page);
  } catch {
    void vscode.window.showErrorMessage(`Connect IAM: there is no documentation page for the rule ${ruleId} in this installation.`);
    return false;
  }
  await vscode.commands.executeCommand('markdown.showPreview', page);
  return true;
}
