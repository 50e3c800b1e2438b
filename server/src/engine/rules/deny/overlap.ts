// Which Allow statements a Deny statement of the same document takes away, wholly or in part.
// An explicit Deny wins over any Allow for the requests it matches, so an Allow inside a Deny grants
// nothing. Shared by the deny rules and the hover on `"Effect": "Deny"`.
import { getNodeValue } from 'jsonc-parser';
import { PolicyDocument, Statement } from '../../parse/policyModel';
import { expandActionPattern, splitAction } from '../../reference/actions';
import { hasWildcard } from '../../reference/arn';
import { getAction, serviceExists } from '../../reference/iamData';
import { StringMemo } from '../../memo';
import { compareSets, CompareOptions, Coverage, PatternSet, RESOURCE_OPTIONS, SetComparison } from './patternSets';
import { ObjectCache } from '../../objectCache';

/** Work done, for the scaling tests: (Allow, Deny) pairs compared. */
export const overlapWork = { pairs: 0 };

export interface DenyOverlap {
  allow: Statement;
  deny: Statement;
  /** `full`: every request the Allow grants is denied; `part`: some are, or may be. */
  coverage: Exclude<Coverage, 'none'>;
  actions: SetComparison;
  resources: SetComparison;
  /** The Deny has a Condition, so it may not apply to a given request. */
  conditional: boolean;
}

const isEffect = (s: Statement, effect: 'Allow' | 'Deny') => s.effect?.value === effect;

function stringsOf(s: Statement, which: 'actions' | 'resources'): string[] {
  return s[which].map((v) => v.value).filter((v): v is string => typeof v === 'string');
}

/** The sets of a statement, built once: compareSets indexes a Deny's sets by identity, so a Deny
 *  met by many Allows is indexed once. */
const sets = new ObjectCache<Statement, { actions: PatternSet; resources: PatternSet }>();

function setsOf(s: Statement): { actions: PatternSet; resources: PatternSet } {
  let hit = sets.get(s);
  if (!hit) {
    hit = {
      actions: { kind: s.isNotAction ? 'notIn' : 'in', patterns: stringsOf(s, 'actions') },
      resources: { kind: s.isNotResource ? 'notIn' : 'in', patterns: stringsOf(s, 'resources') },
    };
    sets.set(s, hit);
  }
  return hit;
}

export function actionSet(s: Statement): PatternSet {
  return setsOf(s).actions;
}

export function resourceSet(s: Statement): PatternSet {
  return setsOf(s).resources;
}

const expansions = new StringMemo<string[] | null>(10_000);

/** A wildcard action expanded against the reference (`s3:Get*` → every `s3:Get…` action); one
 *  list per pattern, however many statement pairs ask. */
function expandAction(pattern: string): string[] | undefined {
  if (!hasWildcard(pattern)) return undefined;
  return expansions.getOrCompute(pattern, (p) => {
    const parts = splitAction(p);
    if (!parts || hasWildcard(parts.service) || !serviceExists(parts.service)) return null;
    return expandActionPattern(parts.service, parts.name).map((a) => `${parts.service.toLowerCase()}:${a.name}`);
  }) ?? undefined;
}

/** The service prefix of an action pattern, or undefined when it may name any service (`*`,
 *  `s3*:Get*`). */
function actionBucket(pattern: string): string | undefined {
  const colon = pattern.indexOf(':');
  if (colon < 0) return undefined;
  const prefix = pattern.slice(0, colon);
  return hasWildcard(prefix) ? undefined : prefix.toLowerCase();
}

export const ACTION_OPTIONS: CompareOptions = { caseInsensitive: true, expand: expandAction, bucketOf: actionBucket };

/** `"*"` or `{"AWS": "*"}`: a Principal that stands for everyone. */
function isEveryone(value: unknown): boolean {
  if (value === '*') return true;
  if (value && typeof value === 'object' && !Array.isArray(value)) {
    const entries = Object.entries(value as Record<string, unknown>);
    return entries.some(([k, v]) => k === 'AWS' && (v === '*' || (Array.isArray(v) && v.includes('*'))));
  }
  return false;
}

/** Does the Deny apply to every principal the Allow names? Identity policies (no Principal) apply
 *  to their holder on both sides. With principals we only conclude when the Deny names everyone or
 *  exactly the Allow's principals; anything else is left alone rather than guessed. */
function principalsCovered(allow: Statement, deny: Statement): boolean {
  const dp = deny.principalProperty;
  const ap = allow.principalProperty;
  if (!dp) return !ap;
  if (dp.name !== 'Principal' || !dp.value) return false;
  const denyValue = getNodeValue(dp.value);
  if (isEveryone(denyValue)) return true;
  if (!ap || ap.name !== 'Principal' || !ap.value) return false;
  return JSON.stringify(getNodeValue(ap.value)) === JSON.stringify(denyValue);
}

/** Is the statement complete enough to compare (an effect, actions and resources)? */
function comparable(s: Statement): boolean {
  return s.actions.length > 0 && s.resources.length > 0;
}

/** How much of `allow` the Deny statement `deny` overrides, or undefined when nothing. */
export function denyOverlap(allow: Statement, deny: Statement, memo?: { actions: CompareOptions; resources: CompareOptions }): DenyOverlap | undefined {
  if (!isEffect(allow, 'Allow') || !isEffect(deny, 'Deny') || !comparable(allow) || !comparable(deny)) return undefined;
  if (!principalsCovered(allow, deny)) return undefined;
  const resources = compareSets(resourceSet(allow), resourceSet(deny), memo?.resources ?? RESOURCE_OPTIONS);
  if (resources.coverage === 'none') return undefined;
  const actions = compareSets(actionSet(allow), actionSet(deny), memo?.actions ?? ACTION_OPTIONS);
  if (actions.coverage === 'none') return undefined;
  const conditional = deny.conditionProperty !== undefined;
  const full = actions.coverage === 'full' && resources.coverage === 'full' && !conditional;
  return { allow, deny, coverage: full ? 'full' : 'part', actions, resources, conditional };
}

/**
 * Deny statements compared with one Allow, at most (the first in document order among those the
 * index leaves). IAM's size limits keep real policies far below (a 20 KB bucket policy holds a
 * few dozen statements); a generated megabyte of "deny everything but" statements, each of which
 * meets every Allow, made the comparison quadratic (73 s for 1.2 MB). Beyond the bound a Deny's
 * overlap with that Allow is not reported, and the summary says "at least" (see `truncated`).
 */
export const MAX_DENIES_PER_ALLOW = 100;

const cache = new ObjectCache<PolicyDocument, DenyOverlap[]>();
const cut = new ObjectCache<PolicyDocument, Set<Statement>>();

/** The Allows of the document whose candidate Denies went past MAX_DENIES_PER_ALLOW. */
export function truncated(doc: PolicyDocument): ReadonlySet<Statement> {
  denyOverlaps(doc);
  return cut.get(doc) ?? new Set();
}

/** Every (Allow, Deny) pair of the document with an overlap, in document order of the Allows;
 *  computed once per document (both deny rules read it). */
export function denyOverlaps(doc: PolicyDocument): DenyOverlap[] {
  const hit = cache.get(doc);
  if (hit) return hit;
  const out: DenyOverlap[] = [];
  cache.set(doc, out);
  const denies = doc.statements.filter((s) => isEffect(s, 'Deny') && comparable(s));
  if (!denies.length) return out; // most policies: nothing to index
  const index = indexDenies(denies);
  // One memo per document: verdicts keep the document's strings, so they must not outlive it.
  const memo = { actions: { ...ACTION_OPTIONS, memo: new Map() }, resources: { ...RESOURCE_OPTIONS, memo: new Map() } };
  for (const allow of doc.statements) {
    if (!isEffect(allow, 'Allow') || !comparable(allow)) continue;
    const candidates = index.candidatesFor(allow);
    if (candidates.length > MAX_DENIES_PER_ALLOW) {
      const set = cut.get(doc) ?? new Set<Statement>();
      set.add(allow);
      cut.set(doc, set);
    }
    for (let i = 0; i < candidates.length && i < MAX_DENIES_PER_ALLOW; i++) {
      const deny = candidates[i];
      overlapWork.pairs++;
      const o = denyOverlap(allow, deny, memo);
      if (o) out.push(o);
    }
  }
  return out;
}

/** The reference actions (lower case `service:name`) an action pattern stands for, or undefined
 *  when it stands for none the reference knows (an unknown name or service, a wildcard prefix):
 *  such a pattern can still meet others by its text. */
function referenceNames(pattern: string): string[] | undefined {
  return names.getOrCompute(pattern, (p) => {
    if (hasWildcard(p)) {
      const expanded = expandAction(p);
      return expanded?.length ? expanded.map((a) => a.toLowerCase()) : null;
    }
    const parts = splitAction(p);
    if (!parts || !serviceExists(parts.service) || !getAction(parts.service, parts.name)) return null;
    return [p.toLowerCase()];
  }) ?? undefined;
}

const names = new StringMemo<string[] | null>(10_000);

/**
 * Deny statements indexed so that an Allow meets only the Denies it can overlap, instead of every
 * Deny of the policy (Allows × Denies was the quadratic part of a Deny-heavy policy):
 * - by reference action: an Allow pattern that stands for known actions (`s3:Get*`, `s3:GetObject`)
 *   can only overlap a Deny whose patterns stand for one of the same actions (patternSets.ts
 *   decides such a pattern by its expansion, and a Deny pattern that covers it textually covers
 *   its expansion too);
 * - by service prefix: an Allow pattern the reference does not know is compared by text with the
 *   Denies that name its service;
 * - open: Denies that may name any action (NotAction, `*`, a wildcard prefix) meet every Allow.
 */
function indexDenies(denies: Statement[]): { candidatesFor(allow: Statement): Statement[] } {
  const byName = new Map<string, Statement[]>();
  const byService = new Map<string, Statement[]>();
  const open: Statement[] = [];
  const add = (map: Map<string, Statement[]>, key: string, d: Statement) => {
    const list = map.get(key);
    if (!list) map.set(key, [d]);
    else if (list[list.length - 1] !== d) list.push(d);
  };
  for (const d of denies) {
    const patterns = stringsOf(d, 'actions');
    if (d.isNotAction || patterns.some((p) => actionBucket(p) === undefined)) {
      open.push(d);
      continue;
    }
    for (const p of patterns) {
      add(byService, actionBucket(p)!, d);
      for (const name of referenceNames(p) ?? []) add(byName, name, d);
    }
  }
  const position = new Map(denies.map((d, i) => [d, i]));
  return {
    candidatesFor(allow) {
      if (allow.isNotAction) return denies;
      const hit = new Set<Statement>(open);
      for (const p of stringsOf(allow, 'actions')) {
        const names = referenceNames(p);
        if (names) {
          for (const name of names) for (const d of byName.get(name) ?? []) hit.add(d);
          continue;
        }
        const bucket = actionBucket(p);
        if (bucket === undefined) return denies;
        for (const d of byService.get(bucket) ?? []) hit.add(d);
      }
      if (hit.size === denies.length) return denies;
      // Document order, as without the index.
      return [...hit].sort((a, b) => position.get(a)! - position.get(b)!);
    },
  };
}

/** `"DenyDeletes"` by its Sid, else its position, 1-based as people count: read after the word
 *  "statement" (`Deny statement "DenyDeletes"`, `Deny statement 2`). */
export function statementLabel(s: Statement): string {
  return typeof s.sid?.value === 'string' && s.sid.value ? `"${s.sid.value}"` : `${s.index + 1}`;
}
