// Principals: a policy whose statements disagree on having one, and principal values IAM rejects.
import { describe, it } from 'node:test';
import * as assert from 'node:assert/strict';
import { findingsOf, policy, rangeText } from '../helpers';
import { fixAndRelint, only, silent } from './grammarHelpers';

const withPrincipal = (principal: object) => ({ Effect: 'Allow', Principal: principal, Action: 's3:PutObject', Resource: 'arn:aws:s3:::recordings/*' });
const without = { Effect: 'Allow', Action: 's3:GetObject', Resource: 'arn:aws:s3:::recordings/*' };

describe('principal-mixed', () => {
  it('reports the statements without a principal when most have one, on their Effect key', () => {
    const p = withPrincipal({ Service: 'connect.amazonaws.com' });
    const text = policy(p, p, without);
    const f = only(text, 'principal-mixed', '"Effect"');
    assert.equal(f.severity, 'error');
    assert.ok(f.range.start > text.lastIndexOf('"Principal"'), 'on the third statement');
    assert.equal(rangeText(text, { ...f, range: f.related![0].range }), '"Principal"');
  });

  it('reports the Principal keys when most statements have none', () => {
    const text = policy(without, without, withPrincipal({ AWS: '210987654321' }));
    const f = only(text, 'principal-mixed', '"Principal"');
    assert.match(f.message, /^This statement has a Principal, but the other statements have none/);
  });

  it('stays silent when every statement or none has a principal', () => {
    silent(policy(without, without), 'principal-mixed');
    silent(policy(withPrincipal({ AWS: '*' }), withPrincipal({ Service: 'connect.amazonaws.com' })), 'principal-mixed');
  });
});

describe('principal-value-invalid', () => {
  const one = (principal: object) => policy(withPrincipal(principal));

  it('reports placeholders as errors, on the value', () => {
    for (const [principal, expected] of [
      [{ AWS: 'your_user_or_role_ARN' }, '"your_user_or_role_ARN"'],
      [{ AWS: 'ACCOUNT-B-ID' }, '"ACCOUNT-B-ID"'],
      [{ AWS: 'arn:aws:iam::ACCOUNT-B-ID:root' }, '"arn:aws:iam::ACCOUNT-B-ID:root"'],
      [{ AWS: 'arn:aws:iam::210987654321:role/<role-name>' }, '"arn:aws:iam::210987654321:role/<role-name>"'],
    ] as const) {
      const text = one(principal);
      const f = only(text, 'principal-value-invalid', expected);
      assert.equal(f.severity, 'error');
      silent(text, 'placeholder-value');
      silent(text, 'arn-invalid-account');
    }
  });

  it('removes spaces around a principal', () => {
    const text = one({ AWS: ' arn:aws:iam::210987654321:root' });
    const f = only(text, 'principal-value-invalid', '" arn:aws:iam::210987654321:root"');
    assert.match(fixAndRelint(text, f), /"AWS": "arn:aws:iam::210987654321:root"/);
  });

  it('reports a malformed service principal and fixes it to the .amazonaws.com form', () => {
    const text = one({ Service: 'lambda.amazon.com' });
    const f = only(text, 'principal-value-invalid', '"lambda.amazon.com"');
    assert.match(f.message, /^lambda\.amazon\.com is not a valid Service principal/);
    assert.match(fixAndRelint(text, f), /"Service": "lambda\.amazonaws\.com"/);
  });

  it('reports a bad canonical user ID and a federated value that is no provider', () => {
    const text = one({ CanonicalUser: 'abc', Federated: 'MyProvider' });
    assert.deepEqual(findingsOf(text, 'principal-value-invalid').map((f) => rangeText(text, f)), ['"abc"', '"MyProvider"']);
  });

  it('stays silent on valid principals of every type', () => {
    silent(one({
      AWS: ['*', '210987654321', 'arn:aws:iam::210987654321:role/connect', 'arn:aws:sts::210987654321:assumed-role/r/s', 'AROAEXAMPLEID1234567'],
      Service: ['connect.amazonaws.com', 'ec2.amazonaws.com.cn', 'states.us-east-1.amazonaws.com', 'alexa-appkit.amazon.com'],
      Federated: ['cognito-identity.amazonaws.com', 'arn:aws:iam::210987654321:saml-provider/corp', 'token.actions.githubusercontent.com'],
      CanonicalUser: '79a59df900b949e55d96a1e698fbacedfd6e09d98eacf8f8d5218e7cd47ef2be',
    }), 'principal-value-invalid');
  });
});

describe('principal-value-invalid leaves variables to policy-variable-not-allowed', () => {
  it('reports a variable in a principal once', () => {
    const text = policy(withPrincipal({ AWS: 'arn:aws:iam::210987654321:user/${aws:username}' }));
    silent(text, 'principal-value-invalid');
    assert.equal(findingsOf(text, 'policy-variable-not-allowed').length, 1);
  });
});

describe('principal-value-invalid: spaces around a value that is wrong anyway', () => {
  it('reports the other fault, once, and offers no fix that would leave it', () => {
    const text = policy({ Effect: 'Allow', Principal: { AWS: ' !' }, Action: 's3:GetObject', Resource: 'arn:aws:s3:::b/*' });
    const found = findingsOf(text, 'principal-value-invalid');
    assert.equal(found.length, 1);
    assert.ok(!found[0].fixes?.some((f) => f.title === 'Remove the spaces'));
  });
});
