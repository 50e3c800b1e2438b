// Code actions: one quick fix per fix of each finding under the cursor, and the
// `source.fixAll.connectIam` action that applies every safe fix of the document.
import { CodeAction, CodeActionKind, Range, TextDocumentEdit, TextEdit as LspTextEdit, WorkspaceEdit } from 'vscode-languageserver/node';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { AnalyzeOptions, diffEdit, Finding, fixAll, TextEdit } from '../engine';
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

export function quickFixes(doc: TextDocument, findings: readonly Finding[], range: Range, versioned: boolean): CodeAction[] {
  const actions: CodeAction[] = [];
  for (const f of findings) {
    if (!f.fixes?.length || !intersects(doc, f, range)) continue;
    const diagnostic = toDiagnostic(doc, f);
    for (const fix of f.fixes) {
      if (fix.edits.length === 0) continue;
      const action = CodeAction.create(fix.title, workspaceEdit(doc, fix.edits, versioned), CodeActionKind.QuickFix);
      action.diagnostics = [diagnostic];
      if (fix.isPreferred) action.isPreferred = true;
      actions.push(action);
    }
  }
  return actions;
}

/** The fix-all action, or undefined when no safe fix applies. */
export function fixAllAction(doc: TextDocument, findings: readonly Finding[], options: AnalyzeOptions, versioned: boolean): CodeAction | undefined {
  const text = doc.getText();
  const result = fixAll(text, options, findings);
  if (result.fixed === 0 || result.text === text) return undefined;
  const edits = result.singleRoundEdits ?? [diffEdit(text, result.text)];
  const title = result.fixed === 1 ? 'Fix 1 problem safely (Connect IAM)' : `Fix ${result.fixed} problems safely (Connect IAM)`;
  return CodeAction.create(title, workspaceEdit(doc, edits, versioned), FIX_ALL_KIND);
}
