// What a whole policy document grants, as the Connect rules need to know it: is an action allowed
// on some resource of a given ARN format (statements may be split any way; wildcards count), and
// which storage types a storage-config statement lets through its condition.
//
// Deliberately generous: a companion counts as granted whenever some Allow statement could grant
// it (NotResource, conditions on the companion's statement and partly matching ARNs all count), so
// that a "missing permission" warning is never a false positive.
import { ConditionKeyEntry, PolicyDocument, Statement, ValueItem } from '../parse/policyModel';
import { hasPolicyVariable, hasWildcard, parseArn } from '../reference/arn';
import { ParsedOperator, parseOperator } from '../reference/operators';
import { variablesAsWildcards } from '../reference/resourceMatch';
import { patternMatchesFormat, wildcardMatches } from '../reference/wildcard';
import { allNeeds, Companion, CONNECT_DEPENDENCIES, RESOURCES, ResourceKind, STORAGE_ASSOCIATING_ACTIONS, STORAGE_RESOURCE_TYPE_KEY, storageTypes } from './table';
import { statementFact } from './statementFacts';
import { detach, PairMemo } from '../memo';
import { enumKey } from './enumKeys';
import { ObjectCache } from '../objectCache';

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
  return fits.getOrCompute(resource, format, resourceFitsUncached);
}

/** Answers of resourceFits: asked at the first sight of every statement, which after an edit is
 *  the edited statement, whose resources are nearly always those of its version before. */
const fits = new PairMemo<boolean>(100_000);

function resourceFitsUncached(resource: string, format: string): boolean {
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
  const weighed = (r: unknown) => typeof r === 'string' && (coverageWork.weighed++, resourceFits(r, format));
  const lists = candidateLists(s, format);
  if (!lists) return s.resources.some((r) => weighed(r.value));
  return lists.some((list) => list.some((i) => weighed(s.resources[i].value)));
}

/** The lists of a statement's resources (by index, in document order) that can hold one fitting
 *  `format`, or undefined for all of them (a short list). resourceFits compares ARNs field by
 *  field, so a resource whose service field cannot meet the format's never fits; and only
 *  all-star resources (no ARN) fit '*'. */
function candidateLists(s: Statement, format: string): readonly (readonly number[])[] | undefined {
  if (s.resources.length < GROUP_FROM) return undefined;
  const want = format === '*' ? undefined : parseArn(format);
  if (!want && format !== '*') return undefined;
  const { byService, whole } = servicesOf(s);
  const out = [whole];
  if (want) for (const [service, list] of byService) if (patternMatchesFormat(service, want.service.value)) out.push(list);
  return out;
}

/** Work counted for tests: resources weighed against a format to find what statements grant. */
export const coverageWork = { weighed: 0 };

/** Resource elements at least this long are weighed by service (servicesOf): a statement listing
 *  thousands of ARNs would otherwise be scanned whole for every format asked (dozens: one per
 *  kind of resource the table knows), each ARN weighed against each format. */
const GROUP_FROM = 16;

/** A Resource element's strings by the service field they name, in document order. */
interface Services {
  /** The service field as resourceFits reads it (policy variables as wildcards) → the indices of
   *  the resources naming it. */
  byService: Map<string, number[]>;
  /** The indices of the resources that do not read as an ARN (resourceFits weighs them whole). */
  whole: number[];
  /** The service field as written → the first resource naming it (a near miss, nearMissesOf). */
  first: Map<string, string>;
}

const servicesByStatement = new ObjectCache<Statement, Services>();

function servicesOf(s: Statement): Services {
  let found = servicesByStatement.get(s);
  if (found) return found;
  found = { byService: new Map(), whole: [], first: new Map() };
  for (let i = 0; i < s.resources.length; i++) {
    const value = s.resources[i].value;
    if (typeof value !== 'string') continue;
    const written = parseArn(value)?.service.value;
    if (written !== undefined && !found.first.has(written)) found.first.set(written, value);
    // As resourceFits reads it: policy variables as wildcards (the same text when there are none).
    const pattern = variablesAsWildcards(value);
    const service = pattern === value ? written : parseArn(pattern)?.service.value;
    if (service === undefined) found.whole.push(i);
    else {
      const list = found.byService.get(service);
      if (list) list.push(i);
      else found.byService.set(service, [i]);
    }
  }
  servicesByStatement.set(s, found);
  return found;
}

// ---- The companions the table knows ----

/** Every companion a row of the table can ask for, numbered (a document's answers are kept by
 *  number), and their actions: which of them a statement grants is one of its facts
 *  (statementFacts.ts), so a document's grants are looked up among the statements that grant
 *  the action. */
interface Universe {
  /** Action (as the table writes it) → resource kind → companion id: found without building a
   *  key string (grants are asked for every companion of every row, in every analysis). */
  ids: Map<string, Map<ResourceKind, number>>;
  /** Companion id → its action in lower case. */
  lower: string[];
  /** Lower-case action → the resource kinds it is asked on, with their companion ids. */
  byAction: Map<string, { action: string; kinds: { resource: ResourceKind; id: number }[] }>;
  /** Lower-case service prefix → its lower-case actions of byAction. */
  byService: Map<string, string[]>;
}

let universe: Universe | undefined;

function companionUniverse(): Universe {
  if (universe) return universe;
  const ids: Universe['ids'] = new Map();
  const lowerById: string[] = [];
  const byAction: Universe['byAction'] = new Map();
  for (const row of CONNECT_DEPENDENCIES) {
    for (const n of allNeeds(row)) {
      for (const action of n.actions) {
        let kinds = ids.get(action);
        if (!kinds) ids.set(action, (kinds = new Map()));
        if (kinds.has(n.on)) continue;
        const id = lowerById.length;
        kinds.set(n.on, id);
        const lower = action.toLowerCase();
        lowerById.push(lower);
        let entry = byAction.get(lower);
        if (!entry) byAction.set(lower, (entry = { action, kinds: [] }));
        entry.kinds.push({ resource: n.on, id });
      }
    }
  }
  const byService = new Map<string, string[]>();
  for (const lower of byAction.keys()) {
    const service = lower.slice(0, lower.indexOf(':'));
    byService.set(service, [...(byService.get(service) ?? []), lower]);
  }
  return (universe = { ids, lower: lowerById, byAction, byService });
}

const companionId = (c: Companion) => companionUniverse().ids.get(c.action)?.get(c.resource);

const NONE: readonly string[] = [];

/** The table's actions (lower case) an Allow statement's Action (or NotAction) element lets
 *  through, when it has a Resource element too (else it grants nothing). */
function listedActions(s: Statement): readonly string[] {
  if (!isAllow(s) || !s.actionProperty || !s.resourceProperty) return NONE;
  const { byAction, byService } = companionUniverse();
  const listed = new Set<string>();
  for (const a of s.actions) {
    if (typeof a.value !== 'string') continue;
    if (!hasWildcard(a.value)) {
      // As wildcardMatches compares a plain name: same length, equal in lower case.
      const lower = a.value.toLowerCase();
      if (byAction.has(lower) && lower.length === a.value.length) listed.add(detach(lower));
    } else {
      // A pattern whose service part is literal (`s3:Get*`) can match that service's actions only.
      const colon = a.value.indexOf(':');
      const service = colon < 0 ? undefined : a.value.slice(0, colon).toLowerCase();
      const among = service !== undefined && /^[a-z0-9-]+$/.test(service) ? byService.get(service) ?? [] : [...byAction.keys()];
      for (const lower of among) if (actionMatches(a, byAction.get(lower)!.action)) listed.add(lower);
    }
  }
  const out = s.isNotAction ? [...byAction.keys()].filter((x) => !listed.has(x)) : [...listed];
  return out.length ? out : NONE;
}

const NO_IDS: readonly number[] = [];

/** The companions (ids) an Allow statement grants: the table's actions it lets through, each on
 *  the resource kinds its Resource element can name. Found once per statement text, so that a
 *  document's grants are the union of its statements' (grantIndex), with no per-companion
 *  search. */
const grantedIdsOf = statementFact((s): readonly number[] => {
  const listed = listedActions(s);
  if (!listed.length) return NO_IDS;
  const { byAction } = companionUniverse();
  const out: number[] = [];
  // Each resource kind's format is weighed against the Resource element once: the table asks for
  // the same kinds (an instance, a bucket, a key) under dozens of actions, and a statement with
  // many resources would otherwise be scanned once per action (actions × resources).
  const fitsKind = new Map<ResourceKind, boolean>();
  for (const lower of listed) {
    for (const { resource, id } of byAction.get(lower)!.kinds) {
      let fit = fitsKind.get(resource);
      if (fit === undefined) fitsKind.set(resource, (fit = statementCoversFormat(s, RESOURCES[resource].format)));
      if (fit) out.push(id);
    }
  }
  return out.length ? out : NO_IDS;
});

/** The table's actions (lower case) an Allow statement names exactly (not `s3:*`). */
const namedBy = statementFact((s): readonly string[] => {
  if (!isAllow(s) || s.isNotAction || s.isNotResource) return NONE;
  const { byAction } = companionUniverse();
  const out: string[] = [];
  for (const a of s.actions) {
    const lower = typeof a.value === 'string' ? a.value.toLowerCase() : '';
    if (byAction.has(lower) && !out.includes(lower)) out.push(detach(lower));
  }
  return out.length ? out : NONE;
});

/** Per statement and ARN format: can its Resource element name such a resource (filled format by
 *  format as grants are asked). */
const coversOf = statementFact((): Map<string, boolean> => new Map());

function covers(doc: PolicyDocument, s: Statement, format: string): boolean {
  const known = coversOf(doc, s);
  let hit = known.get(format);
  if (hit === undefined) known.set(format, (hit = statementCoversFormat(s, format)));
  return hit;
}

/** For the table's actions an Allow statement names exactly: the first resource of the action's
 *  own service (the one meant for it in a mixed statement), as [lower-case action, resource]. */
const nearMissesOf = statementFact((s): readonly (readonly [string, string])[] => {
  if (!isAllow(s) || s.isNotAction || s.isNotResource) return [];
  const { byAction } = companionUniverse();
  const out: [string, string][] = [];
  for (const a of s.actions) {
    const action = typeof a.value === 'string' ? a.value.toLowerCase() : '';
    if (!byAction.has(action) || out.some(([x]) => x === action)) continue;
    const service = action.slice(0, action.indexOf(':'));
    const r = s.resources.length < GROUP_FROM
      ? s.resources.find((x) => typeof x.value === 'string' && parseArn(x.value)?.service.value === service)?.value
      : servicesOf(s).first.get(service);
    if (typeof r === 'string') out.push([detach(action), detach(r)]);
  }
  return out;
});

/** What a document grants, from its statements' facts: the companions granted (by id, 1 when
 *  granted), the statements by the table's actions they name, with the answers given so far.
 *  Built once per document. */
interface GrantIndex {
  granted: Uint8Array;
  named?: Map<string, Statement[]>;
  explicit: Map<number, boolean>;
  nearMisses?: Map<string, string>;
}

const grantIndexes = new ObjectCache<PolicyDocument, GrantIndex>();

const NO_STATEMENTS: readonly Statement[] = [];

function statementsBy(doc: PolicyDocument, fact: (doc: PolicyDocument, s: Statement) => readonly string[]): Map<string, Statement[]> {
  const out = new Map<string, Statement[]>();
  for (const s of doc.statements) {
    for (const a of fact(doc, s)) {
      const list = out.get(a);
      if (list) list.push(s);
      else out.set(a, [s]);
    }
  }
  return out;
}

function grantIndex(doc: PolicyDocument): GrantIndex {
  let index = grantIndexes.get(doc);
  if (!index) {
    const granted = new Uint8Array(companionUniverse().lower.length);
    for (const s of doc.statements) for (const id of grantedIdsOf(doc, s)) granted[id] = 1;
    grantIndexes.set(doc, (index = { granted, explicit: new Map() }));
  }
  return index;
}

const grantCache = new ObjectCache<PolicyDocument, Map<string, boolean>>();

/** Does some Allow statement of the document grant the companion (action on its resource)? */
export function grants(doc: PolicyDocument, c: Companion): boolean {
  const id = companionId(c);
  if (id !== undefined) return grantIndex(doc).granted[id] === 1;
  // A companion the table does not know: asked rarely, so the statements are scanned.
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
  const id = companionId(c);
  const format = RESOURCES[c.resource].format;
  if (id === undefined) {
    return doc.statements.some((s) => isAllow(s) && !s.isNotAction && !s.isNotResource
      && s.actions.some((a) => typeof a.value === 'string' && a.value.toLowerCase() === c.action.toLowerCase())
      && statementCoversFormat(s, format));
  }
  const index = grantIndex(doc);
  let hit = index.explicit.get(id);
  if (hit === undefined) {
    index.named ??= statementsBy(doc, namedBy);
    hit = (index.named.get(companionUniverse().lower[id]) ?? NO_STATEMENTS).some((s) => covers(doc, s, format));
    index.explicit.set(id, hit);
  }
  return hit;
}

/** A resource an Allow statement names the companion's action on (by name), when no grant fits:
 *  usually the mistake itself (`arn:aws:s3:::bucket/*`, a function ARN without `function:`). */
export function nearMiss(doc: PolicyDocument, c: Companion): string | undefined {
  const id = companionId(c);
  const action = id === undefined ? c.action.toLowerCase() : companionUniverse().lower[id];
  if (!companionUniverse().byAction.has(action)) return findNearMiss(doc, action);
  return nearMisses(doc).get(action);
}

/** The near miss of each of the table's actions (lower case) a statement names: the first
 *  statement (in document order) that has one, as a scan would find. */
function nearMisses(doc: PolicyDocument): Map<string, string> {
  const index = grantIndex(doc);
  if (!index.nearMisses) {
    index.nearMisses = new Map();
    for (const s of doc.statements) for (const [a, r] of nearMissesOf(doc, s)) if (!index.nearMisses.has(a)) index.nearMisses.set(a, r);
  }
  return index.nearMisses;
}

/** For each companion: granted (true), or else its near miss (a string) or none (false). */
export type GrantState = true | string | false;

/** Companion ids by list of companions (the rows' lists, fixed for the process). */
const idsOf = new WeakMap<readonly Companion[], (number | undefined)[]>();

/** The grant state of each companion of a list: what the companion rules read of a document for
 *  a row, in every analysis, so looked up by id without a search per companion. */
export function grantStates(doc: PolicyDocument, companions: readonly Companion[]): GrantState[] {
  let ids = idsOf.get(companions);
  if (!ids) idsOf.set(companions, (ids = companions.map(companionId)));
  const { granted } = grantIndex(doc);
  const near = nearMisses(doc);
  const { lower } = companionUniverse();
  const out = new Array<GrantState>(companions.length);
  for (let i = 0; i < companions.length; i++) {
    const id = ids[i];
    const c = companions[i];
    out[i] = id === undefined ? grants(doc, c) || (nearMiss(doc, c) ?? false) : granted[id] === 1 || (near.get(lower[id]) ?? false);
  }
  return out;
}

function findNearMiss(doc: PolicyDocument, action: string): string | undefined {
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

/** Per statement and format, the first resource a fix may reuse (see existingResource), or null;
 *  filled format by format as fixes ask. */
const reusableOf = statementFact((): Map<string, string | null> => new Map());

function reusableIn(s: Statement, format: string): string | null {
  const reusable = (v: unknown): v is string =>
    typeof v === 'string' && !isAllStars(v) && v.startsWith('arn:') && resourceFits(v, format) && !/[*?]/.test(v.slice(v.lastIndexOf(':') + 1));
  const lists = candidateLists(s, format);
  if (!lists) {
    const r = s.resources.find((x) => reusable(x.value));
    return r ? detach(r.value as string) : null;
  }
  // The first in document order: the least index of the lists' first reusable resources.
  let best = -1;
  for (const list of lists) {
    for (const i of list) {
      if (best >= 0 && i > best) break;
      if (reusable(s.resources[i].value)) {
        best = i;
        break;
      }
    }
  }
  return best < 0 ? null : detach(s.resources[best].value as string);
}

const existingCache = new ObjectCache<PolicyDocument, Map<string, string | undefined>>();

/** A resource the policy already names that fits the format (reused by fixes so that they carry
 *  the user's own bucket, stream or function), preferring one without wildcards in its resource
 *  part. Cached per document and format: every finding's fix asks. */
export function existingResource(doc: PolicyDocument, format: string): string | undefined {
  let cache = existingCache.get(doc);
  if (!cache) existingCache.set(doc, (cache = new Map()));
  if (cache.has(format)) return cache.get(format);
  let found: string | undefined;
  for (const s of doc.statements) {
    const reusable = reusableOf(doc, s);
    let r = reusable.get(format);
    if (r === undefined) reusable.set(format, (r = reusableIn(s, format)));
    if (r !== null) {
      found = r;
      break;
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
  const found = allowedValueIndices(s, key);
  if (found.kind !== 'types') return found;
  return { kind: 'types', types: new Map(found.types.map(([t, e, v]) => [t, s.conditions[e].values[v]])) };
}

/** `allowedValues` with each value's condition entry and value given by their indices (in
 *  s.conditions and its values), in the order of the map: a fact kept across documents. */
type AllowedIndices = { kind: 'none' } | { kind: 'unknown' } | { kind: 'types'; types: readonly (readonly [string, number, number])[] };

function allowedValueIndices(s: Statement, key: string): AllowedIndices {
  const lower = key.toLowerCase();
  const values = enumKey(key)?.values ?? [];
  let result: Map<string, readonly [string, number, number]> | undefined;
  let any = false;
  for (let e = 0; e < s.conditions.length; e++) {
    const entry = s.conditions[e];
    if (entry.key.name.toLowerCase() !== lower) continue;
    any = true;
    const op = parseOperator(entry.operator.name);
    // An operator IAM does not know (a miscased one included) is the grammar rules' finding.
    if (op?.kind !== 'String' || op.negated) return { kind: 'unknown' };
    const types = new Map<string, readonly [string, number, number]>();
    for (let v = 0; v < entry.values.length; v++) {
      const value = entry.values[v].value;
      if (typeof value !== 'string' || hasPolicyVariable(value)) return { kind: 'unknown' };
      for (const t of valuesMatchedBy(op, value, values)) if (!types.has(t)) types.set(t, [t, e, v]);
    }
    // Several conditions on the key must all hold: intersect.
    result = result ? new Map([...result].filter(([t]) => types.has(t))) : types;
  }
  if (!any) return { kind: 'none' };
  return { kind: 'types', types: [...(result ?? new Map()).values()] };
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

/** A statement's storage-config actions (indices) and what its storage-type condition allows. */
const storageFacts = statementFact((s): { actions: readonly number[]; allowed: AllowedIndices } | null => {
  if (!isAllow(s) || s.isNotAction) return null;
  const actions: number[] = [];
  s.actions.forEach((a, i) => {
    if (isStorageAssociating(a)) actions.push(i);
  });
  return actions.length ? { actions, allowed: allowedValueIndices(s, STORAGE_RESOURCE_TYPE_KEY) } : null;
});

const storageCache = new ObjectCache<PolicyDocument, StorageStatement[]>();

/** Allow statements (with `Action`) that allow associating or updating instance storage. */
export function storageStatements(doc: PolicyDocument): StorageStatement[] {
  let out = storageCache.get(doc);
  if (!out) {
    out = [];
    for (const s of doc.statements) {
      const facts = storageFacts(doc, s);
      if (!facts) continue;
      const { allowed } = facts;
      out.push({
        s,
        actions: facts.actions.map((i) => s.actions[i]),
        allowed: allowed.kind === 'types' ? { kind: 'types', types: new Map(allowed.types.map(([t, e, v]) => [t, s.conditions[e].values[v]])) } : allowed,
      });
    }
    storageCache.set(doc, out);
  }
  return out;
}
