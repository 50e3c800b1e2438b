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

describe('condition-invalid-structure', () => {
  it('reports a Condition that is not an object', () => void only(withCondition(['StringEquals']), 'condition-invalid-structure', '[\n        "StringEquals"\n      ]'));
  it('reports an operator whose value is not an object', () => void only(withCondition({ Bool: 'true' }), 'condition-invalid-structure', '"true"'));
  it('reports a value that is an object or null', () => {
    only(withCondition({ StringEquals: { 'aws:SourceAccount': { a: 1 } } }), 'condition-invalid-structure', '{\n            "a": 1\n          }');
    only(withCondition({ StringEquals: { 'aws:SourceAccount': ['1', null] } }), 'condition-invalid-structure', 'null');
  });
  it('stays silent on operator → key → values', () => silent(withCondition({ StringEquals: { 'aws:SourceAccount': ['111122223333'] } }), 'condition-invalid-structure'));
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

describe('condition-invalid-value', () => {
  const cases: [string, string, unknown, string][] = [
    ['NumericLessThan', 'aws:MultiFactorAuthAge', 'one hour', '"one hour"'],
    ['DateGreaterThan', 'aws:CurrentTime', '2026-13-01', '"2026-13-01"'],
    ['DateLessThan', 'aws:CurrentTime', 'tomorrow', '"tomorrow"'],
    ['Bool', 'aws:SecureTransport', 'yes', '"yes"'],
    ['IpAddress', 'aws:SourceIp', '203.0.113.0/33', '"203.0.113.0/33"'],
    ['NotIpAddress', 'aws:SourceIp', '203.0.113', '"203.0.113"'],
    ['Null', 'aws:TokenIssueTime', 1, '1'],
  ];
  for (const [op, key, value, token] of cases) {
    it(`reports ${token} under ${op} on the value`, () => {
      const f = only(withCondition({ [op]: { [key]: value } }), 'condition-invalid-value', token);
      assert.match(f.message, new RegExp(op));
    });
  }
  it('leaves values with a policy variable alone', () => silent(withCondition({ NumericLessThan: { 'aws:MultiFactorAuthAge': '${aws:MultiFactorAuthAge}' } }), 'condition-invalid-value'));
  it('stays silent on string operators with any value', () => silent(withCondition({ StringEquals: { 'aws:SourceAccount': 111122223333 } }), 'condition-invalid-value'));
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

describe('policy-variable-syntax', () => {
  const res = (r: string) => policy({ ...LIST, Action: 's3:GetObject', Resource: r });
  it('reports an unclosed variable to the end of the string', () => void only(res('arn:aws:s3:::home/${aws:username'), 'policy-variable-syntax', '${aws:username'));
  it('reports an empty variable', () => void only(res('arn:aws:s3:::home/${}/*'), 'policy-variable-syntax', '${}'));
  it('reports spaces in the name and removes them', () => {
    const text = res('arn:aws:s3:::home/${ aws:username }/*');
    const f = only(text, 'policy-variable-syntax', '${ aws:username }');
    assert.match(fixAndRelint(text, f), /home\/\$\{aws:username\}\/\*/);
  });
  it('checks condition keys and values too', () => {
    only(withCondition({ StringLike: { 's3:prefix': 'home/${aws:username/' } }), 'policy-variable-syntax', '${aws:username/');
  });
  it('stays silent on well-formed variables, defaults included', () => {
    silent(res("arn:aws:s3:::home/${aws:PrincipalTag/team, 'shared'}/${aws:username}/${*}"), 'policy-variable-syntax');
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

describe('policy variables outside the 2012-10-17 language', () => {
  it('are literal text there, so their syntax is not judged', () => {
    const text = policy({ ...LIST, Action: 's3:GetObject', Resource: 'arn:aws:s3:::home/${ aws:username }/*' }).replace('2012-10-17', '2008-10-17');
    silent(text, 'policy-variable-syntax');
  });
});
