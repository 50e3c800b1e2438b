// Completion: plain items for the place the cursor is in (element names, Effect and Version values,
// service prefixes and actions, condition operators, keys and enumerated values, ARN templates).
// Runs on every keystroke: on the document version's one parse (parsedDocument.ts), cached
// reference lookups, no analysis.
import { findNodeAtLocation, JSONPath, Node } from 'jsonc-parser';
import { PolicyDocument, propertiesOf, scalarItems, Statement } from '../parse/policyModel';
import { policyContext } from '../policyContext';
import { supportedKeys } from '../reference/conditionSupport';
import { actionsOf, globalConditionKeys, findConditionKey, serviceKeys, serviceName } from '../reference/iamData';
import { actionResourceTypes } from '../reference/resourceMatch';
import { resolvedActions } from '../rules/reference/resolve';
import { OffsetRange } from '../types';
import { embeddedIn } from '../hosts/services';
import type { ParsedDocument } from '../parsedDocument';
import { ATTRIBUTE_TYPES, storageTypes } from './connectInfo';
import { Cursor, cursorAt } from './cursor';
import { describeConditionKey } from './describe';
import { ElementInfo, STATEMENT_ELEMENTS, TOP_LEVEL_ELEMENTS } from './elements';
import { inStatement } from './locate';
import { completionOperators, describeOperator } from './operators';
import { arnTemplates } from './arnTemplates';
import { escapeSnippet } from './snippets';

export type CompletionKind = 'element' | 'value' | 'service' | 'action' | 'operator' | 'conditionKey' | 'arn' | 'snippet';

export interface CompletionEntry {
  label: string;
  kind: CompletionKind;
  detail?: string;
  /** Markdown. */
  documentation?: string;
  insertText: string;
  /** `insertText` uses `${1:placeholder}` tab stops. */
  isSnippet?: boolean;
  /** The text the item replaces. */
  range: OffsetRange;
  sortText?: string;
  filterText?: string;
}

export interface CompletionList {
  items: CompletionEntry[];
  isIncomplete: boolean;
}

const EMPTY: CompletionList = { items: [], isIncomplete: false };

const TOP_LEVEL_NAMES = new Set(TOP_LEVEL_ELEMENTS.map((e) => e.name));

/** The completions at `offset` of a document read once (parsedDocument.ts). */
export function completionsIn(parsed: ParsedDocument, offset: number): CompletionList {
  // In a template: the embedded policy under the cursor (offsets stay in the template).
  const embedded = embeddedIn(parsed.host, offset);
  if (embedded === null) return EMPTY;
  if (embedded) return parsed.text[embedded.cursor.range.start] !== '"' ? plainScalars(itemsAt(embedded.cursor, embedded.doc)) : itemsAt(embedded.cursor, embedded.doc);
  if (!parsed.policy) return EMPTY;
  // Inside a string not closed yet, the cursor's location is read from the text with a closing
  // quote at the cursor; the model needs no such patch: jsonc-parser ends an unclosed string at
  // the end of its line and builds the same statement around it.
  return itemsAt(cursorAt(parsed.text, offset), parsed.policy);
}

/** A JSON string that YAML reads back as the same plain scalar: letters, digits and `:-_./`,
 *  starting with a letter (no indicator character, no `: ` or ` #`). */
const PLAIN_SAFE = /^"[A-Za-z][A-Za-z0-9:_\-./]*"$/;

/** Items for a YAML plain scalar: written plain where that reads back the same, filtered on the
 *  unquoted text the user typed. */
function plainScalars(result: CompletionList): CompletionList {
  const unquote = (s: string | undefined) => (s && PLAIN_SAFE.test(s) ? s.slice(1, -1) : s);
  return { ...result, items: result.items.map((i) => (i.isSnippet ? i : { ...i, insertText: unquote(i.insertText)!, filterText: unquote(i.filterText) })) };
}

function itemsAt(cursor: Cursor, doc: PolicyDocument): CompletionList {
  const { path, isAtPropertyKey } = cursor.location;
  if (!looksLikePolicy(doc, cursor)) return EMPTY;
  if (isAtPropertyKey && path.length === 1) {
    return list(elementItems(TOP_LEVEL_ELEMENTS, presentKeys(doc.root, cursor), cursor));
  }
  if (!isAtPropertyKey && path.length === 1 && path[0] === 'Version') return list(versionItems(cursor));
  const at = inStatement(doc, path);
  if (!at) return EMPTY;
  const rest = at.rest;
  if (isAtPropertyKey) return list(keyItems(rest, at.node, at.statement, cursor));
  return valueItems(rest, at.node, at.statement, cursor, doc);
}

const list = (items: CompletionEntry[], isIncomplete = false): CompletionList => ({ items, isIncomplete });

/** A root object with a `Statement`, or one that holds nothing but policy elements yet (a policy
 *  being started). Other JSON gets no completion. */
function looksLikePolicy(doc: PolicyDocument, cursor: Cursor): boolean {
  if (doc.isPolicy) return true;
  if (doc.root?.type !== 'object') return false;
  const typing = cursor.location.isAtPropertyKey && cursor.location.path.length === 1 ? cursor.location.path[0] : undefined;
  return doc.properties.every((p) => TOP_LEVEL_NAMES.has(p.name) || p.name === typing);
}

/** Keys of the object other than the one being typed at the cursor. */
function presentKeys(obj: Node | undefined, cursor: Cursor): Set<string> {
  const out = new Set<string>();
  for (const p of propertiesOf(obj)) if (p.key.offset !== cursor.range.start) out.add(p.name);
  return out;
}

/** A quoted key: just the key when a colon follows, else `"key": value`. */
function keyEntry(name: string, valueSnippet: string, cursor: Cursor, rest: Omit<CompletionEntry, 'insertText' | 'range' | 'label'> & { label?: string }): CompletionEntry {
  const key = JSON.stringify(name);
  const insertText = cursor.colonFollows ? escapeSnippet(key) : `${escapeSnippet(key)}: ${valueSnippet}`;
  return { label: name, filterText: key, ...rest, insertText, isSnippet: true, range: cursor.range };
}

function elementItems(elements: ElementInfo[], present: Set<string>, cursor: Cursor): CompletionEntry[] {
  return elements
    .filter((e) => !present.has(e.name))
    .map((e) => keyEntry(e.name, e.value, cursor, { kind: 'element', documentation: e.doc }));
}

/** A quoted string value. */
function valueEntry(value: string, kind: CompletionKind, cursor: Cursor, extra: Partial<CompletionEntry> = {}): CompletionEntry {
  const quoted = JSON.stringify(value);
  return { label: value, kind, insertText: quoted, filterText: quoted, range: cursor.range, ...extra };
}

function versionItems(cursor: Cursor): CompletionEntry[] {
  return [
    valueEntry('2012-10-17', 'value', cursor, { detail: 'current policy language', sortText: '0' }),
    valueEntry('2008-10-17', 'value', cursor, { detail: 'old: no policy variables', sortText: '1' }),
  ];
}

function keyItems(rest: JSONPath, node: Node | undefined, s: Statement | undefined, cursor: Cursor): CompletionEntry[] {
  if (rest.length === 1) return elementItems(STATEMENT_ELEMENTS, presentKeys(node, cursor), cursor);
  if (rest[0] !== 'Condition' || !node) return [];
  const container = findNodeAtLocation(node, rest.slice(0, -1));
  const present = presentKeys(container, cursor);
  if (rest.length === 2) return operatorItems(present, cursor);
  if (rest.length === 3) return conditionKeyItems(s, present, cursor);
  return [];
}

function operatorItems(present: Set<string>, cursor: Cursor): CompletionEntry[] {
  return completionOperators()
    .filter((o) => !present.has(o.name))
    .map((o) => keyEntry(o.name, '{\n\t$0\n}', cursor, { kind: 'operator', documentation: describeOperator(o.name), sortText: `${o.rank}${o.name}` }));
}

/** `aws:ResourceTag/${TagKey}` → `aws:ResourceTag/${1:TagKey}`: the variable part becomes a tab
 *  stop. */
function keySnippet(key: string): string {
  let n = 0;
  return JSON.stringify(key).split(/(\$\{[^}]*\})/).map((part) => {
    const m = /^\$\{([^}]*)\}$/.exec(part);
    return m ? `\${${++n}:${m[1]}}` : escapeSnippet(part);
  }).join('');
}

/** The statement's own actions' keys first, then the global `aws:` keys. */
function conditionKeyItems(s: Statement | undefined, present: Set<string>, cursor: Cursor): CompletionEntry[] {
  const relevant = new Map<string, string>();
  if (s && !s.isNotAction) {
    for (const r of resolvedActions(s)) for (const a of r.actions) for (const [lower, key] of supportedKeys(a)) relevant.set(lower, key);
  }
  const out: CompletionEntry[] = [];
  const add = (key: string, rank: number) => {
    if (present.has(key)) return;
    const info = findConditionKey(key);
    const valueIndex = (key.match(/\$\{/g)?.length ?? 0) + 1;
    const insertText = cursor.colonFollows ? keySnippet(key) : `${keySnippet(key)}: "$${valueIndex}"`;
    out.push({
      label: key, kind: 'conditionKey', detail: info?.type, documentation: info ? describeConditionKey(info) : undefined,
      insertText, isSnippet: true, range: cursor.range, sortText: `${rank}${key}`, filterText: JSON.stringify(key),
    });
  };
  for (const key of relevant.values()) add(key, 0);
  for (const g of globalConditionKeys()) if (!relevant.has(g.key.toLowerCase())) add(g.key, 1);
  return out;
}

function valueItems(rest: JSONPath, node: Node | undefined, s: Statement | undefined, cursor: Cursor, doc: PolicyDocument): CompletionList {
  switch (rest[0]) {
    case 'Effect':
      return list(['Allow', 'Deny'].map((v) => valueEntry(v, 'value', cursor)));
    case 'Action':
    case 'NotAction':
      return actionItems(cursor);
    case 'Resource':
    case 'NotResource':
      return list(resourceItems(s, cursor, doc));
    case 'Condition':
      return list(rest.length >= 3 ? enumeratedItems(String(rest[2]), node, rest, cursor, doc.text) : []);
  }
  return EMPTY;
}

/** Before the colon: service prefixes (incomplete, so typing `:` asks again); after it, the
 *  service's actions. */
function actionItems(cursor: Cursor): CompletionList {
  const colon = cursor.typed.indexOf(':');
  if (colon < 0) {
    const items = [...serviceKeys()].sort().map((prefix) => {
      const text = `"${prefix}:`;
      return {
        label: `${prefix}:`, kind: 'service' as const, detail: serviceName(prefix), insertText: `${text}$0"`, isSnippet: true,
        filterText: text, range: cursor.range,
      };
    });
    return list(items, true);
  }
  const service = cursor.typed.slice(0, colon);
  const items = [...actionsOf(service).values()].map((a) =>
    valueEntry(`${a.service}:${a.name}`, 'action', cursor, { detail: a.accessLevel, documentation: a.description }));
  return list(items);
}

function resourceItems(s: Statement | undefined, cursor: Cursor, doc: PolicyDocument): CompletionEntry[] {
  const star = valueEntry('*', 'value', cursor, { detail: 'every resource', sortText: '9' });
  if (!s || s.isNotAction) return [star];
  const types = new Map(resolvedActions(s).flatMap((r) => r.actions.flatMap(actionResourceTypes)).map((rt) => [rt.arn, rt]));
  const ctx = policyContext(doc);
  const items = arnTemplates([...types.values()], ctx).map((t) => ({
    label: t.label, kind: 'arn' as const, detail: `${t.type.service}:${t.type.key}`, documentation: `\`${t.type.arn}\``,
    insertText: `"${t.snippet}"`, isSnippet: true, range: cursor.range, filterText: JSON.stringify(t.label), sortText: `0${t.label}`,
  }));
  return [...items, star];
}

/** Values of the keys with a closed set of values, without the ones already listed. */
function enumeratedItems(key: string, node: Node | undefined, rest: JSONPath, cursor: Cursor, text: string): CompletionEntry[] {
  const lower = key.toLowerCase();
  const keyValue = node ? findNodeAtLocation(node, rest.slice(0, 3)) : undefined;
  const present = new Set(scalarItems(keyValue, text).filter((v) => v.range.start !== cursor.range.start).map((v) => v.text));
  if (lower === 'connect:storageresourcetype') {
    return storageTypes().filter((t) => !present.has(t.value)).map((t) => valueEntry(t.value, 'value', cursor, {
      detail: t.kind, documentation: ['**The caller also needs**', ...t.needs.map((n) => `- ${n}`), t.note ?? ''].join('\n'),
    }));
  }
  if (lower === 'connect:attributetype') {
    return ATTRIBUTE_TYPES.filter((v) => !present.has(v)).map((v) => valueEntry(v, 'value', cursor, { detail: 'instance attribute' }));
  }
  return [];
}
