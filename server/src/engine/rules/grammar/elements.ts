// The elements every statement needs and the types of their values: `Effect`, `Action`/`NotAction`,
// `Resource`/`NotResource`, pairs that exclude each other, and values of the wrong JSON type.
import { Node } from 'jsonc-parser';
import { nodeRange } from '../../parse/jsonDocument';
import { statementPart } from '../../incremental/statementCache';
import { Statement } from '../../parse/policyModel';
import { replaceValueFix } from '../../fixes/edits';
import { closestMatch } from '../../reference/closest';
import { Rule, RuleContext } from '../rule';
import { keyRange, openBrace, presentOrMeant, typeName } from './keys';
import { STATEMENT_ELEMENTS } from '../../reference/elements';

const EFFECTS = ['Allow', 'Deny'];

/** Misspelt elements are statement-unknown-element's finding, not a missing element. */
const present = (s: Statement, names: string[]) => presentOrMeant(s.properties, STATEMENT_ELEMENTS, names);

/** The check shared by the missing-element rules: every statement that has none of `names`
 *  (nor a misspelling of one) gets `message` at its opening brace. */
function reportMissing(ctx: RuleContext, names: string[], message: string): void {
  for (const s of ctx.doc.statements) {
    if (!present(s, names)) ctx.report({ message, range: openBrace(s.node) });
  }
}

export const effectMissing: Rule = {
  id: 'effect-missing',
  scope: 'statement',
  defaultSeverity: 'error',
  category: 'grammar',
  title: 'A statement has no Effect.',
  check(ctx) {
    reportMissing(ctx, ['Effect'], 'This statement has no Effect: IAM rejects the policy. Add "Effect": "Allow" or "Effect": "Deny".');
  },
};

export const effectInvalid: Rule = {
  id: 'effect-invalid',
  scope: 'statement',
  defaultSeverity: 'error',
  category: 'grammar',
  title: 'Effect is not exactly Allow or Deny.',
  fix: { summary: 'change to the nearest of Allow and Deny', safe: 'when only the letter case differs' },
  check({ doc, report }) {
    for (const s of doc.statements) {
      const e = s.effect;
      if (!e || typeof e.value !== 'string' || EFFECTS.includes(e.value)) continue; // non-strings: element-invalid-type
      const value = e.value;
      const caseOnly = EFFECTS.find((x) => x.toLowerCase() === value.toLowerCase());
      const near = caseOnly ?? closestMatch(value, EFFECTS);
      report({
        message: `Effect "${value}" is not valid, and IAM rejects the policy. It must be exactly "Allow" or "Deny" (case-sensitive).${near ? ` Use "${near}".` : ''}`,
        range: e.range,
        // Fixing the case keeps the author's evident intent; a guess at a misspelling does not
        // (Allow and Deny are one edit apart from many words), so only the former is safe.
        fixes: near ? [replaceValueFix(`Change the effect to "${near}"`, e, near, { safe: caseOnly !== undefined })] : undefined,
      });
    }
  },
};

export const actionMissing: Rule = {
  id: 'action-missing',
  scope: 'statement',
  defaultSeverity: 'error',
  category: 'grammar',
  title: 'A statement has neither Action nor NotAction.',
  check(ctx) {
    reportMissing(ctx, ['Action', 'NotAction'], 'This statement has neither Action nor NotAction: IAM rejects the policy. Add the actions the statement allows or denies.');
  },
};

export const resourceMissing: Rule = {
  id: 'resource-missing',
  scope: 'statement',
  defaultSeverity: 'error',
  category: 'grammar',
  title: 'A statement of an identity policy has neither Resource nor NotResource.',
  check(ctx) {
    // Resource policies name the resource implicitly (a role trust policy has no `Resource`).
    if (ctx.doc.kind !== 'identity') return;
    reportMissing(ctx, ['Resource', 'NotResource'], 'This statement has neither Resource nor NotResource: IAM rejects an identity policy without one. Add the resource ARNs it applies to ("*" only where the actions support no resource type).');
  },
};

const PAIRS: [string, string][] = [['Action', 'NotAction'], ['Resource', 'NotResource'], ['Principal', 'NotPrincipal']];

export const conflictingElements: Rule = {
  id: 'conflicting-elements',
  scope: 'statement',
  defaultSeverity: 'error',
  category: 'grammar',
  title: 'A statement has both an element and its Not form.',
  check({ doc, report }) {
    for (const s of doc.statements) {
      for (const [plain, not] of PAIRS) {
        const a = s.byName.get(plain);
        const b = s.byName.get(not);
        if (!a || !b) continue;
        const [first, second] = a.node.offset < b.node.offset ? [a, b] : [b, a];
        report({
          message: `This statement has both ${plain} and ${not}, and IAM rejects the policy. Only one of them is allowed per statement: keep one, or split the statement in two.`,
          range: keyRange(second),
          related: [{ range: keyRange(first), message: `${first.name}` }],
        });
      }
    }
  },
};

const isStringOrStrings = (n: Node) => n.type === 'string' || n.type === 'array';

/** Elements whose value must be a string. */
const STRING_ELEMENTS = ['Sid', 'Effect'];
/** Elements whose value must be a string or an array of strings. */
const LIST_ELEMENTS = ['Action', 'NotAction', 'Resource', 'NotResource'];

/** Calls `wrong` for each element of the statement whose value has the wrong JSON type. */
function statementTypeErrors(s: Statement, wrong: (subject: string, node: Node, expected: string) => void): void {
  for (const p of s.properties) {
    if (!p.value) continue;
    if (STRING_ELEMENTS.includes(p.name) && p.value.type !== 'string') {
      const hint = p.name === 'Effect' ? ' "Allow" or "Deny"' : '';
      wrong(`The value of ${p.name}`, p.value, `a single string${hint}`);
    } else if (LIST_ELEMENTS.includes(p.name)) {
      if (!isStringOrStrings(p.value)) wrong(`The value of ${p.name}`, p.value, 'a string or an array of strings');
      else if (p.value.type === 'array') {
        for (const child of p.value.children ?? []) {
          if (child.type !== 'string') wrong(`This entry of ${p.name}`, child, 'a string');
        }
      }
    }
  }
}

/** Does the statement have an element of the wrong type? Memoised by its text (statementPart). */
function hasTypeError(s: Statement): boolean {
  let any = false;
  statementTypeErrors(s, () => (any = true));
  return any;
}

export const elementInvalidType: Rule = {
  id: 'element-invalid-type',
  defaultSeverity: 'error',
  category: 'grammar',
  title: 'An element has a value of the wrong JSON type.',
  check({ doc, report }) {
    const wrong = (subject: string, node: Node, expected: string) =>
      report({ message: `${subject} is ${typeName(node)}: IAM expects ${expected} and rejects the policy.`, range: nodeRange(node) });
    const id = doc.byName.get('Id')?.value;
    if (id && id.type !== 'string') wrong('The value of Id', id, 'a string');
    for (const s of doc.statements) if (statementPart(doc, s, 'element-invalid-type', hasTypeError)) statementTypeErrors(s, wrong);
  },
};
