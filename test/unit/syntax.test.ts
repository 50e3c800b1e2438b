import { describe, it } from 'node:test';
import * as assert from 'node:assert/strict';
import { findingsOf, rangeText, applyFix, lint } from '../helpers';

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
