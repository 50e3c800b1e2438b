// Harness cases of the host rules: CloudFormation/SAM templates and Terraform files.
import { CaseTable, json } from '../../ruleTester';

/** A template with a bucket (Ref: its name), a queue (Ref: its URL) and a topic (Ref: its ARN), and
 *  a managed policy of the given statements. */
const T = `AWSTemplateFormatVersion: "2010-09-09"
Resources:
  Bucket:
    Type: AWS::S3::Bucket
  Queue:
    Type: AWS::SQS::Queue
  Topic:
    Type: AWS::SNS::Topic
  Policy:
    Type: AWS::IAM::ManagedPolicy
    Properties:
      PolicyDocument:
        Version: 2012-10-17
        Statement:
`;
const TF = `resource "aws_s3_bucket" "b" {}
resource "aws_sqs_queue" "q" {}
resource "aws_kms_key" "k" {}
data "aws_iam_policy_document" "d" {
`;
const TF_END = `}
resource "aws_iam_policy" "p" {
  policy = data.aws_iam_policy_document.d.json
}
`;
const template = (statements: string) => T + statements;
/** A Terraform file with a bucket, a queue and a key, and a policy document of the given statements. */
const terraform = (statements: string) => TF + statements + TF_END;

export const hostCases: CaseTable = {
  'yaml-syntax': {
    valid: [
      { path: 'template.yaml', text: template(`          - Effect: Allow
            Action: [s3:GetObject, sqs:SendMessage, sns:Publish]
            Resource: !GetAtt Bucket.Arn
`) },
    ],
    invalid: [
      {
        path: 'template.yaml', text: `AWSTemplateFormatVersion: "2010-09-09"
Resources:
  P:
    Type: AWS::IAM::Policy
    Properties: {PolicyDocument: [
`,
        findings: [{ text: '', at: '6:1', message: 'The template is not valid YAML: Flow sequence in block collection must be sufficiently indented and end with a ].' }, { text: '', at: '6:1', message: 'The template is not valid YAML: Flow map in block collection must be sufficiently indented and end with a }.' }],
        output: null,
      },
      {
        path: 'template.yaml', text: template(`          - Effect: Allow
            Action: [s3:GetObject,, sqs:SendMessage, sns:Publish]
            Resource: !GetAtt Bucket.Arn
`),
        findings: [{ text: ',', at: '16:35', message: 'The template is not valid YAML: Unexpected , in flow sequence.' }],
        output: null,
      },
    ],
  },
  'cfn-ref-not-arn': {
    valid: [
      { path: 'template.yaml', text: template(`          - Effect: Allow
            Action: [s3:GetObject, sqs:SendMessage, sns:Publish]
            Resource: !Ref Topic
`) },
      { path: 'template.yaml', text: template(`          - Effect: Allow
            Action: [s3:GetObject, sqs:SendMessage, sns:Publish]
            Resource: !Sub arn:\${AWS::Partition}:s3:::\${Bucket}/*
`) },
    ],
    invalid: [
      {
        path: 'template.yaml', text: template(`          - Effect: Allow
            Action: [s3:GetObject, sqs:SendMessage, sns:Publish]
            Resource: !Ref Bucket
`),
        findings: [{ text: '!Ref Bucket', at: '17:23', message: 'Ref Bucket gives the name of the AWS::S3::Bucket resource, not its ARN, so this Resource matches nothing.' }],
        output: template(`          - Effect: Allow
            Action: [s3:GetObject, sqs:SendMessage, sns:Publish]
            Resource: !GetAtt Bucket.Arn
`), safe: true,
      },
      {
        path: 'template.yaml', text: template(`          - Effect: Allow
            Action: [s3:GetObject, sqs:SendMessage, sns:Publish]
            Resource: 
              - !Ref Bucket
              - Ref: Queue
              - !Ref Topic
`),
        findings: [{ text: '!Ref Bucket', at: '18:17', message: 'Ref Bucket gives the name of the AWS::S3::Bucket resource, not its ARN, so this Resource matches nothing.' }, { text: 'Ref: Queue', at: '19:17', message: 'Ref Queue gives the URL of the AWS::SQS::Queue resource, not its ARN, so this Resource matches nothing.' }],
        output: template(`          - Effect: Allow
            Action: [s3:GetObject, sqs:SendMessage, sns:Publish]
            Resource: 
              - !GetAtt Bucket.Arn
              - Ref: Queue
              - !Ref Topic
`), safe: true,
      },
      {
        path: 't.json', text: json({
          Resources: {
            Bucket: { Type: 'AWS::S3::Bucket' },
            P: {
              Type: 'AWS::IAM::ManagedPolicy',
              Properties: { PolicyDocument: { Version: '2012-10-17', Statement: [ { Effect: 'Allow', Action: 's3:GetObject', Resource: { Ref: 'Bucket' } } ] } }
            }
          }
        }),
        findings: [{ text: '{\n                "Ref": "Bucket"\n              }', at: '15:27', message: 'Ref Bucket gives the name of the AWS::S3::Bucket resource, not its ARN, so this Resource matches nothing.' }],
        output: `{
  "Resources": {
    "Bucket": {
      "Type": "AWS::S3::Bucket"
    },
    "P": {
      "Type": "AWS::IAM::ManagedPolicy",
      "Properties": {
        "PolicyDocument": {
          "Version": "2012-10-17",
          "Statement": [
            {
              "Effect": "Allow",
              "Action": "s3:GetObject",
              "Resource": {"Fn::GetAtt":["Bucket","Arn"]}
            }
          ]
        }
      }
    }
  }
}`, safe: true,
      },
    ],
  },
  'terraform-syntax': {
    valid: [
      { path: 'main.tf', text: terraform(`  statement {
    actions   = ["s3:GetObject"]
    resources = [aws_s3_bucket.b.arn]
  }
`) },
      { path: 'main.tf', text: `resource "aws_iam_policy" "p" {
  policy = <<EOF
{"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": "s3:GetObject", "Resource": "*"}]}
EOF
}
` },
    ],
    invalid: [
      {
        path: 'main.tf', text: `resource "aws_iam_policy" "p" {
  policy = jsonencode({ Version = "2012-10-17", Statement = [] })
}
resource "x" {
  a = = 1
}
`,
        findings: [{ text: '', at: '5:7', message: 'The Terraform file cannot be read: a "<<" is missing here.' }, { text: '', at: '7:1', message: 'The Terraform file cannot be read: a "}" is missing here.' }, { text: '', at: '7:1', message: 'The Terraform file cannot be read: a "heredoc_identifier" is missing here.' }],
        output: null,
      },
      {
        path: 'main.tf', text: `resource "aws_iam_policy" "p" {
  policy = <<EOF
{"Version": "2012-10-17", "Statement": [}
EOF
}
`,
        // The first JSON error only, in words (the parser's later errors are its recovery's cascade).
        findings: [{ text: '}', at: '3:41', message: 'The Terraform file cannot be read: the policy is not valid JSON (a value is expected here).' }],
        output: null,
      },
    ],
  },
  'tf-ref-not-arn': {
    valid: [
      { path: 'main.tf', text: terraform(`  statement {
    actions   = ["s3:GetObject"]
    resources = [aws_s3_bucket.b.arn, "arn:aws:s3:::\${aws_s3_bucket.b.id}/*"]
  }
`) },
    ],
    invalid: [
      {
        path: 'main.tf', text: terraform(`  statement {
    actions   = ["s3:GetObject"]
    resources = [aws_s3_bucket.b.id]
  }
`),
        findings: [{ text: 'aws_s3_bucket.b.id', at: '7:18', message: 'aws_s3_bucket.b.id is the name of the aws_s3_bucket, not its ARN, so this Resource matches nothing.' }],
        output: terraform(`  statement {
    actions   = ["s3:GetObject"]
    resources = [aws_s3_bucket.b.arn]
  }
`), safe: true,
      },
      {
        path: 'main.tf', text: terraform(`  statement {
    actions   = ["s3:GetObject", "sqs:SendMessage", "kms:Decrypt"]
    resources = [aws_s3_bucket.b.id, "\${aws_sqs_queue.q.url}", aws_kms_key.k.key_id, aws_s3_bucket.b.arn, "arn:aws:s3:::\${aws_s3_bucket.b.id}/*"]
  }
`),
        findings: [{ text: 'aws_s3_bucket.b.id', at: '7:18', message: 'aws_s3_bucket.b.id is the name of the aws_s3_bucket, not its ARN, so this Resource matches nothing.' }, { text: 'aws_sqs_queue.q.url', at: '7:41', message: 'aws_sqs_queue.q.url is the URL of the aws_sqs_queue, not its ARN, so this Resource matches nothing.' }, { text: 'aws_kms_key.k.key_id', at: '7:64', message: 'aws_kms_key.k.key_id is the ID of the aws_kms_key, not its ARN, so this Resource matches nothing.' }],
        output: terraform(`  statement {
    actions   = ["s3:GetObject", "sqs:SendMessage", "kms:Decrypt"]
    resources = [aws_s3_bucket.b.arn, "\${aws_sqs_queue.q.url}", aws_kms_key.k.key_id, aws_s3_bucket.b.arn, "arn:aws:s3:::\${aws_s3_bucket.b.id}/*"]
  }
`), safe: true,
      },
    ],
  },
};
