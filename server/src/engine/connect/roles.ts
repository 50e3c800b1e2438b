// connect-service-role-path: Amazon Connect adds its inline policies to its own service-linked role
// (`role/aws-service-role/connect.amazonaws.com/…`), so `iam:PutRolePolicy` scoped to another
// role path (`role/service-role/*`, `connect.amazon.com`, `Connect.amazonaws.com`) does not let the
// association succeed. `*` and `role/*` are the privilege-escalation rule's (security family).
import { PolicyDocument, ValueItem } from '../parse/policyModel';
import { policyContext } from '../policyContext';
import { hasPolicyVariable, parseArn } from '../reference/arn';
import { isPartition } from '../reference/regions';
import { patternCovers } from '../reference/wildcard';
import { replaceValueEdit } from '../fixes/edits';
import { Rule } from '../rules/rule';
import { actionMatches, grants, isAllow, resourceFits, storageStatements } from './grants';
import { Companion, companionsFor, connectServiceLinkedRoleArn, RESOURCES, STORAGE_KINDS, storageTypeInfo } from './table';

const ROLE_ACTIONS = ['iam:PutRolePolicy', 'iam:AttachRolePolicy'];
const PUT_ON_ROLE: Companion = { action: 'iam:PutRolePolicy', resource: 'serviceLinkedRole' };

/** Does some allowed Connect action need Connect to write to its service-linked role? */
function needsServiceRole(doc: PolicyDocument): boolean {
  const storageNeeds = storageStatements(doc).some((st) => {
    if (st.allowed.kind !== 'types') return true;
    return [...st.allowed.types.keys()].some((t) =>
      storageTypeInfo(t)?.kinds.some((k) => STORAGE_KINDS[k].companions.some((c) => c.resource === 'serviceLinkedRole')));
  });
  if (storageNeeds) return true;
  return doc.statements.some((s) => isAllow(s) && !s.isNotAction && s.actions.some((a) =>
    typeof a.value === 'string' && (companionsFor(a.value) ?? []).some((c) => c.resource === 'serviceLinkedRole')));
}

/** A role ARN scoped to something other than the Connect role: not all roles (`*`, `role/*`:
 *  the security rule's), not a variable, not a role the Connect path can match. */
function wrongRole(item: ValueItem): boolean {
  if (typeof item.value !== 'string' || hasPolicyVariable(item.value)) return false;
  const arn = parseArn(item.value);
  if (!arn || arn.service.value !== 'iam' || !arn.resource.value.startsWith('role/')) return false;
  if (patternCovers(arn.resource.value, 'role/*')) return false;
  return !resourceFits(item.value, RESOURCES.serviceLinkedRole.format);
}

export const connectServiceRolePath: Rule = {
  id: 'connect-service-role-path',
  defaultSeverity: 'warning',
  category: 'connect',
  title: '`iam:PutRolePolicy` is scoped to a role that is not the Amazon Connect service-linked role.',
  check({ doc, report }) {
    // Only when the Connect role is needed and not granted: a scoped role grant next to a correct
    // one is deliberate (some other role of the account).
    if (!needsServiceRole(doc) || grants(doc, PUT_ON_ROLE)) return;
    const ctx = policyContext(doc);
    for (const s of doc.statements) {
      if (!isAllow(s) || s.isNotAction || s.isNotResource) continue;
      const actions = ROLE_ACTIONS.filter((r) => s.actions.some((a) => a.value !== '*' && actionMatches(a, r)));
      if (!actions.length) continue;
      for (const r of s.resources) {
        if (!wrongRole(r)) continue;
        const arn = parseArn(String(r.value))!;
        const partition = isPartition(arn.partition.value) ? arn.partition.value : ctx.partition;
        const account = /^\d{12}$/.test(arn.account.value) ? arn.account.value : ctx.account;
        const target = connectServiceLinkedRoleArn(partition, account);
        report({
          message: `\`${arn.resource.value}\` is not the Amazon Connect service-linked role (\`role/aws-service-role/connect.amazonaws.com/…\`, lower case): Connect writes its policies to that role, so ${actions.map((a) => `\`${a}\``).join(' and ')} here does not let the association succeed. Scope it to \`${target}\`.`,
          range: r.range,
          data: { suggestion: target },
          fixes: [{ title: 'Scope to the Amazon Connect service-linked role', edits: [replaceValueEdit(r, target)], isPreferred: true }],
        });
      }
    }
  },
};

export const roleRules: Rule[] = [connectServiceRolePath];
