// The RuleTester itself fails when a case is wrong: a harness that cannot fail would prove nothing.
import { describe, it } from 'node:test';
import * as assert from 'node:assert/strict';
import { checkInvalid, checkValid, InvalidCase, policy } from '../ruleTester';

const typo = policy({ Effect: 'Allow', Action: 's3:GetObjekt', Resource: 'arn:aws:s3:::b/*' });
const right: InvalidCase = {
  text: typo,
  findings: [{ text: '"s3:GetObjekt"', at: '6:17', message: 'Amazon S3 has no action GetObjekt' }],
  output: policy({ Effect: 'Allow', Action: 's3:GetObject', Resource: 'arn:aws:s3:::b/*' }),
};

describe('ruleTester', () => {
  it('passes a right case', () => {
    checkInvalid('action-unknown', right);
    checkValid('action-unknown', { text: right.output! });
  });

  it('fails a valid case that draws the rule, or that is no policy at all', () => {
    assert.throws(() => checkValid('action-unknown', { text: typo }), /expected no action-unknown finding/);
    assert.throws(() => checkValid('action-unknown', { text: '{"name": "x"}' }), /analysed as a policy/);
    checkValid('action-unknown', { text: '{"name": "x"}', notPolicy: true });
  });

  it('fails an invalid case with a wrong count, range, position, message, severity, tags, related locations or output', () => {
    const wrong = (c: Partial<InvalidCase>, pattern: RegExp) => assert.throws(() => checkInvalid('action-unknown', { ...right, ...c }), pattern);
    const f = right.findings[0];
    wrong({ findings: [f, f] }, /expected 2 action-unknown finding/);
    wrong({ findings: [{ ...f, text: 's3:GetObjekt' }] }, /range text/);
    wrong({ findings: [{ ...f, at: '6:18' }] }, /position/);
    wrong({ findings: [{ ...f, message: 'Amazon S3 has no action GetObject' }] }, /does not contain/);
    wrong({ findings: [{ ...f, message: 'no action' }] }, /not distinctive/);
    wrong({ findings: [{ ...f, severity: 'error' }] }, /severity/);
    wrong({ findings: [{ ...f, tags: ['deprecated'] }] }, /tags/);
    wrong({ findings: [{ ...f, related: ['"s3:GetObjekt"'] }] }, /related locations/);
    wrong({ output: typo }, /output of/);
    wrong({ output: null }, /expected no fix/);
    wrong({ safe: true }, /is safe/);
    wrong({ notAlso: ['resource-star-scopable', 'action-unknown'] }, /action-unknown does not fire too/);
  });

  it('fails a rule without a fix when an output is expected', () => {
    const text = policy({ Effect: 'Allow', Action: 's3:GetObject' });
    assert.throws(() => checkInvalid('resource-missing', { text, findings: [{ text: '{', message: 'neither Resource nor NotResource' }], output: text }), /expected a fix/);
  });
});
