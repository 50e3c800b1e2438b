// Per-statement analysis with a cache, so that editing one statement of a large document re-runs
// the statement-scoped rules on that statement only (the document-level rules still see the whole
// document). A statement-scoped rule (`scope: 'statement'` in its metadata) is one whose findings
// on a document are exactly the union of its findings on each statement analysed alone
// (test/unit/statementScope.test.ts proves it on the real-world corpus). Its findings on a
// statement are then a function of:
// - the statement's source text, and the text before it on its line (fixes indent from it);
// - the document's kind (identity or resource), Version, line break and indentation unit;
// - for a policy embedded in a template, the tree the host built (values are normalised from the
//   template: masks, stand-in ARNs, `Ref`/`GetAtt` with the types of the resources they name);
// - the rule settings and which rules run.
// All of it is in the cache key; the value holds the findings with every offset relative to the
// statement's start. A finding reaching outside its statement (a fix that also edits the comma
// before it, an internal error at offset 0) is not cached: that statement is analysed again next
// time. Keys are detached copies (memo.ts): a slice of the document would keep every analysed
// version of it alive.
import { Node } from 'jsonc-parser';
import { detach } from '../memo';
import { hostFacts, PolicyDocument, Statement } from '../parse/policyModel';
import { policyContext, shareContext } from '../policyContext';
import { indentUnit, lineBreak } from '../fixes/edits';
import { Rule } from '../rules/rule';
import { AnalyzeOptions, Finding, OffsetRange } from '../types';

/** The document a statement-scoped rule sees when it judges one statement alone: the same
 *  document with that statement only, numbered 0 (its place must not change what is found). */
export function statementView(doc: PolicyDocument, s: Statement): PolicyDocument {
  const view = { ...doc, statements: [s.index === 0 ? s : { ...s, index: 0 }] };
  shareContext(view, doc);
  return view;
}

/** A finding as cached: offsets relative to its statement's start. */
type Cached = Finding;

interface Entry {
  findings: Cached[];
  /** Approximate size in characters (key and messages), for the bound. */
  size: number;
}

/** A bounded least-recently-used map from statement keys to their findings. */
export class StatementCache {
  private readonly map = new Map<string, Entry>();
  private chars = 0;
  /** Off: every statement is analysed (tests compare both ways). */
  enabled = true;
  hits = 0;
  misses = 0;

  constructor(private readonly maxEntries = 100_000, private readonly maxChars = 24_000_000) {}

  get(key: string): Cached[] | undefined {
    const entry = this.map.get(key);
    if (!entry) return undefined;
    // Least recently used first in the map's order: a hit moves to the end.
    this.map.delete(key);
    this.map.set(key, entry);
    return entry.findings;
  }

  set(key: string, findings: Cached[]): void {
    const own = detach(key);
    let size = own.length + 64;
    for (const f of findings) size += f.message.length + 64 + (f.fixes?.length ?? 0) * 64;
    const old = this.map.get(own);
    if (old) {
      this.chars -= old.size;
      this.map.delete(own);
    }
    this.map.set(own, { findings, size });
    this.chars += size;
    while (this.map.size > this.maxEntries || this.chars > this.maxChars) {
      const oldest = this.map.keys().next();
      if (oldest.done) break;
      this.chars -= this.map.get(oldest.value)!.size;
      this.map.delete(oldest.value);
    }
  }

  clear(): void {
    this.map.clear();
    this.chars = 0;
    this.hits = 0;
    this.misses = 0;
  }

  get size(): number {
    return this.map.size;
  }
}

/** The engine's one cache (per process: the AWS reference data and the Connect table are fixed
 *  for its lifetime; call `clear()` if they ever change). */
export const statementCache = new StatementCache();

const MAX_DEPTH = 64;

/** What a host's tree says about a statement beyond its text (masked values, stand-in ARNs,
 *  intrinsic functions and the types of the resources they name), relative to `base`. Plain JSON
 *  policies need none: their tree is a function of their text. */
export function treeFacts(node: Node, base: number, doc: PolicyDocument, out: string[], depth: number): void {
  if (depth > MAX_DEPTH) {
    out.push('…');
    return;
  }
  const f = hostFacts(node);
  out.push(node.type, String(node.offset - base), String(node.length));
  if (f.contentStart !== undefined) out.push('c', String(f.contentStart - base));
  if (f.unknown) out.push('u');
  if (f.synthetic) out.push('s');
  if (f.masked) out.push('m');
  if (f.intrinsic) {
    const { fn, arg, range } = f.intrinsic;
    out.push('i', fn, arg ?? '', String(range.start - base), String(range.end - base), arg ? doc.embedded?.resourceTypes.get(arg) ?? '' : '');
  }
  if (node.type === 'string' || node.type === 'number' || node.type === 'boolean') out.push(JSON.stringify(node.value));
  if (node.children) {
    out.push('(');
    for (const c of node.children) treeFacts(c, base, doc, out, depth + 1);
    out.push(')');
  }
}

/** Contexts by a short number, so that each statement key carries a few digits instead of the
 *  whole context (a template has thousands of small policies, each its own analysis). */
const contextIds = new Map<string, number>();
let nextContextId = 0;

/** What every statement key of this analysis shares, as a short id. */
function contextKey(doc: PolicyDocument, rules: readonly Rule[], options: AnalyzeOptions): string {
  const full = contextText(doc, rules, options);
  let id = contextIds.get(full);
  if (id === undefined) {
    // Ids are never reused: after a clear, old entries of the statement cache simply stop matching.
    if (contextIds.size >= 1000) contextIds.clear();
    id = nextContextId++;
    contextIds.set(detach(full), id);
  }
  return String(id);
}

function contextText(doc: PolicyDocument, rules: readonly Rule[], options: AnalyzeOptions): string {
  return [
    doc.kind,
    doc.version ? JSON.stringify(doc.version.value) : '-',
    JSON.stringify(lineBreak(doc.text)),
    JSON.stringify(indentUnit(doc.text)),
    doc.embedded ? doc.embedded.syntax : 'policy',
    doc.statementProperty?.value?.type ?? '-',
    JSON.stringify(policyContext(doc)),
    rules.map((r) => r.id).join(','),
    JSON.stringify(options.rules ?? {}),
  ].join('\u0001');
}

export function lineStart(text: string, offset: number): number {
  let i = offset;
  while (i > 0 && offset - i < 10_000 && text[i - 1] !== '\n' && text[i - 1] !== '\r') i--;
  return i;
}

const within = (r: OffsetRange, start: number, end: number) => r.start >= start && r.end <= end;

/** Every offset of a finding moved by `delta` (a new object: cached findings are shared). */
export function shifted(f: Finding, delta: number): Finding {
  const move = (r: OffsetRange): OffsetRange => ({ start: r.start + delta, end: r.end + delta });
  const out: Finding = { ...f, range: move(f.range) };
  if (f.related) out.related = f.related.map((r) => ({ ...r, range: move(r.range) }));
  if (f.fixes) out.fixes = f.fixes.map((x) => ({ ...x, edits: x.edits.map((e) => ({ ...e, range: move(e.range) })) }));
  return out;
}

/** Does every offset of the finding stay inside [start, end]? */
export function staysInside(f: Finding, start: number, end: number): boolean {
  if (!within(f.range, start, end)) return false;
  if (f.related?.some((r) => !within(r.range, start, end))) return false;
  return !f.fixes?.some((x) => x.edits.some((e) => !within(e.range, start, end)));
}

/**
 * Run the statement-scoped `rules` over each statement of `doc`, from the cache where the
 * statement was seen before. `run(view)` runs the rules on a one-statement document and returns
 * their findings (in rule order); `emit` receives each finding with the index (in `rules`) of the
 * rule that produced it, so the caller can order findings exactly as a whole-document run would.
 */
export function analyzeStatements(
  doc: PolicyDocument,
  rules: readonly Rule[],
  options: AnalyzeOptions,
  run: (view: PolicyDocument) => Finding[],
  cache: StatementCache = statementCache,
): Finding[] {
  const out: Finding[] = [];
  if (rules.length === 0) return out;
  if (!cache.enabled) {
    for (const s of doc.statements) out.push(...run(statementView(doc, s)));
    return out;
  }
  const text = doc.text;
  const context = contextKey(doc, rules, options);
  for (const s of doc.statements) {
    const start = s.node.offset;
    const end = start + s.node.length;
    const facts: string[] = [];
    if (doc.embedded) treeFacts(s.node, start, doc, facts, 0);
    const key = `${context}\u0002${text.slice(lineStart(text, start), start)}\u0002${facts.join('\u0003')}\u0002${text.slice(start, end)}`;
    const hit = cache.get(key);
    if (hit) {
      cache.hits++;
      for (const f of hit) out.push(shifted(f, start));
      continue;
    }
    cache.misses++;
    const found = run(statementView(doc, s));
    out.push(...found);
    if (found.every((f) => staysInside(f, start, end))) cache.set(key, found.map((f) => shifted(f, -start)));
  }
  return out;
}
