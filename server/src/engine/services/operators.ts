// Condition operators with what each one tests, for hovers and completions. The words are ours;
// the set is IAM's (the operators of the IAM JSON policy element reference).
import { OPERATOR_BASES, OperatorBase, parseOperator } from '../reference/operators';

// Keyed by the operator table's own names: a base operator without an explanation does not compile.
const BASE: Record<OperatorBase, string> = {
  StringEquals: 'the key\'s value equals one of the listed strings exactly (case-sensitive)',
  StringNotEquals: 'the key\'s value equals none of the listed strings (case-sensitive)',
  StringEqualsIgnoreCase: 'the key\'s value equals one of the listed strings, ignoring case',
  StringNotEqualsIgnoreCase: 'the key\'s value equals none of the listed strings, ignoring case',
  StringLike: 'the key\'s value matches one of the listed patterns (`*` any run of characters, `?` one character; case-sensitive)',
  StringNotLike: 'the key\'s value matches none of the listed patterns',
  NumericEquals: 'the key\'s number equals a listed number',
  NumericNotEquals: 'the key\'s number equals none of the listed numbers',
  NumericLessThan: 'the key\'s number is less than the listed number',
  NumericLessThanEquals: 'the key\'s number is less than or equal to the listed number',
  NumericGreaterThan: 'the key\'s number is greater than the listed number',
  NumericGreaterThanEquals: 'the key\'s number is greater than or equal to the listed number',
  DateEquals: 'the key\'s date equals the listed date (ISO 8601 or epoch seconds)',
  DateNotEquals: 'the key\'s date differs from the listed dates',
  DateLessThan: 'the key\'s date is before the listed date',
  DateLessThanEquals: 'the key\'s date is at or before the listed date',
  DateGreaterThan: 'the key\'s date is after the listed date',
  DateGreaterThanEquals: 'the key\'s date is at or after the listed date',
  Bool: 'the key\'s boolean equals `true` or `false` as listed',
  BinaryEquals: 'the key\'s bytes equal the listed base64-encoded value',
  IpAddress: 'the key\'s IP address is in one of the listed CIDR ranges',
  NotIpAddress: 'the key\'s IP address is in none of the listed CIDR ranges',
  ArnEquals: 'the key\'s ARN matches one of the listed ARNs, field by field (wildcards allowed)',
  ArnLike: 'the key\'s ARN matches one of the listed ARN patterns, field by field',
  ArnNotEquals: 'the key\'s ARN matches none of the listed ARNs',
  ArnNotLike: 'the key\'s ARN matches none of the listed ARN patterns',
  Null: '`true`: the key is absent from the request; `false`: it is present (whatever its value)',
};

const IF_EXISTS = 'With `IfExists`: when the request does not carry the key at all, this condition counts as met; when it does, the test above applies.';
const FOR_ALL = '`ForAllValues:` is for keys with several values: met when **every** value in the request passes the test (and also when the request has no value at all, so pair it with a `Null` check where that matters).';
const FOR_ANY = '`ForAnyValue:` is for keys with several values: met when **at least one** value in the request passes the test.';

export interface OperatorParts {
  base: OperatorBase;
  set?: 'ForAllValues' | 'ForAnyValue';
  ifExists: boolean;
}

/** Split `ForAnyValue:StringLikeIfExists` into its parts; undefined for an unknown operator. */
export function operatorParts(name: string): OperatorParts | undefined {
  // The one operator parser (reference/operators.ts), exact spelling only: a hover explains the
  // operators IAM knows; a misspelt or miscased one is reported by the grammar rules instead.
  const op = parseOperator(name);
  if (!op || (op.base === 'Null' && op.ifExists)) return undefined;
  return { base: op.base, set: op.prefix, ifExists: op.ifExists };
}

/** Markdown: what the operator tests, with its prefix and suffix explained. */
export function describeOperator(name: string): string | undefined {
  const p = operatorParts(name);
  if (!p) return undefined;
  const lines = [`**${name}**: condition operator. Met when ${BASE[p.base]}.`];
  if (p.set) lines.push(p.set === 'ForAllValues' ? FOR_ALL : FOR_ANY);
  if (p.ifExists) lines.push(IF_EXISTS);
  return lines.join('\n\n');
}

/** The operators completion offers: every base operator, its `IfExists` form, and the
 *  multi-valued forms of the string and ARN operators (the ones used with multi-valued keys). */
export function completionOperators(): { name: string; rank: number }[] {
  const out: { name: string; rank: number }[] = [];
  for (const base of OPERATOR_BASES) {
    out.push({ name: base, rank: 0 });
    if (base !== 'Null') out.push({ name: `${base}IfExists`, rank: 1 });
    if (/^(String|Arn)/.test(base)) {
      out.push({ name: `ForAnyValue:${base}`, rank: 2 });
      out.push({ name: `ForAllValues:${base}`, rank: 2 });
    }
  }
  return out;
}
