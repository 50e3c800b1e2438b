// The worker's TextDocument of a new version, made from the previous version's where it can.
// Why: TextDocument computes a document's line offsets (which every diagnostic's positions come
// from) on first use, walking the whole text: ~12 ms of a 1 MB policy's edit in the worker, where
// the engine's warm analysis takes ~120 ms. An update with the one range that changed moves the
// previous version's line offsets instead (TextDocument.update), so the walk covers only the
// changed text. The worker is sent whole texts; the changed range is where the two differ.
import { TextDocument } from 'vscode-languageserver-textdocument';
import { sharedEnds } from '../engine';

/** The one range of `old` that `text` replaces, the common prefix and suffix left out (the
 *  suffix stops at the prefix: a deletion in a run of equal characters is not counted twice). */
export function changedRange(old: string, text: string): { start: number; end: number; newText: string } {
  const { prefix, suffix } = sharedEnds(old, text);
  return { start: prefix, end: old.length - suffix, newText: text.slice(prefix, text.length - suffix) };
}

/** The document of `text` at `version`: `previous` (the same URI's last version, which this
 *  consumes) updated in place, or a new one. Texts with carriage returns always get a new one: a
 *  changed range that started or ended inside a CR LF pair would shift a line. */
export function updatedDocument(previous: TextDocument | undefined, uri: string, languageId: string, version: number, text: string): TextDocument {
  if (!previous || previous.uri !== uri || previous.languageId !== languageId) return TextDocument.create(uri, languageId, version, text);
  const old = previous.getText();
  if (old.includes('\r') || text.includes('\r')) return TextDocument.create(uri, languageId, version, text);
  const { start, end, newText } = changedRange(old, text);
  return TextDocument.update(previous, [{ range: { start: previous.positionAt(start), end: previous.positionAt(end) }, text: newText }], version);
}
