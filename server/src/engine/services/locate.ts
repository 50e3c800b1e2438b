// Where a JSON path points in a policy: the statement it is in and the path inside it. Shared by
// hover (paths of tree nodes) and completion (paths of jsonc-parser's getLocation, which works on
// half-typed text).
import { findNodeAtLocation, JSONPath, Node } from 'jsonc-parser';
import { PolicyDocument, Statement } from '../parse/policyModel';

export interface StatementPath {
  /** The statement, when the document model has it. */
  statement?: Statement;
  /** The statement object node. */
  node?: Node;
  /** The path inside the statement: `['Condition', 'StringEquals', 'connect:InstanceId', 0]`. */
  rest: JSONPath;
}

/** Split a path at its statement: `['Statement', 2, 'Action', 0]` or `['Statement', 'Action']`
 *  (a single statement object). Undefined outside statements. */
export function inStatement(doc: PolicyDocument, path: JSONPath): StatementPath | undefined {
  if (path[0] !== 'Statement' || path.length < 2) return undefined;
  const isArray = typeof path[1] === 'number';
  const statementPath = isArray ? path.slice(0, 2) : path.slice(0, 1);
  const node = doc.root ? findNodeAtLocation(doc.root, statementPath) : undefined;
  const statement = node ? doc.statements.find((s) => s.node === node) : undefined;
  return { statement, node, rest: path.slice(statementPath.length) };
}

/** Is the string node the key of its property (rather than a value)? */
export function isPropertyKey(node: Node): boolean {
  return node.parent?.type === 'property' && node.parent.children?.[0] === node;
}
