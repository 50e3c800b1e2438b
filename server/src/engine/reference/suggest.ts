// "Did you mean …?" with several candidates: the few nearest names by edit distance
// (case-insensitive), for messages that list alternatives. `closest.ts` gives the single best.
import { distance } from 'fastest-levenshtein';

/** Up to `count` candidates nearest to `value`, nearest first, within `maxDistance` edits (by
 *  default a third of the word, at least two). */
export function closestMatches(value: string, candidates: Iterable<string>, count = 3, maxDistance = Math.max(2, Math.floor(value.length / 3))): string[] {
  const lower = value.toLowerCase();
  const scored: { c: string; d: number }[] = [];
  for (const c of candidates) {
    const d = distance(lower, c.toLowerCase());
    if (d <= maxDistance) scored.push({ c, d });
  }
  scored.sort((a, b) => a.d - b.d || a.c.localeCompare(b.c));
  return scored.slice(0, count).map((s) => s.c);
}

/** "a", "a or b", "a, b or c" (or with "and") for plain-text messages. */
export function orList(items: string[], conjunction: 'or' | 'and' = 'or'): string {
  const q = items;
  return q.length <= 1 ? q.join('') : `${q.slice(0, -1).join(', ')} ${conjunction} ${q[q.length - 1]}`;
}
