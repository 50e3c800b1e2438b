// Companion permissions: what the caller needs besides the Connect action for an association to
// succeed (curated in table.ts), judged across the whole document. Storage (S3, Kinesis,
// Firehose), their mismatch with the allowed storage types, Lambda/Lex/Customer Profiles, the KMS
// key and the console's list permissions.
import { PolicyDocument, ValueItem } from '../parse/policyModel';
import { hasWildcard } from '../reference/arn';
import { Fix, RelatedLocation } from '../types';
import { Rule } from '../rules/rule';
import { addCompanionsFix } from './edits';
import { grants, grantsExplicitly, isAllow, nearMiss, StorageStatement, storageStatements } from './grants';
import {
  Companion, companionsFor, KMS_COMPANIONS, RESOURCES, STORAGE_KINDS, StorageKind, storageTypeInfo, STORAGE_TYPES,
} from './table';

const code = (s: string) => `\`${s}\``;
const list = (items: string[]) => (items.length <= 1 ? items.join('') : `${items.slice(0, -1).join(', ')} and ${items[items.length - 1]}`);
/** Missing companions as a message names them, grouped by resource (`s3:GetBucketAcl` and
 *  `s3:GetBucketLocation` on the S3 bucket), with the grant that misses the resource, if any. */
function describeMissing(doc: PolicyDocument, missing: Companion[]): string {
  const byResource = new Map<Companion['resource'], Companion[]>();
  for (const c of missing) byResource.set(c.resource, [...(byResource.get(c.resource) ?? []), c]);
  return list([...byResource].map(([resource, cs]) => {
    const near = cs.map((c) => nearMiss(doc, c)).find(Boolean);
    const note = near ? ` (allowed only on ${code(near)}, which is not such an ARN)` : '';
    return `${list(cs.map((c) => code(c.action)))} on ${RESOURCES[resource].label}${note}`;
  }));
}

/** The fix adding the missing companions; not the preferred one when a grant only misses its
 *  resource: correcting that ARN is the better fix. */
function missingFix(doc: PolicyDocument, missing: Companion[]) {
  return addCompanionsFix(doc, addTitle(missing), missing, !missing.some((c) => nearMiss(doc, c)));
}
const dedupe = (cs: Companion[]) => [...new Map(cs.map((c) => [`${c.action} ${c.resource}`, c])).values()];

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

/** The statement's allowed storage types with the kind each uses (statements whose condition we
 *  cannot read, or that have none, give nothing: other rules cover them). */
function typedKinds(doc: PolicyDocument, st: StorageStatement) {
  if (st.allowed.kind !== 'types') return [];
  const out: { type: string; item: ValueItem; kind: StorageKind; missing: Companion[] }[] = [];
  for (const [type, item] of st.allowed.types) {
    const k = storageKindFor(doc, type);
    if (k) out.push({ type, item, ...k });
  }
  return out;
}

const others = (actions: ValueItem[]): RelatedLocation[] =>
  actions.slice(1).map((a) => ({ range: a.range, message: `${String(a.value)} needs the same` }));

const addTitle = (missing: Companion[]) => `Add a statement allowing ${[...new Set(missing.map((c) => c.action))].join(', ')}`;

export const connectStoragePermissionsMissing: Rule = {
  id: 'connect-storage-permissions-missing',
  defaultSeverity: 'warning',
  category: 'connect',
  title: 'Instance storage is allowed for a storage type whose S3, Kinesis, Firehose or IAM permissions the policy does not grant.',
  check({ doc, report }) {
    for (const st of storageStatements(doc)) {
      const unmet = typedKinds(doc, st).filter((t) => t.missing.length);
      if (!unmet.length) continue;
      const missing = dedupe(unmet.flatMap((t) => t.missing));
      // Alternatives (contact trace records: Kinesis or Firehose) are named so the user can choose.
      const kinds = (t: (typeof unmet)[number]) => (storageTypeInfo(t.type)?.kinds ?? [t.kind]).map((k) => STORAGE_KINDS[k].label).join(' or ');
      const types = list(unmet.map((t) => `${code(t.type)} (${kinds(t)})`));
      const fix = missingFix(doc, missing);
      report({
        message: `${code(String(st.actions[0].value))} for ${types} also needs ${describeMissing(doc, missing)}, which no Allow statement of this policy grants: Connect checks ${missing.length > 1 ? 'them' : 'it'} when the storage is associated. Add ${missing.length > 1 ? 'them' : 'it'}${unmet.some((t) => (storageTypeInfo(t.type)?.kinds.length ?? 0) > 1) ? ' (or the permissions of the other storage named)' : ''}.`,
        range: st.actions[0].range,
        related: others(st.actions),
        data: { missing: missing.map((c) => c.action) },
        fixes: fix ? [fix] : undefined,
      });
    }
  },
};

/** Storage kinds the document grants companions for by name (`kinesis:DescribeStream` on a
 *  stream), ignoring the role permission every kind shares. */
function grantedKinds(doc: PolicyDocument): Map<StorageKind, string[]> {
  const out = new Map<StorageKind, string[]>();
  for (const [kind, info] of Object.entries(STORAGE_KINDS) as [StorageKind, (typeof STORAGE_KINDS)[StorageKind]][]) {
    const names = info.companions.filter((c) => c.resource !== 'serviceLinkedRole' && grantsExplicitly(doc, c)).map((c) => c.action);
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
    const allowedKinds = new Set(statements.flatMap((st) => typedKinds(doc, st).flatMap((t) => storageTypeInfo(t.type)?.kinds ?? [])));
    const foreign = [...grantedKinds(doc)].filter(([kind]) => !allowedKinds.has(kind));
    if (!foreign.length) return;
    const [kind, actions] = foreign[0];
    const fitting = STORAGE_TYPES.filter((t) => !t.replacedBy && t.kinds.includes(kind)).map((t) => code(t.value));
    for (const st of statements) {
      for (const t of typedKinds(doc, st)) {
        if (!t.missing.length) continue;
        report({
          message: `${code(t.type)} is stored in ${STORAGE_KINDS[t.kind].label}, but this policy grants the permissions of ${STORAGE_KINDS[kind].label} (${list(actions.map(code))}) instead. Use a storage type for that (${fitting.slice(0, 3).join(', ')}${fitting.length > 3 ? ' …' : ''}), or grant what ${STORAGE_KINDS[t.kind].label} needs.`,
          range: t.item.range,
          data: { allowedKind: t.kind, grantedKind: kind },
        });
      }
    }
  },
};

/** Association actions named exactly (a pattern such as `connect:Associate*` would demand every
 *  companion at once). */
function* associationActions(doc: PolicyDocument): Generator<{ item: ValueItem; companions: readonly Companion[] }> {
  for (const s of doc.statements) {
    if (!isAllow(s) || s.isNotAction) continue;
    for (const item of s.actions) {
      if (typeof item.value !== 'string' || hasWildcard(item.value)) continue;
      const companions = companionsFor(item.value);
      if (companions) yield { item, companions };
    }
  }
}

export const connectAssociationPermissionsMissing: Rule = {
  id: 'connect-association-permissions-missing',
  defaultSeverity: 'warning',
  category: 'connect',
  title: 'A Lambda, Lex or Customer Profiles association is allowed without the permissions Connect needs on the other service.',
  check({ doc, report }) {
    for (const { item, companions } of associationActions(doc)) {
      const missing = companions.filter((c) => !grants(doc, c));
      if (!missing.length) continue;
      const fix = missingFix(doc, missing);
      report({
        message: `${code(String(item.value))} also needs ${describeMissing(doc, missing)}, which no Allow statement of this policy grants: without ${missing.length > 1 ? 'them' : 'it'} the association fails. Add ${missing.length > 1 ? 'them' : 'it'}.`,
        range: item.range,
        data: { missing: missing.map((c) => c.action) },
        fixes: fix ? [fix] : undefined,
      });
    }
  },
};

export const connectKmsPermissions: Rule = {
  id: 'connect-kms-permissions',
  defaultSeverity: 'information',
  category: 'connect',
  title: 'Storage that may be encrypted with a KMS key is associated without `kms:CreateGrant` and `kms:DescribeKey`.',
  check({ doc, report }) {
    if (KMS_COMPANIONS.every((c) => grants(doc, c))) return;
    for (const st of storageStatements(doc)) {
      const encrypted = typedKinds(doc, st).filter((t) => STORAGE_KINDS[t.kind].kms);
      if (!encrypted.length) continue;
      const fix = addCompanionsFix(doc, 'Add a statement allowing kms:CreateGrant, kms:DescribeKey on the key', KMS_COMPANIONS);
      report({
        message: `If the storage for ${list(encrypted.map((t) => code(t.type)))} is encrypted with a customer managed KMS key, Connect also needs \`kms:CreateGrant\` and \`kms:DescribeKey\` on that key (its ARN, not an alias). The policy cannot show whether a key is used; add them if one is.`,
        range: st.actions[0].range,
        fixes: fix ? [fix] : undefined,
      });
    }
  },
};

export const connectConsoleListPermission: Rule = {
  id: 'connect-console-list-permission',
  defaultSeverity: 'information',
  category: 'connect',
  title: 'The console cannot list the buckets or streams to choose from: the list permission on `*` is not granted.',
  check({ doc, report }) {
    for (const st of storageStatements(doc)) {
      const missing = dedupe(typedKinds(doc, st).flatMap((t) => [...STORAGE_KINDS[t.kind].console]).filter((c) => !grants(doc, c)));
      if (!missing.length) continue;
      const fix: Fix | undefined = addCompanionsFix(doc, `${addTitle(missing)} on *`, missing);
      report({
        message: `To pick the storage in the Amazon Connect console, the caller also needs ${list(missing.map((c) => code(c.action)))} on \`"Resource": "*"\` (list actions take no other resource). Not needed for API or CLI calls.`,
        range: st.actions[0].range,
        fixes: fix ? [fix] : undefined,
      });
    }
  },
};

export const companionRules: Rule[] = [
  connectStoragePermissionsMissing,
  connectStorageKindMismatch,
  connectAssociationPermissionsMissing,
  connectKmsPermissions,
  connectConsoleListPermission,
];
