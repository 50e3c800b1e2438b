import { describeOperator } from '../../server/src/engine/services/operators';
import { describe, it } from 'node:test';
import * as assert from 'node:assert/strict';
import { hoverAt } from '../../server/src/engine';
import { policy, readFixture } from '../helpers';

const seed = readFixture('test', 'fixtures', 'seed-real', 's3-call-recordings.policy.json');

/** Hover inside the n-th (0-based) occurrence of `token` (quoted tokens: one character in). */
function hoverOn(text: string, token: string, n = 0) {
  let at = -1;
  for (let i = 0; i <= n; i++) at = text.indexOf(token, at + 1);
  assert.ok(at >= 0, `${token} not in text`);
  const h = hoverAt(text, at + 1);
  assert.ok(h, `no hover on ${token}`);
  return { ...h, covered: text.slice(h.range.start, h.range.end) };
}

describe('hover', () => {
  it('describes an action: access level, resource type with ARN, condition keys, Connect companions, a link', () => {
    const h = hoverOn(seed, '"connect:AssociateInstanceStorageConfig"');
    assert.equal(h.covered, '"connect:AssociateInstanceStorageConfig"');
    assert.match(h.contents, /Write/);
    assert.match(h.contents, /`instance` \(required\): `arn:\$\{Partition\}:connect:\$\{Region\}:\$\{Account\}:instance\/\$\{InstanceId\}`/);
    assert.match(h.contents, /`connect:StorageResourceType`/);
    assert.match(h.contents, /`s3:GetBucketAcl`/);
    assert.match(h.contents, /https:\/\/docs\.aws\.amazon\.com\/service-authorization\//);
  });

  it('names what a Connect association needs from the Connect table (Lambda)', () => {
    const text = policy({ Effect: 'Allow', Action: 'connect:AssociateLambdaFunction', Resource: '*' });
    const h = hoverOn(text, '"connect:AssociateLambdaFunction"');
    assert.match(h.contents, /`lambda:AddPermission` on the Lambda function \(`arn:\$\{Partition\}:lambda:/);
  });

  it('does not add a Connect section to other services\' actions', () => {
    const h = hoverOn(seed, '"s3:GetBucketAcl"');
    assert.match(h.contents, /\*\*s3:GetBucketAcl\*\* · Read/);
    assert.doesNotMatch(h.contents, /Amazon Connect/);
  });

  it('counts and lists the actions of a wildcard, then says how many more', () => {
    const text = policy({ Effect: 'Allow', Action: 's3:Get*', Resource: '*' });
    const h = hoverOn(text, '"s3:Get*"');
    assert.equal(h.covered, '"s3:Get*"');
    const count = Number(/matches \*\*(\d+)\*\* actions/.exec(h.contents)?.[1]);
    assert.ok(count > 20);
    assert.match(h.contents, /`s3:GetBucketAcl` \(Read\)/);
    assert.match(h.contents, new RegExp(`and ${count - 20} more`));
  });

  it('explains a condition operator, including IfExists and ForAllValues', () => {
    const h = hoverOn(seed, '"StringEquals"');
    assert.equal(h.covered, '"StringEquals"');
    assert.match(h.contents, /case-sensitive/);
    const text = policy({
      Effect: 'Allow', Action: 's3:GetObject', Resource: '*',
      Condition: { 'ForAllValues:StringLikeIfExists': { 'aws:TagKeys': 'team*' } },
    });
    const op = hoverOn(text, '"ForAllValues:StringLikeIfExists"');
    assert.match(op.contents, /every\*\* value/);
    assert.match(op.contents, /IfExists/);
  });

  it('describes a condition key with the statement\'s actions that support it', () => {
    const h = hoverOn(seed, '"connect:StorageResourceType"');
    assert.equal(h.covered, '"connect:StorageResourceType"');
    assert.match(h.contents, /\(String\)/);
    assert.match(h.contents, /Supported by this statement's `connect:UpdateInstanceStorageConfig`, `connect:AssociateInstanceStorageConfig`/);
    const text = policy({
      Effect: 'Allow', Action: ['connect:AssociateInstanceStorageConfig', 'connect:ListInstanceStorageConfigs'], Resource: '*',
      Condition: { StringEquals: { 'connect:StorageResourceType': 'CALL_RECORDINGS' } },
    });
    assert.match(hoverOn(text, '"connect:StorageResourceType"').contents, /Not supported by `connect:ListInstanceStorageConfigs`/);
  });

  it('tells the storage kind and the permissions a StorageResourceType value needs', () => {
    const h = hoverOn(seed, '"CALL_RECORDINGS"');
    assert.equal(h.covered, '"CALL_RECORDINGS"');
    assert.match(h.contents, /S3 bucket/);
    assert.match(h.contents, /`s3:GetBucketAcl` and `s3:GetBucketLocation`/);
    const text = policy({
      Effect: 'Allow', Action: 'connect:AssociateInstanceStorageConfig', Resource: '*',
      Condition: { StringEquals: { 'connect:StorageResourceType': 'CONTACT_TRACE_RECORDS' } },
    });
    const ctr = hoverOn(text, '"CONTACT_TRACE_RECORDS"');
    assert.match(ctr.contents, /kinesis:DescribeStream/);
    assert.match(ctr.contents, /firehose:DescribeDeliveryStream/);
  });

  it('lists the storage resource types a StringLike pattern lets through', () => {
    const text = policy({
      Effect: 'Allow', Action: 'connect:AssociateInstanceStorageConfig', Resource: '*',
      Condition: { StringLike: { 'connect:StorageResourceType': 'REAL_TIME_CONTACT_ANALYSIS_*' } },
    });
    const h = hoverOn(text, '"REAL_TIME_CONTACT_ANALYSIS_*"');
    assert.match(h.contents, /`REAL_TIME_CONTACT_ANALYSIS_CHAT_SEGMENTS`/);
    assert.doesNotMatch(h.contents, /CALL_RECORDINGS|not a value/);
  });

  it('splits an ARN into its fields and names the resource type it matches', () => {
    const arn = '"arn:aws:connect:us-east-1:111122223333:instance/a1b2c3d4-5678-90ab-cdef-111122223333"';
    const h = hoverOn(seed, arn);
    assert.equal(h.covered, arn);
    assert.match(h.contents, /partition: `aws`/);
    assert.match(h.contents, /Region: `us-east-1`/);
    assert.match(h.contents, /account: `111122223333`/);
    assert.match(h.contents, /`connect:instance`.*`connect:AssociateInstanceStorageConfig`/);
    assert.doesNotMatch(h.contents, /Placeholders/);
  });

  it('lists the placeholders an ARN still contains', () => {
    const text = readFixture('examples', 's3-call-recordings.policy.json');
    const h = hoverOn(text, '"arn:aws:connect:region:account-id:instance/instance-id"');
    assert.match(h.contents, /Placeholders still in it\*\*: `region`, `account-id`, `instance-id`/);
  });

  it('on a Deny Effect, names the Allow statements it overrides', () => {
    const text = policy(
      { Sid: 'Reads', Effect: 'Allow', Action: 's3:GetObject', Resource: 'arn:aws:s3:::b/*' },
      { Sid: 'Lists', Effect: 'Allow', Action: 's3:ListBucket', Resource: 'arn:aws:s3:::b' },
      { Effect: 'Deny', Action: 's3:Get*', Resource: '*' },
    );
    const h = hoverOn(text, '"Deny"');
    assert.equal(h.covered, '"Deny"');
    assert.match(h.contents, /Allow statement "Reads": wholly/);
    assert.doesNotMatch(h.contents, /Lists/);
    assert.match(hoverOn(text, '"Allow"').contents, /Deny statement 3: wholly/);
  });

  it('explains element names in one line', () => {
    const h = hoverOn(seed, '"Effect"');
    assert.equal(h.covered, '"Effect"');
    assert.match(h.contents, /Allow.*Deny/);
    const text = policy({ Effect: 'Allow', NotAction: 'iam:*', Resource: '*' });
    assert.match(hoverOn(text, '"NotAction"').contents, /except/);
    assert.match(hoverOn(text, '"Version"').contents, /2012-10-17/);
  });

  it('has nothing for non-policy JSON or for whitespace', () => {
    const pkg = '{"name": "x", "Effect": "Allow", "Action": "s3:GetObject"}';
    assert.equal(hoverAt(pkg, pkg.indexOf('s3:GetObject') + 1), undefined);
    assert.equal(hoverAt(pkg, pkg.indexOf('"Effect"') + 1), undefined);
    assert.equal(hoverAt(seed, seed.indexOf('{') + 1), undefined);
  });
});

describe('operator descriptions', () => {
  it('describe only operators IAM knows, not names an object happens to have', () => {
    assert.ok(describeOperator('ForAnyValue:StringLikeIfExists')?.includes('IfExists'));
    assert.equal(describeOperator('toString'), undefined);
    assert.equal(describeOperator('constructor'), undefined);
    assert.equal(describeOperator('NullIfExists'), undefined);
  });
});
