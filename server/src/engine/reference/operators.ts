// The condition operators IAM knows, with the type of value each compares, and the parsing of an
// operator name into its set prefix (`ForAllValues:`/`ForAnyValue:`), base and `IfExists` suffix.
// Lookups ignore case: a case difference alone is never reported as an unknown operator.
// The one operator table of the engine: the grammar rules (unknown operators, value types) and the
// reference rules (operator type against key type) both read it, so the two can never disagree on
// which operators exist or what they compare.

export type ValueKind = 'String' | 'Numeric' | 'Date' | 'Bool' | 'Binary' | 'IPAddress' | 'ARN' | 'Null';

const BASES: Record<string, ValueKind> = {};
const add = (kind: ValueKind, names: string[]) => names.forEach((n) => (BASES[n] = kind));
add('String', ['StringEquals', 'StringNotEquals', 'StringEqualsIgnoreCase', 'StringNotEqualsIgnoreCase', 'StringLike', 'StringNotLike']);
add('Numeric', ['NumericEquals', 'NumericNotEquals', 'NumericLessThan', 'NumericLessThanEquals', 'NumericGreaterThan', 'NumericGreaterThanEquals']);
add('Date', ['DateEquals', 'DateNotEquals', 'DateLessThan', 'DateLessThanEquals', 'DateGreaterThan', 'DateGreaterThanEquals']);
add('Bool', ['Bool']);
add('Binary', ['BinaryEquals']);
add('IPAddress', ['IpAddress', 'NotIpAddress']);
add('ARN', ['ArnEquals', 'ArnNotEquals', 'ArnLike', 'ArnNotLike']);
add('Null', ['Null']);

export const SET_PREFIXES = ['ForAllValues', 'ForAnyValue'] as const;
const byLower = new Map(Object.keys(BASES).map((b) => [b.toLowerCase(), b]));

export interface ParsedOperator {
  /** `ForAllValues` / `ForAnyValue` as IAM spells it, when the name has that prefix. */
  prefix?: (typeof SET_PREFIXES)[number];
  /** The base operator as IAM spells it (`StringEquals`). */
  base: string;
  ifExists: boolean;
  kind: ValueKind;
}

/** Parse an operator name; undefined when IAM does not know it (`NullIfExists` parses: it is
 *  reported on its own). */
export function parseOperator(name: string): ParsedOperator | undefined {
  const colon = name.indexOf(':');
  let prefix: ParsedOperator['prefix'];
  if (colon >= 0) {
    prefix = SET_PREFIXES.find((p) => p.toLowerCase() === name.slice(0, colon).toLowerCase());
    if (!prefix) return undefined;
  }
  let rest = name.slice(colon + 1);
  const ifExists = /IfExists$/i.test(rest);
  if (ifExists) rest = rest.slice(0, -'IfExists'.length);
  const base = byLower.get(rest.toLowerCase());
  return base ? { prefix, base, ifExists, kind: BASES[base] } : undefined;
}

/** The name of a parsed operator as IAM spells it (`ForAnyValue:StringLikeIfExists`). */
export function operatorName(op: Pick<ParsedOperator, 'prefix' | 'base' | 'ifExists'>): string {
  return `${op.prefix ? `${op.prefix}:` : ''}${op.base}${op.ifExists ? 'IfExists' : ''}`;
}

/** Parse an operator only when it is spelled exactly as IAM spells it: for checks that leave a
 *  miscased operator to the rules about its name. */
export function parseExactOperator(name: string): ParsedOperator | undefined {
  const op = parseOperator(name);
  return op && operatorName(op) === name ? op : undefined;
}

/** Every valid operator name, for "did you mean". */
export function allOperatorNames(): string[] {
  const singles = Object.keys(BASES).flatMap((b) => (b === 'Null' ? [b] : [b, `${b}IfExists`]));
  return [...singles, ...SET_PREFIXES.flatMap((p) => singles.map((s) => `${p}:${s}`))];
}
