// Hover and completion: the engine's services answer with offsets and markdown; this converts
// their answers to LSP (positions, MarkupContent, CompletionItem with a text edit).
import {
  CompletionItem,
  CompletionItemKind,
  CompletionList,
  Hover,
  InsertTextFormat,
  MarkupKind,
  TextEdit,
} from 'vscode-languageserver/node';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { CompletionEntry, CompletionList as EngineCompletions, HoverResult } from '../engine';
import { toRange } from './diagnostics';

export const COMPLETION_TRIGGER_CHARACTERS = ['"', ':', '/'];

export function toHover(doc: TextDocument, h: HoverResult): Hover {
  return { contents: { kind: MarkupKind.Markdown, value: h.contents }, range: toRange(doc, h.range) };
}

/** Engine kind → LSP kind (the icon the editor shows). A kind the engine adds later falls back to
 *  a plain value rather than failing. */
const KINDS: Record<string, CompletionItemKind> = {
  element: CompletionItemKind.Property,
  value: CompletionItemKind.Value,
  service: CompletionItemKind.Module,
  action: CompletionItemKind.Function,
  operator: CompletionItemKind.Operator,
  conditionKey: CompletionItemKind.Variable,
  arn: CompletionItemKind.Reference,
  snippet: CompletionItemKind.Snippet,
};

export function completionKind(kind: string): CompletionItemKind {
  return KINDS[kind] ?? CompletionItemKind.Value;
}

export function toCompletionItem(doc: TextDocument, c: CompletionEntry): CompletionItem {
  const item: CompletionItem = {
    label: c.label,
    kind: completionKind(c.kind),
    textEdit: TextEdit.replace(toRange(doc, c.range), c.insertText),
    insertTextFormat: c.isSnippet ? InsertTextFormat.Snippet : InsertTextFormat.PlainText,
  };
  if (c.detail) item.detail = c.detail;
  if (c.documentation) item.documentation = { kind: MarkupKind.Markdown, value: c.documentation };
  if (c.sortText) item.sortText = c.sortText;
  if (c.filterText) item.filterText = c.filterText;
  return item;
}

export function toCompletionList(doc: TextDocument, list: EngineCompletions): CompletionList {
  return { isIncomplete: list.isIncomplete, items: list.items.map((c) => toCompletionItem(doc, c)) };
}
