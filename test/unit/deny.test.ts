import { describe, it } from 'node:test';
import * as assert from 'node:assert/strict';
import { findingsOf, lint, policy, rangeText, readFixture, seedReal } from '../helpers';

const FULL = 'allow-overridden-by-deny';
const PART = 'allow-partly-overridden-by-deny';

const bucketObjects = 'arn:aws:s3:::my-connect-recording-bucket/*';

/** The text of the finding's related location. */
const relatedText = (text: string, f: { related?: { range: { start: number; end: number } }[] }) =>
  f.related?.[0] ? text.slice(f.related[0].range.start, f.related[0].range.end) : undefined;

/** Offset of the n-th (0-based) occurrence of `needle`. */
function nth(text: string, needle: string, n: number): number {
  let at = -1;
  for (let i = 0; i <= n; i++) at = text.indexOf(needle, at + 1);
  return at;
}

describe('allow-overridden-by-deny', () => {
  it('fires on the Allow\'s Effect when a Deny covers all its actions and resources, pointing at the Deny', () => {
    const text = policy(
      { Sid: 'ReadRecordings', Effect: 'Allow', Action: ['s3:GetObject', 's3:PutObject'], Resource: bucketObjects },
      { Sid: 'NoS3', Effect: 'Deny', Action: 's3:*', Resource: '*' },
    );
    const [f] = findingsOf(text, FULL);
    assert.equal(f.severity, 'warning');
    assert.equal(rangeText(text, f), '"Allow"');
    assert.match(f.message, /"ReadRecordings".*"NoS3"/);
    assert.equal(relatedText(text, f), '"Deny"');
    assert.equal(f.related![0].range.start, text.indexOf('"Deny"'));
    assert.deepEqual(findingsOf(text, PART), []);
  });

  it('expands a wildcard Allow action against the reference: all that `s3:GetBucketAc*` matches is denied', () => {
    // No Deny pattern covers `s3:GetBucketAc*` as text; the reference has one action it matches.
    const text = policy(
      { Effect: 'Allow', Action: 's3:GetBucketAc*', Resource: 'arn:aws:s3:::b' },
      { Effect: 'Deny', Action: ['s3:GetBucketAcl'], Resource: 'arn:aws:s3:::*' },
    );
    const [f] = findingsOf(text, FULL);
    assert.ok(f, 'expected a full override');
    assert.match(f.message, /Deny statement 2/);
  });

  it('fires for a NotAction Deny that excludes none of the Allow\'s actions', () => {
    const text = policy(
      { Effect: 'Allow', Action: 's3:GetObject', Resource: bucketObjects },
      { Effect: 'Deny', NotAction: 'iam:*', Resource: '*' },
    );
    assert.equal(findingsOf(text, FULL).length, 1);
  });

  it('compares actions case-insensitively and ARNs case-sensitively', () => {
    const actions = policy(
      { Effect: 'Allow', Action: 'S3:getobject', Resource: bucketObjects },
      { Effect: 'Deny', Action: 's3:GetObject', Resource: bucketObjects },
    );
    assert.equal(findingsOf(actions, FULL).length, 1);
    const arns = policy(
      { Effect: 'Allow', Action: 's3:GetObject', Resource: 'arn:aws:s3:::Bucket/*' },
      { Effect: 'Deny', Action: 's3:GetObject', Resource: 'arn:aws:s3:::bucket/*' },
    );
    assert.deepEqual(findingsOf(arns, FULL), []);
    assert.deepEqual(findingsOf(arns, PART), []);
  });

  it('does not call an Allow overridden when the Deny has a Condition: it may not apply', () => {
    const text = policy(
      { Effect: 'Allow', Action: 's3:GetObject', Resource: bucketObjects },
      { Effect: 'Deny', Action: 's3:*', Resource: '*', Condition: { Bool: { 'aws:SecureTransport': 'false' } } },
    );
    assert.deepEqual(findingsOf(text, FULL), []);
    const [f] = findingsOf(text, PART);
    assert.match(f.message, /Condition/);
  });
});

describe('allow-partly-overridden-by-deny', () => {
  it('names the denied actions of a wildcard Allow', () => {
    const text = policy(
      { Effect: 'Allow', Action: 's3:Get*', Resource: bucketObjects },
      { Sid: 'NoObjectReads', Effect: 'Deny', Action: 's3:GetObject', Resource: '*' },
    );
    const [f] = findingsOf(text, PART);
    assert.equal(f.severity, 'information');
    assert.equal(rangeText(text, f), '"Allow"');
    assert.match(f.message, /"s3:Get\*" \(1 of its \d+ actions: "s3:GetObject"\)/);
    assert.match(f.message, /"NoObjectReads"/);
    assert.equal(relatedText(text, f), '"Deny"');
    assert.deepEqual(findingsOf(text, FULL), []);
  });

  it('names the actions a NotAction Deny takes from a list', () => {
    const text = policy(
      { Effect: 'Allow', Action: ['s3:GetObject', 'iam:PutRolePolicy'], Resource: '*' },
      { Effect: 'Deny', NotAction: 'iam:*', Resource: '*' },
    );
    const [f] = findingsOf(text, PART);
    assert.match(f.message, /"s3:GetObject"/);
    assert.doesNotMatch(f.message, /PutRolePolicy/);
  });

  it('names the resources a Deny covers when it covers only some', () => {
    const text = policy(
      { Effect: 'Allow', Action: 's3:GetObject', Resource: ['arn:aws:s3:::a/*', 'arn:aws:s3:::b/*'] },
      { Effect: 'Deny', Action: 's3:GetObject', Resource: 'arn:aws:s3:::b/*' },
    );
    const [f] = findingsOf(text, PART);
    assert.match(f.message, /"arn:aws:s3:::b\/\*"/);
    assert.doesNotMatch(f.message, /s3:::a/);
  });

  it('says what a NotResource Deny leaves out', () => {
    const text = policy(
      { Effect: 'Allow', Action: 's3:GetObject', Resource: '*' },
      { Effect: 'Deny', Action: 's3:*', NotResource: bucketObjects },
    );
    const [f] = findingsOf(text, PART);
    assert.match(f.message, /"\*" \(except what the Deny's NotResource lists\)/);
  });

  it('treats a wildcard Allow against a wildcard Deny resource as partial overlap', () => {
    const text = policy(
      { Effect: 'Allow', Action: 's3:GetObject', Resource: 'arn:aws:s3:::b/*' },
      { Effect: 'Deny', Action: 's3:GetObject', Resource: 'arn:aws:s3:::b/private/*' },
    );
    const [f] = findingsOf(text, PART);
    assert.match(f.message, /"arn:aws:s3:::b\/\*" \(in part\)/);
  });

  it('reports against the second of two Allows, pointing at the right Deny', () => {
    const text = policy(
      { Effect: 'Allow', Action: 's3:ListAllMyBuckets', Resource: '*' },
      { Effect: 'Allow', Action: 's3:Put*', Resource: bucketObjects },
      { Effect: 'Deny', Action: 's3:PutObjectAcl', Resource: bucketObjects },
    );
    const [f] = findingsOf(text, PART);
    assert.equal(f.range.start, nth(text, '"Allow"', 1));
    assert.equal(f.related![0].range.start, text.indexOf('"Deny"'));
  });
});

describe('explicit Deny with a NotAction Allow', () => {
  it('is wholly overridden by a Deny of every action', () => {
    const text = policy(
      { Effect: 'Allow', NotAction: 'iam:*', Resource: '*' },
      { Effect: 'Deny', Action: '*', Resource: '*' },
    );
    assert.equal(findingsOf(text, FULL).length, 1);
  });

  it('is partly overridden by a Deny of actions it does not exclude, and not by ones it excludes', () => {
    const text = policy(
      { Effect: 'Allow', NotAction: 'iam:*', Resource: '*' },
      { Effect: 'Deny', Action: ['s3:DeleteBucket', 'iam:DeleteRole'], Resource: '*' },
    );
    const [f] = findingsOf(text, PART);
    assert.match(f.message, /"s3:DeleteBucket"/);
    assert.doesNotMatch(f.message, /DeleteRole/);
    const excluded = policy(
      { Effect: 'Allow', NotAction: 'iam:*', Resource: '*' },
      { Effect: 'Deny', Action: 'iam:DeleteRole', Resource: '*' },
    );
    assert.deepEqual(findingsOf(excluded, PART), []);
  });
});

// The silent cases of both rules (no overlap, a Condition, NotAction/NotResource that exclude the
// Allow, another principal) are valid cases in test/unit/rules/deny.cases.ts.
describe('explicit Deny: silent cases', () => {
  it('leaves the seed policies alone', () => {
    for (const { name, text } of seedReal()) {
      assert.deepEqual(lint(text).filter((f) => f.ruleId === FULL || f.ruleId === PART), [], name);
    }
  });
});

describe('explicit Deny in resource policies', () => {
  it('fires when the Deny names everyone', () => {
    const text = policy(
      { Effect: 'Allow', Principal: { AWS: 'arn:aws:iam::111122223333:root' }, Action: 's3:GetObject', Resource: bucketObjects },
      { Effect: 'Deny', Principal: '*', Action: 's3:*', Resource: bucketObjects },
    );
    assert.equal(findingsOf(text, FULL).length, 1);
  });
});

describe('Allow × Deny on a Deny-heavy policy (issue 11)', () => {
  // test/fixtures/hostile/deny-heavy.policy.json: 90 Allows of whole services, 90 Denies of
  // wildcard families of them; every pair overlaps (8,100 findings and seconds before the index).
  const text = readFixture('test', 'fixtures', 'hostile', 'deny-heavy.policy.json');

  it('reports at most five partial overrides per Allow, then one summary naming how many more', () => {
    const found = findingsOf(text, PART);
    const byAllow = new Map<number, typeof found>();
    for (const f of found) byAllow.set(f.range.start, [...(byAllow.get(f.range.start) ?? []), f]);
    assert.equal(byAllow.size, 90);
    for (const [start, list] of byAllow) {
      assert.equal(text.slice(start, list[0].range.end), '"Allow"');
      assert.equal(list.length, 6);
      const summary = list.filter((f) => /^\d+ more Deny statements override parts of this Allow\./.test(f.message));
      assert.equal(summary.length, 1);
      assert.match(summary[0].message, /^85 more Deny statements/);
      assert.equal(summary[0].related!.length, 20);
      assert.ok(!summary[0].message.includes('`'));
    }
  });

  it('analyses it fast (the reference data loaded first)', () => {
    lint(text); // warm-up: loads the services' reference data once
    const started = performance.now();
    lint(text);
    const elapsed = performance.now() - started;
    // Measured ~150 ms (1.2 s before the index); generous for a loaded machine.
    assert.ok(elapsed < 1500, `took ${elapsed.toFixed(0)} ms`);
  });

  it('still compares an Allow with the Deny that shares no listed service but may name any', () => {
    const t = policy(
      { Sid: 'S3', Effect: 'Allow', Action: 's3:GetObject', Resource: '*' },
      { Sid: 'Ec2', Effect: 'Deny', Action: 'ec2:*', Resource: '*' },
      { Sid: 'Any', Effect: 'Deny', Action: '*:Get*', Resource: '*' },
    );
    const [f] = findingsOf(t, FULL);
    assert.match(f.message, /"S3".*"Any"/);
  });
});
