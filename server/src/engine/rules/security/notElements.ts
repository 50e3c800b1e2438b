// Allow statements built on exclusion: `NotAction`, `NotResource`, `NotPrincipal`. Each grants
// everything except what it lists, which is almost never what the author meant to allow.
import { Property, Statement } from '../../parse/policyModel';
import { Rule } from '../rule';
import { isAllow, keyRange } from './statements';

interface NotRule {
  id: string;
  title: string;
  message: string;
  property(s: Statement): Property | undefined;
}

const NOT_RULES: NotRule[] = [
  {
    id: 'allow-with-not-action',
    title: 'Allow with NotAction grants every action except those listed.',
    message: 'Allow with NotAction grants every action except the ones listed. That is every action of every AWS service, new ones included: list the actions to allow under Action instead.',
    property: (s) => (s.isNotAction ? s.actionProperty : undefined),
  },
  {
    id: 'allow-with-not-resource',
    title: 'Allow with NotResource grants access to every resource except those listed.',
    message: 'Allow with NotResource grants the actions on every resource except the ones listed. That includes every account this policy can reach: list the resources to allow under Resource instead.',
    property: (s) => (s.isNotResource ? s.resourceProperty : undefined),
  },
  {
    id: 'allow-with-not-principal',
    title: 'Allow with NotPrincipal grants access to every principal except those listed.',
    message: 'Allow with NotPrincipal grants access to every principal except the ones listed. Anonymous users are included: name the principals to allow under Principal instead.',
    property: (s) => s.byName.get('NotPrincipal'),
  },
];

function toRule(n: NotRule): Rule {
  return {
    id: n.id,
    defaultSeverity: 'warning',
    category: 'security',
    scope: 'statement',
    title: n.title,
    check({ doc, report }) {
      for (const s of doc.statements) {
        const prop = n.property(s);
        if (prop && isAllow(s)) report({ message: n.message, range: keyRange(prop) });
      }
    },
  };
}

export const notElementRules: Rule[] = NOT_RULES.map(toRule);
