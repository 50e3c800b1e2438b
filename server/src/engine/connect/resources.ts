// The resources that the permissions a Connect call needs besides its own apply to: what each is
// called in messages, the ARN format a policy resource must be able to match (reference style,
// `${Var}` = any value) and the ARN a fix writes when the policy names no such resource.
// Formats follow the service authorization reference (a test checks each against the resource
// types of the actions that use it); examples are filled with the policy's own partition, Region,
// account and Connect instance (`exampleArn`), the rest stays a visible placeholder the user
// replaces (the placeholder rule points at it).

export type ResourceKind =
  | 'instance' | 'connectUser' | 'directory' | 'serviceLinkedRole' | 'role' | 'managedPolicy' | 'logGroup'
  | 'bucket' | 'object' | 'stream' | 'deliveryStream' | 'kmsKey' | 'function' | 'botAlias' | 'lexV1Bot'
  | 'profileDomain' | 'sesIdentity' | 'casesDomain' | 'voiceIdDomain' | 'pinpointApp' | 'qAssistant'
  | 'qKnowledgeBase' | 'qMessageTemplate' | 'dataIntegration' | 'application' | 'applicationAssociation'
  | 'eventIntegration' | 'eventIntegrationAssociation' | 'eventRule' | 'smsPhoneNumber' | 'whatsAppPhoneNumber'
  | 'any';

export interface ResourceSpec {
  /** What the resource is, for messages ("the S3 bucket"). */
  label: string;
  /** The ARN format a policy resource must be able to match. */
  format: string;
  /** The ARN a fix writes: `${Partition}`, `${Region}`, `${Account}` and `${InstanceId}` are
   *  filled from the policy. */
  example: string;
}

const spec = (label: string, format: string, example: string): ResourceSpec => ({ label, format, example });
const P = 'arn:${Partition}';

export const RESOURCES: Readonly<Record<ResourceKind, ResourceSpec>> = {
  instance: spec('the Amazon Connect instance', `${P}:connect:\${Region}:\${Account}:instance/\${InstanceId}`, `${P}:connect:\${Region}:\${Account}:instance/\${InstanceId}`),
  connectUser: spec('the instance\'s users', `${P}:connect:\${Region}:\${Account}:instance/\${InstanceId}/agent/\${UserId}`, `${P}:connect:\${Region}:\${Account}:instance/\${InstanceId}/agent/*`),
  // Connect creates the directory of a new instance itself: its ID cannot be known in advance.
  directory: spec('the instance\'s directory', `${P}:ds:\${Region}:\${Account}:directory/\${DirectoryId}`, `${P}:ds:\${Region}:\${Account}:directory/*`),
  // connect-facts.md: Connect writes its inline policies to this role; the seed scopes to `/*`.
  serviceLinkedRole: spec('the Amazon Connect service-linked role',
    `${P}:iam::\${Account}:role/aws-service-role/connect.amazonaws.com/\${RoleName}`,
    `${P}:iam::\${Account}:role/aws-service-role/connect.amazonaws.com/*`),
  role: spec('the IAM role passed to Connect', `${P}:iam::\${Account}:role/\${RoleNameWithPath}`, `${P}:iam::\${Account}:role/role-name`),
  // The AWS managed policies Connect attaches to its role (which ones is not documented).
  managedPolicy: spec('the managed policies attached to the Connect role', `${P}:iam::\${Account}:policy/\${PolicyNameWithPath}`, `${P}:iam::aws:policy/*`),
  // Flow logs go to the log group /aws/connect/<instance alias>.
  logGroup: spec('the Connect log group', `${P}:logs:\${Region}:\${Account}:log-group:\${LogGroupName}`, `${P}:logs:\${Region}:\${Account}:log-group:/aws/connect/*`),
  // connect-facts.md: the bucket ARN, not `bucket/*`.
  bucket: spec('the S3 bucket', `${P}:s3:::\${BucketName}`, `${P}:s3:::s3-bucket-name`),
  object: spec('the S3 objects', `${P}:s3:::\${BucketName}/\${ObjectName}`, `${P}:s3:::s3-bucket-name/*`),
  stream: spec('the Kinesis data stream', `${P}:kinesis:\${Region}:\${Account}:stream/\${StreamName}`, `${P}:kinesis:\${Region}:\${Account}:stream/stream-name`),
  deliveryStream: spec('the Firehose delivery stream', `${P}:firehose:\${Region}:\${Account}:deliverystream/\${DeliveryStreamName}`,
    `${P}:firehose:\${Region}:\${Account}:deliverystream/delivery-stream-name`),
  // connect-facts.md: a key ARN, not an alias.
  kmsKey: spec('the KMS key', `${P}:kms:\${Region}:\${Account}:key/\${KeyId}`, `${P}:kms:\${Region}:\${Account}:key/key-id`),
  function: spec('the Lambda function', `${P}:lambda:\${Region}:\${Account}:function:\${FunctionName}`, `${P}:lambda:\${Region}:\${Account}:function:function-name`),
  botAlias: spec('the Lex V2 bot alias', `${P}:lex:\${Region}:\${Account}:bot-alias/\${BotId}/\${BotAliasId}`, `${P}:lex:\${Region}:\${Account}:bot-alias/bot-id/bot-alias-id`),
  // connect-facts.md: lex:GetBot (Lex V1) takes a bot version or alias ARN, `bot:Name:VersionOrAlias`.
  lexV1Bot: spec('the Lex V1 bot version or alias', `${P}:lex:\${Region}:\${Account}:bot:\${BotName}:\${BotVersion}`, `${P}:lex:\${Region}:\${Account}:bot:bot-name:*`),
  profileDomain: spec('the Customer Profiles domain', `${P}:profile:\${Region}:\${Account}:domains/\${DomainName}`, `${P}:profile:\${Region}:\${Account}:domains/domain-name`),
  sesIdentity: spec('the SES email identity', `${P}:ses:\${Region}:\${Account}:identity/\${IdentityName}`, `${P}:ses:\${Region}:\${Account}:identity/domain-name`),
  // Cases actions also check the cases, templates and fields under the domain: `domain/<id>*`.
  casesDomain: spec('the Cases domain', `${P}:cases:\${Region}:\${Account}:domain/\${DomainId}`, `${P}:cases:\${Region}:\${Account}:domain/domain-id*`),
  voiceIdDomain: spec('the Voice ID domain', `${P}:voiceid:\${Region}:\${Account}:domain/\${DomainId}`, `${P}:voiceid:\${Region}:\${Account}:domain/domain-id`),
  pinpointApp: spec('the Pinpoint application', `${P}:mobiletargeting:\${Region}:\${Account}:apps/\${AppId}`, `${P}:mobiletargeting:\${Region}:\${Account}:apps/app-id`),
  qAssistant: spec('the Amazon Q in Connect assistant', `${P}:wisdom:\${Region}:\${Account}:assistant/\${AssistantId}`, `${P}:wisdom:\${Region}:\${Account}:assistant/assistant-id`),
  qKnowledgeBase: spec('the Amazon Q in Connect knowledge base', `${P}:wisdom:\${Region}:\${Account}:knowledge-base/\${KnowledgeBaseId}`,
    `${P}:wisdom:\${Region}:\${Account}:knowledge-base/knowledge-base-id`),
  qMessageTemplate: spec('the message templates', `${P}:wisdom:\${Region}:\${Account}:message-template/\${KnowledgeBaseId}/\${MessageTemplateId}`,
    `${P}:wisdom:\${Region}:\${Account}:message-template/knowledge-base-id/*`),
  dataIntegration: spec('the data integration', `${P}:app-integrations:\${Region}:\${Account}:data-integration/\${DataIntegrationId}`,
    `${P}:app-integrations:\${Region}:\${Account}:data-integration/data-integration-id`),
  application: spec('the application', `${P}:app-integrations:\${Region}:\${Account}:application/\${ApplicationId}`,
    `${P}:app-integrations:\${Region}:\${Account}:application/application-id`),
  applicationAssociation: spec('the application association',
    `${P}:app-integrations:\${Region}:\${Account}:application-association/\${ApplicationId}/\${ApplicationAssociationId}`,
    `${P}:app-integrations:\${Region}:\${Account}:application-association/application-id/*`),
  eventIntegration: spec('the event integration', `${P}:app-integrations:\${Region}:\${Account}:event-integration/\${EventIntegrationName}`,
    `${P}:app-integrations:\${Region}:\${Account}:event-integration/event-integration-name`),
  eventIntegrationAssociation: spec('the event integration association',
    `${P}:app-integrations:\${Region}:\${Account}:event-integration-association/\${EventIntegrationName}/\${ResourceId}`,
    `${P}:app-integrations:\${Region}:\${Account}:event-integration-association/event-integration-name/*`),
  // Connect names the EventBridge rule of an event integration itself.
  eventRule: spec('the EventBridge rules', `${P}:events:\${Region}:\${Account}:rule/\${RuleName}`, `${P}:events:\${Region}:\${Account}:rule/*`),
  smsPhoneNumber: spec('the End User Messaging SMS phone number', `${P}:sms-voice:\${Region}:\${Account}:phone-number/\${PhoneNumberId}`,
    `${P}:sms-voice:\${Region}:\${Account}:phone-number/sms-phone-number-id`),
  whatsAppPhoneNumber: spec('the WhatsApp phone number', `${P}:social-messaging:\${Region}:\${Account}:phone-number-id/\${OriginationPhoneNumberId}`,
    `${P}:social-messaging:\${Region}:\${Account}:phone-number-id/whatsapp-phone-number-id`),
  // Wildcard-only actions: authorized with `"Resource": "*"` only.
  any: spec('all resources', '*', '*'),
};

/** A resource spec's example ARN with the policy's own partition, Region, account and instance. */
export function exampleArn(kind: ResourceKind, ctx: { partition?: string; region?: string; account?: string; instanceId?: string }): string {
  return RESOURCES[kind].example
    .replace('${Partition}', ctx.partition ?? 'aws')
    .replace('${Region}', ctx.region ?? '*')
    .replace('${Account}', ctx.account ?? 'account-id')
    .replace('${InstanceId}', ctx.instanceId ?? 'instance-id');
}

/** The ARN of the Connect service-linked role(s) of an account (`*` = any of its roles). */
export function connectServiceLinkedRoleArn(partition = 'aws', account = 'account-id', roleName = '*'): string {
  return `arn:${partition}:iam::${account}:role/aws-service-role/connect.amazonaws.com/${roleName}`;
}

/** The narrowest ARN of the Connect service-linked role that AWS's own AmazonConnect_FullAccess
 *  uses (connect-facts.md). */
export function connectServiceLinkedRoleNarrowArn(partition = 'aws', account = 'account-id'): string {
  return connectServiceLinkedRoleArn(partition, account, 'AWSServiceRoleForAmazonConnect*');
}
