// The seed's three policies (with real values) are what "works" means: the whole engine draws no
// error and no warning from them, alone or merged. Removing any companion permission they grant
// draws a warning on the Connect action naming it, and its fix restores a working policy.
import { describe, it } from 'node:test';
import * as assert from 'node:assert/strict';
import { findingsOf, rangeText, seedReal } from '../helpers';
import { fixed, problems } from './connectHelpers';

const PREFIX: Record<string, string> = {
  's3-call-recordings.policy.json': 'S3',
  'lambda-function.policy.json': 'Lambda',
  'kinesis-contact-records.policy.json': 'Kinesis',
};

/** All three seed policies as one document (Sids made unique: IAM requires it). */
function merged(): string {
  const statements = seedReal().flatMap(({ name, text }) =>
    (JSON.parse(text).Statement as { Sid: string }[]).map((s) => ({ ...s, Sid: PREFIX[name] + s.Sid })));
  return JSON.stringify({ Version: '2012-10-17', Statement: statements }, null, 4);
}

/** The seed file with one action removed from every statement (the statement itself stays). */
function without(text: string, action: string): string {
  const doc = JSON.parse(text);
  for (const s of doc.Statement) {
    if (Array.isArray(s.Action)) s.Action = s.Action.filter((a: string) => a !== action);
  }
  return JSON.stringify(doc, null, 4);
}

const seed = (name: string) => seedReal().find((s) => s.name === name)!.text;

describe('connect: the seed policies', () => {
  for (const { name, text } of seedReal()) {
    it(`draws no error and no warning from ${name}`, () => {
      assert.deepEqual(problems(text).map((f) => `${f.ruleId}: ${f.message}`), []);
    });
  }

  it('draws no error and no warning from the three merged into one document', () => {
    const text = merged();
    assert.equal(JSON.parse(text).Statement.length, 7);
    assert.deepEqual(problems(text).map((f) => `${f.ruleId}: ${f.message}`), []);
  });

  const removals: [string, string, string][] = [
    ['s3-call-recordings.policy.json', 's3:GetBucketAcl', 'connect-permissions-missing'],
    ['s3-call-recordings.policy.json', 's3:GetBucketLocation', 'connect-permissions-missing'],
    ['s3-call-recordings.policy.json', 'iam:PutRolePolicy', 'connect-permissions-missing'],
    ['kinesis-contact-records.policy.json', 'iam:PutRolePolicy', 'connect-permissions-missing'],
    ['kinesis-contact-records.policy.json', 'kinesis:DescribeStream', 'connect-permissions-missing'],
    ['lambda-function.policy.json', 'lambda:AddPermission', 'connect-permissions-missing'],
  ];
  for (const [file, action, ruleId] of removals) {
    it(`warns on the Connect action when ${action} is removed from ${file}, and the fix restores it`, () => {
      const text = without(seed(file), action);
      const found = findingsOf(text, ruleId);
      assert.equal(found.length, 1);
      const [f] = found;
      assert.equal(f.severity, 'warning');
      assert.match(rangeText(text, f), /^"connect:/);
      assert.ok(f.message.includes(action), f.message);
      assert.doesNotMatch(f.message, /`/);
      const after = fixed(text, f);
      assert.deepEqual(findingsOf(after, ruleId), []);
      // The added statement carries the policy's own resources, not placeholders.
      assert.doesNotMatch(after, /account-id|s3-bucket-name|stream-name|function-name/);
    });
  }
});
