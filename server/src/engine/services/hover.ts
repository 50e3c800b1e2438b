// Hover: markdown about the token under the cursor (an element name, an action or action pattern,
// a condition operator or key, a Connect storage type, an ARN, an Effect). Pure: a parsed document
// in, plain data out; the language server turns offsets into positions.
import { findNodeAtOffset, getNodePath, Node } from 'jsonc-parser';
import { nodeRange } from '../parse/jsonDocument';
import { PolicyDocument, Statement } from '../parse/policyModel';
import { hasWildcard, parseArn } from '../reference/arn';
import { actionSupports } from '../reference/conditionSupport';
import { wildcardMatches } from '../reference/wildcard';
import { allResourceTypeFormats, findConditionKey, ResourceTypeInfo } from '../reference/iamData';
import { actionResourceTypes, resourceMatchesType } from '../reference/resourceMatch';
import { denyOverlaps, statementLabel } from '../rules/deny/overlap';
import { resolvedActions } from '../rules/reference/resolve';
import { factsOf } from '../rules/values/strings';
import { OffsetRange } from '../types';
import { embeddedIn } from '../hosts/services';
import type { ParsedDocument } from '../parsedDocument';
import { ATTRIBUTE_TYPES, storageType, storageTypes } from './connectInfo';
import { code, describeActionText, describeConditionKey, fullName } from './describe';
import { elementInfo } from './elements';
import { inStatement, isPropertyKey } from './locate';
import { describeOperator } from './operators';

export interface HoverResult {
  contents: string;
  range: OffsetRange;
}

/** The hover at `offset` of a document read once (parsedDocument.ts): no parse of its own. */
export function hoverIn(parsed: ParsedDocument, offset: number): HoverResult | undefined {
  // In a template: the embedded policy under the cursor (offsets stay in the template).
  const embedded = embeddedIn(parsed.host, offset);
  if (embedded === null) return undefined;
  const doc = embedded?.doc ?? parsed.policy;
  if (!doc?.isPolicy || !doc.root) return undefined;
  const node = findNodeAtOffset(doc.root, offset, true);
  if (!node || node.type !== 'string') return undefined;
  const contents = contentsFor(doc, node);
  return contents ? { contents: embedded ? embedded.unmask(contents) : contents, range: nodeRange(node) } : undefined;
}

function contentsFor(doc: PolicyDocument, node: Node): string | undefined {
  const path = getNodePath(node);
  const key = isPropertyKey(node);
  const value = node.value as string;
  if (path.length === 1 && key) return elementDoc(value);
  const at = inStatement(doc, path);
  if (!at) return undefined;
  const [element, operator, conditionKey] = at.rest;
  if (key) {
    if (at.rest.length === 1) return elementDoc(value);
    if (element !== 'Condition') return undefined;
    if (at.rest.length === 2) return describeOperator(value);
    if (at.rest.length === 3) return conditionKeyHover(value, at.statement);
    return undefined;
  }
  const s = at.statement;
  switch (element) {
    case 'Action':
    case 'NotAction':
      return describeActionText(value);
    case 'Resource':
    case 'NotResource':
      return s ? arnHover(node, s) : undefined;
    case 'Effect':
      return s ? effectHover(doc, s, value) : undefined;
    case 'Condition':
      return typeof operator === 'string' && typeof conditionKey === 'string' ? conditionValueHover(conditionKey, value) : undefined;
  }
  return undefined;
}

function elementDoc(name: string): string | undefined {
  const info = elementInfo(name);
  return info ? `**${info.name}**: ${info.doc}` : undefined;
}

function conditionKeyHover(key: string, s: Statement | undefined): string | undefined {
  const info = findConditionKey(key);
  if (!info) return `${code(key)} is not a condition key in the AWS reference.`;
  const blocks = [describeConditionKey(info)];
  if (s && !s.isNotAction && !info.global) {
    const actions = resolvedActions(s).filter((a) => a.status === 'resolved');
    const yes = actions.filter((a) => a.actions.some((x) => actionSupports(x, key, info.key))).map((a) => code(a.text));
    const no = actions.filter((a) => !a.actions.some((x) => actionSupports(x, key, info.key))).map((a) => code(a.text));
    if (yes.length) blocks.push(`Supported by this statement's ${yes.join(', ')}.`);
    if (no.length) blocks.push(`Not supported by ${no.join(', ')}: for those the request does not carry the key.`);
  }
  return blocks.join('\n\n');
}

function conditionValueHover(key: string, value: string): string | undefined {
  const lower = key.toLowerCase();
  if (lower === 'connect:storageresourcetype') {
    if (hasWildcard(value)) {
      // A StringLike pattern: which of the values it lets through.
      const matched = storageTypes().filter((t) => wildcardMatches(value, t.value)).map((t) => code(t.value));
      return matched.length ? `${code(value)} matches ${matched.join(', ')} (with \`StringLike\`).` : `${code(value)} matches no storage resource type.`;
    }
    const t = storageType(value);
    if (!t) return `${code(value)} is not a value of \`connect:StorageResourceType\` (values are case-sensitive).`;
    const lines = [`**${t.value}**: stored in ${t.kind}.`, '**The caller also needs**', ...t.needs.map((n) => `- ${n}`)];
    if (t.note) lines.push('', t.note);
    return lines.join('\n');
  }
  if (lower === 'connect:attributetype' && ATTRIBUTE_TYPES.includes(value)) {
    return `**${value}**: an Amazon Connect instance attribute (a value of \`connect:AttributeType\`).`;
  }
  return undefined;
}

/** Resource types of the statement's actions this resource can name, by type, with the actions
 *  that use it; without actions to go by, the types of the ARN's own service. */
function matchingTypes(resource: string, s: Statement): Map<ResourceTypeInfo, string[]> {
  const out = new Map<ResourceTypeInfo, string[]>();
  for (const r of s.isNotAction ? [] : resolvedActions(s)) {
    for (const a of r.actions) {
      for (const rt of actionResourceTypes(a)) {
        if (!resourceMatchesType(resource, rt)) continue;
        const list = out.get(rt) ?? [];
        if (!list.includes(fullName(a))) list.push(fullName(a));
        out.set(rt, list);
      }
    }
  }
  if (!out.size) {
    const arn = parseArn(resource);
    for (const rt of arn ? allResourceTypeFormats(arn.service.value) : []) if (resourceMatchesType(resource, rt)) out.set(rt, []);
  }
  return out;
}

const ACTIONS_SHOWN = 5;

function arnHover(node: Node, s: Statement): string | undefined {
  const item = s.resources.find((r) => r.node === node);
  if (!item || typeof item.value !== 'string') return undefined;
  const text = item.value;
  if (text === '*') return '`*`: every resource (the only value actions without resource types accept).';
  const facts = factsOf({ item, text, place: 'resource', statement: s });
  const arn = facts.arn;
  if (!arn) return undefined;
  const field = (label: string, v: string) => `- ${label}: ${v ? code(v) : '(empty)'}`;
  const blocks = [[
    '**ARN**',
    field('partition', arn.partition.value), field('service', arn.service.value), field('Region', arn.region.value),
    field('account', arn.account.value), field('resource', arn.resource.value),
  ].join('\n')];
  const types = matchingTypes(text, s);
  if (types.size) {
    const lines = [...types].map(([rt, actions]) => {
      const used = actions.length ? `, for ${actions.slice(0, ACTIONS_SHOWN).map(code).join(', ')}${actions.length > ACTIONS_SHOWN ? ` and ${actions.length - ACTIONS_SHOWN} more` : ''}` : '';
      return `- ${code(`${rt.service}:${rt.key}`)} ${code(rt.arn)}${used}`;
    });
    blocks.push(`**Matches resource type${types.size > 1 ? 's' : ''}**\n${lines.join('\n')}`);
  } else {
    blocks.push('Matches no resource type of the statement\'s actions.');
  }
  if (facts.placeholders.length) {
    blocks.push(`**Placeholders still in it**: ${facts.placeholders.map((p) => code(p.text)).join(', ')}. Replace them with real values.`);
  }
  return blocks.join('\n\n');
}

function effectHover(doc: PolicyDocument, s: Statement, value: string): string | undefined {
  const base = elementDoc('Effect');
  if (value !== 'Allow' && value !== 'Deny') return base;
  const overlaps = denyOverlaps(doc).filter((o) => (value === 'Deny' ? o.deny === s : o.allow === s));
  const how = (full: boolean, conditional: boolean) => (full ? 'wholly' : conditional ? 'in part, when its Condition matches' : 'in part');
  if (value === 'Deny') {
    if (!overlaps.length) return `**Deny**: overrides no Allow statement of this policy.\n\n${base}`;
    const lines = overlaps.map((o) => `- Allow statement ${statementLabel(o.allow)}: ${how(o.coverage === 'full', o.conditional)}`);
    return `**Deny**: overrides these Allow statements of this policy:\n${lines.join('\n')}\n\n${base}`;
  }
  if (!overlaps.length) return base;
  const lines = overlaps.map((o) => `- Deny statement ${statementLabel(o.deny)}: ${how(o.coverage === 'full', o.conditional)}`);
  return `**Allow**: overridden by:\n${lines.join('\n')}\n\n${base}`;
}
