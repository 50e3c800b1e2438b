// "Did you mean …?" with several candidates: the few nearest names by edit distance
// (case-insensitive), for messages that list alternatives. `closest.ts` gives the single best.
import { tolerance, withinDistance } from './closest';

/** Up to `count` candidates nearest to `value`, nearest first, within `maxDistance` edits (by
 *  default a third of the word, at least two). */
export function closestMatches(value: string, candidates: Iterable<string>, count = 3, maxDistance = tolerance(value)): string[] {
  const scored = withinDistance(value, candidates, maxDistance);
  scored.sort((a, b) => a.d - b.d || a.c.localeCompare(b.c));
  return scored.slice(0, count).map((s) => s.c);
}

/** "a", "a or b", "a, b or c" (or with "and") for plain-text messages. */
export function orList(items: string[], conjunction: 'or' | 'and' = 'or'): string {
  const q = items;
  return q.length <= 1 ? q.join('') : `${q.slice(0, -1).join(', ')} ${conjunction} ${q[q.length - 1]}`;
}
