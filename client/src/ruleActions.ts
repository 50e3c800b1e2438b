// The actions every one of our diagnostics has in its lightbulb, besides the server's quick fixes:
// show the rule's page, turn the rule off (workspace or file), and for a Deny that overrides an
// Allow, go to the Deny. So the lightbulb is never empty on a Connect IAM diagnostic.
import * as vscode from 'vscode';
import { DisableArgs, fileTarget } from './disableRule';
import { ruleIdOf } from './editorDiagnostics';
import { DISABLE_RULE_COMMAND, GO_TO_LOCATION_COMMAND, SHOW_RULE_DOCS_COMMAND } from './ruleLinks';

/** Rules whose related location is the Deny that overrides the reported Allow. */
const DENY_RULES = new Set(['allow-overridden-by-deny', 'allow-partly-overridden-by-deny']);

export class RuleActionProvider implements vscode.CodeActionProvider {
  static readonly kinds = [vscode.CodeActionKind.QuickFix];

  provideCodeActions(doc: vscode.TextDocument, _range: vscode.Range, context: vscode.CodeActionContext): vscode.CodeAction[] {
    if (context.only && !vscode.CodeActionKind.QuickFix.intersects(context.only)) return [];
    const actions: vscode.CodeAction[] = [];
    const seen = new Set<string>();
    for (const d of context.diagnostics) {
      const ruleId = ruleIdOf(d);
      if (!ruleId) continue;
      if (DENY_RULES.has(ruleId)) actions.push(...goToDeny(d));
      // One set per rule, however many of its diagnostics are under the cursor.
      if (seen.has(ruleId)) continue;
      seen.add(ruleId);
      actions.push(
        action(`Show documentation for ${ruleId}`, d, { title: 'Show documentation', command: SHOW_RULE_DOCS_COMMAND, arguments: [ruleId] }),
        action(`Disable ${ruleId} in this workspace`, d, disable(ruleId, 'workspace', doc.uri)),
      );
      if (fileTarget(doc.uri)) actions.push(action(`Disable ${ruleId} for this file`, d, disable(ruleId, 'file', doc.uri)));
    }
    return actions;
  }
}

function action(title: string, d: vscode.Diagnostic, command: vscode.Command): vscode.CodeAction {
  const a = new vscode.CodeAction(title, vscode.CodeActionKind.QuickFix);
  a.diagnostics = [d];
  a.command = command;
  return a;
}

function disable(ruleId: string, scope: DisableArgs['scope'], uri: vscode.Uri): vscode.Command {
  const args: DisableArgs = { ruleId, scope, uri: uri.toString() };
  return { title: 'Disable rule', command: DISABLE_RULE_COMMAND, arguments: [args] };
}

function goToDeny(d: vscode.Diagnostic): vscode.CodeAction[] {
  return (d.relatedInformation ?? []).map((r) =>
    action(`Go to ${lowerFirst(r.message)}`, d, { title: 'Go to the Deny', command: GO_TO_LOCATION_COMMAND, arguments: [r.location.uri.toString(), r.location.range] }),
  );
}

const lowerFirst = (s: string) => s.charAt(0).toLowerCase() + s.slice(1);

export function registerRuleActions(context: vscode.ExtensionContext, selector: vscode.DocumentSelector): void {
  context.subscriptions.push(
    vscode.languages.registerCodeActionsProvider(selector, new RuleActionProvider(), { providedCodeActionKinds: RuleActionProvider.kinds }),
    vscode.commands.registerCommand(GO_TO_LOCATION_COMMAND, async (uri: string, range: vscode.Range) => {
      const doc = await vscode.workspace.openTextDocument(vscode.Uri.parse(uri));
      const r = new vscode.Range(range.start.line, range.start.character, range.end.line, range.end.character);
      await vscode.window.showTextDocument(doc, { selection: r });
    }),
  );
}
