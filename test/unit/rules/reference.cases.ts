// Harness cases of the reference rules (server/src/engine/rules/reference).
import { CaseTable, policy } from '../../ruleTester';

export const referenceCases: CaseTable = {
  'action-malformed': {
    valid: [
      policy({ Effect: 'Allow', Action: [ '*', 's3:Get*', 'S3:getobject', 'ec2:Describe?pcs' ], Resource: '*' }),
    ],
    invalid: [
      {
        text: policy({ Effect: 'Allow', Action: [ 'GetObject', 's3:GetObject' ], Resource: 'arn:aws:s3:::b/*' }),
        findings: [{ text: '"GetObject"', message: 'GetObject is not a valid action, and IAM rejects the policy. It has no service prefix' }],
        output: null,
      },
      {
        text: policy({ Effect: 'Allow', Action: 's3: GetObject', Resource: 'arn:aws:s3:::b/*' }),
        findings: [{ text: '"s3: GetObject"', message: 's3: GetObject is not a valid action, and IAM rejects the policy.' }],
        output: policy({ Effect: 'Allow', Action: 's3:GetObject', Resource: 'arn:aws:s3:::b/*' }), safe: true,
      },
    ],
  },
  'action-unknown-service': {
    valid: [
      policy({ Effect: 'Allow', Action: [ 'KINESIS:ListStreams', 'kinesis:ListStreams' ], Resource: '*' }),
    ],
    invalid: [
      {
        text: policy({ Effect: 'Allow', Action: 's4:GetObject', Resource: 'arn:aws:s3:::b/*' }),
        findings: [{ text: 's4', message: /^s4 is not a service prefix in the AWS reference of \d{4}-\d{2}-\d{2}\. .*Did you mean s3\b/ }],
        output: policy({ Effect: 'Allow', Action: 's3:GetObject', Resource: 'arn:aws:s3:::b/*' }), safe: false,
      },
    ],
  },
  'action-unknown': {
    valid: [
      policy({
        Effect: 'Allow',
        Action: [ 'S3:getobject', 'connect:AssociateLambdaFunction' ],
        Resource: [ 'arn:aws:s3:::b/*', 'arn:aws:connect:us-east-1:111122223333:instance/x' ]
      }),
    ],
    invalid: [
      {
        text: policy({ Effect: 'Allow', Action: 's3:GetObjekt', Resource: 'arn:aws:s3:::b/*' }),
        findings: [{ text: '"s3:GetObjekt"', message: /^Amazon S3 has no action GetObjekt in the AWS reference of \d{4}-\d{2}-\d{2}\. .*Did you mean s3:GetObject\b/ }],
        output: policy({ Effect: 'Allow', Action: 's3:GetObject', Resource: 'arn:aws:s3:::b/*' }), safe: false,
      },
      {
        text: policy({ Effect: 'Allow', Action: 'S3:getobjekt', Resource: 'arn:aws:s3:::b/*' }),
        findings: [{ text: '"S3:getobjekt"', message: 'Amazon S3 has no action getobjekt' }],
        output: policy({ Effect: 'Allow', Action: 'S3:getobject', Resource: 'arn:aws:s3:::b/*' }), safe: false,
      },
    ],
  },
  'action-pattern-matches-nothing': {
    valid: [
      policy({ Effect: 'Allow', Action: [ 's3:get*', 's3:*Object', 'kinesis:List*' ], Resource: '*' }),
    ],
    invalid: [
      {
        notAlso: [ 'action-unknown' ], text: policy({ Effect: 'Allow', Action: 's3:Get*Foo', Resource: 'arn:aws:s3:::b/*' }),
        findings: [{ text: '"s3:Get*Foo"', message: 'The pattern s3:Get*Foo matches no action of Amazon S3' }],
        output: null,
      },
    ],
  },
  'arn-malformed': {
    valid: [
      policy({ Effect: 'Allow', Action: 's3:GetObject', Resource: [ '*', 'arn:aws:s3:::b/*', 'arn:aws:s3:*', '${aws:SourceArn}' ] }),
    ],
    invalid: [
      {
        text: policy({ Effect: 'Allow', Action: 's3:GetObject', Resource: 'my-bucket' }),
        findings: [{ text: '"my-bucket"', message: 'my-bucket is not an ARN, and IAM rejects the policy.' }],
        output: null,
      },
      {
        text: policy({ Effect: 'Allow', Action: 's3:GetObject', Resource: 'arn:aws:s3:my-bucket' }),
        findings: [{ text: '"arn:aws:s3:my-bucket"', message: 'This ARN has 4 of the six fields, and IAM rejects the policy.' }],
        output: null,
      },
      {
        text: policy({ Effect: 'Allow', Action: 's3:GetObject', Resource: 'arn:aws::us-east-1:111122223333:x' }),
        findings: [{ text: '::', message: 'The service field of this ARN is empty, so it matches no resource.' }],
        output: null,
      },
      {
        text: policy({ Effect: 'Allow', Action: 's3:GetObject', Resource: 'ARN:aws:s3:::b/*' }),
        findings: [{ text: '"ARN:aws:s3:::b/*"', message: 'ARN:aws:s3:::b/* is not an ARN, and IAM rejects the policy.' }],
        output: policy({ Effect: 'Allow', Action: 's3:GetObject', Resource: 'arn:aws:s3:::b/*' }), safe: true,
      },
    ],
  },
  'arn-unknown-service': {
    valid: [
      policy({
        Effect: 'Allow',
        Action: 's3:GetObject',
        Resource: [ 'arn:aws:s3:::b/*', 'arn:aws:kafka:us-east-1:111122223333:cluster/c/*', 'arn:aws:*:*:*:*', 'arn:aws:${x}:::b' ]
      }),
    ],
    invalid: [
      {
        text: policy({ Effect: 'Allow', Action: 's3:GetObject', Resource: 'arn:aws:s4:::b/*' }),
        findings: [{ text: 's4', message: 's4 is the service of no ARN' }],
        output: policy({ Effect: 'Allow', Action: 's3:GetObject', Resource: 'arn:aws:s3:::b/*' }), safe: false,
      },
      {
        text: policy({ Effect: 'Allow', Action: 's3:GetObject', Resource: 'arn:aws:S3:::b/*' }),
        findings: [{ text: 'S3', message: 'The service S3 must be lower case: ARNs match case-sensitively, so this one matches nothing.' }],
        output: policy({ Effect: 'Allow', Action: 's3:GetObject', Resource: 'arn:aws:s3:::b/*' }), safe: false,
      },
    ],
  },
  'arn-field-not-allowed': {
    valid: [
      policy({
        Effect: 'Allow',
        Action: 's3:GetObject',
        Resource: [
          'arn:aws:s3:*::my-bucket/*',
          'arn:aws:s3:${aws:RequestedRegion}::my-bucket/*',
          'arn:aws:s3:us-east-1:111122223333:accesspoint/ap',
          'arn:aws:iam::111122223333:role/aws-service-role/connect.amazonaws.com/*'
        ]
      }),
    ],
    invalid: [
      {
        text: policy({ Effect: 'Allow', Action: 's3:GetObject', Resource: 'arn:aws:s3:us-east-1::my-bucket/*' }),
        findings: [{ text: 'us-east-1', message: 'This s3 ARN has a Region, so it matches nothing.' }],
        output: policy({ Effect: 'Allow', Action: 's3:GetObject', Resource: 'arn:aws:s3:::my-bucket/*' }), safe: false,
      },
      {
        text: policy({
          Effect: 'Allow',
          Action: [ 's3:ListBucket', 'iam:PassRole' ],
          Resource: [ 'arn:aws:s3::111122223333:my-bucket', 'arn:aws:iam:us-east-1:111122223333:role/r' ]
        }),
        findings: [{ text: '111122223333', message: 'This s3 ARN has an account, so it matches nothing.' }, { text: 'us-east-1', message: 'This iam ARN has a Region, so it matches nothing.' }],
        output: policy({ Effect: 'Allow', Action: [ 's3:ListBucket', 'iam:PassRole' ], Resource: [ 'arn:aws:s3:::my-bucket', 'arn:aws:iam:us-east-1:111122223333:role/r' ] }), safe: false,
      },
    ],
  },
  'arn-missing-region': {
    valid: [
      policy({
        Effect: 'Allow',
        Action: 's3:GetObject',
        Resource: [ 'arn:aws:s3:::b', 'arn:aws:iam::111122223333:role/r', 'arn:aws:ssm:us-east-1::document/AWS-RunShellScript', 'arn:aws:lambda:*:*:function:f' ]
      }),
    ],
    invalid: [
      {
        text: policy({
          Effect: 'Allow',
          Action: [ 'lambda:InvokeFunction', 'connect:DescribeInstance' ],
          Resource: [ 'arn:aws:lambda::111122223333:function:f', 'arn:aws:connect:eu-west-2:111122223333:instance/i' ]
        }),
        findings: [{ text: '::', message: 'This lambda ARN has no Region, so it matches nothing.' }],
        output: policy({
          Effect: 'Allow',
          Action: [ 'lambda:InvokeFunction', 'connect:DescribeInstance' ],
          Resource: [ 'arn:aws:lambda:eu-west-2:111122223333:function:f', 'arn:aws:connect:eu-west-2:111122223333:instance/i' ]
        }), safe: false,
      },
    ],
  },
  'arn-missing-account': {
    valid: [
      policy({
        Effect: 'Allow',
        Action: [ 'ssm:SendCommand', 'ssm:GetParameter', 's3:ListBucket', 'iam:GetRole', 'ec2:RunInstances' ],
        Resource: [
          'arn:aws:ssm:us-east-1::document/AWS-RunShellScript',
          'arn:aws:ssm:*::parameter/aws/service/*',
          'arn:aws:s3:::b',
          'arn:aws:iam::*:role/r',
          'arn:aws:ec2:us-east-1::image/ami-1'
        ]
      }),
    ],
    invalid: [
      {
        notAlso: [ 'resource-not-applicable', 'action-resource-not-listed' ], text: policy({
          Effect: 'Allow',
          Action: [ 'iam:DeleteRole', 'connect:DescribeInstance' ],
          Resource: [ 'arn:aws:iam:::role/aws-service-role/profile.amazonaws.com/AWSServiceRoleForProfile_*', 'arn:aws:connect:eu-west-2:111122223333:instance/i' ]
        }),
        findings: [{ text: '::', message: 'This iam ARN has no account, so it matches nothing.' }],
        output: policy({
          Effect: 'Allow',
          Action: [ 'iam:DeleteRole', 'connect:DescribeInstance' ],
          Resource: [
            'arn:aws:iam::111122223333:role/aws-service-role/profile.amazonaws.com/AWSServiceRoleForProfile_*',
            'arn:aws:connect:eu-west-2:111122223333:instance/i'
          ]
        }), safe: false,
      },
      {
        text: policy({ Effect: 'Allow', Action: 'sqs:DeleteQueue', Resource: 'arn:aws:sqs:us-east-2::team-queue' }),
        findings: [{ text: '::', message: 'This sqs ARN has no account, so it matches nothing.' }],
        output: policy({ Effect: 'Allow', Action: 'sqs:DeleteQueue', Resource: 'arn:aws:sqs:us-east-2:*:team-queue' }), safe: false,
      },
    ],
  },
  'resource-not-applicable': {
    valid: [
      policy({ Effect: 'Deny', Principal: '*', Action: 's3:PutObject', Resource: [ 'arn:aws:s3:::b', 'arn:aws:s3:::b/*' ] }),
      policy({ Effect: 'Allow', Action: 's3:*', Resource: [ 'arn:aws:s3:::b', 'arn:aws:s3:::b/*' ] }, { Effect: 'Allow', Action: '*', Resource: 'arn:aws:s3:::b' }, { Effect: 'Allow', Action: [ 's3:GetObject', 'newservice:DoThing' ], Resource: 'arn:aws:newservice:us-east-1:111122223333:thing/t' }, { Effect: 'Allow', NotAction: 's3:GetObject', Resource: 'arn:aws:kinesis:us-east-1:111122223333:stream/s' }),
    ],
    invalid: [
      {
        text: policy({ Effect: 'Allow', Action: 's3:GetObject', Resource: [ 'arn:aws:s3:::b/*', 'arn:aws:kinesis:us-east-1:111122223333:stream/s' ] }),
        findings: [{ text: '"arn:aws:kinesis:us-east-1:111122223333:stream/s"', message: 'No action of this statement can be used on arn:aws:kinesis:us-east-1:111122223333:stream/s.' }],
        output: null,
      },
      {
        text: policy({ Effect: 'Allow', Action: 's3:PutObject', Resource: [ 'arn:aws:s3:::b', 'arn:aws:s3:::c/*' ] }),
        findings: [{ text: '"arn:aws:s3:::b"', message: 'No action of this statement can be used on arn:aws:s3:::b.' }],
        output: null,
      },
      {
        text: policy({ Effect: 'Deny', Action: 'lambda:InvokeFunction', Resource: 'arn:aws:s3:::b' }),
        findings: [{ text: '"arn:aws:s3:::b"', message: 'No action of this statement can be used on arn:aws:s3:::b.' }],
        output: null,
      },
    ],
  },
  'action-resource-not-listed': {
    valid: [
      policy({ Effect: 'Allow', Action: [ 's3:Get*', 's3:ListBucket' ], Resource: 'arn:aws:s3:::b' }, { Effect: 'Allow', Action: 'lambda:AddPermission', Resource: 'arn:aws:lambda:*:*:function:my-function' }, { Effect: 'Allow', Action: 'kinesis:DescribeStream', Resource: 'arn:aws:kinesis:*:account:stream/x' }, { Effect: 'Allow', Action: 'iam:PutRolePolicy', Resource: 'arn:aws:iam::acct:role/aws-service-role/connect.amazonaws.com/*' }, { Effect: 'Allow', Action: [ 's3:GetBucketAcl', 's3:GetBucketLocation' ], Resource: 'arn:aws:s3:::bucket' }, { Effect: 'Allow', Action: 's3:GetObject', Resource: 'arn:aws:s3:::${aws:username}/*' }),
    ],
    invalid: [
      {
        text: policy({ Effect: 'Allow', Action: [ 's3:GetObject', 's3:ListBucket' ], Resource: 'arn:aws:s3:::b' }),
        findings: [{ text: '"s3:GetObject"', message: 'No resource of this statement fits s3:GetObject.' }],
        output: null,
      },
    ],
  },
  'action-needs-wildcard-resource': {
    valid: [
      policy({ Effect: 'Allow', Action: 's3:ListAllMyBuckets', Resource: '*' }, { Effect: 'Allow', Action: 's3:ListAllMyBuckets', Resource: 'arn:aws:s3:::*' }),
    ],
    invalid: [
      {
        text: policy({
          Effect: 'Allow',
          Action: [ 'kinesis:DescribeStream', 'kinesis:ListStreams' ],
          Resource: 'arn:aws:kinesis:us-east-1:111122223333:stream/s',
          Condition: { Bool: { 'aws:SecureTransport': 'true' } }
        }),
        findings: [{ text: '"kinesis:ListStreams"', message: 'kinesis:ListStreams works only with "Resource": "*".' }],
        output: policy({
          Effect: 'Allow',
          Action: [ 'kinesis:DescribeStream' ],
          Resource: 'arn:aws:kinesis:us-east-1:111122223333:stream/s',
          Condition: { Bool: { 'aws:SecureTransport': 'true' } }
        }, { Effect: 'Allow', Action: 'kinesis:ListStreams', Resource: '*', Condition: { Bool: { 'aws:SecureTransport': 'true' } } }), safe: false,
      },
      {
        text: policy({
          Effect: 'Allow',
          Action: [ 'kinesis:DescribeStream', 'kinesis:ListStreams' ],
          Resource: 'arn:aws:kinesis:us-east-1:111122223333:stream/s',
          Principal: { AWS: 'arn:aws:iam::111122223333:role/reader' }
        }),
        findings: [{ text: '"kinesis:ListStreams"', message: 'kinesis:ListStreams works only with "Resource": "*".' }],
        output: policy({
          Effect: 'Allow',
          Action: [ 'kinesis:DescribeStream' ],
          Resource: 'arn:aws:kinesis:us-east-1:111122223333:stream/s',
          Principal: { AWS: 'arn:aws:iam::111122223333:role/reader' }
        }, { Effect: 'Allow', Principal: { AWS: 'arn:aws:iam::111122223333:role/reader' }, Action: 'kinesis:ListStreams', Resource: '*' }), safe: false,
      },
      {
        text: policy({ Effect: 'Allow', Action: 's3:ListAllMyBuckets', Resource: 'arn:aws:s3:::bucket' }),
        findings: [{ text: '"s3:ListAllMyBuckets"', message: 's3:ListAllMyBuckets works only with "Resource": "*".' }],
        output: null,
      },
    ],
  },
  'unknown-global-condition-key': {
    valid: [
      policy({
        Effect: 'Allow',
        Action: 'ec2:StartInstances',
        Resource: '*',
        Condition: { StringEquals: { 'aws:ResourceTag/Project': 'x', 'aws:PrincipalTag/team': 'y', 'AWS:sourceaccount': '111122223333' } }
      }),
    ],
    invalid: [
      {
        text: policy({ Effect: 'Allow', Action: 's3:ListAllMyBuckets', Resource: '*', Condition: { IpAddress: { 'aws:SourceIpp': '203.0.113.0/24' } } }),
        findings: [{ text: '"aws:SourceIpp"', message: 'aws:SourceIpp is not a global condition key' }],
        output: policy({ Effect: 'Allow', Action: 's3:ListAllMyBuckets', Resource: '*', Condition: { IpAddress: { 'aws:SourceIp': '203.0.113.0/24' } } }), safe: false,
      },
      {
        text: policy({ Effect: 'Allow', Action: 'ec2:StartInstances', Resource: '*', Condition: { StringEquals: { 'aws:ResourceTags/Project': 'x' } } }),
        findings: [{ text: '"aws:ResourceTags/Project"', message: 'aws:ResourceTags/Project is not a global condition key' }],
        output: policy({ Effect: 'Allow', Action: 'ec2:StartInstances', Resource: '*', Condition: { StringEquals: { 'aws:ResourceTag/Project': 'x' } } }), safe: false,
      },
    ],
  },
  'unknown-service-condition-key': {
    valid: [
      policy({
        Effect: 'Allow',
        Action: 'sts:AssumeRoleWithWebIdentity',
        Resource: '*',
        Condition: { StringLike: { 'token.actions.githubusercontent.com:sub': 'repo:o/r:*', 'sts:RoleSessionName': 'x' } }
      }),
    ],
    invalid: [
      {
        text: policy({ Effect: 'Allow', Action: 's3:ListBucket', Resource: 'arn:aws:s3:::b', Condition: { StringLike: { 's3:prefixx': 'home/' } } }),
        findings: [{ text: '"s3:prefixx"', message: 's3:prefixx is not a condition key of s3' }],
        output: policy({ Effect: 'Allow', Action: 's3:ListBucket', Resource: 'arn:aws:s3:::b', Condition: { StringLike: { 's3:prefix': 'home/' } } }), safe: false,
      },
    ],
  },
  'condition-key-not-supported': {
    valid: [
      policy({
        Effect: 'Allow',
        Action: [ 's3:ListBucket', 's3:ListBucketVersions' ],
        Resource: 'arn:aws:s3:::b',
        Condition: { StringLike: { 's3:prefix': 'home/' } }
      }),
      policy({ Effect: 'Allow', Action: 's3:GetObject', Resource: 'arn:aws:s3:::b/*', Condition: { StringEquals: { 's3:x-amz-acl': 'private' } } }),
    ],
    invalid: [
      {
        text: policy({
          Effect: 'Allow',
          Action: 'kinesis:DescribeStream',
          Resource: 'arn:aws:kinesis:us-east-1:111122223333:stream/s',
          Condition: { StringLike: { 's3:prefix': 'home/' } }
        }),
        findings: [{ text: '"s3:prefix"', message: 'No action of this statement supports s3:prefix.' }],
        output: null,
      },
      {
        text: policy({
          Effect: 'Allow',
          Action: 'kinesis:DescribeStream',
          Resource: 'arn:aws:kinesis:us-east-1:111122223333:stream/s',
          Condition: { StringLikeIfExists: { 's3:prefix': 'home/' } }
        }),
        findings: [{ text: '"s3:prefix"', message: 'No action of this statement supports s3:prefix.' }],
        output: null,
      },
    ],
  },
  'condition-key-not-listed': {
    valid: [
      policy({ Effect: 'Allow', Action: 's3:PutObject', Resource: 'arn:aws:s3:::b/*', Condition: { StringEquals: { 's3:x-amz-acl': 'private' } } }),
      policy({
        Effect: 'Allow',
        Action: 'kinesis:DescribeStream',
        Resource: 'arn:aws:kinesis:us-east-1:111122223333:stream/s',
        Condition: { StringLike: { 's3:prefix': 'home/' } }
      }),
    ],
    invalid: [
      {
        notAlso: [ 'condition-key-not-supported' ], text: policy({ Effect: 'Allow', Action: 's3:GetObject', Resource: 'arn:aws:s3:::b/*', Condition: { StringEquals: { 's3:x-amz-acl': 'private' } } }),
        findings: [{ text: '"s3:x-amz-acl"', message: 'The reference lists s3:x-amz-acl for no action of this statement.' }],
        output: null,
      },
    ],
  },
  'condition-key-partly-supported': {
    valid: [
      policy({
        Effect: 'Allow',
        Action: [ 's3:ListBucket', 's3:ListBucketVersions' ],
        Resource: 'arn:aws:s3:::b',
        Condition: { StringLike: { 's3:prefix': 'home/' } }
      }),
    ],
    invalid: [
      {
        notAlso: [ 'condition-key-not-supported' ], text: policy({
          Effect: 'Allow',
          Action: [ 's3:ListBucket', 'kinesis:DescribeStream' ],
          Resource: [ 'arn:aws:s3:::b', 'arn:aws:kinesis:us-east-1:111122223333:stream/s' ],
          Condition: { StringLike: { 's3:prefix': 'home/' } }
        }),
        findings: [{ text: '"s3:prefix"', message: 's3:prefix does not apply to every action of this statement.' }],
        output: null,
      },
    ],
  },
  'condition-type-mismatch': {
    valid: [
      policy({
        Effect: 'Allow',
        Action: 's3:ListAllMyBuckets',
        Resource: '*',
        Condition: {
          ArnLike: {
            'aws:SourceArn': 'arn:aws:connect:*:111122223333:instance/*',
            'kms:EncryptionContext:aws:s3:arn': 'arn:aws:s3:::b/*',
            'aws:RequestTag/awsApplication': 'arn:aws:resource-groups:*'
          },
          StringLike: { 'aws:SourceArn': 'arn:aws:connect:*' },
          StringEquals: { 'aws:ViaAWSService': 'true', 'aws:SourceIp': '203.0.113.7' },
          DateGreaterThan: { 'aws:CurrentTime': '2026-01-01T00:00:00Z' },
          IpAddress: { 'aws:SourceIp': '203.0.113.0/24' },
          Bool: { 'aws:SecureTransport': 'true' },
          'ForAnyValue:StringEquals': { 'aws:TagKeys': 'team' },
          Null: { 'aws:CurrentTime': 'false' },
          NumericLessThan: { 'aws:EpochTime': '1767225600', 'aws:RequestTag/size': '5' }
        }
      }),
    ],
    invalid: [
      {
        text: policy({ Effect: 'Allow', Action: 's3:ListAllMyBuckets', Resource: '*', Condition: { ArnLike: { 'aws:CurrentTime': 'arn:aws:*' } } }),
        findings: [{ text: '"ArnLike"', message: 'ArnLike can never match aws:CurrentTime: the operator compares ARNs and the key holds dates.', related: [ '"aws:CurrentTime"' ] }],
        output: null,
      },
      {
        text: policy({
          Effect: 'Allow',
          Action: 's3:ListAllMyBuckets',
          Resource: '*',
          Condition: { BoolIfExists: { 'aws:SourceIp': 'true' }, IpAddress: { 'aws:SecureTransport': '203.0.113.0/24' }, NumericLessThan: { 'aws:CurrentTime': '5' } }
        }),
        findings: [{ text: '"BoolIfExists"', message: 'BoolIfExists can never match aws:SourceIp: the operator compares true or false and the key holds IP addresses.', related: [ '"aws:SourceIp"' ] }, { text: '"IpAddress"', message: 'IpAddress can never match aws:SecureTransport: the operator compares IP addresses and the key holds true or false.', related: [ '"aws:SecureTransport"' ] }, { text: '"NumericLessThan"', message: 'NumericLessThan can never match aws:CurrentTime: the operator compares numbers and the key holds dates.', related: [ '"aws:CurrentTime"' ] }],
        output: null,
      },
      {
        text: policy({
          Effect: 'Allow',
          Action: 's3:GetObject',
          Resource: 'arn:aws:s3:::b/*',
          Condition: { ArnEqualsIfExists: { 'aws:SecureTransport': 'true' }, ArnNotEquals: { 'aws:SourceIp': '203.0.113.0/24' } }
        }),
        findings: [{ text: '"ArnEqualsIfExists"', message: 'ArnEqualsIfExists can never match aws:SecureTransport: the operator compares ARNs and the key holds true or false.', related: [ '"aws:SecureTransport"' ] }, { text: '"ArnNotEquals"', message: 'ArnNotEquals can never match aws:SourceIp: the operator compares ARNs and the key holds IP addresses.', related: [ '"aws:SourceIp"' ] }],
        output: policy({
          Effect: 'Allow',
          Action: 's3:GetObject',
          Resource: 'arn:aws:s3:::b/*',
          Condition: { BoolIfExists: { 'aws:SecureTransport': 'true' }, ArnNotEquals: { 'aws:SourceIp': '203.0.113.0/24' } }
        }), safe: false,
      },
      {
        text: policy({
          Effect: 'Allow',
          Action: 's3:ListAllMyBuckets',
          Resource: '*',
          Condition: { ArnEquals: { 'aws:SecureTransport': 'true', 'aws:SourceArn': 'arn:aws:s3:::b' } }
        }),
        findings: [{ text: '"ArnEquals"', message: 'ArnEquals can never match aws:SecureTransport: the operator compares ARNs and the key holds true or false.', related: [ '"aws:SecureTransport"' ] }],
        output: null,
      },
    ],
  },
  'action-redundant': {
    valid: [
      policy({
        Effect: 'Allow',
        Action: [ 's3:GetObject', 's3:PutObject' ],
        Resource: [ 'arn:aws:s3:::b/*', 'arn:aws:s3:::B/*', 'arn:aws:s3:::b/${aws:username}/*' ]
      }),
    ],
    invalid: [
      {
        text: policy({ Effect: 'Allow', Action: [ 's3:GetObject', 's3:Get*', 's3:PutObject' ], Resource: 'arn:aws:s3:::recordings/*' }),
        findings: [{ text: '"s3:GetObject"', message: 's3:GetObject is redundant.', related: [ '"s3:Get*"' ], tags: ['unnecessary'] }],
        output: policy({ Effect: 'Allow', Action: [ 's3:Get*', 's3:PutObject' ], Resource: 'arn:aws:s3:::recordings/*' }), safe: true,
      },
      {
        text: policy({ Effect: 'Allow', Action: [ 's3:GetObject', 's3:getobject' ], Resource: 'arn:aws:s3:::b/*' }),
        findings: [{ text: '"s3:getobject"', message: 's3:getobject is redundant.', related: [ '"s3:GetObject"' ], tags: ['unnecessary'] }],
        output: policy({ Effect: 'Allow', Action: [ 's3:GetObject' ], Resource: 'arn:aws:s3:::b/*' }), safe: true,
      },
      {
        text: policy({ Effect: 'Allow', Action: [ 's3:Get*', 's3:Get**' ], Resource: 'arn:aws:s3:::b/*' }),
        findings: [{ text: '"s3:Get**"', message: 's3:Get** is redundant.', related: [ '"s3:Get*"' ], tags: ['unnecessary'] }],
        output: policy({ Effect: 'Allow', Action: [ 's3:Get*' ], Resource: 'arn:aws:s3:::b/*' }), safe: true,
      },
    ],
  },
  'resource-redundant': {
    valid: [
      policy({
        Effect: 'Allow',
        Action: [ 's3:GetObject', 's3:PutObject' ],
        Resource: [ 'arn:aws:s3:::b/*', 'arn:aws:s3:::B/*', 'arn:aws:s3:::b/${aws:username}/*' ]
      }),
    ],
    invalid: [
      {
        text: policy({ Effect: 'Allow', Action: 's3:GetObject', Resource: [ 'arn:aws:s3:::b/*', 'arn:aws:s3:::b/*', 'arn:aws:s3:::b/2026/*' ] }),
        findings: [{ text: '"arn:aws:s3:::b/*"', message: 'arn:aws:s3:::b/* is redundant.', related: [ '"arn:aws:s3:::b/*"' ], tags: ['unnecessary'] }, { text: '"arn:aws:s3:::b/2026/*"', message: 'arn:aws:s3:::b/2026/* is redundant.', related: [ '"arn:aws:s3:::b/*"' ], tags: ['unnecessary'] }],
        output: policy({ Effect: 'Allow', Action: 's3:GetObject', Resource: [ 'arn:aws:s3:::b/*', 'arn:aws:s3:::b/2026/*' ] }), safe: true,
      },
    ],
  },
};
