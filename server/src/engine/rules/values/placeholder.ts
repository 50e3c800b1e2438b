// placeholder-value (warning): text left from documentation or a template that cannot be a real
// value where it stands (`account-id` as an account, `<bucket>`, `${InstanceId}`). IAM accepts
// it, but the policy cannot match the intended resource. placeholder-name (information): a valid
// name that merely reads like an example (`my-function`, `stream-name`), which may be real.
// Reported on the placeholder itself; the partition/Region/account rules stay silent on a field
// that is a placeholder.
import { replaceInStringEdit } from '../../fixes/edits';
import { subRange } from '../../parse/policyModel';
import { PolicyContext, policyContext } from '../../policyContext';
import { asPartition, regionPartition } from '../../reference/regions';
import { Fix } from '../../types';
import { Rule } from '../rule';
import { factsOf, Placeholder, PlaceholderRole, policyStrings } from './strings';

const ADVICE: Record<PlaceholderRole, string> = {
  partition: 'the partition (aws, aws-cn, aws-us-gov, …)',
  region: 'the Region code (such as us-east-1) or *',
  account: 'the 12-digit account ID',
  instance: 'the Amazon Connect instance ID',
  other: 'the real value',
};

/** The real value when the rest of the policy states it (and it is valid: the context is read
 *  from the policy, mistakes included). */
function known(role: PlaceholderRole, ctx: PolicyContext): string | undefined {
  switch (role) {
    case 'partition': return asPartition(ctx.partition);
    case 'region': return ctx.region && regionPartition(ctx.region) ? ctx.region : undefined;
    case 'account': return ctx.account;
    case 'instance': return ctx.instanceId;
    default: return undefined;
  }
}

/** Report the placeholders of one grade: `certain` ones (placeholder-value) or example-like names
 *  (placeholder-name). */
function reportPlaceholders(certain: boolean, message: (p: Placeholder, value: string | undefined) => string): Rule['check'] {
  return ({ doc, report }) => {
    for (const s of policyStrings(doc)) {
      for (const p of factsOf(s).placeholders) {
        if (p.certain !== certain) continue;
        // In a Principal IAM rejects the policy: principal-value-invalid reports it as an error.
        if (certain && s.place === 'principal') continue;
        const value = known(p.role, policyContext(doc));
        const fixes: Fix[] | undefined = value
          ? [{ title: `Replace ${p.text} with ${value}`, edits: [replaceInStringEdit(s.item, p.start, p.end, value)], isPreferred: true }]
          : undefined;
        report({ message: message(p, value), range: subRange(s.item, p.start, p.end), data: { placeholder: p.text }, fixes });
      }
    }
  };
}

const hint = (value: string | undefined) => (value ? ` (the policy uses ${value} elsewhere)` : '');

export const placeholderValue: Rule = {
  id: 'placeholder-value',
  scope: 'statement',
  defaultSeverity: 'warning',
  category: 'values',
  title: 'A value is a placeholder left from documentation or a template.',
  fix: { summary: 'replace it with the value the rest of the policy states (account, Region, partition, instance), when it states one', safe: false },
  check: reportPlaceholders(true, (p, value) =>
    `${p.text} is a placeholder from an example, so this value matches nothing real. Replace it with ${ADVICE[p.role]}${hint(value)}.`),
};

/** A valid name that reads like an example (`my-function`): it may be the real name, so only a
 *  suggestion. */
export const placeholderName: Rule = {
  id: 'placeholder-name',
  scope: 'statement',
  defaultSeverity: 'information',
  category: 'values',
  title: 'A resource name reads like an example name from documentation.',
  check: reportPlaceholders(false, (p, value) =>
    `${p.text} reads like an example name. If it is not the resource's real name, replace it with that name${hint(value)}.`),
};
