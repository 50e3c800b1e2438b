// How the server's diagnostics fit VS Code:
// - VS Code's JSON language service already reports syntax errors and trailing commas in `json`
//   and `jsonc` documents (trailing commas as errors in json, warnings in jsonc), and comments in
//   `json` ones. The server is told not to publish ours for those (their quick fixes stay in the
//   lightbulb); comments in `jsonc`, which VS Code allows, stay ours: IAM rejects them.
//   See docs/editor.md.
// - A diagnostic's code links to the rule's page as a command link, so it opens inside VS Code
//   (Markdown preview of the page shipped in the extension), offline.
import * as vscode from 'vscode';
import { isRuleId, ruleDocsCommandUri } from './ruleLinks';

/** The `source` of the server's diagnostics (SOURCE in server/src/lsp/diagnostics.ts, which the
 *  client does not import: it would bundle the server's LSP library). */
export const DIAGNOSTIC_SOURCE = 'connect-iam';

/** The rule of one of our diagnostics, or undefined for anyone else's. */
export function ruleIdOf(d: vscode.Diagnostic): string | undefined {
  if (d.source !== DIAGNOSTIC_SOURCE) return undefined;
  const code = typeof d.code === 'object' ? d.code.value : d.code;
  return isRuleId(code) ? code : undefined;
}

/** Per language ID, the rules whose findings VS Code's JSON support reports itself. */
export const JSON_SERVICE_REPORTS: Readonly<Record<string, readonly string[]>> = {
  json: ['json-syntax', 'json-comment', 'json-trailing-comma'],
  jsonc: ['json-syntax', 'json-trailing-comma'],
};

/** What to tell the server: nothing when the user turned VS Code's JSON validation off. */
export function clientReportedRules(): Record<string, readonly string[]> {
  return vscode.workspace.getConfiguration('json').get<boolean>('validate.enable', true) ? { ...JSON_SERVICE_REPORTS } : {};
}

export function withDocsCommandLinks(diagnostics: vscode.Diagnostic[]): vscode.Diagnostic[] {
  for (const d of diagnostics) {
    const ruleId = ruleIdOf(d);
    if (ruleId) d.code = { value: ruleId, target: vscode.Uri.parse(ruleDocsCommandUri(ruleId)) };
  }
  return diagnostics;
}
