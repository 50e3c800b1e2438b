// Rule scope (RuleMeta.scope) is on each rule: `scope: 'statement'` when the rule's findings on a
// document are the union of its findings on each statement alone, given what every statement key
// of the per-statement cache holds (engine/incremental/statementCache.ts: the document's kind,
// Version, layout, whether Statement is an array, and the document's account, region and
// partition from policyContext.ts). Every other rule is document-level (the default): it compares
// statements (Sid duplicates, Deny overlap, Connect companions, privilege escalation across
// statements), reads top-level elements (Version, Id, the JSON syntax) or decides from the whole
// document whether to speak at all (the Connect rules that fire only in a policy for Amazon
// Connect). A wrong `statement` fails test/unit/statementScope.test.ts on the real-world corpus;
// a missing one only costs speed.
import { Rule } from './rule';

/** The ids of the statement-scoped rules (for the tests and the bench). */
export function statementScoped(rules: readonly Rule[]): ReadonlySet<string> {
  return new Set(rules.filter((r) => r.scope === 'statement').map((r) => r.id));
}
