// Principals IAM resolves when it saves a resource policy: a statement set where only some
// statements name a Principal (wrong for both kinds of policy), and principal values that name no
// principal: a placeholder, surrounding spaces, a service name that is no AWS service principal.
// IAM rejects the policy for each ("Invalid principal in policy", "Missing principal").
import { propertiesOf, scalarItems, Statement, ValueItem } from '../../parse/policyModel';
import { parseArn } from '../../reference/arn';
import { factsOf } from '../values/strings';
import { Report, Rule } from '../rule';
import { keyRange, openBrace } from './keys';

const hasPrincipal = (s: Statement) => s.principalProperty !== undefined;

export const principalMixed: Rule = {
  id: 'principal-mixed',
  defaultSeverity: 'error',
  category: 'grammar',
  title: 'Some statements of the policy have a Principal and others do not.',
  check({ doc, report }) {
    const withP = doc.statements.filter(hasPrincipal);
    const without = doc.statements.filter((s) => !hasPrincipal(s));
    if (!withP.length || !without.length) return;
    // Report on the smaller group (the odd ones out); on a tie, on the statements lacking one.
    if (withP.length < without.length) {
      for (const s of withP) {
        report({
          message: `This statement has a ${s.principalProperty!.name}, but the other statements have none, and IAM rejects the policy either way. An identity policy takes no principal: remove it, or add one to every statement of a resource policy.`,
          range: keyRange(s.principalProperty!),
        });
      }
      return;
    }
    for (const s of without) {
      const anchor = s.byName.get('Effect') ?? s.properties[0];
      report({
        message: 'This statement has no Principal, but other statements have one, and IAM rejects the policy either way. A resource policy needs a Principal in every statement: add one, or move the statement to an identity policy.',
        range: anchor ? keyRange(anchor) : openBrace(s.node),
        related: [{ range: keyRange(withP[0].principalProperty!), message: 'A statement with a principal' }],
      });
    }
  },
};

/** Service principals outside amazonaws.com (Alexa skills and smart home invoke Lambda functions
 *  under these names, Lambda Developer Guide, "Using resource-based policies in Lambda"). */
const AMAZON_COM_SERVICES = new Set(['alexa-appkit.amazon.com', 'alexa-connectedhome.amazon.com']);
/** Web identity providers IAM knows by host name (IAM User Guide, "IAM JSON policy elements:
 *  Principal", federated users). */
const WEB_IDENTITY_PROVIDERS = new Set(['cognito-identity.amazonaws.com', 'www.amazon.com', 'graph.facebook.com', 'accounts.google.com']);

const SERVICE = /^[a-z0-9][a-z0-9-]*(\.[a-z0-9-]+)*\.amazonaws\.com(\.cn)?$/i;

/** What is wrong with a principal value, if anything, and the value it should have. */
function judge(type: string, value: string): { why: string; fix?: string } | undefined {
  switch (type) {
    case 'AWS':
      if (value === '*' || /^\d{12}$/.test(value) || value.startsWith('arn:')) return undefined;
      // Unique IDs (AIDA…, AROA…) are what IAM shows for a deleted user or role: accepted.
      if (/^A[A-Z0-9]{15,127}$/.test(value)) return undefined;
      return { why: 'an AWS principal is *, a 12-digit account ID or the ARN of an account, user or role (such as arn:aws:iam::111122223333:role/name)' };
    case 'Service': {
      if (SERVICE.test(value) || AMAZON_COM_SERVICES.has(value.toLowerCase())) return undefined;
      const host = /^([a-z0-9-]+)\.amazon\.com$/i.exec(value) ?? /^([a-z0-9-]+)(?:\.amazonaws)?$/i.exec(value);
      return { why: 'a service principal is the service\'s name ending in .amazonaws.com (such as lambda.amazonaws.com)', fix: host ? `${host[1].toLowerCase()}.amazonaws.com` : undefined };
    }
    case 'Federated':
      if (value.startsWith('arn:') || WEB_IDENTITY_PROVIDERS.has(value.toLowerCase()) || /^[a-z0-9-]+(\.[a-z0-9-]+)+/i.test(value)) return undefined;
      return { why: 'a federated principal is the ARN of a SAML or OIDC provider, or a web identity provider such as cognito-identity.amazonaws.com' };
    case 'CanonicalUser':
      return /^[0-9a-f]{64}$/i.test(value) ? undefined : { why: 'a canonical user ID has 64 hexadecimal characters' };
    default:
      return undefined;
  }
}

function checkValue(s: Statement, type: string, item: ValueItem, report: (r: Report) => void): void {
  // A variable here is policy-variable-not-allowed's finding.
  if (typeof item.value !== 'string' || item.value.includes('${')) return;
  const trimmed = item.value.trim();
  // Spaces alone are reported with the fix that removes them; a value that is wrong even without
  // them gets the finding for that fault (one finding, and no fix that would leave it standing).
  const faultBesidesSpaces = (v: string) => factsOf({ item, text: v, place: 'principal', statement: s }).placeholders.some((p) => p.certain) || !!judge(type, v);
  if (trimmed !== item.value && trimmed !== '' && !faultBesidesSpaces(trimmed)) {
    report({
      message: `This ${type} principal has spaces around it, and IAM rejects the policy. Remove them: "${trimmed}".`,
      range: item.range,
      fixes: [{ title: 'Remove the spaces', edits: [{ range: item.range, newText: JSON.stringify(trimmed) }], isPreferred: true, safe: true }],
    });
    return;
  }
  const value = trimmed || item.value;
  // A placeholder left in a principal (account-id in an ARN, <role>) names no principal.
  const placeholder = factsOf({ item, text: value, place: 'principal', statement: s }).placeholders.find((p) => p.certain);
  if (placeholder) {
    report({
      message: `${placeholder.text} is a placeholder, and IAM rejects a principal that names no one. Put in the real ${placeholder.role === 'account' ? '12-digit account ID' : 'value'} for this ${type} principal.`,
      range: item.range,
      data: { placeholder: placeholder.text },
    });
    return;
  }
  if (type === 'AWS' && value.startsWith('arn:') && !parseArn(value)) return; // arn-malformed's concern elsewhere
  const verdict = judge(type, value);
  if (!verdict) return;
  report({
    message: `${value} is not a valid ${type} principal, and IAM rejects the policy. ${verdict.why[0].toUpperCase()}${verdict.why.slice(1)}.`,
    range: item.range,
    fixes: verdict.fix ? [{ title: `Change to ${verdict.fix}`, edits: [{ range: item.range, newText: JSON.stringify(verdict.fix) }], isPreferred: true }] : undefined,
  });
}

export const principalValueInvalid: Rule = {
  id: 'principal-value-invalid',
  scope: 'statement',
  defaultSeverity: 'error',
  category: 'grammar',
  title: 'A principal value names no principal: a placeholder, spaces, or a malformed service name.',
  fix: { summary: 'remove surrounding spaces; for a service name, the .amazonaws.com form', safe: 'when it only removes spaces' },
  check({ doc, report }) {
    for (const s of doc.statements) {
      const v = s.principalProperty?.value;
      if (v?.type !== 'object') continue;
      for (const p of propertiesOf(v)) for (const item of scalarItems(p.value, doc.text)) checkValue(s, p.name, item, report);
    }
  },
};

