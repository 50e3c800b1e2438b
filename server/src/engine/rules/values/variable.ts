// unknown-policy-variable: `${prefix:key}` that names no condition key. IAM leaves such a
// variable unresolved, so the ARN or condition value holding it never matches.
// (`${InstanceId}`-style names without a service prefix are placeholders: placeholder-value.)
import { replaceInStringEdit } from '../../fixes/edits';
import { subRange } from '../../parse/policyModel';
import { closestMatch } from '../../reference/closest';
import { conditionKeysOf, findConditionKey, globalConditionKeys } from '../../reference/iamData';
import { Rule } from '../rule';
import { factsOf, policyStrings } from './strings';

/** The nearest known variable. Keys with a variable part (`aws:PrincipalTag/tag-key`) are compared
 *  on the part before the slash, keeping the user's own tag key: `aws:PrincipalTags/team` →
 *  `aws:PrincipalTag/team`. */
function suggest(name: string): string | undefined {
  const prefix = name.slice(0, name.indexOf(':'));
  const keys = (prefix.toLowerCase() === 'aws' ? globalConditionKeys() : [...conditionKeysOf(prefix).values()]).map((k) => k.key);
  const slash = name.indexOf('/');
  if (slash < 0) return closestMatch(name, keys.filter((k) => !k.includes('/') && !k.includes('${')));
  const stems = keys.filter((k) => k.includes('/')).map((k) => k.slice(0, k.indexOf('/')));
  const stem = closestMatch(name.slice(0, slash), stems);
  return stem ? stem + name.slice(slash) : undefined;
}

/** `${token.actions.githubusercontent.com:sub}`, `${oidc.eks.….amazonaws.com/id/…:sub}`: keys of an
 *  OIDC identity provider, named after its host (IAM User Guide, "IAM policy elements: Variables
 *  and tags", request information for web identity federation). The reference lists only the
 *  providers IAM knows by name; any host-named prefix is such a provider. */
function isOidcProviderKey(name: string): boolean {
  const prefix = name.slice(0, name.indexOf(':'));
  return prefix.includes('.');
}

export const unknownPolicyVariable: Rule = {
  id: 'unknown-policy-variable',
  scope: 'statement',
  defaultSeverity: 'warning',
  category: 'values',
  title: 'A policy variable names no known condition key.',
  fix: { summary: 'change to the nearest policy variable', safe: false },
  check({ doc, report }) {
    for (const s of policyStrings(doc)) {
      if (s.place === 'principal') continue; // Variables are not allowed there at all: grammar's concern.
      for (const v of factsOf(s).variables) {
        if (v.kind !== 'variable' || findConditionKey(v.name) || isOidcProviderKey(v.name)) continue;
        const suggestion = suggest(v.name);
        report({
          message: `${v.text} names no known policy variable, so IAM cannot substitute it and this value never matches.${suggestion ? ` Did you mean \${${suggestion}}?` : ''}`,
          range: subRange(s.item, v.start, v.end),
          data: suggestion ? { suggestion } : undefined,
          fixes: suggestion
            ? [{ title: `Change to \${${suggestion}}`, edits: [replaceInStringEdit(s.item, v.nameStart, v.nameStart + v.name.length, suggestion)], isPreferred: true }]
            : undefined,
        });
      }
    }
  },
};
