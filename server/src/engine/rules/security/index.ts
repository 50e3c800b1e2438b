// Security rules: grants that are far broader than they look. All stay silent on Deny, except
// deny-mfa-bool-without-if-exists, which is about a Deny that misses requests.
import { Rule } from '../rule';
import { allowAllActionsAllResources } from './allowAll';
import { denyMfaBoolWithoutIfExists } from './mfaCondition';
import { notElementRules } from './notElements';
import { iamPrivilegeEscalation } from './privilegeEscalation';
import { resourceStarScopable } from './resourceStar';
import { iamRolePrivilegeEscalation } from './roleEscalation';
import { servicePrincipalWithoutSource } from './servicePrincipal';
import { iamCreateSlrUnrestricted } from './serviceLinkedRole';

export const securityRules: Rule[] = [
  iamRolePrivilegeEscalation, iamPrivilegeEscalation, iamCreateSlrUnrestricted, allowAllActionsAllResources, ...notElementRules,
  denyMfaBoolWithoutIfExists, servicePrincipalWithoutSource, resourceStarScopable,
];
