// What a whole policy document grants, as the Connect rules need to know it: is an action allowed
// on some resource of a given ARN format (statements may be split any way; wildcards count), and
// which storage types a storage-config statement lets through its condition.
//
// Deliberately generous: a companion counts as granted whenever some Allow statement could grant
// it (NotResource, conditions on the companion's statement and partly matching ARNs all count), so
// that a "missing permission" warning is never a false positive.
import { ConditionKeyEntry, PolicyDocument, Statement, ValueItem } from '../parse/policyModel';
import { hasPolicyVariable, parseArn } from '../reference/arn';
import { ParsedOperator, parseOperator } from '../reference/operators';
import { variablesAsWildcards } from '../reference/resourceMatch';
import { patternMatchesFormat, wildcardMatches } from '../reference/wildcard';
import { Companion, RESOURCES, STORAGE_ASSOCIATING_ACTIONS, STORAGE_RESOURCE_TYPE_KEY, storageTypes } from './table';
import { enumKey } from './enumKeys';

export const isAllow = (s: Statement) => s.effect?.value === 'Allow';
const isAllStars = (v: string) => /^\*+$/.test(v);

/** Does the action pattern (as written in a policy) match `action`? IAM compares actions
 *  case-insensitively. */
export function actionMatches(pattern: ValueItem | string, action: string): boolean {
  const p = typeof pattern === 'string' ? pattern : pattern.value;
  return typeof p === 'string' && wildcardMatches(p, action, true);
}

/** Does the statement's Action/NotAction element grant `action`? */
export function statementGrantsAction(s: Statement, action: string): boolean {
  if (!s.actionProperty) return false;
  const listed = s.actions.some((a) => actionMatches(a, action));
  return s.isNotAction ? !listed : listed;
}

/** Can a policy resource name a resource of this ARN format (`*` = the action is wildcard-only
 *  and needs a resource that is all wildcards)? */
export function resourceFits(resource: string, format: string): boolean {
  if (format === '*') return isAllStars(resource);
  const pattern = variablesAsWildcards(resource);
  const arn = parseArn(pattern);
  const want = parseArn(format);
  // Field by field: matched whole, a format variable could absorb colons and let
  // `arn:aws:s3:::bucket/*` (objects) pass for a bucket.
  if (!arn || !want) return patternMatchesFormat(pattern, format);
  return FIELDS.every((f) => patternMatchesFormat(arn[f].value, want[f].value));
}

const FIELDS = ['partition', 'service', 'region', 'account', 'resource'] as const;

function statementCoversFormat(s: Statement, format: string): boolean {
  if (!s.resourceProperty) return false;
  if (s.isNotResource) return true; // everything but a list: assume it can include the resource
  return s.resources.some((r) => typeof r.value === 'string' && resourceFits(r.value, format));
}

const grantCache = new WeakMap<PolicyDocument, Map<string, boolean>>();

/** Does some Allow statement of the document grant the companion (action on its resource)? */
export function grants(doc: PolicyDocument, c: Companion): boolean {
  let cache = grantCache.get(doc);
  if (!cache) grantCache.set(doc, (cache = new Map()));
  const key = `${c.action}\u0000${c.resource}`;
  let hit = cache.get(key);
  if (hit === undefined) {
    const format = RESOURCES[c.resource].format;
    hit = doc.statements.some((s) => isAllow(s) && statementGrantsAction(s, c.action) && statementCoversFormat(s, format));
    cache.set(key, hit);
  }
  return hit;
}

/** Is the companion granted by an Allow statement that names its action without wildcards (a
 *  deliberate grant, not `s3:*`)? */
export function grantsExplicitly(doc: PolicyDocument, c: Companion): boolean {
  const format = RESOURCES[c.resource].format;
  return doc.statements.some((s) => isAllow(s) && !s.isNotAction && !s.isNotResource
    && s.actions.some((a) => typeof a.value === 'string' && a.value.toLowerCase() === c.action.toLowerCase())
    && statementCoversFormat(s, format));
}

/** A resource an Allow statement names the companion's action on (by name), when no grant fits:
 *  usually the mistake itself (`arn:aws:s3:::bucket/*`, a function ARN without `function:`). */
export function nearMiss(doc: PolicyDocument, c: Companion): string | undefined {
  // Asked for every gap of every finding: cached per document, or a big policy is quadratic.
  let cache = nearMissCache.get(doc);
  if (!cache) nearMissCache.set(doc, (cache = new Map()));
  const key = c.action.toLowerCase();
  if (!cache.has(key)) cache.set(key, findNearMiss(doc, c));
  return cache.get(key);
}

const nearMissCache = new WeakMap<PolicyDocument, Map<string, string | undefined>>();

function findNearMiss(doc: PolicyDocument, c: Companion): string | undefined {
  const action = c.action.toLowerCase();
  const service = action.slice(0, action.indexOf(':'));
  for (const s of doc.statements) {
    if (!isAllow(s) || s.isNotAction || s.isNotResource) continue;
    if (!s.actions.some((a) => typeof a.value === 'string' && a.value.toLowerCase() === action)) continue;
    // A resource of the action's own service: the one meant for it in a mixed statement.
    const r = s.resources.find((x) => typeof x.value === 'string' && parseArn(x.value)?.service.value === service);
    if (r) return String(r.value);
  }
  return undefined;
}

const existingCache = new WeakMap<PolicyDocument, Map<string, string | undefined>>();

/** A resource the policy already names that fits the format (reused by fixes so that they carry
 *  the user's own bucket, stream or function), preferring one without wildcards in its resource
 *  part. Cached per document and format: every finding's fix asks. */
export function existingResource(doc: PolicyDocument, format: string): string | undefined {
  let cache = existingCache.get(doc);
  if (!cache) existingCache.set(doc, (cache = new Map()));
  if (cache.has(format)) return cache.get(format);
  let found: string | undefined;
  search: for (const s of doc.statements) {
    for (const r of s.resources) {
      const v = r.value;
      if (typeof v !== 'string' || isAllStars(v) || !v.startsWith('arn:') || !resourceFits(v, format)) continue;
      if (!/[*?]/.test(v.slice(v.lastIndexOf(':') + 1))) {
        found = v;
        break search;
      }
    }
  }
  cache.set(format, found);
  return found;
}

// ---- Storage-config statements ----

export const isStorageTypeKey = (c: ConditionKeyEntry) => c.key.name.toLowerCase() === STORAGE_RESOURCE_TYPE_KEY.toLowerCase();

/** The values of an enumeration that one condition value lets through under an operator. */
export function valuesMatchedBy(op: ParsedOperator, value: string, values: readonly string[]): string[] {
  if (op.pattern) return values.filter((t) => wildcardMatches(value, t));
  if (op.ignoreCase) return values.filter((t) => t.toLowerCase() === value.toLowerCase());
  return values.filter((t) => t === value);
}

/** The known storage types one condition value lets through under an operator. */
export function typesMatchedBy(op: ParsedOperator, value: string): string[] {
  return valuesMatchedBy(op, value, storageTypes);
}

/** What a statement's conditions on an enumerated key allow: `none` (no such condition),
 *  `unknown` (negated, variables, non-string operators: we cannot tell) or the set of values,
 *  each with the condition value that lets it through. */
export type AllowedTypes = { kind: 'none' } | { kind: 'unknown' } | { kind: 'types'; types: Map<string, ValueItem> };

export function allowedValues(s: Statement, key: string): AllowedTypes {
  const lower = key.toLowerCase();
  const values = enumKey(key)?.values ?? [];
  const entries = s.conditions.filter((c) => c.key.name.toLowerCase() === lower);
  if (!entries.length) return { kind: 'none' };
  let result: Map<string, ValueItem> | undefined;
  for (const e of entries) {
    const op = parseOperator(e.operator.name);
    // An operator IAM does not know (a miscased one included) is the grammar rules' finding.
    if (op?.kind !== 'String' || op.negated) return { kind: 'unknown' };
    const types = new Map<string, ValueItem>();
    for (const v of e.values) {
      if (typeof v.value !== 'string' || hasPolicyVariable(v.value)) return { kind: 'unknown' };
      for (const t of valuesMatchedBy(op, v.value, values)) if (!types.has(t)) types.set(t, v);
    }
    // Several conditions on the key must all hold: intersect.
    result = result ? new Map([...result].filter(([t]) => types.has(t))) : types;
  }
  return { kind: 'types', types: result ?? new Map() };
}

export const allowedStorageTypes = (s: Statement): AllowedTypes => allowedValues(s, STORAGE_RESOURCE_TYPE_KEY);

export interface StorageStatement {
  s: Statement;
  /** The Associate/Update storage-config actions it allows (names or patterns such as
   *  `connect:*InstanceStorageConfig`; `connect:*` alone is not taken as a storage grant). */
  actions: ValueItem[];
  allowed: AllowedTypes;
}

/** Is the action value a storage-config grant that points Connect at storage? */
export function isStorageAssociating(item: ValueItem): boolean {
  return typeof item.value === 'string' && /storageconfig/i.test(item.value) && STORAGE_ASSOCIATING_ACTIONS.some((a) => actionMatches(item, a));
}

const storageCache = new WeakMap<PolicyDocument, StorageStatement[]>();

/** Allow statements (with `Action`) that allow associating or updating instance storage. */
export function storageStatements(doc: PolicyDocument): StorageStatement[] {
  let out = storageCache.get(doc);
  if (!out) {
    out = [];
    for (const s of doc.statements) {
      if (!isAllow(s) || s.isNotAction) continue;
      const actions = s.actions.filter(isStorageAssociating);
      if (actions.length) out.push({ s, actions, allowed: allowedStorageTypes(s) });
    }
    storageCache.set(doc, out);
  }
  return out;
}
