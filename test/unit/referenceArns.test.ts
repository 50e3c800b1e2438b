// ARN syntax per service, derived from the reference's resource-type ARN formats.
import { describe, it } from 'node:test';
import * as assert from 'node:assert/strict';
import { applyFix, findingsOf, lint, policy, rangeText } from '../helpers';

const res = (resource: string | string[], action: string | string[] = 's3:GetObject') => policy({ Effect: 'Allow', Action: action, Resource: resource });

describe('arn-malformed', () => {
  it('reports a resource that is not an ARN on the whole value', () => {
    const text = res('my-bucket');
    const [f] = findingsOf(text, 'arn-malformed');
    assert.equal(f.severity, 'error');
    assert.equal(rangeText(text, f), '"my-bucket"');
  });

  it('reports an ARN with fewer than six fields', () => {
    const text = res('arn:aws:s3:my-bucket');
    const [f] = findingsOf(text, 'arn-malformed');
    assert.equal(rangeText(text, f), '"arn:aws:s3:my-bucket"');
    assert.match(f.message, /4 of the six/);
  });

  it('reports an empty service field on the colons around it', () => {
    const text = res('arn:aws::us-east-1:111122223333:x');
    const [f] = findingsOf(text, 'arn-malformed');
    assert.equal(rangeText(text, f), '::');
    assert.match(f.message, /service field/);
  });

  it('lower-cases an upper-case `ARN:` prefix', () => {
    const text = res('ARN:aws:s3:::b/*');
    const [f] = findingsOf(text, 'arn-malformed');
    const fixed = applyFix(text, f);
    assert.equal(JSON.parse(fixed).Statement[0].Resource, 'arn:aws:s3:::b/*');
    assert.deepEqual(findingsOf(fixed, 'arn-malformed'), []);
  });

  it('stays silent on `*`, six-field ARNs and a wildcard that can span fields', () => {
    assert.deepEqual(findingsOf(res(['*', 'arn:aws:s3:::b/*', 'arn:aws:s3:*', '${aws:SourceArn}']), 'arn-malformed'), []);
  });
});

describe('arn-unknown-service', () => {
  it('reports the service field with the closest services and a fix', () => {
    const text = res('arn:aws:s4:::b/*');
    const [f] = findingsOf(text, 'arn-unknown-service');
    assert.equal(rangeText(text, f), 's4');
    const fixed = applyFix(text, f);
    assert.equal(JSON.parse(fixed).Statement[0].Resource, 'arn:aws:s3:::b/*');
    assert.deepEqual(findingsOf(fixed, 'arn-unknown-service'), []);
  });

  it('reports an upper-case service field: ARNs match case-sensitively', () => {
    const text = res('arn:aws:S3:::b/*');
    const [f] = findingsOf(text, 'arn-unknown-service');
    assert.equal(rangeText(text, f), 'S3');
    assert.match(f.message, /lower case/);
    assert.equal(JSON.parse(applyFix(text, f)).Statement[0].Resource, 'arn:aws:s3:::b/*');
  });

  it('stays silent on known services, wildcards and variables', () => {
    const text = res(['arn:aws:s3:::b/*', 'arn:aws:kafka:us-east-1:111122223333:cluster/c/*', 'arn:aws:*:*:*:*', 'arn:aws:${x}:::b']);
    assert.deepEqual(findingsOf(text, 'arn-unknown-service'), []);
  });
});

describe('arn-field-not-allowed', () => {
  it('reports a Region in an S3 bucket or object ARN, and the fix removes it', () => {
    const text = res('arn:aws:s3:us-east-1::my-bucket/*');
    const [f] = findingsOf(text, 'arn-field-not-allowed');
    assert.equal(f.severity, 'error');
    assert.equal(rangeText(text, f), 'us-east-1');
    const fixed = applyFix(text, f);
    assert.equal(JSON.parse(fixed).Statement[0].Resource, 'arn:aws:s3:::my-bucket/*');
    assert.deepEqual(findingsOf(fixed, 'arn-field-not-allowed'), []);
  });

  it('reports an account in an S3 bucket ARN and a Region in an IAM ARN', () => {
    const text = res(['arn:aws:s3::111122223333:my-bucket', 'arn:aws:iam:us-east-1:111122223333:role/r'], ['s3:ListBucket', 'iam:PassRole']);
    const found = findingsOf(text, 'arn-field-not-allowed').map((f) => rangeText(text, f));
    assert.deepEqual(found, ['111122223333', 'us-east-1']);
  });

  it('stays silent on wildcards, variables and formats that use the field', () => {
    const text = res([
      'arn:aws:s3:*::my-bucket/*',
      'arn:aws:s3:${aws:RequestedRegion}::my-bucket/*',
      'arn:aws:s3:us-east-1:111122223333:accesspoint/ap',
      'arn:aws:iam::111122223333:role/aws-service-role/connect.amazonaws.com/*',
    ]);
    assert.deepEqual(findingsOf(text, 'arn-field-not-allowed'), []);
  });
});

describe('arn-missing-region', () => {
  it('reports an empty Region where every Lambda function ARN has one; the fix uses the policy\'s Region', () => {
    const text = res(['arn:aws:lambda::111122223333:function:f', 'arn:aws:connect:eu-west-2:111122223333:instance/i'], ['lambda:InvokeFunction', 'connect:DescribeInstance']);
    const [f] = findingsOf(text, 'arn-missing-region');
    assert.equal(f.severity, 'error');
    assert.equal(rangeText(text, f), '::');
    const fixed = applyFix(text, f);
    assert.equal(JSON.parse(fixed).Statement[0].Resource[0], 'arn:aws:lambda:eu-west-2:111122223333:function:f');
    assert.deepEqual(findingsOf(fixed, 'arn-missing-region'), []);
  });

  it('stays silent where the format has no Region, and on empty accounts of AWS-owned resources', () => {
    const text = res(['arn:aws:s3:::b', 'arn:aws:iam::111122223333:role/r', 'arn:aws:ssm:us-east-1::document/AWS-RunShellScript', 'arn:aws:lambda:*:*:function:f']);
    assert.deepEqual(findingsOf(text, 'arn-missing-region'), []);
  });
});

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
