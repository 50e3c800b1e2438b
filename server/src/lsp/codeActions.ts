// Code actions: one quick fix per fix of each finding under the cursor, and the
// `source.fixAll.connectIam` action that applies every safe fix of the document.
import { CodeAction, CodeActionKind, Range, TextDocumentEdit, TextEdit as LspTextEdit, WorkspaceEdit } from 'vscode-languageserver/node';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { AnalyzeOptions, diffEdit, Finding, ParsedDocument, PolicyService, TextEdit } from '../engine';
import { toDiagnostic, toRange } from './diagnostics';

export const FIX_ALL_KIND = 'source.fixAll.connectIam';
export const CODE_ACTION_KINDS = [CodeActionKind.QuickFix, FIX_ALL_KIND];

/** Does an action of `kind` answer a request limited to `only`? Kinds are hierarchical:
 *  `source.fixAll.connectIam` answers `source` and `source.fixAll`. */
export function kindRequested(kind: string, only: readonly string[] | undefined): boolean {
  if (!only || only.length === 0) return kind === CodeActionKind.QuickFix;
  return only.some((o) => kind === o || kind.startsWith(o + '.'));
}

export function workspaceEdit(doc: TextDocument, edits: readonly TextEdit[], versioned: boolean): WorkspaceEdit {
  const lsp = edits.map((e) => LspTextEdit.replace(toRange(doc, e.range), e.newText));
  // With the document version the client refuses the edit if the user typed in between.
  return versioned
    ? { documentChanges: [TextDocumentEdit.create({ uri: doc.uri, version: doc.version }, lsp)] }
    : { changes: { [doc.uri]: lsp } };
}

function intersects(doc: TextDocument, f: Finding, range: Range): boolean {
  const start = doc.offsetAt(range.start);
  const end = doc.offsetAt(range.end);
  return f.range.start <= end && start <= f.range.end;
}

/** What the code action handlers need of the document: the editor's and the engine's views of
 *  one version. */
export interface FixContext {
  doc: TextDocument;
  parsed: ParsedDocument;
  service: PolicyService;
  versioned: boolean;
}

export function quickFixes({ doc, parsed, service, versioned }: FixContext, findings: readonly Finding[], range: Range): CodeAction[] {
  const actions: CodeAction[] = [];
  for (const f of findings) {
    if (!intersects(doc, f, range)) continue;
    const fixes = service.fixes(parsed, f);
    if (!fixes.length) continue;
    const diagnostic = toDiagnostic(doc, f);
    for (const fix of fixes) {
      const action = CodeAction.create(fix.title, workspaceEdit(doc, fix.edits, versioned), CodeActionKind.QuickFix);
      action.diagnostics = [diagnostic];
      if (fix.isPreferred) action.isPreferred = true;
      actions.push(action);
    }
  }
  return actions;
}

/** The fix-all action, or undefined when no safe fix applies. */
export function fixAllAction({ doc, parsed, service, versioned }: FixContext, findings: readonly Finding[], options: AnalyzeOptions): CodeAction | undefined {
  const text = doc.getText();
  const result = service.fixAll(parsed, { rules: options.rules, findings });
  if (result.fixed === 0 || result.text === text) return undefined;
  const edits = result.singleRoundEdits ?? [diffEdit(text, result.text)];
  const title = result.fixed === 1 ? 'Fix 1 problem safely (Connect IAM)' : `Fix ${result.fixed} problems safely (Connect IAM)`;
  return CodeAction.create(title, workspaceEdit(doc, edits, versioned), FIX_ALL_KIND);
}

/** The code actions a request asks for (`only`: its kinds): the quick fixes of the findings in
 *  `range`, and the fix-all action when a source action kind is asked for. */
export function codeActionsFor(context: FixContext, findings: readonly Finding[], range: Range, only: readonly string[] | undefined, options: AnalyzeOptions): CodeAction[] {
  const actions: CodeAction[] = [];
  if (kindRequested('quickfix', only)) actions.push(...quickFixes(context, findings, range));
  if (only && kindRequested(FIX_ALL_KIND, only)) {
    const action = fixAllAction(context, findings, options);
    if (action) actions.push(action);
  }
  return actions;
}
