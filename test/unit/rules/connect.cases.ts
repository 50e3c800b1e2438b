// Harness cases of the Amazon Connect rules (the curated table's rules).
import { CaseTable, policy } from '../../ruleTester';

const INSTANCE = 'arn:aws:connect:us-east-1:111122223333:instance/a1b2c3d4-5678-90ab-cdef-111122223333';
/** Policy variables in every segment of Connect ARNs, slashes inside them included. */
const VARIABLE_ARNS = policy({
  Effect: 'Allow',
  Action: 'connect:Describe*',
  Resource: [
    `${INSTANCE}/agent/\${aws:userid}`,
    'arn:aws:connect:us-east-1:111122223333:instance/${aws:PrincipalTag/connect-instance}/agent/${aws:username}',
    'arn:aws:connect:us-east-1:111122223333:instance/${aws:PrincipalTag/connect-instance}/${aws:PrincipalTag/resource-word}/*',
    'arn:aws:connect:${aws:RequestedRegion}:${aws:PrincipalAccount}:instance/a1b2c3d4-5678-90ab-cdef-111122223333/queue/*',
    'arn:aws:connect:us-east-1:111122223333:${aws:PrincipalTag/path}',
  ],
});

/** A YAML template with a function and a managed policy that associates functions and allows
 *  lambda:AddPermission on `resource` (a YAML value). */
const lambdaPermissionTemplate = (resource: string) => `AWSTemplateFormatVersion: "2010-09-09"
Resources:
  LookupFunction:
    Type: AWS::Lambda::Function
  ConnectPolicy:
    Type: AWS::IAM::ManagedPolicy
    Properties:
      PolicyDocument:
        Version: "2012-10-17"
        Statement:
          - Effect: Allow
            Action:
              - connect:AssociateLambdaFunction
              - lambda:AddPermission
            Resource:
              - arn:aws:connect:us-east-1:111122223333:instance/a1b2c3d4-5678-90ab-cdef-111122223333
              - ${resource}
`;

/** The template above with an unqualified function in its block-style Resource list (the
 *  block-sequence case of connect-lambda-unqualified-arn). */
const LAMBDA_TEMPLATE = lambdaPermissionTemplate('arn:aws:lambda:us-east-1:111122223333:function:connect-lookup # the lookup function');

export const connectCases: CaseTable = {
  'connect-condition-value-unknown': {
    valid: [
      policy({
        Effect: 'Allow',
        Action: [ 'connect:UpdateInstanceStorageConfig', 'connect:AssociateInstanceStorageConfig' ],
        Resource: 'arn:aws:connect:us-east-1:111122223333:instance/a1b2c3d4-5678-90ab-cdef-111122223333',
        Condition: { StringEquals: { 'connect:StorageResourceType': 'CALL_RECORDINGS' } }
      }, {
        Effect: 'Allow',
        Action: [ 'iam:PutRolePolicy', 's3:GetBucketAcl', 's3:GetBucketLocation' ],
        Resource: [ 'arn:aws:iam::111122223333:role/aws-service-role/connect.amazonaws.com/*', 'arn:aws:s3:::my-connect-recording-bucket' ]
      }),
      policy({
        Effect: 'Allow',
        Action: [ 'connect:UpdateInstanceStorageConfig', 'connect:AssociateInstanceStorageConfig' ],
        Resource: 'arn:aws:connect:us-east-1:111122223333:instance/a1b2c3d4-5678-90ab-cdef-111122223333',
        Condition: { StringLike: { 'connect:StorageResourceType': '*_RECORDINGS' } }
      }, {
        Effect: 'Allow',
        Action: [ 'iam:PutRolePolicy', 's3:GetBucketAcl', 's3:GetBucketLocation' ],
        Resource: [ 'arn:aws:iam::111122223333:role/aws-service-role/connect.amazonaws.com/*', 'arn:aws:s3:::my-connect-recording-bucket' ]
      }),
      policy({
        Effect: 'Allow',
        Action: [ 'connect:UpdateInstanceStorageConfig', 'connect:AssociateInstanceStorageConfig' ],
        Resource: 'arn:aws:connect:us-east-1:111122223333:instance/a1b2c3d4-5678-90ab-cdef-111122223333',
        Condition: { StringEqualsIgnoreCase: { 'connect:StorageResourceType': 'call_recordings' } }
      }, {
        Effect: 'Allow',
        Action: [ 'iam:PutRolePolicy', 's3:GetBucketAcl', 's3:GetBucketLocation' ],
        Resource: [ 'arn:aws:iam::111122223333:role/aws-service-role/connect.amazonaws.com/*', 'arn:aws:s3:::my-connect-recording-bucket' ]
      }),
      policy({
        Effect: 'Allow',
        Action: [ 'connect:UpdateInstanceStorageConfig', 'connect:AssociateInstanceStorageConfig' ],
        Resource: 'arn:aws:connect:us-east-1:111122223333:instance/a1b2c3d4-5678-90ab-cdef-111122223333',
        Condition: { StringEquals: { 'connect:StorageResourceType': '${aws:PrincipalTag/storage}' } }
      }, {
        Effect: 'Allow',
        Action: [ 'iam:PutRolePolicy', 's3:GetBucketAcl', 's3:GetBucketLocation' ],
        Resource: [ 'arn:aws:iam::111122223333:role/aws-service-role/connect.amazonaws.com/*', 'arn:aws:s3:::my-connect-recording-bucket' ]
      }),
      { name: 'a wildcard under StringEquals is the wildcard rule’s', text: policy({
        Effect: 'Allow',
        Action: [ 'connect:UpdateInstanceStorageConfig', 'connect:AssociateInstanceStorageConfig' ],
        Resource: 'arn:aws:connect:us-east-1:111122223333:instance/a1b2c3d4-5678-90ab-cdef-111122223333',
        Condition: { StringEquals: { 'connect:StorageResourceType': 'CALL_*' } }
      }, {
        Effect: 'Allow',
        Action: [ 'iam:PutRolePolicy', 's3:GetBucketAcl', 's3:GetBucketLocation' ],
        Resource: [ 'arn:aws:iam::111122223333:role/aws-service-role/connect.amazonaws.com/*', 'arn:aws:s3:::my-connect-recording-bucket' ]
      }) },
      policy({
        Effect: 'Allow',
        Action: 'connect:UpdateInstanceAttribute',
        Resource: 'arn:aws:connect:us-east-1:111122223333:instance/a1b2c3d4-5678-90ab-cdef-111122223333',
        Condition: { StringEquals: { 'connect:AttributeType': 'CONTACTFLOW_LOGS' } }
      }, { Effect: 'Allow', Action: 'logs:CreateLogGroup', Resource: 'arn:aws:logs:us-east-1:111122223333:log-group:/aws/connect/*' }),
    ],
    invalid: [
      {
        text: policy({
          Effect: 'Allow',
          Action: [ 'connect:UpdateInstanceStorageConfig', 'connect:AssociateInstanceStorageConfig' ],
          Resource: 'arn:aws:connect:us-east-1:111122223333:instance/a1b2c3d4-5678-90ab-cdef-111122223333',
          Condition: { StringEquals: { 'connect:StorageResourceType': 'call_recordings' } }
        }, {
          Effect: 'Allow',
          Action: [ 'iam:PutRolePolicy', 's3:GetBucketAcl', 's3:GetBucketLocation' ],
          Resource: [ 'arn:aws:iam::111122223333:role/aws-service-role/connect.amazonaws.com/*', 'arn:aws:s3:::my-connect-recording-bucket' ]
        }),
        findings: [{ text: '"call_recordings"', message: 'call_recordings has the wrong case for connect:StorageResourceType.' }],
        output: policy({
          Effect: 'Allow',
          Action: [ 'connect:UpdateInstanceStorageConfig', 'connect:AssociateInstanceStorageConfig' ],
          Resource: 'arn:aws:connect:us-east-1:111122223333:instance/a1b2c3d4-5678-90ab-cdef-111122223333',
          Condition: { StringEquals: { 'connect:StorageResourceType': 'CALL_RECORDINGS' } }
        }, {
          Effect: 'Allow',
          Action: [ 'iam:PutRolePolicy', 's3:GetBucketAcl', 's3:GetBucketLocation' ],
          Resource: [ 'arn:aws:iam::111122223333:role/aws-service-role/connect.amazonaws.com/*', 'arn:aws:s3:::my-connect-recording-bucket' ]
        }), safe: true,
      },
      {
        text: policy({
          Effect: 'Allow',
          Action: [ 'connect:UpdateInstanceStorageConfig', 'connect:AssociateInstanceStorageConfig' ],
          Resource: 'arn:aws:connect:us-east-1:111122223333:instance/a1b2c3d4-5678-90ab-cdef-111122223333',
          Condition: { StringEquals: { 'connect:StorageResourceType': [ 'CALL_RECORDINGS', 'CALL_RECORDING' ] } }
        }, {
          Effect: 'Allow',
          Action: [ 'iam:PutRolePolicy', 's3:GetBucketAcl', 's3:GetBucketLocation' ],
          Resource: [ 'arn:aws:iam::111122223333:role/aws-service-role/connect.amazonaws.com/*', 'arn:aws:s3:::my-connect-recording-bucket' ]
        }),
        findings: [{ text: '"CALL_RECORDING"', message: 'CALL_RECORDING is not a storage resource type of Amazon Connect, so this value never matches.' }],
        output: policy({
          Effect: 'Allow',
          Action: [ 'connect:UpdateInstanceStorageConfig', 'connect:AssociateInstanceStorageConfig' ],
          Resource: 'arn:aws:connect:us-east-1:111122223333:instance/a1b2c3d4-5678-90ab-cdef-111122223333',
          Condition: { StringEquals: { 'connect:StorageResourceType': [ 'CALL_RECORDINGS', 'CALL_RECORDINGS' ] } }
        }, {
          Effect: 'Allow',
          Action: [ 'iam:PutRolePolicy', 's3:GetBucketAcl', 's3:GetBucketLocation' ],
          Resource: [ 'arn:aws:iam::111122223333:role/aws-service-role/connect.amazonaws.com/*', 'arn:aws:s3:::my-connect-recording-bucket' ]
        }), safe: false,
      },
      {
        text: policy({
          Effect: 'Allow',
          Action: [ 'connect:UpdateInstanceStorageConfig', 'connect:AssociateInstanceStorageConfig' ],
          Resource: 'arn:aws:connect:us-east-1:111122223333:instance/a1b2c3d4-5678-90ab-cdef-111122223333',
          Condition: { StringLike: { 'connect:StorageResourceType': 'RECORDING*' } }
        }, {
          Effect: 'Allow',
          Action: [ 'iam:PutRolePolicy', 's3:GetBucketAcl', 's3:GetBucketLocation' ],
          Resource: [ 'arn:aws:iam::111122223333:role/aws-service-role/connect.amazonaws.com/*', 'arn:aws:s3:::my-connect-recording-bucket' ]
        }),
        findings: [{ text: '"RECORDING*"', message: 'The pattern RECORDING* matches none of the 13 values of connect:StorageResourceType, so this value never matches.' }],
        output: null,
      },
      {
        text: policy({
          Effect: 'Allow',
          Action: 'connect:UpdateInstanceAttribute',
          Resource: 'arn:aws:connect:us-east-1:111122223333:instance/a1b2c3d4-5678-90ab-cdef-111122223333',
          Condition: { StringEquals: { 'connect:AttributeType': 'contactflow_logs' } }
        }, { Effect: 'Allow', Action: 'logs:CreateLogGroup', Resource: 'arn:aws:logs:us-east-1:111122223333:log-group:/aws/connect/*' }),
        findings: [{ text: '"contactflow_logs"', message: 'contactflow_logs has the wrong case for connect:AttributeType.' }],
        output: policy({
          Effect: 'Allow',
          Action: 'connect:UpdateInstanceAttribute',
          Resource: 'arn:aws:connect:us-east-1:111122223333:instance/a1b2c3d4-5678-90ab-cdef-111122223333',
          Condition: { StringEquals: { 'connect:AttributeType': 'CONTACTFLOW_LOGS' } }
        }, { Effect: 'Allow', Action: 'logs:CreateLogGroup', Resource: 'arn:aws:logs:us-east-1:111122223333:log-group:/aws/connect/*' }), safe: true,
      },
      {
        text: policy({
          Effect: 'Allow',
          Action: 'connect:UpdateInstanceAttribute',
          Resource: 'arn:aws:connect:us-east-1:111122223333:instance/a1b2c3d4-5678-90ab-cdef-111122223333',
          Condition: { StringEquals: { 'connect:AttributeType': 'CONTACT_FLOW_LOGS' } }
        }, { Effect: 'Allow', Action: 'logs:CreateLogGroup', Resource: 'arn:aws:logs:us-east-1:111122223333:log-group:/aws/connect/*' }),
        findings: [{ text: '"CONTACT_FLOW_LOGS"', message: 'CONTACT_FLOW_LOGS is not an instance attribute type of Amazon Connect, so this value never matches.' }],
        output: policy({
          Effect: 'Allow',
          Action: 'connect:UpdateInstanceAttribute',
          Resource: 'arn:aws:connect:us-east-1:111122223333:instance/a1b2c3d4-5678-90ab-cdef-111122223333',
          Condition: { StringEquals: { 'connect:AttributeType': 'CONTACTFLOW_LOGS' } }
        }, { Effect: 'Allow', Action: 'logs:CreateLogGroup', Resource: 'arn:aws:logs:us-east-1:111122223333:log-group:/aws/connect/*' }), safe: false,
      },
    ],
  },
  'connect-condition-value-deprecated': {
    valid: [
      policy({
        Effect: 'Allow',
        Action: [ 'connect:UpdateInstanceStorageConfig', 'connect:AssociateInstanceStorageConfig' ],
        Resource: 'arn:aws:connect:us-east-1:111122223333:instance/a1b2c3d4-5678-90ab-cdef-111122223333',
        Condition: { StringEquals: { 'connect:StorageResourceType': 'REAL_TIME_CONTACT_ANALYSIS_VOICE_SEGMENTS' } }
      }, {
        Effect: 'Allow',
        Action: [ 'iam:PutRolePolicy', 's3:GetBucketAcl', 's3:GetBucketLocation' ],
        Resource: [ 'arn:aws:iam::111122223333:role/aws-service-role/connect.amazonaws.com/*', 'arn:aws:s3:::my-connect-recording-bucket' ]
      }),
    ],
    invalid: [
      {
        text: policy({
          Effect: 'Allow',
          Action: [ 'connect:UpdateInstanceStorageConfig', 'connect:AssociateInstanceStorageConfig' ],
          Resource: 'arn:aws:connect:us-east-1:111122223333:instance/a1b2c3d4-5678-90ab-cdef-111122223333',
          Condition: { StringEquals: { 'connect:StorageResourceType': 'REAL_TIME_CONTACT_ANALYSIS_SEGMENTS' } }
        }, {
          Effect: 'Allow',
          Action: [ 'iam:PutRolePolicy', 's3:GetBucketAcl', 's3:GetBucketLocation' ],
          Resource: [ 'arn:aws:iam::111122223333:role/aws-service-role/connect.amazonaws.com/*', 'arn:aws:s3:::my-connect-recording-bucket' ]
        }),
        findings: [{ text: '"REAL_TIME_CONTACT_ANALYSIS_SEGMENTS"', message: 'REAL_TIME_CONTACT_ANALYSIS_SEGMENTS is deprecated.', tags: ['deprecated'] }],
        output: policy({
          Effect: 'Allow',
          Action: [ 'connect:UpdateInstanceStorageConfig', 'connect:AssociateInstanceStorageConfig' ],
          Resource: 'arn:aws:connect:us-east-1:111122223333:instance/a1b2c3d4-5678-90ab-cdef-111122223333',
          Condition: { StringEquals: { 'connect:StorageResourceType': 'REAL_TIME_CONTACT_ANALYSIS_VOICE_SEGMENTS' } }
        }, {
          Effect: 'Allow',
          Action: [ 'iam:PutRolePolicy', 's3:GetBucketAcl', 's3:GetBucketLocation' ],
          Resource: [ 'arn:aws:iam::111122223333:role/aws-service-role/connect.amazonaws.com/*', 'arn:aws:s3:::my-connect-recording-bucket' ]
        }), safe: false,
      },
    ],
  },
  'connect-condition-value-wildcard-literal': {
    valid: [
      policy({
        Effect: 'Allow',
        Action: [ 'connect:UpdateInstanceStorageConfig', 'connect:AssociateInstanceStorageConfig' ],
        Resource: 'arn:aws:connect:us-east-1:111122223333:instance/a1b2c3d4-5678-90ab-cdef-111122223333',
        Condition: { StringLike: { 'connect:StorageResourceType': 'CALL_*' } }
      }, {
        Effect: 'Allow',
        Action: [ 'iam:PutRolePolicy', 's3:GetBucketAcl', 's3:GetBucketLocation' ],
        Resource: [ 'arn:aws:iam::111122223333:role/aws-service-role/connect.amazonaws.com/*', 'arn:aws:s3:::my-connect-recording-bucket' ]
      }),
    ],
    invalid: [
      {
        notAlso: [ 'connect-condition-value-unknown' ], text: policy({
          Effect: 'Allow',
          Action: [ 'connect:UpdateInstanceStorageConfig', 'connect:AssociateInstanceStorageConfig' ],
          Resource: 'arn:aws:connect:us-east-1:111122223333:instance/a1b2c3d4-5678-90ab-cdef-111122223333',
          Condition: { StringEquals: { 'connect:StorageResourceType': 'CALL_*' } }
        }, {
          Effect: 'Allow',
          Action: [ 'iam:PutRolePolicy', 's3:GetBucketAcl', 's3:GetBucketLocation' ],
          Resource: [ 'arn:aws:iam::111122223333:role/aws-service-role/connect.amazonaws.com/*', 'arn:aws:s3:::my-connect-recording-bucket' ]
        }),
        findings: [{ text: '"CALL_*"', message: 'StringEquals takes CALL_* literally, so it never matches: no storage resource type contains * or ?.' }],
        output: policy({
          Effect: 'Allow',
          Action: [ 'connect:UpdateInstanceStorageConfig', 'connect:AssociateInstanceStorageConfig' ],
          Resource: 'arn:aws:connect:us-east-1:111122223333:instance/a1b2c3d4-5678-90ab-cdef-111122223333',
          Condition: { StringLike: { 'connect:StorageResourceType': 'CALL_*' } }
        }, {
          Effect: 'Allow',
          Action: [ 'iam:PutRolePolicy', 's3:GetBucketAcl', 's3:GetBucketLocation' ],
          Resource: [ 'arn:aws:iam::111122223333:role/aws-service-role/connect.amazonaws.com/*', 'arn:aws:s3:::my-connect-recording-bucket' ]
        }), safe: false,
      },
      {
        text: policy({
          Effect: 'Allow',
          Action: [ 'connect:UpdateInstanceStorageConfig', 'connect:AssociateInstanceStorageConfig' ],
          Resource: 'arn:aws:connect:us-east-1:111122223333:instance/a1b2c3d4-5678-90ab-cdef-111122223333',
          Condition: { 'ForAnyValue:StringEqualsIfExists': { 'connect:StorageResourceType': 'CALL_*' } }
        }, {
          Effect: 'Allow',
          Action: [ 'iam:PutRolePolicy', 's3:GetBucketAcl', 's3:GetBucketLocation' ],
          Resource: [ 'arn:aws:iam::111122223333:role/aws-service-role/connect.amazonaws.com/*', 'arn:aws:s3:::my-connect-recording-bucket' ]
        }),
        findings: [{ text: '"CALL_*"', message: 'ForAnyValue:StringEqualsIfExists takes CALL_* literally, so it never matches: no storage resource type contains * or ?.' }],
        output: policy({
          Effect: 'Allow',
          Action: [ 'connect:UpdateInstanceStorageConfig', 'connect:AssociateInstanceStorageConfig' ],
          Resource: 'arn:aws:connect:us-east-1:111122223333:instance/a1b2c3d4-5678-90ab-cdef-111122223333',
          Condition: { 'ForAnyValue:StringLikeIfExists': { 'connect:StorageResourceType': 'CALL_*' } }
        }, {
          Effect: 'Allow',
          Action: [ 'iam:PutRolePolicy', 's3:GetBucketAcl', 's3:GetBucketLocation' ],
          Resource: [ 'arn:aws:iam::111122223333:role/aws-service-role/connect.amazonaws.com/*', 'arn:aws:s3:::my-connect-recording-bucket' ]
        }), safe: false,
      },
      {
        text: policy({
          Effect: 'Allow',
          Action: 'connect:UpdateInstanceAttribute',
          Resource: 'arn:aws:connect:us-east-1:111122223333:instance/a1b2c3d4-5678-90ab-cdef-111122223333',
          Condition: { StringEquals: { 'connect:AttributeType': 'CONTACT*' } }
        }, { Effect: 'Allow', Action: 'logs:CreateLogGroup', Resource: 'arn:aws:logs:us-east-1:111122223333:log-group:/aws/connect/*' }),
        findings: [{ text: '"CONTACT*"', message: 'StringEquals takes CONTACT* literally, so it never matches: no instance attribute type contains * or ?.' }],
        output: policy({
          Effect: 'Allow',
          Action: 'connect:UpdateInstanceAttribute',
          Resource: 'arn:aws:connect:us-east-1:111122223333:instance/a1b2c3d4-5678-90ab-cdef-111122223333',
          Condition: { StringLike: { 'connect:AttributeType': 'CONTACT*' } }
        }, { Effect: 'Allow', Action: 'logs:CreateLogGroup', Resource: 'arn:aws:logs:us-east-1:111122223333:log-group:/aws/connect/*' }), safe: false,
      },
    ],
  },
  'connect-condition-key-unsupported-action': {
    valid: [
      policy({
        Effect: 'Allow',
        Action: [ 'connect:UpdateInstanceStorageConfig', 'connect:AssociateInstanceStorageConfig', 'connect:ListInstanceStorageConfigs' ],
        Resource: 'arn:aws:connect:us-east-1:111122223333:instance/a1b2c3d4-5678-90ab-cdef-111122223333',
        Condition: { StringEqualsIfExists: { 'connect:StorageResourceType': 'CALL_RECORDINGS' } }
      }),
      policy({
        Effect: 'Allow',
        NotAction: [ 'connect:UpdateInstanceStorageConfig', 'connect:AssociateInstanceStorageConfig', 'connect:ListInstanceStorageConfigs' ],
        Resource: 'arn:aws:connect:us-east-1:111122223333:instance/a1b2c3d4-5678-90ab-cdef-111122223333',
        Condition: { StringEquals: { 'connect:StorageResourceType': 'CALL_RECORDINGS' } }
      }),
      policy({
        Effect: 'Allow',
        Action: [ 'connect:UpdateInstanceStorageConfig', 'connect:AssociateInstanceStorageConfig' ],
        Resource: 'arn:aws:connect:us-east-1:111122223333:instance/a1b2c3d4-5678-90ab-cdef-111122223333',
        Condition: { StringEquals: { 'connect:StorageResourceType': 'CALL_RECORDINGS' } }
      }, {
        Effect: 'Allow',
        Action: [ 'iam:PutRolePolicy', 's3:GetBucketAcl', 's3:GetBucketLocation' ],
        Resource: [ 'arn:aws:iam::111122223333:role/aws-service-role/connect.amazonaws.com/*', 'arn:aws:s3:::my-connect-recording-bucket' ]
      }),
    ],
    invalid: [
      {
        text: policy({
          Effect: 'Allow',
          Action: [ 'connect:UpdateInstanceStorageConfig', 'connect:AssociateInstanceStorageConfig', 'connect:ListInstanceStorageConfigs' ],
          Resource: 'arn:aws:connect:us-east-1:111122223333:instance/a1b2c3d4-5678-90ab-cdef-111122223333',
          Condition: { StringEquals: { 'connect:StorageResourceType': 'CALL_RECORDINGS' } }
        }),
        findings: [{ text: '"connect:ListInstanceStorageConfigs"', message: 'connect:ListInstanceStorageConfigs never carries connect:StorageResourceType.', related: [ '"connect:StorageResourceType"' ] }],
        output: policy({
          Effect: 'Allow',
          Action: [ 'connect:UpdateInstanceStorageConfig', 'connect:AssociateInstanceStorageConfig' ],
          Resource: 'arn:aws:connect:us-east-1:111122223333:instance/a1b2c3d4-5678-90ab-cdef-111122223333',
          Condition: { StringEquals: { 'connect:StorageResourceType': 'CALL_RECORDINGS' } }
        }, {
          Effect: 'Allow',
          Action: 'connect:ListInstanceStorageConfigs',
          Resource: 'arn:aws:connect:us-east-1:111122223333:instance/a1b2c3d4-5678-90ab-cdef-111122223333'
        }), safe: false,
      },
      {
        text: policy({
          Effect: 'Allow',
          Action: [ 'connect:UpdateInstanceAttribute', 'connect:ListInstanceAttributes' ],
          Resource: 'arn:aws:connect:us-east-1:111122223333:instance/a1b2c3d4-5678-90ab-cdef-111122223333',
          Condition: { StringEquals: { 'connect:AttributeType': 'CONTACT_LENS' } }
        }, { Effect: 'Allow', Action: 'logs:CreateLogGroup', Resource: 'arn:aws:logs:us-east-1:111122223333:log-group:/aws/connect/*' }),
        findings: [{ text: '"connect:ListInstanceAttributes"', message: 'connect:ListInstanceAttributes never carries connect:AttributeType.', related: [ '"connect:AttributeType"' ] }],
        output: policy({
          Effect: 'Allow',
          Action: [ 'connect:UpdateInstanceAttribute' ],
          Resource: 'arn:aws:connect:us-east-1:111122223333:instance/a1b2c3d4-5678-90ab-cdef-111122223333',
          Condition: { StringEquals: { 'connect:AttributeType': 'CONTACT_LENS' } }
        }, { Effect: 'Allow', Action: 'logs:CreateLogGroup', Resource: 'arn:aws:logs:us-east-1:111122223333:log-group:/aws/connect/*' }, {
          Effect: 'Allow',
          Action: 'connect:ListInstanceAttributes',
          Resource: 'arn:aws:connect:us-east-1:111122223333:instance/a1b2c3d4-5678-90ab-cdef-111122223333'
        }), safe: false,
      },
    ],
  },
  'connect-storage-type-unrestricted': {
    valid: [
      policy({
        Effect: 'Allow',
        Action: [ 'connect:UpdateInstanceStorageConfig', 'connect:AssociateInstanceStorageConfig' ],
        Resource: 'arn:aws:connect:us-east-1:111122223333:instance/a1b2c3d4-5678-90ab-cdef-111122223333',
        Condition: { StringEquals: { 'connect:StorageResourceType': 'CALL_RECORDINGS' } }
      }, {
        Effect: 'Allow',
        Action: [ 'iam:PutRolePolicy', 's3:GetBucketAcl', 's3:GetBucketLocation' ],
        Resource: [ 'arn:aws:iam::111122223333:role/aws-service-role/connect.amazonaws.com/*', 'arn:aws:s3:::my-connect-recording-bucket' ]
      }),
      policy({
        Effect: 'Deny',
        Action: [ 'connect:UpdateInstanceStorageConfig', 'connect:AssociateInstanceStorageConfig' ],
        Resource: 'arn:aws:connect:us-east-1:111122223333:instance/a1b2c3d4-5678-90ab-cdef-111122223333'
      }),
    ],
    invalid: [
      {
        text: policy({
          Effect: 'Allow',
          Action: [ 'connect:UpdateInstanceStorageConfig', 'connect:AssociateInstanceStorageConfig' ],
          Resource: 'arn:aws:connect:us-east-1:111122223333:instance/a1b2c3d4-5678-90ab-cdef-111122223333'
        }, {
          Effect: 'Allow',
          Action: [ 'iam:PutRolePolicy', 's3:GetBucketAcl', 's3:GetBucketLocation' ],
          Resource: [ 'arn:aws:iam::111122223333:role/aws-service-role/connect.amazonaws.com/*', 'arn:aws:s3:::my-connect-recording-bucket' ]
        }, { Effect: 'Allow', Action: 's3:ListAllMyBuckets', Resource: '*' }),
        findings: [{ text: '"connect:UpdateInstanceStorageConfig"', message: 'connect:UpdateInstanceStorageConfig is allowed without a connect:StorageResourceType condition.' }],
        output: policy({
          Effect: 'Allow',
          Action: [ 'connect:UpdateInstanceStorageConfig', 'connect:AssociateInstanceStorageConfig' ],
          Resource: 'arn:aws:connect:us-east-1:111122223333:instance/a1b2c3d4-5678-90ab-cdef-111122223333',
          Condition: { StringEquals: { 'connect:StorageResourceType': 'CALL_RECORDINGS' } }
        }, {
          Effect: 'Allow',
          Action: [ 'iam:PutRolePolicy', 's3:GetBucketAcl', 's3:GetBucketLocation' ],
          Resource: [ 'arn:aws:iam::111122223333:role/aws-service-role/connect.amazonaws.com/*', 'arn:aws:s3:::my-connect-recording-bucket' ]
        }, { Effect: 'Allow', Action: 's3:ListAllMyBuckets', Resource: '*' }), safe: false,
      },
      {
        text: policy({
          Effect: 'Allow',
          Action: [ 'connect:UpdateInstanceStorageConfig', 'connect:AssociateInstanceStorageConfig' ],
          Resource: 'arn:aws:connect:us-east-1:111122223333:instance/a1b2c3d4-5678-90ab-cdef-111122223333',
          Condition: { Bool: { 'aws:SecureTransport': 'true' } }
        }),
        findings: [{ text: '"connect:UpdateInstanceStorageConfig"', message: 'connect:UpdateInstanceStorageConfig is allowed without a connect:StorageResourceType condition.' }],
        output: policy({
          Effect: 'Allow',
          Action: [ 'connect:UpdateInstanceStorageConfig', 'connect:AssociateInstanceStorageConfig' ],
          Resource: 'arn:aws:connect:us-east-1:111122223333:instance/a1b2c3d4-5678-90ab-cdef-111122223333',
          Condition: { Bool: { 'aws:SecureTransport': 'true' }, StringEquals: { 'connect:StorageResourceType': 'CALL_RECORDINGS' } }
        }), safe: false,
      },
      {
        text: `{"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": "connect:AssociateInstanceStorageConfig", "Resource": "arn:aws:connect:us-east-1:111122223333:instance/a1b2c3d4-5678-90ab-cdef-111122223333"}]}`,
        findings: [{ text: '"connect:AssociateInstanceStorageConfig"', message: 'connect:AssociateInstanceStorageConfig is allowed without a connect:StorageResourceType condition.' }],
        output: `{"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": "connect:AssociateInstanceStorageConfig", "Resource": "arn:aws:connect:us-east-1:111122223333:instance/a1b2c3d4-5678-90ab-cdef-111122223333", "Condition": {"StringEquals":{"connect:StorageResourceType":"CALL_RECORDINGS"}}}]}`, safe: false,
      },
      {
        text: policy({
          Effect: 'Allow',
          Action: [ 'connect:UpdateInstanceStorageConfig', 'connect:AssociateInstanceStorageConfig', 'connect:DescribeInstance' ],
          Resource: 'arn:aws:connect:us-east-1:111122223333:instance/a1b2c3d4-5678-90ab-cdef-111122223333'
        }),
        findings: [{ text: '"connect:UpdateInstanceStorageConfig"', message: 'connect:UpdateInstanceStorageConfig is allowed without a connect:StorageResourceType condition.' }],
        output: null,
      },
    ],
  },
  'connect-permissions-missing': {
    valid: [
      policy({
        Effect: 'Allow',
        Action: [ 'connect:UpdateInstanceStorageConfig', 'connect:AssociateInstanceStorageConfig' ],
        Resource: 'arn:aws:connect:us-east-1:111122223333:instance/a1b2c3d4-5678-90ab-cdef-111122223333',
        Condition: { StringEquals: { 'connect:StorageResourceType': 'CALL_RECORDINGS' } }
      }, {
        Effect: 'Allow',
        Action: [ 'iam:PutRolePolicy', 's3:GetBucketAcl', 's3:GetBucketLocation' ],
        Resource: [ 'arn:aws:iam::111122223333:role/aws-service-role/connect.amazonaws.com/*', 'arn:aws:s3:::my-connect-recording-bucket' ]
      }),
      policy({
        Effect: 'Allow',
        Action: 'connect:AssociateLambdaFunction',
        Resource: 'arn:aws:connect:us-east-1:111122223333:instance/a1b2c3d4-5678-90ab-cdef-111122223333'
      }, { Effect: 'Allow', Action: 'lambda:AddPermission', Resource: 'arn:aws:lambda:us-east-1:111122223333:function:connect-lookup' }),
      policy({ Effect: 'Allow', Action: 'connect:*', Resource: 'arn:aws:connect:us-east-1:111122223333:instance/a1b2c3d4-5678-90ab-cdef-111122223333' }),
      policy({
        Effect: 'Deny',
        Action: 'connect:AssociateLambdaFunction',
        Resource: 'arn:aws:connect:us-east-1:111122223333:instance/a1b2c3d4-5678-90ab-cdef-111122223333'
      }),
    ],
    invalid: [
      {
        text: policy({
          Effect: 'Allow',
          Action: 'connect:AssociateLambdaFunction',
          Resource: 'arn:aws:connect:us-east-1:111122223333:instance/a1b2c3d4-5678-90ab-cdef-111122223333'
        }, { Effect: 'Allow', Action: 'lambda:GetFunction', Resource: 'arn:aws:lambda:us-east-1:111122223333:function:connect-lookup' }),
        findings: [{ text: '"connect:AssociateLambdaFunction"', message: 'connect:AssociateLambdaFunction is allowed without lambda:AddPermission.' }],
        output: policy({
          Effect: 'Allow',
          Action: 'connect:AssociateLambdaFunction',
          Resource: 'arn:aws:connect:us-east-1:111122223333:instance/a1b2c3d4-5678-90ab-cdef-111122223333'
        }, { Effect: 'Allow', Action: 'lambda:GetFunction', Resource: 'arn:aws:lambda:us-east-1:111122223333:function:connect-lookup' }, { Effect: 'Allow', Action: 'lambda:AddPermission', Resource: 'arn:aws:lambda:us-east-1:111122223333:function:connect-lookup' }), safe: false,
      },
      {
        text: policy({
          Effect: 'Allow',
          Action: [ 'connect:UpdateInstanceStorageConfig', 'connect:AssociateInstanceStorageConfig' ],
          Resource: 'arn:aws:connect:us-east-1:111122223333:instance/a1b2c3d4-5678-90ab-cdef-111122223333',
          Condition: { StringEquals: { 'connect:StorageResourceType': 'CALL_RECORDINGS' } }
        }),
        findings: [{ text: '"connect:UpdateInstanceStorageConfig"', message: 'connect:UpdateInstanceStorageConfig is allowed without permissions the call needs.', related: [ '"connect:AssociateInstanceStorageConfig"' ] }],
        output: policy({
          Effect: 'Allow',
          Action: [ 'connect:UpdateInstanceStorageConfig', 'connect:AssociateInstanceStorageConfig' ],
          Resource: 'arn:aws:connect:us-east-1:111122223333:instance/a1b2c3d4-5678-90ab-cdef-111122223333',
          Condition: { StringEquals: { 'connect:StorageResourceType': 'CALL_RECORDINGS' } }
        }, { Effect: 'Allow', Action: [ 's3:GetBucketAcl', 's3:GetBucketLocation' ], Resource: 'arn:aws:s3:::s3-bucket-name' }, { Effect: 'Allow', Action: 'iam:PutRolePolicy', Resource: 'arn:aws:iam::111122223333:role/aws-service-role/connect.amazonaws.com/*' }), safe: false,
      },
    ],
  },
  'connect-permissions-suggested': {
    valid: [
      policy({
        Effect: 'Allow',
        Action: 'connect:UpdatePrompt',
        Resource: 'arn:aws:connect:us-east-1:111122223333:instance/a1b2c3d4-5678-90ab-cdef-111122223333/prompt/*'
      }, {
        Effect: 'Allow',
        Action: [ 's3:GetObject', 's3:GetObjectAcl', 'kms:Decrypt' ],
        Resource: [ 'arn:aws:s3:::example-connect-prompts/*', 'arn:aws:kms:us-east-1:111122223333:key/*' ]
      }),
    ],
    invalid: [
      {
        text: policy({
          Effect: 'Allow',
          Action: 'connect:UpdatePrompt',
          Resource: 'arn:aws:connect:us-east-1:111122223333:instance/a1b2c3d4-5678-90ab-cdef-111122223333/prompt/*'
        }, { Effect: 'Allow', Action: [ 's3:GetObject', 's3:GetObjectAcl' ], Resource: 'arn:aws:s3:::example-connect-prompts/*' }),
        findings: [{ text: '"connect:UpdatePrompt"', message: 'connect:UpdatePrompt may also need kms:Decrypt.' }],
        output: policy({
          Effect: 'Allow',
          Action: 'connect:UpdatePrompt',
          Resource: 'arn:aws:connect:us-east-1:111122223333:instance/a1b2c3d4-5678-90ab-cdef-111122223333/prompt/*'
        }, { Effect: 'Allow', Action: [ 's3:GetObject', 's3:GetObjectAcl' ], Resource: 'arn:aws:s3:::example-connect-prompts/*' }, { Effect: 'Allow', Action: 'kms:Decrypt', Resource: 'arn:aws:kms:us-east-1:111122223333:key/key-id' }), safe: false,
      },
    ],
  },
  'connect-storage-kind-mismatch': {
    valid: [
      policy({
        Effect: 'Allow',
        Action: [ 'connect:UpdateInstanceStorageConfig', 'connect:AssociateInstanceStorageConfig' ],
        Resource: 'arn:aws:connect:us-east-1:111122223333:instance/a1b2c3d4-5678-90ab-cdef-111122223333',
        Condition: { StringEquals: { 'connect:StorageResourceType': 'CALL_RECORDINGS' } }
      }, {
        Effect: 'Allow',
        Action: [ 'iam:PutRolePolicy', 's3:GetBucketAcl', 's3:GetBucketLocation' ],
        Resource: [ 'arn:aws:iam::111122223333:role/aws-service-role/connect.amazonaws.com/*', 'arn:aws:s3:::my-connect-recording-bucket' ]
      }, {
        Effect: 'Allow',
        Action: [ 'connect:UpdateInstanceStorageConfig', 'connect:AssociateInstanceStorageConfig' ],
        Resource: 'arn:aws:connect:us-east-1:111122223333:instance/a1b2c3d4-5678-90ab-cdef-111122223333',
        Condition: { StringEquals: { 'connect:StorageResourceType': 'CONTACT_TRACE_RECORDS' } }
      }, { Effect: 'Allow', Action: 'kinesis:DescribeStream', Resource: 'arn:aws:kinesis:us-east-1:111122223333:stream/connect-contact-records' }),
    ],
    invalid: [
      {
        text: policy({
          Effect: 'Allow',
          Action: [ 'connect:UpdateInstanceStorageConfig', 'connect:AssociateInstanceStorageConfig' ],
          Resource: 'arn:aws:connect:us-east-1:111122223333:instance/a1b2c3d4-5678-90ab-cdef-111122223333',
          Condition: { StringEquals: { 'connect:StorageResourceType': 'CALL_RECORDINGS' } }
        }, {
          Effect: 'Allow',
          Action: [ 'kinesis:DescribeStream', 'iam:PutRolePolicy' ],
          Resource: [
            'arn:aws:iam::111122223333:role/aws-service-role/connect.amazonaws.com/*',
            'arn:aws:kinesis:us-east-1:111122223333:stream/connect-contact-records'
          ]
        }),
        findings: [{ text: '"CALL_RECORDINGS"', message: 'The storage type and the storage permissions do not match.' }],
        output: null,
      },
    ],
  },
  'connect-lambda-permission-broad': {
    valid: [
      policy({
        Effect: 'Allow',
        Action: [ 'connect:AssociateLambdaFunction', 'lambda:AddPermission' ],
        Resource: [
          'arn:aws:connect:us-east-1:111122223333:instance/a1b2c3d4-5678-90ab-cdef-111122223333',
          'arn:aws:lambda:us-east-1:111122223333:function:connect-lookup',
          'arn:aws:lambda:us-east-1:111122223333:function:connect-*'
        ]
      }),
      policy({ Effect: 'Allow', Action: 'lambda:AddPermission', Resource: '*' }),
      // A template part names one function: the Fn::Sub's mask is no wildcard.
      { path: 'template.yaml', text: lambdaPermissionTemplate('!Sub "arn:${AWS::Partition}:lambda:${AWS::Region}:${AWS::AccountId}:function:${LookupFunction}"') },
    ],
    invalid: [
      {
        // A wildcard written in the template still names every function.
        path: 'template.yaml',
        text: lambdaPermissionTemplate('!Sub "arn:${AWS::Partition}:lambda:${AWS::Region}:${AWS::AccountId}:function:*"'),
        findings: [{ text: '"arn:${AWS::Partition}:lambda:${AWS::Region}:${AWS::AccountId}:function:*"', message: 'lambda:AddPermission is allowed on every function' }],
        output: null,
      },
      {
        text: policy({
          Effect: 'Allow',
          Action: [ 'connect:AssociateLambdaFunction', 'lambda:AddPermission' ],
          Resource: [ 'arn:aws:connect:us-east-1:111122223333:instance/a1b2c3d4-5678-90ab-cdef-111122223333', 'arn:aws:lambda:us-east-1:111122223333:function:*' ]
        }),
        findings: [{ text: '"arn:aws:lambda:us-east-1:111122223333:function:*"', message: 'lambda:AddPermission is allowed on every function (arn:aws:lambda:us-east-1:111122223333:function:*).' }],
        output: null,
      },
      {
        text: policy({
          Effect: 'Allow',
          Action: 'connect:AssociateLambdaFunction',
          Resource: 'arn:aws:connect:us-east-1:111122223333:instance/a1b2c3d4-5678-90ab-cdef-111122223333'
        }, { Effect: 'Allow', Action: 'lambda:AddPermission', Resource: '*' }),
        findings: [{ text: '"*"', message: 'lambda:AddPermission is allowed on every function (*).' }],
        output: null,
      },
    ],
  },
  'connect-lambda-arn-missing-function': {
    valid: [
      policy({
        Effect: 'Allow',
        Action: [ 'connect:AssociateLambdaFunction', 'lambda:AddPermission' ],
        Resource: [
          'arn:aws:connect:us-east-1:111122223333:instance/a1b2c3d4-5678-90ab-cdef-111122223333',
          'arn:aws:lambda:us-east-1:111122223333:function:connect-lookup',
          'arn:aws:lambda:us-east-1:111122223333:function:connect-lookup:prod',
          'arn:aws:lambda:us-east-1:111122223333:layer:deps',
          'arn:aws:lambda:*:111122223333:*'
        ]
      }),
    ],
    invalid: [
      {
        text: policy({
          Effect: 'Allow',
          Action: [ 'connect:AssociateLambdaFunction', 'lambda:AddPermission' ],
          Resource: [ 'arn:aws:connect:us-east-1:111122223333:instance/a1b2c3d4-5678-90ab-cdef-111122223333', 'arn:aws:lambda:us-east-1:111122223333:my-contact-lookup' ]
        }),
        findings: [{ text: 'my-contact-lookup', message: 'my-contact-lookup has no resource type, so this ARN matches no function.' }],
        output: policy({
          Effect: 'Allow',
          Action: [ 'connect:AssociateLambdaFunction', 'lambda:AddPermission' ],
          Resource: [
            'arn:aws:connect:us-east-1:111122223333:instance/a1b2c3d4-5678-90ab-cdef-111122223333',
            'arn:aws:lambda:us-east-1:111122223333:function:my-contact-lookup'
          ]
        }), safe: true,
      },
    ],
  },
  'connect-lambda-unqualified-arn': {
    valid: [
      policy({
        Effect: 'Allow',
        Action: [ 'connect:AssociateLambdaFunction', 'lambda:AddPermission' ],
        Resource: [
          'arn:aws:connect:us-east-1:111122223333:instance/a1b2c3d4-5678-90ab-cdef-111122223333',
          'arn:aws:lambda:us-east-1:111122223333:function:connect-lookup:prod',
          'arn:aws:lambda:us-east-1:111122223333:function:other*'
        ]
      }),
    ],
    invalid: [
      {
        // A YAML block sequence takes a new "- item" line (a JSON ", item" would join the last
        // item's plain scalar into one bogus string); the comment stays with its item.
        path: 'template.yaml',
        text: LAMBDA_TEMPLATE,
        findings: [{ text: 'connect-lookup', message: 'function:connect-lookup covers the unqualified function only, not function:connect-lookup:prod or another alias or version.' }],
        output: `${LAMBDA_TEMPLATE}              - "arn:aws:lambda:us-east-1:111122223333:function:connect-lookup:*"\n`, safe: false,
      },
      {
        text: policy({
          Effect: 'Allow',
          Action: [ 'connect:AssociateLambdaFunction', 'lambda:AddPermission' ],
          Resource: [
            'arn:aws:connect:us-east-1:111122223333:instance/a1b2c3d4-5678-90ab-cdef-111122223333',
            'arn:aws:lambda:us-east-1:111122223333:function:connect-lookup'
          ]
        }),
        findings: [{ text: 'connect-lookup', message: 'function:connect-lookup covers the unqualified function only, not function:connect-lookup:prod or another alias or version.' }],
        output: policy({
          Effect: 'Allow',
          Action: [ 'connect:AssociateLambdaFunction', 'lambda:AddPermission' ],
          Resource: [
            'arn:aws:connect:us-east-1:111122223333:instance/a1b2c3d4-5678-90ab-cdef-111122223333',
            'arn:aws:lambda:us-east-1:111122223333:function:connect-lookup',
            'arn:aws:lambda:us-east-1:111122223333:function:connect-lookup:*'
          ]
        }), safe: false,
      },
      {
        text: policy({
          Effect: 'Allow',
          Action: [ 'connect:AssociateLambdaFunction', 'lambda:AddPermission' ],
          Resource: [ 'arn:aws:connect:us-east-1:111122223333:instance/a1b2c3d4-5678-90ab-cdef-111122223333', 'arn:aws:lambda:*:*:function:connect-lookup' ]
        }),
        findings: [{ text: 'connect-lookup', message: 'function:connect-lookup covers the unqualified function only, not function:connect-lookup:prod or another alias or version.' }],
        output: policy({
          Effect: 'Allow',
          Action: [ 'connect:AssociateLambdaFunction', 'lambda:AddPermission' ],
          Resource: [
            'arn:aws:connect:us-east-1:111122223333:instance/a1b2c3d4-5678-90ab-cdef-111122223333',
            'arn:aws:lambda:*:*:function:connect-lookup',
            'arn:aws:lambda:*:*:function:connect-lookup:*'
          ]
        }), safe: false,
      },
      {
        text: policy({
          Effect: 'Allow',
          Action: 'connect:AssociateLambdaFunction',
          Resource: 'arn:aws:connect:us-east-1:111122223333:instance/a1b2c3d4-5678-90ab-cdef-111122223333'
        }, { Effect: 'Allow', Action: 'lambda:AddPermission', Resource: 'arn:aws:lambda:us-east-1:111122223333:function:connect-lookup' }),
        findings: [{ text: 'connect-lookup', message: 'function:connect-lookup covers the unqualified function only, not function:connect-lookup:prod or another alias or version.' }],
        output: `{
  "Version": "2012-10-17",
  "Statement": [
    {
      "Effect": "Allow",
      "Action": "connect:AssociateLambdaFunction",
      "Resource": "arn:aws:connect:us-east-1:111122223333:instance/a1b2c3d4-5678-90ab-cdef-111122223333"
    },
    {
      "Effect": "Allow",
      "Action": "lambda:AddPermission",
      "Resource": ["arn:aws:lambda:us-east-1:111122223333:function:connect-lookup", "arn:aws:lambda:us-east-1:111122223333:function:connect-lookup:*"]
    }
  ]
}`, safe: false,
      },
    ],
  },
  'connect-service-role-path': {
    valid: [
      policy({
        Effect: 'Allow',
        Action: [ 'connect:UpdateInstanceStorageConfig', 'connect:AssociateInstanceStorageConfig' ],
        Resource: 'arn:aws:connect:us-east-1:111122223333:instance/a1b2c3d4-5678-90ab-cdef-111122223333',
        Condition: { StringEquals: { 'connect:StorageResourceType': 'CALL_RECORDINGS' } }
      }, {
        Effect: 'Allow',
        Action: [ 'iam:PutRolePolicy', 's3:GetBucketAcl', 's3:GetBucketLocation' ],
        Resource: [ 'arn:aws:iam::111122223333:role/aws-service-role/connect.amazonaws.com/*', 'arn:aws:s3:::my-connect-recording-bucket' ]
      }),
      policy({
        Effect: 'Allow',
        Action: [ 'connect:UpdateInstanceStorageConfig', 'connect:AssociateInstanceStorageConfig' ],
        Resource: 'arn:aws:connect:us-east-1:111122223333:instance/a1b2c3d4-5678-90ab-cdef-111122223333',
        Condition: { StringEquals: { 'connect:StorageResourceType': 'CALL_RECORDINGS' } }
      }, {
        Effect: 'Allow',
        Action: [ 'iam:PutRolePolicy', 's3:GetBucketAcl', 's3:GetBucketLocation' ],
        Resource: [ 'arn:aws:iam::111122223333:role/*', 'arn:aws:s3:::my-connect-recording-bucket' ]
      }),
      policy({
        Effect: 'Allow',
        Action: [ 'connect:UpdateInstanceStorageConfig', 'connect:AssociateInstanceStorageConfig' ],
        Resource: 'arn:aws:connect:us-east-1:111122223333:instance/a1b2c3d4-5678-90ab-cdef-111122223333',
        Condition: { StringEquals: { 'connect:StorageResourceType': 'CALL_RECORDINGS' } }
      }, {
        Effect: 'Allow',
        Action: [ 'iam:PutRolePolicy', 's3:GetBucketAcl', 's3:GetBucketLocation' ],
        Resource: [
          'arn:aws:iam::111122223333:role/aws-service-role/connect.amazonaws.com/*',
          'arn:aws:iam::111122223333:role/service-role/app',
          'arn:aws:s3:::my-connect-recording-bucket'
        ]
      }),
      policy({
        Effect: 'Allow',
        Action: 'connect:AssociateLambdaFunction',
        Resource: 'arn:aws:connect:us-east-1:111122223333:instance/a1b2c3d4-5678-90ab-cdef-111122223333'
      }, { Effect: 'Allow', Action: 'iam:PutRolePolicy', Resource: 'arn:aws:iam::111122223333:role/service-role/*' }),
    ],
    invalid: [
      {
        text: policy({
          Effect: 'Allow',
          Action: [ 'connect:UpdateInstanceStorageConfig', 'connect:AssociateInstanceStorageConfig' ],
          Resource: 'arn:aws:connect:us-east-1:111122223333:instance/a1b2c3d4-5678-90ab-cdef-111122223333',
          Condition: { StringEquals: { 'connect:StorageResourceType': 'CALL_RECORDINGS' } }
        }, {
          Effect: 'Allow',
          Action: [ 'iam:PutRolePolicy', 's3:GetBucketAcl', 's3:GetBucketLocation' ],
          Resource: [ 'arn:aws:iam::111122223333:role/service-role/*', 'arn:aws:s3:::my-connect-recording-bucket' ]
        }),
        findings: [{ text: '"arn:aws:iam::111122223333:role/service-role/*"', message: 'This role is not the Amazon Connect service-linked role.' }],
        output: policy({
          Effect: 'Allow',
          Action: [ 'connect:UpdateInstanceStorageConfig', 'connect:AssociateInstanceStorageConfig' ],
          Resource: 'arn:aws:connect:us-east-1:111122223333:instance/a1b2c3d4-5678-90ab-cdef-111122223333',
          Condition: { StringEquals: { 'connect:StorageResourceType': 'CALL_RECORDINGS' } }
        }, {
          Effect: 'Allow',
          Action: [ 'iam:PutRolePolicy', 's3:GetBucketAcl', 's3:GetBucketLocation' ],
          Resource: [ 'arn:aws:iam::111122223333:role/aws-service-role/connect.amazonaws.com/*', 'arn:aws:s3:::my-connect-recording-bucket' ]
        }), safe: false,
      },
      {
        text: policy({
          Effect: 'Allow',
          Action: [ 'connect:UpdateInstanceStorageConfig', 'connect:AssociateInstanceStorageConfig' ],
          Resource: 'arn:aws:connect:us-east-1:111122223333:instance/a1b2c3d4-5678-90ab-cdef-111122223333',
          Condition: { StringEquals: { 'connect:StorageResourceType': 'CALL_RECORDINGS' } }
        }, {
          Effect: 'Allow',
          Action: [ 'iam:PutRolePolicy', 's3:GetBucketAcl', 's3:GetBucketLocation' ],
          Resource: [ 'arn:aws:iam::111122223333:role/aws-service-role/connect.amazon.com/*', 'arn:aws:s3:::my-connect-recording-bucket' ]
        }),
        findings: [{ text: '"arn:aws:iam::111122223333:role/aws-service-role/connect.amazon.com/*"', message: 'This role is not the Amazon Connect service-linked role.' }],
        output: policy({
          Effect: 'Allow',
          Action: [ 'connect:UpdateInstanceStorageConfig', 'connect:AssociateInstanceStorageConfig' ],
          Resource: 'arn:aws:connect:us-east-1:111122223333:instance/a1b2c3d4-5678-90ab-cdef-111122223333',
          Condition: { StringEquals: { 'connect:StorageResourceType': 'CALL_RECORDINGS' } }
        }, {
          Effect: 'Allow',
          Action: [ 'iam:PutRolePolicy', 's3:GetBucketAcl', 's3:GetBucketLocation' ],
          Resource: [ 'arn:aws:iam::111122223333:role/aws-service-role/connect.amazonaws.com/*', 'arn:aws:s3:::my-connect-recording-bucket' ]
        }), safe: false,
      },
      {
        text: policy({
          Effect: 'Allow',
          Action: [ 'connect:UpdateInstanceStorageConfig', 'connect:AssociateInstanceStorageConfig' ],
          Resource: 'arn:aws:connect:us-east-1:111122223333:instance/a1b2c3d4-5678-90ab-cdef-111122223333',
          Condition: { StringEquals: { 'connect:StorageResourceType': 'CALL_RECORDINGS' } }
        }, {
          Effect: 'Allow',
          Action: [ 'iam:PutRolePolicy', 's3:GetBucketAcl', 's3:GetBucketLocation' ],
          Resource: [ 'arn:aws:iam::111122223333:role/aws-service-role/Connect.amazonaws.com/*', 'arn:aws:s3:::my-connect-recording-bucket' ]
        }),
        findings: [{ text: '"arn:aws:iam::111122223333:role/aws-service-role/Connect.amazonaws.com/*"', message: 'This role is not the Amazon Connect service-linked role.' }],
        output: policy({
          Effect: 'Allow',
          Action: [ 'connect:UpdateInstanceStorageConfig', 'connect:AssociateInstanceStorageConfig' ],
          Resource: 'arn:aws:connect:us-east-1:111122223333:instance/a1b2c3d4-5678-90ab-cdef-111122223333',
          Condition: { StringEquals: { 'connect:StorageResourceType': 'CALL_RECORDINGS' } }
        }, {
          Effect: 'Allow',
          Action: [ 'iam:PutRolePolicy', 's3:GetBucketAcl', 's3:GetBucketLocation' ],
          Resource: [ 'arn:aws:iam::111122223333:role/aws-service-role/connect.amazonaws.com/*', 'arn:aws:s3:::my-connect-recording-bucket' ]
        }), safe: false,
      },
    ],
  },
  'connect-service-role-scope': {
    valid: [
      policy({
        Effect: 'Allow',
        Action: 'connect:AssociateLexBot',
        Resource: 'arn:aws:connect:us-east-1:111122223333:instance/a1b2c3d4-5678-90ab-cdef-111122223333'
      }, { Effect: 'Allow', Action: 'iam:PutRolePolicy', Resource: '*' }),
      policy({
        Effect: 'Allow',
        Action: 'connect:AssociateLexBot',
        Resource: 'arn:aws:connect:us-east-1:111122223333:instance/a1b2c3d4-5678-90ab-cdef-111122223333'
      }, { Effect: 'Allow', Action: 'iam:PutRolePolicy', Resource: 'arn:aws:iam::111122223333:role/aws-service-role/connect.amazonaws.com/*' }),
      policy({ Effect: 'Allow', Action: 'iam:PutRolePolicy', Resource: 'arn:aws:iam::111122223333:role/aws-service-role/*' }),
      policy({
        Effect: 'Allow',
        Action: 'connect:AssociateLexBot',
        Resource: 'arn:aws:connect:us-east-1:111122223333:instance/a1b2c3d4-5678-90ab-cdef-111122223333'
      }, { Effect: 'Allow', Action: 'iam:DeleteRolePolicy', Resource: '*', Condition: { StringEquals: { 'aws:ResourceTag/team': 'contact-centre' } } }),
    ],
    invalid: [
      {
        text: policy({
          Effect: 'Allow',
          Action: 'connect:AssociateLexBot',
          Resource: 'arn:aws:connect:us-east-1:111122223333:instance/a1b2c3d4-5678-90ab-cdef-111122223333'
        }, { Effect: 'Allow', Action: 'iam:PutRolePolicy', Resource: 'arn:aws:iam::111122223333:role/aws-service-role/*' }),
        findings: [{ text: '"arn:aws:iam::111122223333:role/aws-service-role/*"', message: 'iam:PutRolePolicy is allowed on arn:aws:iam::111122223333:role/aws-service-role/*, wider than the Amazon Connect service-linked role.' }],
        output: policy({
          Effect: 'Allow',
          Action: 'connect:AssociateLexBot',
          Resource: 'arn:aws:connect:us-east-1:111122223333:instance/a1b2c3d4-5678-90ab-cdef-111122223333'
        }, {
          Effect: 'Allow',
          Action: 'iam:PutRolePolicy',
          Resource: 'arn:aws:iam::111122223333:role/aws-service-role/connect.amazonaws.com/AWSServiceRoleForAmazonConnect*'
        }), safe: false,
      },
      {
        text: policy({
          Effect: 'Allow',
          Action: 'connect:AssociateLexBot',
          Resource: 'arn:aws:connect:us-east-1:111122223333:instance/a1b2c3d4-5678-90ab-cdef-111122223333'
        }, { Effect: 'Allow', Action: [ 'iam:DeleteRolePolicy', 'ds:DescribeDirectories' ], Resource: '*' }),
        findings: [{ text: '"iam:DeleteRolePolicy"', message: 'iam:DeleteRolePolicy is allowed on *, wider than the Amazon Connect service-linked role.' }],
        output: policy({
          Effect: 'Allow',
          Action: 'connect:AssociateLexBot',
          Resource: 'arn:aws:connect:us-east-1:111122223333:instance/a1b2c3d4-5678-90ab-cdef-111122223333'
        }, { Effect: 'Allow', Action: [ 'ds:DescribeDirectories' ], Resource: '*' }, {
          Effect: 'Allow',
          Action: 'iam:DeleteRolePolicy',
          Resource: 'arn:aws:iam::111122223333:role/aws-service-role/connect.amazonaws.com/AWSServiceRoleForAmazonConnect*'
        }), safe: false,
      },
    ],
  },
  'connect-service-linked-role-condition': {
    valid: [
      policy({
        Effect: 'Allow',
        Action: [ 'connect:CreateInstance', 'ds:CheckAlias', 'ds:CreateDirectory', 'ds:CreateIdentityPoolDirectory', 'ds:DescribeDirectories' ],
        Resource: '*'
      }, {
        Effect: 'Allow',
        Action: 'iam:CreateServiceLinkedRole',
        Resource: '*',
        Condition: { StringEquals: { 'iam:AWSServiceName': 'connect.amazonaws.com' } }
      }),
      policy({
        Effect: 'Allow',
        Action: [ 'connect:CreateInstance', 'ds:CheckAlias', 'ds:CreateDirectory', 'ds:CreateIdentityPoolDirectory', 'ds:DescribeDirectories' ],
        Resource: '*'
      }, { Effect: 'Allow', Action: 'iam:CreateServiceLinkedRole', Resource: 'arn:aws:iam::111122223333:role/aws-service-role/connect.amazonaws.com/*' }),
      policy({ Effect: 'Allow', Action: 'iam:CreateServiceLinkedRole', Resource: '*' }),
    ],
    invalid: [
      {
        text: policy({
          Effect: 'Allow',
          Action: [ 'connect:CreateInstance', 'ds:CheckAlias', 'ds:CreateDirectory', 'ds:CreateIdentityPoolDirectory', 'ds:DescribeDirectories' ],
          Resource: '*'
        }, { Effect: 'Allow', Action: 'iam:CreateServiceLinkedRole', Resource: '*' }),
        findings: [{ text: '"iam:CreateServiceLinkedRole"', message: "iam:CreateServiceLinkedRole is allowed without an iam:AWSServiceName condition, so any service's role can be created." }],
        output: policy({
          Effect: 'Allow',
          Action: [ 'connect:CreateInstance', 'ds:CheckAlias', 'ds:CreateDirectory', 'ds:CreateIdentityPoolDirectory', 'ds:DescribeDirectories' ],
          Resource: '*'
        }, {
          Effect: 'Allow',
          Action: 'iam:CreateServiceLinkedRole',
          Resource: '*',
          Condition: { StringEquals: { 'iam:AWSServiceName': 'connect.amazonaws.com' } }
        }), safe: false,
      },
      {
        text: policy({
          Effect: 'Allow',
          Action: [ 'connect:CreateInstance', 'ds:CheckAlias', 'ds:CreateDirectory', 'ds:CreateIdentityPoolDirectory', 'ds:DescribeDirectories' ],
          Resource: '*'
        }, { Effect: 'Allow', Action: 'iam:CreateServiceLinkedRole', Resource: '*', Condition: { StringEquals: { 'aws:RequestedRegion': 'us-east-1' } } }),
        findings: [{ text: '"iam:CreateServiceLinkedRole"', message: "iam:CreateServiceLinkedRole is allowed without an iam:AWSServiceName condition, so any service's role can be created." }],
        output: policy({
          Effect: 'Allow',
          Action: [ 'connect:CreateInstance', 'ds:CheckAlias', 'ds:CreateDirectory', 'ds:CreateIdentityPoolDirectory', 'ds:DescribeDirectories' ],
          Resource: '*'
        }, {
          Effect: 'Allow',
          Action: 'iam:CreateServiceLinkedRole',
          Resource: '*',
          Condition: { StringEquals: { 'aws:RequestedRegion': 'us-east-1', 'iam:AWSServiceName': 'connect.amazonaws.com' } }
        }), safe: false,
      },
      {
        text: policy({
          Effect: 'Allow',
          Action: [ 'connect:CreateInstance', 'ds:CheckAlias', 'ds:CreateDirectory', 'ds:CreateIdentityPoolDirectory', 'ds:DescribeDirectories' ],
          Resource: '*'
        }, { Effect: 'Allow', Action: [ 'iam:CreateServiceLinkedRole', 'iam:PutRolePolicy' ], Resource: '*' }),
        findings: [{ text: '"iam:CreateServiceLinkedRole"', message: "iam:CreateServiceLinkedRole is allowed without an iam:AWSServiceName condition, so any service's role can be created." }],
        output: policy({
          Effect: 'Allow',
          Action: [ 'connect:CreateInstance', 'ds:CheckAlias', 'ds:CreateDirectory', 'ds:CreateIdentityPoolDirectory', 'ds:DescribeDirectories' ],
          Resource: '*'
        }, { Effect: 'Allow', Action: [ 'iam:PutRolePolicy' ], Resource: '*' }, {
          Effect: 'Allow',
          Action: 'iam:CreateServiceLinkedRole',
          Resource: '*',
          Condition: { StringEquals: { 'iam:AWSServiceName': 'connect.amazonaws.com' } }
        }), safe: false,
      },
    ],
  },
  'connect-arn-resource-word': {
    valid: [
      { name: 'policy variables in every segment', text: VARIABLE_ARNS },
      policy({
        Effect: 'Allow',
        Action: 'connect:Describe*',
        Resource: [
          'arn:aws:connect:us-east-1:111122223333:instance/a1b2c3d4-5678-90ab-cdef-111122223333/agent/*',
          'arn:aws:connect:us-east-1:111122223333:instance/a1b2c3d4-5678-90ab-cdef-111122223333/routing-profile/*',
          'arn:aws:connect:us-east-1:111122223333:instance/a1b2c3d4-5678-90ab-cdef-111122223333/contact-flow/*',
          'arn:aws:connect:us-east-1:111122223333:instance/a1b2c3d4-5678-90ab-cdef-111122223333/*',
          'arn:aws:connect:us-east-1:111122223333:phone-number/*',
          'arn:aws:connect:us-east-1:111122223333:instance/*/queue/*'
        ]
      }),
      policy({
        Effect: 'Allow',
        Action: 'connect:GetFederationToken',
        Resource: 'arn:aws:connect:us-east-1:111122223333:instance/a1b2c3d4-5678-90ab-cdef-111122223333/user/${aws:userid}'
      }),
    ],
    invalid: [
      {
        text: policy({ Effect: 'Allow', Action: 'connect:Describe*', Resource: 'arn:aws:connect:us-east-1:111122223333:instances/a1b2c3d4-5678-90ab-cdef-111122223333' }),
        findings: [{ text: 'instances', message: 'Amazon Connect ARNs have no instances/ resource, so this ARN matches nothing.' }],
        output: policy({ Effect: 'Allow', Action: 'connect:Describe*', Resource: 'arn:aws:connect:us-east-1:111122223333:instance/a1b2c3d4-5678-90ab-cdef-111122223333' }), safe: false,
      },
      {
        text: policy({
          Effect: 'Allow',
          Action: 'connect:Describe*',
          Resource: 'arn:aws:connect:us-east-1:111122223333:instance/a1b2c3d4-5678-90ab-cdef-111122223333/user/*'
        }),
        findings: [{ text: 'user', message: 'Amazon Connect ARNs have no user/ path under an instance, so this ARN matches nothing.' }],
        output: policy({
          Effect: 'Allow',
          Action: 'connect:Describe*',
          Resource: 'arn:aws:connect:us-east-1:111122223333:instance/a1b2c3d4-5678-90ab-cdef-111122223333/agent/*'
        }), safe: false,
      },
      {
        text: policy({
          Effect: 'Allow',
          Action: 'connect:Describe*',
          Resource: 'arn:aws:connect:us-east-1:111122223333:instance/a1b2c3d4-5678-90ab-cdef-111122223333/quick-connect/*'
        }),
        findings: [{ text: 'quick-connect', message: 'Amazon Connect ARNs have no quick-connect/ path under an instance, so this ARN matches nothing.' }],
        output: policy({
          Effect: 'Allow',
          Action: 'connect:Describe*',
          Resource: 'arn:aws:connect:us-east-1:111122223333:instance/a1b2c3d4-5678-90ab-cdef-111122223333/transfer-destination/*'
        }), safe: false,
      },
      {
        text: policy({
          Effect: 'Allow',
          Action: 'connect:Describe*',
          Resource: 'arn:aws:connect:us-east-1:111122223333:instance/a1b2c3d4-5678-90ab-cdef-111122223333/hours-of-operation/*'
        }),
        findings: [{ text: 'hours-of-operation', message: 'Amazon Connect ARNs have no hours-of-operation/ path under an instance, so this ARN matches nothing.' }],
        output: policy({
          Effect: 'Allow',
          Action: 'connect:Describe*',
          Resource: 'arn:aws:connect:us-east-1:111122223333:instance/a1b2c3d4-5678-90ab-cdef-111122223333/operating-hours/*'
        }), safe: false,
      },
      {
        text: policy({
          Effect: 'Allow',
          Action: 'connect:Describe*',
          Resource: 'arn:aws:connect:us-east-1:111122223333:instance/a1b2c3d4-5678-90ab-cdef-111122223333/agent-status/*'
        }),
        findings: [{ text: 'agent-status', message: 'Amazon Connect ARNs have no agent-status/ path under an instance, so this ARN matches nothing.' }],
        output: policy({
          Effect: 'Allow',
          Action: 'connect:Describe*',
          Resource: 'arn:aws:connect:us-east-1:111122223333:instance/a1b2c3d4-5678-90ab-cdef-111122223333/agent-state/*'
        }), safe: false,
      },
      {
        text: policy({
          Effect: 'Allow',
          Action: 'connect:Describe*',
          Resource: 'arn:aws:connect:us-east-1:111122223333:instance/a1b2c3d4-5678-90ab-cdef-111122223333/queues/*'
        }),
        findings: [{ text: 'queues', message: 'Amazon Connect ARNs have no queues/ path under an instance, so this ARN matches nothing.' }],
        output: policy({
          Effect: 'Allow',
          Action: 'connect:Describe*',
          Resource: 'arn:aws:connect:us-east-1:111122223333:instance/a1b2c3d4-5678-90ab-cdef-111122223333/queue/*'
        }), safe: false,
      },
      {
        text: policy({
          Effect: 'Allow',
          Action: 'connect:DescribeUser',
          Resource: 'arn:aws:connect:us-east-1:111122223333:instance/a1b2c3d4-5678-90ab-cdef-111122223333/user/${aws:userid}'
        }),
        findings: [{ text: 'user', message: 'Amazon Connect ARNs have no user/ path under an instance, so this ARN matches nothing.' }],
        output: policy({
          Effect: 'Allow',
          Action: 'connect:DescribeUser',
          Resource: 'arn:aws:connect:us-east-1:111122223333:instance/a1b2c3d4-5678-90ab-cdef-111122223333/agent/${aws:userid}'
        }), safe: false,
      },
    ],
  },
  'connect-instance-id-format': {
    valid: [
      { name: 'policy variables in every segment', text: VARIABLE_ARNS },
      policy({ Effect: 'Allow', Action: 'connect:Describe*', Resource: 'arn:aws:connect:us-east-1:111122223333:instance/a1b2c3d4-5678-90ab-cdef-111122223333' }),
      policy({ Effect: 'Allow', Action: 'connect:Describe*', Resource: 'arn:aws:connect:us-east-1:111122223333:instance/*' }),
      policy({ Effect: 'Allow', Action: 'connect:Describe*', Resource: 'arn:aws:connect:us-east-1:111122223333:instance/${aws:PrincipalTag/instance}' }),
      policy({ Effect: 'Allow', Action: 'connect:Describe*', Resource: 'arn:aws:connect:us-east-1:111122223333:instance/instance-id' }),
    ],
    invalid: [
      {
        text: policy({ Effect: 'Allow', Action: 'connect:Describe*', Resource: 'arn:aws:connect:us-east-1:111122223333:instance/my-call-centre' }),
        findings: [{ text: 'my-call-centre', message: 'my-call-centre does not look like an Amazon Connect instance ID, so this ARN probably matches no instance.' }],
        output: null,
      },
    ],
  },
  'connect-region-unavailable': {
    valid: [
      { name: 'policy variables in every segment', text: VARIABLE_ARNS },
      policy({ Effect: 'Allow', Action: 'connect:Describe*', Resource: 'arn:aws:connect:us-east-1:111122223333:instance/a1b2c3d4-5678-90ab-cdef-111122223333' }),
      policy({ Effect: 'Allow', Action: 'connect:Describe*', Resource: 'arn:aws:connect:*:111122223333:instance/a1b2c3d4-5678-90ab-cdef-111122223333' }),
      policy({
        Effect: 'Allow',
        Action: 'connect:Describe*',
        Resource: 'arn:aws-us-gov:connect:us-gov-west-1:111122223333:instance/a1b2c3d4-5678-90ab-cdef-111122223333'
      }),
      policy({ Effect: 'Allow', Action: 'connect:Describe*', Resource: 'arn:aws:connect:ap-northeast-3:111122223333:instance/a1b2c3d4-5678-90ab-cdef-111122223333' }),
    ],
    invalid: [
      {
        text: policy({ Effect: 'Allow', Action: 'connect:Describe*', Resource: 'arn:aws:connect:eu-west-1:111122223333:instance/a1b2c3d4-5678-90ab-cdef-111122223333' }),
        findings: [{ text: 'eu-west-1', message: 'Amazon Connect does not run in eu-west-1, so no instance has this ARN.' }],
        output: null,
      },
      {
        text: policy({ Effect: 'Allow', Action: 'connect:Describe*', Resource: 'arn:aws-cn:connect:cn-north-1:111122223333:instance/a1b2c3d4-5678-90ab-cdef-111122223333' }),
        findings: [{ text: 'aws-cn', message: 'Amazon Connect is not available in China (aws-cn), so no Connect resource has this ARN.' }],
        output: null,
      },
    ],
  },
};
