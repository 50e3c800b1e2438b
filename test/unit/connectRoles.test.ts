// The Connect service-linked role: scoping advice AWS's own AmazonConnect_FullAccess follows
// (connect-service-role-scope, connect-service-linked-role-condition); the wrong-path rule lives
// in connectArns.test.ts.
import { describe, it } from 'node:test';
import * as assert from 'node:assert/strict';
import { findingsOf, policy, rangeText } from '../helpers';
import { ACCOUNT, allow, fixed, INSTANCE, only, ROLE } from './connectHelpers';

const SCOPE = 'connect-service-role-scope';
const CONDITION = 'connect-service-linked-role-condition';
const NARROW = `arn:aws:iam::${ACCOUNT}:role/aws-service-role/connect.amazonaws.com/AWSServiceRoleForAmazonConnect*`;
const lexBot = allow('connect:AssociateLexBot', INSTANCE);

describe('connect-service-role-scope', () => {
  it('reports iam:PutRolePolicy on every service-linked role and narrows it to the Connect role', () => {
    const wide = `arn:aws:iam::${ACCOUNT}:role/aws-service-role/*`;
    const text = policy(lexBot, allow('iam:PutRolePolicy', wide));
    const f = only(text, SCOPE);
    assert.equal(f.severity, 'information');
    assert.equal(rangeText(text, f), `"${wide}"`);
    assert.match(f.message, /^iam:PutRolePolicy is allowed on .*, wider than the Amazon Connect service-linked role\./);
    assert.doesNotMatch(f.message, /`/);
    const after = fixed(text, f);
    assert.equal(JSON.parse(after).Statement[1].Resource, NARROW);
    assert.deepEqual(findingsOf(after, SCOPE), []);
  });

  it('reports iam:DeleteRolePolicy on *, and moves it out of a statement with other actions', () => {
    const text = policy(lexBot, allow(['iam:DeleteRolePolicy', 'ds:DescribeDirectories'], '*'));
    const f = only(text, SCOPE);
    assert.equal(rangeText(text, f), '"iam:DeleteRolePolicy"');
    const after = fixed(text, f);
    const statements = JSON.parse(after).Statement;
    assert.deepEqual(statements[1], allow(['ds:DescribeDirectories'], '*'));
    assert.deepEqual(statements[2], allow('iam:DeleteRolePolicy', NARROW));
    assert.deepEqual(findingsOf(after, SCOPE), []);
  });

  it('leaves PutRolePolicy on every role to iam-role-privilege-escalation, and the seed\'s Connect path alone', () => {
    assert.deepEqual(findingsOf(policy(lexBot, allow('iam:PutRolePolicy', '*')), SCOPE), []);
    assert.ok(findingsOf(policy(lexBot, allow('iam:PutRolePolicy', '*')), 'iam-role-privilege-escalation').length);
    assert.deepEqual(findingsOf(policy(lexBot, allow('iam:PutRolePolicy', ROLE)), SCOPE), []);
    assert.deepEqual(findingsOf(policy(lexBot, allow('iam:PutRolePolicy', NARROW)), SCOPE), []);
  });

  it('stays silent in a policy without Connect actions and with a condition', () => {
    assert.deepEqual(findingsOf(policy(allow('iam:PutRolePolicy', `arn:aws:iam::${ACCOUNT}:role/aws-service-role/*`)), SCOPE), []);
    const tagged = policy(lexBot, { ...allow('iam:DeleteRolePolicy', '*'), Condition: { StringEquals: { 'aws:ResourceTag/team': 'contact-centre' } } });
    assert.deepEqual(findingsOf(tagged, SCOPE), []);
  });
});

describe('connect-service-linked-role-condition', () => {
  const create = allow(['connect:CreateInstance', 'ds:CheckAlias', 'ds:CreateDirectory', 'ds:CreateIdentityPoolDirectory', 'ds:DescribeDirectories'], '*');

  it('adds the iam:AWSServiceName condition AWS uses', () => {
    const text = policy(create, allow('iam:CreateServiceLinkedRole', '*'));
    const f = only(text, CONDITION);
    assert.equal(f.severity, 'information');
    assert.equal(rangeText(text, f), '"iam:CreateServiceLinkedRole"');
    const after = fixed(text, f);
    assert.deepEqual(JSON.parse(after).Statement[1].Condition, { StringEquals: { 'iam:AWSServiceName': 'connect.amazonaws.com' } });
    assert.deepEqual(findingsOf(after, CONDITION), []);
  });

  it('merges into an existing Condition', () => {
    const text = policy(create, { ...allow('iam:CreateServiceLinkedRole', '*'), Condition: { StringEquals: { 'aws:RequestedRegion': 'us-east-1' } } });
    const after = fixed(text, only(text, CONDITION));
    assert.deepEqual(JSON.parse(after).Statement[1].Condition, { StringEquals: { 'aws:RequestedRegion': 'us-east-1', 'iam:AWSServiceName': 'connect.amazonaws.com' } });
  });

  it('moves it out of a statement with other actions (which never carry the key)', () => {
    const text = policy(create, allow(['iam:CreateServiceLinkedRole', 'iam:PutRolePolicy'], '*'));
    const after = fixed(text, only(text, CONDITION));
    const statements = JSON.parse(after).Statement;
    assert.deepEqual(statements[1], allow(['iam:PutRolePolicy'], '*'));
    assert.deepEqual(statements[2], { ...allow('iam:CreateServiceLinkedRole', '*'), Condition: { StringEquals: { 'iam:AWSServiceName': 'connect.amazonaws.com' } } });
    assert.deepEqual(findingsOf(after, CONDITION), []);
  });

  it('stays silent with the condition, on the Connect path, and without Connect actions', () => {
    const conditioned = { ...allow('iam:CreateServiceLinkedRole', '*'), Condition: { StringLike: { 'iam:AWSServiceName': 'connect.amazonaws.com' } } };
    assert.deepEqual(findingsOf(policy(create, conditioned), CONDITION), []);
    assert.deepEqual(findingsOf(policy(create, allow('iam:CreateServiceLinkedRole', ROLE)), CONDITION), []);
    assert.deepEqual(findingsOf(policy(allow('iam:CreateServiceLinkedRole', '*')), CONDITION), []);
  });
});
