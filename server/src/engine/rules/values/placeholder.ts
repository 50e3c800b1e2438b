// placeholder-value: text left from documentation or a template (`account-id`, `<bucket>`,
// `${InstanceId}`, `my-function`). IAM accepts it, but the policy cannot match the intended
// resource. Reported on the placeholder itself; the partition/Region/account rules stay silent on
// a field that is a placeholder.
import { replaceInStringEdit } from '../../fixes/edits';
import { subRange } from '../../parse/policyModel';
import { PolicyContext, policyContext } from '../../policyContext';
import { asPartition, regionPartition } from '../../reference/regions';
import { Fix } from '../../types';
import { Rule } from '../rule';
import { factsOf, Placeholder, PlaceholderRole, policyStrings } from './strings';

const ADVICE: Record<PlaceholderRole, string> = {
  partition: 'the partition (`aws`, `aws-cn`, `aws-us-gov`, …)',
  region: 'the Region code (e.g. `us-east-1`) or `*`',
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

export const placeholderValue: Rule = {
  id: 'placeholder-value',
  defaultSeverity: 'warning',
  category: 'values',
  title: 'A value is a placeholder left from documentation or a template.',
  check({ doc, report }) {
    for (const s of policyStrings(doc)) {
      for (const p of factsOf(s).placeholders) {
        const value = known(p.role, policyContext(doc));
        const fixes: Fix[] | undefined = value
          ? [{ title: `Replace \`${p.text}\` with \`${value}\``, edits: [replaceInStringEdit(s.item, p.start, p.end, value)], isPreferred: true }]
          : undefined;
        report({
          message: message(p, value),
          range: subRange(s.item, p.start, p.end),
          data: { placeholder: p.text },
          fixes,
        });
      }
    }
  },
};

function message(p: Placeholder, value: string | undefined): string {
  const hint = value ? ` (the policy uses \`${value}\` elsewhere)` : '';
  return `\`${p.text}\` looks like a placeholder from an example: IAM accepts it, but it matches no real resource. Replace it with ${ADVICE[p.role]}${hint}.`;
}
