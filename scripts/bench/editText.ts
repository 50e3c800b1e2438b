// The edit every edit figure makes (edit.ts over LSP, editEngine.ts and the bench's warm analysis
// in the engine): four characters of one value near the middle of the document replaced by a
// text never used before, as typing makes. Toggling one character back and forth would be timed
// from the second edit on against a statement cache that already holds both versions, so the
// edited statement would never be analysed.

/** Characters each edit replaces (ending at the offset `middleValue` returns). */
export const EDIT_WIDTH = 4;

/** Distinct edits available: a "Z" and three base-36 digits. */
export const MAX_EDITS = 36 ** 3;

/** The offset of the last character of the first `marker` value after the middle of the text
 *  (the value must be at least EDIT_WIDTH characters long). */
export function middleValue(text: string, marker: string): number {
  const from = text.indexOf(marker, Math.floor(text.length / 2));
  if (from < 0) throw new Error(`no ${marker} in the document`);
  const start = from + marker.length;
  const end = text.slice(start).search(/["\],\n]/);
  if (end < EDIT_WIDTH) throw new Error(`the value after ${marker} is shorter than ${EDIT_WIDTH} characters`);
  return start + end - 1;
}

/** The text of the `n`th edit: "Z" and `n` in three base-36 digits (the documents' values never
 *  hold a "Z" there, so no edit restores the original or repeats another). */
export function editToken(n: number): string {
  if (!Number.isInteger(n) || n < 0 || n >= MAX_EDITS) throw new RangeError(`edit ${n} is outside 0…${MAX_EDITS - 1}`);
  return `Z${n.toString(36).padStart(3, '0')}`;
}

/** The range the edits replace, for a value ending at `at`. */
export function editRange(at: number): { start: number; end: number } {
  return { start: at + 1 - EDIT_WIDTH, end: at + 1 };
}

/** `text` after the `n`th edit of the value ending at `at`. */
export function editedText(text: string, at: number, n: number): string {
  const { start, end } = editRange(at);
  return text.slice(0, start) + editToken(n) + text.slice(end);
}
