// The curated Connect table and its lookups (used by rules, hover and completion).
import { describe, it } from 'node:test';
import * as assert from 'node:assert/strict';
import {
  companionsFor, connectServiceLinkedRoleArn, storageCompanionsFor, CONNECT_REGIONS, RESOURCES, STORAGE_KINDS, storageTypeInfo, storageTypes,
  STORAGE_TYPE_ACTIONS,
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
    assert.deepEqual(storageCompanionsFor('CONTACT_TRACE_RECORDS')?.map((k) => k.companions.map((c) => c.action)), [
      ['kinesis:DescribeStream', 'iam:PutRolePolicy'], ['firehose:DescribeDeliveryStream', 'iam:PutRolePolicy'],
    ]);
    assert.equal(storageCompanionsFor('MEDIA_STREAMS')?.[0].companions.length, 0);
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

  it('names companion actions that exist in the reference', () => {
    const all = [
      ...Object.values(STORAGE_KINDS).flatMap((k) => [...k.companions, ...k.console]),
      ...['connect:AssociateLambdaFunction', 'connect:DisassociateLambdaFunction', 'connect:AssociateBot', 'connect:AssociateLexBot', 'connect:AssociateCustomerProfilesDomain']
        .flatMap((a) => companionsFor(a) ?? assert.fail(a)),
    ];
    for (const c of all) {
      const [service, name] = c.action.split(':');
      assert.ok(getAction(service, name), c.action);
    }
    assert.deepEqual(companionsFor('CONNECT:associatelambdafunction'), companionsFor('connect:AssociateLambdaFunction'));
    assert.equal(companionsFor('connect:DescribeInstance'), undefined);
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

  it('lists Connect Regions the Region table knows', () => {
    for (const r of CONNECT_REGIONS) assert.ok(regionPartition(r), r);
  });
});
