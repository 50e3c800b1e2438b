// Facts remembered about one analysis's objects (a document, a statement, a host document, a
// finding), held on the object itself rather than in a WeakMap.
//
// Why not a WeakMap: in the V8 of Node 20 a young-generation collection keeps every entry of a
// WeakMap whose key is still young, dead or not, and promotes its value to the old generation,
// where only a full collection frees it (measured: 200,000 dead keys with 20 small objects each
// grew the old generation by 102 MB, against 0.3 MB for the same values held by nothing). Each
// edit builds a new document with new statements, and some twenty per-document caches hung
// their values on them: a 6 KB policy's edit loop promoted ~100 KB per edit and spent a fifth
// of its time collecting, and a language server with a 1 MB document grew its heap with dead
// analyses between full collections. A value held by its key dies with the key, young.
//
// The values sit in an array under a symbol property that is not enumerable, so a copy made by
// spreading (`{ ...doc }`, a statement's one-statement view) starts without them, as a new key
// of a WeakMap would. Keys that cannot take a property (frozen objects) fall back to a WeakMap.
// Long-lived keys (the reference data, the Connect table) gain nothing here: keep WeakMaps there.

const SLOTS = Symbol('connect-iam cached facts');

interface Holder {
  [SLOTS]?: unknown[];
}

/** Slot numbers handed out so far, one per cache: caches are made once (module constants, one per
 *  StatementCache), so a key's slot array stays short and dense. */
let slotsMade = 0;

/** A WeakMap-like cache from objects to values; `undefined` is the same as no value. */
export class ObjectCache<K extends object, V> {
  private readonly slot = slotsMade++;
  private fallback: WeakMap<K, V> | undefined;

  get(key: K): V | undefined {
    const slots = (key as Holder)[SLOTS];
    if (slots) return slots[this.slot] as V | undefined;
    return this.fallback?.get(key);
  }

  set(key: K, value: V): this {
    let slots = (key as Holder)[SLOTS];
    if (!slots) {
      if (!Object.isExtensible(key)) {
        (this.fallback ??= new WeakMap()).set(key, value);
        return this;
      }
      slots = [];
      Object.defineProperty(key, SLOTS, { value: slots });
    }
    slots[this.slot] = value;
    return this;
  }

  delete(key: K): void {
    const slots = (key as Holder)[SLOTS];
    if (slots) slots[this.slot] = undefined;
    else this.fallback?.delete(key);
  }
}
