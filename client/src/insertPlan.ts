// Where and what the insert commands write: a whole policy into an empty document, or the
// template's statements merged into the `Statement` array of the policy already there (keeping
// the user's formatting, with unique Sids). The result is snippet text, so fields the user has
// not given stay tab stops. Pure (no `vscode`), so it is tested on plain strings.
import { addStatementEdits, applyEdits, OffsetRange, parsePolicy, policyContext } from '../../server/src/engine';
import { FieldValues, PolicyTemplate, policyJson, toSnippet, withUniqueSids } from './templates';

export type InsertPlan =
  | { kind: 'whole' | 'merge'; range: OffsetRange; snippet: string }
  | { kind: 'notPolicy' };

export interface LayoutOptions {
  /** Indentation unit for a new document (a merge follows the document's own). */
  unit: string;
  eol: string;
}

/** A document with nothing worth keeping: blank, or an empty object. */
function isBlank(text: string): boolean {
  return /^\s*(\{\s*\})?\s*$/.test(text);
}

/** What an insertion into `text` would do, known before asking the user anything. */
export function insertionKind(text: string): 'whole' | 'merge' | 'notPolicy' {
  if (isBlank(text)) return 'whole';
  return parsePolicy(text).statementProperty?.value ? 'merge' : 'notPolicy';
}

/** The field values the policy already in `text` names (its partition, Region, account and
 *  Connect instance), so inserted statements match it without asking again. */
export function valuesFromPolicy(text: string): FieldValues {
  if (isBlank(text)) return {};
  const ctx = policyContext(parsePolicy(text));
  const values: FieldValues = {};
  if (ctx.partition) values.partition = ctx.partition;
  if (ctx.region) values.region = ctx.region;
  if (ctx.account) values.account = ctx.account;
  if (ctx.instanceId) values.instanceId = ctx.instanceId;
  return values;
}

/** Does the policy say all the instance ARN would tell (then the commands ask nothing)? */
export function knowsInstance(values: FieldValues): boolean {
  return !!(values.partition && values.region && values.account && values.instanceId);
}

export function planInsertion(text: string, template: PolicyTemplate, values: FieldValues, layout: LayoutOptions): InsertPlan {
  if (isBlank(text)) {
    const json = policyJson(template, layout.unit).split('\n').join(layout.eol);
    return { kind: 'whole', range: { start: 0, end: text.length }, snippet: toSnippet(json, template, values) };
  }
  const doc = parsePolicy(text);
  if (!doc.statementProperty?.value) return { kind: 'notPolicy' };
  const taken = doc.statements.flatMap((s) => (s.sid ? [s.sid.text] : []));
  const statements = withUniqueSids(template.statements, taken);

  // addStatementEdits adds one statement with one edit; each later statement lands inside the
  // text the first edit wrote, so the whole change is the first edit's range, rewritten.
  let current = text;
  let first: OffsetRange | undefined;
  for (const statement of statements) {
    const edits = addStatementEdits(parsePolicy(current), statement);
    if (!edits?.length) return { kind: 'notPolicy' };
    first ??= edits[0].range;
    current = applyEdits(current, edits);
  }
  const range = first!;
  const replacement = current.slice(range.start, current.length - (text.length - range.end));
  return { kind: 'merge', range, snippet: toSnippet(replacement, template, values) };
}
