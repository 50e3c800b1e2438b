// `Principal` / `NotPrincipal`: `"*"` or an object of `AWS`, `Service`, `Federated`,
// `CanonicalUser` whose values are strings or arrays of strings.
import { Node } from 'jsonc-parser';
import { nodeRange } from '../../parse/jsonDocument';
import { propertiesOf } from '../../parse/policyModel';
import { Rule, RuleContext } from '../rule';
import { judgeKeys, keyRange, suggestionFor, typeName } from './keys';

const PRINCIPAL_KEYS = ['AWS', 'Service', 'Federated', 'CanonicalUser'] as const;
const KEY_LIST = PRINCIPAL_KEYS.map((k) => `${k}`).join(', ');

export const principalInvalid: Rule = {
  id: 'principal-invalid',
  scope: 'statement',
  defaultSeverity: 'error',
  category: 'grammar',
  title: 'Principal or NotPrincipal is not "*" or an object of principal types.',
  fix: { summary: 'rename a principal type to the nearest of AWS, Service, Federated and CanonicalUser', safe: 'when only the letter case differs' },
  check({ doc, report }) {
    for (const s of doc.statements) {
      for (const p of s.properties) {
        if ((p.name !== 'Principal' && p.name !== 'NotPrincipal') || !p.value) continue;
        const v = p.value;
        if (v.type === 'string') {
          if (v.value !== '*') {
            report({
              message: `${p.name} "${v.value}" is not valid: as a plain string IAM accepts only "*". Name principals in an object, e.g. {"AWS": "arn:aws:iam::111122223333:root"} or {"Service": "connect.amazonaws.com"}.`,
              range: nodeRange(v),
            });
          }
          continue;
        }
        if (v.type !== 'object') {
          report({ message: `${p.name} is ${typeName(v)}: IAM expects "*" or an object with ${KEY_LIST} and rejects the policy.`, range: nodeRange(v) });
          continue;
        }
        const props = propertiesOf(v);
        for (const { prop, verdict } of judgeKeys(props, PRINCIPAL_KEYS)) {
          const { hint, fixes } = verdict.kind === 'unknown' ? suggestionFor(prop, verdict, props) : { hint: ` Merge it into ${verdict.canonical}.`, fixes: undefined };
          report({
            message: `${prop.name} is not a principal type, so IAM rejects the policy. ${p.name} accepts only ${KEY_LIST}.${hint}`,
            range: keyRange(prop),
            fixes,
          });
        }
        for (const prop of props) if (prop.value) checkValues(prop.name, prop.value, report);
      }
    }
  },
};

/** A principal type's value: a string or an array of strings (empty arrays: empty-value). */
function checkValues(type: string, node: Node, report: RuleContext['report']): void {
  const bad = node.type === 'array' ? (node.children ?? []).filter((c) => c.type !== 'string') : node.type === 'string' ? [] : [node];
  for (const b of bad) {
    report({ message: `This ${type} principal is ${typeName(b)}: IAM expects a string (or an array of strings) such as an ARN, an account ID or a service name.`, range: nodeRange(b) });
  }
}
