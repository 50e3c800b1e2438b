// The two-star shortcut of patternsIntersect (reference/wildcard.ts) against the programme it
// stands in for, on every pair of small patterns: the overlap rules' verdicts must not move.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { patternsIntersect, patternTokens, starredWork, tokensIntersect } from '../../server/src/engine/reference/wildcard';

/** Every string of length 1..max over the alphabet. */
function allPatterns(alphabet: string[], max: number): string[] {
  let level = [''];
  const out: string[] = [];
  for (let n = 1; n <= max; n++) {
    level = level.flatMap((p) => alphabet.map((c) => p + c));
    out.push(...level);
  }
  return out;
}

describe('patternsIntersect: the shortcut for two patterns with a star', () => {
  it('agrees with the programme on every pair of patterns up to 4 characters, with and without case', () => {
    // 'a' and 'A' meet only without case; '?' meets any one character; 'é' is outside ASCII.
    const patterns = allPatterns(['a', 'A', 'b', '*', '?'], 4).filter((p) => p.includes('*')).concat(['*é', 'é*a']);
    const before = starredWork.answered;
    let pairs = 0;
    for (const ci of [true, false]) {
      for (const a of patterns) {
        for (const b of patterns) {
          pairs++;
          const expected = tokensIntersect(patternTokens(a, ci), patternTokens(b, ci));
          assert.equal(patternsIntersect(a, b, ci), expected, `${a} ∩ ${b} (case ${ci ? 'ignored' : 'kept'})`);
        }
      }
    }
    // Every pair without a non-ASCII character took the shortcut (cached pairs return earlier).
    assert.ok(starredWork.answered - before > pairs / 2, `${starredWork.answered - before} of ${pairs}`);
  });

  it('answers the pairs of a NotAction Deny: same service, different verbs', () => {
    assert.equal(patternsIntersect('s3:Get*', 's3:*Acl', true), true);
    assert.equal(patternsIntersect('s3:Get*', 's3:Put*', true), false);
    assert.equal(patternsIntersect('ec2:Describe*', 'EC2:describe*', true), true);
    assert.equal(patternsIntersect('ec2:Describe*', 'EC2:describe*', false), false);
    assert.equal(patternsIntersect('iam:*Role*', 'iam:Get*Policy', true), true);
  });
});
