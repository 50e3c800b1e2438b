// service-principal-without-source: a resource policy that allows an AWS service principal
// without aws:SourceArn, aws:SourceAccount, aws:SourceOrgID or aws:SourceOrgPaths (Access
// Analyzer's "Restrict access to service principal" and "Recommended condition key for service
// principal"). The service acts for every customer: without the condition, another account's use
// of the service can reach this resource (the confused deputy problem, IAM User Guide, "The
// confused deputy problem"). Role trust policies (sts: actions only) are left alone: AWS's own
// service-role trust policies name the service without a source condition.
import { propertiesOf, scalarItems } from '../../parse/policyModel';
import { Rule } from '../rule';
import { isAllow } from './statements';

const SOURCE_KEYS = new Set(['aws:sourcearn', 'aws:sourceaccount', 'aws:sourceorgid', 'aws:sourceorgpaths']);

export const servicePrincipalWithoutSource: Rule = {
  id: 'service-principal-without-source',
  scope: 'statement',
  defaultSeverity: 'information',
  category: 'security',
  title: 'A service principal is allowed without an aws:SourceArn or aws:SourceAccount condition.',
  noFix: 'the source ARN or account is yours to name',
  check({ doc, report }) {
    for (const s of doc.statements) {
      const principal = s.principalProperty;
      if (!isAllow(s) || principal?.name !== 'Principal' || principal.value?.type !== 'object') continue;
      if (s.conditions.some((c) => SOURCE_KEYS.has(c.key.name.toLowerCase()))) continue;
      if (s.isNotAction || !s.actions.length || s.actions.every((a) => typeof a.value === 'string' && a.value.toLowerCase().startsWith('sts:'))) continue;
      const service = propertiesOf(principal.value).find((p) => p.name === 'Service');
      for (const item of scalarItems(service?.value, doc.text)) {
        if (typeof item.value !== 'string') continue;
        report({
          message: `${item.value} may act here on behalf of any account. Add an aws:SourceArn or aws:SourceAccount condition naming your resource or account, so only your use of the service is allowed.`,
          range: item.range,
        });
      }
    }
  },
};
