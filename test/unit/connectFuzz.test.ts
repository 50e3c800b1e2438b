// Connect rules on random policies made of the words they react to: no rule throws, and every fix
// they offer keeps the JSON valid and removes a finding of its rule (without bringing it back).
import { describe, it } from 'node:test';
import * as assert from 'node:assert/strict';
import fc from 'fast-check';
import { analyze, applyEdits } from '../../server/src/engine';
import { INSTANCE, ROLE } from './connectHelpers';

const scalar = fc.constantFrom(
  'Allow', 'Deny', '*', 'connect:AssociateInstanceStorageConfig', 'connect:UpdateInstanceStorageConfig', 'connect:*StorageConfig',
  'connect:ListInstanceStorageConfigs', 'connect:AssociateLambdaFunction', 'connect:AssociateBot', 'connect:DisassociateLambdaFunction',
  'lambda:AddPermission', 's3:GetBucket*', 'iam:PutRolePolicy', 'kinesis:DescribeStream', 's3:ListAllMyBuckets',
  INSTANCE, `${INSTANCE}/user/*`, 'arn:aws:connect:eu-west-1:111122223333:instances/x', 'arn:aws-cn:connect:cn-north-1:111122223333:instance/abc',
  'arn:aws:s3:::b', 'arn:aws:s3:::b/*', 'arn:aws:lambda:*:*:function:f', 'arn:aws:lambda:us-east-1:111122223333:f',
  'arn:aws:lambda:*:*:function:*', 'arn:aws:iam::111122223333:role/service-role/*', ROLE, 'arn:aws:kinesis:*:111122223333:stream/s',
  'CALL_RECORDINGS', 'call_recordings', 'CALL_*', 'REAL_TIME_CONTACT_ANALYSIS_SEGMENTS', 'FOO', '${aws:username}',
);
const value = fc.oneof(scalar, fc.array(scalar, { maxLength: 4 }));
const condition = fc.dictionary(
  fc.constantFrom('StringEquals', 'StringLike', 'StringEqualsIfExists', 'StringNotEquals', 'ForAnyValue:StringEquals', 'Bool'),
  fc.dictionary(fc.constantFrom('connect:StorageResourceType', 'aws:SecureTransport'), value, { maxKeys: 2 }),
  { maxKeys: 2 },
);
const statement = fc.record({ Effect: fc.constantFrom('Allow', 'Deny'), Action: value, Resource: value, Condition: condition }, { requiredKeys: ['Effect'] });
const policy = fc.record({ Version: fc.constant('2012-10-17'), Statement: fc.oneof(statement, fc.array(statement, { maxLength: 4 })) });

describe('connect rules on random policies', () => {
  it('never throw, and their fixes keep valid JSON and remove a finding', () => {
    fc.assert(fc.property(policy, fc.boolean(), (p, oneLine) => {
      const text = oneLine ? JSON.stringify(p) : JSON.stringify(p, null, 2);
      const findings = analyze(text).findings;
      assert.deepEqual(findings.filter((f) => f.ruleId === 'internal-error').map((f) => f.message), []);
      for (const f of findings.filter((x) => x.ruleId.startsWith('connect-'))) {
        for (const fix of f.fixes ?? []) {
          const out = applyEdits(text, fix.edits);
          assert.doesNotThrow(() => JSON.parse(out), `${f.ruleId}: "${fix.title}" broke the JSON`);
          const count = (list: { ruleId: string }[]) => list.filter((x) => x.ruleId === f.ruleId).length;
          assert.ok(count(analyze(out).findings) < count(findings), `${f.ruleId}: "${fix.title}" removed no finding`);
        }
      }
    }), { numRuns: 300 });
  });
});
