// The cases of single rules (ranges, messages, fixes) are in test/unit/rules/grammar.cases.ts; what
// stays here checks more than one rule at a time (the family silent after a fix, safe flags, seeds).
import { describe, it } from 'node:test';
import * as assert from 'node:assert/strict';
import { findingsOf, policy } from '../helpers';
import { fixAndRelint, grammarSilent, only, silent } from './grammarHelpers';

const LIST = { Effect: 'Allow', Action: 's3:ListAllMyBuckets', Resource: '*' };
const withCondition = (condition: unknown, extra: object = {}) => policy({ ...LIST, ...extra, Condition: condition });

describe('grammar: valid conditions get no grammar finding', () => {
  it('every operator family with values of its type, variables in values and IfExists forms', () => grammarSilent(withCondition({
    StringEqualsIfExists: { 'aws:PrincipalTag/team': '${aws:username}' },
    StringLike: { 's3:prefix': ['home/${aws:username}/*', ''] },
    ArnLike: { 'aws:SourceArn': 'arn:aws:connect:us-east-1:111122223333:instance/*' },
    NumericLessThan: { 'aws:MultiFactorAuthAge': ['3600', 7200, '1.5'] },
    DateGreaterThan: { 'aws:CurrentTime': ['2026-01-01T00:00:00Z', '2026-01-01', '1767225600', 1767225600, '20260101T000000Z', '2026-1-1'] },
    Bool: { 'aws:SecureTransport': ['true', 'TRUE', true] },
    IpAddress: { 'aws:SourceIp': ['203.0.113.0/24', '198.51.100.7', '2001:db8::/32'] },
    NotIpAddressIfExists: { 'aws:VpcSourceIp': '10.0.0.0/8' },
    Null: { 'aws:TokenIssueTime': 'true' },
    'ForAllValues:StringEquals': { 'aws:TagKeys': ['team', 'project'] },
    'ForAnyValue:StringLikeIfExists': { 'aws:PrincipalServiceNamesList': 'connect.*' },
  })));
});

describe('condition-unknown-operator and condition-null-if-exists', () => {
  it('reports a misspelt operator with a fix to the nearest', () => {
    const text = withCondition({ StringEqual: { 'aws:SourceAccount': '111122223333' } });
    const f = only(text, 'condition-unknown-operator', '"StringEqual"');
    assert.match(fixAndRelint(text, f), /"StringEquals"/);
  });
  it('reports a misspelt set prefix', () => {
    const text = withCondition({ 'ForAllValue:StringEquals': { 'aws:TagKeys': 'team' } });
    assert.match(fixAndRelint(text, only(text, 'condition-unknown-operator', '"ForAllValue:StringEquals"')), /"ForAllValues:StringEquals"/);
  });
  it('reports NullIfExists under its own rule only, with a fix to Null', () => {
    const text = withCondition({ NullIfExists: { 'aws:TokenIssueTime': 'true' } });
    silent(text, 'condition-unknown-operator');
    grammarSilent(fixAndRelint(text, only(text, 'condition-null-if-exists', '"NullIfExists"')));
  });
  it('stay silent on known operators', () => {
    const text = withCondition({ 'ForAnyValue:StringNotEqualsIgnoreCaseIfExists': { 'aws:TagKeys': 'x' }, Null: { 'aws:TagKeys': 'false' } });
    silent(text, 'condition-unknown-operator');
    silent(text, 'condition-null-if-exists');
  });
});

describe('set operators on single-valued keys', () => {
  it('for-all-values-single-valued-key warns on the key and fixes the operator', () => {
    const text = withCondition({ 'ForAllValues:StringEquals': { 'aws:SourceAccount': '111122223333' } });
    const f = only(text, 'for-all-values-single-valued-key', '"aws:SourceAccount"');
    assert.equal(f.severity, 'warning');
    assert.match(fixAndRelint(text, f), /"StringEquals": \{/);
  });
  it('offers no fix when the operator also holds other keys', () => {
    const text = withCondition({ 'ForAllValues:StringEquals': { 'aws:SourceAccount': '111122223333', 'aws:TagKeys': 'team' } });
    assert.equal(only(text, 'for-all-values-single-valued-key', '"aws:SourceAccount"').fixes, undefined);
  });
  it('for-any-value-single-valued-key is a suggestion', () => {
    const text = withCondition({ 'ForAnyValue:StringEquals': { 'aws:SourceAccount': '111122223333' } });
    const f = only(text, 'for-any-value-single-valued-key', '"aws:SourceAccount"');
    assert.equal(f.severity, 'information');
    grammarSilent(fixAndRelint(text, f));
    silent(text, 'for-all-values-single-valued-key');
  });
  it('stay silent on multivalued keys and unknown keys', () => {
    const text = withCondition({ 'ForAllValues:StringEquals': { 'aws:TagKeys': 'team', 'madeup:Key': 'x' }, 'ForAnyValue:StringLike': { 'aws:TagKeys': 't*' } });
    silent(text, 'for-all-values-single-valued-key');
    silent(text, 'for-any-value-single-valued-key');
  });
});

describe('policy-variable-not-allowed', () => {
  it('reports a variable in a Principal', () => {
    only(policy({ Effect: 'Allow', Principal: { AWS: 'arn:aws:iam::${aws:PrincipalAccount}:root' }, Action: 's3:GetObject', Resource: 'arn:aws:s3:::b/*' }), 'policy-variable-not-allowed', '${aws:PrincipalAccount}');
  });
  it('reports a variable in the Sid of a resource policy (identity policies: sid-invalid-characters)', () => {
    const stmt = { Sid: 'For ${aws:username}', Effect: 'Allow', Principal: '*', Action: 's3:GetObject', Resource: 'arn:aws:s3:::b/*' };
    only(policy(stmt), 'policy-variable-not-allowed', '${aws:username}');
    const identity = policy({ ...LIST, Sid: 'For${aws:username}' });
    silent(identity, 'policy-variable-not-allowed');
    assert.equal(findingsOf(identity, 'sid-invalid-characters').length, 1);
  });
  it('stays silent on variables in Resource and Condition', () => {
    silent(withCondition({ StringEquals: { 'aws:PrincipalTag/owner': '${aws:username}' } }, { Resource: 'arn:aws:s3:::home/${aws:username}' }), 'policy-variable-not-allowed');
  });
});

