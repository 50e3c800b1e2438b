// ARN templates for Resource completion: each reference ARN format of the statement's actions as a
// snippet, the policy's own partition, Region and account filled in (from policyContext) and every
// other variable a tab stop named like the placeholders people write (`${4:instance-id}`).
import { PolicyContext } from '../policyContext';
import { ResourceTypeInfo } from '../reference/iamData';
import { escapeSnippet } from './snippets';

export interface ArnTemplate {
  type: ResourceTypeInfo;
  /** The ARN with placeholder words: `arn:aws:connect:region:account-id:instance/instance-id`. */
  label: string;
  snippet: string;
}

/** How many templates completion offers at most (`s3:*` alone has a dozen resource types). */
const LIMIT = 60;

/** `InstanceId` → `instance-id`; the three context fields by the names the docs use. */
function placeholderName(variable: string): string {
  if (variable === 'Partition') return 'aws';
  if (variable === 'Account') return 'account-id';
  return variable.replace(/([a-z0-9])([A-Z])/g, '$1-$2').toLowerCase();
}

/** Values the policy itself supplies for a variable (the instance ID stays a tab stop, prefilled,
 *  since one policy often covers several instances). */
function contextValue(variable: string, ctx: PolicyContext): { value: string; fixed: boolean } | undefined {
  if (variable === 'Partition' && ctx.partition) return { value: ctx.partition, fixed: true };
  if (variable === 'Region' && ctx.region) return { value: ctx.region, fixed: true };
  if (variable === 'Account' && ctx.account) return { value: ctx.account, fixed: true };
  if (variable === 'InstanceId' && ctx.instanceId) return { value: ctx.instanceId, fixed: false };
  return undefined;
}

export function arnTemplate(type: ResourceTypeInfo, ctx: PolicyContext): ArnTemplate {
  let stop = 0;
  let label = '';
  let snippet = '';
  const re = /\$\{([^}]*)\}/g;
  let last = 0;
  for (let m = re.exec(type.arn); m; m = re.exec(type.arn)) {
    const literal = type.arn.slice(last, m.index);
    label += literal;
    snippet += escapeSnippet(literal);
    const known = contextValue(m[1], ctx);
    const shown = known?.value ?? placeholderName(m[1]);
    label += shown;
    snippet += known?.fixed ? escapeSnippet(shown) : `\${${++stop}:${escapeSnippet(shown)}}`;
    last = m.index + m[0].length;
  }
  const tail = type.arn.slice(last);
  return { type, label: label + tail, snippet: snippet + escapeSnippet(tail) };
}

export function arnTemplates(types: ResourceTypeInfo[], ctx: PolicyContext): ArnTemplate[] {
  return types.slice(0, LIMIT).map((t) => arnTemplate(t, ctx));
}
