// The Amazon Connect service-linked role path, with the companion rule after its fix. The ARN path
// word, instance ID and Region rules are harness cases (test/unit/rules/connect.cases.ts).
import { describe, it } from 'node:test';
import * as assert from 'node:assert/strict';
import { findingsOf, policy, rangeText } from '../helpers';
import { ACCOUNT, allow, BUCKET, fixed, INSTANCE, only, ROLE, storageStatement } from './connectHelpers';

describe('connect-service-role-path', () => {
  const withRole = (role: string) => policy(storageStatement('CALL_RECORDINGS'), allow(['iam:PutRolePolicy', 's3:GetBucketAcl', 's3:GetBucketLocation'], [role, BUCKET]));
  const wrong = [
    `arn:aws:iam::${ACCOUNT}:role/service-role/*`,
    `arn:aws:iam::${ACCOUNT}:role/aws-service-role/connect.amazon.com/*`,
    `arn:aws:iam::${ACCOUNT}:role/aws-service-role/Connect.amazonaws.com/*`,
  ];
  for (const role of wrong) {
    it(`warns on ${role} and scopes it to the Connect role`, () => {
      const text = withRole(role);
      const f = only(text, 'connect-service-role-path');
      assert.equal(f.severity, 'warning');
      assert.equal(rangeText(text, f), JSON.stringify(role));
      const after = fixed(text, f);
      assert.deepEqual(findingsOf(after, 'connect-service-role-path'), []);
      assert.deepEqual(findingsOf(after, 'connect-permissions-missing'), []);
      assert.ok(after.includes(JSON.stringify(ROLE)));
    });
  }

  it('stays silent on the Connect role, on all roles (the security rule) and when the Connect role is granted too', () => {
    assert.deepEqual(findingsOf(withRole(ROLE), 'connect-service-role-path'), []);
    assert.deepEqual(findingsOf(withRole(`arn:aws:iam::${ACCOUNT}:role/*`), 'connect-service-role-path'), []);
    const both = policy(storageStatement('CALL_RECORDINGS'), allow(['iam:PutRolePolicy', 's3:GetBucketAcl', 's3:GetBucketLocation'], [ROLE, `arn:aws:iam::${ACCOUNT}:role/service-role/app`, BUCKET]));
    assert.deepEqual(findingsOf(both, 'connect-service-role-path'), []);
  });

  it('stays silent when no Connect action needs the role', () => {
    const text = policy(allow('connect:AssociateLambdaFunction', INSTANCE), allow('iam:PutRolePolicy', `arn:aws:iam::${ACCOUNT}:role/service-role/*`));
    assert.deepEqual(findingsOf(text, 'connect-service-role-path'), []);
  });
});
