// iam-privilege-escalation: the well-known IAM privilege-escalation actions beyond the role ones
// (iam-role-privilege-escalation), and resource-policy writes that let the holder grant themselves
// or anyone access, allowed on every resource of their kind. Table-driven: each row is an action,
// the resource kind it acts on and what its holder can do with it everywhere.
//
// Only the unscoped case is reported: `"Resource": "*"`, an ARN pattern covering every resource of
// the kind (`arn:aws:iam::*:user/*`), NotResource that leaves them open, or NotAction. A condition
// on the resource's tags, on the policy that may be attached (iam:PolicyARN) or a required
// permissions boundary (iam:PermissionsBoundary) makes the statement deliberate. Where `*` or
// `iam:*` also grants the role actions, iam-role-privilege-escalation reports the token and this
// rule stays silent on it: one finding per mistake.
import { statementPart } from '../../incremental/statementCache';
import { Statement } from '../../parse/policyModel';
import { parseArn } from '../../reference/arn';
import { patternCovers, patternsIntersect, wildcardMatches } from '../../reference/wildcard';
import { Report, Rule } from '../rule';
import { isStar } from './allowAll';
import { grantsOpenRoleAction } from './roleEscalation';
import { grantsIdentityPermissions, isAllow, keyRange } from './statements';

type Kind = 'user' | 'group' | 'policy' | 'role' | 'bucket';

interface Escalation {
  action: string;
  kind: Kind;
  /** For a resource-policy write: the service whose full access makes it no escalation (whoever
   *  already has s3:* on every bucket gains nothing by writing a bucket policy). */
  service?: string;
  /** What whoever holds the action on every resource of its kind can do. */
  risk: string;
}

/** The escalation paths documented by AWS's own guidance and the common IAM privilege-escalation
 *  catalogues: each lets the holder give themselves more permissions than the policy states. */
const ESCALATIONS: Escalation[] = [
  { action: 'iam:CreatePolicyVersion', kind: 'policy', risk: 'rewrite any customer managed policy, one attached to themselves included' },
  { action: 'iam:SetDefaultPolicyVersion', kind: 'policy', risk: 'switch any managed policy to another, possibly broader, version' },
  { action: 'iam:CreateAccessKey', kind: 'user', risk: 'create access keys for any user and act as that user' },
  { action: 'iam:CreateLoginProfile', kind: 'user', risk: 'give any user a console password and sign in as them' },
  { action: 'iam:UpdateLoginProfile', kind: 'user', risk: 'change any user\'s console password and sign in as them' },
  { action: 'iam:AttachUserPolicy', kind: 'user', risk: 'attach any managed policy, AdministratorAccess included, to any user, themselves included' },
  { action: 'iam:PutUserPolicy', kind: 'user', risk: 'write any inline policy into any user, themselves included' },
  { action: 'iam:AttachGroupPolicy', kind: 'group', risk: 'attach any managed policy to any group, their own included' },
  { action: 'iam:PutGroupPolicy', kind: 'group', risk: 'write any inline policy into any group, their own included' },
  { action: 'iam:AddUserToGroup', kind: 'group', risk: 'add themselves to any group, an administrators group included' },
  { action: 'iam:UpdateAssumeRolePolicy', kind: 'role', risk: 'rewrite the trust policy of any role and then assume it' },
  { action: 's3:PutBucketPolicy', kind: 'bucket', service: 's3', risk: 'rewrite the policy of any bucket, opening it to any account or to everyone' },
  { action: 's3:PutBucketAcl', kind: 'bucket', service: 's3', risk: 'grant any account or everyone access to any bucket through its ACL' },
];

/** An ARN standing for every resource of the kind, to test patterns against. */
const EVERY: Record<Kind, { service: string; resource: string; sample: string }> = {
  user: { service: 'iam', resource: 'user/*', sample: 'arn:aws:iam::000000000000:user/*' },
  group: { service: 'iam', resource: 'group/*', sample: 'arn:aws:iam::000000000000:group/*' },
  policy: { service: 'iam', resource: 'policy/*', sample: 'arn:aws:iam::000000000000:policy/*' },
  role: { service: 'iam', resource: 'role/*', sample: 'arn:aws:iam::000000000000:role/*' },
  bucket: { service: 's3', resource: '*', sample: 'arn:aws:s3:::*' },
};

function coversAll(resource: unknown, kind: Kind): boolean {
  if (typeof resource !== 'string') return false;
  const every = EVERY[kind];
  const arn = parseArn(resource);
  if (!arn) return patternCovers(resource, every.sample);
  // The account `aws` holds AWS managed policies, which no customer can change.
  if (arn.account.value === 'aws') return false;
  return patternCovers(arn.service.value, every.service) && patternCovers(arn.resource.value, every.resource);
}

/** Conditions that make the grant deliberate (see the header). */
function scoped(s: Statement): boolean {
  return s.conditions.some(({ key }) => {
    const k = key.name.toLowerCase();
    return k.startsWith('aws:resourcetag/') || k.startsWith('iam:resourcetag/') || k === 'iam:policyarn' || k === 'iam:permissionsboundary';
  });
}

const grants = (pattern: unknown, e: Escalation) => typeof pattern === 'string' && wildcardMatches(pattern, e.action, true);

/** The escalations a statement opens on every resource of their kind. The Resource element is
 *  weighed once per kind (five), not per escalation granted (dozens share a kind): a statement
 *  listing thousands of resources and most actions would cost escalations × resources. */
function openEscalations(s: Statement, granted: Escalation[]): Escalation[] {
  const open = new Map<Kind, boolean>();
  return granted.filter((e) => {
    let hit = open.get(e.kind);
    if (hit === undefined) {
      const some = s.resources.some((r) => coversAll(r.value, e.kind));
      open.set(e.kind, (hit = s.isNotResource ? !some : some));
    }
    return hit;
  });
}

function describe(found: Escalation[], lead: string): string {
  const names = found.map((e) => e.action);
  const shown = names.length > 3 ? `${names.slice(0, 3).join(', ')} and ${names.length - 3} more` : names.join(', ');
  const risks = found.slice(0, 2).map((e) => e.risk).join('; ');
  if (lead) return `${lead}this statement allows privilege escalation on every resource. It grants ${shown}: whoever has this policy can ${risks}${found.length > 2 ? '; and more' : ''}. Scope the resources, or add a condition that limits them.`;
  return `${found.length > 1 ? 'These are escalation paths' : 'This is an escalation path'} on every resource: ${shown}. Whoever has this policy can ${risks}${found.length > 2 ? '; and more' : ''}. Scope the resources, or add a condition that limits them.`;
}

/** The services whose full access makes their rows no escalation (ESCALATIONS' `service`). */
const WHOLE_SERVICES = [...new Set(ESCALATIONS.flatMap((e) => (e.service ? [e.service] : [])))];

/** Does the statement allow every action of `service` on every resource (`s3:*` or `*` on `*`, or
 *  NotAction that excludes none of its actions)? */
function grantsWholeService(s: Statement, service: string): boolean {
  const all = `${service}:*`;
  if (!isAllow(s) || s.conditionProperty || s.isNotResource || !s.resources.some((r) => r.value === '*')) return false;
  if (s.isNotAction) return !s.actions.some((a) => typeof a.value === 'string' && patternsIntersect(a.value, all, true));
  return s.actions.some((a) => typeof a.value === 'string' && patternCovers(a.value.toLowerCase(), all));
}

/** What a statement contributes, memoised by its text (statementPart): the services it grants
 *  whole, and what would be reported on it with every row of ESCALATIONS relevant. Rows are
 *  indices into ESCALATIONS; `action` indexes the statement's actions, -1 for its NotAction key. */
interface EscalationPart {
  wholeServices: string[];
  hits: { action: number; rows: number[] }[];
}

const rowsOf = (found: Escalation[]) => found.map((e) => ESCALATIONS.indexOf(e));

function escalationPart(s: Statement): EscalationPart {
  const part: EscalationPart = { wholeServices: WHOLE_SERVICES.filter((service) => grantsWholeService(s, service)), hits: [] };
  if (!isAllow(s) || scoped(s) || !s.actionProperty) return part;
  if (s.isNotAction) {
    const granted = ESCALATIONS.filter((e) => !s.actions.some((a) => grants(a.value, e)));
    const open = openEscalations(s, granted);
    if (open.length) part.hits.push({ action: -1, rows: rowsOf(open) });
    return part;
  }
  s.actions.forEach((a, i) => {
    // `*` on `*` is allow-all-actions-all-resources; role actions are the role rule's.
    if (isStar(a.value) && s.resources.some((r) => r.value === '*')) return;
    if (grantsOpenRoleAction(s, a)) return;
    const open = openEscalations(s, ESCALATIONS.filter((e) => grants(a.value, e)));
    if (open.length) part.hits.push({ action: i, rows: rowsOf(open) });
  });
  return part;
}

export const iamPrivilegeEscalation: Rule = {
  id: 'iam-privilege-escalation',
  defaultSeverity: 'warning',
  category: 'security',
  title: 'An action that lets its holder escalate their own privileges is allowed on every resource.',
  noFix: 'the resources to allow are yours to name',
  check({ doc, report }) {
    if (!grantsIdentityPermissions(doc)) return;
    // Each statement's part is computed once per statement text; per analysis only this runs.
    const parts = doc.statements.map((s) => statementPart(doc, s, 'iam-privilege-escalation', escalationPart));
    const whole = new Set(parts.flatMap((p) => p.wholeServices));
    // Whoever already has s3:* on every bucket gains nothing by writing a bucket policy.
    const relevant = (row: number) => !ESCALATIONS[row].service || !whole.has(ESCALATIONS[row].service!);
    doc.statements.forEach((s, i) => {
      for (const hit of parts[i].hits) {
        const open = hit.rows.filter(relevant).map((row) => ESCALATIONS[row]);
        if (!open.length) continue;
        const range = hit.action < 0 ? keyRange(s.actionProperty!) : s.actions[hit.action].range;
        report({ message: describe(open, hit.action < 0 ? 'Through NotAction, ' : ''), range, data: { actions: open.map((e) => e.action) } });
      }
    });
  },
};
