// Set algebra on the pattern lists of `Action`/`NotAction` and `Resource`/`NotResource`: how much
// of what an Allow names a Deny also names. Patterns are IAM wildcards; `Action` lists stand for
// the union of their patterns, `NotAction` lists for everything else. Kept free of statements and
// messages so the rule and the hover ask exactly the same question.
import { patternCovers, patternsIntersect, wildcardMatches } from '../../reference/wildcard';
import { variablesAsWildcards } from '../../reference/resourceMatch';
import { ObjectCache } from '../../objectCache';

/** `in`: the listed patterns (`Action`, `Resource`); `notIn`: everything but them (`NotAction`,
 *  `NotResource`). */
export interface PatternSet {
  kind: 'in' | 'notIn';
  patterns: string[];
}

export type Coverage = 'full' | 'part' | 'none';

export interface PatternVerdict {
  /** The Allow's pattern (or, for an Allow `notIn` set, a description of the overlap). */
  pattern: string;
  coverage: Coverage;
  /** For a wildcard resolved against the reference: the concrete names the Deny takes away, and
   *  how many the pattern stands for in all. */
  denied?: string[];
  total?: number;
  /** Why only part is covered: `denyExcept` = the Deny's Not-list takes some of it back;
   *  `bothExcept` = both statements use a Not-list (everything outside both overlaps). */
  reason?: 'denyExcept' | 'bothExcept';
}

export interface SetComparison {
  coverage: Coverage;
  /** What overlaps, one entry per Allow pattern that is (partly) covered. */
  overlaps: PatternVerdict[];
}

export interface CompareOptions {
  caseInsensitive: boolean;
  /** Concrete names a wildcard pattern stands for (actions from the reference), or undefined when
   *  the pattern cannot be expanded (unknown service, wildcard prefix, resources). */
  expand?: (pattern: string) => string[] | undefined;
  /** Text a policy variable may become at request time: `${aws:username}` can be anything, so
   *  for "may overlap" questions it counts as `*`. */
  loosen?: (pattern: string) => string;
  /** A key that two patterns must share to meet (an action's service prefix), or undefined when
   *  the pattern could meet anything (a wildcard in the prefix). Lets a Deny with hundreds of
   *  `NotAction` entries be compared with only the few of the same service. */
  bucketOf?: (pattern: string) => string | undefined;
  /** Verdicts already computed in this comparison run, by the Deny's candidate list and the
   *  Allow pattern: a policy repeats the same lists across many statements, and every (Allow,
   *  Deny) pair asks. */
  memo?: Map<string, Map<string, PatternVerdict>>;
}

/** Work done, for the scaling tests: they count comparisons rather than time them. */
export const patternWork = { verdicts: 0 };

/** The Deny's patterns grouped by bucket, so each Allow pattern meets only its candidates. */
interface DenyIndex {
  set: PatternSet;
  buckets: Map<string, string[]>;
  /** Patterns without a bucket: candidates for every Allow pattern. */
  open: string[];
  /** The candidate lists by bucket (`undefined`: the whole list), with the memo key of each. */
  lists: Map<string | undefined, { patterns: string[]; key: string }>;
}

function indexDeny(deny: PatternSet, opts: CompareOptions): DenyIndex {
  const buckets = new Map<string, string[]>();
  const open: string[] = [];
  for (const p of deny.patterns) {
    const b = opts.bucketOf?.(p);
    if (b === undefined) open.push(p);
    else {
      const list = buckets.get(b);
      if (list) list.push(p);
      else buckets.set(b, [p]);
    }
  }
  return { set: deny, buckets, open, lists: new Map() };
}

/** One index per Deny set and options, however many Allows meet it (the sets are cached per
 *  statement, see overlap.ts). */
const indexes = new ObjectCache<PatternSet, { opts: CompareOptions; index: DenyIndex }>();

function indexFor(deny: PatternSet, opts: CompareOptions): DenyIndex {
  const hit = indexes.get(deny);
  if (hit && hit.opts.bucketOf === opts.bucketOf) return hit.index;
  const index = indexDeny(deny, opts);
  indexes.set(deny, { opts, index });
  return index;
}

/** The Deny patterns an Allow pattern can meet, and a key naming that list (built once per
 *  bucket, so a memo lookup does not join the list again for every pattern). */
function candidateList(index: DenyIndex, pattern: string, opts: CompareOptions): { patterns: string[]; key: string } {
  const b = opts.bucketOf?.(pattern);
  let list = index.lists.get(b);
  if (!list) {
    let patterns: string[];
    if (b === undefined) patterns = index.set.patterns;
    else {
      const own = index.buckets.get(b);
      patterns = own ? (index.open.length ? [...own, ...index.open] : own) : index.open;
    }
    list = { patterns, key: `${index.set.kind}\u0000${patterns.join('\u0000')}` };
    index.lists.set(b, list);
  }
  return list;
}

const hasWild = (p: string) => p.includes('*') || p.includes('?');

const ALL = '*';

/** Is the string matched by some pattern of the list? */
function listMatches(patterns: string[], value: string, ci: boolean): boolean {
  return patterns.some((p) => wildcardMatches(p, value, ci));
}

/** One Allow pattern against the Deny's set (memoised when the options carry a memo). */
function comparePattern(a: string, index: DenyIndex, opts: CompareOptions): PatternVerdict {
  const list = candidateList(index, a, opts);
  if (!opts.memo) return computePattern(a, index.set.kind, list.patterns, opts);
  let byPattern = opts.memo.get(list.key);
  if (!byPattern) opts.memo.set(list.key, (byPattern = new Map()));
  let hit = byPattern.get(a);
  if (!hit) byPattern.set(a, (hit = computePattern(a, index.set.kind, list.patterns, opts)));
  return hit;
}

/** Membership in the union of `patterns`: a set lookup when every pattern is concrete or expands
 *  against the reference (the usual case, and what makes a wildcard Allow against many Denies
 *  cheap), else the patterns' matchers one by one. */
function unionMatcher(patterns: string[], opts: CompareOptions): (x: string) => boolean {
  const ci = opts.caseInsensitive;
  const names = new Set<string>();
  for (const p of patterns) {
    if (!hasWild(p)) names.add(ci ? p.toLowerCase() : p);
    else {
      const expanded = opts.expand?.(p);
      if (!expanded) return (x) => listMatches(patterns, x, ci);
      for (const e of expanded) names.add(ci ? e.toLowerCase() : e);
    }
  }
  return (x) => names.has(ci ? x.toLowerCase() : x);
}

function computePattern(a: string, kind: PatternSet['kind'], patterns: string[], opts: CompareOptions): PatternVerdict {
  patternWork.verdicts++;
  const ci = opts.caseInsensitive;
  const loose = opts.loosen ?? ((p: string) => p);
  const deny = { kind, patterns };
  // A concrete string is covered by, and meets, exactly the patterns that match it: a cached
  // matcher instead of the general pattern-against-pattern programme.
  const concrete = (p: string) => !hasWild(p) && loose(p) === p;
  const covers = (outer: string, inner: string) => (concrete(inner) ? wildcardMatches(outer, inner, ci) : patternCovers(outer, inner, ci));
  const meets = (x: string, y: string) => {
    if (concrete(y)) return wildcardMatches(loose(x), y, ci);
    if (concrete(x)) return wildcardMatches(loose(y), x, ci);
    return patternsIntersect(loose(x), loose(y), ci);
  };
  const textCovered = deny.kind === 'in'
    ? deny.patterns.some((d) => covers(d, a))
    : !deny.patterns.some((n) => meets(n, a));
  if (textCovered) return { pattern: a, coverage: 'full' };
  const expanded = opts.expand?.(a);
  if (expanded?.length) {
    const matched = unionMatcher(deny.patterns, opts);
    const inDeny = (x: string) => (deny.kind === 'in' ? matched(x) : !matched(x));
    const denied = expanded.filter(inDeny);
    const coverage: Coverage = denied.length === 0 ? 'none' : denied.length === expanded.length ? 'full' : 'part';
    return { pattern: a, coverage, denied, total: expanded.length };
  }
  const textMeets = deny.kind === 'in'
    ? deny.patterns.some((d) => meets(d, a))
    : !deny.patterns.some((n) => covers(n, a));
  const reason = textMeets && deny.kind === 'notIn' ? 'denyExcept' : undefined;
  return { pattern: a, coverage: textMeets ? 'part' : 'none', reason };
}

/** An Allow `notIn` set (everything but M) against the Deny's set. */
function compareComplement(allow: string[], deny: PatternSet, opts: CompareOptions): SetComparison {
  const ci = opts.caseInsensitive;
  const excepted = (p: string) => allow.some((m) => patternCovers(m, p, ci));
  if (deny.kind === 'in') {
    if (deny.patterns.some((d) => patternCovers(d, ALL, ci))) return { coverage: 'full', overlaps: [{ pattern: ALL, coverage: 'full' }] };
    // The Deny's patterns that the Allow's exceptions do not hold are granted and denied.
    const hit = deny.patterns.filter((d) => !excepted(d));
    return { coverage: hit.length ? 'part' : 'none', overlaps: hit.map((d) => ({ pattern: d, coverage: 'part' })) };
  }
  // Deny everything but N, Allow everything but M: the Allow is inside the Deny when N ⊆ M; two
  // complements of finite lists always overlap.
  const full = deny.patterns.every(excepted);
  return { coverage: full ? 'full' : 'part', overlaps: [{ pattern: ALL, coverage: full ? 'full' : 'part', reason: full ? undefined : 'bothExcept' }] };
}

/** How much of `allow` the set `deny` covers. */
export function compareSets(allow: PatternSet, deny: PatternSet, opts: CompareOptions): SetComparison {
  if (allow.kind === 'notIn') return compareComplement(allow.patterns, deny, opts);
  const index = indexFor(deny, opts);
  const verdicts = allow.patterns.map((a) => comparePattern(a, index, opts));
  const overlaps = verdicts.filter((v) => v.coverage !== 'none');
  const coverage: Coverage = overlaps.length === 0 ? 'none' : verdicts.every((v) => v.coverage === 'full') ? 'full' : 'part';
  return { coverage, overlaps };
}

/** ARNs compare case-sensitively; policy variables may become any text. */
export const RESOURCE_OPTIONS: CompareOptions = { caseInsensitive: false, loosen: variablesAsWildcards };
