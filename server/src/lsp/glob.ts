// Glob matching for the `connectIam.files` setting, in time bounded by the pattern and path sizes.
//
// Why not picomatch (or minimatch, micromatch): they compile a glob to a backtracking regular
// expression. A workspace can ship `.vscode/settings.json` with an extglob such as
// `+(a|aa)+(a|aa)…` or simply `*a*a*a*a*a*a*a*b`, and matching it against one long file name then
// takes seconds to forever (22 s froze the server in issue 11). This matcher never backtracks
// more than one star per path segment (the classic greedy wildcard algorithm, O(pattern × name)
// per segment) and aligns `**` with path segments by dynamic programming (O(pattern segments ×
// path segments)). Extglobs are not supported: their characters match literally.
//
// Syntax: `*` any characters but `/`, `?` one character but `/`, `**` as a whole segment any
// number of segments, `[abc]`, `[a-z]`, `[!a]`/`[^a]` one character of a class, `{a,b}`
// alternatives (expanded; nested braces allowed), `\x` a literal x. Dot files match like any other.

/** Longest pattern accepted, and most alternatives its braces may expand to. */
export const MAX_PATTERN_LENGTH = 1000;
export const MAX_ALTERNATIVES = 64;

type Token = { kind: 'char'; c: string } | { kind: 'any' } | { kind: 'star' } | { kind: 'class'; negated: boolean; ranges: [string, string][] };
type Segment = Token[] | 'globstar';

export class GlobError extends Error {}

/** A matcher for `pattern`; throws GlobError for a pattern past the size bounds. */
export function compileGlob(pattern: string): (path: string) => boolean {
  if (pattern.length > MAX_PATTERN_LENGTH) throw new GlobError(`longer than ${MAX_PATTERN_LENGTH} characters`);
  const alternatives = expandBraces(pattern);
  const compiled = alternatives.map((p) => p.split('/').map(segmentOf));
  return (path) => {
    const parts = path.split('/');
    return compiled.some((segments) => matchSegments(segments, parts));
  };
}

/** `a{b,c{d,e}}f` → `abf`, `acdf`, `acef`; bounded by MAX_ALTERNATIVES. A brace without a comma
 *  or without its closer is literal. */
function expandBraces(pattern: string): string[] {
  const open = findBrace(pattern);
  if (!open) return [pattern];
  const { start, end, options } = open;
  const out: string[] = [];
  for (const option of options) {
    for (const rest of expandBraces(pattern.slice(0, start) + option + pattern.slice(end + 1))) {
      out.push(rest);
      if (out.length > MAX_ALTERNATIVES) throw new GlobError(`its braces expand to more than ${MAX_ALTERNATIVES} patterns`);
    }
  }
  return out;
}

/** The first `{…}` with a top-level comma: its offsets and its comma-separated options. */
function findBrace(p: string): { start: number; end: number; options: string[] } | undefined {
  for (let i = 0; i < p.length; i++) {
    if (p[i] === '\\') {
      i++;
      continue;
    }
    if (p[i] !== '{') continue;
    let depth = 0;
    const commas: number[] = [];
    for (let j = i; j < p.length; j++) {
      if (p[j] === '\\') {
        j++;
        continue;
      }
      if (p[j] === '{') depth++;
      else if (p[j] === '}' && --depth === 0) {
        if (!commas.length) break; // `{a}`: literal
        const bounds = [i, ...commas, j];
        return { start: i, end: j, options: bounds.slice(0, -1).map((b, k) => p.slice(b + 1, bounds[k + 1])) };
      } else if (p[j] === ',' && depth === 1) commas.push(j);
    }
  }
  return undefined;
}

function segmentOf(text: string): Segment {
  if (text === '**') return 'globstar';
  const tokens: Token[] = [];
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (c === '\\' && i + 1 < text.length) tokens.push({ kind: 'char', c: text[++i] });
    else if (c === '*') {
      if (tokens[tokens.length - 1]?.kind !== 'star') tokens.push({ kind: 'star' }); // `**` inside a segment is `*`
    } else if (c === '?') tokens.push({ kind: 'any' });
    else if (c === '[') {
      const cls = classAt(text, i);
      if (cls) {
        tokens.push(cls.token);
        i = cls.end;
      } else tokens.push({ kind: 'char', c });
    } else tokens.push({ kind: 'char', c });
  }
  return tokens;
}

/** `[…]` starting at `i`: the token and the offset of its `]`, or undefined when unclosed. */
function classAt(text: string, i: number): { token: Token; end: number } | undefined {
  let j = i + 1;
  const negated = text[j] === '!' || text[j] === '^';
  if (negated) j++;
  const ranges: [string, string][] = [];
  for (let first = true; j < text.length; first = false) {
    if (text[j] === ']' && !first) return { token: { kind: 'class', negated, ranges }, end: j };
    let lo = text[j];
    if (lo === '\\' && j + 1 < text.length) lo = text[++j];
    if (text[j + 1] === '-' && j + 2 < text.length && text[j + 2] !== ']') {
      ranges.push([lo, text[j + 2]]);
      j += 3;
    } else {
      ranges.push([lo, lo]);
      j++;
    }
  }
  return undefined;
}

function tokenMatches(t: Token, c: string): boolean {
  switch (t.kind) {
    case 'char':
      return t.c === c;
    case 'any':
      return true;
    case 'class':
      return t.ranges.some(([lo, hi]) => lo <= c && c <= hi) !== t.negated;
    case 'star':
      return false;
  }
}

/** One segment against one path part: greedy stars, resuming only from the last star. */
function matchSegment(tokens: Token[], s: string): boolean {
  let ti = 0;
  let si = 0;
  let starTi = -1;
  let starSi = 0;
  while (si < s.length) {
    const t = tokens[ti];
    if (t && t.kind === 'star') {
      starTi = ti++;
      starSi = si;
    } else if (t && tokenMatches(t, s[si])) {
      ti++;
      si++;
    } else if (starTi >= 0) {
      ti = starTi + 1;
      si = ++starSi;
    } else return false;
  }
  while (tokens[ti]?.kind === 'star') ti++;
  return ti === tokens.length;
}

/** Pattern segments against path parts, `**` matching any number of parts: match[i][j] = the
 *  first i segments match the first j parts, computed row by row. */
function matchSegments(segments: Segment[], parts: string[]): boolean {
  let prev = new Array<boolean>(parts.length + 1).fill(false);
  prev[0] = true;
  for (const seg of segments) {
    const row = new Array<boolean>(parts.length + 1).fill(false);
    for (let j = 0; j <= parts.length; j++) {
      if (seg === 'globstar') row[j] = prev[j] || (j > 0 && row[j - 1]);
      else row[j] = j > 0 && prev[j - 1] && matchSegment(seg, parts[j - 1]);
    }
    prev = row;
  }
  return prev[parts.length];
}
