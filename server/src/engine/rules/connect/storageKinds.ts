// connect-storage-kind-mismatch: the policy grants what one kind of storage needs (a Kinesis
// stream) while its storage-type condition allows only types stored in another (S3): usually a
// statement copied from the wrong example of the seed.
import { PolicyDocument, ValueItem } from '../../parse/policyModel';
import { Rule } from '../rule';
import { grants, grantsExplicitly, StorageStatement, storageStatements } from '../../connect/grants';
import { Companion, STORAGE_KINDS, StorageKind, storageTypeInfo, STORAGE_TYPES } from '../../connect/table';

const list = (items: string[]) => (items.length <= 1 ? items.join('') : `${items.slice(0, -1).join(', ')} and ${items[items.length - 1]}`);

/** How the document serves one storage type: the kind it can use (one whose companions are all
 *  granted, else the alternative with the fewest missing) and what is missing for it. */
export function storageKindFor(doc: PolicyDocument, value: string): { kind: StorageKind; missing: Companion[] } | undefined {
  const info = storageTypeInfo(value);
  if (!info) return undefined;
  let best: { kind: StorageKind; missing: Companion[] } | undefined;
  for (const kind of info.kinds) {
    const missing = STORAGE_KINDS[kind].companions.filter((c) => !grants(doc, c));
    if (!best || missing.length < best.missing.length) best = { kind, missing };
  }
  return best;
}

/** The kinds of the storage types that the document's storage statements allow: each type's kind
 *  found once per document (a large policy repeats the same storage statement). */
function allowedKindsOf(doc: PolicyDocument, statements: readonly StorageStatement[]): Set<StorageKind> {
  const seen = new Set<string>();
  const out = new Set<StorageKind>();
  for (const st of statements) {
    if (st.allowed.kind !== 'types') continue;
    for (const type of st.allowed.types.keys()) {
      if (seen.has(type)) continue;
      seen.add(type);
      if (storageKindFor(doc, type)) for (const k of storageTypeInfo(type)?.kinds ?? []) out.add(k);
    }
  }
  return out;
}

/** The statement's allowed storage types with the kind each uses (statements whose condition we
 *  cannot read, or that have none, give nothing). */
function typedKinds(doc: PolicyDocument, st: StorageStatement) {
  if (st.allowed.kind !== 'types') return [];
  const out: { type: string; item: ValueItem; kind: StorageKind; missing: Companion[] }[] = [];
  for (const [type, item] of st.allowed.types) {
    const k = storageKindFor(doc, type);
    if (k) out.push({ type, item, ...k });
  }
  return out;
}

/** Storage kinds the document grants companions for by name (`kinesis:DescribeStream` on a
 *  stream), ignoring the role permission every kind shares and the KMS key media streams need
 *  (an encrypted bucket needs it too). */
function grantedKinds(doc: PolicyDocument): Map<StorageKind, string[]> {
  const out = new Map<StorageKind, string[]>();
  for (const [kind, info] of Object.entries(STORAGE_KINDS) as [StorageKind, (typeof STORAGE_KINDS)[StorageKind]][]) {
    const names = info.companions.filter((c) => c.resource !== 'serviceLinkedRole' && c.resource !== 'kmsKey' && grantsExplicitly(doc, c)).map((c) => c.action);
    if (names.length) out.set(kind, names);
  }
  return out;
}

export const connectStorageKindMismatch: Rule = {
  id: 'connect-storage-kind-mismatch',
  defaultSeverity: 'warning',
  category: 'connect',
  title: 'The policy grants permissions for one kind of storage while the storage-type condition allows only another.',
  check({ doc, report }) {
    const statements = storageStatements(doc);
    // A statement without a readable condition may use any kind: nothing is foreign then.
    if (!statements.length || statements.some((st) => st.allowed.kind !== 'types')) return;
    const allowedKinds = allowedKindsOf(doc, statements);
    const foreign = [...grantedKinds(doc)].filter(([kind]) => !allowedKinds.has(kind));
    if (!foreign.length) return;
    const [kind, actions] = foreign[0];
    const fitting = STORAGE_TYPES.filter((t) => !t.replacedBy && t.kinds.includes(kind)).map((t) => t.value);
    for (const st of statements) {
      for (const t of typedKinds(doc, st)) {
        if (!t.missing.length) continue;
        report({
          message: `The storage type and the storage permissions do not match. ${t.type} is stored in ${STORAGE_KINDS[t.kind].label}, but this policy grants the permissions of ${STORAGE_KINDS[kind].label} instead (${list(actions)}). Use a storage type for that (${fitting.slice(0, 3).join(', ')}${fitting.length > 3 ? ' and others' : ''}), or grant what ${STORAGE_KINDS[t.kind].label} needs.`,
          range: t.item.range,
          data: { allowedKind: t.kind, grantedKind: kind },
        });
      }
    }
  },
};

export const storageKindRules: Rule[] = [connectStorageKindMismatch];
