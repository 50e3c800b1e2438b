// Policy variable syntax (`${...}`): unclosed, empty, or with spaces in the name; and variables in
// elements IAM never substitutes them in. Whether the name is a known variable is another rule's
// business (unknown-policy-variable).
import { replaceInStringEdit } from '../../fixes/edits';
import { PolicyDocument, propertiesOf, scalarItems, subRange, ValueItem } from '../../parse/policyModel';
import { principalItems } from '../values/strings';
import { Rule } from '../rule';
import { Fix } from '../../types';
import { CURRENT_VERSION } from './version';
import { scanVariables, VariableSpan } from '../../reference/variables';

/** Strings where IAM substitutes variables: Resource/NotResource values, Condition keys and
 *  values. */
function* substituted(doc: PolicyDocument): Generator<ValueItem> {
  for (const s of doc.statements) {
    yield* s.resources;
    yield* s.conditions.flatMap((c) => c.values);
    for (const op of propertiesOf(s.conditionProperty?.value)) {
      for (const key of propertiesOf(op.value)) {
        const item = scalarItems(key.key, doc.text)[0];
        if (item) yield item;
      }
    }
  }
}

/** Only the 2012-10-17 language has policy variables; older (or missing) versions take `${...}` as
 *  literal text, which IAM has no reason to reject (version-missing/-outdated say so). */
const hasVariables = (doc: PolicyDocument) => doc.version?.value === CURRENT_VERSION;

const PROBLEMS = {
  unclosed: (v: string) => `${v} is not closed, and IAM rejects the policy. Add the } that ends the policy variable.`,
  empty: () => '${} is an empty policy variable, and IAM rejects the policy. Name a variable such as ${aws:username} or remove it.',
  space: (v: string) => `${v} has a space inside the variable name, and IAM rejects the policy. Remove the spaces.`,
  quote: (v: string) => `The default value in ${v} is not in single quotes, and IAM rejects the policy. Write it as in \${aws:username, 'none'}.`,
};

/** Fixes for a variable's syntax problem: spaces removed from the name, quotes put around the
 *  default value. */
function syntaxFixes(item: ValueItem, v: VariableSpan): Fix[] | undefined {
  if (v.problem === 'space') {
    const trimmed = v.rawName.replace(/\s+/g, '');
    if (!trimmed) return undefined;
    const nameStart = v.start + 2;
    return [{ title: `Remove the spaces: \${${trimmed}…}`, edits: [replaceInStringEdit(item, nameStart, nameStart + v.rawName.length, trimmed)], isPreferred: true, safe: true }];
  }
  if (v.problem === 'quote' && v.fallback) {
    const bare = v.fallback.text.trim().replace(/^'|'$/g, '');
    const quoted = ` '${bare}'`;
    return [{ title: `Quote the default value: ${quoted.trim()}`, edits: [replaceInStringEdit(item, v.fallback.start, v.fallback.start + v.fallback.text.length, quoted)], isPreferred: true, safe: true }];
  }
  return undefined;
}

export const policyVariableSyntax: Rule = {
  id: 'policy-variable-syntax',
  scope: 'statement',
  defaultSeverity: 'error',
  category: 'grammar',
  title: 'A policy variable is unclosed, empty, has spaces in its name or an unquoted default value.',
  fix: { summary: 'remove the spaces in a variable\'s name, or quote its default value', safe: true },
  check({ doc, report }) {
    if (!hasVariables(doc)) return;
    for (const item of substituted(doc)) {
      if (typeof item.value !== 'string') continue;
      for (const v of scanVariables(item.value)) {
        if (!v.problem) continue;
        const shown = item.value.slice(v.start, v.end);
        report({
          message: PROBLEMS[v.problem](shown),
          range: subRange(item, v.start, v.end),
          fixes: syntaxFixes(item, v),
        });
      }
    }
  },
};

/** Strings where IAM takes `${...}` literally or rejects it. `Action`/`NotAction` are left out:
 *  `$` is no action character, so action-malformed already reports them. `Effect` and `Version`
 *  have fixed values (effect-invalid, version-invalid); an identity policy's Sid allows only
 *  letters and digits (sid-invalid-characters). */
function* notSubstituted(doc: PolicyDocument): Generator<{ item: ValueItem; element: string }> {
  for (const s of doc.statements) {
    if (doc.kind !== 'identity' && s.sid) yield { item: s.sid, element: 'Sid' };
    for (const p of s.properties) {
      if ((p.name !== 'Principal' && p.name !== 'NotPrincipal') || !p.value) continue;
      for (const item of principalItems(p.value, doc.text)) yield { item, element: p.name };
    }
  }
}

export const policyVariableNotAllowed: Rule = {
  id: 'policy-variable-not-allowed',
  scope: 'statement',
  defaultSeverity: 'error',
  category: 'grammar',
  title: 'A policy variable in an element that does not support variables.',
  check({ doc, report }) {
    if (!hasVariables(doc)) return;
    for (const { item, element } of notSubstituted(doc)) {
      if (typeof item.value !== 'string') continue;
      for (const v of scanVariables(item.value)) {
        report({
          message: `${item.value.slice(v.start, v.end)} is a policy variable in ${element}, and IAM rejects the policy. Variables work only in Resource, NotResource and Condition keys and values: write the value out.`,
          range: subRange(item, v.start, v.end),
        });
      }
    }
  },
};
