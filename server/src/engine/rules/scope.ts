// Which rules judge one statement at a time (RuleMeta.scope = 'statement'): their findings on a
// document are the union of their findings on each statement alone, given what every statement
// key of the per-statement cache holds (engine/incremental/statementCache.ts: the document's kind,
// Version, layout, whether Statement is an array, and the document's account, region and
// partition from policyContext.ts). Every other rule is document-level: it compares statements
// (Sid duplicates, Deny overlap, Connect companions, privilege escalation across statements),
// reads top-level elements (Version, Id, the JSON syntax) or decides from the whole document
// whether to speak at all (the Connect rules that fire only in a policy for Amazon Connect).
// Kept in one list rather than on each rule so the classification is reviewed in one place;
// test/unit/statementScope.test.ts proves it on the real-world corpus.
import { Rule } from './rule';

export const STATEMENT_SCOPED: ReadonlySet<string> = new Set([
  // grammar
  'sid-empty',
  'condition-invalid-structure', 'condition-unknown-operator', 'condition-null-if-exists', 'condition-invalid-value',
  'for-all-values-single-valued-key', 'for-any-value-single-valued-key',
  'condition-multiple-boolean-values', 'condition-wildcard-without-like', 'condition-missing-set-qualifier', 'condition-private-source-ip',
  'principal-invalid', 'principal-value-invalid',
  'effect-missing', 'effect-invalid', 'action-missing', 'resource-missing', 'conflicting-elements',
  'policy-variable-syntax', 'policy-variable-not-allowed',
  'empty-value', 'statement-unknown-element',
  // reference
  'action-malformed', 'action-unknown-service', 'action-unknown', 'action-pattern-matches-nothing',
  'arn-malformed', 'arn-unknown-service', 'arn-field-not-allowed', 'arn-missing-account', 'arn-missing-region',
  'unknown-global-condition-key', 'unknown-service-condition-key', 'condition-key-not-supported', 'condition-key-not-listed', 'condition-key-partly-supported',
  'condition-type-mismatch',
  'resource-not-applicable', 'action-resource-not-listed', 'action-needs-wildcard-resource',
  'action-redundant', 'resource-redundant',
  'cfn-ref-not-arn', 'tf-ref-not-arn',
  // values
  'placeholder-value', 'placeholder-name', 'arn-invalid-account', 'arn-unknown-region', 'arn-region-partition-mismatch', 'arn-invalid-partition', 'unknown-policy-variable',
  // security
  'allow-all-actions-all-resources', 'allow-with-not-action', 'allow-with-not-resource', 'allow-with-not-principal',
  'deny-mfa-bool-without-if-exists', 'iam-create-slr-unrestricted', 'resource-star-scopable', 'service-principal-without-source',
  // connect
  'connect-arn-resource-word', 'connect-instance-id-format', 'connect-region-unavailable',
  'connect-condition-value-unknown', 'connect-condition-value-deprecated', 'connect-condition-value-wildcard-literal', 'connect-condition-key-unsupported-action',
  'connect-lambda-arn-missing-function',
]);

/** The rules with their scope set in their metadata. */
export function withScopes(rules: readonly Rule[]): Rule[] {
  for (const id of STATEMENT_SCOPED) if (!rules.some((r) => r.id === id)) throw new Error(`scope.ts names no rule ${id}`);
  return rules.map((r) => (STATEMENT_SCOPED.has(r.id) ? Object.assign(r, { scope: 'statement' as const }) : r));
}
