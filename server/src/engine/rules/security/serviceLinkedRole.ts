// iam-create-slr-unrestricted: iam:CreateServiceLinkedRole allowed on every role and for every
// service (Access Analyzer's "Create SLR with star in resource" family). The holder can create the
// service-linked role of any AWS service, which that service then uses with its own permissions.
// An iam:AWSServiceName condition, or a resource naming the service's role path
// (role/aws-service-role/connect.amazonaws.com/*), makes it deliberate.
import { Statement } from '../../parse/policyModel';
import { parseArn } from '../../reference/arn';
import { patternCovers, wildcardMatches } from '../../reference/wildcard';
import { Rule } from '../rule';
import { isStar } from './allowAll';
import { grantsIdentityPermissions, isAllow, keyRange } from './statements';

const SLR = 'iam:CreateServiceLinkedRole';

/** Does a resource cover the service-linked roles of every service? */
function coversEverySlr(resource: unknown): boolean {
  if (typeof resource !== 'string') return false;
  const arn = parseArn(resource);
  if (!arn) return patternCovers(resource, 'arn:aws:iam::000000000000:role/aws-service-role/*');
  return patternCovers(arn.service.value, 'iam') && patternCovers(arn.resource.value, 'role/aws-service-role/*');
}

const limitedByService = (s: Statement) => s.conditions.some(({ key }) => key.name.toLowerCase() === 'iam:awsservicename');

export const iamCreateSlrUnrestricted: Rule = {
  id: 'iam-create-slr-unrestricted',
  scope: 'statement',
  defaultSeverity: 'warning',
  category: 'security',
  title: 'iam:CreateServiceLinkedRole is allowed for every service.',
  check({ doc, report }) {
    if (!grantsIdentityPermissions(doc)) return;
    for (const s of doc.statements) {
      if (!isAllow(s) || !s.actionProperty || limitedByService(s)) continue;
      const open = s.isNotResource ? !s.resources.some((r) => coversEverySlr(r.value)) : s.resources.some((r) => coversEverySlr(r.value));
      if (!open) continue;
      const message = 'iam:CreateServiceLinkedRole is allowed for every service. The holder can create the service-linked role of any service: add an iam:AWSServiceName condition naming the services, or scope the resource to their role paths.';
      if (s.isNotAction) {
        if (!s.actions.some((a) => typeof a.value === 'string' && wildcardMatches(a.value, SLR, true))) report({ message, range: keyRange(s.actionProperty) });
        continue;
      }
      for (const a of s.actions) {
        if (typeof a.value !== 'string' || !wildcardMatches(a.value, SLR, true)) continue;
        // `*` on `*`: allow-all-actions-all-resources already says it all.
        if (isStar(a.value) && s.resources.some((r) => r.value === '*')) continue;
        report({ message, range: a.range });
      }
    }
  },
};
