// What the host rules share: a syntax rule judged once per host document, and the Resource
// values of an embedded policy, computed ones included (a template's Ref or a Terraform
// reference is an unknown value, not a scalar item, so `statement.resources` leaves it out).
import { Node } from 'jsonc-parser';
import { PolicyDocument } from '../../parse/policyModel';
import { Rule } from '../rule';

/** A host's syntax rule: analyzeHost reports it once for the whole file (YAML, HCL), so its check
 *  has nothing to judge in one embedded policy. It is a rule for its id, severity and docs page. */
export function hostSyntaxRule(id: string, title: string): Rule {
  return { id, defaultSeverity: 'error', category: 'syntax', title, check() {} };
}

/** Every node of every statement's Resource element (the elements of an array, or the value). */
export function* resourceValues(doc: PolicyDocument): Generator<Node> {
  for (const s of doc.statements) {
    const v = s.resourceProperty?.value;
    if (!v) continue;
    if (v.type === 'array') yield* v.children ?? [];
    else yield v;
  }
}

/** A reference that gives a name, URL or ID, as messages say it. */
export const NOT_ARN_WHAT = { name: 'the name', URL: 'the URL', ID: 'the ID' } as const;
