// ARN syntax per service: six fields, a service field the reference knows, and Region/account
// fields used the way the service's resource-type ARN formats use them. Resource strings only
// (Resource and NotResource); fields holding wildcards or policy variables are never judged.
import { replaceInStringEdit } from '../../fixes/edits';
import { Statement, subRange, ValueItem } from '../../parse/policyModel';
import { ArnField, hasPolicyVariable, hasWildcard, ParsedArn, parseArn } from '../../reference/arn';
import { serviceExists } from '../../reference/iamData';
import { referenceDate } from './resolve';
import { arnFieldUse, arnServiceProfile, arnServices } from '../../reference/resourceMatch';
import { closestMatches, orList } from '../../reference/suggest';
import { Fix } from '../../types';
import { policyContext } from '../../policyContext';
import { Rule, RuleContext } from '../rule';
import { exampleArn } from './arnText';
import { accountMayBeEmpty } from '../../reference/wildcard';

interface ResourceString {
  s: Statement;
  item: ValueItem;
  text: string;
}

function* resourceStrings(ctx: RuleContext): Generator<ResourceString> {
  for (const s of ctx.doc.statements) {
    for (const item of s.resources) if (typeof item.value === 'string') yield { s, item, text: item.value };
  }
}

/** A field the rules must not judge: a wildcard or a policy variable may stand for anything. */
const open = (f: ArnField) => hasWildcard(f.value) || hasPolicyVariable(f.value);

/** Only wildcards (`*`, `**`): matches any resource. */
const isAny = (text: string) => /^[*]+$/.test(text);

export const arnMalformed: Rule = {
  id: 'arn-malformed',
  scope: 'statement',
  defaultSeverity: 'error',
  category: 'reference',
  title: 'A resource is neither * nor an ARN with six fields and a service.',
  fix: { summary: 'lower-case an `ARN:` prefix', safe: true },
  check(ctx) {
    for (const { item, text } of resourceStrings(ctx)) {
      if (isAny(text) || text.startsWith('${')) continue;
      if (!text.startsWith('arn:')) {
        const lowerFix = /^arn:/i.test(text)
          ? [{ title: 'Write the prefix arn: in lower case', edits: [replaceInStringEdit(item, 0, 4, 'arn:')], isPreferred: true, safe: true }]
          : undefined;
        ctx.report({
          message: `${text} is not an ARN, and IAM rejects the policy. A resource is * or an ARN starting with arn:, such as arn:aws:s3:::${text && !text.includes(':') ? text : 'my-bucket'}.`,
          range: item.range,
          fixes: lowerFix,
        });
        continue;
      }
      const arn = parseArn(text);
      if (!arn) {
        // A `*` can span the missing colons (`arn:aws:*`); only a literal ARN is surely short.
        if (hasWildcard(text)) continue;
        const fields = text.split(':').length;
        ctx.report({
          message: `This ARN has ${fields} of the six fields, and IAM rejects the policy. An ARN is arn:partition:service:region:account:resource: add the missing fields, empty where the service has none (as in arn:aws:s3:::bucket).`,
          range: item.range,
        });
        continue;
      }
      if (arn.service.value === '') {
        ctx.report({
          message: 'The service field of this ARN is empty, so it matches no resource. Add the service, such as s3 in arn:aws:s3:::bucket.',
          range: subRange(item, arn.service.start - 1, arn.service.end + 1),
        });
      }
    }
  },
};

/** Parsed ARNs of resource strings whose service field is concrete. */
function* concreteArns(ctx: RuleContext): Generator<ResourceString & { arn: ParsedArn }> {
  for (const r of resourceStrings(ctx)) {
    const arn = parseArn(r.text);
    if (arn && arn.service.value !== '' && !open(arn.service)) yield { ...r, arn };
  }
}

export const arnUnknownService: Rule = {
  id: 'arn-unknown-service',
  scope: 'statement',
  // Not an error: services newer than the reference have ARNs it does not know.
  defaultSeverity: 'warning',
  category: 'reference',
  title: 'The service field of an ARN names no AWS service.',
  fix: { summary: 'change to the nearest service (or its lower-case spelling)', safe: false },
  check(ctx) {
    for (const { item, arn } of concreteArns(ctx)) {
      const service = arn.service.value;
      const lower = service.toLowerCase();
      // Known: a service field of some resource type's ARN format, or a service prefix.
      const known = arnServiceProfile(lower) !== undefined || serviceExists(lower);
      if (known && service === lower) continue;
      // ARNs match case-sensitively and service fields are lower case: `S3` matches nothing.
      const near = known ? [lower] : closestMatches(service, arnServices());
      const fixes: Fix[] = near.map((n, i) => ({
        title: `Change the service to ${n}`,
        edits: [replaceInStringEdit(item, arn.service.start, arn.service.end, n)],
        isPreferred: i === 0,
      }));
      const why = known
        ? `The service ${service} must be lower case: ARNs match case-sensitively, so this one matches nothing`
        : `${service} is the service of no ARN in the AWS reference of ${referenceDate()}. Unless it is newer, this ARN matches nothing`;
      ctx.report({
        message: `${why}.${near.length ? ` Use ${orList(near)}.` : ''}`,
        range: subRange(item, arn.service.start, arn.service.end),
        data: near.length ? { suggestions: near } : undefined,
        fixes: fixes.length ? fixes : undefined,
      });
    }
  },
};

type FieldName = 'region' | 'account';
const LABEL: Record<FieldName, string> = { region: 'Region', account: 'account' };

/** An example ARN of the service in which the field is as `wanted` (empty or filled), for the
 *  message. */
function example(arn: ParsedArn, field: FieldName, wanted: 'empty' | 'filled'): string {
  const profile = arnServiceProfile(arn.service.value);
  const f = profile?.formats.find((x, i) => (profile.parsed[i]?.[field].value === '') === (wanted === 'empty'));
  return f ? ` (such as ${exampleArn(f, arn.partition.value)})` : '';
}

export const arnFieldNotAllowed: Rule = {
  id: 'arn-field-not-allowed',
  scope: 'statement',
  defaultSeverity: 'error',
  category: 'reference',
  title: 'An ARN has a Region or account where the service\'s ARNs leave that field empty.',
  fix: { summary: 'remove the field\'s value', safe: false },
  check(ctx) {
    for (const { item, arn } of concreteArns(ctx)) {
      for (const field of ['region', 'account'] as const) {
        const f = arn[field];
        if (f.value === '' || open(f) || arnFieldUse(arn, field) !== 'never') continue;
        ctx.report({
          message: `This ${arn.service.value} ARN has ${field === 'account' ? 'an' : 'a'} ${LABEL[field]}, so it matches nothing. ARNs of this kind leave the ${LABEL[field]} empty${example(arn, field, 'empty')}: remove ${f.value}.`,
          range: subRange(item, f.start, f.end),
          fixes: [{ title: `Remove the ${LABEL[field]} ${f.value}`, edits: [replaceInStringEdit(item, f.start, f.end, '')], isPreferred: true }],
        });
      }
    }
  },
};

/** Reports an empty Region or account field where every ARN format of the service fills it in;
 *  the fix fills in the value the rest of the policy uses, or `*`. */
function missingFieldRule(id: string, field: 'region' | 'account', defaultSeverity: 'error' | 'warning', mayBeEmpty: (service: string) => boolean): Rule {
  const label = field === 'region' ? 'Region' : 'account';
  return {
    id,
    scope: 'statement',
    defaultSeverity,
    category: 'reference',
    title: `An ARN leaves the ${label} empty where every ARN of its kind has one.`,
    fix: { summary: `fill in the ${label} the rest of the policy uses, or \`*\``, safe: false },
    check(ctx) {
      for (const { item, arn } of concreteArns(ctx)) {
        const f = arn[field];
        if (f.value !== '' || arnFieldUse(arn, field) !== 'always' || mayBeEmpty(arn.service.value)) continue;
        const value = policyContext(ctx.doc)[field] ?? '*';
        ctx.report({
          message: `This ${arn.service.value} ARN has no ${label}, so it matches nothing. ARNs of this kind always have one${example(arn, field, 'filled')}: fill in the ${field === 'region' ? 'Region' : 'account ID'}, or * for any.`,
          // The empty field sits between two colons: underline both.
          range: subRange(item, f.start - 1, f.end + 1),
          fixes: [{ title: `Use ${value} for the ${label}`, edits: [replaceInStringEdit(item, f.start, f.end, value)], isPreferred: true }],
        });
      }
    },
  };
}

export const arnMissingRegion = missingFieldRule('arn-missing-region', 'region', 'error', () => false);

/** A warning, not an error: SSM and Resource Explorer name AWS-owned resources without an account
 *  (arn:aws:ssm:*::document/AWS-RunShellScript) although their formats have one. */
export const arnMissingAccount = missingFieldRule('arn-missing-account', 'account', 'warning', accountMayBeEmpty);

export const arnRules: Rule[] = [arnMalformed, arnUnknownService, arnFieldNotAllowed, arnMissingRegion, arnMissingAccount];
