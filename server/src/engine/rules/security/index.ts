// Security rules: grants that are far broader than they look. All stay silent on Deny.
import { Rule } from '../rule';
import { allowAllActionsAllResources } from './allowAll';
import { notElementRules } from './notElements';
import { iamRolePrivilegeEscalation } from './roleEscalation';

export const securityRules: Rule[] = [iamRolePrivilegeEscalation, allowAllActionsAllResources, ...notElementRules];
