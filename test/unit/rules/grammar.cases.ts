// Harness cases of the grammar rules (server/src/engine/rules/grammar).
import { CaseTable, json, policy } from '../../ruleTester';

export const grammarCases: CaseTable = {
  'version-missing': {
    valid: [
      policy({ Effect: 'Allow', Action: 's3:ListAllMyBuckets', Resource: '*' }),
    ],
    invalid: [
      {
        text: `{
  "Statement": [{"Effect": "Allow", "Action": "s3:ListAllMyBuckets", "Resource": "*"}]
}`,
        findings: [{ text: '{', at: '1:1', message: 'The policy has no Version, so IAM applies the old 2008-10-17 grammar.' }],
        output: `{
  "Version": "2012-10-17",
  "Statement": [{"Effect": "Allow", "Action": "s3:ListAllMyBuckets", "Resource": "*"}]
}`, safe: true,
      },
      {
        text: `{"Statement":[{"Effect":"Allow","Action":"s3:ListAllMyBuckets","Resource":"arn:aws:s3:::home/\${aws:username}"}]}`,
        findings: [{ text: '{', at: '1:1', message: 'The policy has no Version, so IAM applies the old 2008-10-17 grammar.' }],
        output: `{"Version": "2012-10-17", "Statement":[{"Effect":"Allow","Action":"s3:ListAllMyBuckets","Resource":"arn:aws:s3:::home/\${aws:username}"}]}`, safe: false,
      },
    ],
  },
  'version-invalid': {
    valid: [
      policy({ Effect: 'Allow', Action: 's3:ListAllMyBuckets', Resource: '*' }),
      json({ Version: '2008-10-17', Statement: [ { Effect: 'Allow', Action: 's3:ListAllMyBuckets', Resource: '*' } ] }),
    ],
    invalid: [
      {
        text: json({ Version: '2012-10-18', Statement: [ { Effect: 'Allow', Action: 's3:ListAllMyBuckets', Resource: '*' } ] }),
        findings: [{ text: '"2012-10-18"', message: 'Version "2012-10-18" is not a policy language version, and IAM rejects the policy.' }],
        output: policy({ Effect: 'Allow', Action: 's3:ListAllMyBuckets', Resource: '*' }), safe: true,
      },
      {
        text: json({ Version: 2012, Statement: [ { Effect: 'Allow', Action: 's3:ListAllMyBuckets', Resource: '*' } ] }),
        findings: [{ text: '2012', message: 'Version 2012 is not a policy language version, and IAM rejects the policy.' }],
        output: policy({ Effect: 'Allow', Action: 's3:ListAllMyBuckets', Resource: '*' }), safe: true,
      },
      {
        text: `{
  "Version": ["2012-10-17"],
  "Statement": [
    {
      "Effect": "Allow",
      "Action": "s3:ListAllMyBuckets",
      "Resource": "*"
    }
  ]
}`,
        findings: [{ text: '["2012-10-17"]', message: 'Version ["2012-10-17"] is not a policy language version, and IAM rejects the policy.' }],
        output: policy({ Effect: 'Allow', Action: 's3:ListAllMyBuckets', Resource: '*' }), safe: false,
      },
    ],
  },
  'version-outdated': {
    valid: [
      policy({ Effect: 'Allow', Action: 's3:ListAllMyBuckets', Resource: '*' }),
    ],
    invalid: [
      {
        text: json({ Version: '2008-10-17', Statement: [ { Effect: 'Allow', Action: 's3:ListAllMyBuckets', Resource: '*' } ] }),
        findings: [{ text: '"2008-10-17"', message: 'Version "2008-10-17" is the old policy language.' }],
        output: policy({ Effect: 'Allow', Action: 's3:ListAllMyBuckets', Resource: '*' }), safe: true,
      },
    ],
  },
  'policy-unknown-element': {
    valid: [
      `{"Id": "a",
  "Version": "2012-10-17",
  "Statement": [
    {
      "Effect": "Allow",
      "Action": "s3:ListAllMyBuckets",
      "Resource": "*"
    }
  ]
}`,
    ],
    invalid: [
      {
        notAlso: [ 'version-missing' ], text: json({ Versoin: '2012-10-17', Statement: [ { Effect: 'Allow', Action: 's3:ListAllMyBuckets', Resource: '*' } ] }),
        findings: [{ text: '"Versoin"', message: 'Versoin is not a policy element, and IAM rejects the policy.' }],
        output: policy({ Effect: 'Allow', Action: 's3:ListAllMyBuckets', Resource: '*' }), safe: false,
      },
      {
        text: json({ version: '2012-10-17', Statement: [ { Effect: 'Allow', Action: 's3:ListAllMyBuckets', Resource: '*' } ] }),
        findings: [{ text: '"version"', message: 'version is not a policy element, and IAM rejects the policy.' }],
        output: policy({ Effect: 'Allow', Action: 's3:ListAllMyBuckets', Resource: '*' }), safe: true,
      },
      {
        text: json({ Description: 'x', Version: '2012-10-17', Statement: [ { Effect: 'Allow', Action: 's3:ListAllMyBuckets', Resource: '*' } ] }),
        findings: [{ text: '"Description"', message: 'Description is not a policy element, and IAM rejects the policy.' }],
        output: null,
      },
    ],
  },
  'statement-missing': {
    valid: [
      policy({ Effect: 'Allow', Action: 's3:ListAllMyBuckets', Resource: '*' }),
    ],
    invalid: [
      {
        text: `{"Version": "2012-10-17", "Statement": []}`,
        findings: [{ text: '[]', message: 'Statement is an empty array: IAM rejects a policy without statements.' }],
        output: null,
      },
      {
        forcePolicy: true, text: `{"Version": "2012-10-17"}`,
        findings: [{ text: '{', at: '1:1', message: 'The policy has no Statement element: IAM rejects it.' }],
        output: null,
      },
    ],
  },
  'statement-invalid-type': {
    valid: [
      policy({ Effect: 'Allow', Action: 's3:ListAllMyBuckets', Resource: '*' }),
      json({ Version: '2012-10-17', Statement: { Effect: 'Allow', Action: 's3:ListAllMyBuckets', Resource: '*' } }),
    ],
    invalid: [
      {
        text: `{"Version": "2012-10-17", "Statement": "Allow"}`,
        findings: [{ text: '"Allow"', message: 'Statement is a string: IAM expects one statement object or an array of statement objects.' }],
        output: null,
      },
      {
        text: policy('s3:GetObject', { Effect: 'Allow', Action: 's3:ListAllMyBuckets', Resource: '*' }),
        findings: [{ text: '"s3:GetObject"', message: 'This statement is a string, not an object.' }],
        output: null,
      },
    ],
  },
  'statement-unknown-element': {
    valid: [
      policy({
        Sid: 'Allow Connect to write call recordings',
        Effect: 'Allow',
        Principal: { Service: 'connect.amazonaws.com' },
        Action: 's3:PutObject',
        Resource: 'arn:aws:s3:::connect-recordings-111122223333/*',
        Condition: { StringEquals: { 'aws:SourceAccount': '111122223333' } }
      }),
    ],
    invalid: [
      {
        notAlso: [ 'action-missing' ], text: policy({ Effect: 'Allow', Actions: 's3:ListAllMyBuckets', Resource: '*' }),
        findings: [{ text: '"Actions"', message: 'Actions is not a statement element, and IAM rejects the policy.' }],
        output: policy({ Effect: 'Allow', Action: 's3:ListAllMyBuckets', Resource: '*' }), safe: false,
      },
      {
        notAlso: [ 'effect-missing' ], text: policy({ effect: 'Allow', Action: 's3:ListAllMyBuckets', Resource: '*' }),
        findings: [{ text: '"effect"', message: 'effect is not a statement element, and IAM rejects the policy.' }],
        output: policy({ Effect: 'Allow', Action: 's3:ListAllMyBuckets', Resource: '*' }), safe: true,
      },
      {
        text: policy({ Effect: 'Allow', Action: 's3:ListAllMyBuckets', Resource: '*', Actions: 's3:GetObject' }),
        findings: [{ text: '"Actions"', message: 'Actions is not a statement element, and IAM rejects the policy.' }],
        output: null,
      },
    ],
  },
  'duplicate-key-case': {
    valid: [
      policy({
        Sid: 'Allow Connect to write call recordings',
        Effect: 'Allow',
        Principal: { Service: 'connect.amazonaws.com' },
        Action: 's3:PutObject',
        Resource: 'arn:aws:s3:::connect-recordings-111122223333/*',
        Condition: { StringEquals: { 'aws:SourceAccount': '111122223333' } }
      }),
      `{
  "Version": "2012-10-17",
  "Statement": [
    {
      "Effect": "Allow",
      "Action": "s3:ListAllMyBuckets",
      "Resource": "*", "Resource": "*"
    }
  ]
}`,
    ],
    invalid: [
      {
        notAlso: [ 'statement-unknown-element' ], text: policy({ Effect: 'Allow', Action: 's3:ListAllMyBuckets', Resource: '*', action: 's3:GetObject' }),
        findings: [{ text: '"action"', message: 'action duplicates Action in a different case, and IAM rejects the policy.', related: [ '"Action"' ] }],
        output: null,
      },
      {
        text: policy({
          Effect: 'Allow',
          Action: 's3:ListAllMyBuckets',
          Resource: '*',
          Condition: { StringEquals: { 'aws:SourceAccount': '111122223333', 'aws:sourceaccount': '444455556666' } }
        }),
        findings: [{ text: '"aws:sourceaccount"', message: 'aws:sourceaccount duplicates aws:SourceAccount in a different case, and IAM rejects the policy.', related: [ '"aws:SourceAccount"' ] }],
        output: null,
      },
    ],
  },
  'sid-duplicate': {
    valid: [
      policy({ Sid: 'ListAll', Effect: 'Allow', Action: 's3:ListAllMyBuckets', Resource: '*' }, { Sid: 'GetObjects', Effect: 'Allow', Action: 's3:GetObject', Resource: '*' }),
    ],
    invalid: [
      {
        text: policy({ Sid: 'ListAll', Effect: 'Allow', Action: 's3:ListAllMyBuckets', Resource: '*' }, { Sid: 'ListAll', Effect: 'Allow', Action: 's3:GetObject', Resource: '*' }),
        findings: [{ text: '"ListAll"', message: 'Sid "ListAll" is already used by an earlier statement.', related: [ '"ListAll"' ] }],
        output: null,
      },
    ],
  },
  'sid-invalid-characters': {
    valid: [
      policy({
        Sid: 'Allow Connect to write call recordings',
        Effect: 'Allow',
        Principal: { Service: 'connect.amazonaws.com' },
        Action: 's3:PutObject',
        Resource: 'arn:aws:s3:::connect-recordings-111122223333/*',
        Condition: { StringEquals: { 'aws:SourceAccount': '111122223333' } }
      }),
      policy({ Sid: 'ListAll', Effect: 'Allow', Action: 's3:ListAllMyBuckets', Resource: '*' }, { Sid: 'Get', Effect: 'Allow', Action: 's3:GetObject', Resource: '*' }),
    ],
    invalid: [
      {
        text: policy({ Sid: 'List all buckets', Effect: 'Allow', Action: 's3:ListAllMyBuckets', Resource: '*' }, { Sid: 'Get', Effect: 'Allow', Action: 's3:GetObject', Resource: '*' }),
        findings: [{ text: '"List all buckets"', message: 'Sid "List all buckets" contains a space, and IAM rejects the policy.' }],
        output: policy({ Sid: 'ListAllBuckets', Effect: 'Allow', Action: 's3:ListAllMyBuckets', Resource: '*' }, { Sid: 'Get', Effect: 'Allow', Action: 's3:GetObject', Resource: '*' }), safe: true,
      },
      {
        text: policy({ Sid: 'List-All', Effect: 'Allow', Action: 's3:ListAllMyBuckets', Resource: '*' }, { Sid: 'ListAll', Effect: 'Allow', Action: 's3:GetObject', Resource: '*' }),
        findings: [{ text: '"List-All"', message: 'Sid "List-All" contains -, and IAM rejects the policy.' }],
        output: null,
      },
    ],
  },
  'sid-empty': {
    valid: [
      policy({ Sid: 'A', Effect: 'Allow', Action: 's3:ListAllMyBuckets', Resource: '*' }, { Sid: 'B', Effect: 'Allow', Action: 's3:GetObject', Resource: '*' }),
    ],
    invalid: [
      {
        text: policy({ Sid: '', Effect: 'Allow', Action: 's3:ListAllMyBuckets', Resource: '*' }, { Sid: '', Effect: 'Allow', Action: 's3:GetObject', Resource: '*' }),
        findings: [{ text: '""', message: 'The Sid is empty: it labels nothing.' }, { text: '""', message: 'The Sid is empty: it labels nothing.' }],
        output: null,
      },
    ],
  },
  'effect-missing': {
    valid: [
      policy({ Effect: 'Allow', Action: 's3:ListAllMyBuckets', Resource: '*' }),
    ],
    invalid: [
      {
        text: policy({ Action: 's3:ListAllMyBuckets', Resource: '*' }),
        findings: [{ text: '{', at: '4:5', message: 'This statement has no Effect: IAM rejects the policy.' }],
        output: null,
      },
    ],
  },
  'effect-invalid': {
    valid: [
      policy({ Effect: 'Allow', Action: 's3:ListAllMyBuckets', Resource: '*' }, { Effect: 'Deny', Action: 's3:ListAllMyBuckets', Resource: '*' }),
    ],
    invalid: [
      {
        text: policy({ Effect: 'allow', Action: 's3:ListAllMyBuckets', Resource: '*' }),
        findings: [{ text: '"allow"', message: 'Effect "allow" is not valid, and IAM rejects the policy.' }],
        output: policy({ Effect: 'Allow', Action: 's3:ListAllMyBuckets', Resource: '*' }), safe: true,
      },
      {
        text: policy({ Effect: 'Alow', Action: 's3:ListAllMyBuckets', Resource: '*' }),
        findings: [{ text: '"Alow"', message: 'Effect "Alow" is not valid, and IAM rejects the policy.' }],
        output: policy({ Effect: 'Allow', Action: 's3:ListAllMyBuckets', Resource: '*' }), safe: false,
      },
      {
        text: policy({ Effect: 'Grant', Action: 's3:ListAllMyBuckets', Resource: '*' }),
        findings: [{ text: '"Grant"', message: 'Effect "Grant" is not valid, and IAM rejects the policy.' }],
        output: null,
      },
    ],
  },
  'action-missing': {
    valid: [
      policy({ Effect: 'Allow', NotAction: 'iam:*', Resource: '*' }),
    ],
    invalid: [
      {
        text: policy({ Effect: 'Allow', Resource: '*' }),
        findings: [{ text: '{', at: '4:5', message: 'This statement has neither Action nor NotAction: IAM rejects the policy.' }],
        output: null,
      },
    ],
  },
  'resource-missing': {
    valid: [
      policy({ Effect: 'Allow', Principal: { Service: 'ec2.amazonaws.com' }, Action: 'sts:AssumeRole' }),
      policy({ Effect: 'Allow', Action: 's3:ListAllMyBuckets', NotResource: 'arn:aws:s3:::x' }),
    ],
    invalid: [
      {
        text: policy({ Effect: 'Allow', Action: 's3:ListAllMyBuckets' }),
        findings: [{ text: '{', at: '4:5', message: 'This statement has neither Resource nor NotResource: IAM rejects an identity policy without one.' }],
        output: null,
      },
    ],
  },
  'conflicting-elements': {
    valid: [
      policy({ Effect: 'Allow', Action: 's3:ListAllMyBuckets', Resource: '*' }),
    ],
    invalid: [
      {
        text: policy({ Effect: 'Allow', Action: 's3:ListAllMyBuckets', Resource: '*', NotAction: 'iam:*' }),
        findings: [{ text: '"NotAction"', message: 'This statement has both Action and NotAction, and IAM rejects the policy.', related: [ '"Action"' ] }],
        output: null,
      },
      {
        text: policy({ Effect: 'Allow', Action: 's3:ListAllMyBuckets', Resource: '*', NotResource: 'arn:aws:s3:::x' }),
        findings: [{ text: '"NotResource"', message: 'This statement has both Resource and NotResource, and IAM rejects the policy.', related: [ '"Resource"' ] }],
        output: null,
      },
    ],
  },
  'element-invalid-type': {
    valid: [
      policy({ Effect: 'Allow', Action: [ 's3:GetObject' ], Resource: '*', Sid: 'A' }),
    ],
    invalid: [
      {
        text: policy({ Effect: 'Allow', Action: 5, Resource: '*' }),
        findings: [{ text: '5', message: 'The value of Action is a number: IAM expects a string or an array of strings and rejects the policy.' }],
        output: null,
      },
      {
        text: policy({ Effect: 'Allow', Action: 's3:ListAllMyBuckets', Resource: {} }),
        findings: [{ text: '{}', message: 'The value of Resource is an object: IAM expects a string or an array of strings and rejects the policy.' }],
        output: null,
      },
      {
        notAlso: [ 'effect-invalid' ], text: policy({ Effect: [ 'Allow' ], Action: 's3:ListAllMyBuckets', Resource: '*' }),
        findings: [{ text: '[\n        "Allow"\n      ]', message: 'The value of Effect is an array: IAM expects a single string "Allow" or "Deny" and rejects the policy.' }],
        output: null,
      },
      {
        text: policy({ Effect: 'Allow', Action: [ 's3:GetObject', true ], Resource: '*' }),
        findings: [{ text: 'true', message: 'This entry of Action is a boolean: IAM expects a string and rejects the policy.' }],
        output: null,
      },
      {
        text: policy({ Effect: 'Allow', Action: 's3:ListAllMyBuckets', Resource: '*', Sid: 1 }),
        findings: [{ text: '1', message: 'The value of Sid is a number: IAM expects a single string and rejects the policy.' }],
        output: null,
      },
      {
        text: `{"Id": 7,
  "Version": "2012-10-17",
  "Statement": [
    {
      "Effect": "Allow",
      "Action": "s3:ListAllMyBuckets",
      "Resource": "*"
    }
  ]
}`,
        findings: [{ text: '7', message: 'The value of Id is a number: IAM expects a string and rejects the policy.' }],
        output: null,
      },
    ],
  },
  'principal-invalid': {
    valid: [
      policy({ Effect: 'Allow', Principal: '*', Action: 's3:PutObject', Resource: 'arn:aws:s3:::recordings/*' }),
      policy({
        Effect: 'Allow',
        Principal: {
          AWS: [ 'arn:aws:iam::111122223333:root', '444455556666' ],
          Service: 'connect.amazonaws.com',
          Federated: 'cognito-identity.amazonaws.com',
          CanonicalUser: '79a59df900b949e55d96a1e698fbacedfd6e09d98eacf8f8d5218e7cd47ef2be'
        },
        Action: 's3:PutObject',
        Resource: 'arn:aws:s3:::recordings/*'
      }),
      policy({ Effect: 'Deny', Action: 's3:ListAllMyBuckets', Resource: 'arn:aws:s3:::b', NotPrincipal: { AWS: 'arn:aws:iam::111122223333:root' } }),
    ],
    invalid: [
      {
        text: policy({ Effect: 'Allow', Principal: 'arn:aws:iam::111122223333:root', Action: 's3:PutObject', Resource: 'arn:aws:s3:::recordings/*' }),
        findings: [{ text: '"arn:aws:iam::111122223333:root"', message: 'Principal "arn:aws:iam::111122223333:root" is not valid: as a plain string IAM accepts only "*".' }],
        output: null,
      },
      {
        text: policy({ Effect: 'Allow', Principal: { Services: 'connect.amazonaws.com' }, Action: 's3:PutObject', Resource: 'arn:aws:s3:::recordings/*' }),
        findings: [{ text: '"Services"', message: 'Services is not a principal type' }],
        output: policy({ Effect: 'Allow', Principal: { Service: 'connect.amazonaws.com' }, Action: 's3:PutObject', Resource: 'arn:aws:s3:::recordings/*' }), safe: false,
      },
      {
        text: policy({ Effect: 'Allow', Principal: { AWS: 111122223333 }, Action: 's3:PutObject', Resource: 'arn:aws:s3:::recordings/*' }),
        findings: [{ text: '111122223333', message: 'This AWS principal is a number: IAM expects a string (or an array of strings) such as an ARN, an account ID or a service name.' }],
        output: null,
      },
      {
        text: policy({ Effect: 'Allow', Principal: [ '*' ], Action: 's3:PutObject', Resource: 'arn:aws:s3:::recordings/*' }),
        findings: [{ text: '[\n        "*"\n      ]', message: 'Principal is an array: IAM expects "*" or an object with AWS, Service, Federated, CanonicalUser and rejects the policy.' }],
        output: null,
      },
    ],
  },
  'principal-mixed': {
    valid: [
      policy({ Effect: 'Allow', Action: 's3:GetObject', Resource: 'arn:aws:s3:::recordings/*' }, { Effect: 'Allow', Action: 's3:GetObject', Resource: 'arn:aws:s3:::recordings/*' }),
      policy({ Effect: 'Allow', Principal: { AWS: '*' }, Action: 's3:PutObject', Resource: 'arn:aws:s3:::recordings/*' }, { Effect: 'Allow', Principal: { Service: 'connect.amazonaws.com' }, Action: 's3:PutObject', Resource: 'arn:aws:s3:::recordings/*' }),
    ],
    invalid: [
      {
        text: policy({ Effect: 'Allow', Principal: { Service: 'connect.amazonaws.com' }, Action: 's3:PutObject', Resource: 'arn:aws:s3:::recordings/*' }, { Effect: 'Allow', Principal: { Service: 'connect.amazonaws.com' }, Action: 's3:PutObject', Resource: 'arn:aws:s3:::recordings/*' }, { Effect: 'Allow', Action: 's3:GetObject', Resource: 'arn:aws:s3:::recordings/*' }),
        findings: [{ text: '"Effect"', message: 'This statement has no Principal, but other statements have one, and IAM rejects the policy either way.', related: [ '"Principal"' ] }],
        output: null,
      },
      {
        text: policy({ Effect: 'Allow', Action: 's3:GetObject', Resource: 'arn:aws:s3:::recordings/*' }, { Effect: 'Allow', Action: 's3:GetObject', Resource: 'arn:aws:s3:::recordings/*' }, { Effect: 'Allow', Principal: { AWS: '210987654321' }, Action: 's3:PutObject', Resource: 'arn:aws:s3:::recordings/*' }),
        findings: [{ text: '"Principal"', message: 'This statement has a Principal, but the other statements have none, and IAM rejects the policy either way.' }],
        output: null,
      },
    ],
  },
  'principal-value-invalid': {
    valid: [
      policy({
        Effect: 'Allow',
        Principal: { AWS: [ '*', '210987654321', 'arn:aws:iam::210987654321:role/connect', 'arn:aws:sts::210987654321:assumed-role/r/s', 'AROAEXAMPLEID1234567' ] },
        Action: 's3:PutObject',
        Resource: 'arn:aws:s3:::recordings/*'
      }),
      policy({
        Effect: 'Allow',
        Principal: { AWS: 'arn:aws:iam::210987654321:user/${aws:username}' },
        Action: 's3:PutObject',
        Resource: 'arn:aws:s3:::recordings/*'
      }),
    ],
    invalid: [
      {
        notAlso: [ 'placeholder-value', 'arn-invalid-account' ], text: policy({ Effect: 'Allow', Principal: { AWS: 'your_user_or_role_ARN' }, Action: 's3:PutObject', Resource: 'arn:aws:s3:::recordings/*' }),
        findings: [{ text: '"your_user_or_role_ARN"', message: 'your_user_or_role_ARN is not a valid AWS principal, and IAM rejects the policy.' }],
        output: null,
      },
      {
        notAlso: [ 'placeholder-value', 'arn-invalid-account' ], text: policy({ Effect: 'Allow', Principal: { AWS: 'arn:aws:iam::ACCOUNT-B-ID:root' }, Action: 's3:PutObject', Resource: 'arn:aws:s3:::recordings/*' }),
        findings: [{ text: '"arn:aws:iam::ACCOUNT-B-ID:root"', message: 'ACCOUNT-B-ID is a placeholder, and IAM rejects a principal that names no one.' }],
        output: null,
      },
      {
        text: policy({ Effect: 'Allow', Principal: { AWS: ' arn:aws:iam::210987654321:root' }, Action: 's3:PutObject', Resource: 'arn:aws:s3:::recordings/*' }),
        findings: [{ text: '" arn:aws:iam::210987654321:root"', message: 'This AWS principal has spaces around it, and IAM rejects the policy.' }],
        output: policy({ Effect: 'Allow', Principal: { AWS: 'arn:aws:iam::210987654321:root' }, Action: 's3:PutObject', Resource: 'arn:aws:s3:::recordings/*' }), safe: true,
      },
      {
        text: policy({ Effect: 'Allow', Principal: { Service: 'lambda.amazon.com' }, Action: 's3:PutObject', Resource: 'arn:aws:s3:::recordings/*' }),
        findings: [{ text: '"lambda.amazon.com"', message: 'lambda.amazon.com is not a valid Service principal, and IAM rejects the policy.' }],
        output: policy({ Effect: 'Allow', Principal: { Service: 'lambda.amazonaws.com' }, Action: 's3:PutObject', Resource: 'arn:aws:s3:::recordings/*' }), safe: false,
      },
      {
        text: policy({ Effect: 'Allow', Principal: { CanonicalUser: 'abc', Federated: 'MyProvider' }, Action: 's3:PutObject', Resource: 'arn:aws:s3:::recordings/*' }),
        findings: [{ text: '"abc"', message: 'abc is not a valid CanonicalUser principal, and IAM rejects the policy.' }, { text: '"MyProvider"', message: 'MyProvider is not a valid Federated principal, and IAM rejects the policy.' }],
        output: null,
      },
    ],
  },
  'empty-value': {
    valid: [
      policy({
        Sid: 'Allow Connect to write call recordings',
        Effect: 'Allow',
        Principal: { Service: 'connect.amazonaws.com' },
        Action: 's3:PutObject',
        Resource: 'arn:aws:s3:::connect-recordings-111122223333/*',
        Condition: { StringEquals: { 'aws:SourceAccount': '111122223333' } }
      }),
    ],
    invalid: [
      {
        text: policy({ Effect: 'Allow', Action: [], Resource: '*' }),
        findings: [{ text: '[]', message: 'Action is an empty array: it matches no action, so the statement has no effect.' }],
        output: null,
      },
      {
        text: policy({ Effect: 'Allow', Action: 's3:ListAllMyBuckets', NotResource: [] }),
        findings: [{ text: '[]', message: 'NotResource is an empty array: it excludes nothing, so the statement applies to every resource.' }],
        output: null,
      },
      {
        text: policy({ Effect: 'Allow', Principal: { AWS: [] }, Action: 's3:GetObject', Resource: 'arn:aws:s3:::b/*' }),
        findings: [{ text: '[]', message: 'AWS is an empty array: it names no principal.' }],
        output: null,
      },
      {
        text: policy({ Effect: 'Allow', Action: 's3:ListAllMyBuckets', Resource: '*', Condition: { 'ForAnyValue:StringEquals': { 'aws:TagKeys': [] } } }),
        findings: [{ text: '[]', message: 'aws:TagKeys has an empty array of values: with ForAnyValue: no request value can match, so the condition is never true.' }],
        output: null,
      },
      {
        text: policy({ Effect: 'Allow', Action: 's3:ListAllMyBuckets', Resource: '*', Condition: {} }),
        findings: [{ text: '{}', message: 'Condition is an empty object: it adds no condition.' }],
        output: null,
      },
    ],
  },
  'condition-invalid-structure': {
    valid: [
      policy({ Effect: 'Allow', Action: 's3:ListAllMyBuckets', Resource: '*', Condition: { StringEquals: { 'aws:SourceAccount': [ '111122223333' ] } } }),
    ],
    invalid: [
      {
        text: policy({ Effect: 'Allow', Action: 's3:ListAllMyBuckets', Resource: '*', Condition: [ 'StringEquals' ] }),
        findings: [{ text: '[\n        "StringEquals"\n      ]', message: 'Condition is an array: IAM expects an object such as {"StringEquals": {"aws:PrincipalTag/team": "support"}} and rejects the policy.' }],
        output: null,
      },
      {
        text: policy({ Effect: 'Allow', Action: 's3:ListAllMyBuckets', Resource: '*', Condition: { Bool: 'true' } }),
        findings: [{ text: '"true"', message: 'The value of Bool is a string: IAM expects an object of condition keys and their values, e.g.' }],
        output: null,
      },
      {
        text: policy({ Effect: 'Allow', Action: 's3:ListAllMyBuckets', Resource: '*', Condition: { StringEquals: { 'aws:SourceAccount': { a: 1 } } } }),
        findings: [{ text: '{\n            "a": 1\n          }', message: 'A value of aws:SourceAccount is an object: IAM expects a string, number or boolean (or an array of them) and rejects the policy.' }],
        output: null,
      },
      {
        text: policy({ Effect: 'Allow', Action: 's3:ListAllMyBuckets', Resource: '*', Condition: { StringEquals: { 'aws:SourceAccount': [ '1', null ] } } }),
        findings: [{ text: 'null', message: 'A value of aws:SourceAccount is null: IAM expects a string, number or boolean (or an array of them) and rejects the policy.' }],
        output: null,
      },
    ],
  },
  'condition-unknown-operator': {
    valid: [
      policy({
        Effect: 'Allow',
        Action: 's3:ListAllMyBuckets',
        Resource: '*',
        Condition: { 'ForAnyValue:StringNotEqualsIgnoreCaseIfExists': { 'aws:TagKeys': 'x' }, Null: { 'aws:TagKeys': 'false' } }
      }),
      policy({ Effect: 'Allow', Action: 's3:ListAllMyBuckets', Resource: '*', Condition: { NullIfExists: { 'aws:TokenIssueTime': 'true' } } }),
    ],
    invalid: [
      {
        text: policy({ Effect: 'Allow', Action: 's3:ListAllMyBuckets', Resource: '*', Condition: { StringEqual: { 'aws:SourceAccount': '111122223333' } } }),
        findings: [{ text: '"StringEqual"', message: 'StringEqual is not a condition operator: IAM rejects the policy.' }],
        output: policy({ Effect: 'Allow', Action: 's3:ListAllMyBuckets', Resource: '*', Condition: { StringEquals: { 'aws:SourceAccount': '111122223333' } } }), safe: false,
      },
      {
        text: policy({ Effect: 'Allow', Action: 's3:ListAllMyBuckets', Resource: '*', Condition: { 'ForAllValue:StringEquals': { 'aws:TagKeys': 'team' } } }),
        findings: [{ text: '"ForAllValue:StringEquals"', message: 'ForAllValue:StringEquals is not a condition operator: IAM rejects the policy.' }],
        output: policy({ Effect: 'Allow', Action: 's3:ListAllMyBuckets', Resource: '*', Condition: { 'ForAllValues:StringEquals': { 'aws:TagKeys': 'team' } } }), safe: false,
      },
    ],
  },
  'condition-null-if-exists': {
    valid: [
      policy({ Effect: 'Allow', Action: 's3:ListAllMyBuckets', Resource: '*', Condition: { Null: { 'aws:TokenIssueTime': 'true' } } }),
    ],
    invalid: [
      {
        notAlso: [ 'condition-unknown-operator' ], text: policy({ Effect: 'Allow', Action: 's3:ListAllMyBuckets', Resource: '*', Condition: { NullIfExists: { 'aws:TokenIssueTime': 'true' } } }),
        findings: [{ text: '"NullIfExists"', message: 'NullIfExists is not a valid operator, and IAM rejects the policy.' }],
        output: policy({ Effect: 'Allow', Action: 's3:ListAllMyBuckets', Resource: '*', Condition: { Null: { 'aws:TokenIssueTime': 'true' } } }), safe: false,
      },
    ],
  },
  'condition-invalid-value': {
    valid: [
      policy({
        Effect: 'Allow',
        Action: 's3:ListAllMyBuckets',
        Resource: '*',
        Condition: { NumericLessThan: { 'aws:MultiFactorAuthAge': '${aws:MultiFactorAuthAge}' } }
      }),
      policy({ Effect: 'Allow', Action: 's3:ListAllMyBuckets', Resource: '*', Condition: { StringEquals: { 'aws:SourceAccount': 111122223333 } } }),
      policy({
        Effect: 'Allow',
        Action: 's3:GetObject',
        Resource: 'arn:aws:s3:::recordings/*',
        Condition: { ArnEquals: { 'aws:SourceArn': [ '*', 'arn:aws:s3:::b', 'arn*', '${aws:PrincipalArn}' ] } }
      }),
    ],
    invalid: [
      {
        text: policy({ Effect: 'Allow', Action: 's3:ListAllMyBuckets', Resource: '*', Condition: { NumericLessThan: { 'aws:MultiFactorAuthAge': 'one hour' } } }),
        findings: [{ text: '"one hour"', message: 'aws:MultiFactorAuthAge can never match "one hour" under NumericLessThan.' }],
        output: null,
      },
      {
        text: policy({ Effect: 'Allow', Action: 's3:ListAllMyBuckets', Resource: '*', Condition: { DateGreaterThan: { 'aws:CurrentTime': '2026-13-01' } } }),
        findings: [{ text: '"2026-13-01"', message: 'aws:CurrentTime can never match "2026-13-01" under DateGreaterThan.' }],
        output: null,
      },
      {
        text: policy({ Effect: 'Allow', Action: 's3:ListAllMyBuckets', Resource: '*', Condition: { DateLessThan: { 'aws:CurrentTime': 'tomorrow' } } }),
        findings: [{ text: '"tomorrow"', message: 'aws:CurrentTime can never match "tomorrow" under DateLessThan.' }],
        output: null,
      },
      {
        text: policy({ Effect: 'Allow', Action: 's3:ListAllMyBuckets', Resource: '*', Condition: { Bool: { 'aws:SecureTransport': 'yes' } } }),
        findings: [{ text: '"yes"', message: 'aws:SecureTransport can never match "yes" under Bool.' }],
        output: null,
      },
      {
        text: policy({ Effect: 'Allow', Action: 's3:ListAllMyBuckets', Resource: '*', Condition: { IpAddress: { 'aws:SourceIp': '203.0.113.0/33' } } }),
        findings: [{ text: '"203.0.113.0/33"', message: 'aws:SourceIp can never match "203.0.113.0/33" under IpAddress.' }],
        output: null,
      },
      {
        text: policy({ Effect: 'Allow', Action: 's3:ListAllMyBuckets', Resource: '*', Condition: { NotIpAddress: { 'aws:SourceIp': '203.0.113' } } }),
        findings: [{ text: '"203.0.113"', message: 'aws:SourceIp can never match "203.0.113" under NotIpAddress.' }],
        output: null,
      },
      {
        text: policy({ Effect: 'Allow', Action: 's3:ListAllMyBuckets', Resource: '*', Condition: { Null: { 'aws:TokenIssueTime': 1 } } }),
        findings: [{ text: '1', message: 'aws:TokenIssueTime can never match 1 under Null.' }],
        output: null,
      },
      {
        notAlso: [ 'placeholder-value' ], text: policy({
          Effect: 'Allow',
          Action: 's3:GetObject',
          Resource: 'arn:aws:s3:::recordings/*',
          Condition: { ArnEquals: { 'aws:SourceArn': 'YOUR_CONNECT_INSTANCE_ARN' } }
        }),
        findings: [{ text: '"YOUR_CONNECT_INSTANCE_ARN"', message: 'aws:SourceArn can never match "YOUR_CONNECT_INSTANCE_ARN" under ArnEquals.' }],
        output: null,
      },
    ],
  },
  'for-all-values-single-valued-key': {
    valid: [
      policy({
        Effect: 'Allow',
        Action: 's3:ListAllMyBuckets',
        Resource: '*',
        Condition: { 'ForAllValues:StringEquals': { 'aws:TagKeys': 'team', 'madeup:Key': 'x' } }
      }),
      policy({ Effect: 'Allow', Action: 's3:ListAllMyBuckets', Resource: '*', Condition: { 'ForAnyValue:StringEquals': { 'aws:SourceAccount': '111122223333' } } }),
    ],
    invalid: [
      {
        text: policy({ Effect: 'Allow', Action: 's3:ListAllMyBuckets', Resource: '*', Condition: { 'ForAllValues:StringEquals': { 'aws:SourceAccount': '111122223333' } } }),
        findings: [{ text: '"aws:SourceAccount"', message: 'aws:SourceAccount has one value per request, but ForAllValues:StringEquals is for multivalued keys.', related: [ '"ForAllValues:StringEquals"' ] }],
        output: policy({ Effect: 'Allow', Action: 's3:ListAllMyBuckets', Resource: '*', Condition: { StringEquals: { 'aws:SourceAccount': '111122223333' } } }), safe: false,
      },
      {
        text: policy({
          Effect: 'Allow',
          Action: 's3:ListAllMyBuckets',
          Resource: '*',
          Condition: { 'ForAllValues:StringEquals': { 'aws:SourceAccount': '111122223333', 'aws:TagKeys': 'team' } }
        }),
        findings: [{ text: '"aws:SourceAccount"', message: 'aws:SourceAccount has one value per request, but ForAllValues:StringEquals is for multivalued keys.', related: [ '"ForAllValues:StringEquals"' ] }],
        output: null,
      },
    ],
  },
  'for-any-value-single-valued-key': {
    valid: [
      policy({ Effect: 'Allow', Action: 's3:ListAllMyBuckets', Resource: '*', Condition: { 'ForAnyValue:StringLike': { 'aws:TagKeys': 't*' } } }),
    ],
    invalid: [
      {
        notAlso: [ 'for-all-values-single-valued-key' ], text: policy({ Effect: 'Allow', Action: 's3:ListAllMyBuckets', Resource: '*', Condition: { 'ForAnyValue:StringEquals': { 'aws:SourceAccount': '111122223333' } } }),
        findings: [{ text: '"aws:SourceAccount"', message: 'aws:SourceAccount has one value per request, but ForAnyValue:StringEquals is for multivalued keys.', related: [ '"ForAnyValue:StringEquals"' ] }],
        output: policy({ Effect: 'Allow', Action: 's3:ListAllMyBuckets', Resource: '*', Condition: { StringEquals: { 'aws:SourceAccount': '111122223333' } } }), safe: false,
      },
    ],
  },
  'condition-multiple-boolean-values': {
    valid: [
      policy({
        Effect: 'Allow',
        Action: 's3:GetObject',
        Resource: 'arn:aws:s3:::recordings/*',
        Condition: { Bool: { 'aws:SecureTransport': [ 'true', 'TRUE' ] }, Null: { 'aws:TokenIssueTime': 'false' } }
      }),
    ],
    invalid: [
      {
        text: policy({ Effect: 'Allow', Action: 's3:GetObject', Resource: 'arn:aws:s3:::recordings/*', Condition: { Bool: { 'aws:SecureTransport': [ 'true', 'false' ] } } }),
        findings: [{ text: '"aws:SecureTransport"', message: 'aws:SecureTransport is compared with both true and false, so the condition tests nothing.' }],
        output: null,
      },
    ],
  },
  'condition-wildcard-without-like': {
    valid: [
      policy({
        Effect: 'Allow',
        Action: 's3:GetObject',
        Resource: 'arn:aws:s3:::recordings/*',
        Condition: { StringEquals: { 'connect:StorageResourceType': 'CALL_*' } }
      }),
      policy({ Effect: 'Allow', Action: 's3:GetObject', Resource: 'arn:aws:s3:::recordings/*', Condition: { StringLike: { 's3:prefix': 'home/*' } } }),
    ],
    invalid: [
      {
        text: policy({ Effect: 'Allow', Action: 's3:GetObject', Resource: 'arn:aws:s3:::recordings/*', Condition: { StringEquals: { 's3:prefix': 'home/*' } } }),
        findings: [{ text: '"home/*"', message: 'StringEquals compares home/* literally, so * and ? match only themselves.', related: [ '"StringEquals"' ] }],
        output: policy({ Effect: 'Allow', Action: 's3:GetObject', Resource: 'arn:aws:s3:::recordings/*', Condition: { StringLike: { 's3:prefix': 'home/*' } } }), safe: false,
      },
      {
        text: policy({ Effect: 'Allow', Action: 's3:GetObject', Resource: 'arn:aws:s3:::recordings/*', Condition: { StringEquals: { 'aws:PrincipalTag/team': 'team-?' } } }),
        findings: [{ text: '"team-?"', message: 'StringEquals compares team-? literally, so * and ? match only themselves.', related: [ '"StringEquals"' ] }],
        output: policy({ Effect: 'Allow', Action: 's3:GetObject', Resource: 'arn:aws:s3:::recordings/*', Condition: { StringLike: { 'aws:PrincipalTag/team': 'team-?' } } }), safe: false,
      },
    ],
  },
  'condition-missing-set-qualifier': {
    valid: [
      policy({
        Effect: 'Allow',
        Action: 's3:GetObject',
        Resource: 'arn:aws:s3:::recordings/*',
        Condition: { 'ForAllValues:StringEquals': { 'aws:TagKeys': 'team' }, Null: { 'aws:TagKeys': 'false' }, StringEquals: { 'aws:SourceAccount': '111122223333' } }
      }),
    ],
    invalid: [
      {
        text: policy({ Effect: 'Allow', Action: 's3:GetObject', Resource: 'arn:aws:s3:::recordings/*', Condition: { StringEquals: { 'aws:TagKeys': 'team' } } }),
        findings: [{ text: '"aws:TagKeys"', message: 'aws:TagKeys can hold several values, but StringEquals compares a single one.', related: [ '"StringEquals"' ] }],
        output: policy({
          Effect: 'Allow',
          Action: 's3:GetObject',
          Resource: 'arn:aws:s3:::recordings/*',
          Condition: { 'ForAnyValue:StringEquals': { 'aws:TagKeys': 'team' } }
        }), safe: false,
      },
    ],
  },
  'condition-private-source-ip': {
    valid: [
      policy({
        Effect: 'Allow',
        Action: 's3:GetObject',
        Resource: 'arn:aws:s3:::recordings/*',
        Condition: { IpAddress: { 'aws:SourceIp': [ '203.0.113.0/24', '172.32.0.0/16', '2001:db8::/32' ], 'aws:VpcSourceIp': '10.0.0.0/16' } }
      }),
    ],
    invalid: [
      {
        text: policy({
          Effect: 'Allow',
          Action: 's3:GetObject',
          Resource: 'arn:aws:s3:::recordings/*',
          Condition: { IpAddress: { 'aws:SourceIp': [ '203.0.113.0/24', '10.0.0.0/16' ] }, NotIpAddress: { 'aws:SourceIp': 'fd00::/8' } }
        }),
        findings: [{ text: '"10.0.0.0/16"', message: '10.0.0.0/16 is a private range, but aws:SourceIp holds the public address of a request, so it never matches.' }, { text: '"fd00::/8"', message: 'fd00::/8 is a private range, but aws:SourceIp holds the public address of a request, so it never matches.' }],
        output: null,
      },
    ],
  },
  'policy-variable-syntax': {
    valid: [
      policy({ Effect: 'Allow', Action: 's3:GetObject', Resource: "arn:aws:s3:::home/${aws:PrincipalTag/team, 'shared'}/${aws:username}/${*}" }),
      json({ Version: '2008-10-17', Statement: [ { Effect: 'Allow', Action: 's3:GetObject', Resource: 'arn:aws:s3:::home/${ aws:username }/*' } ] }),
    ],
    invalid: [
      {
        text: policy({ Effect: 'Allow', Action: 's3:GetObject', Resource: 'arn:aws:s3:::home/${aws:username' }),
        findings: [{ text: '${aws:username', message: '${aws:username is not closed, and IAM rejects the policy.' }],
        output: null,
      },
      {
        text: policy({ Effect: 'Allow', Action: 's3:GetObject', Resource: 'arn:aws:s3:::home/${}/*' }),
        findings: [{ text: '${}', message: '${} is an empty policy variable, and IAM rejects the policy.' }],
        output: null,
      },
      {
        text: policy({ Effect: 'Allow', Action: 's3:GetObject', Resource: 'arn:aws:s3:::home/${ aws:username }/*' }),
        findings: [{ text: '${ aws:username }', message: '${ aws:username } has a space inside the variable name, and IAM rejects the policy.' }],
        output: policy({ Effect: 'Allow', Action: 's3:GetObject', Resource: 'arn:aws:s3:::home/${aws:username}/*' }), safe: true,
      },
      {
        text: policy({ Effect: 'Allow', Action: 's3:ListAllMyBuckets', Resource: '*', Condition: { StringLike: { 's3:prefix': 'home/${aws:username/' } } }),
        findings: [{ text: '${aws:username/', message: '${aws:username/ is not closed, and IAM rejects the policy.' }],
        output: null,
      },
      {
        text: policy({
          Effect: 'Allow',
          Action: 's3:GetObject',
          Resource: 'arn:aws:s3:::recordings/*',
          Condition: { StringLike: { 's3:prefix': 'home/${aws:username, none}' } }
        }),
        findings: [{ text: '${aws:username, none}', message: 'The default value in ${aws:username, none} is not in single quotes, and IAM rejects the policy.' }],
        output: policy({
          Effect: 'Allow',
          Action: 's3:GetObject',
          Resource: 'arn:aws:s3:::recordings/*',
          Condition: { StringLike: { 's3:prefix': "home/${aws:username, 'none'}" } }
        }), safe: true,
      },
    ],
  },
  'policy-variable-not-allowed': {
    valid: [
      policy({ Effect: 'Allow', Action: 's3:ListAllMyBuckets', Resource: '*', Sid: 'For${aws:username}' }),
      policy({
        Effect: 'Allow',
        Action: 's3:ListAllMyBuckets',
        Resource: 'arn:aws:s3:::home/${aws:username}',
        Condition: { StringEquals: { 'aws:PrincipalTag/owner': '${aws:username}' } }
      }),
    ],
    invalid: [
      {
        text: policy({ Effect: 'Allow', Principal: { AWS: 'arn:aws:iam::${aws:PrincipalAccount}:root' }, Action: 's3:GetObject', Resource: 'arn:aws:s3:::b/*' }),
        findings: [{ text: '${aws:PrincipalAccount}', message: '${aws:PrincipalAccount} is a policy variable in Principal, and IAM rejects the policy.' }],
        output: null,
      },
      {
        text: policy({ Effect: 'Allow', Principal: '*', Action: 's3:GetObject', Resource: 'arn:aws:s3:::b/*', Sid: 'For${aws:username}' }),
        findings: [{ text: '${aws:username}', message: '${aws:username} is a policy variable in Sid, and IAM rejects the policy.' }],
        output: null,
      },
    ],
  },
};
