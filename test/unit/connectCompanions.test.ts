// The generic companion rules (connect-permissions-missing, connect-permissions-suggested) on the
// cases that matter beyond the per-row table test (connectDependencies.test.ts): grants split
// across statements and through wildcards, object ARNs for a bucket, Deny, alternatives, grouping
// in one statement, the storage kind mismatch, KMS and console suggestions.
import { describe, it } from 'node:test';
import * as assert from 'node:assert/strict';
import { findingsOf, policy, rangeText } from '../helpers';
import { ACCOUNT, allow, BUCKET, fixed, FUNCTION, INSTANCE, only, ROLE, STORAGE_ACTIONS, storageStatement, STREAM } from './connectHelpers';

const MISSING = 'connect-permissions-missing';
const CONDITIONAL = 'connect-permissions-suggested';
const S3_PERMS = ['iam:PutRolePolicy', 's3:GetBucketAcl', 's3:GetBucketLocation'];

describe('connect-permissions-missing: storage', () => {
  it('counts permissions split across statements and granted through wildcards', () => {
    const text = policy(
      storageStatement('CALL_RECORDINGS'),
      allow('s3:GetBucket*', 'arn:aws:s3:::*'),
      allow('iam:PutRolePolicy', `arn:aws:iam::${ACCOUNT}:role/aws-service-role/connect.amazonaws.com/AWSServiceRoleForAmazonConnect_abc`),
    );
    assert.deepEqual(findingsOf(text, MISSING), []);
  });

  it('does not count a grant on objects (bucket/*) for the bucket, and fixes it with the bucket meant', () => {
    const text = policy(storageStatement('CALL_RECORDINGS'), allow(S3_PERMS, [ROLE, `${BUCKET}/*`]));
    const f = only(text, MISSING);
    // One finding for the statement's two storage actions, the second as a related location.
    assert.equal(rangeText(text, f), '"connect:UpdateInstanceStorageConfig"');
    assert.equal(f.related?.length, 1);
    assert.match(f.message, /s3:GetBucketAcl and s3:GetBucketLocation on the S3 bucket/);
    assert.doesNotMatch(f.message, /iam:PutRolePolicy/);
    assert.match(f.message, /allowed only on arn:aws:s3:::my-connect-recording-bucket\/\*/);
    const after = fixed(text, f, 0);
    assert.deepEqual(findingsOf(after, MISSING), []);
    assert.deepEqual(JSON.parse(after).Statement[2].Resource, BUCKET);
  });

  it('ignores Deny statements as grants, and writes a placeholder stream in the policy\'s account', () => {
    const text = policy(storageStatement('AGENT_EVENTS'), { Effect: 'Deny', Action: ['kinesis:DescribeStream', 'iam:PutRolePolicy'], Resource: '*' });
    const f = only(text, MISSING);
    assert.match(f.message, /kinesis:DescribeStream on the Kinesis data stream and iam:PutRolePolicy/);
    const after = fixed(text, f);
    assert.deepEqual(findingsOf(after, MISSING), []);
    assert.match(after, /"arn:aws:kinesis:us-east-1:111122223333:stream\/stream-name"/);
  });

  it('accepts Firehose for contact trace records, and names both when neither is granted', () => {
    const firehose = policy(storageStatement('CONTACT_TRACE_RECORDS'), allow(['firehose:DescribeDeliveryStream', 'iam:PutRolePolicy'], [ROLE, `arn:aws:firehose:us-east-1:${ACCOUNT}:deliverystream/ctr`]));
    assert.deepEqual(findingsOf(firehose, MISSING), []);
    const neither = policy(storageStatement('CONTACT_TRACE_RECORDS'));
    const f = only(neither, MISSING);
    assert.match(f.message, /For the storage kind \(for CONTACT_TRACE_RECORDS\), allow what one of them needs: for a Kinesis data stream, .*; for a Firehose delivery stream, /);
    assert.equal(f.fixes?.length, 2);
  });

  it('asks for each storage type its own kind', () => {
    const text = policy(storageStatement(['CALL_RECORDINGS', 'AGENT_EVENTS']), allow(S3_PERMS, [ROLE, BUCKET]));
    const f = only(text, MISSING);
    assert.match(f.message, /For a Kinesis data stream \(for AGENT_EVENTS\), also allow kinesis:DescribeStream/);
    assert.deepEqual(f.data?.missing, ['kinesis:DescribeStream']);
  });

  it('uses placeholders only where the policy says nothing, one statement per resource', () => {
    const text = '{"Version": "2012-10-17", "Statement": {"Effect": "Allow", "Action": "connect:AssociateInstanceStorageConfig", "Resource": "*", "Condition": {"StringEquals": {"connect:StorageResourceType": "CALL_RECORDINGS"}}}}';
    const after = fixed(text, only(text, MISSING));
    const added = JSON.parse(after).Statement.slice(1);
    assert.deepEqual(added, [
      allow(['s3:GetBucketAcl', 's3:GetBucketLocation'], 'arn:aws:s3:::s3-bucket-name'),
      allow('iam:PutRolePolicy', 'arn:aws:iam::account-id:role/aws-service-role/connect.amazonaws.com/*'),
    ]);
    assert.deepEqual(findingsOf(after, MISSING), []);
  });
});

describe('connect-storage-kind-mismatch', () => {
  it('reports CALL_RECORDINGS with only Kinesis permissions, naming both', () => {
    const text = policy(storageStatement('CALL_RECORDINGS'), allow(['kinesis:DescribeStream', 'iam:PutRolePolicy'], [ROLE, STREAM]));
    const f = only(text, 'connect-storage-kind-mismatch');
    assert.equal(f.severity, 'warning');
    assert.equal(rangeText(text, f), '"CALL_RECORDINGS"');
    assert.match(f.message, /S3 bucket.*Kinesis data stream.*kinesis:DescribeStream.*CONTACT_TRACE_RECORDS/);
  });

  it('stays silent when another statement allows the kind the permissions are for', () => {
    const text = policy(
      storageStatement('CALL_RECORDINGS'), allow(S3_PERMS, [ROLE, BUCKET]),
      storageStatement('CONTACT_TRACE_RECORDS'), allow('kinesis:DescribeStream', STREAM),
    );
    assert.deepEqual(findingsOf(text, 'connect-storage-kind-mismatch'), []);
  });
});

describe('connect-permissions-missing: associations', () => {
  it('reports AssociateLambdaFunction without lambda:AddPermission and adds it on the named function', () => {
    const text = policy(allow('connect:AssociateLambdaFunction', INSTANCE), allow('lambda:GetFunction', FUNCTION));
    const f = only(text, MISSING);
    assert.equal(rangeText(text, f), '"connect:AssociateLambdaFunction"');
    assert.match(f.message, /^connect:AssociateLambdaFunction is allowed without lambda:AddPermission\. /);
    const after = fixed(text, f);
    assert.deepEqual(findingsOf(after, MISSING), []);
    assert.deepEqual(JSON.parse(after).Statement[2], allow('lambda:AddPermission', FUNCTION));
  });

  it('reports what a Lex V2 bot, a Lex V1 bot and a Customer Profiles domain need', () => {
    const text = policy(allow(['connect:AssociateBot', 'connect:AssociateLexBot', 'connect:AssociateCustomerProfilesDomain'], INSTANCE), allow('iam:PutRolePolicy', ROLE));
    const found = findingsOf(text, MISSING);
    assert.deepEqual(found.map((f) => rangeText(text, f)), ['"connect:AssociateBot"', '"connect:AssociateLexBot"', '"connect:AssociateCustomerProfilesDomain"']);
    assert.deepEqual(found.map((f) => f.data?.missing), [
      ['lex:CreateResourcePolicy', 'lex:DescribeBotAlias', 'lex:UpdateResourcePolicy'], ['lex:GetBot'], ['profile:GetDomain'],
    ]);
    let after = text;
    for (let i = 0; i < 3; i++) after = fixed(after, findingsOf(after, MISSING)[0]);
    assert.deepEqual(findingsOf(after, MISSING), []);
  });

  it('stays silent when the companions are granted, also through lambda:*, or by NotAction', () => {
    assert.deepEqual(findingsOf(policy(allow('connect:AssociateLambdaFunction', INSTANCE), allow('lambda:*', FUNCTION)), MISSING), []);
    const notAction = policy(allow('connect:AssociateLambdaFunction', INSTANCE), { Effect: 'Allow', NotAction: 's3:*', Resource: FUNCTION });
    assert.deepEqual(findingsOf(notAction, MISSING), []);
  });

  it('counts a companion allowed under a condition (the policy cannot tell whether it holds)', () => {
    const text = policy(allow('connect:AssociateLambdaFunction', INSTANCE), { ...allow('lambda:AddPermission', FUNCTION), Condition: { StringEquals: { 'lambda:Principal': 'connect.amazonaws.com' } } });
    assert.deepEqual(findingsOf(text, MISSING), []);
  });
});

describe('connect-permissions-suggested', () => {
  it('suggests the key permissions for encrypted S3 storage, with a fix, and requires them for media streams', () => {
    const text = policy(storageStatement(['CALL_RECORDINGS', 'MEDIA_STREAMS']), allow(S3_PERMS, [ROLE, BUCKET]));
    // The update also retires the grant: two findings, one per storage action.
    const [warning, associate] = findingsOf(text, MISSING);
    assert.match(warning.message, /For Kinesis Video Streams \(for MEDIA_STREAMS\), also allow kms:CreateGrant, kms:DescribeKey and kms:RetireGrant/);
    assert.match(associate.message, /also allow kms:CreateGrant and kms:DescribeKey on the KMS key/);
    const kms = findingsOf(text, CONDITIONAL).filter((f) => /KMS key encrypts/.test(f.message));
    assert.equal(kms.length, 2, 'one per storage action: the update also retires the grant');
    assert.equal(rangeText(text, kms[0]), '"connect:UpdateInstanceStorageConfig"');
    const after = fixed(text, warning);
    assert.deepEqual(findingsOf(after, MISSING), []);
    assert.match(after, /arn:aws:kms:us-east-1:111122223333:key\/key-id/);
    // With the key granted for the media streams, the S3 suggestion is met too.
    assert.deepEqual(findingsOf(after, CONDITIONAL).filter((f) => /KMS key encrypts/.test(f.message)), []);
  });

  it('suggests s3:ListAllMyBuckets on * for picking the bucket in the console', () => {
    const text = policy(storageStatement('CALL_RECORDINGS'), allow(S3_PERMS, [ROLE, BUCKET]));
    const f = findingsOf(text, CONDITIONAL).find((x) => /console/.test(x.message))!;
    assert.equal(f.severity, 'information');
    assert.equal(rangeText(text, f), '"connect:UpdateInstanceStorageConfig"');
    assert.match(f.message, /^connect:UpdateInstanceStorageConfig may also need s3:ListAllMyBuckets\. It does for an S3 bucket, when the bucket is picked in the console: /);
    const after = fixed(text, f);
    assert.deepEqual(JSON.parse(after).Statement[2], allow('s3:ListAllMyBuckets', '*'));
    assert.ok(!findingsOf(after, CONDITIONAL).some((x) => /console/.test(x.message)));
  });

  it('offers one fix per integration type', () => {
    const text = policy(allow('connect:CreateIntegrationAssociation', INSTANCE));
    const f = findingsOf(text, CONDITIONAL).find((x) => /integration type/.test(x.message))!;
    assert.match(f.message, /^connect:CreateIntegrationAssociation needs permissions that depend on the integration type\./);
    assert.match(f.message, /for a Voice ID domain, voiceid:DescribeDomain on the Voice ID domain/);
    assert.ok((f.fixes?.length ?? 0) >= 10);
    const voice = f.fixes!.find((x) => /Voice ID/.test(x.title))!;
    const after = fixed(text, f, f.fixes!.indexOf(voice));
    assert.ok(!findingsOf(after, CONDITIONAL).some((x) => /integration type/.test(x.message)));
  });

  it('stays silent on storage without a grant on the key when Kinesis is used', () => {
    const text = policy(storageStatement('AGENT_EVENTS'), allow(['kinesis:DescribeStream', 'iam:PutRolePolicy'], [ROLE, STREAM]));
    assert.ok(!findingsOf(text, CONDITIONAL).some((f) => /kms:/.test(f.message)));
    assert.deepEqual(findingsOf(text, MISSING), []);
  });

  it('without a storage-type condition, the storage actions still need one kind', () => {
    const text = policy(allow(STORAGE_ACTIONS, INSTANCE));
    const found = findingsOf(text, MISSING);
    assert.deepEqual(found.map((f) => f.fixes?.length), [4, 4]);
    // The first fix grants an S3 bucket: that serves both actions.
    assert.deepEqual(findingsOf(fixed(text, found[0]), MISSING), []);
  });
});
