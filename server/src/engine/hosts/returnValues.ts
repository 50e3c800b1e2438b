// What `Ref` returns for common resource types when it is not the ARN, and the `Fn::GetAtt`
// attribute that is the ARN. Curated from the "Return values" sections of the CloudFormation
// resource reference (docs.aws.amazon.com/AWSCloudFormation/latest/TemplateReference/aws-resource-*.html),
// and the AWS SAM resource reference for `AWS::Serverless::*`. Types whose `Ref` IS the ARN
// (AWS::SNS::Topic, AWS::IAM::ManagedPolicy, AWS::SecretsManager::Secret,
// AWS::StepFunctions::StateMachine, AWS::Connect::Instance…) are not listed: a `Ref` to them in a
// Resource is right.

export interface RefReturn {
  /** What `Ref` returns, in words for the message. */
  ref: 'name' | 'URL' | 'ID';
  /** The `Fn::GetAtt` attribute that returns the ARN. */
  arnAttribute: string;
}

export const REF_NOT_ARN: Readonly<Record<string, RefReturn>> = {
  'AWS::S3::Bucket': { ref: 'name', arnAttribute: 'Arn' },
  'AWS::SQS::Queue': { ref: 'URL', arnAttribute: 'Arn' },
  'AWS::KMS::Key': { ref: 'ID', arnAttribute: 'Arn' },
  'AWS::Lambda::Function': { ref: 'name', arnAttribute: 'Arn' },
  'AWS::Serverless::Function': { ref: 'name', arnAttribute: 'Arn' },
  'AWS::Kinesis::Stream': { ref: 'name', arnAttribute: 'Arn' },
  'AWS::KinesisFirehose::DeliveryStream': { ref: 'name', arnAttribute: 'Arn' },
  'AWS::DynamoDB::Table': { ref: 'name', arnAttribute: 'Arn' },
  'AWS::IAM::Role': { ref: 'name', arnAttribute: 'Arn' },
  'AWS::IAM::User': { ref: 'name', arnAttribute: 'Arn' },
  'AWS::IAM::Group': { ref: 'name', arnAttribute: 'Arn' },
  'AWS::IAM::InstanceProfile': { ref: 'name', arnAttribute: 'Arn' },
  'AWS::Logs::LogGroup': { ref: 'name', arnAttribute: 'Arn' },
  'AWS::ECR::Repository': { ref: 'name', arnAttribute: 'Arn' },
  'AWS::Events::EventBus': { ref: 'name', arnAttribute: 'Arn' },
  'AWS::Cognito::UserPool': { ref: 'ID', arnAttribute: 'Arn' },
  'AWS::S3::AccessPoint': { ref: 'name', arnAttribute: 'Arn' },
  'AWS::Lex::Bot': { ref: 'ID', arnAttribute: 'Arn' },
};

/** The ARN shape of a resource type, for `Fn::GetAtt X.<attribute>` (or `Ref X` where Ref is the
 *  ARN): service and resource part, `{id}` standing for the resource's name. The policy model
 *  gives such a value a stand-in ARN (any Region and account; `cfn-<logical ID>` as
 *  the name), so the rules see that the statement names a function, a bucket, a role… and not
 *  "nothing" or "everything". */
export interface ArnShape {
  attribute: string;
  /** `Ref` returns the ARN too. */
  refIsArn?: boolean;
  service: string;
  /** Region and account fields are empty in these ARNs (S3 buckets; IAM has no Region). */
  noRegion?: boolean;
  noAccount?: boolean;
  resource: string;
}

export const ARN_SHAPES: Readonly<Record<string, ArnShape>> = {
  'AWS::S3::Bucket': { attribute: 'Arn', service: 's3', noRegion: true, noAccount: true, resource: '{id}' },
  'AWS::Lambda::Function': { attribute: 'Arn', service: 'lambda', resource: 'function:{id}' },
  'AWS::Serverless::Function': { attribute: 'Arn', service: 'lambda', resource: 'function:{id}' },
  'AWS::SQS::Queue': { attribute: 'Arn', service: 'sqs', resource: '{id}' },
  'AWS::SNS::Topic': { attribute: 'TopicArn', refIsArn: true, service: 'sns', resource: '{id}' },
  'AWS::KMS::Key': { attribute: 'Arn', service: 'kms', resource: 'key/{id}' },
  'AWS::Kinesis::Stream': { attribute: 'Arn', service: 'kinesis', resource: 'stream/{id}' },
  'AWS::KinesisFirehose::DeliveryStream': { attribute: 'Arn', service: 'firehose', resource: 'deliverystream/{id}' },
  'AWS::DynamoDB::Table': { attribute: 'Arn', service: 'dynamodb', resource: 'table/{id}' },
  'AWS::IAM::Role': { attribute: 'Arn', service: 'iam', noRegion: true, resource: 'role/{id}' },
  'AWS::IAM::User': { attribute: 'Arn', service: 'iam', noRegion: true, resource: 'user/{id}' },
  'AWS::Logs::LogGroup': { attribute: 'Arn', service: 'logs', resource: 'log-group:{id}:*' },
  'AWS::StepFunctions::StateMachine': { attribute: 'Arn', refIsArn: true, service: 'states', resource: 'stateMachine:{id}' },
  'AWS::Serverless::StateMachine': { attribute: 'Arn', refIsArn: true, service: 'states', resource: 'stateMachine:{id}' },
  'AWS::SecretsManager::Secret': { attribute: 'Id', refIsArn: true, service: 'secretsmanager', resource: 'secret:{id}' },
  'AWS::ECR::Repository': { attribute: 'Arn', service: 'ecr', resource: 'repository/{id}' },
  'AWS::Events::EventBus': { attribute: 'Arn', service: 'events', resource: 'event-bus/{id}' },
  'AWS::DynamoDB::GlobalTable': { attribute: 'Arn', service: 'dynamodb', resource: 'table/{id}' },
};

/** The stand-in ARN of `Fn::GetAtt id.attribute` (attribute undefined: `Ref id`), or undefined
 *  when the type or attribute is not in the table. */
export function standInArn(type: string | undefined, id: string, attribute: string | undefined): string | undefined {
  const shape = type ? ARN_SHAPES[type] : undefined;
  if (!shape) return undefined;
  if (attribute === undefined ? !shape.refIsArn : attribute !== shape.attribute && attribute !== 'Arn') return undefined;
  const name = `cfn-${id}`;
  const resource = shape.resource.replace('{id}', shape.service === 's3' ? name.toLowerCase() : name);
  // Partition `aws`, not `*`: a `*` there could stand for colons and make a bucket ARN match
  // objects too (`arn:*:s3:::b` matches `arn:aws:s3:::x/y:s3:::b`).
  return `arn:aws:${shape.service}:${shape.noRegion ? '' : '*'}:${shape.noAccount ? '' : '*'}:${resource}`;
}
