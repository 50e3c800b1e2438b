// Statement coverage: actions and resources of a statement must fit the reference's resource types.
import { describe, it } from 'node:test';
import * as assert from 'node:assert/strict';
import { applyFix, findingsOf, lint, policy, rangeText, seedReal, seedVerbatim } from '../helpers';

const COVERAGE = ['resource-not-applicable', 'action-resource-not-listed', 'action-needs-wildcard-resource'];
const allow = (action: string | string[], resource: string | string[], extra: object = {}) => ({ Effect: 'Allow', Action: action, Resource: resource, ...extra });
const coverage = (text: string) => lint(text).filter((f) => COVERAGE.includes(f.ruleId));

describe('resource-not-applicable', () => {
  it('reports a resource no action of the statement can be used on', () => {
    const text = policy(allow('s3:GetObject', ['arn:aws:s3:::b/*', 'arn:aws:kinesis:us-east-1:111122223333:stream/s']));
    const [f, ...rest] = findingsOf(text, 'resource-not-applicable');
    assert.equal(rest.length, 0);
    assert.equal(f.severity, 'warning');
    assert.equal(rangeText(text, f), '"arn:aws:kinesis:us-east-1:111122223333:stream/s"');
  });

  it('stays silent on a bucket listed beside its objects for object actions, but not on a lone bucket', () => {
    const both = policy({ Effect: 'Deny', Principal: '*', Action: 's3:PutObject', Resource: ['arn:aws:s3:::b', 'arn:aws:s3:::b/*'] });
    assert.deepEqual(findingsOf(both, 'resource-not-applicable'), []);
    const lone = policy(allow('s3:PutObject', ['arn:aws:s3:::b', 'arn:aws:s3:::c/*']));
    assert.equal(rangeText(lone, findingsOf(lone, 'resource-not-applicable')[0]), '"arn:aws:s3:::b"');
  });

  it('also for Deny statements', () => {
    const text = policy({ Effect: 'Deny', Action: 'lambda:InvokeFunction', Resource: 'arn:aws:s3:::b' });
    assert.equal(findingsOf(text, 'resource-not-applicable').length, 1);
  });

  it('stays silent when a pattern expands to an action that applies, for `*` and for unresolved actions', () => {
    const text = policy(
      allow('s3:*', ['arn:aws:s3:::b', 'arn:aws:s3:::b/*']),
      allow('*', 'arn:aws:s3:::b'),
      allow(['s3:GetObject', 'newservice:DoThing'], 'arn:aws:newservice:us-east-1:111122223333:thing/t'),
      { Effect: 'Allow', NotAction: 's3:GetObject', Resource: 'arn:aws:kinesis:us-east-1:111122223333:stream/s' },
    );
    assert.deepEqual(findingsOf(text, 'resource-not-applicable'), []);
  });
});

describe('action-resource-not-listed', () => {
  it('reports an explicitly named action whose resource types no resource matches', () => {
    const text = policy(allow(['s3:GetObject', 's3:ListBucket'], 'arn:aws:s3:::b'));
    const [f, ...rest] = findingsOf(text, 'action-resource-not-listed');
    assert.equal(rest.length, 0);
    assert.equal(rangeText(text, f), '"s3:GetObject"');
    assert.match(f.message, /arn:aws:s3:::bucket-name\/object-name/);
  });

  it('stays silent for patterns and when a resource matches, with wildcards in any field', () => {
    const text = policy(
      allow(['s3:Get*', 's3:ListBucket'], 'arn:aws:s3:::b'),
      allow('lambda:AddPermission', 'arn:aws:lambda:*:*:function:my-function'),
      allow('kinesis:DescribeStream', 'arn:aws:kinesis:*:account:stream/x'),
      allow('iam:PutRolePolicy', 'arn:aws:iam::acct:role/aws-service-role/connect.amazonaws.com/*'),
      allow(['s3:GetBucketAcl', 's3:GetBucketLocation'], 'arn:aws:s3:::bucket'),
      allow('s3:GetObject', 'arn:aws:s3:::${aws:username}/*'),
    );
    assert.deepEqual(findingsOf(text, 'action-resource-not-listed'), []);
  });
});

describe('action-needs-wildcard-resource', () => {
  it('reports a wildcard-only action without `*`, and the fix moves it to its own statement', () => {
    const text = policy(allow(['kinesis:DescribeStream', 'kinesis:ListStreams'], 'arn:aws:kinesis:us-east-1:111122223333:stream/s', { Condition: { Bool: { 'aws:SecureTransport': 'true' } } }));
    const [f] = findingsOf(text, 'action-needs-wildcard-resource');
    assert.equal(rangeText(text, f), '"kinesis:ListStreams"');
    assert.match(f.message, /"Resource": "\*"/);
    const fixed = applyFix(text, f);
    const statements = JSON.parse(fixed).Statement;
    assert.deepEqual(statements[0].Action, ['kinesis:DescribeStream']);
    assert.deepEqual(statements[1], { Effect: 'Allow', Action: 'kinesis:ListStreams', Resource: '*', Condition: { Bool: { 'aws:SecureTransport': 'true' } } });
    assert.deepEqual(coverage(fixed), []);
  });

  it('keeps the principal of a resource-policy statement in the moved statement', () => {
    const principal = { AWS: 'arn:aws:iam::111122223333:role/reader' };
    const text = policy(allow(['kinesis:DescribeStream', 'kinesis:ListStreams'], 'arn:aws:kinesis:us-east-1:111122223333:stream/s', { Principal: principal }));
    const [f] = findingsOf(text, 'action-needs-wildcard-resource');
    const moved = JSON.parse(applyFix(text, f)).Statement[1];
    assert.deepEqual(moved, { Effect: 'Allow', Principal: principal, Action: 'kinesis:ListStreams', Resource: '*' });
  });

  it('reports s3:ListAllMyBuckets on a bucket ARN', () => {
    const text = policy(allow('s3:ListAllMyBuckets', 'arn:aws:s3:::bucket'));
    const [f] = findingsOf(text, 'action-needs-wildcard-resource');
    assert.equal(rangeText(text, f), '"s3:ListAllMyBuckets"');
    assert.equal(f.fixes, undefined);
  });

  it('stays silent with `*`, and with a service-wide pattern as AWS managed policies use', () => {
    const text = policy(allow('s3:ListAllMyBuckets', '*'), allow('s3:ListAllMyBuckets', 'arn:aws:s3:::*'));
    assert.deepEqual(findingsOf(text, 'action-needs-wildcard-resource'), []);
  });
});

describe('coverage on the seed policies', () => {
  it('finds nothing in the three policies, with real values or verbatim', () => {
    for (const { name, text } of [...seedReal(), ...seedVerbatim()]) assert.deepEqual(coverage(text), [], name);
  });
});

describe('reference data quirks', () => {
  it('does not hold ELB v2 resources against actions the data merged with ELB classic', () => {
    // The data keeps one definition of `AddTags` for both ELB versions (the classic one); a
    // target group is a valid v2 resource for it.
    const text = policy(allow('elasticloadbalancing:AddTags', 'arn:aws:elasticloadbalancing:*:*:targetgroup/*/*'));
    assert.deepEqual(coverage(text), []);
  });
});

describe('one mistake, one finding', () => {
  it('an S3 ARN with a Region draws arn-field-not-allowed only, not the coverage rules too', () => {
    const text = policy({ Effect: 'Allow', Action: 's3:GetObject', Resource: 'arn:aws:s3:us-east-1::my-connect-bucket/*' });
    const found = lint(text).filter((f) => f.severity !== 'information');
    assert.deepEqual(found.map((f) => f.ruleId), ['arn-field-not-allowed']);
    assert.equal(rangeText(text, found[0]), 'us-east-1');
    assert.match(found[0].message, /such as arn:aws:s3:::/);
  });

  it('a Region placeholder draws placeholder-value only', () => {
    const text = policy({ Effect: 'Allow', Action: 'kinesis:PutRecord', Resource: 'arn:aws:kinesis:region:210987654321:stream/s' });
    assert.deepEqual(lint(text).filter((f) => f.severity !== 'information').map((f) => f.ruleId), ['placeholder-value']);
  });
});

describe('resource types the reference does not know', () => {
  it('an ARN of no known resource type of its service is not judged (the type may be newer than the data)', () => {
    const text = policy(allow(['sagemaker-mlflow:LogBatch'], 'arn:aws:sagemaker:*:*:mlflow-brand-new-type/*'));
    assert.deepEqual(coverage(text).map((f) => f.ruleId), []);
  });

  it('a known type that fits none of the actions is still reported', () => {
    const text = policy(allow(['sagemaker-mlflow:LogBatch'], 'arn:aws:sagemaker:*:*:notebook-instance/*'));
    assert.deepEqual(coverage(text).map((f) => f.ruleId).sort(), ['action-resource-not-listed', 'resource-not-applicable']);
  });
});
