// The empty-account rule beside every other rule (no other error or warning on the ARN). The cases
// of the single ARN rules are in test/unit/rules/reference.cases.ts.
import { describe, it } from 'node:test';
import * as assert from 'node:assert/strict';
import { applyFix, findingsOf, lint, policy, rangeText } from '../helpers';

const res = (resource: string | string[], action: string | string[] = 's3:GetObject') => policy({ Effect: 'Allow', Action: action, Resource: resource });

describe('arn-missing-account', () => {
  it('reports an empty account in an IAM role ARN, once (the coverage rules stay silent on it); the fix uses the policy\'s account', () => {
    const text = res(['arn:aws:iam:::role/aws-service-role/profile.amazonaws.com/AWSServiceRoleForProfile_*', 'arn:aws:connect:eu-west-2:111122223333:instance/i'], ['iam:DeleteRole', 'connect:DescribeInstance']);
    const findings = lint(text).filter((f) => f.severity === 'error' || f.severity === 'warning');
    assert.deepEqual(findings.map((f) => f.ruleId), ['arn-missing-account']);
    const [f] = findings;
    assert.equal(rangeText(text, f), '::');
    assert.match(f.message, /^This iam ARN has no account, so it matches nothing\./);
    const fixed = applyFix(text, f);
    assert.equal(JSON.parse(fixed).Statement[0].Resource[0], 'arn:aws:iam::111122223333:role/aws-service-role/profile.amazonaws.com/AWSServiceRoleForProfile_*');
    assert.deepEqual(findingsOf(fixed, 'arn-missing-account'), []);
  });

  it('reports an SQS queue ARN without its account', () => {
    const text = res('arn:aws:sqs:us-east-2::team-queue', 'sqs:DeleteQueue');
    const [f] = findingsOf(text, 'arn-missing-account');
    assert.equal(f.severity, 'warning');
    assert.equal(rangeText(text, f), '::');
  });

  it('stays silent on AWS-owned SSM documents, on formats without an account and on wildcards', () => {
    const text = res(['arn:aws:ssm:us-east-1::document/AWS-RunShellScript', 'arn:aws:ssm:*::parameter/aws/service/*', 'arn:aws:s3:::b', 'arn:aws:iam::*:role/r', 'arn:aws:ec2:us-east-1::image/ami-1'], ['ssm:SendCommand', 'ssm:GetParameter', 's3:ListBucket', 'iam:GetRole', 'ec2:RunInstances']);
    assert.deepEqual(findingsOf(text, 'arn-missing-account'), []);
  });
});
