// condition-type-mismatch: an operator whose type can never match the key's type (an IpAddress
// operator on a Bool key). Pairs that work as intended pass: string operators on any key, and ARN
// operators on String keys that hold ARNs.
import { renameKeyFix } from '../../fixes/renameKey';
import { nodeRange } from '../../parse/jsonDocument';
import { propertiesOf } from '../../parse/policyModel';
import { findConditionKey } from '../../reference/iamData';
import { OperatorBase, operatorName, parseOperator, ValueKind } from '../../reference/operators';
import { Rule } from '../rule';

/** The types an operator can compare as (`Null` tests presence, not a value). */
type OperatorType = Exclude<ValueKind, 'Null'>;

/** The type an operator compares as, ignoring `ForAllValues:`/`ForAnyValue:` and `IfExists`;
 *  undefined for `Null`, for operators IAM does not know and for names not spelled exactly as IAM
 *  spells them (all of those are other rules' business). */
export function operatorType(operator: string): OperatorType | undefined {
  const kind = parseOperator(operator)?.kind;
  return kind === 'Null' ? undefined : kind;
}

/** `ArrayOfString` → `String`. */
const scalarType = (type: string) => type.replace(/^ArrayOf/, '');

const OPERATOR_EXAMPLE: Record<OperatorType, string> = {
  String: 'StringEquals', Numeric: 'NumericEquals', Date: 'DateGreaterThan', Bool: 'Bool',
  Binary: 'BinaryEquals', IPAddress: 'IpAddress', ARN: 'ArnLike',
};

/** Can a value of `keyType` ever satisfy an operator of type `op`? Only pairs that never match are
 *  reported: IAM compares the request's value as text under a String operator, so any key type
 *  fits those (`StringEquals` "true" on a Bool key works); a String key may hold an ARN (the
 *  `kms:EncryptionContext:aws:s3:arn` key, an ARN in a tag), so ARN operators fit String keys; and
 *  a String key may hold a number, a date, "true" or an IP address, which Numeric, Date, Bool and
 *  IpAddress operators parse. What is left compares two fixed formats that cannot meet (an
 *  IpAddress operator on a Bool key, an ARN operator on a Date key). */
/** What values of a type are, for messages. */
const TYPE_WORD: Record<OperatorType, string> = {
  String: 'text', Numeric: 'numbers', Date: 'dates', Bool: 'true or false', Binary: 'base64 data',
  IPAddress: 'IP addresses', ARN: 'ARNs',
};

function fits(op: OperatorType, keyType: string, key: string): boolean {
  if (op === keyType || op === 'String' || keyType === 'String') return true;
  // AWS documents aws:EpochTime as Date and Numeric (seconds since 1970); the reference keeps
  // only Date.
  return op === 'Numeric' && keyType === 'Date' && /epoch/i.test(key);
}

/** Can the operator (spelt as IAM spells it) never match the key (known to the reference)? */
export function operatorNeverFits(operator: string, key: string): boolean {
  const op = operatorType(operator);
  const info = findConditionKey(key);
  if (!op || !info) return false;
  const keyType = scalarType(info.type);
  return keyType in OPERATOR_EXAMPLE && !fits(op, keyType, key);
}

/** What an operator tests, so it can be rewritten for another type: `StringNotLike` → not-like. */
type Test = 'equals' | 'notEquals' | 'like' | 'notLike';
const TEST_OF: Partial<Record<OperatorBase, Test>> = {
  StringEquals: 'equals', StringNotEquals: 'notEquals', StringLike: 'like', StringNotLike: 'notLike',
  ArnEquals: 'equals', ArnNotEquals: 'notEquals', ArnLike: 'like', ArnNotLike: 'notLike',
};
/** The operator of another type that tests the same, where there is one. */
const EQUIVALENT: Partial<Record<OperatorType, Partial<Record<Test, OperatorBase>>>> = {
  String: { equals: 'StringEquals', notEquals: 'StringNotEquals', like: 'StringLike', notLike: 'StringNotLike' },
  Numeric: { equals: 'NumericEquals', notEquals: 'NumericNotEquals' },
  Date: { equals: 'DateEquals', notEquals: 'DateNotEquals' },
  Bool: { equals: 'Bool' },
  IPAddress: { equals: 'IpAddress', notEquals: 'NotIpAddress' },
};

/** `ForAnyValue:StringEqualsIfExists` on an IP key → `ForAnyValue:IpAddressIfExists`. */
export function equivalentOperator(operator: string, keyType: OperatorType): string | undefined {
  const op = parseOperator(operator);
  const test = op && TEST_OF[op.base];
  const base = test && EQUIVALENT[keyType]?.[test];
  return op && base ? operatorName({ ...op, base }) : undefined;
}

export const conditionTypeMismatch: Rule = {
  id: 'condition-type-mismatch',
  scope: 'statement',
  defaultSeverity: 'warning',
  category: 'reference',
  title: 'A condition operator does not fit the type of its key.',
  fix: { summary: 'change an ARN operator to the one of the key\'s type that tests the same (when the key is alone under its operator)', safe: false },
  check({ doc, report }) {
    for (const s of doc.statements) {
      for (const c of s.conditions) {
        if (!operatorNeverFits(c.operator.name, c.key.name)) continue;
        const op = operatorType(c.operator.name)!;
        const keyType = scalarType(findConditionKey(c.key.name)!.type);
        // Rewriting the operator changes every key under it: only offered for a lone key.
        const alone = propertiesOf(c.operator.value).length === 1;
        const replacement = alone ? equivalentOperator(c.operator.name, keyType as OperatorType) : undefined;
        report({
          message: `${c.operator.name} can never match ${c.key.name}: the operator compares ${TYPE_WORD[op]} and the key holds ${TYPE_WORD[keyType as OperatorType]}. Use a ${keyType} operator such as ${OPERATOR_EXAMPLE[keyType as OperatorType]}.`,
          range: nodeRange(c.operator.key),
          related: [{ range: nodeRange(c.key.key), message: `${c.key.name} (${keyType})` }],
          data: { operatorType: op, keyType },
          fixes: replacement
            ? [renameKeyFix(doc.text, c.operator, replacement, { title: `Change the operator to ${replacement}` })].filter((f) => !!f)
            : undefined,
        });
      }
    }
  },
};
