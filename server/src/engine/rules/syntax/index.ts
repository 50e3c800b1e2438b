// Strict-JSON rules: IAM parses policies as strict JSON, so anything jsonc-parser tolerates but
// IAM does not is reported here. Analysis of what did parse goes on regardless.
import { describeParseError } from '../../parse/parseErrors';
import { MAX_DEPTH } from '../../parse/jsonDocument';
import { statementPart } from '../../incremental/statementCache';
import { propertiesOf, Property, Statement } from '../../parse/policyModel';
import { Node } from 'jsonc-parser';
import { OffsetRange } from '../../types';
import { Rule, RuleContext } from '../rule';


const jsonSyntax: Rule = {
  id: 'json-syntax',
  defaultSeverity: 'error',
  category: 'syntax',
  title: 'The document is not valid JSON.',
  check({ doc, report }) {
    const length = doc.text.length;
    if (doc.json.tooDeepAt !== undefined) {
      report({
        message: `The JSON nests more than ${MAX_DEPTH} levels deep here; no IAM policy does, so the document is not analysed.`,
        range: { start: doc.json.tooDeepAt, end: doc.json.tooDeepAt + 1 },
      });
    }
    // Only the first parse error is the break: the parser's recovery after it (e.g. a missing `}`
    // read as the next statement's keys belonging to this one) makes every later error a cascade.
    for (const e of doc.json.errors.slice(0, 1)) {
      const text = describeParseError(e.error);
      // Errors at the end of the text (e.g. a missing closing brace) have no character to
      // underline: keep the range inside the document.
      const start = Math.min(e.offset, length);
      report({
        message: `${text}. IAM accepts strict JSON only; analysis continues on what parsed.`,
        range: { start, end: Math.min(start + Math.max(e.length, 1), length) },
      });
    }
  },
};

/** Comments and trailing commas are text jsonc-parser tolerates and IAM rejects: both rules report
 *  each one where it is, with a safe fix that deletes it. */
function reportRemovable(report: RuleContext['report'], ranges: OffsetRange[], message: string, title: string): void {
  for (const range of ranges) {
    report({ message, range, fixes: [{ title, edits: [{ range, newText: '' }], isPreferred: true, safe: true }] });
  }
}

const jsonComment: Rule = {
  id: 'json-comment',
  defaultSeverity: 'error',
  category: 'syntax',
  title: 'Comments are not allowed: IAM rejects the policy.',
  fix: { summary: 'remove the comment', safe: true },
  check({ doc, report }) {
    reportRemovable(report, doc.json.comments,
      'IAM rejects comments: policies are strict JSON. Remove this comment (use a Sid to label a statement).', 'Remove the comment');
  },
};

const jsonTrailingComma: Rule = {
  id: 'json-trailing-comma',
  defaultSeverity: 'error',
  category: 'syntax',
  title: 'Trailing commas are not allowed: IAM rejects the policy.',
  fix: { summary: 'remove the comma', safe: true },
  check({ doc, report }) {
    for (const run of doc.json.trailingCommas) {
      const many = run.commas.length > 1;
      report({
        message: many
          ? `${run.commas.length} commas before a closing bracket: IAM policies are strict JSON. Remove them.`
          : 'Trailing comma: IAM policies are strict JSON. Remove the comma before the closing bracket.',
        range: run.range,
        fixes: [{
          title: many ? 'Remove the trailing commas' : 'Remove the trailing comma',
          edits: run.commas.map((range) => ({ range, newText: '' })),
          isPreferred: true,
          safe: true,
        }],
      });
    }
  },
};

/** Calls `visit` for every object of the tree, iteratively (documents can nest deeply), except
 *  in the subtrees `skip` says to leave out. */
function forEachObject(root: Node | undefined, visit: (obj: Node) => void, skip?: (node: Node) => boolean): void {
  const stack: Node[] = root ? [root] : [];
  while (stack.length) {
    const node = stack.pop()!;
    if (skip?.(node)) continue;
    if (node.type === 'object') visit(node);
    const children = node.children;
    if (children) for (let i = 0; i < children.length; i++) stack.push(children[i]);
  }
}

/** The properties of an object that repeat an earlier key of it (with that earlier key), keys
 *  after `breakAt` left out. The common case, fewer than two properties, needs no bookkeeping. */
function duplicateKeys(obj: Node, breakAt: number, found: (p: Property, first: Node) => void): void {
  if (obj.children!.length < 2) return;
  const seen = new Map<string, Node>();
  for (const p of propertiesOf(obj)) {
    const first = seen.get(p.name);
    if (p.key.offset > breakAt) continue;
    if (!first) {
      seen.set(p.name, p.key);
      continue;
    }
    found(p, first);
  }
}

/** Does any object of the statement repeat a key (before any parse error)? Memoised by the
 *  statement's text (statementPart): the statements without one, nearly all, are not walked. */
function hasDuplicateKey(s: Statement): boolean {
  let any = false;
  forEachObject(s.node, (obj) => duplicateKeys(obj, Infinity, () => (any = true)), () => any);
  return any;
}

const jsonDuplicateKey: Rule = {
  id: 'json-duplicate-key',
  defaultSeverity: 'error',
  category: 'syntax',
  title: 'A key appears twice in the same object.',
  check({ doc, report }) {
    // After a parse error, recovery can merge two objects: keys past the break are not reported.
    const breakAt = doc.json.errors[0]?.offset ?? Infinity;
    const clean = new Set<Node>();
    for (const s of doc.statements) if (!statementPart(doc, s, 'json-duplicate-key', hasDuplicateKey)) clean.add(s.node);
    forEachObject(doc.root, (obj) => duplicateKeys(obj, breakAt, (p, first) => {
      report({
        message: `Duplicate key "${p.name}": IAM rejects a policy with duplicate keys. Merge the values into the first "${p.name}" or remove this one.`,
        range: { start: p.key.offset, end: p.key.offset + p.key.length },
        related: [{ range: { start: first.offset, end: first.offset + first.length }, message: `First "${p.name}"` }],
      });
    }), clean.size ? (node) => clean.has(node) : undefined);
  },
};

export const syntaxRules: Rule[] = [jsonSyntax, jsonComment, jsonTrailingComma, jsonDuplicateKey];
