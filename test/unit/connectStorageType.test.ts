// Enumerated Connect keys (connect:StorageResourceType, connect:AttributeType): their values, the
// actions they cannot apply to, and storage-config statements without the storage type.
import { describe, it } from 'node:test';
import * as assert from 'node:assert/strict';
import { findingsOf, policy, rangeText } from '../helpers';
import { allow, BUCKET, fixed, INSTANCE, only, ROLE, STORAGE_ACTIONS, storageStatement } from './connectHelpers';

/** A storage statement for `types` with the S3 companions, so only the value rules speak. */
const withS3 = (types: string | string[], operator = 'StringEquals') =>
  policy(storageStatement(types, operator), allow(['iam:PutRolePolicy', 's3:GetBucketAcl', 's3:GetBucketLocation'], [ROLE, BUCKET]));

describe('connect-condition-value-unknown', () => {
  it('reports a value in the wrong case with a safe case fix', () => {
    const text = withS3('call_recordings');
    const f = only(text, 'connect-condition-value-unknown');
    assert.equal(f.severity, 'error');
    assert.equal(rangeText(text, f), '"call_recordings"');
    assert.equal(f.fixes?.[0].safe, true);
    const after = fixed(text, f);
    assert.deepEqual(findingsOf(after, 'connect-condition-value-unknown'), []);
    assert.equal(JSON.parse(after).Statement[0].Condition.StringEquals['connect:StorageResourceType'], 'CALL_RECORDINGS');
  });

  it('reports an unknown value with the closest type as preferred fix', () => {
    const text = withS3(['CALL_RECORDINGS', 'CALL_RECORDING']);
    const f = only(text, 'connect-condition-value-unknown');
    assert.equal(rangeText(text, f), '"CALL_RECORDING"');
    assert.match(f.message, /Did you mean CALL_RECORDINGS\?/);
    assert.doesNotMatch(f.message, /`/);
    assert.deepEqual(findingsOf(fixed(text, f), 'connect-condition-value-unknown'), []);
  });

  it('reports a StringLike pattern that matches no type', () => {
    const text = withS3('RECORDING*', 'StringLike');
    assert.equal(rangeText(text, only(text, 'connect-condition-value-unknown')), '"RECORDING*"');
  });

  it('stays silent on known values, matching patterns, IgnoreCase and variables', () => {
    for (const text of [
      withS3('CALL_RECORDINGS'),
      withS3('*_RECORDINGS', 'StringLike'),
      withS3('call_recordings', 'StringEqualsIgnoreCase'),
      withS3('${aws:PrincipalTag/storage}'),
    ]) assert.deepEqual(findingsOf(text, 'connect-condition-value-unknown'), []);
  });
});

describe('connect-condition-value-deprecated', () => {
  it('reports REAL_TIME_CONTACT_ANALYSIS_SEGMENTS and fixes it to the voice segments', () => {
    const text = withS3('REAL_TIME_CONTACT_ANALYSIS_SEGMENTS');
    const f = only(text, 'connect-condition-value-deprecated');
    assert.equal(f.severity, 'warning');
    assert.equal(rangeText(text, f), '"REAL_TIME_CONTACT_ANALYSIS_SEGMENTS"');
    assert.deepEqual(f.tags, ['deprecated']);
    const after = fixed(text, f);
    assert.deepEqual(findingsOf(after, 'connect-condition-value-deprecated'), []);
    assert.match(after, /"REAL_TIME_CONTACT_ANALYSIS_VOICE_SEGMENTS"/);
  });

  it('stays silent on the current values', () => {
    assert.deepEqual(findingsOf(withS3('REAL_TIME_CONTACT_ANALYSIS_VOICE_SEGMENTS'), 'connect-condition-value-deprecated'), []);
  });
});

describe('connect-condition-value-wildcard-literal', () => {
  it('reports a wildcard under StringEquals and fixes the operator to StringLike', () => {
    const text = withS3('CALL_*');
    const f = only(text, 'connect-condition-value-wildcard-literal');
    assert.equal(rangeText(text, f), '"CALL_*"');
    assert.match(f.message, /StringLike/);
    assert.deepEqual(findingsOf(text, 'connect-condition-value-unknown'), [], 'reported once, not also as unknown');
    const after = fixed(text, f);
    assert.deepEqual(findingsOf(after, 'connect-condition-value-wildcard-literal'), []);
    assert.deepEqual(findingsOf(after, 'connect-condition-value-unknown'), []);
    assert.ok(JSON.parse(after).Statement[0].Condition.StringLike);
  });

  it('keeps ForAnyValue and IfExists when changing the operator', () => {
    const text = withS3('CALL_*', 'ForAnyValue:StringEqualsIfExists');
    const after = fixed(text, only(text, 'connect-condition-value-wildcard-literal'));
    assert.ok(JSON.parse(after).Statement[0].Condition['ForAnyValue:StringLikeIfExists']);
  });

  it('stays silent on the same pattern under StringLike', () => {
    assert.deepEqual(findingsOf(withS3('CALL_*', 'StringLike'), 'connect-condition-value-wildcard-literal'), []);
  });
});

describe('connect-condition-key-unsupported-action', () => {
  const mixed = (operator = 'StringEquals', key = 'Action') => policy({
    Effect: 'Allow',
    [key]: [...STORAGE_ACTIONS, 'connect:ListInstanceStorageConfigs'],
    Resource: INSTANCE,
    Condition: { [operator]: { 'connect:StorageResourceType': 'CALL_RECORDINGS' } },
  });

  it('reports the action the key never applies to and moves it to its own statement', () => {
    const text = mixed();
    const f = only(text, 'connect-condition-key-unsupported-action');
    assert.equal(f.severity, 'warning');
    assert.equal(rangeText(text, f), '"connect:ListInstanceStorageConfigs"');
    const after = fixed(text, f);
    assert.deepEqual(findingsOf(after, 'connect-condition-key-unsupported-action'), []);
    const statements = JSON.parse(after).Statement;
    assert.deepEqual(statements[0].Action, STORAGE_ACTIONS);
    assert.deepEqual(statements[1], { Effect: 'Allow', Action: 'connect:ListInstanceStorageConfigs', Resource: INSTANCE });
  });

  it('stays silent with IfExists, with NotAction and when only supporting actions are named', () => {
    assert.deepEqual(findingsOf(mixed('StringEqualsIfExists'), 'connect-condition-key-unsupported-action'), []);
    assert.deepEqual(findingsOf(mixed('StringEquals', 'NotAction'), 'connect-condition-key-unsupported-action'), []);
    assert.deepEqual(findingsOf(withS3('CALL_RECORDINGS'), 'connect-condition-key-unsupported-action'), []);
  });
});

describe('connect-storage-type-unrestricted', () => {
  const open = (...rest: object[]) => policy(allow(STORAGE_ACTIONS, INSTANCE), ...rest);

  it('reports storage config allowed without the condition and adds one from the S3 permissions', () => {
    const text = open(allow(['iam:PutRolePolicy', 's3:GetBucketAcl', 's3:GetBucketLocation'], [ROLE, BUCKET]), allow('s3:ListAllMyBuckets', '*'));
    const f = only(text, 'connect-storage-type-unrestricted');
    assert.equal(f.severity, 'information');
    assert.equal(rangeText(text, f), '"connect:UpdateInstanceStorageConfig"');
    const after = fixed(text, f);
    assert.deepEqual(findingsOf(after, 'connect-storage-type-unrestricted'), []);
    assert.deepEqual(JSON.parse(after).Statement[0].Condition, { StringEquals: { 'connect:StorageResourceType': 'CALL_RECORDINGS' } });
    assert.deepEqual(findingsOf(after, 'connect-permissions-missing'), [], 'the condition fits the permissions granted');
  });

  it('merges the condition into an existing Condition block', () => {
    const text = policy({ ...allow(STORAGE_ACTIONS, INSTANCE), Condition: { Bool: { 'aws:SecureTransport': 'true' } } });
    const after = fixed(text, only(text, 'connect-storage-type-unrestricted'));
    const cond = JSON.parse(after).Statement[0].Condition;
    assert.equal(cond.Bool['aws:SecureTransport'], 'true');
    assert.equal(cond.StringEquals['connect:StorageResourceType'], 'CALL_RECORDINGS');
  });

  it('adds the condition to a statement written on one line', () => {
    const text = `{"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": "connect:AssociateInstanceStorageConfig", "Resource": "${INSTANCE}"}]}`;
    const after = fixed(text, only(text, 'connect-storage-type-unrestricted'));
    assert.ok(!after.includes('\n'), 'stays on one line');
    assert.deepEqual(findingsOf(after, 'connect-storage-type-unrestricted'), []);
  });

  it('offers no fix when the condition would cut off other actions of the statement', () => {
    const text = policy(allow([...STORAGE_ACTIONS, 'connect:DescribeInstance'], INSTANCE));
    assert.equal(only(text, 'connect-storage-type-unrestricted').fixes, undefined);
  });

  it('stays silent when the condition is there, and on Deny', () => {
    assert.deepEqual(findingsOf(withS3('CALL_RECORDINGS'), 'connect-storage-type-unrestricted'), []);
    assert.deepEqual(findingsOf(policy({ Effect: 'Deny', Action: STORAGE_ACTIONS, Resource: INSTANCE }), 'connect-storage-type-unrestricted'), []);
  });
});

describe('connect:AttributeType values', () => {
  const attribute = (value: string | string[], action = 'connect:UpdateInstanceAttribute', operator = 'StringEquals') =>
    policy({ Effect: 'Allow', Action: action, Resource: INSTANCE, Condition: { [operator]: { 'connect:AttributeType': value } } },
      allow('logs:CreateLogGroup', 'arn:aws:logs:us-east-1:111122223333:log-group:/aws/connect/*'));

  it('reports a value in the wrong case and fixes the case', () => {
    const text = attribute('contactflow_logs');
    const f = only(text, 'connect-condition-value-unknown');
    assert.equal(f.severity, 'error');
    assert.equal(rangeText(text, f), '"contactflow_logs"');
    assert.match(f.message, /Write CONTACTFLOW_LOGS/);
    const after = fixed(text, f);
    assert.deepEqual(findingsOf(after, 'connect-condition-value-unknown'), []);
    assert.equal(JSON.parse(after).Statement[0].Condition.StringEquals['connect:AttributeType'], 'CONTACTFLOW_LOGS');
  });

  it('suggests the closest value of an unknown one', () => {
    const text = attribute('CONTACT_FLOW_LOGS');
    const f = only(text, 'connect-condition-value-unknown');
    assert.match(f.message, /is not an instance attribute type of Amazon Connect/);
    assert.equal(f.data?.suggestion, 'CONTACTFLOW_LOGS');
    assert.deepEqual(findingsOf(fixed(text, f), 'connect-condition-value-unknown'), []);
  });

  it('reports a wildcard under StringEquals, and stays silent on the 13 values and on StringLike', () => {
    assert.equal(rangeText(attribute('CONTACT*'), only(attribute('CONTACT*'), 'connect-condition-value-wildcard-literal')), '"CONTACT*"');
    for (const v of ['INBOUND_CALLS', 'OUTBOUND_CALLS', 'CONTACTFLOW_LOGS', 'CONTACT_LENS', 'AUTO_RESOLVE_BEST_VOICES', 'USE_CUSTOM_TTS_VOICES',
      'EARLY_MEDIA', 'MULTI_PARTY_CONFERENCE', 'HIGH_VOLUME_OUTBOUND', 'ENHANCED_CONTACT_MONITORING', 'ENHANCED_CHAT_MONITORING',
      'MULTI_PARTY_CHAT_CONFERENCE', 'MESSAGE_STREAMING']) {
      assert.deepEqual(findingsOf(attribute(v), 'connect-condition-value-unknown'), [], v);
    }
    assert.deepEqual(findingsOf(attribute('CONTACT*', 'connect:UpdateInstanceAttribute', 'StringLike'), 'connect-condition-value-wildcard-literal'), []);
  });

  it('reports an action that never carries connect:AttributeType next to one that does, and moves it', () => {
    const text = attribute('CONTACT_LENS', ['connect:UpdateInstanceAttribute', 'connect:ListInstanceAttributes'] as unknown as string);
    const f = only(text, 'connect-condition-key-unsupported-action');
    assert.equal(rangeText(text, f), '"connect:ListInstanceAttributes"');
    assert.match(f.message, /Only DescribeInstanceAttribute, UpdateInstanceAttribute do/);
    assert.deepEqual(findingsOf(fixed(text, f), 'connect-condition-key-unsupported-action'), []);
  });
});
