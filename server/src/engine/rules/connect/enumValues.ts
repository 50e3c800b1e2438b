// Rules on the values of enumerated Connect condition keys (`connect:StorageResourceType`,
// `connect:AttributeType`; enumKeys.ts): values that are not in the enumeration (or have the wrong
// case), deprecated values, a wildcard under an operator that takes it literally, and actions in
// the statement that never carry the key.
import { nodeRange } from '../../parse/jsonDocument';
import { ConditionKeyEntry, PolicyDocument, Statement, ValueItem } from '../../parse/policyModel';
import { hasPolicyVariable, hasWildcard } from '../../reference/arn';
import { closestMatch } from '../../reference/closest';
import { getAction } from '../../reference/iamData';
import { Fix } from '../../types';
import { Rule } from '../rule';
import { replaceValueEdit } from '../../fixes/edits';
import { moveActionFix } from '../../connect/edits';
import { actionMatches, valuesMatchedBy } from '../../connect/grants';
import { operatorName, ParsedOperator, parseOperator, patternBase } from '../../reference/operators';
import { actionsWithKey, EnumKey, enumKey } from '../../connect/enumKeys';

interface KeyValue {
  s: Statement;
  c: ConditionKeyEntry;
  key: EnumKey;
  op: ParsedOperator;
  item: ValueItem;
  value: string;
}

/** String values of enumerated keys under string operators (other operators are judged by the
 *  condition-type rule), without policy variables. */
function* keyValues(doc: PolicyDocument): Generator<KeyValue> {
  for (const s of doc.statements) {
    for (const c of s.conditions) {
      const key = enumKey(c.key.name);
      if (!key) continue;
      const op = parseOperator(c.operator.name);
      if (op?.kind !== 'String') continue;
      for (const item of c.values) {
        if (typeof item.value === 'string' && !hasPolicyVariable(item.value)) yield { s, c, key, op, item, value: item.value };
      }
    }
  }
}

const matched = (t: KeyValue, op = t.op) => valuesMatchedBy(op, t.value, t.key.values);

/** Under `StringEquals` a `*` is a literal character: is that what happens to this value? */
const literalWildcard = (t: KeyValue) => !t.op.pattern && hasWildcard(t.value);

export const connectConditionValueUnknown: Rule = {
  id: 'connect-condition-value-unknown',
  scope: 'statement',
  defaultSeverity: 'error',
  category: 'connect',
  title: 'A connect:StorageResourceType or connect:AttributeType value is not one of the key\'s values (or has the wrong case).',
  fix: { summary: 'change to the nearest value', safe: 'when only the letter case differs' },
  check({ doc, report }) {
    for (const t of keyValues(doc)) {
      if (matched(t).length) continue;
      // A wildcard under StringEquals that would match as a pattern: the wildcard-literal rule.
      if (literalWildcard(t) && matched(t, { ...t.op, pattern: true }).length) continue;
      const effect = t.op.negated ? 'so this value excludes nothing' : 'so this value never matches';
      const exactCase = t.key.values.find((v) => v.toLowerCase() === t.value.toLowerCase());
      if (exactCase) {
        report({
          message: `${t.value} has the wrong case for ${t.key.key}. ${t.c.operator.name} compares case-sensitively and Connect sends ${exactCase}, ${effect}. Write ${exactCase}.`,
          range: t.item.range,
          data: { suggestion: exactCase },
          fixes: [{ title: `Change to ${exactCase}`, edits: [replaceValueEdit(t.item, exactCase)], isPreferred: true, safe: true }],
        });
        continue;
      }
      if (t.op.pattern) {
        report({
          message: `The pattern ${t.value} matches none of the ${t.key.values.length} values of ${t.key.key}, ${effect}. Use one of them, for example ${t.key.values[0]}.`,
          range: t.item.range,
        });
        continue;
      }
      const near = closestMatch(t.value, t.key.values, Math.max(3, Math.floor(t.value.length / 3)));
      report({
        message: `${t.value} is not ${/^[aeiou]/.test(t.key.noun) ? 'an' : 'a'} ${t.key.noun} of Amazon Connect, ${effect}.${near ? ` Did you mean ${near}?` : ` Use one of ${t.key.values.slice(0, 3).join(', ')} and the others.`}`,
        range: t.item.range,
        data: near ? { suggestion: near } : undefined,
        fixes: near ? [{ title: `Change to ${near}`, edits: [replaceValueEdit(t.item, near)], isPreferred: true }] : undefined,
      });
    }
  },
};

export const connectConditionValueDeprecated: Rule = {
  id: 'connect-condition-value-deprecated',
  scope: 'statement',
  defaultSeverity: 'warning',
  category: 'connect',
  title: 'A connect:StorageResourceType value is deprecated.',
  fix: { summary: 'change to the value that replaces it', safe: false },
  check({ doc, report }) {
    for (const t of keyValues(doc)) {
      const dep = t.key.deprecated[t.value];
      if (!dep) continue;
      report({
        message: `${t.value} is deprecated. ${dep.why.charAt(0).toUpperCase()}${dep.why.slice(1)}; new configurations use ${dep.replacedBy}. Change it, or add ${dep.replacedBy} next to it while old configurations remain.`,
        range: t.item.range,
        tags: ['deprecated'],
        data: { suggestion: dep.replacedBy },
        fixes: [{ title: `Change to ${dep.replacedBy}`, edits: [replaceValueEdit(t.item, dep.replacedBy)], isPreferred: true }],
      });
    }
  },
};

/** `StringEquals` → `StringLike`, keeping `ForAnyValue:` and `IfExists`; undefined for an
 *  operator without a pattern form (`StringEqualsIgnoreCase`). */
const likeOperator = (op: ParsedOperator) => {
  const base = patternBase(op.base);
  return base && operatorName({ ...op, base });
};

export const connectConditionValueWildcardLiteral: Rule = {
  id: 'connect-condition-value-wildcard-literal',
  scope: 'statement',
  defaultSeverity: 'warning',
  category: 'connect',
  title: 'A connect:StorageResourceType or connect:AttributeType value with a wildcard under an operator that takes it literally.',
  fix: { summary: 'change the operator to StringLike', safe: false },
  check({ doc, report }) {
    for (const t of keyValues(doc)) {
      if (!literalWildcard(t) || matched(t).length) continue;
      const would = matched(t, { ...t.op, pattern: true });
      if (!would.length) continue;
      const like = likeOperator(t.op);
      // Changing the operator changes every key under it: offered only when this key is alone.
      const alone = like !== undefined && t.c.operator.value?.children?.length === 1;
      const fixes: Fix[] | undefined = alone
        ? [{ title: `Change the operator to ${like}`, edits: [replaceValueEdit(t.c.operator.key, like)], isPreferred: true }]
        : undefined;
      // No pattern operator ignores case: StringLike with the values as Connect spells them.
      const advice = like ?? `${t.op.negated ? 'StringNotLike' : 'StringLike'} with the values in their exact case`;
      report({
        message: `${t.c.operator.name} takes ${t.value} literally, so it never matches: no ${t.key.noun} contains * or ?. To match ${would.join(', ')}, use ${advice}.`,
        range: t.item.range,
        fixes,
      });
    }
  },
};

export const connectConditionKeyUnsupportedAction: Rule = {
  id: 'connect-condition-key-unsupported-action',
  scope: 'statement',
  defaultSeverity: 'warning',
  category: 'connect',
  title: 'A statement conditioned on connect:StorageResourceType or connect:AttributeType names an action that never carries the key.',
  fix: { summary: 'move the action to a statement of its own', safe: false },
  check({ doc, report }) {
    for (const s of doc.statements) {
      if (s.isNotAction) continue;
      // With `...IfExists` the condition is ignored for such actions: the statement does apply.
      // An operator IAM does not know (a miscased one included) is the grammar rules' finding.
      const keyed = s.conditions.filter((c) => enumKey(c.key.name) && parseOperator(c.operator.name)?.ifExists === false);
      const reported = new Set<ValueItem>();
      for (const entry of keyed) {
        const key = enumKey(entry.key.name)!;
        const carriers = actionsWithKey(key.key);
        const supports = (a: ValueItem) => carriers.some((x) => actionMatches(a, x));
        // When no action supports the key, condition-key-not-supported reports it once, on the key.
        if (!s.actions.some(supports)) continue;
        for (const a of s.actions) {
          if (reported.has(a) || typeof a.value !== 'string' || hasWildcard(a.value) || supports(a)) continue;
          const [service, name] = a.value.split(':');
          if (!name || !getAction(service, name)) continue;
          reported.add(a);
          const fix = moveActionFix(doc, s, a, `Move ${a.value} to a statement of its own`);
          report({
            message: `${a.value} never carries ${key.key}. Only ${carriers.map((c) => c.slice('connect:'.length)).join(', ')} do, so with this condition the statement never ${s.effect?.value === 'Deny' ? 'denies' : 'allows'} it. Move it to a statement of its own.`,
            range: a.range,
            related: [{ range: nodeRange(entry.key.key), message: 'The condition' }],
            fixes: fix ? [fix] : undefined,
          });
        }
      }
    }
  },
};

export const enumValueRules: Rule[] = [
  connectConditionValueUnknown,
  connectConditionValueDeprecated,
  connectConditionValueWildcardLiteral,
  connectConditionKeyUnsupportedAction,
];
