// The curated Connect table and its lookups (used by rules, hover and completion).
import { describe, it } from 'node:test';
import * as assert from 'node:assert/strict';
import {
  actionsWithKey, ATTRIBUTE_TYPE_KEY, connectServiceLinkedRoleArn, CONNECT_REGIONS, dependencyRow, RESOURCES, STORAGE_KINDS, STORAGE_RESOURCE_TYPE_KEY,
  storageTypeInfo, storageTypes, STORAGE_TYPE_ACTIONS,
} from '../../server/src/engine/connect';
import { resourceFits } from '../../server/src/engine/connect/grants';
import { conditionKeysOf, getAction } from '../../server/src/engine/reference/iamData';
import { regionPartition } from '../../server/src/engine/reference/regions';

describe('connect table', () => {
  it('lists the 13 storage resource types, looked up case-sensitively', () => {
    assert.equal(storageTypes.length, 13);
    assert.equal(new Set(storageTypes).size, 13);
    assert.deepEqual(storageTypeInfo('CALL_RECORDINGS')?.kinds, ['S3']);
    assert.deepEqual(storageTypeInfo('CONTACT_TRACE_RECORDS')?.kinds, ['KINESIS_STREAM', 'KINESIS_FIREHOSE']);
    assert.equal(storageTypeInfo('call_recordings'), undefined);
    assert.deepEqual(STORAGE_KINDS.KINESIS_STREAM.companions.map((c) => c.action), ['kinesis:DescribeStream', 'iam:PutRolePolicy']);
    assert.deepEqual(STORAGE_KINDS.KINESIS_FIREHOSE.companions.map((c) => c.action), ['firehose:DescribeDeliveryStream', 'iam:PutRolePolicy']);
    // Media streams: Connect creates the streams; only the key, which always exists.
    assert.deepEqual(STORAGE_KINDS.KINESIS_VIDEO_STREAM.companions.map((c) => c.action), ['kms:CreateGrant', 'kms:DescribeKey']);
    assert.equal(storageTypeInfo('REAL_TIME_CONTACT_ANALYSIS_SEGMENTS')?.replacedBy, 'REAL_TIME_CONTACT_ANALYSIS_VOICE_SEGMENTS');
  });

  it('agrees with the reference: the key exists and the four actions support it', () => {
    assert.ok(conditionKeysOf('connect').get('connect:storageresourcetype'));
    for (const a of STORAGE_TYPE_ACTIONS) {
      const info = getAction('connect', a.split(':')[1]);
      assert.ok(info?.conditionKeys.includes('connect:StorageResourceType'), a);
    }
    assert.ok(!getAction('connect', 'ListInstanceStorageConfigs')?.conditionKeys.includes('connect:StorageResourceType'));
  });

  it('finds the actions that carry each enumerated key in the reference', () => {
    assert.deepEqual([...actionsWithKey(STORAGE_RESOURCE_TYPE_KEY)].sort(), [...STORAGE_TYPE_ACTIONS].sort());
    assert.deepEqual(actionsWithKey(ATTRIBUTE_TYPE_KEY), ['connect:DescribeInstanceAttribute', 'connect:UpdateInstanceAttribute']);
  });

  it('looks rows up case-insensitively', () => {
    assert.equal(dependencyRow('CONNECT:associatelambdafunction'), dependencyRow('connect:AssociateLambdaFunction'));
    assert.equal(dependencyRow('connect:DescribeQueue'), undefined);
  });

  it('builds the service-linked role ARN, which its own resource format accepts', () => {
    const arn = connectServiceLinkedRoleArn('aws', '111122223333');
    assert.equal(arn, 'arn:aws:iam::111122223333:role/aws-service-role/connect.amazonaws.com/*');
    assert.ok(resourceFits(arn, RESOURCES.serviceLinkedRole.format));
    assert.ok(!resourceFits('arn:aws:iam::111122223333:role/service-role/*', RESOURCES.serviceLinkedRole.format));
  });

  it('tells a bucket ARN from an object ARN', () => {
    assert.ok(resourceFits('arn:aws:s3:::my-connect-recording-bucket', RESOURCES.bucket.format));
    assert.ok(!resourceFits('arn:aws:s3:::my-connect-recording-bucket/*', RESOURCES.bucket.format));
  });

  it('lists Connect Regions the Region table knows, the Global Resiliency replica Region included', () => {
    for (const r of CONNECT_REGIONS) assert.ok(regionPartition(r), r);
    assert.ok(CONNECT_REGIONS.includes('ap-northeast-3'));
  });
});
