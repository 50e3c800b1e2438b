// Connect condition keys whose values are an enumeration of the API (case-sensitive): which
// values exist, which are deprecated, and which actions carry the key (from the reference data,
// so that a new action is picked up without editing this file). The value rules
// (enumValues.ts) and the hover and completion read this.
import { actionsOf } from '../reference/iamData';
import { StringMemo } from '../memo';

/** Where a storage configuration stores data (the API's `StorageType`). [facts] */
export type StorageKind = 'S3' | 'KINESIS_STREAM' | 'KINESIS_FIREHOSE' | 'KINESIS_VIDEO_STREAM';

export interface StorageTypeInfo {
  /** The `connect:StorageResourceType` value (case-sensitive). */
  value: string;
  /** Storage kinds the type can use; several are alternatives (any one is enough). */
  kinds: readonly StorageKind[];
  /** Deprecated values name their replacement. */
  replacedBy?: string;
}

const type = (value: string, kinds: StorageKind[], replacedBy?: string): StorageTypeInfo => ({ value, kinds, replacedBy });

/** The 13 values of `connect:StorageResourceType` (connect-facts.md; the seed's Examples 1 and 3). */
export const STORAGE_TYPES: readonly StorageTypeInfo[] = [
  type('CALL_RECORDINGS', ['S3']), // seed Example 1
  type('CHAT_TRANSCRIPTS', ['S3']),
  type('SCHEDULED_REPORTS', ['S3']),
  type('ATTACHMENTS', ['S3']),
  type('CONTACT_EVALUATIONS', ['S3']), // S3 kind less well sourced
  type('SCREEN_RECORDINGS', ['S3']), // S3 kind less well sourced
  type('EMAIL_MESSAGES', ['S3']), // S3 kind less well sourced
  type('MEDIA_STREAMS', ['KINESIS_VIDEO_STREAM']),
  type('CONTACT_TRACE_RECORDS', ['KINESIS_STREAM', 'KINESIS_FIREHOSE']), // seed Example 3; Firehose: facts
  type('AGENT_EVENTS', ['KINESIS_STREAM']),
  type('REAL_TIME_CONTACT_ANALYSIS_CHAT_SEGMENTS', ['KINESIS_STREAM']),
  type('REAL_TIME_CONTACT_ANALYSIS_VOICE_SEGMENTS', ['KINESIS_STREAM']),
  // Deprecated, still accepted (voice only).
  type('REAL_TIME_CONTACT_ANALYSIS_SEGMENTS', ['KINESIS_STREAM'], 'REAL_TIME_CONTACT_ANALYSIS_VOICE_SEGMENTS'),
];

export const STORAGE_RESOURCE_TYPE_KEY = 'connect:StorageResourceType';
export const ATTRIBUTE_TYPE_KEY = 'connect:AttributeType';

/** The 13 values of the API's `InstanceAttributeType` (connect-facts.md). */
export const ATTRIBUTE_TYPES: readonly string[] = [
  'INBOUND_CALLS', 'OUTBOUND_CALLS', 'CONTACTFLOW_LOGS', 'CONTACT_LENS', 'AUTO_RESOLVE_BEST_VOICES',
  'USE_CUSTOM_TTS_VOICES', 'EARLY_MEDIA', 'MULTI_PARTY_CONFERENCE', 'HIGH_VOLUME_OUTBOUND',
  'ENHANCED_CONTACT_MONITORING', 'ENHANCED_CHAT_MONITORING', 'MULTI_PARTY_CHAT_CONFERENCE', 'MESSAGE_STREAMING',
];

export interface EnumKey {
  /** The key as the reference spells it. */
  key: string;
  /** What a value is, for messages: "storage resource type". */
  noun: string;
  values: readonly string[];
  /** Deprecated value → its replacement, and why. */
  deprecated: Readonly<Record<string, { replacedBy: string; why: string }>>;
}

export const ENUM_KEYS: readonly EnumKey[] = [
  {
    key: STORAGE_RESOURCE_TYPE_KEY,
    noun: 'storage resource type',
    values: STORAGE_TYPES.map((t) => t.value),
    deprecated: Object.fromEntries(STORAGE_TYPES.filter((t) => t.replacedBy).map((t) => [t.value, { replacedBy: t.replacedBy!, why: 'it covers voice segments only' }])),
  },
  { key: ATTRIBUTE_TYPE_KEY, noun: 'instance attribute type', values: ATTRIBUTE_TYPES, deprecated: {} },
];

const enumByLower = new Map(ENUM_KEYS.map((k) => [k.key.toLowerCase(), k]));

/** The enumerated Connect key of a condition key name (case-insensitive, as IAM compares keys). */
export function enumKey(name: string): EnumKey | undefined {
  return enumByLower.get(name.toLowerCase());
}

const actionCache = new StringMemo<string[]>(1_000);

/** The Connect actions that carry a key, from the reference (`connect:Name`). */
export function actionsWithKey(key: string): string[] {
  return actionCache.getOrCompute(key, (own) => {
    const lower = own.toLowerCase();
    return [...actionsOf('connect').values()].filter((a) => a.conditionKeys.some((k) => k.toLowerCase() === lower)).map((a) => `connect:${a.name}`).sort();
  });
}
