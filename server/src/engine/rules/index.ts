// Every rule the engine runs, in one list. Each family keeps its own index file so adding a rule
// touches only its family.
import { Rule } from './rule';
import { syntaxRules } from './syntax';
import { grammarRules } from './grammar';
import { referenceRules } from './reference';
import { valueRules } from './values';
import { securityRules } from './security';
import { connectRules } from '../connect';
import { denyRules } from './deny';
import { templateRules } from '../hosts/rules';
import { withScopes } from './scope';

export const allRules: readonly Rule[] = withScopes([
  ...syntaxRules,
  ...grammarRules,
  ...referenceRules,
  ...valueRules,
  ...securityRules,
  ...connectRules,
  ...denyRules,
  ...templateRules,
]);

const byId = new Map(allRules.map((r) => [r.id, r]));

export function ruleById(id: string): Rule | undefined {
  return byId.get(id);
}
