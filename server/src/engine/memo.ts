// Memo tables for pure functions of strings, shared by the caches that outlive one analysis.
//
// Why `detach`: jsonc-parser's string values are V8 "sliced strings" that point into the whole
// document text. A memo that kept such a string as its key (or kept slices of it in its value)
// would keep every analysed version of the document alive: an editor re-analysing a 1 MB policy
// on each keystroke grew by 1 MB per edit. Keys are therefore copied before they are stored, and
// values must be computed from the detached copy.

/** A copy of `s` that shares no memory with the text it was sliced from. V8 does not slice
 *  strings shorter than 13 characters, so those are returned as they are. */
export function detach(s: string): string {
  return s.length < 13 ? s : (' ' + s).slice(1);
}

/** A bounded memo keyed by strings: cleared when it reaches `limit` entries, so memory stays
 *  bounded however many distinct strings go through it. */
export class StringMemo<V> {
  private readonly map = new Map<string, V>();
  constructor(private readonly limit = 100_000) {}

  /** Compute (from a detached copy of the key) and remember the value for `key`. */
  getOrCompute(key: string, compute: (detachedKey: string) => V): V {
    let value = this.map.get(key);
    if (value === undefined) {
      const own = detach(key);
      value = compute(own);
      if (this.map.size >= this.limit) this.map.clear();
      this.map.set(own, value);
    }
    return value;
  }
}
