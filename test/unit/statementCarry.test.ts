// The statement cache takes a plain policy's entries from the version looked up before wherever
// the two texts are the same (incremental/statementCache.ts, carriedEntry): the statements before
// and after an edit are found without hashing their text again. What is found must be what a
// lookup by text finds: the same findings as an analysis that reuses nothing, after edits that
// change, add, remove and move statements.
import { strict as assert } from 'node:assert';
import { describe, it } from 'node:test';
import { analyze } from '../../server/src/engine';
import { parsePolicy } from '../../server/src/engine/parse/policyModel';
import { StatementCache, statementCache } from '../../server/src/engine/incremental/statementCache';
import { generatedPolicy } from '../corpus';
import { withoutStatementCache } from '../helpers';

const json = (r: { findings: unknown[] }) => JSON.stringify(r.findings);

/** Entries carried over during `run`. */
function carried(run: () => void): number {
  const before = statementCache.carried;
  run();
  return statementCache.carried - before;
}

function sameAsFresh(text: string) {
  let found = '';
  const n = carried(() => (found = json(analyze(text))));
  assert.equal(found, json(withoutStatementCache(() => analyze(text))));
  return n;
}

describe('statement entries carried from the version before', () => {
  const policy = JSON.parse(generatedPolicy(8 * 1024));
  const text = JSON.stringify(policy, null, 2);
  const count = policy.Statement.length;
  const withStatements = (statements: unknown[]) => JSON.stringify({ ...policy, Statement: statements }, null, 2);

  it('an edit inside one statement carries every other statement', () => {
    analyze(text);
    assert.ok(count > 10);
    assert.equal(sameAsFresh(text.replace('"Sid": "Statement5"', '"Sid": "Statement5Edited"')), count - 1);
  });

  it('a statement added, removed or moved carries the others, those after it at their new index', () => {
    // Where one statement takes the place of another, both begin alike ("Effect": "Allow" …), so
    // the common start runs into the statement after the change and the common end cannot
    // hold it whole: that one is found by its text.
    analyze(text);
    const added = [...policy.Statement.slice(0, 4), { Effect: 'Allow', Action: 's3:GetObjekt', Resource: '*' }, ...policy.Statement.slice(4)];
    assert.equal(sameAsFresh(withStatements(added)), count - 1);
    analyze(text);
    assert.equal(sameAsFresh(withStatements(policy.Statement.filter((_: unknown, i: number) => i !== 2))), count - 2);
    // The last two swapped: neither lies in what the texts share.
    analyze(text);
    const swapped = [...policy.Statement.slice(0, -2), policy.Statement[count - 1], policy.Statement[count - 2]];
    assert.equal(sameAsFresh(withStatements(swapped)), count - 2);
  });

  it('carries nothing where the texts differ, and what another document shares', () => {
    analyze(text);
    assert.equal(sameAsFresh(text.replaceAll('\n', '\r\n')), 0);
    // A smaller policy of the same generator: its statements are the first ones of the last.
    analyze(text);
    const small = generatedPolicy(3 * 1024);
    assert.equal(sameAsFresh(small), JSON.parse(small).Statement.length);
  });

  it('does not carry an entry the cache has evicted', () => {
    const cache = new StatementCache(count);
    const first = parsePolicy(text);
    for (const s of first.statements) cache.entryOf(first, s);
    // Five other keys push out the first five statements' entries.
    for (let i = 0; i < 5; i++) cache.set(`other ${i}`, []);
    const next = parsePolicy(text.replace('"Sid": "Statement20"', '"Sid": "Statement20Edited"'));
    cache.entryOf(next, next.statements[0]);
    assert.equal(cache.carried, 0, 'the first statement was evicted');
    cache.entryOf(next, next.statements[count - 1]);
    assert.equal(cache.carried, 1, 'the last one is still there');
  });

  it('after clear(), a document analysed before looks its statements up again', () => {
    const cache = new StatementCache();
    const doc = parsePolicy(text);
    const before = cache.entryOf(doc, doc.statements[0]);
    assert.equal(cache.entryOf(doc, doc.statements[0]), before, 'the same analysis: the same entry');
    cache.clear();
    assert.equal(cache.size, 0);
    const after = cache.entryOf(doc, doc.statements[0]);
    assert.notEqual(after, before, 'a new entry, not the one cleared');
    assert.equal(cache.size, 1);
  });
});
