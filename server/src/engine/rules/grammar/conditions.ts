// The `Condition` element: its shape (operator → key → values), operator names, value types and
// set operators (`ForAllValues:`/`ForAnyValue:`) on single-valued keys.
import { Node } from 'jsonc-parser';
import { nodeRange } from '../../parse/jsonDocument';
import { PolicyDocument, propertiesOf, Property } from '../../parse/policyModel';
import { closestMatch } from '../../reference/closest';
import { findConditionKey } from '../../reference/iamData';
import { allOperatorNames, operatorName, parseOperator, parseOperatorIgnoringCase } from '../../reference/operators';
import { Rule } from '../rule';
import { renameKeyFix as renameOrMergeKeyFix } from '../../fixes/renameKey';
import { keyRange, renameKeyFix, typeName } from './keys';
import { valueMismatch } from './values';
import { templatePlaceholders } from '../../reference/placeholders';
import { operatorNeverFits } from '../reference/conditionTypes';

const isScalar = (n: Node) => n.type === 'string' || n.type === 'number' || n.type === 'boolean';

export const conditionInvalidStructure: Rule = {
  id: 'condition-invalid-structure',
  scope: 'statement',
  defaultSeverity: 'error',
  category: 'grammar',
  title: 'Condition is not an object of operators, each an object of keys with values.',
  check({ doc, report }) {
    for (const s of doc.statements) {
      const cond = s.conditionProperty?.value;
      if (!cond) continue;
      if (cond.type !== 'object') {
        report({ message: `Condition is ${typeName(cond)}: IAM expects an object such as {"StringEquals": {"aws:PrincipalTag/team": "support"}} and rejects the policy.`, range: nodeRange(cond) });
        continue;
      }
      for (const op of propertiesOf(cond)) {
        if (!op.value) continue;
        if (op.value.type !== 'object') {
          report({ message: `The value of ${op.name} is ${typeName(op.value)}: IAM expects an object of condition keys and their values, e.g. {"aws:SourceAccount": "111122223333"}.`, range: nodeRange(op.value) });
          continue;
        }
        for (const key of propertiesOf(op.value)) {
          const v = key.value;
          if (!v) continue;
          const bad = v.type === 'array' ? (v.children ?? []).filter((c) => !isScalar(c)) : isScalar(v) ? [] : [v];
          for (const b of bad) {
            report({ message: `A value of ${key.name} is ${typeName(b)}: IAM expects a string, number or boolean (or an array of them) and rejects the policy.`, range: nodeRange(b) });
          }
        }
      }
    }
  },
};

/** Operators of every statement's `Condition`. */
function* operators(doc: PolicyDocument): Generator<Property> {
  for (const s of doc.statements) yield* propertiesOf(s.conditionProperty?.value);
}

/** `NullIfExists` in any case, as IAM spells the operator meant (`Null`, with its set prefix). */
function nullWithoutIfExists(name: string): string | undefined {
  const op = parseOperatorIgnoringCase(name);
  return op?.base === 'Null' && op.ifExists ? operatorName({ ...op, ifExists: false }) : undefined;
}

export const conditionUnknownOperator: Rule = {
  id: 'condition-unknown-operator',
  scope: 'statement',
  defaultSeverity: 'error',
  category: 'grammar',
  title: 'A condition operator IAM does not know.',
  fix: { summary: 'rename to the nearest operator', safe: false },
  check({ doc, report }) {
    for (const op of operators(doc)) {
      if (parseOperator(op.name) || nullWithoutIfExists(op.name)) continue;
      // Operator names are case-sensitive (reference/operators.ts): a case slip is unknown to IAM
      // too, and fixing the case is safe, it keeps what the author evidently meant.
      const miscased = parseOperatorIgnoringCase(op.name);
      const near = miscased ? operatorName(miscased) : closestMatch(op.name, allOperatorNames());
      const hint = miscased
        ? ` Operator names are case-sensitive: write ${near}.`
        : near ? ` Did you mean ${near}?` : ' Use one such as StringEquals, ArnLike, NumericLessThan, DateGreaterThan, Bool, IpAddress or Null.';
      report({
        message: `${op.name} is not a condition operator: IAM rejects the policy.${hint}`,
        range: keyRange(op),
        data: near ? { suggestion: near } : undefined,
        fixes: near ? [renameOrMergeKeyFix(doc.text, op, near, { safe: !!miscased })].filter((f) => !!f) : undefined,
      });
    }
  },
};

export const conditionNullIfExists: Rule = {
  id: 'condition-null-if-exists',
  scope: 'statement',
  defaultSeverity: 'error',
  category: 'grammar',
  title: 'Null with the IfExists suffix.',
  fix: { summary: 'remove IfExists from Null', safe: false },
  check({ doc, report }) {
    for (const op of operators(doc)) {
      const fixed = nullWithoutIfExists(op.name);
      if (!fixed) continue;
      report({
        message: `${op.name} is not a valid operator, and IAM rejects the policy. Null already tests whether the key exists, so it has no IfExists form: use ${fixed}.`,
        range: keyRange(op),
        fixes: [renameOrMergeKeyFix(doc.text, op, fixed)].filter((f) => !!f),
      });
    }
  },
};

export const conditionInvalidValue: Rule = {
  id: 'condition-invalid-value',
  scope: 'statement',
  defaultSeverity: 'error',
  category: 'grammar',
  title: 'A condition value is not of the type its operator compares.',
  check({ doc, report }) {
    for (const s of doc.statements) {
      for (const c of s.conditions) {
        const op = parseOperator(c.operator.name);
        // An operator that can never match its key's type is condition-type-mismatch's finding;
        // its values would only repeat it.
        if (!op || operatorNeverFits(c.operator.name, c.key.name)) continue;
        for (const item of c.values) {
          const expected = valueMismatch(op.kind, item);
          // A template placeholder (<my-corporate-cidr>) is placeholder-value's finding.
          if (!expected || (typeof item.value === 'string' && templatePlaceholders(item.value).length)) continue;
          report({
            message: `${c.key.name} can never match ${JSON.stringify(item.value)} under ${c.operator.name}. The operator expects ${expected}.`,
            range: item.range,
          });
        }
      }
    }
  },
};

/** A set operator (`ForAllValues:`/`ForAnyValue:`) on a key that has one value per request. */
function setOperatorOnSingleValuedKey(prefix: 'ForAllValues' | 'ForAnyValue', why: string): Rule['check'] {
  return ({ doc, report }) => {
    for (const s of doc.statements) {
      const siblings = propertiesOf(s.conditionProperty?.value);
      for (const c of s.conditions) {
        const op = parseOperator(c.operator.name);
        if (op?.prefix !== prefix) continue;
        const info = findConditionKey(c.key.name);
        if (!info || info.type.startsWith('ArrayOf')) continue; // unknown keys: reported elsewhere
        const plain = operatorName({ ...op, prefix: undefined });
        // Renaming the operator changes every key under it, and must not collide with an
        // existing operator of the same name.
        const alone = propertiesOf(c.operator.value).length === 1 && !siblings.some((p) => p.name === plain);
        report({
          message: `${c.key.name} has one value per request, but ${c.operator.name} is for multivalued keys. ${why[0].toUpperCase()}${why.slice(1)}: use ${plain}.`,
          range: keyRange(c.key),
          related: [{ range: keyRange(c.operator), message: `${c.operator.name}` }],
          fixes: alone ? [renameKeyFix(c.operator, plain, false)] : undefined,
        });
      }
    }
  };
}

export const forAllValuesSingleValuedKey: Rule = {
  id: 'for-all-values-single-valued-key',
  scope: 'statement',
  defaultSeverity: 'warning',
  category: 'grammar',
  title: 'ForAllValues: on a single-valued condition key.',
  fix: { summary: 'remove ForAllValues: from the operator', safe: false },
  check: setOperatorOnSingleValuedKey('ForAllValues',
    'ForAllValues: is also true when the request has no value for the key at all, so in an Allow it grants more than intended'),
};

/** Harmless (it behaves like the plain operator), hence only a suggestion. */
export const forAnyValueSingleValuedKey: Rule = {
  id: 'for-any-value-single-valued-key',
  scope: 'statement',
  defaultSeverity: 'information',
  category: 'grammar',
  title: 'ForAnyValue: on a single-valued condition key.',
  fix: { summary: 'remove ForAnyValue: from the operator', safe: false },
  check: setOperatorOnSingleValuedKey('ForAnyValue',
    'on a single value ForAnyValue: works like the plain operator and only obscures the intent'),
};
