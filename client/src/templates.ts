// The three policies of the AWS page "Restrict AWS resources that can be associated with Amazon
// Connect" (examples/ holds them verbatim) as templates with named fields, and four more built
// from the engine's Connect table (server/src/engine/connect/dependencies.ts, the table the rules
// check against): a Lex V2 bot, an S3 bucket encrypted with a KMS key, instance administration and
// an Amazon Q in Connect integration. One definition feeds the contributed snippets
// (scripts/sync.ts writes snippets/ from it), the insert commands and the tests, so they
// can never drift apart.
//
// Pure: no `vscode` import, so build scripts and tests can load it.
import {
  connectServiceLinkedRoleArn, dependencyRow, exampleArn, Need, Option, ResourceKind, STORAGE_TYPES, StorageKind,
} from '../../server/src/engine';

/** The fields a user fills in. A field left without a value becomes a snippet tab stop. */
export type FieldName = 'partition' | 'region' | 'account' | 'instanceId' | 'storageType' | 'resourceName' | 'keyId';

export type FieldValues = Partial<Record<FieldName, string>>;

export type TemplateId = 's3' | 'lambda' | 'kinesis' | 'lexV2' | 's3Kms' | 'instanceAdmin' | 'qAssistant';

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

/** The current connect:StorageResourceType values Connect keeps in one kind of storage, from the
 *  engine's Connect table (deprecated values such as REAL_TIME_CONTACT_ANALYSIS_SEGMENTS are left
 *  out on purpose: a new policy should not use them). */
const storedIn = (kind: StorageKind): readonly string[] => STORAGE_TYPES.filter((t) => t.kinds.includes(kind) && !t.replacedBy).map((t) => t.value);

/** connect:StorageResourceType values kept in S3. */
export const S3_STORAGE_TYPES = storedIn('S3');

/** connect:StorageResourceType values streamed to Kinesis Data Streams. */
export const KINESIS_STORAGE_TYPES = storedIn('KINESIS_STREAM');

/** `{{name}}` marks a field inside a template string; braces never occur in IAM policy text we
 *  generate otherwise (policy variables use `${…}`). */
const f = (name: FieldName) => `{{${name}}}`;
const MARKER = /\{\{(partition|region|account|instanceId|storageType|resourceName|keyId)\}\}/g;

const instanceArn = `arn:${f('partition')}:connect:${f('region')}:${f('account')}:instance/${f('instanceId')}`;
const connectRoleArn = connectServiceLinkedRoleArn(f('partition'), f('account'));

/** The statement that lets the caller associate storage of the chosen kind with the instance. */
const storageConfigStatement = {
  Sid: 'ConnectStorageConfig',
  Effect: 'Allow',
  Action: ['connect:UpdateInstanceStorageConfig', 'connect:AssociateInstanceStorageConfig'],
  Resource: instanceArn,
  Condition: { StringEquals: { 'connect:StorageResourceType': f('storageType') } },
};

// ---- Templates built from the Connect table ----

/** A companion resource's ARN with field markers: the table's example ARN, the policy's own
 *  values as fields, and the placeholder name (`s3-bucket-name`, `key-id`) as a field too. */
function tableArn(kind: ResourceKind, names: Partial<Record<string, FieldName>> = {}): string {
  let arn = exampleArn(kind, { partition: f('partition'), region: f('region'), account: f('account'), instanceId: f('instanceId') });
  for (const [placeholder, field] of Object.entries(names)) arn = arn.replace(placeholder, f(field!));
  return arn;
}

const pascal = (s: string) => s.replace(/(^|[^a-zA-Z0-9])([a-zA-Z0-9])/g, (_m, _p, c: string) => c.toUpperCase());

/** One statement per resource, with the needs' actions on it (a wildcard-only action never shares
 *  a statement with an ARN). */
function needStatements(needs: readonly Need[], names: Partial<Record<string, FieldName>>, sidPrefix: string): object[] {
  const byArn = new Map<string, { kind: ResourceKind; actions: string[] }>();
  for (const n of needs) {
    const arn = n.on === 'any' ? '*' : tableArn(n.on, names);
    const entry = byArn.get(arn) ?? { kind: n.on, actions: [] };
    for (const a of n.actions) if (!entry.actions.includes(a)) entry.actions.push(a);
    byArn.set(arn, entry);
  }
  return [...byArn].map(([arn, { kind, actions }]) => ({
    Sid: `${sidPrefix}${kind === 'any' ? 'AllResources' : pascal(kind)}`,
    Effect: 'Allow',
    Action: actions.length === 1 ? actions[0] : actions,
    Resource: arn,
  }));
}

const row = (action: string) => {
  const r = dependencyRow(action);
  if (!r) throw new Error(`no Connect table row for ${action}`);
  return r;
};
const option = (action: string, id: string): Option => {
  const o = row(action).choice?.options.find((x) => x.id === id);
  if (!o) throw new Error(`no option ${id} for ${action}`);
  return o;
};
const required = (needs: readonly Need[]) => needs.filter((n) => n.level === 'required');

const LEX_V2 = { 'bot-id/bot-alias-id': 'resourceName' } as const;
const KMS = { 'key-id': 'keyId' } as const;
const BUCKET = { 's3-bucket-name': 'resourceName' } as const;

/** A Lex V2 bot: AssociateBot and what its Lex V2 option and the row require. */
const lexV2Statements = [
  { Sid: 'ConnectAssociateBot', Effect: 'Allow', Action: 'connect:AssociateBot', Resource: instanceArn },
  ...needStatements([...required(row('connect:AssociateBot').needs), ...required(option('connect:AssociateBot', 'V2').needs)], LEX_V2, 'Connect'),
];

/** S3 storage encrypted with a KMS key: the S3 option of Associate- and UpdateInstanceStorageConfig,
 *  its KMS key needs (conditional in the table: here the key is the point) and the console list. */
const s3KmsStatements = [
  storageConfigStatement,
  ...needStatements(['connect:AssociateInstanceStorageConfig', 'connect:UpdateInstanceStorageConfig'].flatMap((a) => option(a, 'S3').needs), { ...BUCKET, ...KMS }, 'Connect'),
];

/** Creating and replicating instances: what the two rows require. */
const instanceAdminStatements = [
  { Sid: 'ConnectReplicateInstance', Effect: 'Allow', Action: 'connect:ReplicateInstance', Resource: instanceArn },
  ...needStatements([
    { actions: ['connect:CreateInstance'], on: 'any', level: 'required', sources: [], why: '' } as Need,
    ...required(row('connect:CreateInstance').needs), ...required(row('connect:ReplicateInstance').needs),
  ], {}, 'Connect'),
];

/** An Amazon Q in Connect assistant integration: create and delete the association, and what
 *  the assistant option requires. */
const qAssistantStatements = [
  {
    Sid: 'ConnectIntegrationAssociation',
    Effect: 'Allow',
    Action: ['connect:CreateIntegrationAssociation', 'connect:DeleteIntegrationAssociation'],
    Resource: [instanceArn, `${instanceArn}/integration-association/*`],
  },
  ...needStatements(required(option('connect:CreateIntegrationAssociation', 'WISDOM_ASSISTANT').needs), { 'assistant-id': 'resourceName' }, 'Connect'),
];

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
  {
    id: 'lexV2',
    label: 'Lex V2 bot',
    detail: 'Associate a Lex V2 bot (through its alias) with an instance',
    command: 'connectIam.insertLexV2Policy',
    snippetPrefix: 'connect-lex-v2-policy',
    resourceName: 'bot-id/bot-alias-id',
    statements: lexV2Statements,
  },
  {
    id: 's3Kms',
    label: 'S3 bucket encrypted with a KMS key',
    detail: 'Associate an S3 bucket encrypted with a customer managed KMS key (call recordings, transcripts, …) with an instance',
    command: 'connectIam.insertS3KmsPolicy',
    snippetPrefix: 'connect-s3-kms-policy',
    resourceName: 'bucket-name',
    storageTypes: S3_STORAGE_TYPES,
    statements: s3KmsStatements,
  },
  {
    id: 'instanceAdmin',
    label: 'Instance administration',
    detail: 'Create Amazon Connect instances and replicate them to another Region',
    command: 'connectIam.insertInstanceAdminPolicy',
    snippetPrefix: 'connect-instance-admin-policy',
    resourceName: 'instance-name',
    statements: instanceAdminStatements,
  },
  {
    id: 'qAssistant',
    label: 'Amazon Q in Connect assistant',
    detail: 'Create and delete the integration association of an Amazon Q in Connect assistant',
    command: 'connectIam.insertQAssistantPolicy',
    snippetPrefix: 'connect-q-assistant-policy',
    resourceName: 'assistant-id',
    statements: qAssistantStatements,
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
    case 'keyId': return 'key-id';
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
