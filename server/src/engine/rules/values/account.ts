// arn-invalid-account (error) and arn-example-account (information): the account field of an ARN.
import { spanSuggestion } from '../../fixes/edits';
import { StringMemo } from '../../memo';
import { statementPart } from '../../incremental/statementCache';
import { Statement, subRange } from '../../parse/policyModel';
import { policyContext } from '../../policyContext';
import { hasWildcard, parseArn } from '../../reference/arn';
import { resourceTypesOf } from '../../reference/iamData';
import { EXAMPLE_ACCOUNTS } from '../../reference/placeholders';
import { Rule } from '../rule';
import { OffsetRange } from '../../types';
import { arnStrings, factsOf, fieldDeferred, fieldNeverUsed, statementStrings } from './strings';

/** Words some services put in the account field instead of an ID, per the reference's ARN
 *  formats (`arn:${Partition}:mediaconnect:${Region}:offering:${OfferingId}`). */
const literalCache = new StringMemo<Set<string>>(10_000);
function literalAccounts(service: string): Set<string> {
  return literalCache.getOrCompute(service, (own) => {
    const set = new Set<string>();
    for (const rt of resourceTypesOf(own).values()) {
      const account = parseArn(rt.arn)?.account.value;
      if (account && !account.includes('${')) set.add(account);
    }
    return set;
  });
}

/** Can this account value match something real? 12 digits; `aws` (AWS-managed resources such as
 *  `arn:aws:iam::aws:policy/...` or CloudFormation transforms); `partner` (partner-managed
 *  policies, seen in AWS managed policies' `iam:PermissionsBoundary` conditions); a word the
 *  service's own ARN formats use; or a pattern whose literal characters are digits and that fits
 *  in 12 characters. */
function validAccount(value: string, service: string, resource: string): boolean {
  if (/^\d{12}$/.test(value) || value === 'aws' || value === 'partner' || literalAccounts(service).has(value)) return true;
  // A CloudFront origin access identity as a principal: arn:aws:iam::cloudfront:user/CloudFront
  // Origin Access Identity <ID> (Amazon S3 and CloudFront developer guides, bucket policies for
  // an origin access identity).
  if (service === 'iam' && value === 'cloudfront' && resource.startsWith('user/CloudFront Origin Access Identity ')) return true;
  if (!hasWildcard(value)) return false;
  const fixed = value.replace(/\*/g, '');
  if (!/^[\d?]*$/.test(fixed)) return false;
  return value.includes('*') ? fixed.length <= 12 : fixed.length === 12;
}

export const arnInvalidAccount: Rule = {
  id: 'arn-invalid-account',
  scope: 'statement',
  defaultSeverity: 'error',
  category: 'values',
  title: 'The account field of an ARN is not a 12-digit account ID.',
  fix: { summary: 'remove the separators, or use the account the rest of the policy uses', safe: false },
  check({ doc, report }) {
    for (const { s, arn, facts } of arnStrings(doc)) {
      const field = arn.account;
      const value = field.value;
      if (value === '' || validAccount(value, arn.service.value, arn.resource.value) || fieldDeferred(facts, field) || fieldNeverUsed(arn, 'account')) continue;
      // Account IDs are often copied with separators, as the console shows them (1234-5678-9012).
      const digits = value.replace(/[-\s]/g, '');
      const ctxAccount = policyContext(doc).account;
      const suggestion = /^\d{12}$/.test(digits) ? digits : ctxAccount;
      const shape = /^\d+$/.test(value) ? `has ${value.length} digits` : 'is not a number';
      report({
        message: `Account ${value} ${shape}: an account ID has exactly 12 digits, so this ARN matches nothing. Use the 12-digit account ID, *, or leave the field empty where the service has no account.`,
        ...spanSuggestion(s.item, field.start, field.end, suggestion, (v) => `Change the account to ${v}`),
      });
    }
  },
};

export const arnExampleAccount: Rule = {
  id: 'arn-example-account',
  defaultSeverity: 'information',
  category: 'values',
  title: 'An ARN uses an account ID from the AWS documentation examples.',
  check({ doc, report }) {
    // Once per document, on the first occurrence: the account is usually repeated in every ARN.
    // Which strings of a statement hold one is memoised by the statement's text (statementPart).
    const hits: { value: string; range: OffsetRange }[] = [];
    const compute = (s: Statement) => exampleAccounts(s, doc.text);
    for (const s of doc.statements) {
      const base = s.node.offset;
      for (const { value, start, end } of statementPart(doc, s, 'arn-example-account', compute)) hits.push({ value, range: { start: base + start, end: base + end } });
    }
    const [first, ...rest] = hits;
    if (!first) return;
    report({
      message: `${first.value} is an account ID AWS documentation uses in examples. If this policy is meant for a real account, put that account's ID here${rest.length ? ' and in the other ARNs that use it' : ''}.`,
      range: first.range,
      related: rest.map((r) => ({ range: r.range, message: `${r.value} again` })),
      data: { placeholder: first.value },
    });
  },
};

/** The example account IDs of AWS's own documentation, each as its own constant. */
const EXAMPLE_ACCOUNT_IDS = new Map([...EXAMPLE_ACCOUNTS].map((a) => [a, a]));

/** A statement's ARNs whose account is an example one: the account (the constant, no slice of the
 *  document) and its range relative to the statement's start. */
function exampleAccounts(s: Statement, text: string): { value: string; start: number; end: number }[] {
  const out: { value: string; start: number; end: number }[] = [];
  for (const str of statementStrings(s, text)) {
    const arn = factsOf(str).arn;
    const value = arn && EXAMPLE_ACCOUNT_IDS.get(arn.account.value);
    if (!value || fieldNeverUsed(arn, 'account')) continue;
    const range = subRange(str.item, arn.account.start, arn.account.end);
    out.push({ value, start: range.start - s.node.offset, end: range.end - s.node.offset });
  }
  return out;
}
