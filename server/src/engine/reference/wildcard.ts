// IAM wildcards: `*` matches any run of characters (including `/` and `:`), `?` exactly one.
// Matching a concrete string against a pattern uses the `wildcard-match` library; deciding
// whether two patterns can match a common string (a policy ARN against a resource type's ARN
// format, or an Allow's ARN against a Deny's) has no library, so it is the small DP below.
//
// Resource ARNs have their own documented rules (IAM User Guide, "IAM JSON policy elements:
// Resource", section "Using wildcards in resource ARNs",
// https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_resource.html):
// `*` and `?` are used within the segments of an ARN (the parts separated by colons), `*` for
// any combination of characters and `?` for any single character, and "if the `*` wildcard is
// the last character of a resource ARN segment, it can expand to match beyond the colon
// boundaries". So `arn:aws:logs:*:*:/aws-glue/*` matches
// `arn:aws:logs:us-east-1:111122223333:log-group:/aws-glue/jobs`: the account's `*` spans
// `111122223333:log-group`. `resourcePatternTokens` and `wholeArnMatches` encode that.
import wcmatch from 'wildcard-match';
import { ParsedArn, parseArn } from './arn';
import { PairMemo, StringMemo } from '../memo';
import { ESCAPED_CHARACTERS } from './variables';

/** Compiled matchers by pattern. A matcher keeps its pattern (and so, were the pattern a slice of
 *  the document, the whole document): compiled from the memo's detached copy only. */
const matchersCi = new StringMemo<(s: string) => boolean>(50_000);
const matchersCs = new StringMemo<(s: string) => boolean>(50_000);

/** Does `value` match the IAM wildcard `pattern`? Actions compare case-insensitively. */
export function wildcardMatches(pattern: string, value: string, caseInsensitive = false): boolean {
  // Fast paths: most patterns in real policies are plain names or `*`.
  if (pattern === '*') return true;
  if (!pattern.includes('*') && !pattern.includes('?')) {
    return pattern.length === value.length && (caseInsensitive ? pattern.toLowerCase() === value.toLowerCase() : pattern === value);
  }
  // One memo per case mode, keyed by the pattern itself (no key string to build per call).
  const matcher = caseInsensitive
    ? matchersCi.getOrCompute(pattern, (own) => wcmatch(own, { separator: false, flags: 'i' }))
    : matchersCs.getOrCompute(pattern, (own) => wcmatch(own, { separator: false, flags: '' }));
  return matcher(value);
}

/** A pattern token. Wildcards carry the characters they cannot stand for (`forbid`): a format's
 *  variable never spans an ARN field separator, a policy's `*` inside a segment never spans a
 *  colon. A literal marked `sep` is matched by a literal of the other side only, never by a
 *  wildcard or variable (the colons of a shifted resource part, see `wholeArnMatches`). */
type Token = { kind: 'lit'; ch: string; sep?: boolean } | { kind: 'one'; forbid?: string } | { kind: 'any'; forbid?: string };

// Tokens are never changed once made, so each distinct token is made once and shared: tokenising
// a pattern allocates its array only (the tokenisers run for every pattern/format pair a policy
// meets, and their garbage was a good part of a cold run's collection time).
const MAX_SHARED_LITERALS = 10_000;
const literals = new Map<string, Token>();
const separators = new Map<string, Token>();
const wildcards = new Map<string, Token>();

/** The literal token of `ch`; `sep`: matched by a literal of the other side only. */
function lit(ch: string, sep?: boolean): Token {
  const table = sep ? separators : literals;
  let t = table.get(ch);
  if (!t) {
    t = sep ? { kind: 'lit', ch, sep: true } : { kind: 'lit', ch };
    // Bounded: a document full of distinct rare characters gets fresh tokens past this.
    if (table.size < MAX_SHARED_LITERALS) table.set(ch, t);
  }
  return t;
}

/** The wildcard token of `kind` that cannot stand for the characters of `forbid`. */
function wild(kind: 'any' | 'one', forbid?: string): Token {
  const key = `${kind}${forbid ?? ''}`;
  let t = wildcards.get(key);
  if (!t) wildcards.set(key, (t = (forbid ? { kind, forbid } : { kind }) as Token));
  return t;
}

/** Tokens of an IAM pattern (`*`, `?`, literal characters). */
export function patternTokens(pattern: string, caseInsensitive = false): Token[] {
  const out: Token[] = [];
  for (const ch of pattern) {
    if (ch === '*') out.push(wild('any'));
    else if (ch === '?') out.push(wild('one'));
    else out.push(lit(caseInsensitive ? ch.toLowerCase() : ch));
  }
  return out;
}


export interface ResourceTokenOptions {
  /** Colons of the ARN before this text: below 5, the text is in the partition, service, Region
   *  or account field (default 5: a resource part, or a field on its own). */
  colonsBefore?: number;
  /** Every colon must meet a literal colon of the other side, never a format variable. */
  literalColons?: boolean;
}

/**
 * Tokens of (part of) a policy Resource pattern, with IAM's documented semantics (see the top of
 * the file):
 * - a `*` that is the last character of a colon-separated segment (before a `:` or at the end)
 *   matches any run of characters, colons included; any other `*` matches a run within its
 *   segment (no `:`); `?` matches one character other than `:`;
 * - a policy variable (`${aws:username}`) is replaced by a value at request time: any text, but
 *   without `:` in the partition, service, Region and account fields; `${*}`, `${?}` and `${$}`
 *   are the literal characters.
 * Bounded: one pass over the text.
 */
export function resourcePatternTokens(text: string, options: ResourceTokenOptions = {}): Token[] {
  const out: Token[] = [];
  let colons = options.colonsBefore ?? 5;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (ch === '$' && text[i + 1] === '{') {
      const close = text.indexOf('}', i + 2);
      if (close > 0) {
        const escaped = ESCAPED_CHARACTERS[text.slice(i, close + 1)];
        out.push(escaped ? lit(escaped) : wild('any', colons < 5 ? ':' : undefined));
        i = close;
        continue;
      }
    }
    if (ch === '*') {
      const next = text[i + 1];
      out.push(wild('any', next === undefined || next === ':' ? undefined : ':'));
    } else if (ch === '?') {
      out.push(wild('one', ':'));
    } else if (ch === ':') {
      out.push(lit(ch, options.literalColons));
      colons++;
    } else {
      out.push(lit(ch));
    }
  }
  return out;
}

/** Services whose AWS-owned resources have ARNs with an empty account field although their
 *  reference format has `${Account}`: SSM (AWS-owned documents, public parameters) and Resource
 *  Explorer (AWS-managed views). */
const AWS_OWNED_WITHOUT_ACCOUNT: ReadonlySet<string> = new Set(['ssm', 'resource-explorer-2']);

/** May an ARN of this service leave its account empty although the format has one? */
export function accountMayBeEmpty(service: string): boolean {
  return AWS_OWNED_WITHOUT_ACCOUNT.has(service);
}

/**
 * Tokens of (part of) a reference ARN format such as
 * `arn:${Partition}:s3:::${BucketName}/${ObjectName}`: each `${Var}` matches one or more
 * characters (the account zero or more), except that a variable in the partition, Region or
 * account field cannot contain `:` (so `arn:aws:s3:::b/*` does not match a format whose Region
 * and account are variables), and a bucket name cannot contain `/` (which keeps
 * `arn:aws:s3:::bucket/*`, the objects, from matching the bucket resource type). A variable of
 * the resource part may contain `:` (Lambda's `function:${FunctionName}` covers `function:f:prod`).
 * `colonsBefore`: colons of the format before this text (0 for a whole format).
 */
export function formatTokens(format: string, colonsBefore = 0): Token[] {
  const out: Token[] = [];
  const re = /\$\{([^}]*)\}/g;
  let last = 0;
  let colons = colonsBefore;
  const literal = (text: string) => {
    for (const ch of text) {
      if (ch === ':') colons++;
      // A `*` in a field before the resource means any value (Backup's recovery points are
      // `arn:${Partition}:${Vendor}:${Region}:*:…`); in the resource part it is kept literal:
      // Connect's wildcard resource types are authorized on the text `…/queue/*` itself.
      if (ch === '*' && colons < 5) out.push(wild('any', ':'));
      else out.push(lit(ch));
    }
  };
  for (let m = re.exec(format); m; m = re.exec(format)) {
    literal(format.slice(last, m.index));
    const forbid = (colons < 5 ? ':' : '') + (/bucket/i.test(m[1]) ? '/' : '');
    // The account may be empty where the service has AWS-owned resources named without one even
    // though the format shows `${Account}` (SSM documents `arn:aws:ssm:*::document/AWS-RunShellScript`,
    // public parameters, Resource Explorer's AWS-managed views). Elsewhere (an IAM role, an SQS
    // queue) an ARN without its account names nothing.
    if (colons === 4 && accountMayBeEmpty(format.split(':')[2] ?? '')) out.push(wild('any', forbid));
    else out.push(wild('one', forbid), wild('any', forbid));
    last = m.index + m[0].length;
  }
  literal(format.slice(last));
  return out;
}

/** Can a wildcard token stand for the single token `t` (a literal, or another `?`)? A policy
 *  ARN's field separator is matched by a literal colon only. */
function consumes(star: Token & { kind: 'any' | 'one' }, t: Token): boolean {
  if (t.kind === 'lit') return !t.sep && !star.forbid?.includes(t.ch);
  return t.kind === 'one';
}

function singleMatch(a: Token, b: Token): boolean {
  if (a.kind === 'one') return consumes(a, b);
  if (b.kind === 'one') return consumes(b, a);
  return a.kind === 'lit' && b.kind === 'lit' && a.ch === b.ch;
}

/** Past this many DP cells (e.g. a 2 MB string in a Resource) the answer is assumed to be "yes":
 *  real ARNs are at most a few thousand characters. For the reference checks "matches" can only
 *  silence a finding; for overlap checks it can at most add an information-level one. */
const MAX_CELLS = 4_000_000;

/** The two rows of `tokensIntersect` for formats of up to this many tokens (longer: fresh). */
const MAX_SCRATCH = 4096;
const scratchNext = new Uint8Array(MAX_SCRATCH);
const scratchRow = new Uint8Array(MAX_SCRATCH);

/** Can some string match both token sequences? O(n·m) dynamic programme. */
export function tokensIntersect(a: Token[], b: Token[]): boolean {
  const n = a.length;
  const m = b.length;
  if ((n + 1) * (m + 1) > MAX_CELLS) return true;
  // dp[i][j]: a[i..] and b[j..] can match a common string. Filled from the end. Every cell of a
  // row is written before it is read (row i = n reads no row i+1), so the rows need no clearing
  // and short ones are the same two scratch arrays for every call (tens of thousands on a run).
  const shared = m + 1 <= MAX_SCRATCH;
  let next = shared ? scratchNext : new Uint8Array(m + 1); // row i+1
  let row = shared ? scratchRow : new Uint8Array(m + 1); // row i
  for (let i = n; i >= 0; i--) {
    let alive = false;
    for (let j = m; j >= 0; j--) {
      let ok = false;
      const ta = a[i];
      const tb = b[j];
      if (i === n && j === m) ok = true;
      else {
        if (ta?.kind === 'any') {
          ok = next[j] === 1 || (tb !== undefined && tb.kind !== 'any' && consumes(ta, tb) && row[j + 1] === 1);
        }
        if (!ok && tb?.kind === 'any') {
          ok = row[j + 1] === 1 || (ta !== undefined && ta.kind !== 'any' && consumes(tb, ta) && next[j] === 1);
        }
        if (!ok && ta && tb && ta.kind !== 'any' && tb.kind !== 'any') {
          ok = singleMatch(ta, tb) && next[j + 1] === 1;
        }
      }
      row[j] = ok ? 1 : 0;
      if (ok) alive = true;
    }
    // A row of zeros is final: a cell reads the row below and its right neighbour only, and the
    // last cell of a row above reads nothing but the row below, so every row above is zeros too.
    if (!alive) return false;
    // Swapped through a local, not a destructuring (which may allocate an array per row).
    const done = row;
    row = next;
    next = done;
  }
  return next[0] === 1;
}

/** Does the literal text of `text` end at `i` (a wildcard or a `${` variable starts there)? */
function literalEndsAt(text: string, i: number): boolean {
  const c = text.charCodeAt(i);
  return c === 42 /* * */ || c === 63 /* ? */ || (c === 36 /* $ */ && text.charCodeAt(i + 1) === 123 /* { */);
}

/** Cheap necessary condition: the literal beginnings of two texts (before the first wildcard or
 *  `${` variable) agree, one being a prefix of the other. Rejects most pattern/format pairs before
 *  the DP runs; compares in place (this runs for every pair a policy meets). */
function prefixesAgree(pattern: string, format: string, from = 0, formatFrom = 0): boolean {
  // From `from` in the pattern and `formatFrom` in the format: a part compared in place.
  const n = Math.min(pattern.length - from, format.length - formatFrom);
  for (let i = 0; i < n; i++) {
    if (literalEndsAt(pattern, from + i) || literalEndsAt(format, formatFrom + i)) return true;
    if (pattern.charCodeAt(from + i) !== format.charCodeAt(formatFrom + i)) return false;
  }
  return true;
}

const formatTokenCache = new StringMemo<Token[]>();

/** Reference formats are a few thousand strings (and their splits, below): tokenise each once. */
function cachedFormatTokens(format: string, colonsBefore: number): Token[] {
  return formatTokenCache.getOrCompute(`${colonsBefore}|${format}`, (own) => formatTokens(own.slice(own.indexOf('|') + 1), colonsBefore));
}

/** Does the pattern, cut at its fifth colon into fields and resource part, match the format cut
 *  at `cut` (the index of the colon the pattern's fifth colon lands on)? The two halves are then
 *  independent: fields against the text before the cut, resource part against the rest. */
function matchesAtCut(pattern: string, patternCut: number, format: string, cut: number, shifted: boolean): boolean {
  // Compared in place first: most cuts are rejected there, before any part is sliced out.
  if (!prefixesAgree(pattern, format, patternCut + 1, cut + 1)) return false;
  const resource = pattern.slice(patternCut + 1);
  const formatRest = format.slice(cut + 1);
  // After a shift the pattern's resource part sits inside the format's resource part, so its
  // colons must meet the format's own colons (`secret:${SecretId}` holds no second colon).
  const restColons = shifted ? 6 : 5;
  return fieldsIntersect(pattern.slice(0, patternCut), format.slice(0, cut))
    && tokensIntersect(resourcePatternTokens(resource, { literalColons: shifted }), cachedFormatTokens(formatRest, restColons));
}

/** The fields of a pattern (`arn:aws:s3:*:*`) against those of a format: few distinct pairs
 *  (a service's formats share their fields), so memoised. */
const fieldsCache = new PairMemo<boolean>(50_000);
function fieldsIntersect(patternFields: string, formatFields: string): boolean {
  return fieldsCache.getOrCompute(formatFields, patternFields, (f, p) => tokensIntersect(resourcePatternTokens(p, { colonsBefore: 0 }), cachedFormatTokens(f, 0)));
}

/** Does a field before the resource part end in `*` (which may then span colons)? */
const fieldSpansColons = (p: ParsedArn) => p.partition.value.endsWith('*') || p.service.value.endsWith('*') || p.region.value.endsWith('*') || p.account.value.endsWith('*');

/** A literal field: no wildcard, no variable. */
const isLiteralField = (value: string) => !value.includes('*') && !value.includes('?') && !value.includes('${');

/**
 * A quick "no" for a whole policy ARN against a whole format, exactly where `wholeArnMatches`
 * would say no: when no field of the pattern ends in `*`, the fields meet field by field (no
 * wildcard or variable of either side may then span a colon), so two different literal service
 * fields, or resource parts whose literal beginnings disagree, cannot match. It decides most
 * pairs (an ARN against every format of its service) without the memo or the DP.
 */
function surelyApart(p: ParsedArn, f: ParsedArn): boolean {
  if (fieldSpansColons(p)) return false;
  if (p.service.value !== f.service.value && isLiteralField(p.service.value) && isLiteralField(f.service.value)) return true;
  return !prefixesAgree(p.resource.value, f.resource.value);
}

/**
 * Can a whole policy ARN match some ARN of a whole reference format? Normally the pattern's five
 * field separators meet the format's. But a `*` ending one of the pattern's first four fields
 * spans colons (IAM User Guide, see the top of the file), so `arn:aws:logs:*:*:/aws-glue/*`
 * meets `arn:${Partition}:logs:${Region}:${Account}:log-group:${LogGroupName}` with its fifth
 * colon on the one after `log-group`: the account's `*` covers `111122223333:log-group`. Such a
 * shift is tried only onto a colon after a literal resource word (`log-group:`, `secret:`,
 * `alarm:`), never onto one after a variable (`task-definition/${Family}:${Revision}`): the
 * pattern's resource part would then have to be a revision number or an ID.
 */
function wholeArnMatches(pattern: string, p: ParsedArn, format: string, f: ParsedArn): boolean {
  const patternCut = p.resource.start - 1;
  if (matchesAtCut(pattern, patternCut, format, f.resource.start - 1, false)) return true;
  if (!fieldSpansColons(p)) return false;
  const resource = f.resource.value;
  const firstVariable = resource.includes('${') ? resource.indexOf('${') : resource.length;
  for (let i = resource.indexOf(':'); i >= 0 && i < firstVariable; i = resource.indexOf(':', i + 1)) {
    if (matchesAtCut(pattern, patternCut, format, f.resource.start + i, true)) return true;
  }
  return false;
}

/** Work done, for the scaling tests: they count comparisons rather than time them. */
export const matchWork = { formatComparisons: 0, intersections: 0 };

/** Results per format, then per pattern: nested maps avoid building a long key string on every
 *  call (this is the hottest lookup of an analysis). */
const intersectCache = new PairMemo<boolean>(200_000);

/** Can the policy Resource pattern `pattern` (wildcards and policy variables allowed, IAM's
 *  Resource semantics: see `resourcePatternTokens`) match some ARN of the reference format
 *  `format`? Also for a resource part or one field against the same part of a format. */
export function patternMatchesFormat(pattern: string, format: string): boolean {
  matchWork.formatComparisons++;
  if (pattern.length * format.length > MAX_CELLS) return true;
  // The memo first: most calls repeat a pair, and a hit then parses neither ARN.
  return intersectCache.getOrCompute(format, pattern, patternMatchesFormatUncached);
}

/** `patternMatchesFormat` without its memo, for callers that memoise their own answers and so
 *  ask each pair once (a pattern against every format of its service): their pairs would only
 *  fill the memo (about 40k entries on the AWS managed policies, nearly all used once). */
export function patternMatchesFormatOnce(pattern: string, format: string): boolean {
  matchWork.formatComparisons++;
  if (pattern.length * format.length > MAX_CELLS) return true;
  return patternMatchesFormatUncached(format, pattern);
}

function patternMatchesFormatUncached(format: string, pattern: string): boolean {
  const p = parseArn(pattern);
  const f = parseArn(format);
  if (p && f) return !surelyApart(p, f) && wholeArnMatches(pattern, p, format, f);
  // A part against a part (callers that split the ARN already) is compared from its start;
  // `*` or a short `arn:aws:*` against a whole format only by the DP.
  const whole = (text: string) => (text.startsWith('arn:') ? 0 : 5);
  return (!p !== !f || prefixesAgree(pattern, format))
    && tokensIntersect(resourcePatternTokens(pattern, { colonsBefore: whole(pattern) }), cachedFormatTokens(format, whole(format)));
}

/** Does the policy Resource pattern match this concrete ARN (IAM's Resource semantics)? */
export function resourcePatternMatches(pattern: string, arn: string): boolean {
  if (pattern.length * arn.length > MAX_CELLS) return true;
  const literal: Token[] = [...arn].map((ch) => lit(ch));
  return tokensIntersect(resourcePatternTokens(pattern, { colonsBefore: pattern.startsWith('arn:') ? 0 : 5 }), literal);
}

/** Can two policy patterns match a common string? */
export function patternsIntersect(a: string, b: string, caseInsensitive = false): boolean {
  matchWork.intersections++;
  if (a.length * b.length > MAX_CELLS) return true;
  const quick = starredIntersect(a, b, caseInsensitive);
  if (quick !== undefined) return quick;
  return (caseInsensitive ? intersectsCi : intersectsCs).getOrCompute(a, b, () => tokensIntersect(patternTokens(a, caseInsensitive), patternTokens(b, caseInsensitive)));
}

/** Work of the two-star shortcut, for the tests: pairs it answered. */
export const starredWork = { answered: 0 };

/**
 * `patternsIntersect` without the programme when both patterns hold a `*` (two action wildcards
 * of one service, the pairs a NotAction Deny meets): a common string exists exactly when the
 * heads (the text before each first `*`) agree character by character over the shorter one, and
 * the tails (after each last `*`) agree over the shorter one from the end, `?` agreeing with
 * anything. Such a string: the merged heads, every middle piece of both, the merged tails; each
 * pattern's stars absorb the other's pieces. Undefined (ask the programme) when a pattern has no
 * `*` or a character outside ASCII (whose lower case the tokens take per code point).
 */
function starredIntersect(a: string, b: string, caseInsensitive: boolean): boolean | undefined {
  const a0 = a.indexOf('*');
  const b0 = b.indexOf('*');
  if (a0 < 0 || b0 < 0 || !isAscii(a) || !isAscii(b)) return undefined;
  starredWork.answered++;
  const same = (x: number, y: number) => {
    if (x === 63 || y === 63) return true; // '?'
    if (caseInsensitive) {
      if (x >= 65 && x <= 90) x += 32;
      if (y >= 65 && y <= 90) y += 32;
    }
    return x === y;
  };
  for (let i = 0; i < a0 && i < b0; i++) if (!same(a.charCodeAt(i), b.charCodeAt(i))) return false;
  const aTail = a.length - 1 - a.lastIndexOf('*');
  const bTail = b.length - 1 - b.lastIndexOf('*');
  for (let i = 1; i <= aTail && i <= bTail; i++) if (!same(a.charCodeAt(a.length - i), b.charCodeAt(b.length - i))) return false;
  return true;
}

function isAscii(s: string): boolean {
  for (let i = 0; i < s.length; i++) if (s.charCodeAt(i) > 127) return false;
  return true;
}

// Bounded memos of pure comparisons of two strings (memo.ts: nested maps, keys detached).
const intersectsCi = new PairMemo<boolean>(100_000);
const intersectsCs = new PairMemo<boolean>(100_000);

/** Does every string matched by `inner` also match `outer`? Exact for the cases policies use:
 *  `outer` made of literals and `*`, `inner` literals, `*` and `?`. */
export function patternCovers(outer: string, inner: string, caseInsensitive = false): boolean {
  if (outer === '*' || outer === inner) return true;
  // A concrete inner is covered exactly when it matches outer: the compiled matcher (one per
  // pattern) instead of the programme for two patterns.
  if (!inner.includes('*') && !inner.includes('?')) return wildcardMatches(outer, inner, caseInsensitive);
  // Not memoised: the one-pass match costs less than a memo's lookup and entry.
  return covers(outer, inner, caseInsensitive);
}

/** Cheap necessary conditions of `covers`: outer's literal text before its first
 *  wildcard must begin inner, and its literal text after its last wildcard must end it (a
 *  literal of outer matches only the same literal of inner). Rejects most pairs of different
 *  ARNs without the character-by-character programme. */
function literalEndsAgree(o: string, i: string): boolean {
  let first = 0;
  while (first < o.length && o[first] !== '*' && o[first] !== '?') first++;
  if (first === o.length) return o === i; // no wildcard: only the same text
  if (!i.startsWith(o.slice(0, first))) return false;
  let last = o.length;
  while (last > 0 && o[last - 1] !== '*' && o[last - 1] !== '?') last--;
  const tail = o.slice(last);
  return i.length - tail.length >= first && i.endsWith(tail);
}

function covers(outer: string, inner: string, caseInsensitive: boolean): boolean {
  const o = caseInsensitive ? outer.toLowerCase() : outer;
  const i = caseInsensitive ? inner.toLowerCase() : inner;
  if (!literalEndsAgree(o, i)) return false;
  // Too large to decide cheaply: "not covered" is the answer that cannot invent an override.
  if ((o.length + 1) * (i.length + 1) > MAX_CELLS) return outer === '*';
  return globCovers(o, i);
}

/**
 * Does the glob `o` (`*` any run, `?` one character) match `i`, read with its own wildcards as
 * marker characters that only `o`'s wildcards can absorb (`*` of `i` by a `*` only, `?` by `?` or
 * `*`)? Every token of `o` but `*` stands for exactly one character, so the greedy two-pointer
 * match is exact: on a mismatch only the last `*` seen needs to take one more character (an
 * earlier `*` taking more could only be undone by the later one). O(n·m) at worst, one pass on
 * the patterns policies hold, and no table.
 */
function globCovers(o: string, i: string): boolean {
  const n = o.length;
  const m = i.length;
  let x = 0;
  let y = 0;
  let star = -1; // index in o of the last `*` met
  let resume = 0; // where in i that `*` stops absorbing
  while (y < m) {
    const p = x < n ? o.charCodeAt(x) : -1;
    const c = i.charCodeAt(y);
    if (p === 42 /* * */) {
      star = x++;
      resume = y;
    } else if (p >= 0 && c !== 42 && (p === 63 /* ? */ || (p === c && c !== 63))) {
      x++;
      y++;
    } else if (star >= 0) {
      x = star + 1;
      y = ++resume;
    } else {
      return false;
    }
  }
  while (x < n && o.charCodeAt(x) === 42) x++;
  return x === n;
}
