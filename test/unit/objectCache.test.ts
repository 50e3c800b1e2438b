// engine/objectCache.ts: the per-analysis caches that replaced WeakMaps keep a WeakMap's meaning
// (a value per key object, nothing shared between keys) while holding the value on the key.
import { describe, it } from 'node:test';
import * as assert from 'node:assert/strict';
import { ObjectCache } from '../../server/src/engine/objectCache';

describe('ObjectCache', () => {
  it('keeps one value per key and cache, as a WeakMap does', () => {
    const a = new ObjectCache<object, string>();
    const b = new ObjectCache<object, string>();
    const k1 = {};
    const k2 = {};
    assert.equal(a.get(k1), undefined);
    a.set(k1, 'a1').set(k2, 'a2');
    b.set(k1, 'b1');
    assert.deepEqual([a.get(k1), a.get(k2), b.get(k1), b.get(k2)], ['a1', 'a2', 'b1', undefined]);
    a.delete(k1);
    assert.deepEqual([a.get(k1), b.get(k1)], [undefined, 'b1']);
  });

  it('is invisible on the key: keys, JSON, deep equality and spread copies are unchanged', () => {
    const cache = new ObjectCache<{ x: number }, number[]>();
    const doc = { x: 1 };
    cache.set(doc, [1, 2]);
    assert.deepEqual(Object.keys(doc), ['x']);
    assert.equal(JSON.stringify(doc), '{"x":1}');
    assert.deepStrictEqual(doc, { x: 1 });
    // A one-statement view is a spread copy of its document: it starts with no cached facts.
    const view = { ...doc };
    assert.equal(cache.get(view), undefined);
    assert.deepEqual(cache.get(doc), [1, 2]);
  });

  it('takes frozen keys too', () => {
    const cache = new ObjectCache<object, string>();
    const frozen = Object.freeze({});
    cache.set(frozen, 'v');
    assert.equal(cache.get(frozen), 'v');
    cache.delete(frozen);
    assert.equal(cache.get(frozen), undefined);
  });
});
