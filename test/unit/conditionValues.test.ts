// Condition values that cannot do what they say: both Boolean values, wildcards under an exact
// operator, multivalued keys without a set qualifier, private ranges in aws:SourceIp, non-ARN
// values under Arn operators, an unquoted variable default, and a Deny on MFA with plain Bool.
import { describe, it } from 'node:test';
import * as assert from 'node:assert/strict';
import { findingsOf, policy, rangeText } from '../helpers';
import { fixAndRelint, only, silent } from './grammarHelpers';

const stmt = (condition: object, extra: object = {}) =>
  policy({ Effect: 'Allow', Action: 's3:GetObject', Resource: 'arn:aws:s3:::recordings/*', Condition: condition, ...extra });

describe('condition-multiple-boolean-values', () => {
  it('reports a Bool key given both true and false, on the key', () => {
    const text = stmt({ Bool: { 'aws:SecureTransport': ['true', 'false'] } });
    const f = only(text, 'condition-multiple-boolean-values', '"aws:SecureTransport"');
    assert.equal(f.severity, 'warning');
    assert.match(f.message, /^aws:SecureTransport is compared with both true and false/);
  });

  it('stays silent on one value, repeated values and set operators', () => {
    silent(stmt({ Bool: { 'aws:SecureTransport': ['true', 'TRUE'] }, Null: { 'aws:TokenIssueTime': 'false' } }), 'condition-multiple-boolean-values');
  });
});

describe('condition-wildcard-without-like', () => {
  it('reports a wildcard under StringEquals on the value, and the fix makes it StringLike', () => {
    const text = stmt({ StringEquals: { 's3:prefix': ['home/', 'home/*'] } }, { Action: 's3:ListBucket', Resource: 'arn:aws:s3:::recordings' });
    const f = only(text, 'condition-wildcard-without-like', '"home/*"');
    assert.equal(f.severity, 'warning');
    const fixed = fixAndRelint(text, f);
    assert.deepEqual(Object.keys(JSON.parse(fixed).Statement[0].Condition), ['StringLike']);
  });

  it('keeps the set prefix and IfExists when renaming', () => {
    const text = stmt({ 'ForAnyValue:StringNotEqualsIfExists': { 'aws:TagKeys': 'team-?' } });
    const fixed = fixAndRelint(text, only(text, 'condition-wildcard-without-like', '"team-?"'));
    assert.deepEqual(Object.keys(JSON.parse(fixed).Statement[0].Condition), ['ForAnyValue:StringNotLikeIfExists']);
  });

  it('offers no rename when other keys share the operator or StringLike is already there', () => {
    const shared = stmt({ StringEquals: { 'aws:PrincipalTag/team': 'a*', 'aws:SourceAccount': '111122223333' } });
    assert.equal(only(shared, 'condition-wildcard-without-like', '"a*"').fixes, undefined);
    const taken = stmt({ StringEquals: { 'aws:PrincipalTag/team': 'a*' }, StringLike: { 'aws:PrincipalTag/x': 'b*' } });
    assert.equal(only(taken, 'condition-wildcard-without-like', '"a*"').fixes, undefined);
  });

  it('stays silent on StringLike, ArnEquals (which matches wildcards), ${*} and the Connect storage key', () => {
    silent(stmt({
      StringLike: { 's3:prefix': 'home/*' }, ArnEquals: { 'aws:SourceArn': 'arn:aws:connect:*:111122223333:instance/*' },
      StringEqualsIgnoreCase: { 'aws:PrincipalTag/note': 'literal ${*} star' },
    }), 'condition-wildcard-without-like');
    silent(stmt({ StringEquals: { 'connect:StorageResourceType': 'CALL_*' } }), 'condition-wildcard-without-like');
  });
});

describe('condition-missing-set-qualifier', () => {
  it('reports a multivalued key under a plain operator, on the key, and the fix adds ForAnyValue:', () => {
    const text = stmt({ StringEquals: { 'aws:TagKeys': 'team' } });
    const f = only(text, 'condition-missing-set-qualifier', '"aws:TagKeys"');
    assert.equal(f.severity, 'warning');
    const fixed = fixAndRelint(text, f);
    assert.deepEqual(Object.keys(JSON.parse(fixed).Statement[0].Condition), ['ForAnyValue:StringEquals']);
  });

  it('stays silent with a set qualifier, with Null, and on single-valued keys', () => {
    silent(stmt({ 'ForAllValues:StringEquals': { 'aws:TagKeys': 'team' }, Null: { 'aws:TagKeys': 'false' }, StringEquals: { 'aws:SourceAccount': '111122223333' } }), 'condition-missing-set-qualifier');
  });
});

describe('condition-private-source-ip', () => {
  it('reports private ranges in aws:SourceIp, on the value', () => {
    const text = stmt({ IpAddress: { 'aws:SourceIp': ['203.0.113.0/24', '10.0.0.0/16'] }, NotIpAddress: { 'aws:SourceIp': 'fd00::/8' } });
    const found = findingsOf(text, 'condition-private-source-ip');
    assert.deepEqual(found.map((f) => rangeText(text, f)), ['"10.0.0.0/16"', '"fd00::/8"']);
    assert.match(found[0].message, /aws:VpcSourceIp/);
  });

  it('stays silent on public ranges and on aws:VpcSourceIp', () => {
    silent(stmt({ IpAddress: { 'aws:SourceIp': ['203.0.113.0/24', '172.32.0.0/16', '2001:db8::/32'], 'aws:VpcSourceIp': '10.0.0.0/16' } }), 'condition-private-source-ip');
  });
});

describe('condition-invalid-value under Arn operators', () => {
  it('reports a value that is no ARN, such as a placeholder, as an error', () => {
    const text = stmt({ ArnLike: { 'aws:SourceArn': ['arn:aws:connect:us-east-1:111122223333:instance/*', 'YOUR_CONNECT_INSTANCE_ARN'] } });
    const f = only(text, 'condition-invalid-value', '"YOUR_CONNECT_INSTANCE_ARN"');
    assert.equal(f.severity, 'error');
    silent(text, 'placeholder-value');
  });

  it('stays silent on ARNs, wildcard patterns and variables', () => {
    silent(stmt({ ArnEquals: { 'aws:SourceArn': ['*', 'arn:aws:s3:::b', 'arn*', '${aws:PrincipalArn}'] } }), 'condition-invalid-value');
  });
});

describe('policy-variable-syntax: missing quote', () => {
  it('reports a default value without single quotes and the fix quotes it', () => {
    const text = stmt({}, { Resource: 'arn:aws:s3:::recordings/${aws:username, none}/*', Condition: undefined });
    const f = only(text, 'policy-variable-syntax', '${aws:username, none}');
    assert.equal(f.severity, 'error');
    const fixed = fixAndRelint(text, f);
    assert.match(fixed, /\$\{aws:username, 'none'\}/);
  });

  it('stays silent on a quoted default value', () => {
    silent(stmt({}, { Resource: "arn:aws:s3:::recordings/${aws:username, 'none'}/*", Condition: undefined }), 'policy-variable-syntax');
  });
});

describe('deny-mfa-bool-without-if-exists', () => {
  const deny = (condition: object) => policy({ Effect: 'Deny', Action: 'connect:*', Resource: '*', Condition: condition });

  it('reports Bool on aws:MultiFactorAuthPresent "false" in a Deny, on the operator; the fix makes it BoolIfExists', () => {
    const text = deny({ Bool: { 'aws:MultiFactorAuthPresent': 'false' } });
    const f = only(text, 'deny-mfa-bool-without-if-exists', '"Bool"');
    assert.equal(f.severity, 'warning');
    const fixed = fixAndRelint(text, f);
    assert.deepEqual(JSON.parse(fixed).Statement[0].Condition, { BoolIfExists: { 'aws:MultiFactorAuthPresent': 'false' } });
  });

  it('stays silent on BoolIfExists, on "true" and in an Allow', () => {
    silent(deny({ BoolIfExists: { 'aws:MultiFactorAuthPresent': 'false' } }), 'deny-mfa-bool-without-if-exists');
    silent(deny({ Bool: { 'aws:MultiFactorAuthPresent': 'true' } }), 'deny-mfa-bool-without-if-exists');
    silent(stmt({ Bool: { 'aws:MultiFactorAuthPresent': 'false' } }), 'deny-mfa-bool-without-if-exists');
  });
});

describe('one finding for a placeholder condition value', () => {
  it('a template placeholder under IpAddress is placeholder-value only', () => {
    const text = stmt({ NotIpAddressIfExists: { 'aws:SourceIp': '<my-corporate-cidr>' } });
    silent(text, 'condition-invalid-value');
    only(text, 'placeholder-value', '<my-corporate-cidr>');
  });
});
