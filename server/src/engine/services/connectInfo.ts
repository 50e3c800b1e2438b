// What hovers and completions say about Amazon Connect beyond the service reference: the storage
// kinds of `connect:StorageResourceType`, the permissions a Connect call needs besides its own,
// and the values of `connect:AttributeType`. Read from the engine's curated Connect table
// (connect/table.ts, which names its sources) and put into words here, so hover and completion
// never look at the table's shape.
import {
  Companion, companionsFor, KMS_COMPANIONS, ResourceKind, RESOURCES, STORAGE_ASSOCIATING_ACTIONS, STORAGE_KINDS,
  STORAGE_TYPES, StorageKind, StorageTypeInfo, storageTypeInfo,
} from '../connect/table';

export interface StorageTypeFacts {
  value: string;
  /** Where the data goes, e.g. `an S3 bucket`, `a Kinesis data stream or a Firehose delivery stream`. */
  kind: string;
  /** Markdown bullet texts: what the caller also needs. */
  needs: string[];
  note?: string;
}

/** `a`, `a` and `b`, `a`, `b` and `c`. */
function andList(items: string[]): string {
  return items.length <= 1 ? items.join('') : `${items.slice(0, -1).join(', ')} and ${items[items.length - 1]}`;
}

/** Companions grouped by resource: "`s3:GetBucketAcl` and `s3:GetBucketLocation` on the S3 bucket
 *  (`arn:${Partition}:s3:::${BucketName}`)". */
function companionLines(companions: readonly Companion[], prefix = ''): string[] {
  const byResource = new Map<ResourceKind, string[]>();
  for (const c of companions) byResource.set(c.resource, [...(byResource.get(c.resource) ?? []), `\`${c.action}\``]);
  return [...byResource].map(([kind, actions]) => {
    const r = RESOURCES[kind];
    const where = kind === 'any' ? 'on `*`' : `on ${r.label} (\`${r.format}\`)`;
    return `${prefix}${andList(actions)} ${where}`;
  });
}

function kindNeeds(kind: StorageKind): string[] {
  const k = STORAGE_KINDS[kind];
  return [
    ...companionLines(k.companions),
    ...(k.kms ? companionLines(KMS_COMPANIONS, 'when the storage is encrypted with a KMS key: ') : []),
    ...companionLines(k.console, 'for the console: '),
  ];
}

function facts(t: StorageTypeInfo): StorageTypeFacts {
  const alternatives = t.kinds.length > 1;
  const needs = t.kinds.flatMap((kind) => kindNeeds(kind).map((line) => (alternatives ? `with ${STORAGE_KINDS[kind].label}: ${line}` : line)));
  return {
    value: t.value,
    kind: t.kinds.map((kind) => STORAGE_KINDS[kind].label).join(' or '),
    needs,
    note: t.replacedBy ? `Deprecated: use \`${t.replacedBy}\`.` : undefined,
  };
}

const FACTS = new Map(STORAGE_TYPES.map((t) => [t.value, facts(t)]));

/** The 13 values of `connect:StorageResourceType` (case-sensitive). */
export function storageTypes(): StorageTypeFacts[] {
  return [...FACTS.values()];
}

export function storageType(value: string): StorageTypeFacts | undefined {
  return storageTypeInfo(value) ? FACTS.get(value) : undefined;
}

const names = (companions: readonly Companion[]) => companions.map((c) => `\`${c.action}\``);

/** One short line per storage kind, for the action hover (the value hover has the resources). */
function kindSummary(kind: StorageKind): string {
  const k = STORAGE_KINDS[kind];
  const own = names(k.companions);
  const kms = k.kms ? names(KMS_COMPANIONS) : [];
  if (!own.length) return `${k.label}: ${andList(kms)} on the KMS key`;
  return `${k.label}: ${andList(own)}${kms.length ? ` (and ${andList(kms)} when a KMS key encrypts it)` : ''}`;
}

/** Other permissions a Connect action needs to succeed (markdown bullet texts). */
export function connectCompanions(action: string): string[] {
  const name = `connect:${action}`.toLowerCase();
  if (STORAGE_ASSOCIATING_ACTIONS.some((a) => a.toLowerCase() === name)) {
    const kinds = Object.keys(STORAGE_KINDS) as StorageKind[];
    return [...kinds.map(kindSummary), 'which kind applies depends on `connect:StorageResourceType`: hover its value for the resources'];
  }
  const list = companionsFor(name);
  return list ? companionLines(list) : [];
}

/** Values of `connect:AttributeType`. */
export const ATTRIBUTE_TYPES: readonly string[] = [
  'INBOUND_CALLS', 'OUTBOUND_CALLS', 'CONTACTFLOW_LOGS', 'CONTACT_LENS', 'AUTO_RESOLVE_BEST_VOICES',
  'USE_CUSTOM_TTS_VOICES', 'EARLY_MEDIA', 'MULTI_PARTY_CONFERENCE', 'HIGH_VOLUME_OUTBOUND',
  'ENHANCED_CONTACT_MONITORING', 'ENHANCED_CHAT_MONITORING', 'MULTI_PARTY_CHAT_CONFERENCE', 'MESSAGE_STREAMING',
];
