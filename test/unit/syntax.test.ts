import { describe, it } from 'node:test';
import * as assert from 'node:assert/strict';
import { applyEdits } from '../../server/src/engine';
import { completionsAt } from '../../server/src/engine';
import { hoverAt } from '../../server/src/engine';
import { findingsOf, rangeText, applyFix, lint, readFixture } from '../helpers';


// The syntax rules' cases (ranges, messages, fixes) are in test/unit/rules/syntax.cases.ts.
describe('strict JSON', () => {
  it('leaves JSON that is not a policy alone', () => {
    assert.deepEqual(lint('{"name": "x", // c\n "version": "1.0.0",}'), []);
  });
});

const hostile = (name: string) => readFixture('test', 'fixtures', 'hostile', name);

describe('hostile nesting (issue 11)', () => {
  const DEEP = ['deep-quote-in-comment.json', 'deep-unterminated-string.json', 'deep-mismatched-closers.json', 'deep-objects.json'];

  for (const name of DEEP) {
    it(`${name}: reported as too deep, not a stack overflow`, () => {
      const text = hostile(name);
      const found = lint(text, { forcePolicy: true });
      const deep = found.filter((f) => f.ruleId === 'json-syntax' && /nests more than 200 levels/.test(f.message));
      assert.equal(deep.length, 1);
      assert.ok(!found.some((f) => f.ruleId === 'internal-error'));
      assert.ok(!deep[0].message.includes('`'));
    });

    it(`${name}: completion and hover at every kind of position do not throw`, () => {
      const text = hostile(name);
      // Every offset of the first 60 characters (keys, values, inside strings and comments), then
      // positions spread over the deep part and the end.
      const offsets = [...Array.from({ length: 60 }, (_, i) => i), ...Array.from({ length: 50 }, (_, i) => Math.floor((i / 49) * text.length))];
      for (const offset of offsets) {
        assert.doesNotThrow(() => completionsAt(text, offset), `completion at ${offset}`);
        assert.doesNotThrow(() => hoverAt(text, offset), `hover at ${offset}`);
      }
    });
  }

  it('nesting within the limit is still parsed and analysed, brackets in strings and comments not counted', () => {
    const text = `{"Version": "2012-10-17", /* ${'['.repeat(500)} */ "Statement": [{"Sid": "${'['.repeat(500)}", "Effect": "Allow", "Action": "s3:GetObject", "Resource": "*"}]}`;
    const found = lint(text);
    assert.ok(!found.some((f) => /nests more than/.test(f.message)));
    assert.equal(found.filter((f) => f.ruleId === 'json-comment').length, 1);
  });
});

describe('trailing commas in a run (issue 11)', () => {
  it('one finding per run of commas, one fix removing all of them, and the result is strict JSON', () => {
    const text = hostile('trailing-commas.policy.json');
    const found = findingsOf(text, 'json-trailing-comma');
    assert.deepEqual(found.map((f) => rangeText(text, f)), [',, /* two */ ,', ',', ',']);
    assert.match(found[0].message, /^3 commas before a closing bracket/);
    assert.deepEqual(findingsOf(text, 'json-syntax'), [], 'the run is explained by the trailing-comma rule');
    let fixed = text;
    for (const f of [...found].reverse()) fixed = applyFix(fixed, f);
    assert.deepEqual(findingsOf(fixed, 'json-trailing-comma'), []);
    const withoutComment = applyFix(fixed, findingsOf(fixed, 'json-comment')[0]);
    assert.doesNotThrow(() => JSON.parse(withoutComment));
  });
});

describe('fixes on incomplete JSON (issue 11)', () => {
  for (const name of ['truncated-mid-string.policy.json', 'truncated-move-statement.policy.json']) {
    it(`${name}: no offered fix makes the document parse worse`, () => {
      const text = hostile(name);
      const errorsOf = (t: string) => findingsOf(t, 'json-syntax').length;
      const before = errorsOf(text);
      assert.ok(before > 0);
      // These findings come with a fix that adds or moves a statement on valid JSON; on the broken
      // part none is offered (the loop below alone asserted nothing: no fix is offered at all).
      const structural = lint(text).filter((f) => ['action-needs-wildcard-resource', 'connect-storage-type-unrestricted', 'connect-permissions-missing'].includes(f.ruleId));
      assert.ok(structural.length > 0, 'a finding that has a structural fix on valid JSON');
      for (const f of structural) assert.equal(f.fixes, undefined, `${f.ruleId} offers no fix on broken JSON`);
      for (const f of lint(text)) {
        for (const fix of f.fixes ?? []) {
          assert.ok(errorsOf(applyEdits(text, fix.edits)) <= before, `${f.ruleId}: "${fix.title}" made it worse`);
          assert.doesNotMatch(fix.title, /new statement|Allow only/, 'no structural fix on the broken part');
        }
      }
    });
  }

  it('keeps fixes in the part before the first error, and comment removal anywhere', () => {
    const text = '{"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": "s3:GetObjekt", "Resource": "*"} /* c */, {"Effect": "Allow", "Action": "s3:Get';
    assert.ok(findingsOf(text, 'action-unknown')[0]?.fixes?.length, 'the typo fix before the error stays');
    assert.equal(findingsOf(text, 'json-comment')[0]?.fixes?.length, 1);
  });
});
