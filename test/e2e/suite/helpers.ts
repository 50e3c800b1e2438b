// What every e2e test needs: the activated extension, documents in the test workspace, and
// polling for what VS Code reports (diagnostics arrive asynchronously from the server).
import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import * as vscode from 'vscode';
import { allRules, analyze, AnalyzeOptions, Severity } from '../../../server/src/engine';
import type { ConnectIamApi } from '../../../client/src/extension';
import { JSON_SERVICE_REPORTS } from '../../../client/src/editorDiagnostics';

/** The repository: the bundle runs from .cache/e2e/out/suite/. */
export const REPO = path.resolve(__dirname, '..', '..', '..', '..');

export const EXTENSION_ID = 'connect-iam.connect-iam';

/** An instance ARN with an account ID that is not one of AWS's documentation examples. */
export const INSTANCE_ARN = 'arn:aws:connect:eu-west-2:480219637511:instance/6a1b2c3d-1234-4abc-9def-0123456789ab';

export async function activateExtension(): Promise<ConnectIamApi> {
  const ext = vscode.extensions.getExtension<ConnectIamApi>(EXTENSION_ID);
  assert.ok(ext, `extension ${EXTENSION_ID} is not installed`);
  const api = await ext.activate();
  await api.ready();
  return api;
}

export function readRepoFile(...parts: string[]): string {
  return fs.readFileSync(path.join(REPO, ...parts), 'utf8');
}

function workspaceDir(): string {
  const folder = vscode.workspace.workspaceFolders?.[0];
  assert.ok(folder, 'the tests need a workspace folder');
  return folder.uri.fsPath;
}

/** Write `text` to a file of the test workspace and show it in an editor. */
export async function openFile(name: string, text: string): Promise<vscode.TextEditor> {
  const file = path.join(workspaceDir(), name);
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, text);
  const doc = await vscode.workspace.openTextDocument(vscode.Uri.file(file));
  return vscode.window.showTextDocument(doc);
}

export async function openUntitled(text = '', language = 'json'): Promise<vscode.TextEditor> {
  const doc = await vscode.workspace.openTextDocument({ language, content: text });
  assert.strictEqual(doc.getText(), text, 'VS Code handed back a stale untitled document');
  return vscode.window.showTextDocument(doc);
}

/** Close every editor without a save prompt (a prompt would block the test run). */
export async function closeAllEditors(): Promise<void> {
  for (let i = 0; i < 50 && vscode.window.tabGroups.all.some((g) => g.tabs.length > 0); i++) {
    await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
  }
  // VS Code reuses untitled names (Untitled-1): wait until the extension host has seen the old
  // ones closed, or the next openUntitled() could be handed a stale document.
  await pollFor(() => vscode.workspace.textDocuments.filter((d) => d.isUntitled).length, (n) => n === 0, 5_000);
}

/** Poll until `probe` returns a value that `done` accepts; the last value is returned either way
 *  so the caller's assertion shows what was there. */
export async function pollFor<T>(probe: () => T, done: (value: T) => boolean, timeoutMs = 15_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let value = probe();
  while (!done(value) && Date.now() < deadline) {
    await new Promise((r) => setTimeout(r, 100));
    value = probe();
  }
  return value;
}

const RULE_IDS = new Set(allRules.map((r) => r.id));

export function codeOf(d: vscode.Diagnostic): string {
  return typeof d.code === 'object' ? String(d.code.value) : String(d.code);
}

/** The diagnostics our server published (not the JSON extension's), as the user sees them. */
export function ourDiagnostics(doc: vscode.TextDocument): { ruleId: string; text: string; severity: Severity; diagnostic: vscode.Diagnostic }[] {
  return vscode.languages
    .getDiagnostics(doc.uri)
    .filter((d) => RULE_IDS.has(codeOf(d)))
    .map((d) => ({ ruleId: codeOf(d), text: doc.getText(d.range), severity: SEVERITY_NAMES[d.severity], diagnostic: d }))
    .sort(byPosition);
}

const SEVERITY_NAMES: Record<vscode.DiagnosticSeverity, Severity> = {
  [vscode.DiagnosticSeverity.Error]: 'error',
  [vscode.DiagnosticSeverity.Warning]: 'warning',
  [vscode.DiagnosticSeverity.Information]: 'information',
  [vscode.DiagnosticSeverity.Hint]: 'hint',
};

function byPosition(a: { ruleId: string; text: string }, b: { ruleId: string; text: string }): number {
  return a.ruleId.localeCompare(b.ruleId) || a.text.localeCompare(b.text);
}

/** What the engine itself finds in the text: what VS Code must show, finding for finding (less
 *  what VS Code's JSON support reports itself in a document of `languageId`). */
export function engineFindings(text: string, options?: AnalyzeOptions, languageId = 'json'): { ruleId: string; text: string; severity: Severity }[] {
  const reportedByVsCode = JSON_SERVICE_REPORTS[languageId] ?? [];
  return analyze(text, options)
    .findings.filter((f) => !reportedByVsCode.includes(f.ruleId))
    .map((f) => ({ ruleId: f.ruleId, text: text.slice(f.range.start, f.range.end), severity: f.severity }))
    .sort(byPosition);
}

/** Wait until our diagnostics for the document equal the engine's findings, then return them. */
export async function diagnosticsMatchingEngine(doc: vscode.TextDocument, options?: AnalyzeOptions) {
  const expected = engineFindings(doc.getText(), options, doc.languageId);
  const strip = (list: { ruleId: string; text: string; severity: Severity }[]) => list.map(({ ruleId, text, severity }) => ({ ruleId, text, severity }));
  const actual = await pollFor(() => ourDiagnostics(doc), (list) => JSON.stringify(strip(list)) === JSON.stringify(expected));
  assert.deepStrictEqual(strip(actual), expected, 'the diagnostics in VS Code differ from the engine\'s findings');
  return actual;
}

/** Texts of the current selections (one per cursor). */
export function selectionTexts(editor: vscode.TextEditor): string[] {
  return editor.selections.map((s) => editor.document.getText(s));
}

/** The quick fixes VS Code offers for a diagnostic's range. */
export async function quickFixesFor(doc: vscode.TextDocument, range: vscode.Range): Promise<vscode.CodeAction[]> {
  return (await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', doc.uri, range, vscode.CodeActionKind.QuickFix.value)) ?? [];
}

/** Runs a code action as the lightbulb does: its edit, then its command. */
export async function applyCodeAction(action: vscode.CodeAction): Promise<void> {
  if (action.edit) assert.ok(await vscode.workspace.applyEdit(action.edit));
  if (action.command) await vscode.commands.executeCommand(action.command.command, ...(action.command.arguments ?? []));
}
