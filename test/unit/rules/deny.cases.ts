// Harness cases of the explicit-Deny rules (server/src/engine/rules/deny).
import { CaseTable, policy } from '../../ruleTester';

export const denyCases: CaseTable = {
  'allow-overridden-by-deny': {
    valid: [
      policy({ Effect: 'Allow', Action: 's3:GetBucketAcl', Resource: 'arn:aws:s3:::b' }, { Effect: 'Deny', Action: 's3:DeleteBucket', Resource: '*' }),
      policy({ Effect: 'Allow', Action: 's3:GetObject', Resource: 'arn:aws:s3:::a/*' }, { Effect: 'Deny', Action: 's3:*', Resource: 'arn:aws:s3:::b/*' }),
      policy({ Effect: 'Allow', Action: 's3:Get*', Resource: '*' }, { Effect: 'Deny', NotAction: 's3:*', Resource: '*' }),
      policy({ Effect: 'Allow', Action: 's3:GetObject', Resource: 'arn:aws:s3:::my-connect-recording-bucket/*' }, { Effect: 'Deny', Action: 's3:*', NotResource: 'arn:aws:s3:::my-connect-recording-bucket/*' }),
      policy({ Effect: 'Allow', Action: 's3:List*', Resource: '*' }, { Effect: 'Deny', Action: 's3:*Object', Resource: '*' }),
      policy({ Effect: 'Allow', Action: 's3:GetObject', Resource: 'arn:aws:s3:::my-connect-recording-bucket/*' }),
      policy({
        Effect: 'Allow',
        Principal: { AWS: 'arn:aws:iam::111122223333:root' },
        Action: 's3:GetObject',
        Resource: 'arn:aws:s3:::my-connect-recording-bucket/*'
      }, { Effect: 'Deny', Principal: { AWS: 'arn:aws:iam::444455556666:root' }, Action: 's3:*', Resource: 'arn:aws:s3:::my-connect-recording-bucket/*' }),
      policy({ Effect: 'Allow', Action: 's3:GetObject', Resource: 'arn:aws:s3:::b/*' }, { Effect: 'Deny', Action: 's3:*', Resource: '*', Condition: { Bool: { 'aws:SecureTransport': 'false' } } }),
    ],
    invalid: [
      {
        notAlso: [ 'allow-partly-overridden-by-deny' ], text: policy({ Sid: 'ReadRecordings', Effect: 'Allow', Action: [ 's3:GetObject', 's3:PutObject' ], Resource: 'arn:aws:s3:::my-connect-recording-bucket/*' }, { Sid: 'NoS3', Effect: 'Deny', Action: 's3:*', Resource: '*' }),
        findings: [{ text: '"Allow"', message: 'The Allow statement "ReadRecordings" grants nothing: a Deny overrides all of it.', related: [ '"Deny"' ] }],
        output: null,
      },
      {
        text: policy({ Effect: 'Allow', NotAction: 'iam:*', Resource: '*' }, { Effect: 'Deny', Action: '*', Resource: '*' }),
        findings: [{ text: '"Allow"', message: 'The Allow statement 1 grants nothing: a Deny overrides all of it.', related: [ '"Deny"' ] }],
        output: null,
      },
    ],
  },
  'allow-partly-overridden-by-deny': {
    valid: [
      policy({ Effect: 'Allow', Action: 's3:GetBucketAcl', Resource: 'arn:aws:s3:::b' }, { Effect: 'Deny', Action: 's3:DeleteBucket', Resource: '*' }),
      policy({ Effect: 'Allow', Action: 's3:GetObject', Resource: 'arn:aws:s3:::a/*' }, { Effect: 'Deny', Action: 's3:*', Resource: 'arn:aws:s3:::b/*' }),
      policy({ Effect: 'Allow', Action: 's3:Get*', Resource: '*' }, { Effect: 'Deny', NotAction: 's3:*', Resource: '*' }),
      policy({ Effect: 'Allow', Action: 's3:GetObject', Resource: 'arn:aws:s3:::my-connect-recording-bucket/*' }, { Effect: 'Deny', Action: 's3:*', NotResource: 'arn:aws:s3:::my-connect-recording-bucket/*' }),
      policy({ Effect: 'Allow', Action: 's3:List*', Resource: '*' }, { Effect: 'Deny', Action: 's3:*Object', Resource: '*' }),
      policy({ Effect: 'Allow', Action: 's3:GetObject', Resource: 'arn:aws:s3:::my-connect-recording-bucket/*' }),
      policy({
        Effect: 'Allow',
        Principal: { AWS: 'arn:aws:iam::111122223333:root' },
        Action: 's3:GetObject',
        Resource: 'arn:aws:s3:::my-connect-recording-bucket/*'
      }, { Effect: 'Deny', Principal: { AWS: 'arn:aws:iam::444455556666:root' }, Action: 's3:*', Resource: 'arn:aws:s3:::my-connect-recording-bucket/*' }),
      policy({ Effect: 'Allow', NotAction: 'iam:*', Resource: '*' }, { Effect: 'Deny', Action: 'iam:DeleteRole', Resource: '*' }),
    ],
    invalid: [
      {
        text: policy({ Effect: 'Allow', Action: 's3:GetObject', Resource: [ 'arn:aws:s3:::a/*', 'arn:aws:s3:::b/*' ] }, { Effect: 'Deny', Action: 's3:GetObject', Resource: 'arn:aws:s3:::b/*' }),
        findings: [{ text: '"Allow"', message: 'A Deny overrides part of this Allow statement.', related: [ '"Deny"' ] }],
        output: null,
      },
      {
        text: policy({ Effect: 'Allow', Action: 's3:GetObject', Resource: '*' }, { Effect: 'Deny', Action: 's3:*', NotResource: 'arn:aws:s3:::my-connect-recording-bucket/*' }),
        findings: [{ text: '"Allow"', message: 'A Deny overrides part of this Allow statement.', related: [ '"Deny"' ] }],
        output: null,
      },
      {
        text: policy({ Effect: 'Allow', Action: 's3:GetObject', Resource: 'arn:aws:s3:::b/*' }, { Effect: 'Deny', Action: 's3:GetObject', Resource: 'arn:aws:s3:::b/private/*' }),
        findings: [{ text: '"Allow"', message: 'A Deny overrides part of this Allow statement.', related: [ '"Deny"' ] }],
        output: null,
      },
      {
        text: policy({ Effect: 'Allow', Action: 's3:ListAllMyBuckets', Resource: '*' }, { Effect: 'Allow', Action: 's3:Put*', Resource: 'arn:aws:s3:::my-connect-recording-bucket/*' }, { Effect: 'Deny', Action: 's3:PutObjectAcl', Resource: 'arn:aws:s3:::my-connect-recording-bucket/*' }),
        findings: [{ text: '"Allow"', message: 'A Deny overrides part of this Allow statement.', related: [ '"Deny"' ] }],
        output: null,
      },
      {
        text: policy({ Effect: 'Allow', NotAction: 'iam:*', Resource: '*' }, { Effect: 'Deny', Action: [ 's3:DeleteBucket', 'iam:DeleteRole' ], Resource: '*' }),
        findings: [{ text: '"Allow"', message: 'A Deny overrides part of this Allow statement.', related: [ '"Deny"' ] }],
        output: null,
      },
    ],
  },
};
