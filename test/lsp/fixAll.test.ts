// Fix-all's rounds: overlapping safe fixes are never applied together; what was skipped is fixed
// in a later round after re-analysis.
import { describe, it } from 'node:test';
import * as assert from 'node:assert/strict';
import { analyze, Finding } from '../../server/src/engine';
import { diffEdit, fixAll } from '../../server/src/engine';
import { applyEdits } from '../../server/src/engine';
import { WITH_COMMENT_AND_COMMA } from './fixtures';

describe('fix-all', () => {
  it('fixes every safe finding of a document in one round when no fixes overlap', () => {
    const result = fixAll(WITH_COMMENT_AND_COMMA, {});
    assert.equal(result.fixed, 2);
    assert.ok(result.singleRoundEdits);
    assert.equal(applyEdits(WITH_COMMENT_AND_COMMA, result.singleRoundEdits), result.text);
    assert.deepEqual(analyze(result.text).findings.filter((f) => f.fixes?.some((x) => x.safe)), []);
    assert.doesNotThrow(() => JSON.parse(result.text));
  });

  it('skips a fix overlapping one already chosen and gets it after re-analysing', () => {
    const text = WITH_COMMENT_AND_COMMA;
    const real = analyze(text).findings;
    const comment = real.find((f) => f.ruleId === 'json-comment')!;
    // A made-up safe fix that rewrites the comment's text, overlapping the real removal: the
    // rewrite comes first and wins round one; the comment it leaves is removed in round two.
    const rival: Finding = {
      ...comment,
      ruleId: 'rival',
      fixes: [{ title: 'rewrite', edits: [{ range: { start: comment.range.start + 3, end: comment.range.end }, newText: 'X' }], safe: true }],
    };
    const result = fixAll(text, {}, [rival, comment, ...real.filter((f) => f !== comment)]);
    assert.equal(result.singleRoundEdits, undefined, 'more than one round');
    assert.ok(!result.text.includes('recordings bucket') && !result.text.includes('//'), 'the rewritten comment is removed too');
    assert.doesNotThrow(() => JSON.parse(result.text));
  });

  it('respects rule settings: a rule turned off is not fixed', () => {
    const result = fixAll(WITH_COMMENT_AND_COMMA, { rules: { 'json-comment': 'off' } });
    assert.ok(result.text.includes('// recordings bucket'));
    assert.equal(result.fixed, 1);
  });

  it('describes two texts by one edit between their common prefix and suffix', () => {
    const e = diffEdit('abcXYZdef', 'abcQdef');
    assert.deepEqual(e, { range: { start: 3, end: 6 }, newText: 'Q' });
    assert.equal(applyEdits('aaa', [diffEdit('aaa', 'aaaa')]), 'aaaa');
    assert.equal(applyEdits('aXa', [diffEdit('aXa', 'aa')]), 'aa');
  });
});
