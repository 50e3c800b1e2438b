// The role-escalation rule's fixes and the security family on the seed and on resource policies.
// The Allow-with-Not* and administrator-access cases are in test/unit/rules/security.cases.ts.
import { describe, it } from 'node:test';
import * as assert from 'node:assert/strict';
import { applyFix, findingsOf, lint, policy, rangeText, seedReal, seedVerbatim } from '../helpers';
import { Finding } from '../../server/src/engine';
import { securityRules } from '../../server/src/engine/rules/security';

const ESC = 'iam-role-privilege-escalation';

function only(text: string, ruleId: string): Finding {
  const found = findingsOf(text, ruleId);
  assert.equal(found.length, 1, `expected one ${ruleId}, got ${found.map((f) => rangeText(text, f)).join(' | ')}`);
  return found[0];
}

function fixAndRelint(text: string, f: Finding): string {
  const fixed = applyFix(text, f);
  assert.doesNotThrow(() => JSON.parse(fixed));
  assert.deepEqual(findingsOf(fixed, f.ruleId).map((x) => x.message), []);
  return fixed;
}

const silent = (text: string, ruleId: string) => assert.deepEqual(findingsOf(text, ruleId).map((f) => f.message), []);

/** A statement that makes the document one for Amazon Connect. */
const connectStatement = {
  Effect: 'Allow',
  Action: ['connect:AssociateInstanceStorageConfig'],
  Resource: 'arn:aws:connect:us-east-1:210987654321:instance/a1b2c3d4-5678-90ab-cdef-210987654321',
};

describe(ESC, () => {
  it('reports iam:PassRole on "*" on the action', () => {
    const text = policy({ Effect: 'Allow', Action: ['ec2:RunInstances', 'iam:PassRole'], Resource: '*' });
    const f = only(text, ESC);
    assert.equal(rangeText(text, f), '"iam:PassRole"');
    assert.equal(f.severity, 'warning');
  });

  it('reports a wildcard that covers a role action, such as iam:Put*', () => {
    const text = policy({ Effect: 'Allow', Action: 'iam:Put*', Resource: '*' });
    const f = only(text, ESC);
    assert.equal(rangeText(text, f), '"iam:Put*"');
    assert.match(f.message, /iam:PutRolePolicy/);
    assert.doesNotMatch(f.message, /iam:PassRole/);
  });

  it('reports a wildcard action on role/* on the resource, naming every role action it grants', () => {
    const text = policy({ Effect: 'Allow', Action: 'iam:*', Resource: 'arn:aws:iam::210987654321:role/*' });
    const f = only(text, ESC);
    assert.equal(rangeText(text, f), '"arn:aws:iam::210987654321:role/*"');
    for (const a of ['iam:PassRole', 'iam:PutRolePolicy', 'iam:AttachRolePolicy']) assert.ok(f.message.includes(a), a);
    assert.equal(f.fixes, undefined); // PassRole on the Connect role would make no sense
  });

  it('scopes PutRolePolicy on role/* to the Connect service-linked role when the policy is for Connect', () => {
    const text = policy(connectStatement, { Effect: 'Allow', Action: ['iam:PutRolePolicy', 'iam:AttachRolePolicy'], Resource: 'arn:aws:iam::210987654321:role/*' });
    const f = only(text, ESC);
    const fixed = fixAndRelint(text, f);
    assert.match(fixed, /"arn:aws:iam::210987654321:role\/aws-service-role\/connect\.amazonaws\.com\/\*"/);
  });

  it('scopes a statement of role actions on "*" in place, with the account of the policy', () => {
    const text = policy(connectStatement, { Effect: 'Allow', Action: 'iam:PutRolePolicy', Resource: '*' });
    const f = only(text, ESC);
    assert.equal(rangeText(text, f), '"iam:PutRolePolicy"');
    const fixed = fixAndRelint(text, f);
    assert.match(fixed, /"Resource": "arn:aws:iam::210987654321:role\/aws-service-role\/connect\.amazonaws\.com\/\*"/);
  });

  it('moves PutRolePolicy out of a statement whose "*" other actions need', () => {
    const text = policy(connectStatement, { Effect: 'Allow', Action: ['s3:ListAllMyBuckets', 'iam:PutRolePolicy'], Resource: '*' });
    const fixed = fixAndRelint(text, only(text, ESC));
    const doc = JSON.parse(fixed);
    assert.deepEqual(doc.Statement[1], { Effect: 'Allow', Action: ['s3:ListAllMyBuckets'], Resource: '*' });
    assert.deepEqual(doc.Statement[2], { Effect: 'Allow', Action: 'iam:PutRolePolicy', Resource: 'arn:aws:iam::210987654321:role/aws-service-role/connect.amazonaws.com/*' });
  });

  it('offers no move when the policy\'s Statement is a single object', () => {
    const text = JSON.stringify({ Version: '2012-10-17', Statement: { Effect: 'Allow', Action: ['connect:ListInstances', 'iam:PutRolePolicy'], Resource: '*' } }, null, 2);
    assert.equal(only(text, ESC).fixes, undefined);
  });

  it('uses the account-id placeholder in the fix only when the policy names no account', () => {
    const text = policy({ Effect: 'Allow', Action: 'connect:ListInstances', Resource: '*' }, { Effect: 'Allow', Action: 'iam:AttachRolePolicy', Resource: '*' });
    const fixed = fixAndRelint(text, only(text, ESC));
    assert.match(fixed, /arn:aws:iam::account-id:role\/aws-service-role\/connect\.amazonaws\.com\/\*/);
  });

  it('offers no Connect fix when the policy grants no Connect action', () => {
    const text = policy({ Effect: 'Allow', Action: 'iam:PutRolePolicy', Resource: '*' });
    assert.equal(only(text, ESC).fixes, undefined);
  });

  it('reports NotAction that leaves role actions open, on the NotAction key', () => {
    const text = policy({ Effect: 'Allow', NotAction: 's3:*', Resource: '*' });
    assert.equal(rangeText(text, only(text, ESC)), '"NotAction"');
  });

  it('reports a role action whose NotResource leaves roles open, on the action', () => {
    const text = policy({ Effect: 'Allow', Action: 'iam:PassRole', NotResource: 'arn:aws:iam::*:role/Admin' });
    assert.equal(rangeText(text, only(text, ESC)), '"iam:PassRole"');
    silent(policy({ Effect: 'Allow', Action: 'iam:PassRole', NotResource: 'arn:aws:iam::*:role/*' }), ESC);
  });

  it('stays silent on Deny, scoped roles, tag conditions, excluded actions and `*` on `*`', () => {
    const cases = [
      { Effect: 'Deny', Action: 'iam:PassRole', Resource: '*' },
      { Effect: 'Allow', Action: 'iam:PassRole', Resource: 'arn:aws:iam::210987654321:role/service-role/LambdaExec' },
      { Effect: 'Allow', Action: 'iam:PutRolePolicy', Resource: 'arn:aws:iam::210987654321:role/aws-service-role/connect.amazonaws.com/*' },
      { Effect: 'Allow', Action: 'iam:PassRole', Resource: '*', Condition: { StringEquals: { 'aws:ResourceTag/team': 'contact-center' } } },
      { Effect: 'Allow', NotAction: 'iam:*', Resource: '*' },
      { Effect: 'Allow', Action: 'iam:PassRole', Resource: '*', Condition: { StringEquals: { 'iam:PassedToService': 'lambda.amazonaws.com' } } },
      { Effect: 'Allow', Action: '*', Resource: '*' },
      { Effect: 'Allow', Action: 'iam:GetRole', Resource: '*' },
    ];
    for (const c of cases) silent(policy(c), ESC);
  });
});

describe('security rules on the seed', () => {
  it('raise nothing on the seed, verbatim or with real values', () => {
    const ids = new Set(securityRules.map((r) => r.id));
    for (const { name, text } of [...seedVerbatim(), ...seedReal()]) {
      assert.deepEqual(lint(text).filter((f) => ids.has(f.ruleId)).map((f) => `${name}: ${f.ruleId}`), []);
    }
  });
});

describe('resource-based policies grant no identity permissions', () => {
  it('a VPC endpoint policy allowing * on * to * is not administrator access, and a topic policy with NotAction is no escalation', () => {
    const endpoint = policy({ Effect: 'Allow', Principal: '*', Action: '*', Resource: '*' });
    assert.deepEqual(lint(endpoint).filter((f) => f.ruleId === 'allow-all-actions-all-resources'), []);
    const topic = policy({ Effect: 'Allow', Principal: { AWS: 'arn:aws:iam::111122223333:root' }, NotAction: 'sns:Publish', Resource: '*' });
    const escalation = ['iam-privilege-escalation', 'iam-role-privilege-escalation', 'iam-create-slr-unrestricted'];
    assert.deepEqual(lint(topic).filter((f) => escalation.includes(f.ruleId)).map((f) => f.ruleId), []);
  });

  it('the same statements without a Principal (an identity policy) are reported', () => {
    assert.equal(findingsOf(policy({ Effect: 'Allow', Action: '*', Resource: '*' }), 'allow-all-actions-all-resources').length, 1);
    const identity = policy({ Effect: 'Allow', NotAction: 'sns:Publish', Resource: '*' });
    for (const id of ['iam-privilege-escalation', 'iam-role-privilege-escalation', 'iam-create-slr-unrestricted']) assert.ok(findingsOf(identity, id).length > 0, id);
  });
});
