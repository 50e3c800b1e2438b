// Escalation paths beyond the role actions, unrestricted service-linked role creation, service
// principals without a source condition, "Resource": "*" for scopable actions, and redundant
// entries.
import { describe, it } from 'node:test';
import * as assert from 'node:assert/strict';
import { applyFix, findingsOf, policy, rangeText } from '../helpers';
import { fixAndRelint, only, silent } from './grammarHelpers';

const allow = (action: unknown, resource: unknown = '*', extra: object = {}) => ({ Effect: 'Allow', Action: action, Resource: resource, ...extra });

describe('iam-privilege-escalation', () => {
  it('reports each escalation action on every resource, on the action', () => {
    for (const action of ['iam:CreatePolicyVersion', 'iam:SetDefaultPolicyVersion', 'iam:CreateAccessKey', 'iam:CreateLoginProfile', 'iam:UpdateLoginProfile',
      'iam:AttachUserPolicy', 'iam:AttachGroupPolicy', 'iam:PutUserPolicy', 'iam:PutGroupPolicy', 'iam:UpdateAssumeRolePolicy', 'iam:AddUserToGroup',
      's3:PutBucketPolicy', 's3:PutBucketAcl']) {
      const text = policy(allow([action, 'iam:ListUsers']));
      const f = only(text, 'iam-privilege-escalation', `"${action}"`);
      assert.equal(f.severity, 'warning', action);
      assert.match(f.message, new RegExp(`^This is an escalation path on every resource: ${action}\\.`));
    }
  });

  it('reports ARN patterns that cover every user, and NotAction', () => {
    const text = policy(allow('iam:CreateAccessKey', 'arn:aws:iam::*:user/*'));
    only(text, 'iam-privilege-escalation', '"iam:CreateAccessKey"');
    const not = policy({ Effect: 'Allow', NotAction: 's3:*', Resource: '*' });
    assert.match(only(not, 'iam-privilege-escalation', '"NotAction"').message, /^Through NotAction, this statement allows privilege escalation on every resource\. It grants iam:CreatePolicyVersion/);
  });

  it('leaves role actions to iam-role-privilege-escalation (one finding for iam:*)', () => {
    const text = policy(allow('iam:*'));
    silent(text, 'iam-privilege-escalation');
    assert.equal(findingsOf(text, 'iam-role-privilege-escalation').length, 1);
  });

  it('stays silent on scoped resources, deliberate conditions, Deny, and bucket writes beside s3:* on *', () => {
    silent(policy(allow('iam:CreateAccessKey', 'arn:aws:iam::210987654321:user/${aws:username}')), 'iam-privilege-escalation');
    silent(policy(allow('iam:AttachUserPolicy', '*', { Condition: { ArnEquals: { 'iam:PolicyARN': 'arn:aws:iam::aws:policy/ReadOnlyAccess' } } })), 'iam-privilege-escalation');
    silent(policy({ Effect: 'Deny', Action: 'iam:CreateAccessKey', Resource: '*' }), 'iam-privilege-escalation');
    silent(policy(allow('s3:*')), 'iam-privilege-escalation');
    silent(policy(allow('*')), 'iam-privilege-escalation');
  });
});

describe('iam-create-slr-unrestricted', () => {
  it('reports CreateServiceLinkedRole on every role, on the action', () => {
    const text = policy(allow('iam:CreateServiceLinkedRole'));
    assert.equal(only(text, 'iam-create-slr-unrestricted', '"iam:CreateServiceLinkedRole"').severity, 'warning');
    only(policy({ Effect: 'Allow', NotAction: 's3:*', Resource: '*' }), 'iam-create-slr-unrestricted', '"NotAction"');
  });

  it('stays silent with iam:AWSServiceName or a service role path', () => {
    silent(policy(allow('iam:CreateServiceLinkedRole', '*', { Condition: { StringEquals: { 'iam:AWSServiceName': 'connect.amazonaws.com' } } })), 'iam-create-slr-unrestricted');
    silent(policy(allow('iam:CreateServiceLinkedRole', 'arn:aws:iam::*:role/aws-service-role/connect.amazonaws.com/*')), 'iam-create-slr-unrestricted');
    silent(policy(allow('*')), 'iam-create-slr-unrestricted');
  });
});

describe('service-principal-without-source', () => {
  const bucket = (condition?: object) => policy({
    Effect: 'Allow', Principal: { Service: 'connect.amazonaws.com' }, Action: 's3:PutObject', Resource: 'arn:aws:s3:::recordings/*', ...(condition ? { Condition: condition } : {}),
  });

  it('hints at a service principal without aws:SourceArn or aws:SourceAccount, on the service', () => {
    const text = bucket();
    assert.equal(only(text, 'service-principal-without-source', '"connect.amazonaws.com"').severity, 'information');
  });

  it('stays silent with a source condition, and on role trust policies', () => {
    silent(bucket({ StringEquals: { 'aws:SourceAccount': '210987654321' } }), 'service-principal-without-source');
    silent(bucket({ ArnLike: { 'aws:SourceArn': 'arn:aws:connect:us-east-1:210987654321:instance/*' } }), 'service-principal-without-source');
    silent(policy({ Effect: 'Allow', Principal: { Service: 'lambda.amazonaws.com' }, Action: 'sts:AssumeRole' }), 'service-principal-without-source');
  });
});

describe('resource-star-scopable', () => {
  it('hints once per statement at "*" for actions that accept ARNs', () => {
    const text = policy(allow(['s3:GetObject', 'kinesis:PutRecord', 's3:ListAllMyBuckets']));
    const f = only(text, 'resource-star-scopable', '"*"');
    assert.equal(f.severity, 'information');
    assert.deepEqual(f.data, { actions: ['s3:GetObject', 'kinesis:PutRecord'] });
  });

  it('stays silent on wildcard-only, List and Describe actions, conditions and "Action": "*"', () => {
    silent(policy(allow(['s3:ListAllMyBuckets', 'ec2:DescribeInstances', 'connect:ListInstances', 'kinesis:ListStreams'])), 'resource-star-scopable');
    silent(policy(allow('s3:GetObject', '*', { Condition: { StringEquals: { 'aws:ResourceAccount': '210987654321' } } })), 'resource-star-scopable');
    silent(policy(allow('*')), 'resource-star-scopable');
    silent(policy(allow('s3:GetObject', 'arn:aws:s3:::recordings/*')), 'resource-star-scopable');
  });
});

describe('action-redundant and resource-redundant', () => {
  it('reports an action another pattern covers, and the fix removes it', () => {
    const text = policy(allow(['s3:GetObject', 's3:Get*', 's3:PutObject'], 'arn:aws:s3:::recordings/*'));
    const f = only(text, 'action-redundant', '"s3:GetObject"');
    assert.equal(f.severity, 'information');
    assert.deepEqual(f.tags, ['unnecessary']);
    assert.deepEqual(JSON.parse(fixAndRelint(text, f)).Statement[0].Action, ['s3:Get*', 's3:PutObject']);
  });

  it('reports the second of two equal actions (in any case) and of two equal resources', () => {
    const text = policy(allow(['s3:GetObject', 's3:getobject'], ['arn:aws:s3:::b/*', 'arn:aws:s3:::b/*', 'arn:aws:s3:::b/2026/*']));
    only(text, 'action-redundant', '"s3:getobject"');
    const found = findingsOf(text, 'resource-redundant');
    assert.deepEqual(found.map((f) => rangeText(text, f)), ['"arn:aws:s3:::b/*"', '"arn:aws:s3:::b/2026/*"']);
    assert.ok(found[0].range.start > text.indexOf('"arn:aws:s3:::b/*"'), 'the second occurrence');
    // Each fix is applied to the re-linted text, as an editor does.
    let fixed = text;
    for (let i = 0, next = found[0]; next && i < 5; i++, next = findingsOf(fixed, 'resource-redundant')[0]) fixed = applyFix(fixed, next);
    assert.deepEqual(JSON.parse(fixed).Statement[0].Resource, ['arn:aws:s3:::b/*']);
    silent(fixed, 'resource-redundant');
  });

  it('of two patterns that cover each other, reports only the later one', () => {
    const text = policy(allow(['s3:Get*', 's3:Get**'], 'arn:aws:s3:::b/*'));
    only(text, 'action-redundant', '"s3:Get**"');
  });

  it('stays silent on distinct entries, resources in other case and variables', () => {
    const text = policy(allow(['s3:GetObject', 's3:PutObject'], ['arn:aws:s3:::b/*', 'arn:aws:s3:::B/*', 'arn:aws:s3:::b/${aws:username}/*']));
    silent(text, 'action-redundant');
    silent(text, 'resource-redundant');
  });
});

describe('iam-privilege-escalation on AWS managed policies', () => {
  it('stays silent on arn:aws:iam::aws:policy/*, which no customer can change', () => {
    silent(policy(allow(['iam:CreatePolicyVersion', 'iam:SetDefaultPolicyVersion'], 'arn:aws:iam::aws:policy/*')), 'iam-privilege-escalation');
  });
});

describe('iam-role-privilege-escalation with a service that runs code', () => {
  it('says so when iam:PassRole on every role comes with an action that runs code', () => {
    const text = policy(allow(['iam:PassRole', 'lambda:CreateFunction']));
    const f = only(text, 'iam-role-privilege-escalation', '"iam:PassRole"');
    assert.match(f.message, /With lambda:CreateFunction also allowed, they can run their own code/);
    const alone = only(policy(allow('iam:PassRole')), 'iam-role-privilege-escalation', '"iam:PassRole"');
    assert.doesNotMatch(alone.message, /run their own code/);
  });
});
