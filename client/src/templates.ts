// The three policies of the AWS page "Restrict AWS resources that can be associated with Amazon
// Connect" (examples/ holds them verbatim) as templates with named fields. One definition feeds
// the contributed snippets (scripts/syncContributes.ts writes snippets/ from it), the insert
// commands and the tests, so the three can never drift apart.
//
// Pure: no `vscode` import, so build scripts and tests can load it.

/** The fields a user fills in. A field left without a value becomes a snippet tab stop. */
export type FieldName = 'partition' | 'region' | 'account' | 'instanceId' | 'storageType' | 'resourceName';

export type FieldValues = Partial<Record<FieldName, string>>;

export type TemplateId = 's3' | 'lambda' | 'kinesis';

export interface PolicyTemplate {
  id: TemplateId;
  /** Shown in quick picks and as the snippet's name. */
  label: string;
  detail: string;
  /** The insert command (`connectIam.insert…Policy`). */
  command: string;
  /** Snippet prefixes: `<prefix>` for the whole document, `<prefix>-statements` for statements only. */
  snippetPrefix: string;
  /** Placeholder text of the resource name tab stop. */
  resourceName: string;
  /** Values offered as a choice for `connect:StorageResourceType`, when the policy has one. */
  storageTypes?: readonly string[];
  statements: readonly object[];
}

/** connect:StorageResourceType values kept in S3 (see /work/shared/docs/connect-facts.md). */
export const S3_STORAGE_TYPES = [
  'CALL_RECORDINGS', 'CHAT_TRANSCRIPTS', 'SCHEDULED_REPORTS', 'ATTACHMENTS',
  'CONTACT_EVALUATIONS', 'SCREEN_RECORDINGS', 'EMAIL_MESSAGES',
] as const;

/** connect:StorageResourceType values streamed to Kinesis Data Streams (the deprecated
 *  REAL_TIME_CONTACT_ANALYSIS_SEGMENTS is left out on purpose). */
export const KINESIS_STORAGE_TYPES = [
  'CONTACT_TRACE_RECORDS', 'AGENT_EVENTS',
  'REAL_TIME_CONTACT_ANALYSIS_VOICE_SEGMENTS', 'REAL_TIME_CONTACT_ANALYSIS_CHAT_SEGMENTS',
] as const;

/** `{{name}}` marks a field inside a template string; braces never occur in IAM policy text we
 *  generate otherwise (policy variables use `${…}`). */
const f = (name: FieldName) => `{{${name}}}`;
const MARKER = /\{\{(partition|region|account|instanceId|storageType|resourceName)\}\}/g;

const instanceArn = `arn:${f('partition')}:connect:${f('region')}:${f('account')}:instance/${f('instanceId')}`;
const connectRoleArn = `arn:${f('partition')}:iam::${f('account')}:role/aws-service-role/connect.amazonaws.com/*`;

/** The statement that lets the caller associate storage of the chosen kind with the instance. */
const storageConfigStatement = {
  Sid: 'ConnectStorageConfig',
  Effect: 'Allow',
  Action: ['connect:UpdateInstanceStorageConfig', 'connect:AssociateInstanceStorageConfig'],
  Resource: instanceArn,
  Condition: { StringEquals: { 'connect:StorageResourceType': f('storageType') } },
};

export const TEMPLATES: readonly PolicyTemplate[] = [
  {
    id: 's3',
    label: 'S3 bucket for call recordings',
    detail: 'Associate an S3 bucket (call recordings, chat transcripts, reports, …) with an instance',
    command: 'connectIam.insertS3Policy',
    snippetPrefix: 'connect-s3-policy',
    resourceName: 'bucket-name',
    storageTypes: S3_STORAGE_TYPES,
    statements: [
      storageConfigStatement,
      {
        Sid: 'ConnectS3Bucket',
        Effect: 'Allow',
        Action: ['iam:PutRolePolicy', 's3:GetBucketAcl', 's3:GetBucketLocation'],
        Resource: [connectRoleArn, `arn:${f('partition')}:s3:::${f('resourceName')}`],
      },
      { Sid: 'ListBucketsInConsole', Effect: 'Allow', Action: 's3:ListAllMyBuckets', Resource: '*' },
    ],
  },
  {
    id: 'lambda',
    label: 'Lambda function',
    detail: 'Associate a Lambda function with an instance so flows can invoke it',
    command: 'connectIam.insertLambdaPolicy',
    snippetPrefix: 'connect-lambda-policy',
    resourceName: 'function-name',
    statements: [
      {
        Sid: 'ConnectLambdaFunction',
        Effect: 'Allow',
        Action: ['connect:AssociateLambdaFunction', 'lambda:AddPermission'],
        Resource: [instanceArn, `arn:${f('partition')}:lambda:${f('region')}:${f('account')}:function:${f('resourceName')}`],
      },
    ],
  },
  {
    id: 'kinesis',
    label: 'Kinesis stream for contact records',
    detail: 'Associate a Kinesis data stream (contact trace records, agent events, …) with an instance',
    command: 'connectIam.insertKinesisPolicy',
    snippetPrefix: 'connect-kinesis-policy',
    resourceName: 'stream-name',
    storageTypes: KINESIS_STORAGE_TYPES,
    statements: [
      storageConfigStatement,
      {
        Sid: 'ConnectKinesisStream',
        Effect: 'Allow',
        Action: ['kinesis:DescribeStream', 'iam:PutRolePolicy'],
        Resource: [connectRoleArn, `arn:${f('partition')}:kinesis:${f('region')}:${f('account')}:stream/${f('resourceName')}`],
      },
      { Sid: 'ListStreamsInConsole', Effect: 'Allow', Action: 'kinesis:ListStreams', Resource: '*' },
    ],
  },
];

export function templateById(id: string): PolicyTemplate | undefined {
  return TEMPLATES.find((t) => t.id === id);
}

/** The whole policy document as JSON text (with field markers), indented with `unit`. */
export function policyJson(template: PolicyTemplate, unit: string): string {
  return JSON.stringify({ Version: '2012-10-17', Statement: template.statements }, null, unit);
}

/** The statements alone, separated by commas, for pasting inside a `Statement` array. */
export function statementsJson(template: PolicyTemplate, unit: string): string {
  return template.statements.map((s) => JSON.stringify(s, null, unit)).join(',\n');
}

/** Escape literal text for VS Code's snippet syntax (`$` and `\` start syntax; `}` only matters
 *  inside placeholders, which literal text never is). */
export function escapeSnippetText(text: string): string {
  return text.replace(/[\\$]/g, (c) => `\\${c}`);
}

/**
 * Turn JSON text with field markers into snippet text: fields with a value become that literal
 * value, the others tab stops numbered in order of first appearance (a repeated field, such as
 * the account, shares its number so typing it once fills every occurrence). The storage type is
 * a choice list. Everything else is escaped as literal text.
 */
export function toSnippet(jsonWithMarkers: string, template: PolicyTemplate, values: FieldValues = {}): string {
  const numbers = new Map<FieldName, number>();
  let out = '';
  let last = 0;
  for (const m of jsonWithMarkers.matchAll(MARKER)) {
    const name = m[1] as FieldName;
    out += escapeSnippetText(jsonWithMarkers.slice(last, m.index));
    last = m.index! + m[0].length;
    const value = values[name];
    if (value !== undefined) {
      out += escapeSnippetText(value);
      continue;
    }
    const first = !numbers.has(name);
    if (first) numbers.set(name, numbers.size + 1);
    const n = numbers.get(name)!;
    if (name === 'storageType' && template.storageTypes && first) out += `\${${n}|${template.storageTypes.join(',')}|}`;
    else if (first) out += `\${${n}:${placeholderText(name, template)}}`;
    else out += `\${${n}}`;
  }
  return out + escapeSnippetText(jsonWithMarkers.slice(last));
}

/** The text a tab stop shows before the user types (as the AWS page writes it). */
export function placeholderText(name: FieldName, template: PolicyTemplate): string {
  switch (name) {
    case 'partition': return 'aws';
    case 'region': return 'region';
    case 'account': return 'account-id';
    case 'instanceId': return 'instance-id';
    case 'storageType': return template.storageTypes?.[0] ?? 'storage-type';
    case 'resourceName': return template.resourceName;
  }
}

/** Give each new statement a Sid not yet used in the document (`ConnectS3Bucket2`, …). */
export function withUniqueSids(statements: readonly object[], taken: Iterable<string>): object[] {
  const used = new Set(taken);
  return statements.map((s) => {
    const sid = (s as { Sid?: unknown }).Sid;
    if (typeof sid !== 'string') return s;
    let unique = sid;
    for (let i = 2; used.has(unique); i++) unique = `${sid}${i}`;
    used.add(unique);
    return { ...s, Sid: unique };
  });
}
