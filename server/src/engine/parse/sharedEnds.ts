// How two versions of a text differ, as an editor's keystroke makes them: the length of what they
// share at the start and at the end (the changed span lies between).
//
// Compared in slices, not character by character: an edited text is usually a concatenation
// (`before + typed + after`), and charCodeAt on one costs a call per character (measured: 15 ms
// for the two ends of a 1 MB text, against 0.25 ms in slices; V8 compares two flat slices as
// blocks of memory).

/** Slice lengths tried, longest first: each pass leaves less than the next one's length. */
const STEPS = [4096, 256, 16];

/** The common prefix and suffix of `a` and `b`, the suffix not reaching into the prefix of the
 *  shorter one (so prefix + suffix ≤ the shorter length). */
export function sharedEnds(a: string, b: string): { prefix: number; suffix: number } {
  const limit = Math.min(a.length, b.length);
  let prefix = 0;
  for (const step of STEPS) while (prefix + step <= limit && a.slice(prefix, prefix + step) === b.slice(prefix, prefix + step)) prefix += step;
  while (prefix < limit && a.charCodeAt(prefix) === b.charCodeAt(prefix)) prefix++;
  const room = limit - prefix;
  let suffix = 0;
  for (const step of STEPS) while (suffix + step <= room && a.slice(a.length - suffix - step, a.length - suffix) === b.slice(b.length - suffix - step, b.length - suffix)) suffix += step;
  while (suffix < room && a.charCodeAt(a.length - 1 - suffix) === b.charCodeAt(b.length - 1 - suffix)) suffix++;
  return { prefix, suffix };
}
