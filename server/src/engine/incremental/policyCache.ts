// The findings of an embedded policy, cached as the statement cache (statementCache.ts) caches a
// statement's. A large template holds thousands of small policies, and an edit changes one: every
// other policy's analysis (its statement-scoped rules from the statement cache, but its
// document-level rules, sorting and context every time) is then a lookup.
//
// An embedded policy's findings (analyze.ts hostFindings, before messages are named and fixes
// guarded) are a function of:
// - the policy's text in the host, and the text before it on its first line (fixes indent from it);
// - the tree the host built for it: values, offsets relative to its start, masks, stand-ins,
//   intrinsic functions and the types of the resources they name (treeFacts);
// - its name, kinds, the host's syntax, line break and indentation unit;
// - which rules run (the rule settings, and whether the Connect rules run on it alone).
// All of it is in the key; the value holds the findings with offsets relative to the policy's
// start. Not cached: a finding reaching outside the policy, a tree too deep for its facts, and
// hosts whose trees may hold nodes from elsewhere in the text (YAML aliases; Terraform files).
import { Node } from 'jsonc-parser';
import { indentUnit, lineBreak } from '../fixes/edits';
import { detach } from '../memo';
import { HostDocument, EmbeddedPolicy } from '../hosts/host';
import { AnalyzeOptions, Finding } from '../types';
import { lineStart, shifted, StatementCache, statementCache, staysInside, treeFacts } from './statementCache';
import { ObjectCache } from '../objectCache';

/** The engine's one cache of embedded policies' findings (it follows `statementCache.enabled`). */
export const policyCache = new StatementCache(20_000, 16_000_000);

/** `run()` (the policy's analysis) from the cache where the same policy was analysed before. */
export function embeddedPolicyFindings(host: HostDocument, p: EmbeddedPolicy, options: AnalyzeOptions, connectHere: boolean, run: () => Finding[]): Finding[] {
  const root = p.doc.root;
  if (!root || !statementCache.enabled || !policyCache.enabled || !cacheable(host)) return run();
  const { start, end } = p.range;
  const key = keyOf(host, p, root, hostContext(host, options), connectHere);
  if (key === undefined) return run();
  const hit = policyCache.get(key);
  if (hit) {
    policyCache.hits++;
    // Its statements were served from a cache too (the counts the language server reports).
    statementCache.hits += p.doc.statements.length;
    return hit.map((f) => shifted(f, start));
  }
  policyCache.misses++;
  const found = run();
  if (found.every((f) => staysInside(f, start, end))) policyCache.set(key, found.map((f) => detachedCopy(shifted(f, -start), 0) as Finding));
  return found;
}

/** The last key built for a policy root, with what it was built from besides the root's tree. */
interface KeyMemo {
  name: string;
  kind: string;
  docKind: string;
  connectHere: boolean;
  context: string;
  start: number;
  end: number;
  /** undefined: the tree is too deep to key (treeFacts). */
  key: string | undefined;
}

/** Keys by policy root. A template's normalized roots are kept from one version to the next
 *  where their text and place are the same (hosts/normalizedReuse.ts): the tree facts and the
 *  text the key holds are then the same, and the key string itself (whose hash V8 keeps) is
 *  looked up again without walking the tree, joining and hashing anew. */
const keys = new WeakMap<Node, KeyMemo>();

/** The cache key of an embedded policy: what its findings are a function of. */
function keyOf(host: HostDocument, p: EmbeddedPolicy, root: Node, context: string, connectHere: boolean): string | undefined {
  const { start, end } = p.range;
  const last = keys.get(root);
  if (last && last.start === start && last.end === end && last.name === p.name && last.kind === p.kind && last.docKind === p.doc.kind && last.connectHere === connectHere && last.context === context) return last.key;
  const text = host.text;
  const facts: string[] = [];
  treeFacts(root, start, p.doc, facts, 0);
  const key = facts.includes('…')
    ? undefined
    : [p.name, p.kind, p.doc.kind, connectHere ? 'connect' : '-', context, text.slice(lineStart(text, start), start), facts.join('\u0003'), text.slice(start, end)].join('\u0002');
  keys.set(root, { name: p.name, kind: p.kind, docKind: p.doc.kind, connectHere, context, start, end, key });
  return key;
}

/** A copy whose strings share no memory with the text: a message or fix built from a value of
 *  the template is a slice of it (or a concatenation holding one), and a cached finding must not
 *  keep that version of the template alive (memo.ts says why). Keys, including those whose value
 *  is undefined, stay as they were. */
function detachedCopy(value: unknown, depth: number): unknown {
  if (typeof value === 'string') return detach(value);
  if (depth > 16 || value === null || typeof value !== 'object') return value;
  if (Array.isArray(value)) return value.map((v) => detachedCopy(v, depth + 1));
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(value)) out[k] = detachedCopy(v, depth + 1);
  return out;
}

/** What every policy of one analysis shares (computed once per host and rule settings). */
function hostContext(host: HostDocument, options: AnalyzeOptions): string {
  const known = contexts.get(host);
  if (known && known.rules === options.rules) return known.text;
  const text = [host.syntax, JSON.stringify(lineBreak(host.text)), JSON.stringify(indentUnit(host.text)), JSON.stringify(options.rules ?? {})].join('\u0001');
  contexts.set(host, { rules: options.rules, text });
  return text;
}
const contexts = new ObjectCache<HostDocument, { rules: AnalyzeOptions['rules']; text: string }>();

/** Templates whose every policy tree lies inside its policy's text. */
function cacheable(host: HostDocument): boolean {
  return (host.kind === 'cloudformation' || host.kind === 'serverless') && (host.syntax === 'json' || host.anchored === false);
}
