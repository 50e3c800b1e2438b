// Which Allow statements a Deny statement of the same document takes away, wholly or in part.
// An explicit Deny wins over any Allow for the requests it matches, so an Allow inside a Deny grants
// nothing. Shared by the deny rules and the hover on `"Effect": "Deny"`.
import { getNodeValue } from 'jsonc-parser';
import { PolicyDocument, Statement } from '../../parse/policyModel';
import { expandActionPattern, splitAction } from '../../reference/actions';
import { hasWildcard } from '../../reference/arn';
import { serviceExists } from '../../reference/iamData';
import { StringMemo } from '../../memo';
import { compareSets, CompareOptions, Coverage, PatternSet, RESOURCE_OPTIONS, SetComparison } from './patternSets';

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

export function actionSet(s: Statement): PatternSet {
  return { kind: s.isNotAction ? 'notIn' : 'in', patterns: stringsOf(s, 'actions') };
}

export function resourceSet(s: Statement): PatternSet {
  return { kind: s.isNotResource ? 'notIn' : 'in', patterns: stringsOf(s, 'resources') };
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

const cache = new WeakMap<PolicyDocument, DenyOverlap[]>();

/** Every (Allow, Deny) pair of the document with an overlap, in document order of the Allows;
 *  computed once per document (both deny rules read it). */
export function denyOverlaps(doc: PolicyDocument): DenyOverlap[] {
  const hit = cache.get(doc);
  if (hit) return hit;
  const out: DenyOverlap[] = [];
  cache.set(doc, out);
  const index = indexDenies(doc.statements.filter((s) => isEffect(s, 'Deny') && comparable(s)));
  // One memo per document: verdicts keep the document's strings, so they must not outlive it.
  const memo = { actions: { ...ACTION_OPTIONS, memo: new Map() }, resources: { ...RESOURCE_OPTIONS, memo: new Map() } };
  for (const allow of doc.statements) {
    if (!isEffect(allow, 'Allow') || !comparable(allow)) continue;
    for (const deny of index.candidatesFor(allow)) {
      const o = denyOverlap(allow, deny, memo);
      if (o) out.push(o);
    }
  }
  return out;
}

/** The services a statement's actions may name, or undefined when they may name any (NotAction,
 *  `*`, a wildcard in the service prefix). */
function servicesOf(s: Statement): Set<string> | undefined {
  if (s.isNotAction) return undefined;
  const out = new Set<string>();
  for (const p of stringsOf(s, 'actions')) {
    const b = actionBucket(p);
    if (b === undefined) return undefined;
    out.add(b);
  }
  return out;
}

/** Deny statements by the services their actions name: an Allow meets only the Denies that share
 *  a service with it (or that may name any), instead of every Deny of the policy. */
function indexDenies(denies: Statement[]): { candidatesFor(allow: Statement): Statement[] } {
  const byService = new Map<string, Statement[]>();
  const open: Statement[] = [];
  for (const d of denies) {
    const services = servicesOf(d);
    if (!services) open.push(d);
    else {
      for (const svc of services) {
        const list = byService.get(svc);
        if (list) list.push(d);
        else byService.set(svc, [d]);
      }
    }
  }
  return {
    candidatesFor(allow) {
      const services = servicesOf(allow);
      if (!services) return denies;
      const hit = new Set<Statement>(open);
      for (const svc of services) for (const d of byService.get(svc) ?? []) hit.add(d);
      // Document order, as without the index.
      return hit.size === denies.length ? denies : denies.filter((d) => hit.has(d));
    },
  };
}

/** `"DenyDeletes"` by its Sid, else its position, 1-based as people count: read after the word
 *  "statement" (`Deny statement "DenyDeletes"`, `Deny statement 2`). */
export function statementLabel(s: Statement): string {
  return typeof s.sid?.value === 'string' && s.sid.value ? `"${s.sid.value}"` : `${s.index + 1}`;
}
