// The condition operators IAM knows, with the type of value each compares, and the parsing of an
// operator name into its set prefix (`ForAllValues:`/`ForAnyValue:`), base and `IfExists` suffix.
//
// The one operator parser of the engine: the grammar rules (unknown operators, value types), the
// reference rules (operator type against key type), the Connect rules (enumerated values) and the
// hover all read it, so they can never disagree on which operators exist or what they compare.
//
// Operator names are case-sensitive: IAM rejects `stringEquals` ("MalformedPolicyDocument: Invalid
// Condition type : stringEquals", the CreateRole error quoted in
// github.com/ministryofjustice/modernisation-platform-environments/pull/8893), unlike condition
// key names, which the Condition element page says are not case-sensitive. So `parseOperator`
// takes the exact spelling only; a miscased name is an unknown operator, and
// `parseOperatorIgnoringCase` says which operator was meant (for the message and its fix).

export type ValueKind = 'String' | 'Numeric' | 'Date' | 'Bool' | 'Binary' | 'IPAddress' | 'ARN' | 'Null';

const BASES = {
  StringEquals: 'String', StringNotEquals: 'String', StringEqualsIgnoreCase: 'String', StringNotEqualsIgnoreCase: 'String',
  StringLike: 'String', StringNotLike: 'String',
  NumericEquals: 'Numeric', NumericNotEquals: 'Numeric', NumericLessThan: 'Numeric', NumericLessThanEquals: 'Numeric',
  NumericGreaterThan: 'Numeric', NumericGreaterThanEquals: 'Numeric',
  DateEquals: 'Date', DateNotEquals: 'Date', DateLessThan: 'Date', DateLessThanEquals: 'Date',
  DateGreaterThan: 'Date', DateGreaterThanEquals: 'Date',
  Bool: 'Bool',
  BinaryEquals: 'Binary',
  IpAddress: 'IPAddress', NotIpAddress: 'IPAddress',
  ArnEquals: 'ARN', ArnNotEquals: 'ARN', ArnLike: 'ARN', ArnNotLike: 'ARN',
  Null: 'Null',
} as const satisfies Record<string, ValueKind>;

/** A base operator name as IAM spells it (`StringEquals`). */
export type OperatorBase = keyof typeof BASES;

/** Every base operator, in the order of the IAM reference. */
export const OPERATOR_BASES = Object.keys(BASES) as OperatorBase[];

export const SET_PREFIXES = ['ForAllValues', 'ForAnyValue'] as const;
export type SetPrefix = (typeof SET_PREFIXES)[number];

const IF_EXISTS = 'IfExists';
const isBase = (name: string): name is OperatorBase => Object.hasOwn(BASES, name);
const baseByLower = new Map(OPERATOR_BASES.map((b) => [b.toLowerCase(), b]));

export interface ParsedOperator {
  /** `ForAllValues` / `ForAnyValue` as IAM spells it, when the name has that prefix. */
  prefix?: SetPrefix;
  /** The base operator as IAM spells it (`StringEquals`). */
  base: OperatorBase;
  ifExists: boolean;
  kind: ValueKind;
  /** `StringNot…`, `NumericNotEquals`, `NotIpAddress`, …: met when the value does not match. */
  negated: boolean;
  /** `StringLike`/`StringNotLike`/`ArnLike`/`ArnNotLike`: the values are wildcard patterns. */
  pattern: boolean;
  /** `StringEqualsIgnoreCase`/`StringNotEqualsIgnoreCase`. */
  ignoreCase: boolean;
}

function parsed(prefix: SetPrefix | undefined, base: OperatorBase, ifExists: boolean): ParsedOperator {
  return {
    prefix, base, ifExists, kind: BASES[base],
    negated: base.includes('Not'),
    pattern: base.endsWith('Like'),
    ignoreCase: base.endsWith('IgnoreCase'),
  };
}

/** Parse an operator name spelled exactly as IAM spells it; undefined for any other name (a
 *  miscased one included). `NullIfExists` parses: condition-null-if-exists reports it. */
export function parseOperator(name: string): ParsedOperator | undefined {
  const colon = name.indexOf(':');
  let prefix: SetPrefix | undefined;
  if (colon >= 0) {
    prefix = SET_PREFIXES.find((p) => p === name.slice(0, colon));
    if (!prefix) return undefined;
  }
  let rest = name.slice(colon + 1);
  const ifExists = rest.endsWith(IF_EXISTS);
  if (ifExists) rest = rest.slice(0, -IF_EXISTS.length);
  return isBase(rest) ? parsed(prefix, rest, ifExists) : undefined;
}

/** The operator a name means when case is ignored (`stringequalsifexists` → StringEqualsIfExists):
 *  for telling a case slip from an unknown name. */
export function parseOperatorIgnoringCase(name: string): ParsedOperator | undefined {
  const colon = name.indexOf(':');
  let prefix: SetPrefix | undefined;
  if (colon >= 0) {
    const lower = name.slice(0, colon).toLowerCase();
    prefix = SET_PREFIXES.find((p) => p.toLowerCase() === lower);
    if (!prefix) return undefined;
  }
  let rest = name.slice(colon + 1).toLowerCase();
  const ifExists = rest.endsWith(IF_EXISTS.toLowerCase());
  if (ifExists) rest = rest.slice(0, -IF_EXISTS.length);
  const base = baseByLower.get(rest);
  return base ? parsed(prefix, base, ifExists) : undefined;
}

/** The name of a parsed operator as IAM spells it (`ForAnyValue:StringLikeIfExists`). */
export function operatorName(op: Pick<ParsedOperator, 'prefix' | 'base' | 'ifExists'>): string {
  return `${op.prefix ? `${op.prefix}:` : ''}${op.base}${op.ifExists ? IF_EXISTS : ''}`;
}

/** The base that compares the same values as patterns (`StringEquals` → `StringLike`); undefined
 *  for the operators that have no pattern form (`StringEqualsIgnoreCase` has no `Like` twin). */
export function patternBase(base: OperatorBase): OperatorBase | undefined {
  if (base === 'StringEquals') return 'StringLike';
  if (base === 'StringNotEquals') return 'StringNotLike';
  return undefined;
}

/** Every valid operator name, for "did you mean". */
export function allOperatorNames(): string[] {
  const singles = OPERATOR_BASES.flatMap((b) => (b === 'Null' ? [b] : [b, `${b}${IF_EXISTS}`]));
  return [...singles, ...SET_PREFIXES.flatMap((p) => singles.map((s) => `${p}:${s}`))];
}
