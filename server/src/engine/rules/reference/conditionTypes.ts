// condition-type-mismatch: the operator's type must fit the key's type (a Date key compared with
// StringEquals compares text, not dates). String operators on ARN keys are accepted by IAM and
// common, so they pass.
import { renameKeyFix } from '../../fixes/renameKey';
import { nodeRange } from '../../parse/jsonDocument';
import { propertiesOf } from '../../parse/policyModel';
import { findConditionKey } from '../../reference/iamData';
import { operatorName, parseExactOperator, ValueKind } from '../../reference/operators';
import { Rule } from '../rule';

/** The types an operator can compare as (`Null` tests presence, not a value). */
type OperatorType = Exclude<ValueKind, 'Null'>;

/** The type an operator compares as, ignoring `ForAllValues:`/`ForAnyValue:` and `IfExists`;
 *  undefined for `Null`, for operators IAM does not know and for names not spelled exactly as IAM
 *  spells them (all of those are other rules' business). */
export function operatorType(operator: string): OperatorType | undefined {
  const kind = parseExactOperator(operator)?.kind;
  return kind === 'Null' ? undefined : kind;
}

/** `ArrayOfString` → `String`. */
const scalarType = (type: string) => type.replace(/^ArrayOf/, '');

const OPERATOR_EXAMPLE: Record<OperatorType, string> = {
  String: 'StringEquals', Numeric: 'NumericEquals', Date: 'DateGreaterThan', Bool: 'Bool',
  Binary: 'BinaryEquals', IPAddress: 'IpAddress', ARN: 'ArnLike',
};

function fits(op: OperatorType, keyType: string, key: string): boolean {
  if (op === keyType) return true;
  // IAM compares ARNs as strings too; StringLike on an ARN key is normal.
  if (op === 'String' && keyType === 'ARN') return true;
  // AWS documents aws:EpochTime as Date and Numeric (seconds since 1970); the reference keeps
  // only Date.
  return op === 'Numeric' && keyType === 'Date' && /epoch/i.test(key);
}

/** What an operator tests, so it can be rewritten for another type: `StringNotLike` → not-like. */
type Test = 'equals' | 'notEquals' | 'like' | 'notLike';
const TEST_OF: Record<string, Test> = {
  StringEquals: 'equals', StringNotEquals: 'notEquals', StringLike: 'like', StringNotLike: 'notLike',
  ArnEquals: 'equals', ArnNotEquals: 'notEquals', ArnLike: 'like', ArnNotLike: 'notLike',
};
/** The operator of another type that tests the same, where there is one. */
const EQUIVALENT: Partial<Record<OperatorType, Partial<Record<Test, string>>>> = {
  String: { equals: 'StringEquals', notEquals: 'StringNotEquals', like: 'StringLike', notLike: 'StringNotLike' },
  Numeric: { equals: 'NumericEquals', notEquals: 'NumericNotEquals' },
  Date: { equals: 'DateEquals', notEquals: 'DateNotEquals' },
  Bool: { equals: 'Bool' },
  IPAddress: { equals: 'IpAddress', notEquals: 'NotIpAddress' },
};

/** `ForAnyValue:StringEqualsIfExists` on an IP key → `ForAnyValue:IpAddressIfExists`. */
export function equivalentOperator(operator: string, keyType: OperatorType): string | undefined {
  const op = parseExactOperator(operator);
  const test = op && TEST_OF[op.base];
  const base = test && EQUIVALENT[keyType]?.[test];
  return op && base ? operatorName({ ...op, base }) : undefined;
}

export const conditionTypeMismatch: Rule = {
  id: 'condition-type-mismatch',
  defaultSeverity: 'warning',
  category: 'reference',
  title: 'A condition operator does not fit the type of its key.',
  check({ doc, report }) {
    for (const s of doc.statements) {
      for (const c of s.conditions) {
        const op = operatorType(c.operator.name);
        const info = findConditionKey(c.key.name);
        if (!op || !info) continue;
        const keyType = scalarType(info.type);
        if (!(keyType in OPERATOR_EXAMPLE) || fits(op, keyType, c.key.name)) continue;
        // Rewriting the operator changes every key under it: only offered for a lone key.
        const alone = propertiesOf(c.operator.value).length === 1;
        const replacement = alone ? equivalentOperator(c.operator.name, keyType as OperatorType) : undefined;
        report({
          message: `\`${c.operator.name}\` compares values as ${op}, but \`${c.key.name}\` is of type ${keyType}: the comparison does not work as intended. Use a ${keyType} operator such as \`${OPERATOR_EXAMPLE[keyType as OperatorType]}\`.`,
          range: nodeRange(c.operator.key),
          related: [{ range: nodeRange(c.key.key), message: `\`${c.key.name}\` (${keyType})` }],
          data: { operatorType: op, keyType },
          fixes: replacement
            ? [renameKeyFix(doc.text, c.operator, replacement, { title: `Change the operator to \`${replacement}\`` })].filter((f) => !!f)
            : undefined,
        });
      }
    }
  },
};
