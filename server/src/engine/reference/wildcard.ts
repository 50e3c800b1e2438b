// IAM wildcards: `*` matches any run of characters (including `/` and `:`), `?` exactly one.
// Matching a concrete string against a pattern uses the `wildcard-match` library; deciding
// whether two patterns can match a common string (a policy ARN against a resource type's ARN
// format, or an Allow's ARN against a Deny's) has no library, so it is the small DP below.
import wcmatch from 'wildcard-match';
import { parseArn } from './arn';
import { detach, StringMemo } from '../memo';

const matcherCache = new Map<string, (s: string) => boolean>();

/** Does `value` match the IAM wildcard `pattern`? Actions compare case-insensitively. */
export function wildcardMatches(pattern: string, value: string, caseInsensitive = false): boolean {
  // Fast paths: most patterns in real policies are plain names or `*`.
  if (pattern === '*') return true;
  if (!pattern.includes('*') && !pattern.includes('?')) {
    return pattern.length === value.length && (caseInsensitive ? pattern.toLowerCase() === value.toLowerCase() : pattern === value);
  }
  const key = (caseInsensitive ? 'i:' : 's:') + pattern;
  let matcher = matcherCache.get(key);
  if (!matcher) {
    matcher = wcmatch(pattern, { separator: false, flags: caseInsensitive ? 'i' : '' });
    if (matcherCache.size > 50_000) matcherCache.clear();
    matcherCache.set(key, matcher);
  }
  return matcher(value);
}

/** A pattern token. Wildcards from reference formats carry the characters they cannot stand for
 *  (`forbid`): a variable never spans an ARN field separator. */
type Token = { kind: 'lit'; ch: string } | { kind: 'one'; forbid?: string } | { kind: 'any'; forbid?: string };

/** Tokens of an IAM pattern (`*`, `?`, literal characters). */
export function patternTokens(pattern: string, caseInsensitive = false): Token[] {
  const out: Token[] = [];
  for (const ch of pattern) {
    if (ch === '*') out.push({ kind: 'any' });
    else if (ch === '?') out.push({ kind: 'one' });
    else out.push({ kind: 'lit', ch: caseInsensitive ? ch.toLowerCase() : ch });
  }
  return out;
}

/**
 * Tokens of a reference ARN format such as `arn:${Partition}:s3:::${BucketName}/${ObjectName}`:
 * each `${Var}` matches one or more characters, except that a variable in the partition, Region
 * or account field cannot contain `:` (so `arn:aws:s3:::b/*` does not match a format whose Region
 * and account are variables), and a bucket name cannot contain `/` (which keeps
 * `arn:aws:s3:::bucket/*`, the objects, from matching the bucket resource type).
 */
export function formatTokens(format: string): Token[] {
  const out: Token[] = [];
  const re = /\$\{([^}]*)\}/g;
  let last = 0;
  let colons = 0;
  const literal = (text: string) => {
    for (const ch of text) {
      if (ch === ':') colons++;
      out.push({ kind: 'lit', ch });
    }
  };
  for (let m = re.exec(format); m; m = re.exec(format)) {
    literal(format.slice(last, m.index));
    const forbid = (colons < 5 ? ':' : '') + (/bucket/i.test(m[1]) ? '/' : '');
    out.push({ kind: 'one', forbid }, { kind: 'any', forbid });
    last = m.index + m[0].length;
  }
  literal(format.slice(last));
  return out;
}

/** Can a wildcard token stand for the single token `t` (a literal, or another `?`)? */
function consumes(star: Token & { kind: 'any' | 'one' }, t: Token): boolean {
  if (t.kind === 'lit') return !star.forbid?.includes(t.ch);
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

/** Can some string match both token sequences? O(n·m) dynamic programme. */
export function tokensIntersect(a: Token[], b: Token[]): boolean {
  const n = a.length;
  const m = b.length;
  if ((n + 1) * (m + 1) > MAX_CELLS) return true;
  // dp[i][j]: a[i..] and b[j..] can match a common string. Filled from the end.
  let next = new Uint8Array(m + 1); // row i+1
  let row = new Uint8Array(m + 1); // row i
  for (let i = n; i >= 0; i--) {
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
    }
    [next, row] = [row, next];
  }
  return next[0] === 1;
}

/** The text before the first wildcard or `${` variable. */
function literalPrefix(text: string): string {
  let end = text.length;
  for (const marker of ['*', '?', '${']) {
    const i = text.indexOf(marker);
    if (i >= 0 && i < end) end = i;
  }
  return text.slice(0, end);
}

/** Cheap necessary condition: the literal beginnings of the two resource parts agree (one is a
 *  prefix of the other). Rejects most pattern/format pairs before the DP runs. */
function resourcePrefixesAgree(pattern: string, format: string): boolean {
  const a = parseArn(pattern);
  const b = parseArn(format);
  // Whole ARNs: compare the resource parts (the fields before them hold variables). Resource
  // parts on their own (callers that split the ARN already): compare them directly.
  if (!a !== !b) return true;
  const pa = literalPrefix(a ? a.resource.value : pattern);
  const pb = literalPrefix(b ? b.resource.value : format);
  return pa.startsWith(pb) || pb.startsWith(pa);
}

const formatTokenCache = new Map<string, Token[]>();

/** Reference formats are a few thousand strings: tokenise each once. */
function cachedFormatTokens(format: string): Token[] {
  let tokens = formatTokenCache.get(format);
  if (!tokens) {
    tokens = formatTokens(format);
    formatTokenCache.set(format, tokens);
  }
  return tokens;
}

/** Results per format, then per pattern: nested maps avoid building a long key string on every
 *  call (this is the hottest lookup of an analysis). */
const intersectCache = new Map<string, Map<string, boolean>>();
let intersectEntries = 0;

/** Can the policy pattern `pattern` match some ARN of the reference format `format`? */
export function patternMatchesFormat(pattern: string, format: string): boolean {
  if (pattern.length * format.length > MAX_CELLS) return true;
  let byPattern = intersectCache.get(format);
  if (!byPattern) {
    byPattern = new Map();
    intersectCache.set(format, byPattern);
  }
  let hit = byPattern.get(pattern);
  if (hit === undefined) {
    hit = resourcePrefixesAgree(pattern, format) && tokensIntersect(patternTokens(pattern), cachedFormatTokens(format));
    if (++intersectEntries > 200_000) {
      intersectCache.clear(); // bounded memory
      intersectEntries = 0;
    }
    byPattern.set(detach(pattern), hit); // see memo.ts: never keep the document alive
  }
  return hit;
}

/** Can two policy patterns match a common string? */
export function patternsIntersect(a: string, b: string, caseInsensitive = false): boolean {
  if (a.length * b.length > MAX_CELLS) return true;
  return memo(`${caseInsensitive ? 'i' : 's'}\u0001${a}\u0000${b}`, () => tokensIntersect(patternTokens(a, caseInsensitive), patternTokens(b, caseInsensitive)));
}

const memoCache = new StringMemo<boolean>(200_000);

/** Memoise a pure pattern comparison: the same pairs recur across statements and keystrokes. */
function memo(key: string, compute: () => boolean): boolean {
  return memoCache.getOrCompute(key, compute);
}

/** Does every string matched by `inner` also match `outer`? Exact for the cases policies use:
 *  `outer` made of literals and `*`, `inner` literals, `*` and `?`. */
export function patternCovers(outer: string, inner: string, caseInsensitive = false): boolean {
  if (outer === '*' || outer === inner) return true;
  return memo(`${caseInsensitive ? 'I' : 'S'}\u0001${outer}\u0000${inner}`, () => coversUncached(outer, inner, caseInsensitive));
}

function coversUncached(outer: string, inner: string, caseInsensitive: boolean): boolean {
  // Treat inner's wildcards as literal marker characters that only outer's wildcards can absorb:
  // `*` in inner must be absorbed by a `*` in outer; `?` by `?` or `*`.
  const o = caseInsensitive ? outer.toLowerCase() : outer;
  const i = caseInsensitive ? inner.toLowerCase() : inner;
  const n = o.length;
  const m = i.length;
  // Too large to decide cheaply: "not covered" is the answer that cannot invent an override.
  if ((n + 1) * (m + 1) > MAX_CELLS) return outer === '*';
  let next = new Uint8Array(m + 1);
  let row = new Uint8Array(m + 1);
  for (let x = n; x >= 0; x--) {
    for (let y = m; y >= 0; y--) {
      let ok = false;
      if (x === n) ok = y === m;
      else if (o[x] === '*') ok = next[y] === 1 || (y < m && row[y + 1] === 1);
      else if (y < m) {
        const ci = i[y];
        if (o[x] === '?') ok = ci !== '*' && next[y + 1] === 1;
        else ok = ci !== '*' && ci !== '?' && ci === o[x] && next[y + 1] === 1;
      }
      row[y] = ok ? 1 : 0;
    }
    [next, row] = [row, next];
  }
  return next[0] === 1;
}
