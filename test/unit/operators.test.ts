// The one condition-operator parser (reference/operators.ts): the grammar rules, the Connect rules
// and the hover agree on every name, a miscased operator included (IAM rejects it: operator names
// are case-sensitive).
import { describe, it } from 'node:test';
import * as assert from 'node:assert/strict';
import { findingsOf, lint, policy } from '../helpers';
import { fixAndRelint, only } from './grammarHelpers';
import { INSTANCE, STORAGE_ACTIONS } from './connectHelpers';
import { parseOperator } from '../../server/src/engine/reference/operators';
import { describeOperator } from '../../server/src/engine/services/operators';

/** A storage-config statement that also names an action which never carries the key. */
const storage = (operator: string) => policy({
  Effect: 'Allow',
  Action: [...STORAGE_ACTIONS, 'connect:DescribeInstance'],
  Resource: INSTANCE,
  Condition: { [operator]: { 'connect:StorageResourceType': 'CALL_RECORDINGS' } },
});
const UNSUPPORTED = 'connect-condition-key-unsupported-action';

describe('condition operators: one parser for rules and hover', () => {
  it('StringEqualsifexists (wrong case) is an unknown operator with a safe case fix, and no Connect rule reads it', () => {
    const text = storage('StringEqualsifexists');
    const f = only(text, 'condition-unknown-operator', '"StringEqualsifexists"');
    assert.match(f.message, /case-sensitive: write StringEqualsIfExists\./);
    assert.equal(f.fixes?.[0].safe, true);
    assert.deepEqual(findingsOf(text, UNSUPPORTED), []);
    // Fixed, the policy means what StringEqualsIfExists means: the Connect rule stays silent too.
    const fixed = fixAndRelint(text, f);
    assert.match(fixed, /"StringEqualsIfExists"/);
    assert.deepEqual(findingsOf(fixed, UNSUPPORTED), []);
  });

  it('the control: without IfExists the Connect rule reports the action', () => {
    assert.equal(findingsOf(storage('StringEquals'), UNSUPPORTED).length, 1);
  });

  it('a miscased set prefix is unknown too, with the fix to the exact spelling', () => {
    const text = storage('forAnyValue:StringEquals');
    const f = only(text, 'condition-unknown-operator', '"forAnyValue:StringEquals"');
    assert.match(fixAndRelint(text, f), /"ForAnyValue:StringEquals"/);
  });

  it('a misspelling (not a case slip) keeps the "did you mean" wording and an unsafe fix', () => {
    const f = only(storage('StringEqual'), 'condition-unknown-operator', '"StringEqual"');
    assert.match(f.message, /Did you mean StringEquals\?/);
    assert.equal(f.fixes?.[0].safe, false);
  });

  it('nullifexists in any case is condition-null-if-exists, fixed to Null as IAM spells it', () => {
    const text = storage('nullIfExists');
    assert.deepEqual(findingsOf(text, 'condition-unknown-operator'), []);
    assert.match(fixAndRelint(text, only(text, 'condition-null-if-exists', '"nullIfExists"')), /"Null"/);
  });

  it('grammar, parser and hover agree on every name', () => {
    const names = ['StringEquals', 'StringEqualsIfExists', 'stringequals', 'StringEqualsifexists', 'ForAnyValue:StringLike',
      'ForAnyValue:Stringlike', 'FORALLVALUES:StringEquals', 'ArnLike', 'arnLike', 'IpAddress', 'IPAddress', 'Bool', 'bool', 'Null', 'StringLik'];
    for (const name of names) {
      const known = parseOperator(name) !== undefined;
      const reported = findingsOf(storage(name), 'condition-unknown-operator').length > 0;
      assert.equal(reported, !known, `${name}: grammar and parser disagree`);
      assert.equal(describeOperator(name) !== undefined, known, `${name}: hover and parser disagree`);
    }
  });

  it('a valid operator draws no operator finding at all', () => {
    const ids = lint(storage('StringEqualsIfExists')).map((f) => f.ruleId);
    assert.ok(!ids.includes('condition-unknown-operator') && !ids.includes(UNSUPPORTED), ids.join(', '));
  });
});
