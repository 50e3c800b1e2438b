// Applying the engine's offset-based edits to text (used by the CLI's --fix, tests and fix-all).
import { sharedEnds } from './parse/sharedEnds';
import { TextEdit } from './types';

/** Apply non-overlapping edits; later edits first so earlier offsets stay valid. */
export function applyEdits(text: string, edits: readonly TextEdit[]): string {
  const sorted = [...edits].sort((a, b) => b.range.start - a.range.start || b.range.end - a.range.end);
  let out = text;
  let lastStart = Infinity;
  for (const e of sorted) {
    if (e.range.end > lastStart) continue; // overlapping: skip rather than corrupt the text
    out = out.slice(0, e.range.start) + e.newText + out.slice(e.range.end);
    lastStart = e.range.start;
  }
  return out;
}

/** One edit turning `before` into `after`: the span between their common prefix and suffix. */
export function diffEdit(before: string, after: string): TextEdit {
  const { prefix, suffix } = sharedEnds(before, after);
  return { range: { start: prefix, end: before.length - suffix }, newText: after.slice(prefix, after.length - suffix) };
}
