// What hovers and completions say about Amazon Connect beyond the service reference: the storage
// kinds of `connect:StorageResourceType`, the permissions a Connect call needs besides its own,
// and the values of `connect:AttributeType`. Read from the engine's curated Connect table
// (connect/dependencies.ts, which names its sources, and the same table the rules and
// docs/connect-coverage.md read) and put into words here, so hover and completion never look at
// the table's shape.
import {
  ATTRIBUTE_TYPES as ATTRIBUTE_VALUES, dependencyRow, Need, Option, RESOURCES, Row, STORAGE_TYPES, StorageTypeInfo, storageTypeInfo,
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

const SOURCE_NAMES: Record<string, string> = { SAR: 'reference, Dec 2025', CFN: 'CloudFormation', seed: 'AWS example', facts: 'Connect docs' };

/** One need as a markdown line: "`s3:GetBucketAcl` and `s3:GetBucketLocation` on the S3 bucket
 *  (`arn:${Partition}:s3:::${BucketName}`)", conditional ones with their case. */
export function needLine(n: Need): string {
  const r = RESOURCES[n.on];
  const where = n.on === 'any' ? 'on `*`' : `on ${r.label} (\`${r.format}\`)`;
  const when = n.level === 'conditional' && n.when ? ` — ${n.when}` : '';
  return `${andList(n.actions.map((a) => `\`${a}\``))} ${where}${when} _(${n.sources.map((x) => SOURCE_NAMES[x]).join(', ')})_`;
}

const optionOf = (row: Row | undefined, id: string): Option | undefined => row?.choice?.options.find((o) => o.id === id);
const ASSOCIATE = () => dependencyRow('connect:AssociateInstanceStorageConfig');

function facts(t: StorageTypeInfo): StorageTypeFacts {
  const alternatives = t.kinds.length > 1;
  const options = t.kinds.map((k) => optionOf(ASSOCIATE(), k)).filter((o): o is Option => !!o);
  const needs = options.flatMap((o) => o.needs.map((n) => (alternatives ? `with ${o.label}: ${needLine(n)}` : needLine(n))));
  return {
    value: t.value,
    kind: options.map((o) => o.label).join(' or '),
    needs,
    note: t.replacedBy ? `Deprecated: use \`${t.replacedBy}\`.` : undefined,
  };
}

let FACTS: Map<string, StorageTypeFacts> | undefined;
const allFacts = () => (FACTS ??= new Map(STORAGE_TYPES.map((t) => [t.value, facts(t)])));

/** The 13 values of `connect:StorageResourceType` (case-sensitive). */
export function storageTypes(): StorageTypeFacts[] {
  return [...allFacts().values()];
}

export function storageType(value: string): StorageTypeFacts | undefined {
  return storageTypeInfo(value) ? allFacts().get(value) : undefined;
}

/** Other permissions a Connect action needs to succeed (markdown bullet texts), from its row:
 *  required ones first, then the options of its choice, then what applies only in some cases. */
export function connectCompanions(action: string): string[] {
  const row = dependencyRow(`connect:${action}`);
  if (!row) return [];
  const lines = row.needs.filter((n) => n.level === 'required').map(needLine);
  const choice = row.choice;
  if (choice) {
    const head = choice.optional ? `depending on the ${choice.what}` : `one ${choice.what}'s permissions`;
    const options = choice.options.filter((o) => o.needs.length)
      .map((o) => `for ${o.label}: ${o.needs.filter((n) => n.level === 'required').map(needLine).join('; ') || 'nothing else'}`);
    if (options.length) lines.push(`${head}${choice.key ? ` (the statement's \`${choice.key}\` condition tells which)` : ''}: ${options.join(' · ')}`);
  }
  const conditional = [...row.needs, ...(choice?.options.flatMap((o) => o.needs.map((n) => ({ ...n, when: `for ${o.label}, ${n.when ?? ''}` }))) ?? [])]
    .filter((n) => n.level === 'conditional');
  lines.push(...conditional.map((n) => `if needed: ${needLine(n)}`));
  return lines;
}

/** Values of `connect:AttributeType`. */
export const ATTRIBUTE_TYPES: readonly string[] = ATTRIBUTE_VALUES;
