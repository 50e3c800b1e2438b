// Fix builders of the Connect rules: add statements with the missing companion permissions, add a
// condition (`connect:StorageResourceType`, `iam:AWSServiceName`), add a value to an array, move an action out of a
// statement. Built on `fixes/edits.ts` so the user's formatting is kept.
import { getNodeValue, Node } from 'jsonc-parser';
import { addStatementEdits, AppendPoint, appendedText, appendPoint, formatJson, indentAt, indentUnit, isSingleLine, lineBreak, lineStartAt } from '../fixes/edits';
import { parsePolicy, PolicyDocument, Property, Statement, ValueItem } from '../parse/policyModel';
import { policyContext } from '../policyContext';
import { removeArrayElementEdit } from '../rules/security/arrayEdits';
import { Fix, TextEdit } from '../types';
import { existingResource } from './grants';
import { clearedWithFacts, statementFact } from './statementFacts';
import { statementCache } from '../incremental/statementCache';
import { detach } from '../memo';
import { applyEdits, diffEdit } from '../textEdits';
import { Companion, exampleArn, RESOURCES, ResourceKind } from './table';
import { ObjectCache } from '../objectCache';

/** One value alone, several as a list: how people write policies. */
const oneOrMany = (values: string[]): string | string[] => (values.length === 1 ? values[0] : values);

/** Companion resources by document and kind: a document's fixes ask for the same few kinds again
 *  and again. */
const resourcesOf = new ObjectCache<PolicyDocument, Map<ResourceKind, string>>();

/** The ARN a fix writes for a companion resource: one the policy already names when it fits,
 *  else the example ARN with the policy's partition, Region, account and instance. The
 *  service-linked role is always the whole Connect path (`.../connect.amazonaws.com/*`), as in the
 *  seed; the instance and its users are the policy's own instance. */
export function companionResource(doc: PolicyDocument, kind: ResourceKind): string {
  let known = resourcesOf.get(doc);
  if (!known) resourcesOf.set(doc, (known = new Map()));
  let arn = known.get(kind);
  if (arn === undefined) known.set(kind, (arn = resourceFor(doc, kind)));
  return arn;
}

function resourceFor(doc: PolicyDocument, kind: ResourceKind): string {
  const ctx = policyContext(doc);
  if (kind === 'object') return objectsResource(doc) ?? exampleArn(kind, ctx);
  if (kind !== 'serviceLinkedRole' && kind !== 'any' && kind !== 'instance' && kind !== 'connectUser') {
    const existing = existingResource(doc, RESOURCES[kind].format);
    if (existing) return existing;
  }
  return (kind === 'bucket' ? bucketOfObjects(doc) : undefined) ?? exampleArn(kind, ctx);
}

const OBJECT_ARN = /^arn:([a-z-]+):s3:::([^/*?$]+)\//;

/** The first object ARN a statement names (a fact of the statement, statementFacts.ts), or null. */
const objectArnIn = statementFact((s) => {
  for (const r of s.resources) if (typeof r.value === 'string' && OBJECT_ARN.test(r.value)) return detach(r.value);
  return null;
});

const firstObjectArns = new ObjectCache<PolicyDocument, string | null>();

/** The first object ARN the policy names, or null. */
function firstObjectArn(doc: PolicyDocument): string | null {
  let found = firstObjectArns.get(doc);
  if (found === undefined) {
    found = null;
    for (const s of doc.statements) if ((found = objectArnIn(doc, s)) !== null) break;
    firstObjectArns.set(doc, found);
  }
  return found;
}

/** The bucket of an object ARN the policy names (`arn:aws:s3:::name/*` → `arn:aws:s3:::name`):
 *  a grant on the objects usually means the bucket was meant. */
function bucketOfObjects(doc: PolicyDocument): string | undefined {
  const m = OBJECT_ARN.exec(firstObjectArn(doc) ?? '');
  return m ? `arn:${m[1]}:s3:::${m[2]}` : undefined;
}

/** Objects of a bucket the policy names: an object ARN it has, or the objects of its bucket. */
function objectsResource(doc: PolicyDocument): string | undefined {
  const bucket = existingResource(doc, RESOURCES.bucket.format);
  const objects = firstObjectArn(doc);
  if (objects !== null) return objects;
  return bucket ? `${bucket}/*` : undefined;
}

/** The companions' actions by the resource each is granted on, in order of first use. */
function actionsByResource(doc: PolicyDocument, companions: readonly Companion[]): Map<string, string[]> {
  const byResource = new Map<string, string[]>();
  for (const c of companions) {
    const arn = companionResource(doc, c.resource);
    const actions = byResource.get(arn) ?? [];
    if (!actions.includes(c.action)) actions.push(c.action);
    byResource.set(arn, actions);
  }
  return byResource;
}

/** The statements that grant the companions: one per resource, with the actions needed on it
 *  (a wildcard-only action never shares a statement with a scoped ARN, which `*` would widen). */
const statementsOf = (byResource: Map<string, string[]>): object[] =>
  [...byResource].map(([arn, actions]) => ({ Effect: 'Allow', Action: oneOrMany(actions), Resource: arn }));

/** Edits adding several statements where there is no append point (an empty or single-statement
 *  Statement): each added to the text the previous one made, then turned into one edit of the
 *  span that changed (edits of one fix must not overlap). */
function addStatementsEdits(doc: PolicyDocument, statements: object[]): TextEdit[] | undefined {
  let text = doc.text;
  let current = doc;
  for (const st of statements) {
    const edits = addStatementEdits(current, st);
    if (!edits) return undefined;
    text = applyEdits(text, edits);
    current = parsePolicy(text);
  }
  return [diffEdit(doc.text, text)];
}

const appendedTexts = (point: AppendPoint, statements: object[]) => statements.map((st) => appendedText(point, st)).join('');

/** The text appended for companion statements, by layout (the append point without its offset)
 *  and statements, kept across analyses: an edit elsewhere in the policy moves where a fix's
 *  statements go, not what they say, and laying them out was most of a fix's cost. Bounded (the
 *  oldest goes first); off with the statement cache, cleared with the statement facts. */
const appendedKept = new Map<string, string>();
const MAX_APPENDED = 1024;

clearedWithFacts(() => appendedKept.clear());

/** Companion fixes whose statements were laid out (not taken from appendedKept), and drafts
 *  whose fixes were built (not moved from another version: rules/connect/companions.ts), for the
 *  tests. */
export const companionFixWork = { laidOut: 0, built: 0 };

function keptAppendedText(point: AppendPoint, byResource: Map<string, string[]>): string {
  const keep = statementCache.enabled;
  // Each part with its length: an ARN may hold any character, so no separator is safe alone.
  const parts = [String(point.single), point.indent, point.unit, point.eol];
  for (const [arn, actions] of byResource) parts.push(arn, actions.join(' '));
  const key = parts.map((p) => `${p.length}:${p}`).join('');
  let text = keep ? appendedKept.get(key) : undefined;
  if (text === undefined) {
    companionFixWork.laidOut++;
    // Detached: the indentation and reused ARNs are slices of this version's text.
    text = detach(appendedTexts(point, statementsOf(byResource)));
    if (keep) {
      if (appendedKept.size >= MAX_APPENDED) appendedKept.delete(appendedKept.keys().next().value!);
      appendedKept.set(key, text);
    }
  }
  return text;
}

/** A fix adding statements that grant the companions; undefined when the document has no
 *  `Statement` element to add to. */
export function addCompanionsFix(doc: PolicyDocument, title: string, companions: readonly Companion[], preferred = true): Fix | undefined {
  const byResource = actionsByResource(doc, companions);
  // The usual case, a non-empty Statement array: the statements are appended after the last one,
  // one after the other (no re-parse).
  const point = appendPoint(doc);
  if (point) return { title, edits: [{ range: { start: point.at, end: point.at }, newText: keptAppendedText(point, byResource) }], isPreferred: preferred };
  const edits = addStatementsEdits(doc, statementsOf(byResource));
  return edits ? { title, edits, isPreferred: preferred } : undefined;
}

/** An edit adding `"name": value` as the last property of an object node. */
export function addPropertyEdit(doc: PolicyDocument, obj: Node, name: string, value: unknown): TextEdit {
  const text = doc.text;
  const eol = lineBreak(text);
  const unit = indentUnit(text);
  const props = obj.children ?? [];
  const last = props[props.length - 1];
  const close = obj.offset + obj.length - 1;
  const singleLine = isSingleLine(text, obj);
  if (!last) {
    const indent = indentAt(text, obj.offset);
    const inner = indent + unit;
    if (singleLine) return { range: { start: obj.offset + 1, end: close }, newText: `${JSON.stringify(name)}: ${JSON.stringify(value)}` };
    return { range: { start: obj.offset + 1, end: close }, newText: `${eol}${inner}${JSON.stringify(name)}: ${formatJson(value, unit, inner, eol)}${eol}${indent}` };
  }
  const end = last.offset + last.length;
  if (singleLine) return { range: { start: end, end }, newText: `, ${JSON.stringify(name)}: ${JSON.stringify(value)}` };
  const indent = indentAt(text, last.offset);
  return { range: { start: end, end }, newText: `,${eol}${indent}${JSON.stringify(name)}: ${formatJson(value, unit, indent, eol)}` };
}

/** An edit adding a condition `operator: { key: values }` to a statement, merging into an existing
 *  `Condition` and operator object where there is one. */
export function addConditionEdit(doc: PolicyDocument, s: Statement, operator: string, key: string, values: string[]): TextEdit | undefined {
  const value = oneOrMany(values);
  const cond = s.conditionProperty?.value;
  if (!cond) return addPropertyEdit(doc, s.node, 'Condition', { [operator]: { [key]: value } });
  if (cond.type !== 'object') return undefined;
  const op = cond.children?.find((p) => p.children?.[0]?.value === operator)?.children?.[1];
  if (op?.type === 'object') return addPropertyEdit(doc, op, key, value);
  return addPropertyEdit(doc, cond, operator, { [key]: value });
}

/** An edit adding a string to the value of a property: appended to an array, or turning a single
 *  value into an array of both. */
export function addArrayValueEdit(doc: PolicyDocument, prop: Property, value: string): TextEdit | undefined {
  const node = prop.value;
  if (!node) return undefined;
  if (node.type === 'array') {
    const items = node.children ?? [];
    const last = items[items.length - 1];
    // A YAML block sequence (`- item` lines) takes a new `- item` line: the JSON separator would
    // be read as part of the last item's plain scalar (one bogus string, no error to catch).
    if (doc.embedded?.syntax === 'yaml' && doc.text[node.offset] !== '[') return last ? addBlockItemEdit(doc.text, last, value) : undefined;
    if (!last) return { range: { start: node.offset + 1, end: node.offset + node.length - 1 }, newText: JSON.stringify(value) };
    const end = last.offset + last.length;
    const sep = !isSingleLine(doc.text, node) ? `,${lineBreak(doc.text)}${indentAt(doc.text, last.offset)}` : ', ';
    return { range: { start: end, end }, newText: `${sep}${JSON.stringify(value)}` };
  }
  if (node.type !== 'string') return undefined;
  const raw = doc.text.slice(node.offset, node.offset + node.length);
  return { range: { start: node.offset, end: node.offset + node.length }, newText: `[${raw}, ${JSON.stringify(value)}]` };
}

/** A `- "value"` line after the last item of a YAML block sequence, at the item's dash column; at
 *  the end of the item's line, so a comment after the item stays with it. Only for an item that
 *  opens its line as `- item` (a nested `- - item` or an item after a key on the line is left
 *  alone), and only when nothing but blanks or a comment follows it there. */
function addBlockItemEdit(text: string, last: { offset: number; length: number }, value: string): TextEdit | undefined {
  const indent = indentAt(text, last.offset);
  const opening = text.slice(lineStartAt(text, last.offset) + indent.length, last.offset);
  if (opening.length < 2 || opening[0] !== '-' || opening.slice(1).trim() !== '') return undefined;
  const end = last.offset + last.length;
  let lineEnd = end;
  while (lineEnd < text.length && text[lineEnd] !== '\n' && text[lineEnd] !== '\r') lineEnd++;
  const rest = text.slice(end, lineEnd).trim();
  if (rest !== '' && !rest.startsWith('#')) return undefined;
  return { range: { start: lineEnd, end: lineEnd }, newText: `${lineBreak(text)}${indent}- ${JSON.stringify(value)}` };
}

/** A fix moving one action of an `Action` array into a statement of its own with the same effect
 *  and resources but without the statement's condition. */
export function moveActionFix(doc: PolicyDocument, s: Statement, action: ValueItem, title: string): Fix | undefined {
  if (s.actionProperty?.value?.type !== 'array' || s.actions.length < 2 || !s.resourceProperty?.value) return undefined;
  const remove = removeArrayElementEdit(action.node);
  const statement = {
    Effect: s.effect?.value ?? 'Allow',
    Action: action.value,
    [s.resourceProperty.name]: getNodeValue(s.resourceProperty.value),
  };
  const add = addStatementEdits(doc, statement);
  if (!remove || !add) return undefined;
  return { title, edits: [remove, ...add] };
}
