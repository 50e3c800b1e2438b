// Small questions the security rules ask of a statement.
import { nodeRange } from '../../parse/jsonDocument';
import { PolicyDocument, Property, Statement } from '../../parse/policyModel';
import { OffsetRange } from '../../types';

/** Only `Allow` statements grant anything; every security rule stays silent on `Deny`. */
export function isAllow(s: Statement): boolean {
  return s.effect?.value === 'Allow';
}

/** Does the document grant its principal permissions of its own? A resource-based policy (its
 *  statements name a Principal: a bucket, topic, queue, key or VPC endpoint policy) only lets
 *  principals act on the resource it is attached to, and IAM's own actions on roles, users and
 *  policies can be granted by identity-based policies only. So "full administrator access" and
 *  the privilege-escalation paths are questions for identity policies. */
export function grantsIdentityPermissions(doc: PolicyDocument): boolean {
  return doc.kind !== 'resource';
}

export function keyRange(p: Property): OffsetRange {
  return nodeRange(p.key);
}

/** Does any Allow statement of the document grant an action of `service` (by name or pattern)? */
export function allowsService(doc: PolicyDocument, service: string): boolean {
  return doc.statements.some((s) => allowsServiceIn(s, service));
}

/** Is the statement an Allow that grants an action of `service` (by name or pattern)? */
export function allowsServiceIn(s: Statement, service: string): boolean {
  const prefix = `${service.toLowerCase()}:`;
  return isAllow(s) && !s.isNotAction && s.actions.some((a) => typeof a.value === 'string' && a.value.toLowerCase().startsWith(prefix));
}
