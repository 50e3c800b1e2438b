// The string values the value rules read (Resource/NotResource, Principal, Condition values), each
// with its ARN fields and the placeholders found in it. Computed once per value and shared, so the
// partition/Region/account rules can stay silent on a field the placeholder rule already reports.
import { StringMemo } from '../../memo';
import { PolicyDocument, scalarItems, Statement, ValueItem, propertiesOf } from '../../parse/policyModel';
import { ArnField, ParsedArn, parseArn } from '../../reference/arn';
import { ArnFieldKind, isFieldPlaceholder, pathPlaceholder, pathSegments, templatePlaceholders, TextSpan } from '../../reference/placeholders';
import { variableSpans, VariableSpan } from '../../reference/variables';
import { Node } from 'jsonc-parser';
import { arnFieldUse } from '../../reference/resourceMatch';
import { instancePath } from '../../connect/instanceArn';
import { ObjectCache } from '../../objectCache';

export type Place = 'resource' | 'principal' | 'condition';

export interface PolicyString {
  item: ValueItem;
  text: string;
  place: Place;
  statement: Statement;
}

/** What a placeholder stands for, which decides the advice and whether the policy itself holds
 *  the real value. */
export type PlaceholderRole = ArnFieldKind | 'instance' | 'other';

export interface Placeholder extends TextSpan {
  role: PlaceholderRole;
  /** True when no real value can look like this (a template marker, a field word such as
   *  `account-id` where an account ID goes); false for a valid name that merely reads like an
   *  example (`my-function`), which may be real. */
  certain: boolean;
}

export interface StringFacts {
  arn?: ParsedArn;
  placeholders: Placeholder[];
  variables: VariableSpan[];
}

const stringsCache = new ObjectCache<PolicyDocument, PolicyString[]>();
// Facts depend on the text alone: memoised by text across statements, documents and re-analyses.
const factsCache = new StringMemo<StringFacts>();

/** Every scalar under a node (Principal values nest one level: `{"AWS": [...]}`). Shared with the
 *  policy-variable rules, which read the same Principal values. */
export function principalItems(node: Node | undefined, text: string): ValueItem[] {
  if (node?.type === 'object') return propertiesOf(node).flatMap((p) => scalarItems(p.value, text));
  return scalarItems(node, text);
}

export function policyStrings(doc: PolicyDocument): PolicyString[] {
  let out = stringsCache.get(doc);
  if (out) return out;
  out = [];
  for (const s of doc.statements) statementStrings(s, doc.text, out);
  stringsCache.set(doc, out);
  return out;
}

/** The string values of one statement, in the order policyStrings lists them, added to `out`. */
export function statementStrings(s: Statement, text: string, out: PolicyString[] = []): PolicyString[] {
  const add = (items: ValueItem[], place: Place) => {
    for (const item of items) if (typeof item.value === 'string') out.push({ item, text: item.value, place, statement: s });
  };
  add(s.resources, 'resource');
  add(principalItems(s.principalProperty?.value, text), 'principal');
  for (const c of s.conditions) add(c.values, 'condition');
  return out;
}

const overlaps = (a: { start: number; end: number }, b: { start: number; end: number }) => a.start < b.end && b.start < a.end;

function roleOf(span: TextSpan, arn: ParsedArn | undefined): PlaceholderRole {
  if (!arn) return 'other';
  for (const kind of ['partition', 'region', 'account'] as const) {
    if (span.start === arn[kind].start && span.end === arn[kind].end) return kind;
  }
  // The Connect instance ID: `instance/<here>` at the start of a connect ARN's resource.
  const path = arn.service.value === 'connect' ? instancePath(arn.resource.value) : undefined;
  if (path && span.start === arn.resource.start + path.start && span.end === arn.resource.start + path.end) return 'instance';
  return 'other';
}

export function factsOf(s: PolicyString): StringFacts {
  return factsCache.getOrCompute(s.text, computeFacts);
}

/** Facts of a string value, computed from a copy detached from the document (see memo.ts). */
function computeFacts(text: string): StringFacts {
  const arn = parseArn(text);
  const spans: (TextSpan & { example?: boolean })[] = templatePlaceholders(text);
  if (arn) {
    const free = (span: { start: number; end: number }) => !spans.some((t) => overlaps(t, span));
    const fieldWords: (TextSpan & { example?: boolean })[] = [];
    for (const kind of ['partition', 'region', 'account'] as const) {
      const f = arn[kind];
      if (free(f) && isFieldPlaceholder(kind, f.value)) fieldWords.push({ start: f.start, end: f.end, text: f.value });
    }
    for (const seg of pathSegments(arn.resource.value)) {
      const span = { start: arn.resource.start + seg.start, end: arn.resource.start + seg.end, text: seg.text };
      const verdict = free(span) ? pathPlaceholder(seg.text) : undefined;
      if (verdict) fieldWords.push({ ...span, example: verdict === 'example' });
    }
    spans.push(...fieldWords);
  }
  spans.sort((a, b) => a.start - b.start);
  return {
    arn,
    placeholders: spans.map(({ example, ...sp }) => {
      const role = roleOf(sp, arn);
      // A Connect instance ID is a UUID: a word in its place cannot be real.
      return { ...sp, role, certain: !example || role === 'instance' };
    }),
    variables: variableSpans(text),
  };
}

/** ARN strings with their parsed fields. */
export function arnStrings(doc: PolicyDocument): { s: PolicyString; arn: ParsedArn; facts: StringFacts }[] {
  const out = [];
  for (const s of policyStrings(doc)) {
    const facts = factsOf(s);
    if (facts.arn) out.push({ s, arn: facts.arn, facts });
  }
  return out;
}

/** Should a field's own validation stay silent? When it holds a placeholder (reported by the
 *  placeholder rule) or a policy variable (judged by the variable rules), yes. */
export function fieldDeferred(facts: StringFacts, field: ArnField): boolean {
  return field.value.includes('${') || facts.placeholders.some((p) => overlaps(p, field));
}

/** Is the field one this kind of ARN never has (a Region in an S3 bucket ARN)? Then
 *  arn-field-not-allowed says to empty it, and judging its value would only add noise. */
export function fieldNeverUsed(arn: ParsedArn, field: 'region' | 'account'): boolean {
  return arnFieldUse(arn, field) === 'never';
}
