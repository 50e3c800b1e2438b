// resource-star-scopable: `"Resource": "*"` in an Allow for actions that accept specific ARNs
// (least privilege). A suggestion only: `*` is often deliberate.
//
// What counts, decided from the reference's access levels: an action with at least one resource
// type (so an ARN could scope it), of the Write, Permissions management or Tagging level, or of the
// Read level unless its name starts with Describe (Read covers data such as s3:GetObject and
// secretsmanager:GetSecretValue, worth scoping; Describe* returns metadata). Left out: actions
// without resource types (they work only with *), the List level, Describe*, statements with a
// Condition (it may already scope the grant), and `"Action": "*"` (allow-all-actions-all-resources).
import { ActionInfo } from '../../reference/iamData';
import { actionResourceTypes } from '../../reference/resourceMatch';
import { resolvedActions } from '../reference/resolve';
import { Rule } from '../rule';
import { isAllow } from './statements';

/** Could the action be scoped to specific ARNs, and is it worth it? (See the header.) */
export function scopable(action: ActionInfo): boolean {
  if (!actionResourceTypes(action).length) return false;
  const level = action.accessLevel.toLowerCase();
  if (level === 'list') return false;
  if (level === 'read') return !/^Describe/.test(action.name);
  return true;
}

/** Is some action of a resolved action string scopable? The expansion of an action string is one
 *  array shared by every occurrence of the string (resolve.ts), and `ec2:Describe*` expands to
 *  some hundred actions none of which is: answered once per expansion, not per occurrence. */
const someScopable = new WeakMap<readonly ActionInfo[], boolean>();
function anyScopable(actions: readonly ActionInfo[]): boolean {
  let hit = someScopable.get(actions);
  if (hit === undefined) someScopable.set(actions, (hit = actions.some(scopable)));
  return hit;
}

export const resourceStarScopable: Rule = {
  id: 'resource-star-scopable',
  scope: 'statement',
  defaultSeverity: 'information',
  category: 'security',
  title: '"Resource": "*" for actions that can be scoped to specific resources.',
  noFix: 'the ARNs are yours to name',
  check({ doc, report }) {
    for (const s of doc.statements) {
      if (!isAllow(s) || s.isNotAction || s.isNotResource || s.conditionProperty) continue;
      const star = s.resources.find((r) => r.value === '*');
      if (!star) continue;
      const names = resolvedActions(s).filter((a) => a.status === 'resolved' && anyScopable(a.actions)).map((a) => a.text);
      if (!names.length) continue;
      const shown = names.length > 3 ? `${names.slice(0, 3).join(', ')} and ${names.length - 3} more` : names.join(', ');
      report({
        message: `"Resource": "*" grants actions that accept specific ARNs on every resource. For least privilege, list the ARNs that ${shown} need${names.length > 1 ? '' : 's'}.`,
        range: star.range,
        data: { actions: names },
      });
    }
  },
};
