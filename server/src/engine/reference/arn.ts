// ARN fields with their character positions, so findings can point at the exact field.
// Hand-written on purpose: the common parsers (e.g. @aws-sdk/util-arn-parser) return the fields
// but not where they are, and reject the partial ARNs a user is still typing.
import { StringMemo } from '../memo';
import type { ValueItem } from '../parse/policyModel';

export interface ArnField {
  value: string;
  /** Index of the field's first character in the ARN string. */
  start: number;
  end: number;
}

export interface ParsedArn {
  partition: ArnField;
  service: ArnField;
  region: ArnField;
  account: ArnField;
  /** Everything after the fifth colon (may itself contain colons). */
  resource: ArnField;
}

/** The next field separator: a colon outside `${...}` (policy variables such as
 *  `${aws:PrincipalAccount}` contain colons of their own). */
function nextColon(arn: string, from: number): number {
  for (let i = from; i < arn.length; i++) {
    if (arn[i] === ':') return i;
    if (arn[i] === '$' && arn[i + 1] === '{') {
      const close = arn.indexOf('}', i);
      if (close < 0) return arn.indexOf(':', i);
      i = close;
    }
  }
  return -1;
}

/** Memo of parseArn; `null` records "not an ARN". */
const parsed = new StringMemo<ParsedArn | null>();

/** Split an `arn:` string into its six fields, or undefined when it has fewer than six. Memoised
 *  (many rules parse the same ARNs, on every keystroke): treat the result as read-only. */
export function parseArn(arn: string): ParsedArn | undefined {
  if (!arn.startsWith('arn:')) return undefined;
  return parsed.getOrCompute(arn, (own) => splitArn(own) ?? null) ?? undefined;
}

/** The values that are ARNs, each with its fields. The rules that judge ARN fields and the policy
 *  context all walk values this way: one helper, so a non-string or non-ARN value is skipped the
 *  same way everywhere. */
export function* arnItems(items: ValueItem[]): Generator<{ item: ValueItem; arn: ParsedArn }> {
  for (const item of items) {
    const arn = typeof item.value === 'string' ? parseArn(item.value) : undefined;
    if (arn) yield { item, arn };
  }
}

function splitArn(arn: string): ParsedArn | undefined {
  const fields: ArnField[] = [];
  let start = 0;
  for (let i = 0; i < 5; i++) {
    const colon = nextColon(arn, start);
    if (colon < 0) return undefined;
    fields.push({ value: arn.slice(start, colon), start, end: colon });
    start = colon + 1;
  }
  fields.push({ value: arn.slice(start), start, end: arn.length });
  const [, partition, service, region, account, resource] = fields;
  return { partition, service, region, account, resource };
}

/** Is the text a wildcard or contain one (`*` or `?`)? */
export function hasWildcard(text: string): boolean {
  return text.includes('*') || text.includes('?');
}

/** Policy variables live in variables.ts; re-exported for the many ARN readers that ask. */
export { hasPolicyVariable } from './variables';
