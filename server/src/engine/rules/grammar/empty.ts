// Empty arrays and objects where a list of values belongs (Access Analyzer's "Empty array …" and
// "Empty object …" suggestions). IAM accepts them, but they rarely mean what the author thinks.
import { Node } from 'jsonc-parser';
import { nodeRange } from '../../parse/jsonDocument';
import { propertiesOf } from '../../parse/policyModel';
import { parseOperator } from '../../reference/operators';
import { Rule } from '../rule';

const isEmpty = (n: Node | undefined) => (n?.type === 'array' || n?.type === 'object') && !n.children?.length;

const ELEMENT_MEANING: Record<string, string> = {
  Action: 'it matches no action, so the statement has no effect',
  NotAction: 'it excludes nothing, so the statement applies to every action',
  Resource: 'it matches no resource, so the statement has no effect',
  NotResource: 'it excludes nothing, so the statement applies to every resource',
};

/** What an empty list of values means under an operator. */
function conditionMeaning(operator: string): string {
  const op = parseOperator(operator);
  if (op?.prefix === 'ForAllValues') return 'with ForAllValues: the condition is true only when the request has no value for the key';
  if (op?.prefix === 'ForAnyValue') return 'with ForAnyValue: no request value can match, so the condition is never true';
  return 'there is nothing to compare the request with, so the condition does not test what it seems to';
}

export const emptyValue: Rule = {
  id: 'empty-value',
  scope: 'statement',
  defaultSeverity: 'information',
  category: 'grammar',
  title: 'An empty array or object where values belong.',
  check({ doc, report }) {
    const say = (node: Node, message: string) => report({ message, range: nodeRange(node) });
    for (const s of doc.statements) {
      for (const p of s.properties) {
        const v = p.value;
        if (!v) continue;
        if (p.name in ELEMENT_MEANING && v.type === 'array' && isEmpty(v)) {
          say(v, `${p.name} is an empty array: ${ELEMENT_MEANING[p.name]}. List the values or remove the statement.`);
        } else if (p.name === 'Principal' || p.name === 'NotPrincipal') {
          if (v.type === 'object' && isEmpty(v)) say(v, `${p.name} is an empty object: it names no principal. Add e.g. {"AWS": "arn:aws:iam::111122223333:root"} or {"Service": "connect.amazonaws.com"}.`);
          for (const t of propertiesOf(v)) {
            if (t.value?.type === 'array' && isEmpty(t.value)) say(t.value, `${t.name} is an empty array: it names no principal. List the principals or remove ${t.name}.`);
          }
        } else if (p.name === 'Condition' && v.type === 'object') {
          if (isEmpty(v)) say(v, 'Condition is an empty object: it adds no condition. Remove it or add the conditions you meant.');
          for (const op of propertiesOf(v)) {
            if (op.value?.type === 'object' && isEmpty(op.value)) say(op.value, `${op.name} has no condition keys: it tests nothing. Add a key and its values or remove ${op.name}.`);
            for (const key of propertiesOf(op.value)) {
              if (key.value?.type === 'array' && isEmpty(key.value)) {
                say(key.value, `${key.name} has an empty array of values: ${conditionMeaning(op.name)}. List the values to compare with, or remove the key.`);
              }
            }
          }
        }
      }
    }
  },
};
