// Harness cases of the security rules (server/src/engine/rules/security).
import { CaseTable, json, policy } from '../../ruleTester';

export const securityCases: CaseTable = {
  'iam-role-privilege-escalation': {
    valid: [
      policy({ Effect: 'Deny', Action: 'iam:PassRole', Resource: '*' }),
      policy({ Effect: 'Allow', Action: 'iam:PassRole', Resource: 'arn:aws:iam::210987654321:role/service-role/LambdaExec' }),
      policy({ Effect: 'Allow', Action: 'iam:PutRolePolicy', Resource: 'arn:aws:iam::210987654321:role/aws-service-role/connect.amazonaws.com/*' }),
      policy({ Effect: 'Allow', Action: 'iam:PassRole', Resource: '*', Condition: { StringEquals: { 'aws:ResourceTag/team': 'contact-center' } } }),
      policy({ Effect: 'Allow', NotAction: 'iam:*', Resource: '*' }),
      policy({ Effect: 'Allow', Action: 'iam:PassRole', Resource: '*', Condition: { StringEquals: { 'iam:PassedToService': 'lambda.amazonaws.com' } } }),
      policy({ Effect: 'Allow', Action: '*', Resource: '*' }),
      policy({ Effect: 'Allow', Action: 'iam:GetRole', Resource: '*' }),
      policy({ Effect: 'Allow', Action: 'iam:PassRole', NotResource: 'arn:aws:iam::*:role/*' }),
    ],
    invalid: [
      {
        text: policy({ Effect: 'Allow', Action: [ 'ec2:RunInstances', 'iam:PassRole' ], Resource: '*' }),
        findings: [{ text: '"iam:PassRole"', message: 'iam:PassRole is allowed on every role ("Resource": "*").' }],
        output: null,
      },
      {
        text: policy({ Effect: 'Allow', Action: 'iam:Put*', Resource: '*' }),
        findings: [{ text: '"iam:Put*"', message: 'iam:PutRolePolicy is allowed on every role ("Resource": "*").' }],
        output: null,
      },
      {
        text: policy({ Effect: 'Allow', Action: 'iam:*', Resource: 'arn:aws:iam::210987654321:role/*' }),
        findings: [{ text: '"arn:aws:iam::210987654321:role/*"', message: 'iam:PassRole, iam:PutRolePolicy, iam:AttachRolePolicy are allowed on every role (arn:aws:iam::210987654321:role/*).' }],
        output: null,
      },
      {
        text: policy({
          Effect: 'Allow',
          Action: [ 'connect:AssociateInstanceStorageConfig' ],
          Resource: 'arn:aws:connect:us-east-1:210987654321:instance/a1b2c3d4-5678-90ab-cdef-210987654321'
        }, { Effect: 'Allow', Action: [ 'iam:PutRolePolicy', 'iam:AttachRolePolicy' ], Resource: 'arn:aws:iam::210987654321:role/*' }),
        findings: [{ text: '"arn:aws:iam::210987654321:role/*"', message: 'iam:PutRolePolicy, iam:AttachRolePolicy are allowed on every role (arn:aws:iam::210987654321:role/*).' }],
        output: policy({
          Effect: 'Allow',
          Action: [ 'connect:AssociateInstanceStorageConfig' ],
          Resource: 'arn:aws:connect:us-east-1:210987654321:instance/a1b2c3d4-5678-90ab-cdef-210987654321'
        }, {
          Effect: 'Allow',
          Action: [ 'iam:PutRolePolicy', 'iam:AttachRolePolicy' ],
          Resource: 'arn:aws:iam::210987654321:role/aws-service-role/connect.amazonaws.com/*'
        }), safe: false,
      },
      {
        text: policy({
          Effect: 'Allow',
          Action: [ 'connect:AssociateInstanceStorageConfig' ],
          Resource: 'arn:aws:connect:us-east-1:210987654321:instance/a1b2c3d4-5678-90ab-cdef-210987654321'
        }, { Effect: 'Allow', Action: 'iam:PutRolePolicy', Resource: '*' }),
        findings: [{ text: '"iam:PutRolePolicy"', message: 'iam:PutRolePolicy is allowed on every role ("Resource": "*").' }],
        output: policy({
          Effect: 'Allow',
          Action: [ 'connect:AssociateInstanceStorageConfig' ],
          Resource: 'arn:aws:connect:us-east-1:210987654321:instance/a1b2c3d4-5678-90ab-cdef-210987654321'
        }, { Effect: 'Allow', Action: 'iam:PutRolePolicy', Resource: 'arn:aws:iam::210987654321:role/aws-service-role/connect.amazonaws.com/*' }), safe: false,
      },
      {
        text: policy({
          Effect: 'Allow',
          Action: [ 'connect:AssociateInstanceStorageConfig' ],
          Resource: 'arn:aws:connect:us-east-1:210987654321:instance/a1b2c3d4-5678-90ab-cdef-210987654321'
        }, { Effect: 'Allow', Action: [ 's3:ListAllMyBuckets', 'iam:PutRolePolicy' ], Resource: '*' }),
        findings: [{ text: '"iam:PutRolePolicy"', message: 'iam:PutRolePolicy is allowed on every role ("Resource": "*").' }],
        output: policy({
          Effect: 'Allow',
          Action: [ 'connect:AssociateInstanceStorageConfig' ],
          Resource: 'arn:aws:connect:us-east-1:210987654321:instance/a1b2c3d4-5678-90ab-cdef-210987654321'
        }, { Effect: 'Allow', Action: [ 's3:ListAllMyBuckets' ], Resource: '*' }, { Effect: 'Allow', Action: 'iam:PutRolePolicy', Resource: 'arn:aws:iam::210987654321:role/aws-service-role/connect.amazonaws.com/*' }), safe: false,
      },
      {
        text: json({ Version: '2012-10-17', Statement: { Effect: 'Allow', Action: [ 'connect:ListInstances', 'iam:PutRolePolicy' ], Resource: '*' } }),
        findings: [{ text: '"iam:PutRolePolicy"', message: 'iam:PutRolePolicy is allowed on every role ("Resource": "*").' }],
        output: null,
      },
      {
        text: policy({ Effect: 'Allow', Action: 'connect:ListInstances', Resource: '*' }, { Effect: 'Allow', Action: 'iam:AttachRolePolicy', Resource: '*' }),
        findings: [{ text: '"iam:AttachRolePolicy"', message: 'iam:AttachRolePolicy is allowed on every role ("Resource": "*").' }],
        output: policy({ Effect: 'Allow', Action: 'connect:ListInstances', Resource: '*' }, { Effect: 'Allow', Action: 'iam:AttachRolePolicy', Resource: 'arn:aws:iam::account-id:role/aws-service-role/connect.amazonaws.com/*' }), safe: false,
      },
      {
        text: policy({ Effect: 'Allow', Action: 'iam:PutRolePolicy', Resource: '*' }),
        findings: [{ text: '"iam:PutRolePolicy"', message: 'iam:PutRolePolicy is allowed on every role ("Resource": "*").' }],
        output: null,
      },
      {
        text: policy({ Effect: 'Allow', NotAction: 's3:*', Resource: '*' }),
        findings: [{ text: '"NotAction"', message: 'Through NotAction, iam:PassRole, iam:PutRolePolicy, iam:AttachRolePolicy are allowed on every role.' }],
        output: null,
      },
      {
        text: policy({ Effect: 'Allow', Action: 'iam:PassRole', NotResource: 'arn:aws:iam::*:role/Admin' }),
        findings: [{ text: '"iam:PassRole"', message: 'iam:PassRole is allowed on every role not excluded by NotResource.' }],
        output: null,
      },
      {
        text: policy({ Effect: 'Allow', Action: [ 'iam:PassRole', 'lambda:CreateFunction' ], Resource: '*' }),
        findings: [{ text: '"iam:PassRole"', message: 'iam:PassRole is allowed on every role ("Resource": "*").' }],
        output: null,
      },
    ],
  },
  'iam-privilege-escalation': {
    valid: [
      policy({ Effect: 'Allow', Action: 'iam:CreateAccessKey', Resource: 'arn:aws:iam::210987654321:user/${aws:username}' }),
      policy({
        Effect: 'Allow',
        Action: 'iam:AttachUserPolicy',
        Resource: '*',
        Condition: { ArnEquals: { 'iam:PolicyARN': 'arn:aws:iam::aws:policy/ReadOnlyAccess' } }
      }),
      policy({ Effect: 'Deny', Action: 'iam:CreateAccessKey', Resource: '*' }),
      policy({ Effect: 'Allow', Action: 's3:*', Resource: '*' }),
      policy({ Effect: 'Allow', Action: '*', Resource: '*' }),
      policy({ Effect: 'Allow', Action: 'iam:*', Resource: '*' }),
      policy({ Effect: 'Allow', Action: [ 'iam:CreatePolicyVersion', 'iam:SetDefaultPolicyVersion' ], Resource: 'arn:aws:iam::aws:policy/*' }),
      policy({ Effect: 'Allow', Principal: { AWS: 'arn:aws:iam::111122223333:root' }, NotAction: 'sns:Publish', Resource: '*' }),
    ],
    invalid: [
      {
        text: policy({ Effect: 'Allow', Action: [ 'iam:CreatePolicyVersion', 'iam:ListUsers' ], Resource: '*' }),
        findings: [{ text: '"iam:CreatePolicyVersion"', message: 'This is an escalation path on every resource: iam:CreatePolicyVersion.' }],
        output: null,
      },
      {
        text: policy({ Effect: 'Allow', Action: 'iam:CreateAccessKey', Resource: 'arn:aws:iam::*:user/*' }),
        findings: [{ text: '"iam:CreateAccessKey"', message: 'This is an escalation path on every resource: iam:CreateAccessKey.' }],
        output: null,
      },
      {
        text: policy({ Effect: 'Allow', NotAction: 'sns:Publish', Resource: '*' }),
        findings: [{ text: '"NotAction"', message: 'Through NotAction, this statement allows privilege escalation on every resource.' }],
        output: null,
      },
    ],
  },
  'iam-create-slr-unrestricted': {
    valid: [
      policy({
        Effect: 'Allow',
        Action: 'iam:CreateServiceLinkedRole',
        Resource: '*',
        Condition: { StringEquals: { 'iam:AWSServiceName': 'connect.amazonaws.com' } }
      }),
      policy({ Effect: 'Allow', Action: 'iam:CreateServiceLinkedRole', Resource: 'arn:aws:iam::*:role/aws-service-role/connect.amazonaws.com/*' }),
      policy({ Effect: 'Allow', Action: '*', Resource: '*' }),
    ],
    invalid: [
      {
        text: policy({ Effect: 'Allow', Action: 'iam:CreateServiceLinkedRole', Resource: '*' }),
        findings: [{ text: '"iam:CreateServiceLinkedRole"', message: 'iam:CreateServiceLinkedRole is allowed for every service.' }],
        output: null,
      },
      {
        text: policy({ Effect: 'Allow', NotAction: 's3:*', Resource: '*' }),
        findings: [{ text: '"NotAction"', message: 'iam:CreateServiceLinkedRole is allowed for every service.' }],
        output: null,
      },
    ],
  },
  'allow-all-actions-all-resources': {
    valid: [
      policy({ Effect: 'Deny', Action: '*', Resource: '*' }),
      policy({ Effect: 'Allow', Action: '*', Resource: 'arn:aws:s3:::b/*' }),
      policy({ Effect: 'Allow', Action: 's3:*', Resource: '*' }),
      policy({ Effect: 'Allow', Principal: '*', Action: '*', Resource: '*' }),
    ],
    invalid: [
      {
        text: policy({ Effect: 'Allow', Action: '*', Resource: '*' }),
        findings: [{ text: '"*"', at: '6:17', message: '"Action": "*" on "Resource": "*" grants every action on every resource: full administrator access.' }],
        output: null,
      },
    ],
  },
  'allow-with-not-action': {
    valid: [
      policy({ Effect: 'Deny', NotAction: 'iam:*', Resource: '*' }),
      policy({ Effect: 'Allow', Action: 's3:GetObject', Resource: '*' }),
    ],
    invalid: [
      {
        text: policy({ Effect: 'Allow', NotAction: 'iam:*', Resource: '*' }),
        findings: [{ text: '"NotAction"', message: 'Allow with NotAction grants every action except the ones listed.' }],
        output: null,
      },
    ],
  },
  'allow-with-not-resource': {
    valid: [
      policy({ Effect: 'Deny', Action: 's3:*', NotResource: 'arn:aws:s3:::public/*' }),
    ],
    invalid: [
      {
        text: policy({ Effect: 'Allow', Action: 's3:GetObject', NotResource: 'arn:aws:s3:::secret/*' }),
        findings: [{ text: '"NotResource"', message: 'Allow with NotResource grants the actions on every resource except the ones listed.' }],
        output: null,
      },
    ],
  },
  'allow-with-not-principal': {
    valid: [
      policy({ Effect: 'Deny', NotPrincipal: { AWS: 'arn:aws:iam::210987654321:root' }, Action: 's3:*', Resource: 'arn:aws:s3:::b/*' }),
      policy({ Effect: 'Allow', Principal: { AWS: 'arn:aws:iam::210987654321:root' }, Action: 's3:GetObject', Resource: 'arn:aws:s3:::b/*' }),
    ],
    invalid: [
      {
        text: policy({ Effect: 'Allow', NotPrincipal: { AWS: 'arn:aws:iam::210987654321:root' }, Action: 's3:GetObject', Resource: 'arn:aws:s3:::b/*' }),
        findings: [{ text: '"NotPrincipal"', message: 'Allow with NotPrincipal grants access to every principal except the ones listed.' }],
        output: null,
      },
    ],
  },
  'deny-mfa-bool-without-if-exists': {
    valid: [
      policy({ Effect: 'Deny', Action: 'connect:*', Resource: '*', Condition: { BoolIfExists: { 'aws:MultiFactorAuthPresent': 'false' } } }),
      policy({ Effect: 'Deny', Action: 'connect:*', Resource: '*', Condition: { Bool: { 'aws:MultiFactorAuthPresent': 'true' } } }),
      policy({ Effect: 'Allow', Action: 's3:GetObject', Resource: 'arn:aws:s3:::recordings/*', Condition: { Bool: { 'aws:MultiFactorAuthPresent': 'false' } } }),
    ],
    invalid: [
      {
        text: policy({ Effect: 'Deny', Action: 'connect:*', Resource: '*', Condition: { Bool: { 'aws:MultiFactorAuthPresent': 'false' } } }),
        findings: [{ text: '"Bool"', message: 'This Deny misses requests made with long-term access keys: they carry no aws:MultiFactorAuthPresent.', related: [ '"aws:MultiFactorAuthPresent"' ] }],
        output: policy({ Effect: 'Deny', Action: 'connect:*', Resource: '*', Condition: { BoolIfExists: { 'aws:MultiFactorAuthPresent': 'false' } } }), safe: false,
      },
    ],
  },
  'service-principal-without-source': {
    valid: [
      policy({
        Effect: 'Allow',
        Principal: { Service: 'connect.amazonaws.com' },
        Action: 's3:PutObject',
        Resource: 'arn:aws:s3:::recordings/*',
        Condition: { StringEquals: { 'aws:SourceAccount': '210987654321' } }
      }),
      policy({
        Effect: 'Allow',
        Principal: { Service: 'connect.amazonaws.com' },
        Action: 's3:PutObject',
        Resource: 'arn:aws:s3:::recordings/*',
        Condition: { ArnLike: { 'aws:SourceArn': 'arn:aws:connect:us-east-1:210987654321:instance/*' } }
      }),
      policy({ Effect: 'Allow', Principal: { Service: 'lambda.amazonaws.com' }, Action: 'sts:AssumeRole' }),
    ],
    invalid: [
      {
        text: policy({ Effect: 'Allow', Principal: { Service: 'connect.amazonaws.com' }, Action: 's3:PutObject', Resource: 'arn:aws:s3:::recordings/*' }),
        findings: [{ text: '"connect.amazonaws.com"', message: 'connect.amazonaws.com may act here on behalf of any account.' }],
        output: null,
      },
    ],
  },
  'resource-star-scopable': {
    valid: [
      policy({ Effect: 'Allow', Action: [ 's3:ListAllMyBuckets', 'ec2:DescribeInstances', 'connect:ListInstances', 'kinesis:ListStreams' ], Resource: '*' }),
      policy({ Effect: 'Allow', Action: 's3:GetObject', Resource: '*', Condition: { StringEquals: { 'aws:ResourceAccount': '210987654321' } } }),
      policy({ Effect: 'Allow', Action: '*', Resource: '*' }),
      policy({ Effect: 'Allow', Action: 's3:GetObject', Resource: 'arn:aws:s3:::recordings/*' }),
    ],
    invalid: [
      {
        text: policy({ Effect: 'Allow', Action: [ 's3:GetObject', 'kinesis:PutRecord', 's3:ListAllMyBuckets' ], Resource: '*' }),
        findings: [{ text: '"*"', message: '"Resource": "*" grants actions that accept specific ARNs on every resource.' }],
        output: null,
      },
    ],
  },
};
