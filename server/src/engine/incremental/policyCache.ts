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
import { indentUnit, lineBreak } from '../fixes/edits';
import { HostDocument, EmbeddedPolicy } from '../hosts/host';
import { AnalyzeOptions, Finding } from '../types';
import { lineStart, shifted, StatementCache, statementCache, staysInside, treeFacts } from './statementCache';

/** The engine's one cache of embedded policies' findings (it follows `statementCache.enabled`). */
export const policyCache = new StatementCache(20_000, 16_000_000);

/** `run()` (the policy's analysis) from the cache where the same policy was analysed before. */
export function embeddedPolicyFindings(host: HostDocument, p: EmbeddedPolicy, options: AnalyzeOptions, connectHere: boolean, run: () => Finding[]): Finding[] {
  const root = p.doc.root;
  if (!root || !statementCache.enabled || !policyCache.enabled || !cacheable(host)) return run();
  const { start, end } = p.range;
  const text = host.text;
  const facts: string[] = [];
  treeFacts(root, start, p.doc, facts, 0);
  if (facts.includes('…')) return run();
  const key = [
    p.name,
    p.kind,
    p.doc.kind,
    host.syntax,
    connectHere ? 'connect' : '-',
    JSON.stringify(lineBreak(text)),
    JSON.stringify(indentUnit(text)),
    JSON.stringify(options.rules ?? {}),
    text.slice(lineStart(text, start), start),
    facts.join('\u0003'),
    text.slice(start, end),
  ].join('\u0002');
  const hit = policyCache.get(key);
  if (hit) {
    policyCache.hits++;
    // Its statements were served from a cache too (the counts the language server reports).
    statementCache.hits += p.doc.statements.length;
    return hit.map((f) => shifted(f, start));
  }
  policyCache.misses++;
  const found = run();
  if (found.every((f) => staysInside(f, start, end))) policyCache.set(key, found.map((f) => shifted(f, -start)));
  return found;
}

/** Templates whose every policy tree lies inside its policy's text. */
function cacheable(host: HostDocument): boolean {
  return (host.kind === 'cloudformation' || host.kind === 'serverless') && (host.syntax === 'json' || host.anchored === false);
}
