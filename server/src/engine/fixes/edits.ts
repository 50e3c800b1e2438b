// Building blocks for the text edits of quick fixes. Every fix is a list of offset edits that keep
// the user's formatting: values are replaced in place, new statements follow the indentation of
// the statements already there.
import { Node } from 'jsonc-parser';
import { nodeRange } from '../parse/jsonDocument';
import { PolicyDocument, subRange, ValueItem } from '../parse/policyModel';
import { Fix, OffsetRange, TextEdit } from '../types';
import { ObjectCache } from '../objectCache';

/** Replace a scalar value (its whole token, quotes included) with a new string value. */
export function replaceValueEdit(item: ValueItem | Node, newValue: string): TextEdit {
  const range = 'range' in item ? item.range : nodeRange(item);
  return { range, newText: JSON.stringify(newValue) };
}

/** Replace a range inside a string value (e.g. one ARN field) with raw text; falls back to
 *  replacing the whole value when the string has escape sequences. */
export function replaceInStringEdit(item: ValueItem, from: number, to: number, newText: string): TextEdit {
  if (item.contentStart === undefined) {
    const value = String(item.value);
    return replaceValueEdit(item, value.slice(0, from) + newText + value.slice(to));
  }
  return { range: { start: item.contentStart + from, end: item.contentStart + to }, newText };
}

/** A fix that replaces one value. */
export function replaceValueFix(title: string, item: ValueItem, newValue: string, opts: { preferred?: boolean; safe?: boolean } = {}): Fix {
  return { title, edits: [replaceValueEdit(item, newValue)], isPreferred: opts.preferred ?? true, safe: opts.safe ?? false };
}

/** A fix that replaces the characters [from, to) of a string value (one ARN field, one word of a
 *  path) with raw text. */
export function replaceInStringFix(title: string, item: ValueItem, from: number, to: number, newText: string): Fix {
  return { title, edits: [replaceInStringEdit(item, from, to, newText)], isPreferred: true };
}

/** The range, `data` and fix of a finding on the characters [from, to) of a string value that may
 *  have a likely replacement ("did you mean"): the finding points at the span, and the suggestion,
 *  when there is one, is both reported as `data.suggestion` and offered as the preferred fix. The
 *  ARN field rules (partition, Region, account) and the Connect path-word rule all report this
 *  way; one builder keeps their findings alike. */
export function spanSuggestion(item: ValueItem, from: number, to: number, suggestion: string | undefined, title: (suggestion: string) => string): { range: OffsetRange; data?: Record<string, unknown>; fixes?: Fix[] } {
  return {
    range: subRange(item, from, to),
    data: suggestion ? { suggestion } : undefined,
    fixes: suggestion ? [replaceInStringFix(title(suggestion), item, from, to, suggestion)] : undefined,
  };
}

/** Layout facts of the last text asked about: many findings of one analysis build fixes for the
 *  same (possibly megabyte-sized) text, and scanning it once per fix made fixes quadratic. */
let layoutOf: { text: string; eol: string; unit: string } | undefined;

function layout(text: string): { eol: string; unit: string } {
  if (layoutOf?.text !== text) {
    const m = /\r?\n([ \t]+)\S/.exec(text);
    layoutOf = { text, eol: text.includes('\r\n') ? '\r\n' : '\n', unit: m ? m[1] : '  ' };
  }
  return layoutOf;
}

/** The fixes of a "did you mean a, b or c?" finding: one per candidate, in the candidates' order
 *  (nearest first), the first preferred. The unknown action, service prefix and condition key rules
 *  all offer their alternatives this way. */
export function alternativeFixes(candidates: string[], fix: (candidate: string) => { title: string; edit: TextEdit }): Fix[] {
  return candidates.map((candidate, i) => {
    const { title, edit } = fix(candidate);
    return { title, edits: [edit], isPreferred: i === 0 };
  });
}

/** The line break the document uses. */
export function lineBreak(text: string): string {
  return layout(text).eol;
}

/** The start of the line that holds `offset`. */
export function lineStartAt(text: string, offset: number): number {
  let start = offset;
  while (start > 0 && text[start - 1] !== '\n' && text[start - 1] !== '\r') start--;
  return start;
}

/** Column (leading whitespace) of the line that holds `offset`. */
export function indentAt(text: string, offset: number): string {
  const lineStart = lineStartAt(text, offset);
  let end = lineStart;
  while (end < text.length && (text[end] === ' ' || text[end] === '\t')) end++;
  return text.slice(lineStart, end);
}

/** The document's indentation unit: the first indented line's leading whitespace (2 spaces by
 *  default). */
export function indentUnit(text: string): string {
  return layout(text).unit;
}

/** JSON text of `value` laid out with `unit` indentation, every line after the first starting at
 *  `baseIndent`. */
export function formatJson(value: unknown, unit: string, baseIndent: string, eol: string): string {
  return JSON.stringify(value, null, unit).split('\n').join(eol + baseIndent);
}

/** Answers of `isSingleLine` by node, for the text they were given: a fix per action of a
 *  minified megabyte statement scanned the whole `Statement` array once per fix. */
const singleLine = new WeakMap<Node, { text: string; single: boolean }>();

/** Is the whole container written on one line? */
export function isSingleLine(text: string, node: Node): boolean {
  const known = singleLine.get(node);
  if (known && known.text === text) return known.single;
  const single = !/[\r\n]/.test(text.slice(node.offset, node.offset + node.length));
  singleLine.set(node, { text, single });
  return single;
}

/** Where statements are appended to a non-empty `Statement` array (after its last element), and
 *  all the appended text depends on besides the statement: whether the array is written on one
 *  line, the last element's indentation, the document's indentation unit and line break. */
export interface AppendPoint {
  at: number;
  single: boolean;
  indent: string;
  unit: string;
  eol: string;
}

/** Append points by document: every fix that adds a statement asks, and a Connect policy has
 *  dozens of them. Shared: callers must not change the point. */
const appendPoints = new ObjectCache<PolicyDocument, AppendPoint | null>();

/** The append point of the policy's `Statement` array; undefined when it is not a non-empty array
 *  (addStatementEdits wraps a single statement, fills an empty array, or cannot add). */
export function appendPoint(doc: PolicyDocument): AppendPoint | undefined {
  let point = appendPoints.get(doc);
  if (point === undefined) appendPoints.set(doc, (point = appendPointNow(doc) ?? null));
  return point ?? undefined;
}

function appendPointNow(doc: PolicyDocument): AppendPoint | undefined {
  const value = doc.statementProperty?.value;
  const items = value?.type === 'array' ? value.children ?? [] : [];
  const last = items[items.length - 1];
  if (!value || !last) return undefined;
  const text = doc.text;
  return { at: last.offset + last.length, single: isSingleLine(text, value), indent: indentAt(text, last.offset), unit: indentUnit(text), eol: lineBreak(text) };
}

/** The text appending `statement` at an append point. */
export function appendedText(p: AppendPoint, statement: object): string {
  return p.single ? `, ${JSON.stringify(statement)}` : `,${p.eol}${p.indent}${formatJson(statement, p.unit, p.indent, p.eol)}`;
}

/**
 * Edits that add `statement` to the policy's `Statement` element:
 * - a non-empty array: appended after its last element, indented like it (appendPoint);
 * - an empty array: filled with it;
 * - a single statement object: wrapped into an array with the new one;
 * - none (or not a container): no edit (undefined).
 */
export function addStatementEdits(doc: PolicyDocument, statement: object): TextEdit[] | undefined {
  const point = appendPoint(doc);
  if (point) return [{ range: at(point.at), newText: appendedText(point, statement) }];
  const text = doc.text;
  const value = doc.statementProperty?.value;
  if (!value) return undefined;
  const eol = lineBreak(text);
  const unit = indentUnit(text);
  if (value.type === 'array') {
    const inner = indentAt(text, value.offset) + unit;
    const open = value.offset + 1;
    return [{ range: { start: open, end: value.offset + value.length - 1 }, newText: `${eol}${inner}${formatJson(statement, unit, inner, eol)}${eol}${indentAt(text, value.offset)}` }];
  }
  if (value.type === 'object') {
    const indent = indentAt(text, value.offset);
    const existing = text.slice(value.offset, value.offset + value.length);
    const inner = indent + unit;
    const reindented = existing.split(/\r?\n/).join(eol + unit);
    return [{
      range: nodeRange(value),
      newText: `[${eol}${inner}${reindented},${eol}${inner}${formatJson(statement, unit, inner, eol)}${eol}${indent}]`,
    }];
  }
  return undefined;
}

function at(offset: number): OffsetRange {
  return { start: offset, end: offset };
}
