// "Did you mean …?": the nearest candidate by edit distance, case-insensitively, or nothing when
// even the nearest is too far away to be a plausible typo.
import { distance } from 'fastest-levenshtein';

/** Default tolerance: two edits, or a third of the word for longer words. */
function tolerance(value: string): number {
  return Math.max(2, Math.floor(value.length / 3));
}

export function closestMatch(value: string, candidates: Iterable<string>, maxDistance = tolerance(value)): string | undefined {
  const lower = value.toLowerCase();
  let best: string | undefined;
  let bestDistance = Infinity;
  for (const c of candidates) {
    const d = distance(lower, c.toLowerCase());
    if (d < bestDistance) [best, bestDistance] = [c, d];
  }
  return bestDistance <= maxDistance ? best : undefined;
}
