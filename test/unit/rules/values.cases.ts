// Harness cases of the value rules (server/src/engine/rules/values).
import { CaseTable, policy } from '../../ruleTester';

const PARTITIONS = ['aws', 'aws-cn', 'aws-us-gov', 'aws-iso', 'aws-iso-b', 'aws-iso-e', 'aws-iso-f', 'aws-eusc', '*', 'aws*'];
const REGIONS = policy({
  Effect: 'Allow',
  Action: 'kinesis:DescribeStream',
  Resource: [
    'arn:aws:kinesis:ap-southeast-7:123456789012:stream/a', 'arn:aws:kinesis:mx-central-1:123456789012:stream/a',
    'arn:aws:kinesis:ap-east-2:123456789012:stream/a', 'arn:aws:kinesis:ca-west-1:123456789012:stream/a',
    'arn:aws-us-gov:kinesis:us-gov-east-1:123456789012:stream/a', 'arn:aws-cn:kinesis:cn-northwest-1:123456789012:stream/a',
    'arn:aws:kinesis:us-*:123456789012:stream/a', 'arn:aws:kinesis:*:123456789012:stream/a', 'arn:aws:s3:::bucket',
    'arn:aws:kinesis:${aws:RequestedRegion}:123456789012:stream/a',
  ],
});

export const valueCases: CaseTable = {
  'arn-invalid-partition': {
    valid: [
      ...PARTITIONS.map((p) => policy({ Effect: 'Allow', Action: 's3:GetObject', Resource: `arn:${p}:s3:::recordings` })),
      policy({
        Effect: 'Allow',
        Action: 's3:GetObject',
        Resource: [
          'arn:aws:s3:::recordings',
          'arn:aws-cn:s3:::recordings',
          'arn:aws-us-gov:s3:::recordings',
          'arn:aws*:s3:::recordings',
          'arn:${aws:partition}:s3:::x'
        ]
      }),
      policy({ Effect: 'Allow', Action: 's3:GetObject', Resource: 'arn:${AWS::Partition}:s3:::recordings' }),
    ],
    invalid: [
      {
        text: policy({ Effect: 'Allow', Action: 's3:GetObject', Resource: 'arn:aws-us-gove:s3:::recordings' }),
        findings: [{ text: 'aws-us-gove', message: 'aws-us-gove is not an AWS partition: IAM rejects it.' }],
        output: policy({ Effect: 'Allow', Action: 's3:GetObject', Resource: 'arn:aws-us-gov:s3:::recordings' }), safe: false,
      },
      {
        text: policy({ Effect: 'Allow', Action: 'kinesis:DescribeStream', Resource: 'arn:amazon:kinesis:cn-north-1:123456789012:stream/records' }),
        findings: [{ text: 'amazon', message: 'amazon is not an AWS partition: IAM rejects it.' }],
        output: policy({ Effect: 'Allow', Action: 'kinesis:DescribeStream', Resource: 'arn:aws-cn:kinesis:cn-north-1:123456789012:stream/records' }), safe: false,
      },
      {
        text: policy({ Effect: 'Allow', Action: 's3:GetObject', Resource: 'arn:AWS:s3:::recordings' }),
        findings: [{ text: 'AWS', message: 'AWS is not an AWS partition: IAM rejects it.' }],
        output: policy({ Effect: 'Allow', Action: 's3:GetObject', Resource: 'arn:aws:s3:::recordings' }), safe: false,
      },
      {
        text: policy({ Effect: 'Allow', Action: 's3:GetObject', Resource: 'arn:azure*:s3:::recordings' }),
        findings: [{ text: 'azure*', message: 'The partition pattern azure* matches no AWS partition' }],
        output: null,
      },
    ],
  },
  'arn-unknown-region': {
    valid: [
      { name: 'Regions of every partition, recent Regions, patterns, none', text: REGIONS },
      { name: 'a Region in an S3 bucket ARN is arn-field-not-allowed’s', text: policy({ Effect: 'Allow', Action: 's3:GetObject', Resource: 'arn:aws:s3:us-east1:12345:recordings' }) },
      policy({
        Effect: 'Allow',
        Action: 'kinesis:DescribeStream',
        Resource: [
          'arn:aws:kinesis:us-east-1:210987654321:stream/a',
          'arn:aws:kinesis:eu-*:210987654321:stream/a',
          'arn:aws-cn:kinesis:cn-north-1:210987654321:stream/a',
          'arn:aws:kinesis::210987654321:stream/a'
        ]
      }),
      { name: 'a placeholder Region is placeholder-value’s', text: policy({ Effect: 'Allow', Action: 'kinesis:DescribeStream', Resource: 'arn:aws:kinesis:region:123456789012:stream/a' }) },
    ],
    invalid: [
      {
        text: policy({ Effect: 'Allow', Action: 'kinesis:DescribeStream', Resource: 'arn:aws:kinesis:us-east1:123456789012:stream/records' }),
        findings: [{ text: 'us-east1', message: 'us-east1 is not an AWS Region code, so this ARN matches nothing.' }],
        output: policy({ Effect: 'Allow', Action: 'kinesis:DescribeStream', Resource: 'arn:aws:kinesis:us-east-1:123456789012:stream/records' }), safe: false,
      },
    ],
  },
  'arn-region-partition-mismatch': {
    valid: [
      { name: 'Regions of every partition, recent Regions, patterns, none', text: REGIONS },
      policy({ Effect: 'Allow', Action: 'connect:DescribeInstance', Resource: 'arn:aws-cn:connect:cn-north-1:123456789012:instance/*' }),
    ],
    invalid: [
      {
        text: policy({ Effect: 'Allow', Action: 'connect:DescribeInstance', Resource: 'arn:aws:connect:cn-north-1:123456789012:instance/*' }),
        findings: [{ text: 'cn-north-1', message: 'Region cn-north-1 is in the aws-cn partition, but this ARN says aws: no resource has this ARN.', related: [ 'aws' ] }],
        output: policy({ Effect: 'Allow', Action: 'connect:DescribeInstance', Resource: 'arn:aws-cn:connect:cn-north-1:123456789012:instance/*' }), safe: false,
      },
    ],
  },
  'arn-invalid-account': {
    valid: [
      {
        name: '12 digits, empty, *, digit patterns, variables, aws and the reference’s own word',
        text: policy({ Effect: 'Allow', Action: 'kinesis:DescribeStream', Resource: [
          'arn:aws:iam::aws:policy/AdministratorAccess', 'arn:aws:kinesis:*:*:stream/a', 'arn:aws:kinesis:*:2109*:stream/a',
          'arn:aws:s3:::bucket', 'arn:aws:kinesis:*:${aws:PrincipalAccount}:stream/a', 'arn:aws:kinesis:*:210987654321:stream/a',
          'arn:aws:mediaconnect:us-east-1:offering:abc',
        ] }),
      },
      policy({
        Effect: 'Allow',
        Principal: { AWS: 'arn:aws:iam::cloudfront:user/CloudFront Origin Access Identity E15MNIMTCFKK4C' },
        Action: 's3:GetObject',
        Resource: 'arn:aws:s3:::b/*'
      }),
      policy({
        Effect: 'Allow',
        Action: 'kinesis:DescribeStream',
        Resource: [
          'arn:aws:kinesis:us-east-1:210987654321:stream/a',
          'arn:aws:kinesis:us-east-1:*:stream/a',
          'arn:aws:kinesis:us-east-1:2109*:stream/a',
          'arn:aws:kinesis:us-east-1:${aws:PrincipalAccount}:stream/a'
        ]
      }),
      policy({ Effect: 'Allow', Action: 's3:GetObject', Resource: 'arn:aws:s3:us-east1:12345:recordings' }),
    ],
    invalid: [
      {
        text: policy({ Effect: 'Allow', Action: 'iam:GetRole', Resource: 'arn:aws:iam::cloudfront:role/r' }),
        findings: [{ text: 'cloudfront', message: 'Account cloudfront is not a number: an account ID has exactly 12 digits, so this ARN matches nothing.' }],
        output: null,
      },
      {
        text: policy({ Effect: 'Allow', Action: 'kinesis:DescribeStream', Resource: 'arn:aws:kinesis:us-east-1:12345678901:stream/a' }),
        findings: [{ text: '12345678901', message: 'Account 12345678901 has 11 digits: an account ID has exactly 12 digits, so this ARN matches nothing.' }],
        output: null,
      },
      {
        text: policy({ Effect: 'Allow', Action: 'kinesis:DescribeStream', Resource: 'arn:aws:kinesis:us-east-1:2109-8765-4321:stream/a' }),
        findings: [{ text: '2109-8765-4321', message: 'Account 2109-8765-4321 is not a number: an account ID has exactly 12 digits, so this ARN matches nothing.' }],
        output: policy({ Effect: 'Allow', Action: 'kinesis:DescribeStream', Resource: 'arn:aws:kinesis:us-east-1:210987654321:stream/a' }), safe: false,
      },
      {
        text: policy({
          Effect: 'Allow',
          Action: 'kinesis:DescribeStream',
          Resource: [ 'arn:aws:kinesis:us-east-1:210987654321:stream/a', 'arn:aws:kinesis:us-east-1:prod:stream/b' ]
        }),
        findings: [{ text: 'prod', message: 'Account prod is not a number: an account ID has exactly 12 digits, so this ARN matches nothing.' }],
        output: policy({
          Effect: 'Allow',
          Action: 'kinesis:DescribeStream',
          Resource: [ 'arn:aws:kinesis:us-east-1:210987654321:stream/a', 'arn:aws:kinesis:us-east-1:210987654321:stream/b' ]
        }), safe: false,
      },
      {
        text: policy({ Effect: 'Allow', Action: 'kinesis:DescribeStream', Resource: 'arn:aws:kinesis:*:prod-*:stream/a' }),
        findings: [{ text: 'prod-*', message: 'Account prod-* is not a number: an account ID has exactly 12 digits, so this ARN matches nothing.' }],
        output: null,
      },
    ],
  },
  'arn-example-account': {
    valid: [
      policy({ Effect: 'Allow', Action: 'kinesis:DescribeStream', Resource: 'arn:aws:kinesis:*:210987654321:stream/a' }),
    ],
    invalid: [
      {
        text: policy({
          Effect: 'Allow',
          Action: 'kinesis:DescribeStream',
          Resource: [ 'arn:aws:kinesis:*:123456789012:stream/a', 'arn:aws:kinesis:*:123456789012:stream/b' ]
        }),
        findings: [{ text: '123456789012', message: '123456789012 is an account ID AWS documentation uses in examples.', related: [ '123456789012' ] }],
        output: null,
      },
    ],
  },
  'placeholder-value': {
    valid: [
      policy({
        Effect: 'Allow',
        Action: 's3:GetObject',
        Resource: [
          'arn:aws:s3:::my-connect-recording-bucket/${aws:username}/*',
          "arn:aws:s3:::b/${aws:PrincipalTag/team, 'shared'}/*",
          'arn:aws:lambda:us-east-1:210987654321:function:get-user-by-id',
          'arn:aws:s3:::b/${*}/${?}/${$}',
          'arn:aws:iam::210987654321:role/aws-service-role/connect.amazonaws.com/*',
          'arn:aws:kinesis:*:210987654321:stream/connect-contact-records',
          'arn:aws:ssm:us-east-1:210987654321:parameter/region',
          'arn:aws:autoscaling:*:*:scalingPolicy:*:autoScalingGroupName/web:policyName/scale-out'
        ]
      }),
      policy({
        Effect: 'Allow',
        Action: 'ec2:CreateTags',
        Resource: 'arn:aws:ec2:*:*:volume/*',
        Condition: { StringEquals: { 'aws:RequestTag/eks:cluster': '${aws:PrincipalTag/eks:cluster}' } }
      }),
    ],
    invalid: [
      {
        name: 'a placeholder Region',
        text: policy({ Effect: 'Allow', Action: 'kinesis:DescribeStream', Resource: 'arn:aws:kinesis:region:123456789012:stream/a' }),
        findings: [{ text: 'region', message: 'region is a placeholder from an example, so this value matches nothing real.' }],
        notAlso: ['arn-unknown-region'],
        output: null,
      },
      {
        notAlso: [ 'arn-invalid-account', 'unknown-policy-variable' ], text: policy({ Effect: 'Allow', Action: 's3:GetObject', Resource: 'arn:aws:s3:::<bucket>/*' }),
        findings: [{ text: '<bucket>', message: '<bucket> is a placeholder from an example, so this value matches nothing real.' }],
        output: null,
      },
      {
        text: policy({ Effect: 'Allow', Action: 's3:GetObject', Resource: 'arn:aws:kinesis:us-east-1:<account-id>:stream/a' }),
        findings: [{ text: '<account-id>', message: '<account-id> is a placeholder from an example, so this value matches nothing real.' }],
        output: null,
      },
      {
        text: policy({ Effect: 'Allow', Action: 's3:GetObject', Resource: 'arn:aws:s3:::{{BucketName}}' }),
        findings: [{ text: '{{BucketName}}', message: '{{BucketName}} is a placeholder from an example, so this value matches nothing real.' }],
        output: null,
      },
      {
        notAlso: [ 'unknown-policy-variable' ], text: policy({ Effect: 'Allow', Action: 's3:GetObject', Resource: 'arn:aws:connect:us-east-1:210987654321:instance/${InstanceId}' }),
        findings: [{ text: '${InstanceId}', message: '${InstanceId} is a placeholder from an example, so this value matches nothing real.' }],
        output: null,
      },
      {
        text: policy({ Effect: 'Allow', Action: 's3:GetObject', Resource: 'arn:aws:kinesis:us-east-1:${AWS::AccountId}:stream/a' }),
        findings: [{ text: '${AWS::AccountId}', message: '${AWS::AccountId} is a placeholder from an example, so this value matches nothing real.' }],
        output: null,
      },
      {
        text: policy({ Effect: 'Allow', Action: 's3:GetObject', Resource: 'arn:aws:kinesis:us-east-1:ACCOUNT_ID:stream/a' }),
        findings: [{ text: 'ACCOUNT_ID', message: 'ACCOUNT_ID is a placeholder from an example, so this value matches nothing real.' }],
        output: null,
      },
      {
        text: policy({ Effect: 'Allow', Action: 's3:GetObject', Resource: 'arn:aws:s3:::amzn-s3-demo-bucket/*' }),
        findings: [{ text: 'amzn-s3-demo-bucket', message: 'amzn-s3-demo-bucket is a placeholder from an example, so this value matches nothing real.' }],
        output: null,
      },
      {
        text: policy({ Effect: 'Allow', Action: 's3:GetObject', Resource: 'arn:aws:s3:::DOC-EXAMPLE-BUCKET' }),
        findings: [{ text: 'DOC-EXAMPLE-BUCKET', message: 'DOC-EXAMPLE-BUCKET is a placeholder from an example, so this value matches nothing real.' }],
        output: null,
      },
      {
        text: policy({
          Effect: 'Allow',
          Action: 'kinesis:DescribeStream',
          Resource: [ 'arn:aws:kinesis:us-east-1:210987654321:stream/a', 'arn:aws:kinesis:us-east-1:account-id:stream/b' ]
        }),
        findings: [{ text: 'account-id', message: 'account-id is a placeholder from an example, so this value matches nothing real.' }],
        output: policy({
          Effect: 'Allow',
          Action: 'kinesis:DescribeStream',
          Resource: [ 'arn:aws:kinesis:us-east-1:210987654321:stream/a', 'arn:aws:kinesis:us-east-1:210987654321:stream/b' ]
        }), safe: false,
      },
      {
        text: policy({
          Effect: 'Allow',
          Action: 'connect:DescribeQueue',
          Resource: [
            'arn:aws:connect:eu-west-2:210987654321:instance/a1b2c3d4-5678-90ab-cdef-210987654321',
            'arn:aws:connect:region:210987654321:instance/instance-id/queue/*'
          ]
        }),
        findings: [{ text: 'region', message: 'region is a placeholder from an example, so this value matches nothing real.' }, { text: 'instance-id', message: 'instance-id is a placeholder from an example, so this value matches nothing real.' }],
        output: policy({
          Effect: 'Allow',
          Action: 'connect:DescribeQueue',
          Resource: [
            'arn:aws:connect:eu-west-2:210987654321:instance/a1b2c3d4-5678-90ab-cdef-210987654321',
            'arn:aws:connect:eu-west-2:210987654321:instance/instance-id/queue/*'
          ]
        }), safe: false,
      },
      {
        notAlso: [ 'condition-invalid-value' ], text: policy({ Effect: 'Allow', Action: 's3:GetObject', Resource: 'arn:aws:s3:::recordings/*', Condition: { IpAddress: { 'aws:SourceIp': '<my-corporate-cidr>' } } }),
        findings: [{ text: '<my-corporate-cidr>', message: '<my-corporate-cidr> is a placeholder from an example, so this value matches nothing real.' }],
        output: null,
      },
      {
        notAlso: [ 'arn-invalid-partition' ], text: policy({ Effect: 'Allow', Action: 's3:GetObject', Resource: 'arn:${AWS::Partition}:s3:::recordings' }),
        findings: [{ text: '${AWS::Partition}', message: '${AWS::Partition} is a placeholder from an example, so this value matches nothing real.' }],
        output: null,
      },
    ],
  },
  'placeholder-name': {
    valid: [
      policy({ Effect: 'Allow', Action: 's3:GetObject', Resource: 'arn:aws:s3:::my-connect-recording-bucket/*' }),
    ],
    invalid: [
      {
        notAlso: [ 'placeholder-value' ], text: policy({ Effect: 'Allow', Action: 's3:GetObject', Resource: 'arn:aws:dynamodb:us-east-1:210987654321:table/TABLE_NAME' }),
        findings: [{ text: 'TABLE_NAME', message: 'TABLE_NAME reads like an example name.' }],
        output: null,
      },
      {
        text: policy({ Effect: 'Allow', Action: 's3:GetObject', Resource: 'arn:aws:lambda:us-east-1:210987654321:function:my-function' }),
        findings: [{ text: 'my-function', message: 'my-function reads like an example name.' }],
        output: null,
      },
      {
        text: policy({ Effect: 'Allow', Action: 's3:GetObject', Resource: 'arn:aws:s3:::my-bucket/*' }),
        findings: [{ text: 'my-bucket', message: 'my-bucket reads like an example name.' }],
        output: null,
      },
      {
        text: policy({ Effect: 'Allow', Action: 's3:GetObject', Resource: 'arn:aws:kinesis:us-east-1:210987654321:stream/stream-name' }),
        findings: [{ text: 'stream-name', message: 'stream-name reads like an example name.' }],
        output: null,
      },
    ],
  },
  'unknown-policy-variable': {
    valid: [
      policy({
        Effect: 'Allow',
        Action: 's3:GetObject',
        Resource: [
          'arn:aws:s3:::home/${aws:username}/*',
          "arn:aws:s3:::home/${aws:PrincipalTag/team, 'x'}/*",
          'arn:aws:s3:::home/${s3:prefix}',
          'arn:aws:s3:::home/${InstanceId}'
        ]
      }),
    ],
    invalid: [
      {
        text: policy({ Effect: 'Allow', Action: 's3:GetObject', Resource: 'arn:aws:s3:::home/${aws:usrname}/*' }),
        findings: [{ text: '${aws:usrname}', message: '${aws:usrname} names no known policy variable, so IAM cannot substitute it and this value never matches.' }],
        output: policy({ Effect: 'Allow', Action: 's3:GetObject', Resource: 'arn:aws:s3:::home/${aws:username}/*' }), safe: false,
      },
      {
        text: policy({ Effect: 'Allow', Action: 's3:GetObject', Resource: 'arn:aws:s3:::home/${aws:PrincipalTags/team}/*' }),
        findings: [{ text: '${aws:PrincipalTags/team}', message: '${aws:PrincipalTags/team} names no known policy variable, so IAM cannot substitute it and this value never matches.' }],
        output: policy({ Effect: 'Allow', Action: 's3:GetObject', Resource: 'arn:aws:s3:::home/${aws:PrincipalTag/team}/*' }), safe: false,
      },
      {
        text: policy({ Effect: 'Allow', Action: 's3:ListBucket', Resource: 'arn:aws:s3:::home', Condition: { StringLike: { 's3:prefix': '${aws:userName2}/*' } } }),
        findings: [{ text: '${aws:userName2}', message: '${aws:userName2} names no known policy variable, so IAM cannot substitute it and this value never matches.' }],
        output: policy({ Effect: 'Allow', Action: 's3:ListBucket', Resource: 'arn:aws:s3:::home', Condition: { StringLike: { 's3:prefix': '${aws:username}/*' } } }), safe: false,
      },
    ],
  },
};
