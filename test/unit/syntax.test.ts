import { describe, it } from 'node:test';
import * as assert from 'node:assert/strict';
import { applyEdits } from '../../server/src/engine';
import { completionsAt } from '../../server/src/engine';
import { hoverAt } from '../../server/src/engine';
import { findingsOf, rangeText, applyFix, lint, readFixture } from '../helpers';

const base = '{\n  "Version": "2012-10-17",\n  "Statement": [{"Effect": "Allow", "Action": "s3:ListAllMyBuckets", "Resource": "*"}]\n}';

describe('strict JSON', () => {
  it('reports a comment on its exact range and its fix removes it', () => {
    const text = base.replace('"Version"', '// recordings\n  "Version"');
    const [f] = findingsOf(text, 'json-comment');
    assert.equal(rangeText(text, f), '// recordings');
    const fixed = applyFix(text, f);
    assert.deepEqual(findingsOf(fixed, 'json-comment'), []);
    assert.doesNotThrow(() => JSON.parse(fixed));
  });

  it('reports a trailing comma and its fix makes strict JSON', () => {
    const text = base.replace('"Resource": "*"}', '"Resource": "*",}');
    const [f] = findingsOf(text, 'json-trailing-comma');
    assert.equal(rangeText(text, f), ',');
    const fixed = applyFix(text, f);
    assert.deepEqual(findingsOf(fixed, 'json-trailing-comma'), []);
    assert.doesNotThrow(() => JSON.parse(fixed));
  });

  it('reports the second of two duplicate keys with the first as related location', () => {
    const text = base.replace('"Resource": "*"', '"Resource": "*", "Resource": "arn:aws:s3:::b"');
    const [f] = findingsOf(text, 'json-duplicate-key');
    assert.equal(rangeText(text, f), '"Resource"');
    assert.ok(f.range.start > text.indexOf('"Resource"'));
    assert.equal(f.related?.length, 1);
  });

  it('reports a syntax error and still analyses what parsed', () => {
    const text = base.replace('"Effect": "Allow",', '"Effect": "Allow"');
    assert.ok(findingsOf(text, 'json-syntax').length >= 1);
  });

  it('reports nesting too deep to be a policy instead of overflowing the stack', () => {
    const text = '{"Statement": ' + '['.repeat(5000) + ']'.repeat(5000) + '}';
    const [f] = findingsOf(text, 'json-syntax');
    assert.match(f.message, /nests more than \d+ levels/);
    assert.equal(rangeText(text, f), '[');
  });

  it('keeps the range of an error at the end of the text inside the document', () => {
    const [f] = findingsOf('{"Statement": [', 'json-syntax');
    assert.ok(f.range.end <= '{"Statement": ['.length);
  });

  it('stays silent on strict, valid JSON', () => {
    const ids = lint(base).map((f) => f.ruleId).filter((id) => id.startsWith('json-'));
    assert.deepEqual(ids, []);
  });

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

  it('a comma after a colon or an opening bracket is a missing value, not a trailing comma', () => {
    for (const text of ['{"Statement": [{"Effect":,}]}', '{"Statement": [,]}']) {
      assert.deepEqual(findingsOf(text, 'json-trailing-comma'), [], text);
      assert.ok(findingsOf(text, 'json-syntax').length > 0, text);
    }
  });
});

describe('fixes on incomplete JSON (issue 11)', () => {
  for (const name of ['truncated-mid-string.policy.json', 'truncated-move-statement.policy.json']) {
    it(`${name}: no offered fix makes the document parse worse`, () => {
      const text = hostile(name);
      const errorsOf = (t: string) => findingsOf(t, 'json-syntax').length;
      const before = errorsOf(text);
      assert.ok(before > 0);
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

describe('a comma before a closer of the other kind', () => {
  it('is a syntax error at the closer, not a trailing comma (found by the fuzz test)', () => {
    const text = '{"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": ["s3:GetObject",}\n"s3:PutObject"], "Resource": "*"}]}';
    const json = lint(text).filter((f) => f.ruleId.startsWith('json-'));
    assert.deepEqual(json.map((f) => `${f.ruleId} ${rangeText(text, f)}`), ['json-syntax }']);
  });
});
