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
// The cache is keyed by the statement (its text, and the host's tree facts: statementKey); each
// entry keeps the findings per context (the rest of the list, and the text before the statement
// on its line), with every offset relative to the statement's start. A finding reaching outside
// its statement (a fix that also edits the comma before it, an internal error at offset 0) is not
// cached: that statement is analysed again next time. The same entry holds the partial results of
// the document-level rules on the statement (statementPart), so an analysis looks each statement
// up once. Keys are detached copies (memo.ts): a slice of the document would keep every analysed
// version of it alive.
import { Node } from 'jsonc-parser';
import { detach } from '../memo';
import { hostFacts, PolicyDocument, Statement } from '../parse/policyModel';
import { policyContext, shareContext } from '../policyContext';
import { indentUnit, lineBreak } from '../fixes/edits';
import { sharedEnds } from '../parse/sharedEnds';
import { Rule } from '../rules/rule';
import { AnalyzeOptions, Finding, OffsetRange } from '../types';
import { ObjectCache } from '../objectCache';

/** The document a statement-scoped rule sees when it judges one statement alone: the same
 *  document with that statement only, numbered 0 (its place must not change what is found). */
export function statementView(doc: PolicyDocument, s: Statement): PolicyDocument {
  const view = { ...doc, statements: [s.index === 0 ? s : { ...s, index: 0 }] };
  shareContext(view, doc);
  return view;
}

/** A finding as cached: offsets relative to its statement's start. */
type Cached = Finding;

/** A statement's partial results of the document-level rules, by part name (statementPart). */
type Parts = Record<string, unknown>;

/** Most contexts a statement's findings are kept for (the same statement text in documents of
 *  different kinds, layouts or settings). */
const MAX_VARIANTS = 4;

/** A plain policy's statements as last looked up: its text, each statement's range and the
 *  entries found for them (filled as its analysis goes). Numbers and the text only: the policy
 *  model would keep the whole tree of that version alive. */
interface Version {
  text: string;
  starts: number[];
  lengths: number[];
  entries: (Entry | undefined)[];
}

/** A document's entries by statement index, and what it can take from the version before. */
interface Lookups {
  /** The cache's epoch when they were made (clear() starts a new one). */
  epoch: number;
  entries: (Entry | undefined)[];
  carry?: { from: Version; prefix: number; suffixStart: number; delta: number; shift: number };
}

/** What is kept for one statement key: the parts, and the findings per context. */
interface Entry {
  parts: Parts;
  variants: { context: string; findings: Cached[]; size: number }[];
  /** Approximate size in characters (key, contexts and messages), for the bound. */
  size: number;
  /** Used since the eviction last passed it (second-chance eviction). */
  used: boolean;
  /** Still in the map (an analysis may go on using an entry evicted meanwhile). */
  resident: boolean;
}

/**
 * A bounded map from statement keys (statementKey) to their findings (per context: the rest of
 * what the findings depend on, see analyzeStatements) and to the partial results of the
 * document-level rules (statementPart). One entry per statement, so an analysis looks each
 * statement up once. Eviction is least-recently-used by second chance: a hit only marks its entry,
 * and the eviction moves a marked entry to the back instead of dropping it (a hit costs one
 * lookup, not a delete and a re-insert).
 */
export class StatementCache {
  private readonly map = new Map<string, Entry>();
  private chars = 0;
  /** Off: every statement is analysed (tests compare both ways). */
  enabled = true;
  hits = 0;
  misses = 0;
  /** How many times each part was computed (work counts, for the tests). */
  readonly computed = new Map<string, number>();
  /** The entries of the statements of the documents being analysed, by statement index: one
   *  lookup per statement per analysis (held on the document: objectCache.ts). */
  private readonly byDocument = new ObjectCache<PolicyDocument, Lookups>();
  /** Bumped by clear(): a document's lookups from before are made again. */
  private epoch = 0;
  /** The last plain policy looked up (carriedEntry). */
  private last: Version | undefined;
  /** Entries taken from the version before without a key lookup (tests). */
  carried = 0;

  constructor(private readonly maxEntries = 100_000, private readonly maxChars = 24_000_000) {}

  /** The entry of a statement key, created when there is none (stored under a detached copy). */
  private entry(key: string): Entry {
    let entry = this.map.get(key);
    if (entry) {
      entry.used = true;
      return entry;
    }
    entry = { parts: Object.create(null) as Parts, variants: [], size: key.length + 64, used: false, resident: true };
    this.map.set(detach(key), entry);
    this.chars += entry.size;
    this.evict();
    return entry;
  }

  /** The entry of a statement of the current analysis. */
  entryOf(doc: PolicyDocument, s: Statement): Entry {
    let lookups = this.byDocument.get(doc);
    if (!lookups || lookups.epoch !== this.epoch) this.byDocument.set(doc, (lookups = this.lookupsOf(doc)));
    // A statement of the document itself (not of a view or a merged document): remembered.
    const own = doc.statements[s.index] === s;
    let entry = own ? lookups.entries[s.index] : undefined;
    if (!entry) {
      entry = (own && lookups.carry && this.carriedEntry(lookups.carry, s)) || this.entry(statementKey(doc, s));
      if (own) lookups.entries[s.index] = entry;
    }
    return entry;
  }

  /** A document's lookups; a plain policy's can take the entries of the version looked up before
   *  wherever the two texts are the same (the editor's next keystroke: all but one statement),
   *  which saves hashing and comparing each statement's text as a key. */
  private lookupsOf(doc: PolicyDocument): Lookups {
    const lookups: Lookups = { epoch: this.epoch, entries: [] };
    // A template's keys hold its tree's facts besides the text (statementKey).
    if (doc.embedded) return lookups;
    const text = doc.text;
    const from = this.last;
    if (from) {
      const { prefix, suffix } = sharedEnds(from.text, text);
      const delta = text.length - from.text.length;
      lookups.carry = { from, prefix, suffixStart: text.length - suffix, delta, shift: doc.statements.length - from.starts.length };
    }
    // A view of a document (statementView) has its text: it does not replace the version.
    if (from?.text !== text) {
      const starts = doc.statements.map((st) => st.node.offset);
      const lengths = doc.statements.map((st) => st.node.length);
      this.last = { text, starts, lengths, entries: lookups.entries };
    }
    return lookups;
  }

  /** The entry of the version before for a statement whose text lies in what the two versions
   *  share (their common start or end): the statement there with the same range had this text. */
  private carriedEntry(carry: NonNullable<Lookups['carry']>, s: Statement): Entry | undefined {
    const start = s.node.offset;
    const length = s.node.length;
    const before = start + length <= carry.prefix;
    if (!before && start < carry.suffixStart) return undefined;
    const old = before ? start : start - carry.delta;
    const index = before ? s.index : s.index - carry.shift;
    const { from } = carry;
    if (from.starts[index] !== old || from.lengths[index] !== length) return undefined;
    const entry = from.entries[index];
    // An evicted entry is left to go: the key lookup makes a resident one.
    if (!entry?.resident) return undefined;
    entry.used = true;
    this.carried++;
    return entry;
  }

  get(key: string, context = ''): Cached[] | undefined {
    const entry = this.map.get(key);
    if (!entry) return undefined;
    entry.used = true;
    return findingsIn(entry, context);
  }

  set(key: string, findings: Cached[], context = ''): void {
    this.store(this.entry(key), findings, context);
  }

  /** Keep `findings` for `context` in an entry (replacing what it held for that context). */
  store(entry: Entry, findings: Cached[], context: string): void {
    let size = context.length + 64;
    for (const f of findings) size += f.message.length + 64 + (f.fixes?.length ?? 0) * 64;
    const old = entry.variants.findIndex((v) => v.context === context);
    const dropped = old >= 0 ? entry.variants.splice(old, 1) : entry.variants.length >= MAX_VARIANTS ? entry.variants.splice(0, 1) : [];
    // Only a resident entry counts towards the bound.
    const counted = entry.resident ? 1 : 0;
    for (const d of dropped) {
      entry.size -= d.size;
      this.chars -= d.size * counted;
    }
    entry.variants.push({ context: detach(context), findings, size });
    entry.size += size;
    this.chars += size * counted;
    this.evict();
  }

  private evict(): void {
    // Each pass over a marked entry clears its mark, so this ends within two rounds of the map.
    while (this.map.size > this.maxEntries || this.chars > this.maxChars) {
      const oldest = this.map.entries().next();
      if (oldest.done) break;
      const [key, entry] = oldest.value;
      this.map.delete(key);
      if (entry.used && this.map.size > 0) {
        entry.used = false;
        this.map.set(key, entry);
      } else {
        this.chars -= entry.size;
        entry.resident = false;
      }
    }
  }

  clear(): void {
    this.map.clear();
    this.chars = 0;
    this.hits = 0;
    this.misses = 0;
    this.computed.clear();
    this.epoch++;
    this.last = undefined;
    this.carried = 0;
  }

  get size(): number {
    return this.map.size;
  }
}

function findingsIn(entry: Entry, context: string): Cached[] | undefined {
  for (const v of entry.variants) if (v.context === context) return v.findings;
  return undefined;
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
  if (node.type === 'string') {
    // As it is, marked: JSON.stringify of every scalar of every template policy, in every
    // analysis, cost more than the rest of the walk. A value holding a separator of the key is
    // written as JSON instead, so that no two trees give the same key.
    const v = node.value as string;
    out.push(v.includes('\u0003') || v.includes('\u0002') ? `j${JSON.stringify(v)}` : `r${v}`);
  } else if (node.type === 'number' || node.type === 'boolean') out.push(String(node.value));
  if (node.children) {
    out.push('(');
    for (const c of node.children) treeFacts(c, base, doc, out, depth + 1);
    out.push(')');
  }
}

/** What a statement's model is a function of: its text, and for a policy in a template the facts
 *  of the host's tree (treeFacts). A slice of the document: stores must detach it. */
export function statementKey(doc: PolicyDocument, s: Statement): string {
  const start = s.node.offset;
  const text = doc.text.slice(start, start + s.node.length);
  // A plain policy's key is a slice (no concatenation): hashing it copies nothing.
  if (!doc.embedded) return text;
  const facts: string[] = [];
  treeFacts(s.node, start, doc, facts, 0);
  return `${facts.join('\u0003')}\u0002${text}`;
}

/**
 * A document-level rule's partial result on one statement, memoised by the statement's key
 * (statementKey) across analyses, so that an edit recomputes it for the edited statements only
 * and the rule only aggregates the parts per analysis. `compute` must be a function of the
 * statement alone (its model, never the document's kind, its other statements or the statement's
 * place), and its value must hold no text of the document (it outlives the document): indices
 * into the statement's model, booleans, the rule's own constants.
 */
export function statementPart<V>(doc: PolicyDocument, s: Statement, name: string, compute: (s: Statement) => V, cache: StatementCache = statementCache): V {
  if (!cache.enabled) return compute(s);
  const parts = cache.entryOf(doc, s).parts;
  if (name in parts) return parts[name] as V;
  cache.computed.set(name, (cache.computed.get(name) ?? 0) + 1);
  const value = compute(s);
  parts[name] = value;
  return value;
}

/** Contexts by a short number, so that each statement key carries a few digits instead of the
 *  whole context (a template has thousands of small policies, each its own analysis). */
const contextIds = new Map<string, number>();
let nextContextId = 0;

/** The context before (its rules and the rest of its text) and its id: an editor's analyses,
 *  keystroke after keystroke, share it, so the id is found without joining the ids of some hundred
 *  rules and hashing the whole text again. (Connect helper, #13: contextKey/contextText only.) */
let lastContext: { rules: readonly Rule[]; rest: string; id: string } | undefined;

const sameRules = (a: readonly Rule[], b: readonly Rule[]) => a.length === b.length && a.every((r, i) => r === b[i]);

/** What every statement key of this analysis shares, as a short id. */
function contextKey(doc: PolicyDocument, rules: readonly Rule[], options: AnalyzeOptions): string {
  const rest = contextText(doc, options);
  if (lastContext && lastContext.rest === rest && sameRules(lastContext.rules, rules)) return lastContext.id;
  const full = `${rest}\u0001${rules.map((r) => r.id).join(',')}`;
  let id = contextIds.get(full);
  if (id === undefined) {
    // Ids are never reused: after a clear, old entries of the statement cache simply stop matching.
    if (contextIds.size >= 1000) contextIds.clear();
    id = nextContextId++;
    contextIds.set(detach(full), id);
  }
  lastContext = { rules: [...rules], rest: detach(rest), id: String(id) };
  return lastContext.id;
}

/** The context but the rules that run (contextKey adds their ids). */
function contextText(doc: PolicyDocument, options: AnalyzeOptions): string {
  return [
    doc.kind,
    doc.version ? JSON.stringify(doc.version.value) : '-',
    JSON.stringify(lineBreak(doc.text)),
    JSON.stringify(indentUnit(doc.text)),
    doc.embedded ? doc.embedded.syntax : 'policy',
    doc.statementProperty?.value?.type ?? '-',
    JSON.stringify(policyContext(doc)),
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
  let lastPrefix: string | undefined;
  let variant = '';
  for (const s of doc.statements) {
    const start = s.node.offset;
    const end = start + s.node.length;
    // The text before the statement on its line: fixes indent from it. Usually the same for
    // every statement, so the variant string is built once.
    const prefix = text.slice(lineStart(text, start), start);
    if (prefix !== lastPrefix) {
      lastPrefix = prefix;
      variant = `${context}\u0002${prefix}`;
    }
    const entry = cache.entryOf(doc, s);
    const hit = findingsIn(entry, variant);
    if (hit) {
      cache.hits++;
      for (const f of hit) out.push(shifted(f, start));
      continue;
    }
    cache.misses++;
    const found = run(statementView(doc, s));
    out.push(...found);
    if (found.every((f) => staysInside(f, start, end))) cache.store(entry, found.map((f) => shifted(f, -start)), variant);
  }
  return out;
}
