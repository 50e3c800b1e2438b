// allow-all-actions-all-resources: `"Action": "*"` on `"Resource": "*"` in an Allow statement,
// i.e. full administrator access.
import { Rule } from '../rule';
import { grantsIdentityPermissions, isAllow } from './statements';

/** `*` (or `*:*`): every action. */
export const isStar = (v: unknown) => v === '*' || v === '*:*';

export const allowAllActionsAllResources: Rule = {
  id: 'allow-all-actions-all-resources',
  scope: 'statement',
  defaultSeverity: 'warning',
  category: 'security',
  title: 'An Allow statement grants every action on every resource.',
  check({ doc, report }) {
    if (!grantsIdentityPermissions(doc)) return;
    for (const s of doc.statements) {
      if (!isAllow(s) || s.isNotAction || s.isNotResource) continue;
      if (!s.resources.some((r) => r.value === '*')) continue;
      for (const a of s.actions) {
        if (!isStar(a.value)) continue;
        report({
          message: `"Action": "${a.value}" on "Resource": "*" grants every action on every resource: full administrator access. Allow only the actions and resources this principal needs.`,
          range: a.range,
        });
      }
    }
  },
};
