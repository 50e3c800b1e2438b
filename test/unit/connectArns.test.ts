// Amazon Connect ARNs (path words, instance IDs, Regions) and the service-linked role path.
import { describe, it } from 'node:test';
import * as assert from 'node:assert/strict';
import { findingsOf, policy, rangeText } from '../helpers';
import { ACCOUNT, allow, BUCKET, fixed, INSTANCE, only, ROLE, storageStatement } from './connectHelpers';

const ID = 'a1b2c3d4-5678-90ab-cdef-111122223333';
const describeArn = (arn: string) => policy(allow('connect:Describe*', arn));

describe('connect-arn-resource-word', () => {
  const cases: [string, string, string][] = [
    [`arn:aws:connect:us-east-1:${ACCOUNT}:instances/${ID}`, 'instances', 'instance'],
    [`${INSTANCE}/user/*`, 'user', 'agent'],
    [`${INSTANCE}/quick-connect/*`, 'quick-connect', 'transfer-destination'],
    [`${INSTANCE}/hours-of-operation/*`, 'hours-of-operation', 'operating-hours'],
    [`${INSTANCE}/agent-status/*`, 'agent-status', 'agent-state'],
    [`${INSTANCE}/queues/*`, 'queues', 'queue'],
  ];
  for (const [arn, word, fixedWord] of cases) {
    it(`reports \`${word}/\` and fixes it to \`${fixedWord}/\``, () => {
      const text = describeArn(arn);
      const f = only(text, 'connect-arn-resource-word');
      assert.equal(f.severity, 'error');
      assert.equal(rangeText(text, f), word);
      const after = fixed(text, f);
      assert.deepEqual(findingsOf(after, 'connect-arn-resource-word'), []);
      assert.equal(JSON.parse(after).Statement[0].Resource, arn.replace(`${word}/`, `${fixedWord}/`));
    });
  }

  it('stays silent on the words Connect uses, wildcards and other services', () => {
    const text = policy(allow('connect:Describe*', [
      `${INSTANCE}/agent/*`, `${INSTANCE}/routing-profile/*`, `${INSTANCE}/contact-flow/*`, `${INSTANCE}/*`,
      `arn:aws:connect:us-east-1:${ACCOUNT}:phone-number/*`, `arn:aws:connect:us-east-1:${ACCOUNT}:instance/*/queue/*`,
    ]));
    assert.deepEqual(findingsOf(text, 'connect-arn-resource-word'), []);
  });

  it('accepts user/ for connect:GetFederationToken, as the Connect admin guide\'s SAML set-up writes it, and only there', () => {
    const saml = policy(allow('connect:GetFederationToken', `${INSTANCE}/user/\${aws:userid}`));
    assert.deepEqual(findingsOf(saml, 'connect-arn-resource-word'), []);
    const other = policy(allow('connect:DescribeUser', `${INSTANCE}/user/\${aws:userid}`));
    assert.equal(rangeText(other, only(other, 'connect-arn-resource-word')), 'user');
  });

  it('accepts policy variables in every segment, slashes inside them included', () => {
    const arns = [
      `${INSTANCE}/agent/\${aws:userid}`,
      `arn:aws:connect:us-east-1:${ACCOUNT}:instance/\${aws:PrincipalTag/connect-instance}/agent/\${aws:username}`,
      `arn:aws:connect:us-east-1:${ACCOUNT}:instance/\${aws:PrincipalTag/connect-instance}/\${aws:PrincipalTag/resource-word}/*`,
      `arn:aws:connect:\${aws:RequestedRegion}:\${aws:PrincipalAccount}:instance/${ID}/queue/*`,
      `arn:aws:connect:us-east-1:${ACCOUNT}:\${aws:PrincipalTag/path}`,
    ];
    const text = policy(allow('connect:Describe*', arns));
    for (const rule of ['connect-arn-resource-word', 'connect-instance-id-format', 'connect-region-unavailable']) {
      assert.deepEqual(findingsOf(text, rule).map((f) => f.message), [], rule);
    }
  });
});

describe('connect-instance-id-format', () => {
  it('notes an instance ID that is not a UUID', () => {
    const text = describeArn(`arn:aws:connect:us-east-1:${ACCOUNT}:instance/my-call-centre`);
    const f = only(text, 'connect-instance-id-format');
    assert.equal(f.severity, 'information');
    assert.equal(rangeText(text, f), 'my-call-centre');
  });

  it('stays silent on UUIDs, wildcards, variables and placeholders', () => {
    for (const id of [ID, '*', '${aws:PrincipalTag/instance}', 'instance-id']) {
      assert.deepEqual(findingsOf(describeArn(`arn:aws:connect:us-east-1:${ACCOUNT}:instance/${id}`), 'connect-instance-id-format'), []);
    }
  });
});

describe('connect-region-unavailable', () => {
  it('warns on a Region where Amazon Connect does not run', () => {
    const text = describeArn(INSTANCE.replace('us-east-1', 'eu-west-1'));
    const f = only(text, 'connect-region-unavailable');
    assert.equal(f.severity, 'warning');
    assert.equal(rangeText(text, f), 'eu-west-1');
  });

  it('warns once on the aws-cn partition', () => {
    const text = describeArn(`arn:aws-cn:connect:cn-north-1:${ACCOUNT}:instance/${ID}`);
    assert.equal(rangeText(text, only(text, 'connect-region-unavailable')), 'aws-cn');
  });

  it('stays silent on Connect Regions, wildcards, GovCloud and the Global Resiliency replica Region (Osaka)', () => {
    for (const arn of [INSTANCE, INSTANCE.replace('us-east-1', '*'), `arn:aws-us-gov:connect:us-gov-west-1:${ACCOUNT}:instance/${ID}`,
      INSTANCE.replace('us-east-1', 'ap-northeast-3')]) {
      assert.deepEqual(findingsOf(describeArn(arn), 'connect-region-unavailable'), []);
    }
  });
});

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
