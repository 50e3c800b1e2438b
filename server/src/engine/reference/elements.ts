// The element names of an IAM JSON policy (IAM User Guide, "IAM JSON policy element reference"):
// the one list the grammar rules judge keys against, the parser's types, the hover and completion
// texts (services/elements.ts, keyed by these names) and the template reader use.

/** Elements of the policy object. */
export const TOP_LEVEL_ELEMENTS = ['Version', 'Id', 'Statement'] as const;

/** Elements of a statement. */
export const STATEMENT_ELEMENTS = [
  'Sid', 'Effect', 'Principal', 'NotPrincipal', 'Action', 'NotAction', 'Resource', 'NotResource', 'Condition',
] as const;

export type TopLevelElement = (typeof TOP_LEVEL_ELEMENTS)[number];
export type StatementElement = (typeof STATEMENT_ELEMENTS)[number];

export function isStatementElement(name: string): name is StatementElement {
  return (STATEMENT_ELEMENTS as readonly string[]).includes(name);
}
