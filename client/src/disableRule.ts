// "Disable <rule> in this workspace / for this file": writes `connectIam.rules` (workspace
// settings, or user settings without a workspace) or `connectIam.fileRules` (keyed by the file's
// path relative to its workspace folder, or by its absolute path in user settings). The server
// re-reads the settings and the diagnostics go away.
import * as vscode from 'vscode';
import { DISABLE_RULE_COMMAND, fileRulesWithRuleOff, globForPath, isRuleId, rulesWithRuleOff } from './ruleLinks';
import { SECTION } from './server';

export type DisableScope = 'workspace' | 'file';

export interface DisableArgs {
  ruleId: string;
  scope: DisableScope;
  /** The document the action was offered in. */
  uri: string;
}

export function registerDisableRule(context: vscode.ExtensionContext): void {
  context.subscriptions.push(vscode.commands.registerCommand(DISABLE_RULE_COMMAND, (args?: DisableArgs) => disableRule(args)));
}

/** Where "for this file" writes: the folder settings with a relative glob, or the user settings
 *  with the absolute path. Undefined for documents without a file (untitled). */
export function fileTarget(uri: vscode.Uri): { glob: string; target: vscode.ConfigurationTarget; scope: vscode.Uri } | undefined {
  if (uri.scheme !== 'file') return undefined;
  const folder = vscode.workspace.getWorkspaceFolder(uri);
  if (folder) {
    const relative = vscode.workspace.asRelativePath(uri, false);
    return { glob: globForPath(relative), target: vscode.ConfigurationTarget.WorkspaceFolder, scope: folder.uri };
  }
  return { glob: globForPath(uri.fsPath.replace(/\\/g, '/')), target: vscode.ConfigurationTarget.Global, scope: uri };
}

async function disableRule(args: DisableArgs | undefined): Promise<boolean> {
  if (!args || !isRuleId(args.ruleId) || typeof args.uri !== 'string') return false;
  const uri = vscode.Uri.parse(args.uri);
  if (args.scope === 'file') {
    const where = fileTarget(uri);
    if (!where) return false;
    const config = vscode.workspace.getConfiguration(SECTION, where.scope);
    const inspected = config.inspect<Record<string, unknown>>('fileRules');
    const current = where.target === vscode.ConfigurationTarget.Global ? inspected?.globalValue : inspected?.workspaceFolderValue;
    await config.update('fileRules', fileRulesWithRuleOff(current, where.glob, args.ruleId), where.target);
    return true;
  }
  const config = vscode.workspace.getConfiguration(SECTION, uri);
  const target = vscode.workspace.workspaceFolders?.length ? vscode.ConfigurationTarget.Workspace : vscode.ConfigurationTarget.Global;
  const inspected = config.inspect<Record<string, unknown>>('rules');
  const current = target === vscode.ConfigurationTarget.Global ? inspected?.globalValue : inspected?.workspaceValue;
  await config.update('rules', rulesWithRuleOff(current, args.ruleId), target);
  return true;
}
