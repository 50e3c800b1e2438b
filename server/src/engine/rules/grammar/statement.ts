// The `Statement` element and the element names inside each statement: missing or empty,
// not an object or array, unknown names, and names that repeat a known one in another case.
import { nodeRange } from '../../parse/jsonDocument';
import { statementPart } from '../../incremental/statementCache';
import { PolicyDocument, Property, propertiesOf, Statement } from '../../parse/policyModel';
import { Rule } from '../rule';
import { judgeKeys, keyRange, KeyVerdict, openBrace, presentOrMeant, suggestionFor, typeName } from './keys';
import { STATEMENT_ELEMENTS, TOP_LEVEL_ELEMENTS } from '../../reference/elements';

export const statementMissing: Rule = {
  id: 'statement-missing',
  defaultSeverity: 'error',
  category: 'grammar',
  title: 'The policy has no statement.',
  check({ doc, report }) {
    if (!doc.root || doc.root.type !== 'object') return;
    const value = doc.statementProperty?.value;
    if (!presentOrMeant(doc.properties, TOP_LEVEL_ELEMENTS, ['Statement'])) {
      report({ message: 'The policy has no Statement element: IAM rejects it. Add "Statement" with at least one statement.', range: openBrace(doc.root) });
    } else if (value?.type === 'array' && !value.children?.length) {
      report({ message: 'Statement is an empty array: IAM rejects a policy without statements. Add at least one statement object.', range: nodeRange(value) });
    }
  },
};

export const statementInvalidType: Rule = {
  id: 'statement-invalid-type',
  defaultSeverity: 'error',
  category: 'grammar',
  title: 'Statement is not an object or an array of objects.',
  check({ doc, report }) {
    const value = doc.statementProperty?.value;
    if (!value) return;
    if (value.type !== 'object' && value.type !== 'array') {
      report({ message: `Statement is ${typeName(value)}: IAM expects one statement object or an array of statement objects.`, range: nodeRange(value) });
      return;
    }
    if (value.type !== 'array') return;
    for (const child of value.children ?? []) {
      if (child.type === 'object') continue;
      report({ message: `This statement is ${typeName(child)}, not an object. Every element of Statement must be an object with Effect, Action and the other statement elements.`, range: nodeRange(child) });
    }
  },
};

export const statementUnknownElement: Rule = {
  id: 'statement-unknown-element',
  scope: 'statement',
  defaultSeverity: 'error',
  category: 'grammar',
  title: 'A statement element IAM does not know.',
  fix: { summary: 'rename the key to the nearest element', safe: 'when only the letter case differs' },
  check({ doc, report }) {
    for (const s of doc.statements) {
      for (const { prop, verdict } of judgeKeys(s.properties, STATEMENT_ELEMENTS)) {
        if (verdict.kind !== 'unknown') continue; // case duplicates: duplicate-key-case
        const { hint, fixes } = suggestionFor(prop, verdict, s.properties);
        report({
          message: `${prop.name} is not a statement element, and IAM rejects the policy.${hint || ` Statements may contain only ${STATEMENT_ELEMENTS.map((e) => `${e}`).join(', ')}.`}`,
          range: keyRange(prop),
          fixes,
          data: verdict.suggestion ? { suggestion: verdict.suggestion } : undefined,
        });
      }
    }
  },
};

/** Objects whose keys IAM reads case-insensitively (condition operators and keys): any two names
 *  equal but for case are duplicates. */
function caseInsensitiveDuplicates(props: Property[]): { prop: Property; first: Property }[] {
  const seen = new Map<string, Property>();
  const out: { prop: Property; first: Property }[] = [];
  for (const prop of props) {
    const lower = prop.name.toLowerCase();
    const first = seen.get(lower);
    if (!first) seen.set(lower, prop);
    else if (first.name !== prop.name) out.push({ prop, first }); // exact repeats: json-duplicate-key
  }
  return out;
}

/** Every key that repeats another of its object in a different case. The statements without
 *  one (nearly all) are known from their text (statementPart) and not judged again. */
function* caseDuplicates(doc: PolicyDocument): Generator<{ prop: Property; first: Property }> {
  yield* fromVerdicts(judgeKeys(doc.properties, TOP_LEVEL_ELEMENTS));
  for (const s of doc.statements) {
    if (statementPart(doc, s, 'duplicate-key-case', hasCaseDuplicate)) yield* statementCaseDuplicates(s);
  }
}

const fromVerdicts = (judged: { prop: Property; verdict: KeyVerdict }[]) =>
  judged.flatMap(({ prop, verdict }) => (verdict.kind === 'case-duplicate' ? [{ prop, first: verdict.first }] : []));

function* statementCaseDuplicates(s: Statement): Generator<{ prop: Property; first: Property }> {
  yield* fromVerdicts(judgeKeys(s.properties, STATEMENT_ELEMENTS));
  const operators = propertiesOf(s.conditionProperty?.value);
  yield* caseInsensitiveDuplicates(operators);
  for (const op of operators) yield* caseInsensitiveDuplicates(propertiesOf(op.value));
}

const hasCaseDuplicate = (s: Statement): boolean => !statementCaseDuplicates(s).next().done;

export const duplicateKeyCase: Rule = {
  id: 'duplicate-key-case',
  defaultSeverity: 'error',
  category: 'grammar',
  title: 'A key repeats another key of the same object in a different case.',
  check({ doc, report }) {
    for (const { prop, first } of caseDuplicates(doc)) {
      report({
        message: `${prop.name} duplicates ${first.name} in a different case, and IAM rejects the policy. Merge its values into ${first.name} and remove ${prop.name}.`,
        range: keyRange(prop),
        related: [{ range: keyRange(first), message: `First ${first.name}` }],
      });
    }
  },
};
