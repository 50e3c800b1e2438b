// Rules on `connect:StorageResourceType`: its values (unknown, wrong case, deprecated, a wildcard
// under an operator that takes it literally), the actions it cannot apply to, and storage-config
// statements without it.
import { nodeRange } from '../parse/jsonDocument';
import { ConditionKeyEntry, PolicyDocument, Statement, ValueItem } from '../parse/policyModel';
import { hasPolicyVariable, hasWildcard } from '../reference/arn';
import { closestMatch } from '../reference/closest';
import { getAction } from '../reference/iamData';
import { Fix } from '../types';
import { Rule } from '../rules/rule';
import { replaceValueEdit } from '../fixes/edits';
import { addConditionEdit, moveActionFix } from './edits';
import { actionMatches, grants, isStorageTypeKey, Operator, parseOperator, storageStatements, typesMatchedBy } from './grants';
import { STORAGE_KINDS, STORAGE_RESOURCE_TYPE_KEY, STORAGE_TYPE_ACTIONS, storageTypeInfo, storageTypes } from './table';

interface TypeValue {
  s: Statement;
  c: ConditionKeyEntry;
  op: Operator;
  item: ValueItem;
  value: string;
}

/** String values of `connect:StorageResourceType` under string operators (other operators are
 *  judged by the condition-type rule), without policy variables. */
function* typeValues(doc: PolicyDocument): Generator<TypeValue> {
  for (const s of doc.statements) {
    for (const c of s.conditions) {
      if (!isStorageTypeKey(c)) continue;
      const op = parseOperator(c.operator.name);
      if (!op.string) continue;
      for (const item of c.values) {
        if (typeof item.value === 'string' && !hasPolicyVariable(item.value)) yield { s, c, op, item, value: item.value };
      }
    }
  }
}

/** Under `StringEquals` a `*` is a literal character: is that what happens to this value? */
const literalWildcard = (t: TypeValue) => !t.op.pattern && hasWildcard(t.value);

export const connectStorageTypeUnknown: Rule = {
  id: 'connect-storage-type-unknown',
  defaultSeverity: 'error',
  category: 'connect',
  title: 'A `connect:StorageResourceType` value is not one of the storage resource types (or has the wrong case).',
  check({ doc, report }) {
    for (const t of typeValues(doc)) {
      if (typesMatchedBy(t.op, t.value).length) continue;
      // A wildcard under StringEquals that would match as a pattern: the wildcard-literal rule.
      if (literalWildcard(t) && typesMatchedBy({ ...t.op, pattern: true }, t.value).length) continue;
      const effect = t.op.negated ? 'so this value excludes nothing' : 'so this value never matches';
      const exactCase = storageTypes.find((v) => v.toLowerCase() === t.value.toLowerCase());
      if (exactCase) {
        report({
          message: `Storage resource types are upper case and \`${t.c.operator.name}\` compares case-sensitively: \`${t.value}\` is never sent, ${effect}. Write \`${exactCase}\`.`,
          range: t.item.range,
          data: { suggestion: exactCase },
          fixes: [{ title: `Change to \`${exactCase}\``, edits: [replaceValueEdit(t.item, exactCase)], isPreferred: true, safe: true }],
        });
        continue;
      }
      if (t.op.pattern) {
        report({
          message: `The pattern \`${t.value}\` matches none of the ${storageTypes.length} storage resource types, ${effect}. Use one of them, e.g. \`CALL_RECORDINGS\`.`,
          range: t.item.range,
        });
        continue;
      }
      const near = closestMatch(t.value, storageTypes, Math.max(3, Math.floor(t.value.length / 3)));
      report({
        message: `\`${t.value}\` is not a storage resource type of Amazon Connect, ${effect}.${near ? ` Did you mean \`${near}\`?` : ` Use one of ${storageTypes.slice(0, 3).map((v) => `\`${v}\``).join(', ')} …`}`,
        range: t.item.range,
        data: near ? { suggestion: near } : undefined,
        fixes: near ? [{ title: `Change to \`${near}\``, edits: [replaceValueEdit(t.item, near)], isPreferred: true }] : undefined,
      });
    }
  },
};

export const connectStorageTypeDeprecated: Rule = {
  id: 'connect-storage-type-deprecated',
  defaultSeverity: 'warning',
  category: 'connect',
  title: 'A `connect:StorageResourceType` value is deprecated.',
  check({ doc, report }) {
    for (const t of typeValues(doc)) {
      const info = storageTypeInfo(t.value);
      if (!info?.replacedBy) continue;
      report({
        message: `\`${t.value}\` is deprecated (it covers voice segments only); new storage configurations use \`${info.replacedBy}\`. Change it, or add \`${info.replacedBy}\` next to it while old configurations remain.`,
        range: t.item.range,
        tags: ['deprecated'],
        data: { suggestion: info.replacedBy },
        fixes: [{ title: `Change to \`${info.replacedBy}\``, edits: [replaceValueEdit(t.item, info.replacedBy)], isPreferred: true }],
      });
    }
  },
};

/** `StringEquals` → `StringLike`, keeping `ForAnyValue:` and `IfExists`. */
const likeOperator = (name: string) => name.replace(/StringNotEquals/, 'StringNotLike').replace(/StringEquals/, 'StringLike');

export const connectStorageTypeWildcardLiteral: Rule = {
  id: 'connect-storage-type-wildcard-literal',
  defaultSeverity: 'warning',
  category: 'connect',
  title: 'A `connect:StorageResourceType` value with a wildcard under an operator that takes `*` literally.',
  check({ doc, report }) {
    for (const t of typeValues(doc)) {
      if (!literalWildcard(t) || typesMatchedBy(t.op, t.value).length) continue;
      const matched = typesMatchedBy({ ...t.op, pattern: true }, t.value);
      if (!matched.length) continue;
      const like = likeOperator(t.c.operator.name);
      // Changing the operator changes every key under it: offered only when this key is alone.
      const alone = t.c.operator.value?.children?.length === 1;
      const fixes: Fix[] | undefined = alone
        ? [{ title: `Change the operator to \`${like}\``, edits: [replaceValueEdit(t.c.operator.key, like)], isPreferred: true }]
        : undefined;
      report({
        message: `\`${t.c.operator.name}\` takes \`${t.value}\` literally: no storage resource type contains \`*\` or \`?\`, so it never matches. To match ${matched.map((m) => `\`${m}\``).join(', ')}, use \`${like}\`.`,
        range: t.item.range,
        fixes,
      });
    }
  },
};

export const connectStorageTypeUnsupportedAction: Rule = {
  id: 'connect-storage-type-unsupported-action',
  defaultSeverity: 'warning',
  category: 'connect',
  title: 'A statement conditioned on `connect:StorageResourceType` names an action that never carries the key.',
  check({ doc, report }) {
    for (const s of doc.statements) {
      if (s.isNotAction) continue;
      // With `...IfExists` the condition is ignored for such actions: the statement does apply.
      const keyed = s.conditions.filter((c) => isStorageTypeKey(c) && !parseOperator(c.operator.name).ifExists);
      if (!keyed.length) continue;
      const supports = (a: ValueItem) => STORAGE_TYPE_ACTIONS.some((x) => actionMatches(a, x));
      // When no action supports the key, condition-key-not-supported reports it once, on the key.
      if (!s.actions.some(supports)) continue;
      for (const a of s.actions) {
        if (typeof a.value !== 'string' || hasWildcard(a.value) || supports(a)) continue;
        const [service, name] = a.value.split(':');
        if (!name || !getAction(service, name)) continue;
        const fix = moveActionFix(doc, s, a, `Move \`${a.value}\` to a statement of its own`);
        report({
          message: `\`${a.value}\` never carries \`${STORAGE_RESOURCE_TYPE_KEY}\` (only Associate-, Update-, Disassociate- and DescribeInstanceStorageConfig do), so with this condition the statement never ${s.effect?.value === 'Deny' ? 'denies' : 'allows'} it. Move it to a statement of its own.`,
          range: a.range,
          related: [{ range: nodeRange(keyed[0].key.key), message: 'The condition' }],
          fixes: fix ? [fix] : undefined,
        });
      }
    }
  },
};

/** The storage types the document's companion permissions point at, for the condition a fix
 *  adds: S3 permissions → `CALL_RECORDINGS`, Kinesis or Firehose → `CONTACT_TRACE_RECORDS`. */
function suggestedTypes(doc: PolicyDocument): string[] {
  const has = (kind: keyof typeof STORAGE_KINDS) =>
    STORAGE_KINDS[kind].companions.filter((c) => c.resource !== 'serviceLinkedRole').every((c) => grants(doc, c));
  const out: string[] = [];
  if (has('S3')) out.push('CALL_RECORDINGS');
  if (has('KINESIS_STREAM') || has('KINESIS_FIREHOSE')) out.push('CONTACT_TRACE_RECORDS');
  return out.length ? out : ['CALL_RECORDINGS'];
}

export const connectStorageTypeUnrestricted: Rule = {
  id: 'connect-storage-type-unrestricted',
  defaultSeverity: 'information',
  category: 'connect',
  title: 'Instance storage can be associated or updated for any storage resource type.',
  check({ doc, report }) {
    for (const { s, actions, allowed } of storageStatements(doc)) {
      if (allowed.kind !== 'none') continue;
      const types = suggestedTypes(doc);
      // The condition would stop the statement's other actions from applying: no fix then.
      const onlyStorage = s.actions.every((a) => STORAGE_TYPE_ACTIONS.some((x) => actionMatches(a, x))
        && /storageconfig/i.test(String(a.value)) && !actionMatches(a, 'connect:ListInstanceStorageConfigs'));
      const edit = onlyStorage ? addConditionEdit(doc, s, 'StringEquals', STORAGE_RESOURCE_TYPE_KEY, types) : undefined;
      report({
        message: `\`${actions[0].value}\` is allowed without a \`${STORAGE_RESOURCE_TYPE_KEY}\` condition: the caller can associate any kind of storage (any bucket or stream they can reach) for any data. Limit it to the types you use, e.g. ${types.map((t) => `\`${t}\``).join(' and ')}.`,
        range: actions[0].range,
        fixes: edit ? [{ title: `Allow only ${types.join(', ')}`, edits: [edit], isPreferred: true }] : undefined,
      });
    }
  },
};

export const storageTypeRules: Rule[] = [
  connectStorageTypeUnknown,
  connectStorageTypeDeprecated,
  connectStorageTypeWildcardLiteral,
  connectStorageTypeUnsupportedAction,
  connectStorageTypeUnrestricted,
];
