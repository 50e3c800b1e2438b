// Memo tables for pure functions of strings: every cache of the engine that outlives one analysis
// goes through one of these two, so every such cache is bounded and copies its keys.
//
// Why copy: jsonc-parser's string values are V8 "sliced strings" that point into the whole
// document text, and so is any slice or concatenation of them (`service + ':' + name`). A memo
// that kept such a string as its key (or kept slices of it in its value) would keep every
// analysed version of the document alive: an editor re-analysing a 0.5 MB policy on each
// keystroke grew by 0.5 MB per edit. Keys are therefore copied before they are stored, and values
// must be computed from the copies the memo passes to `compute`.
//
// Caches scoped to one analysis (objectCache.ts, keyed by the document or its statements) die
// with it and need neither.

/** A copy of `s` that shares no memory with the text it was sliced from. V8 does not slice
 *  strings shorter than 13 characters, so those are returned as they are. */
export function detach(s: string): string {
  return s.length < 13 ? s : (' ' + s).slice(1);
}

/** A bounded memo keyed by strings: cleared when it reaches `limit` entries, so memory stays
 *  bounded however many distinct strings go through it. `undefined` is a value like any other. */
export class StringMemo<V> {
  private readonly map = new Map<string, V>();
  constructor(private readonly limit = 100_000) {}

  /** Compute (from a detached copy of the key) and remember the value for `key`. */
  getOrCompute(key: string, compute: (detachedKey: string) => V): V {
    const hit = this.map.get(key);
    if (hit !== undefined || this.map.has(key)) return hit as V;
    const own = detach(key);
    const value = compute(own);
    if (this.map.size >= this.limit) this.map.clear();
    this.map.set(own, value);
    return value;
  }

  get size(): number {
    return this.map.size;
  }
}

/** A bounded memo keyed by a pair of strings, kept as nested maps (first key, then second) so a
 *  lookup builds no combined key string: for the hottest lookups. Both keys are copied; cleared
 *  when it holds `limit` entries. */
export class PairMemo<V> {
  private readonly outer = new Map<string, Map<string, V>>();
  private entries = 0;
  constructor(private readonly limit = 200_000) {}

  /** Compute (from detached copies of the keys) and remember the value for `(a, b)`. */
  getOrCompute(a: string, b: string, compute: (detachedA: string, detachedB: string) => V): V {
    let inner = this.outer.get(a);
    if (inner) {
      const hit = inner.get(b);
      if (hit !== undefined || inner.has(b)) return hit as V;
    }
    const ownA = detach(a);
    const ownB = detach(b);
    const value = compute(ownA, ownB);
    if (this.entries >= this.limit) {
      this.outer.clear();
      this.entries = 0;
      inner = undefined;
    }
    if (!inner) this.outer.set(ownA, (inner = new Map()));
    inner.set(ownB, value);
    this.entries++;
    return value;
  }

  get size(): number {
    return this.entries;
  }
}
