// Renaming quick fixes of the Condition block never create a duplicate key (issue 11): when the
// new name is already taken in the same object, the fix merges into the existing key, or is not
// offered. Inputs: test/fixtures/hostile/rename-*.policy.json.
import { describe, it } from 'node:test';
import * as assert from 'node:assert/strict';
import { parseTree } from 'jsonc-parser';
import { applyFix, findingsOf, lint, readFixture } from '../helpers';

const hostile = (name: string) => readFixture('test', 'fixtures', 'hostile', name);

/** Strict JSON parse of the text (throws on duplicates we detect with the linter). */
function assertCleanJson(text: string): void {
  const errors: unknown[] = [];
  parseTree(text, errors as never, { disallowComments: true, allowTrailingComma: false });
  assert.deepEqual(errors, [], 'the fixed text parses');
  assert.deepEqual(findingsOf(text, 'json-duplicate-key'), [], 'no duplicate key');
}

const condition = (text: string) => JSON.parse(text).Statement[0].Condition;

describe('renaming fixes that would collide', () => {
  it('condition-unknown-operator merges the misspelt operator into the existing one', () => {
    const text = hostile('rename-operator-merge.policy.json');
    const [f] = findingsOf(text, 'condition-unknown-operator');
    assert.equal(f.fixes?.length, 1);
    assert.match(f.fixes![0].title, /^Merge StringEqals into the existing StringEquals$/);
    assert.equal(f.fixes![0].safe, false);
    const fixed = applyFix(text, f);
    assertCleanJson(fixed);
    assert.deepEqual(condition(fixed), { StringEquals: { 'aws:PrincipalTag/team': 'support', 'aws:username': 'alice' } });
    assert.deepEqual(findingsOf(fixed, 'condition-unknown-operator'), []);
  });

  it('condition-unknown-operator offers nothing when both operators hold the same key', () => {
    const text = hostile('rename-operator-conflict.policy.json');
    const [f] = findingsOf(text, 'condition-unknown-operator');
    assert.ok(f, 'the finding is still reported');
    assert.deepEqual(f.fixes ?? [], []);
  });

  it('condition-type-mismatch merges into an existing IpAddress, or offers nothing on a shared key', () => {
    const text = hostile('rename-type-mismatch.policy.json');
    const found = findingsOf(text, 'condition-type-mismatch');
    assert.equal(found.length, 2);
    const [merge, conflict] = found;
    const fixed = applyFix(text, merge);
    assertCleanJson(fixed);
    assert.deepEqual(condition(fixed).IpAddress, { 'aws:VpcSourceIp': '10.0.0.0/8', 'aws:SourceIp': '203.0.113.0/24' });
    assert.deepEqual(conflict.fixes ?? [], []);
  });

  it('unknown-global-condition-key merges the values into the key already there', () => {
    const text = hostile('rename-global-key.policy.json');
    const [f] = findingsOf(text, 'unknown-global-condition-key');
    const fixed = applyFix(text, f);
    assertCleanJson(fixed);
    assert.deepEqual(condition(fixed), { StringEquals: { 'aws:username': ['bob', 'alice'] } });
    assert.deepEqual(findingsOf(fixed, 'unknown-global-condition-key'), []);
  });

  it('unknown-service-condition-key merges arrays without repeating a value, case-insensitively', () => {
    const text = hostile('rename-service-key.policy.json');
    const [f] = findingsOf(text, 'unknown-service-condition-key');
    const fixed = applyFix(text, f);
    assertCleanJson(fixed);
    assert.deepEqual(condition(fixed), { StringLike: { 's3:prefix': ['home/', 'logs/'] } });
  });

  it('still renames in place when the name is free', () => {
    const text = JSON.stringify({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: 's3:ListBucket', Resource: '*', Condition: { StringEqals: { 'aws:username': 'a' } } }] }, null, 2);
    const [f] = findingsOf(text, 'condition-unknown-operator');
    const fixed = applyFix(text, f);
    assert.deepEqual(condition(fixed), { StringEquals: { 'aws:username': 'a' } });
    assert.ok(lint(fixed).every((x) => x.ruleId !== 'json-syntax'));
  });
});
