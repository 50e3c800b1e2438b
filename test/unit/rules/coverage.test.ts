// Every rule of the engine has harness cases: at least one valid and one invalid case in its
// family's table (test/unit/rules/<family>.cases.ts).
import { describe, it } from 'node:test';
import * as assert from 'node:assert/strict';
import { allRules } from '../../../server/src/engine';
import { families } from './families';
import { docsExample, ruleTester } from '../../ruleTester';

/** Rules without harness cases yet (shrinks to empty). Their docs examples are still run here. */
const NOT_YET_COVERED = new Set<string>([
  'allow-overridden-by-deny',
  'allow-partly-overridden-by-deny',
  'yaml-syntax',
  'cfn-ref-not-arn',
  'terraform-syntax',
  'tf-ref-not-arn',
]);

describe('rule harness coverage', () => {
  const cases = new Map<string, { valid: number; invalid: number; family: string }>();
  for (const [family, table] of Object.entries(families)) {
    for (const [id, c] of Object.entries(table)) {
      assert.ok(!cases.has(id), `${id} has cases in two families`);
      cases.set(id, { valid: c.valid.length, invalid: c.invalid.length, family });
    }
  }

  it('every case table names rules of the engine', () => {
    const ids = new Set(allRules.map((r) => r.id));
    assert.deepEqual([...cases.keys()].filter((id) => !ids.has(id)), []);
  });

  it('every rule has a valid and an invalid case, and a docs example', () => {
    const missing = allRules
      .filter((r) => !NOT_YET_COVERED.has(r.id))
      .filter((r) => !cases.has(r.id) || cases.get(r.id)!.valid === 0 || cases.get(r.id)!.invalid === 0)
      .map((r) => r.id);
    assert.deepEqual(missing, [], 'rules without a valid and an invalid harness case');
    assert.deepEqual(allRules.filter((r) => !docsExample(r.id)).map((r) => r.id), [], 'rules whose docs page has no Example block');
  });

  it('the list of rules not yet covered holds no covered rule', () => {
    const covered = [...NOT_YET_COVERED].filter((id) => cases.has(id));
    assert.deepEqual(covered, [], 'remove these from NOT_YET_COVERED');
  });
});

// The docs examples of the rules no family runs yet.
for (const r of allRules) if (NOT_YET_COVERED.has(r.id)) ruleTester.run(r.id, { valid: [], invalid: [] });
