// iam-role-privilege-escalation: `iam:PassRole`, `iam:PutRolePolicy` or `iam:AttachRolePolicy`
// allowed on every role (`*` or `arn:…:iam::…:role/*`). Whoever holds the policy can give any
// role any permission (or hand any role to a service they control), their own role included.
//
// Where the finding goes, consistently: on the token to change. A role pattern (`role/*`) is the
// resource value; with `"Resource": "*"` (often needed by other actions of the statement) it is
// the action; with `NotAction` there is only the `NotAction` key.
//
// The Connect rules report PutRolePolicy scoped to a wrong non-wildcard role path; this rule only
// the every-role case, so the two never fire together.
import { addStatementEdits, replaceValueEdit } from '../../fixes/edits';
import { statementPart } from '../../incremental/statementCache';
import { PolicyDocument, Statement, ValueItem } from '../../parse/policyModel';
import { policyContext } from '../../policyContext';
import { parseArn } from '../../reference/arn';
import { asPartition } from '../../reference/regions';
import { patternCovers, wildcardMatches } from '../../reference/wildcard';
import { Fix, TextEdit } from '../../types';
import { Report, Rule } from '../rule';
import { isStar } from './allowAll';
import { removeArrayElementEdit } from './arrayEdits';
import { allowsServiceIn, grantsIdentityPermissions, isAllow, keyRange } from './statements';

const ROLE_ACTIONS = ['iam:PassRole', 'iam:PutRolePolicy', 'iam:AttachRolePolicy'] as const;
type RoleAction = (typeof ROLE_ACTIONS)[number];
/** What Amazon Connect needs on its service-linked role (it adds inline policies to it). */
const CONNECT_SCOPABLE: ReadonlySet<RoleAction> = new Set(['iam:PutRolePolicy', 'iam:AttachRolePolicy']);

const RISK: Record<RoleAction, string> = {
  'iam:PassRole': 'hand any role, an administrator role included, to a service they control',
  'iam:PutRolePolicy': 'write any inline policy into any role, their own included',
  'iam:AttachRolePolicy': 'attach any managed policy (AdministratorAccess included) to any role, their own included',
};

/** The role actions an action pattern grants. */
function roleActionsOf(pattern: unknown): RoleAction[] {
  // Cheap pre-check: only `iam:…` or a leading wildcard can name an iam action (policies with
  // thousands of actions are mostly other services).
  if (typeof pattern !== 'string' || !/^[i*?]/i.test(pattern)) return [];
  return ROLE_ACTIONS.filter((a) => wildcardMatches(pattern, a, true));
}

/** Does a resource pattern cover every role of some account (`*`, `arn:aws:iam::*:role/*`,
 *  `arn:aws:iam::123456789012:*`)? `role/service-role/*` and narrower paths do not. */
function coversAllRoles(resource: unknown): boolean {
  if (typeof resource !== 'string') return false;
  const arn = parseArn(resource);
  if (!arn) return patternCovers(resource, 'arn:aws:iam::000000000000:role/*');
  return patternCovers(arn.service.value, 'iam') && patternCovers(arn.resource.value, 'role/*');
}

/** Conditions that already limit the action: which roles (by tag), which policies may be
 *  attached (`iam:PolicyARN`), or to which service a role may be passed (`iam:PassedToService`,
 *  the alternative to role ARNs that Access Analyzer recommends). The statement is then
 *  deliberate, not "every role". */
function scopedByCondition(s: Statement, action: RoleAction): boolean {
  return s.conditions.some(({ key }) => {
    const k = key.name.toLowerCase();
    if (k.startsWith('aws:resourcetag/') || k.startsWith('iam:resourcetag/')) return true;
    if (action === 'iam:PassRole') return k === 'iam:passedtoservice';
    return action === 'iam:AttachRolePolicy' && k === 'iam:policyarn';
  });
}

/** The Connect service-linked role path, with the user's own partition and account. */
function connectRoleArn(doc: PolicyDocument, near?: string): string {
  const arn = near ? parseArn(near) : undefined;
  const ctx = policyContext(doc);
  const partition = asPartition(arn?.partition.value) ?? asPartition(ctx.partition) ?? 'aws';
  const account = arn && /^\d{12}$/.test(arn.account.value) ? arn.account.value : ctx.account ?? 'account-id';
  return `arn:${partition}:iam::${account}:role/aws-service-role/connect.amazonaws.com/*`;
}

/** Actions that run code under a role passed to them: with iam:PassRole on every role, the
 *  holder can run their own code with any role's permissions. */
const RUNS_CODE = [
  'lambda:CreateFunction', 'lambda:UpdateFunctionConfiguration', 'ec2:RunInstances', 'glue:CreateDevEndpoint', 'glue:CreateJob',
  'cloudformation:CreateStack', 'cloudformation:UpdateStack', 'ecs:RunTask', 'ecs:RegisterTaskDefinition', 'codebuild:CreateProject',
  'sagemaker:CreateNotebookInstance', 'sagemaker:CreateTrainingJob', 'datapipeline:CreatePipeline', 'states:CreateStateMachine',
];

/** The first code-running action the statement allows (by name or pattern), if any. */
function codeRunner(s: Statement): string | undefined {
  if (!isAllow(s) || s.isNotAction) return undefined;
  for (const a of s.actions) {
    if (typeof a.value !== 'string' || isStar(a.value)) continue;
    const hit = RUNS_CODE.find((r) => wildcardMatches(a.value as string, r, true));
    if (hit) return hit;
  }
  return undefined;
}

/** `runner`: the first code-running action the document allows (codeRunner). */
function describe(runner: string | undefined, actions: RoleAction[], on: string, lead?: string): string {
  const names = actions.join(', ');
  const risks = actions.map((a) => RISK[a]).join('; ');
  const verb = actions.length > 1 ? 'are' : 'is';
  if (!actions.includes('iam:PassRole')) runner = undefined;
  const combo = runner ? ` With ${runner} also allowed, they can run their own code with any role's permissions.` : '';
  return `${lead ?? ''}${names} ${verb} allowed on ${on}. Whoever has this policy can ${risks}.${combo} Scope the resource to the roles that need it.`;
}

const TITLE_CONNECT = 'Scope to the Amazon Connect service-linked role';

/** Fix for `Action: iam:PutRolePolicy` on `Resource: *`: scope the whole statement when it only
 *  holds role actions, else move the action to its own statement on the Connect role. */
function actionFix(doc: PolicyDocument, s: Statement, action: ValueItem, star: ValueItem): Fix | undefined {
  const granted = roleActionsOf(action.value);
  const exact = typeof action.value === 'string' && !/[*?]/.test(action.value);
  if (!exact || granted.length !== 1 || !CONNECT_SCOPABLE.has(granted[0])) return undefined;
  const target = connectRoleArn(doc);
  const onlyRoleActions = s.actions.every((a) => roleActionsOf(a.value).some((r) => CONNECT_SCOPABLE.has(r)) && !/[*?]/.test(String(a.value)));
  if (onlyRoleActions && s.resources.length === 1) {
    return { title: TITLE_CONNECT, edits: [replaceValueEdit(star, target)], isPreferred: true };
  }
  // Moving needs a Statement array: wrapping a lone statement object would rewrite the very text
  // the removal edits.
  if (doc.statementProperty?.value?.type !== 'array') return undefined;
  const remove = removeArrayElementEdit(action.node);
  const add = addStatementEdits(doc, { Effect: 'Allow', Action: action.value, Resource: target });
  if (!remove || !add || s.actions.length < 2) return undefined;
  const edits: TextEdit[] = [remove, ...add];
  return { title: `${TITLE_CONNECT} (in a statement of its own)`, edits, isPreferred: true };
}

/** What would be reported on a statement, in order: on its NotAction key, on an action (with
 *  `star`, the index of its `"*"` resource, when there is one), or on a resource that covers every
 *  role. Indices into the statement's actions and resources; the role actions are constants. */
type RoleHit =
  | { at: 'notAction'; granted: RoleAction[] }
  | { at: 'action'; index: number; granted: RoleAction[]; star: number }
  | { at: 'resource'; index: number; granted: RoleAction[] };

/** What a statement contributes, memoised by its text (statementPart): whether it allows a
 *  Connect action, its first code-running action, and its hits. */
interface RolePart {
  connect: boolean;
  runner?: string;
  hits: RoleHit[];
}

function rolePart(s: Statement): RolePart {
  const part: RolePart = { connect: allowsServiceIn(s, 'connect'), runner: codeRunner(s), hits: [] };
  if (isAllow(s)) part.hits = roleHits(s);
  return part;
}

function roleHits(s: Statement): RoleHit[] {
  const hits: RoleHit[] = [];
  const open = (actions: RoleAction[]) => actions.filter((a) => !scopedByCondition(s, a));

  if (s.isNotAction) {
    // Everything but the listed actions: the role actions the list does not exclude.
    const granted = open(ROLE_ACTIONS.filter((a) => !s.actions.some((x) => typeof x.value === 'string' && wildcardMatches(x.value, a, true))));
    const broad = s.isNotResource ? !s.resources.some((r) => coversAllRoles(r.value)) : s.resources.some((r) => coversAllRoles(r.value));
    if (granted.length && broad && s.actionProperty) hits.push({ at: 'notAction', granted });
    return hits;
  }

  const star = s.isNotResource ? -1 : s.resources.findIndex((r) => r.value === '*');
  // NotResource leaves every role open unless one of its entries excludes them all.
  const everything = s.isNotResource ? !s.resources.some((r) => coversAllRoles(r.value)) && s.resources.length > 0 : star >= 0;
  if (everything) {
    s.actions.forEach((a, index) => {
      // `*` on `*` is full admin: allow-all-actions-all-resources says so, once.
      if (star >= 0 && isStar(a.value)) return;
      const granted = open(roleActionsOf(a.value));
      if (granted.length) hits.push({ at: 'action', index, granted, star });
    });
    return hits;
  }

  if (s.isNotResource) return hits;
  const granted = open([...new Set(s.actions.flatMap((a) => roleActionsOf(a.value)))]);
  if (!granted.length) return hits;
  s.resources.forEach((r, index) => {
    if (coversAllRoles(r.value)) hits.push({ at: 'resource', index, granted });
  });
  return hits;
}

/** The findings of a statement's hits (messages and fixes need the document). */
function reportHits(doc: PolicyDocument, s: Statement, hits: RoleHit[], runner: string | undefined, connect: boolean, report: (r: Report) => void): void {
  for (const hit of hits) {
    if (hit.at === 'notAction') {
      report({ message: describe(runner, hit.granted, 'every role', 'Through NotAction, '), range: keyRange(s.actionProperty!) });
    } else if (hit.at === 'action') {
      const a = s.actions[hit.index];
      const fix = connect && hit.star >= 0 ? actionFix(doc, s, a, s.resources[hit.star]) : undefined;
      const on = s.isNotResource ? 'every role not excluded by NotResource' : 'every role ("Resource": "*")';
      report({ message: describe(runner, hit.granted, on), range: a.range, fixes: fix ? [fix] : undefined, data: { actions: hit.granted } });
    } else {
      const r = s.resources[hit.index];
      const scopable = connect && hit.granted.every((a) => CONNECT_SCOPABLE.has(a));
      const fixes: Fix[] | undefined = scopable
        ? [{ title: TITLE_CONNECT, edits: [replaceValueEdit(r, connectRoleArn(doc, String(r.value)))], isPreferred: true }]
        : undefined;
      report({ message: describe(runner, hit.granted, `every role (${r.value})`), range: r.range, fixes, data: { actions: hit.granted } });
    }
  }
}

/** Does iam-role-privilege-escalation report this action string (a role action it grants on every
 *  role, not limited by a condition)? Other escalation rules leave such a token to it. */
export function grantsOpenRoleAction(s: Statement, a: ValueItem): boolean {
  if (s.isNotAction || s.isNotResource) return false;
  const granted = roleActionsOf(a.value).filter((r) => !scopedByCondition(s, r));
  return granted.length > 0 && s.resources.some((r) => r.value === '*' || coversAllRoles(r.value));
}

export const iamRolePrivilegeEscalation: Rule = {
  id: 'iam-role-privilege-escalation',
  defaultSeverity: 'warning',
  category: 'security',
  title: 'iam:PassRole, iam:PutRolePolicy or iam:AttachRolePolicy is allowed on every role.',
  fix: { summary: 'scope to the Amazon Connect service-linked role (in a statement of its own)', safe: false },
  check({ doc, report }) {
    if (!grantsIdentityPermissions(doc)) return;
    // Each statement's part is computed once per statement text; per analysis only this runs.
    const parts = doc.statements.map((s) => statementPart(doc, s, 'iam-role-privilege-escalation', rolePart));
    const connect = parts.some((p) => p.connect);
    const runner = parts.find((p) => p.runner !== undefined)?.runner;
    doc.statements.forEach((s, i) => reportHits(doc, s, parts[i].hits, runner, connect, report));
  },
};
