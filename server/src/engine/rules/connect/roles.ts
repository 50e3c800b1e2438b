// The Amazon Connect service-linked role (`role/aws-service-role/connect.amazonaws.com/…`):
//   connect-service-role-path     iam:PutRolePolicy scoped to another role path (`role/service-role/*`,
//                                 `connect.amazon.com`), so the association cannot succeed (warning)
//   connect-service-role-scope    role-policy actions allowed wider than the Connect role (but not on
//                                 every role: iam-role-privilege-escalation's), information
//   connect-service-linked-role-condition  iam:CreateServiceLinkedRole without the
//                                 iam:AWSServiceName condition AWS's own AmazonConnect_FullAccess uses
import { getNodeValue } from 'jsonc-parser';
import { addStatementEdits, replaceValueEdit } from '../../fixes/edits';
import { PolicyDocument, Statement, ValueItem } from '../../parse/policyModel';
import { policyContext } from '../../policyContext';
import { hasPolicyVariable, parseArn } from '../../reference/arn';
import { isPartition } from '../../reference/regions';
import { patternCovers, wildcardMatches } from '../../reference/wildcard';
import { removeArrayElementEdit } from '../security/arrayEdits';
import { allowsService } from '../security/statements';
import { Rule } from '../rule';
import { Fix, TextEdit } from '../../types';
import { addConditionEdit } from '../../connect/edits';
import { actionMatches, grants, isAllow, resourceFits, storageStatements } from '../../connect/grants';
import { statementFact } from '../../connect/statementFacts';
import {
  allNeeds, Companion, connectServiceLinkedRoleArn, connectServiceLinkedRoleNarrowArn, dependencyRow, RESOURCES,
} from '../../connect/table';

const ROLE_ACTIONS = ['iam:PutRolePolicy', 'iam:AttachRolePolicy'];
const PUT_ON_ROLE: Companion = { action: 'iam:PutRolePolicy', resource: 'serviceLinkedRole' };

/** Does an allowed Connect action of the statement need Connect to write to its service-linked
 *  role? (A fact of the statement, statementFacts.ts.) */
const needsRoleIn = statementFact((s) => isAllow(s) && !s.isNotAction && s.actions.some((a) => {
  const row = typeof a.value === 'string' ? dependencyRow(a.value) : undefined;
  return !!row && allNeeds(row).some((n) => n.on === 'serviceLinkedRole' && n.actions.includes('iam:PutRolePolicy'));
}));

/** Does some allowed Connect action need Connect to write to its service-linked role? */
function needsServiceRole(doc: PolicyDocument): boolean {
  if (storageStatements(doc).length) return true;
  return doc.statements.some((s) => needsRoleIn(doc, s));
}

/** Does the statement allow a Connect action (allowsService on the statement alone)? */
const allowsConnectIn = statementFact((s) => allowsService({ statements: [s] } as unknown as PolicyDocument, 'connect'));
const allowsConnect = (doc: PolicyDocument) => doc.statements.some((s) => allowsConnectIn(doc, s));

/** A role ARN scoped to something other than the Connect role: not all roles (`*`, `role/*`:
 *  the security rule's), not a variable, not a role the Connect path can match. */
function wrongRole(item: ValueItem): boolean {
  if (typeof item.value !== 'string' || hasPolicyVariable(item.value)) return false;
  const arn = parseArn(item.value);
  if (!arn || arn.service.value !== 'iam' || !arn.resource.value.startsWith('role/')) return false;
  if (patternCovers(arn.resource.value, 'role/*')) return false;
  return !resourceFits(item.value, RESOURCES.serviceLinkedRole.format);
}

/** The partition and account a role fix writes: the ARN's own where real, else the policy's. */
function roleTarget(doc: PolicyDocument, value: string, narrow: boolean): string {
  const ctx = policyContext(doc);
  const arn = parseArn(value);
  const partition = arn && isPartition(arn.partition.value) ? arn.partition.value : ctx.partition ?? 'aws';
  const account = arn && /^\d{12}$/.test(arn.account.value) ? arn.account.value : ctx.account ?? 'account-id';
  return narrow ? connectServiceLinkedRoleNarrowArn(partition, account) : connectServiceLinkedRoleArn(partition, account);
}

export const connectServiceRolePath: Rule = {
  id: 'connect-service-role-path',
  defaultSeverity: 'warning',
  category: 'connect',
  title: 'iam:PutRolePolicy is scoped to a role that is not the Amazon Connect service-linked role.',
  fix: { summary: 'scope to the Amazon Connect service-linked role', safe: false },
  check({ doc, report }) {
    // Only when the Connect role is needed and not granted: a scoped role grant next to a correct
    // one is deliberate (some other role of the account).
    if (!needsServiceRole(doc) || grants(doc, PUT_ON_ROLE)) return;
    for (const s of doc.statements) {
      if (!isAllow(s) || s.isNotAction || s.isNotResource) continue;
      const actions = ROLE_ACTIONS.filter((r) => s.actions.some((a) => a.value !== '*' && actionMatches(a, r)));
      if (!actions.length) continue;
      for (const r of s.resources) {
        if (!wrongRole(r)) continue;
        const arn = parseArn(String(r.value))!;
        const target = roleTarget(doc, String(r.value), false);
        report({
          message: `This role is not the Amazon Connect service-linked role. ${arn.resource.value} does not match it, so ${actions.join(' and ')} here does not let the association succeed. Connect writes its policies to role/aws-service-role/connect.amazonaws.com/ (lower case); scope it to ${target}.`,
          range: r.range,
          data: { suggestion: target },
          fixes: [{ title: 'Scope to the Amazon Connect service-linked role', edits: [replaceValueEdit(r, target)], isPreferred: true }],
        });
      }
    }
  },
};

/** What Connect does to its own role (dependencies.ts): actions that need nothing wider. */
const SLR_ACTIONS = ['iam:PutRolePolicy', 'iam:AttachRolePolicy', 'iam:DeleteRolePolicy', 'iam:DetachRolePolicy', 'iam:GetRolePolicy', 'iam:CreateServiceLinkedRole'];
/** Judged here; on every role, PutRolePolicy and AttachRolePolicy are the security rule's. */
const SCOPED_ACTIONS = ['iam:PutRolePolicy', 'iam:AttachRolePolicy', 'iam:DeleteRolePolicy'];
const SECURITY_ACTIONS = new Set(['iam:PutRolePolicy', 'iam:AttachRolePolicy']);
const EXAMPLE_ROLE = 'arn:aws:iam::000000000000:role/aws-service-role/connect.amazonaws.com/AWSServiceRoleForAmazonConnect_x';

const isExact = (a: ValueItem) => typeof a.value === 'string' && !/[*?]/.test(a.value);
const exactName = (a: ValueItem, names: readonly string[]) => isExact(a) && names.some((n) => n.toLowerCase() === String(a.value).toLowerCase());

/** Does the resource cover the Connect role and more than the Connect path
 *  (`role/aws-service-role/*`, `role/aws-*`, `*`)? */
function widerThanConnectRole(value: string): boolean {
  if (hasPolicyVariable(value)) return false;
  if (/^\*+$/.test(value)) return true;
  const arn = parseArn(value);
  if (!arn || !patternCovers(arn.service.value, 'iam')) return false;
  const res = arn.resource.value;
  return wildcardMatches(res, EXAMPLE_ROLE.slice(EXAMPLE_ROLE.indexOf('role/')))
    && !patternCovers('role/aws-service-role/connect.amazonaws.com/*', res);
}

/** Every role of an account: the security rule reports PutRolePolicy and AttachRolePolicy there. */
function everyRole(value: string): boolean {
  if (/^\*+$/.test(value)) return true;
  const arn = parseArn(value);
  return !!arn && patternCovers(arn.resource.value, 'role/*');
}

/** Narrow a statement's role action to `target`: replace the resource when the statement holds
 *  only role actions Connect uses and this one resource, else move the action out (needs a
 *  Statement array, and the action among others). */
function narrowFix(doc: PolicyDocument, s: Statement, action: ValueItem, resource: ValueItem, target: unknown, title: string, extra: object = {}): Fix | undefined {
  if (typeof target === 'string' && s.actions.every((a) => exactName(a, SLR_ACTIONS)) && Object.keys(extra).length === 0) {
    return { title, edits: [replaceValueEdit(resource, target)], isPreferred: true };
  }
  if (doc.statementProperty?.value?.type !== 'array' || s.actions.length < 2 || s.actionProperty?.value?.type !== 'array') return undefined;
  const remove = removeArrayElementEdit(action.node);
  const add = addStatementEdits(doc, { Effect: 'Allow', Action: action.value, Resource: target, ...extra });
  if (!remove || !add) return undefined;
  const edits: TextEdit[] = [remove, ...add];
  return { title: `${title} (in a statement of its own)`, edits, isPreferred: true };
}

/** Can the statement hold a connect-service-role-scope finding: an unconditioned Allow statement
 *  that names a role-policy action exactly and has a resource wider than the Connect role? */
const scopeCandidate = statementFact((s) => !(!isAllow(s) || s.isNotAction || s.isNotResource || s.conditions.length)
  && s.actions.some((a) => exactName(a, SCOPED_ACTIONS))
  && s.resources.some((r) => typeof r.value === 'string' && widerThanConnectRole(r.value)));

export const connectServiceRoleScope: Rule = {
  id: 'connect-service-role-scope',
  defaultSeverity: 'information',
  category: 'connect',
  title: 'iam:PutRolePolicy, iam:AttachRolePolicy or iam:DeleteRolePolicy is allowed on more roles than the Amazon Connect service-linked role.',
  fix: { summary: 'scope to the Amazon Connect service-linked role', safe: false },
  check({ doc, report }) {
    if (!allowsConnect(doc)) return;
    for (const s of doc.statements) {
      if (!scopeCandidate(doc, s)) continue;
      const actions = s.actions.filter((a) => exactName(a, SCOPED_ACTIONS));
      for (const r of s.resources) {
        if (typeof r.value !== 'string' || !widerThanConnectRole(r.value)) continue;
        const open = actions.filter((a) => !(everyRole(String(r.value)) && SECURITY_ACTIONS.has(String(a.value))));
        if (!open.length) continue;
        const target = roleTarget(doc, r.value, true);
        const names = open.map((a) => String(a.value));
        const fix = open.length === 1 ? narrowFix(doc, s, open[0], r, target, 'Scope to the Amazon Connect service-linked role')
          : s.actions.every((a) => exactName(a, SLR_ACTIONS)) ? { title: 'Scope to the Amazon Connect service-linked role', edits: [replaceValueEdit(r, target)], isPreferred: true } : undefined;
        report({
          message: `${names.join(' and ')} ${names.length > 1 ? 'are' : 'is'} allowed on ${r.value}, wider than the Amazon Connect service-linked role. Connect only changes its own role; AWS's AmazonConnect_FullAccess scopes this to ${target}.`,
          range: r.value === '*' ? open[0].range : r.range,
          data: { suggestion: target },
          fixes: fix ? [fix] : undefined,
        });
      }
    }
  },
};

const CREATE_SLR = 'iam:CreateServiceLinkedRole';
const SERVICE_NAME_KEY = 'iam:AWSServiceName';

/** The index of iam:CreateServiceLinkedRole in an Allow statement that lets it create more than
 *  the Connect role without an iam:AWSServiceName condition, else -1. */
const createSlrAt = statementFact((s) => {
  if (!isAllow(s) || s.isNotAction || s.isNotResource) return -1;
  if (s.conditions.some((c) => c.key.name.toLowerCase() === SERVICE_NAME_KEY.toLowerCase())) return -1;
  // Scoped to the Connect path, only Connect's role can be created: nothing to add.
  if (!s.resources.some((r) => typeof r.value === 'string' && widerThanConnectRole(r.value))) return -1;
  return s.actions.findIndex((a) => exactName(a, [CREATE_SLR]));
});

export const connectServiceLinkedRoleCondition: Rule = {
  id: 'connect-service-linked-role-condition',
  defaultSeverity: 'information',
  category: 'connect',
  title: 'iam:CreateServiceLinkedRole is allowed for any service in a policy for Amazon Connect: no iam:AWSServiceName condition.',
  fix: { summary: 'allow it for Amazon Connect only (an iam:AWSServiceName condition)', safe: false },
  check({ doc, report }) {
    if (!allowsConnect(doc)) return;
    for (const s of doc.statements) {
      const at = createSlrAt(doc, s);
      if (at < 0) continue;
      const action = s.actions[at];
      const condition = { StringEquals: { [SERVICE_NAME_KEY]: 'connect.amazonaws.com' } };
      let fix: Fix | undefined;
      if (s.actions.length === 1) {
        // The key exists on CreateServiceLinkedRole only: adding it to a statement with other
        // actions would stop them from applying, so they are moved apart instead.
        const edit = addConditionEdit(doc, s, 'StringEquals', SERVICE_NAME_KEY, ['connect.amazonaws.com']);
        if (edit) fix = { title: 'Allow it for Amazon Connect only (iam:AWSServiceName)', edits: [edit], isPreferred: true };
      } else {
        const resource = s.resourceProperty?.value ? getNodeValue(s.resourceProperty.value) : '*';
        fix = narrowFix(doc, s, action, s.resources[0], resource, 'Allow it for Amazon Connect only (iam:AWSServiceName)', { Condition: condition });
      }
      report({
        message: `${String(action.value)} is allowed without an iam:AWSServiceName condition, so any service's role can be created. AWS's AmazonConnect_FullAccess allows it only for connect.amazonaws.com; add that condition.`,
        range: action.range,
        fixes: fix ? [fix] : undefined,
      });
    }
  },
};

export const roleRules: Rule[] = [connectServiceRolePath, connectServiceRoleScope, connectServiceLinkedRoleCondition];
