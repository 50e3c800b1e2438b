// "Did you mean …?": the nearest candidate by edit distance, case-insensitively, or nothing when
// even the nearest is too far away to be a plausible typo.
//
// Edit distance costs the product of the two lengths, once per candidate: a 300 KB action against
// the 800 actions of a service took seconds. Two bounds keep it linear: no suggestion at all for
// a value longer than any name could plausibly be mistyped from, and no distance computed for a
// candidate whose length alone puts it out of reach (the length difference is a lower bound of
// the distance).
import { distance } from 'fastest-levenshtein';

/** Longer values get no suggestion. The longest names suggested (condition keys with a tag part,
 *  Connect ARN paths) stay well under this. */
export const MAX_SUGGESTION_INPUT = 256;

/** Default tolerance: two edits, or a third of the word for longer words. */
export function tolerance(value: string): number {
  return Math.max(2, Math.floor(value.length / 3));
}

/** Candidates within `maxDistance` edits of `value` (case-insensitive), with their distance. */
export function withinDistance(value: string, candidates: Iterable<string>, maxDistance: number): { c: string; d: number }[] {
  if (value.length > MAX_SUGGESTION_INPUT) return [];
  const lower = value.toLowerCase();
  const out: { c: string; d: number }[] = [];
  for (const c of candidates) {
    if (Math.abs(c.length - lower.length) > maxDistance) continue;
    const d = distance(lower, c.toLowerCase());
    if (d <= maxDistance) out.push({ c, d });
  }
  return out;
}

export function closestMatch(value: string, candidates: Iterable<string>, maxDistance = tolerance(value)): string | undefined {
  let best: { c: string; d: number } | undefined;
  for (const x of withinDistance(value, candidates, maxDistance)) if (!best || x.d < best.d) best = x;
  return best?.c;
}
