// Which Allow statements a Deny statement of the same document takes away, wholly or in part.
// An explicit Deny wins over any Allow for the requests it matches, so an Allow inside a Deny grants
// nothing. Shared by the deny rules and the hover on `"Effect": "Deny"`.
import { getNodeValue } from 'jsonc-parser';
import { PolicyDocument, Statement } from '../../parse/policyModel';
import { expandActionPattern, splitAction } from '../../reference/actions';
import { hasWildcard } from '../../reference/arn';
import { serviceExists } from '../../reference/iamData';
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

/** A wildcard action expanded against the reference (`s3:Get*` → every `s3:Get…` action). */
function expandAction(pattern: string): string[] | undefined {
  if (!hasWildcard(pattern)) return undefined;
  const parts = splitAction(pattern);
  if (!parts || hasWildcard(parts.service) || !serviceExists(parts.service)) return undefined;
  return expandActionPattern(parts.service, parts.name).map((a) => `${parts.service.toLowerCase()}:${a.name}`);
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
export function denyOverlap(allow: Statement, deny: Statement): DenyOverlap | undefined {
  if (!isEffect(allow, 'Allow') || !isEffect(deny, 'Deny') || !comparable(allow) || !comparable(deny)) return undefined;
  if (!principalsCovered(allow, deny)) return undefined;
  const resources = compareSets(resourceSet(allow), resourceSet(deny), RESOURCE_OPTIONS);
  if (resources.coverage === 'none') return undefined;
  const actions = compareSets(actionSet(allow), actionSet(deny), ACTION_OPTIONS);
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
  const denies = doc.statements.filter((s) => isEffect(s, 'Deny'));
  for (const allow of doc.statements) {
    if (!isEffect(allow, 'Allow')) continue;
    for (const deny of denies) {
      const o = denyOverlap(allow, deny);
      if (o) out.push(o);
    }
  }
  return out;
}

/** `"DenyDeletes"` by its Sid, else its position, 1-based as people count: read after the word
 *  "statement" (`Deny statement "DenyDeletes"`, `Deny statement 2`). */
export function statementLabel(s: Statement): string {
  return typeof s.sid?.value === 'string' && s.sid.value ? `"${s.sid.value}"` : `${s.index + 1}`;
}
