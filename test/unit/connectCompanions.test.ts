// Companion permissions judged across the document: storage (S3, Kinesis, Firehose), the
// mismatch with the allowed storage type, Lambda/Lex/Customer Profiles, KMS and console listings.
import { describe, it } from 'node:test';
import * as assert from 'node:assert/strict';
import { findingsOf, policy, rangeText } from '../helpers';
import { ACCOUNT, allow, BUCKET, fixed, FUNCTION, INSTANCE, only, ROLE, STORAGE_ACTIONS, storageStatement, STREAM } from './connectHelpers';

const S3_PERMS = ['iam:PutRolePolicy', 's3:GetBucketAcl', 's3:GetBucketLocation'];

describe('connect-storage-permissions-missing', () => {
  it('counts permissions split across statements and granted through wildcards', () => {
    const text = policy(
      storageStatement('CALL_RECORDINGS'),
      allow('s3:GetBucket*', 'arn:aws:s3:::*'),
      allow('iam:PutRolePolicy', `arn:aws:iam::${ACCOUNT}:role/aws-service-role/connect.amazonaws.com/AWSServiceRoleForAmazonConnect_abc`),
    );
    assert.deepEqual(findingsOf(text, 'connect-storage-permissions-missing'), []);
  });

  it('does not count a grant on objects (`bucket/*`) for the bucket', () => {
    const text = policy(storageStatement('CALL_RECORDINGS'), allow(S3_PERMS, [ROLE, `${BUCKET}/*`]));
    const f = only(text, 'connect-storage-permissions-missing');
    assert.match(f.message, /`s3:GetBucketAcl`.*`s3:GetBucketLocation`/);
    assert.doesNotMatch(f.message, /iam:PutRolePolicy/);
    assert.match(f.message, /allowed only on `arn:aws:s3:::my-connect-recording-bucket\/\*`/);
    const after = fixed(text, f);
    assert.deepEqual(findingsOf(after, 'connect-storage-permissions-missing'), []);
    // The bucket of the objects named is taken as the one meant.
    assert.deepEqual(JSON.parse(after).Statement[2].Resource, BUCKET);
  });

  it('ignores Deny statements as grants', () => {
    const text = policy(storageStatement('AGENT_EVENTS'), { Effect: 'Deny', Action: ['kinesis:DescribeStream', 'iam:PutRolePolicy'], Resource: '*' });
    const f = only(text, 'connect-storage-permissions-missing');
    assert.equal(rangeText(text, f), '"connect:UpdateInstanceStorageConfig"');
    assert.match(f.message, /`kinesis:DescribeStream`/);
    const after = fixed(text, f);
    assert.deepEqual(findingsOf(after, 'connect-storage-permissions-missing'), []);
    // Nothing in the policy names a stream: the fix says so with a placeholder, in the policy's account.
    assert.match(after, /"arn:aws:kinesis:us-east-1:111122223333:stream\/stream-name"/);
  });

  it('accepts Firehose for contact trace records', () => {
    const text = policy(storageStatement('CONTACT_TRACE_RECORDS'), allow(['firehose:DescribeDeliveryStream', 'iam:PutRolePolicy'], [ROLE, `arn:aws:firehose:us-east-1:${ACCOUNT}:deliverystream/ctr`]));
    assert.deepEqual(findingsOf(text, 'connect-storage-permissions-missing'), []);
  });

  it('needs nothing for media streams and says nothing without a condition', () => {
    assert.deepEqual(findingsOf(policy(storageStatement('MEDIA_STREAMS')), 'connect-storage-permissions-missing'), []);
    assert.deepEqual(findingsOf(policy(allow(STORAGE_ACTIONS, INSTANCE)), 'connect-storage-permissions-missing'), []);
  });

  it('uses placeholders only where the policy says nothing', () => {
    const text = '{"Version": "2012-10-17", "Statement": {"Effect": "Allow", "Action": "connect:AssociateInstanceStorageConfig", "Resource": "*", "Condition": {"StringEquals": {"connect:StorageResourceType": "CALL_RECORDINGS"}}}}';
    const after = fixed(text, only(text, 'connect-storage-permissions-missing'));
    const added = JSON.parse(after).Statement[1];
    assert.deepEqual(added.Resource, ['arn:aws:s3:::s3-bucket-name', 'arn:aws:iam::account-id:role/aws-service-role/connect.amazonaws.com/*']);
    assert.deepEqual(findingsOf(after, 'connect-storage-permissions-missing'), []);
  });
});

describe('connect-storage-kind-mismatch', () => {
  it('reports CALL_RECORDINGS with only Kinesis permissions, naming both', () => {
    const text = policy(storageStatement('CALL_RECORDINGS'), allow(['kinesis:DescribeStream', 'iam:PutRolePolicy'], [ROLE, STREAM]));
    const f = only(text, 'connect-storage-kind-mismatch');
    assert.equal(f.severity, 'warning');
    assert.equal(rangeText(text, f), '"CALL_RECORDINGS"');
    assert.match(f.message, /S3 bucket.*Kinesis data stream.*`kinesis:DescribeStream`.*`CONTACT_TRACE_RECORDS`/);
  });

  it('stays silent when another statement allows the kind the permissions are for', () => {
    const text = policy(
      storageStatement('CALL_RECORDINGS'), allow(S3_PERMS, [ROLE, BUCKET]),
      storageStatement('CONTACT_TRACE_RECORDS'), allow('kinesis:DescribeStream', STREAM),
    );
    assert.deepEqual(findingsOf(text, 'connect-storage-kind-mismatch'), []);
  });
});

describe('connect-association-permissions-missing', () => {
  it('reports AssociateLambdaFunction without lambda:AddPermission and adds it on the named function', () => {
    const text = policy(allow('connect:AssociateLambdaFunction', INSTANCE), allow('lambda:GetFunction', FUNCTION));
    const f = only(text, 'connect-association-permissions-missing');
    assert.equal(rangeText(text, f), '"connect:AssociateLambdaFunction"');
    assert.match(f.message, /`lambda:AddPermission`/);
    const after = fixed(text, f);
    assert.deepEqual(findingsOf(after, 'connect-association-permissions-missing'), []);
    assert.deepEqual(JSON.parse(after).Statement[2], allow('lambda:AddPermission', FUNCTION));
  });

  it('reports DisassociateLambdaFunction without lambda:RemovePermission', () => {
    const text = policy(allow(['connect:DisassociateLambdaFunction', 'lambda:AddPermission'], [INSTANCE, FUNCTION]));
    const f = only(text, 'connect-association-permissions-missing');
    assert.match(f.message, /`lambda:RemovePermission`/);
    assert.deepEqual(findingsOf(fixed(text, f), 'connect-association-permissions-missing'), []);
  });

  it('reports what a Lex V2 bot, a Lex V1 bot and a Customer Profiles domain need', () => {
    const text = policy(allow(['connect:AssociateBot', 'connect:AssociateLexBot', 'connect:AssociateCustomerProfilesDomain'], INSTANCE), allow('iam:PutRolePolicy', ROLE));
    const found = findingsOf(text, 'connect-association-permissions-missing');
    assert.deepEqual(found.map((f) => rangeText(text, f)), ['"connect:AssociateBot"', '"connect:AssociateLexBot"', '"connect:AssociateCustomerProfilesDomain"']);
    assert.deepEqual(found.map((f) => f.data?.missing), [
      ['lex:CreateResourcePolicy', 'lex:DescribeBotAlias', 'lex:UpdateResourcePolicy'], ['lex:GetBot'], ['profile:GetDomain'],
    ]);
    let after = text;
    for (let i = 0; i < 3; i++) after = fixed(after, findingsOf(after, 'connect-association-permissions-missing')[0]);
    assert.deepEqual(findingsOf(after, 'connect-association-permissions-missing'), []);
  });

  it('stays silent when the companions are granted, also through lambda:*', () => {
    assert.deepEqual(findingsOf(policy(allow('connect:AssociateLambdaFunction', INSTANCE), allow('lambda:*', FUNCTION)), 'connect-association-permissions-missing'), []);
  });
});

describe('connect-kms-permissions', () => {
  it('suggests the key permissions for S3 storage and media streams, with a fix', () => {
    const text = policy(storageStatement(['CALL_RECORDINGS', 'MEDIA_STREAMS']), allow(S3_PERMS, [ROLE, BUCKET]));
    const f = only(text, 'connect-kms-permissions');
    assert.equal(f.severity, 'information');
    assert.equal(rangeText(text, f), '"connect:UpdateInstanceStorageConfig"');
    assert.match(f.message, /`CALL_RECORDINGS` and `MEDIA_STREAMS`/);
    const after = fixed(text, f);
    assert.deepEqual(findingsOf(after, 'connect-kms-permissions'), []);
    assert.match(after, /arn:aws:kms:us-east-1:111122223333:key\/key-id/);
  });

  it('stays silent for Kinesis storage and when the key permissions are granted', () => {
    assert.deepEqual(findingsOf(policy(storageStatement('AGENT_EVENTS')), 'connect-kms-permissions'), []);
    const granted = policy(storageStatement('CALL_RECORDINGS'), allow(['kms:CreateGrant', 'kms:DescribeKey'], `arn:aws:kms:us-east-1:${ACCOUNT}:key/1234abcd-12ab-34cd-56ef-1234567890ab`));
    assert.deepEqual(findingsOf(granted, 'connect-kms-permissions'), []);
  });
});

describe('connect-console-list-permission', () => {
  it('suggests s3:ListAllMyBuckets on * for S3 storage', () => {
    const text = policy(storageStatement('CALL_RECORDINGS'), allow(S3_PERMS, [ROLE, BUCKET]));
    const f = only(text, 'connect-console-list-permission');
    assert.equal(f.severity, 'information');
    assert.equal(rangeText(text, f), '"connect:UpdateInstanceStorageConfig"');
    const after = fixed(text, f);
    assert.deepEqual(findingsOf(after, 'connect-console-list-permission'), []);
    assert.deepEqual(JSON.parse(after).Statement[2], allow('s3:ListAllMyBuckets', '*'));
  });

  it('suggests the Firehose listing when contact records go to Firehose', () => {
    const text = policy(storageStatement('CONTACT_TRACE_RECORDS'), allow(['firehose:DescribeDeliveryStream', 'iam:PutRolePolicy'], [ROLE, `arn:aws:firehose:us-east-1:${ACCOUNT}:deliverystream/ctr`]));
    assert.match(only(text, 'connect-console-list-permission').message, /`firehose:ListDeliveryStreams`/);
  });

  it('stays silent when the listing is granted on *', () => {
    const text = policy(storageStatement('AGENT_EVENTS'), allow(['kinesis:DescribeStream', 'iam:PutRolePolicy'], [ROLE, STREAM]), allow('kinesis:List*', '*'));
    assert.deepEqual(findingsOf(text, 'connect-console-list-permission'), []);
  });
});
