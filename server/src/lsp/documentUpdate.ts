// The worker's TextDocument of a new version, made from the previous version's where it can.
// Why: TextDocument computes a document's line offsets (which every diagnostic's positions come
// from) on first use, walking the whole text: ~12 ms of a 1 MB policy's edit in the worker, where
// the engine's warm analysis takes ~120 ms. An update with the one range that changed moves the
// previous version's line offsets instead (TextDocument.update), so the walk covers only the
// changed text. The worker is sent whole texts; the changed range is where the two differ.
import { TextDocument } from 'vscode-languageserver-textdocument';

/** Characters compared at once while looking for the changed range (a string compare is a
 *  memory compare; character by character would take as long as the walk it saves). */
const CHUNK = 4096;

/** The one range of `old` that `text` replaces, the common prefix and suffix left out. */
export function changedRange(old: string, text: string): { start: number; end: number; newText: string } {
  const max = Math.min(old.length, text.length);
  let start = 0;
  while (start + CHUNK <= max && old.slice(start, start + CHUNK) === text.slice(start, start + CHUNK)) start += CHUNK;
  while (start < max && old.charCodeAt(start) === text.charCodeAt(start)) start++;
  // The suffix stops at the prefix: a deletion in a run of equal characters is not counted twice.
  const room = max - start;
  let tail = 0;
  while (tail + CHUNK <= room && old.slice(old.length - tail - CHUNK, old.length - tail) === text.slice(text.length - tail - CHUNK, text.length - tail)) tail += CHUNK;
  while (tail < room && old.charCodeAt(old.length - 1 - tail) === text.charCodeAt(text.length - 1 - tail)) tail++;
  return { start, end: old.length - tail, newText: text.slice(start, text.length - tail) };
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
