// jsonc-parser tree → the policy model every rule reads: statements with their elements, each
// string value with its exact range. Built once per analysis; rules never re-parse.
import { Node } from 'jsonc-parser';
import { OffsetRange, PolicyKind } from '../types';
import { JsonDocument, nodeRange, parseJson, propertyKey, propertyValue } from './jsonDocument';

/** A property of an object: `"name": value`. */
export interface Property {
  name: string;
  key: Node;
  /** Undefined while the value is still being typed. */
  value: Node | undefined;
  node: Node;
}

/** A scalar value (string, number, boolean, null) at an exact place in the text. */
export interface ValueItem {
  value: string | number | boolean | null;
  /** The value as IAM sees it: strings as they are, numbers and booleans as their JSON text. */
  text: string;
  node: Node;
  range: OffsetRange;
  /** Offset of the first character inside the quotes when the token has no escape sequences,
   *  so that a character index into `text` maps to a document offset. Undefined otherwise. */
  contentStart?: number;
}

export interface ConditionKeyEntry {
  /** The operator property (`"StringEquals": {...}`). */
  operator: Property;
  /** The condition key property (`"connect:StorageResourceType": ...`). */
  key: Property;
  /** Scalar values (a single value or the elements of an array). */
  values: ValueItem[];
}

export type { StatementElement } from '../reference/elements';

export interface Statement {
  index: number;
  node: Node;
  /** All properties in order, duplicates included. */
  properties: Property[];
  /** First property of each exact name. */
  byName: PropertyIndex;
  sid?: ValueItem;
  effect?: ValueItem;
  /** The `Action` or `NotAction` element (Action wins when both are present). */
  actionProperty?: Property;
  isNotAction: boolean;
  actions: ValueItem[];
  resourceProperty?: Property;
  isNotResource: boolean;
  resources: ValueItem[];
  principalProperty?: Property;
  conditionProperty?: Property;
  conditions: ConditionKeyEntry[];
}

/** What a host document (a CloudFormation, SAM or Serverless template) tells about a policy it
 *  embeds: set only on policies extracted from a template (see hosts/). */
export interface EmbeddedContext {
  /** Where the policy is, for messages: `Resources.ConnectRole.Policies[0].PolicyDocument`. */
  name: string;
  /** Template resources by logical ID → their `Type`, for rules that judge `Ref`/`GetAtt`. */
  resourceTypes: ReadonlyMap<string, string>;
  /** The host syntax, which decides how a fix must write a value. */
  syntax: 'json' | 'yaml' | 'hcl';
}

/** Extra facts a host document's tree may carry on a node (jsonc-parser nodes have none):
 *  - `contentStart`: offset of the value's first character when it maps 1:1 to the text (YAML
 *    plain and quoted scalars, CloudFormation `Fn::Sub` strings);
 *  - `unknown`: the value is computed by the template (`Ref`, `Fn::GetAtt`, `Fn::Join`…): it is
 *    kept in the tree (so element types still check) but is no scalar item: no rule judges it;
 *  - `intrinsic`: which function produced the node and its argument (for the template rules);
 *  - `synthetic`: the node is not in the text (a SAM bare statement's implied policy root);
 *  - `masked`: the value holds template parts masked as "any value" (an Fn::Sub's parameters):
 *    what it names is known only at deployment. */
export interface HostNodeFacts {
  contentStart?: number;
  unknown?: boolean;
  intrinsic?: { fn: string; arg: string | undefined; range: OffsetRange };
  synthetic?: boolean;
  masked?: boolean;
}

export function hostFacts(node: Node): HostNodeFacts {
  return node as Node & HostNodeFacts;
}

export interface PolicyDocument {
  json: JsonDocument;
  text: string;
  root: Node | undefined;
  isPolicy: boolean;
  kind: PolicyKind;
  properties: Property[];
  byName: PropertyIndex;
  version?: ValueItem;
  statementProperty?: Property;
  statements: Statement[];
  /** Set when the policy is embedded in a template (ranges are then offsets in the template). */
  embedded?: EmbeddedContext;
}

export function propertiesOf(obj: Node | undefined): Property[] {
  if (!obj || obj.type !== 'object' || !obj.children) return [];
  const out: Property[] = [];
  for (const prop of obj.children) {
    if (prop.type !== 'property' || !prop.children?.length) continue;
    const key = propertyKey(prop);
    out.push({ name: String(key.value), key, value: propertyValue(prop), node: prop });
  }
  return out;
}

/** The first property of an object with a given name. */
export interface PropertyIndex {
  get(name: string): Property | undefined;
}

/** Looked up by a scan of the properties: policy objects have a handful, and a Map per statement
 *  was a good share of the policy model's allocations. Rules ask for fixed names only (a few
 *  dozen lookups per object), so the scan stays linear in the object's size. */
class FirstByName implements PropertyIndex {
  constructor(private readonly props: readonly Property[]) {}

  get(name: string): Property | undefined {
    const props = this.props;
    for (let i = 0; i < props.length; i++) if (props[i].name === name) return props[i];
    return undefined;
  }
}

function firstByName(props: Property[]): PropertyIndex {
  return new FirstByName(props);
}

export function valueItem(node: Node, text: string): ValueItem | undefined {
  const facts = hostFacts(node);
  if (facts.unknown) return undefined;
  switch (node.type) {
    case 'string': {
      const value = node.value as string;
      if (facts.contentStart !== undefined || facts.synthetic) {
        return { value, text: value, node, range: nodeRange(node), contentStart: facts.contentStart };
      }
      // Escapes always make the raw token longer than its value, so a closed token exactly two
      // quotes longer than its value has none and offsets map 1:1 (no slice, no allocation).
      const closed = node.length >= 2 && text.charCodeAt(node.offset + node.length - 1) === 34;
      const contentStart = closed && node.length - 2 === value.length ? node.offset + 1 : undefined;
      return { value, text: value, node, range: nodeRange(node), contentStart };
    }
    case 'number':
    case 'boolean':
    case 'null':
      return { value: node.value, text: text.slice(node.offset, node.offset + node.length), node, range: nodeRange(node) };
    default:
      return undefined;
  }
}

/** Scalars of a value that may be a scalar or an array of scalars. */
export function scalarItems(node: Node | undefined, text: string): ValueItem[] {
  if (!node) return [];
  if (node.type === 'array') {
    const out: ValueItem[] = [];
    for (const child of node.children ?? []) {
      const item = valueItem(child, text);
      if (item) out.push(item);
    }
    return out;
  }
  const item = valueItem(node, text);
  return item ? [item] : [];
}

/** The range of characters [from, to) inside a string value, or the whole token when escapes
 *  make the mapping uncertain. */
export function subRange(item: ValueItem, from: number, to: number): OffsetRange {
  if (item.contentStart === undefined) return item.range;
  return { start: item.contentStart + from, end: item.contentStart + to };
}

function buildStatement(node: Node, index: number, text: string): Statement {
  const properties = propertiesOf(node);
  const byName = firstByName(properties);
  const scalar = (name: string) => {
    const v = byName.get(name)?.value;
    return v ? valueItem(v, text) : undefined;
  };
  const actionProperty = byName.get('Action') ?? byName.get('NotAction');
  const resourceProperty = byName.get('Resource') ?? byName.get('NotResource');
  const conditionProperty = byName.get('Condition');
  const conditions: ConditionKeyEntry[] = [];
  for (const operator of propertiesOf(conditionProperty?.value)) {
    for (const key of propertiesOf(operator.value)) {
      conditions.push({ operator, key, values: scalarItems(key.value, text) });
    }
  }
  return {
    index,
    node,
    properties,
    byName,
    sid: scalar('Sid'),
    effect: scalar('Effect'),
    actionProperty,
    isNotAction: actionProperty?.name === 'NotAction',
    actions: scalarItems(actionProperty?.value, text),
    resourceProperty,
    isNotResource: resourceProperty?.name === 'NotResource',
    resources: scalarItems(resourceProperty?.value, text),
    principalProperty: byName.get('Principal') ?? byName.get('NotPrincipal'),
    conditionProperty,
    conditions,
  };
}

/** Parse text into the policy model. `forcePolicy` treats any root object as a policy. */
export function parsePolicy(text: string, opts: { forcePolicy?: boolean; kind?: PolicyKind } = {}): PolicyDocument {
  const json = parseJson(text);
  return buildPolicy(json, json.root, opts);
}

/** The policy model of a tree: the whole JSON document's, or a policy embedded in a host
 *  document (then `root` is the policy's node, `json.text` the host text, and every range an
 *  offset in it). */
export function buildPolicy(json: JsonDocument, root: Node | undefined, opts: { forcePolicy?: boolean; kind?: PolicyKind; embedded?: EmbeddedContext } = {}): PolicyDocument {
  const text = json.text;
  const properties = propertiesOf(root);
  const byName = firstByName(properties);
  const statementProperty = byName.get('Statement');
  // Without a tree (nesting too deep to parse safely) a document that mentions `Statement` is
  // still treated as a policy, so the user learns why it is not analysed.
  const isPolicy = json.tooDeepAt !== undefined
    ? !!opts.forcePolicy || text.includes('"Statement"')
    : root?.type === 'object' && (statementProperty !== undefined || !!opts.forcePolicy);
  const statements: Statement[] = [];
  const sv = statementProperty?.value;
  if (sv?.type === 'object') statements.push(buildStatement(sv, 0, text));
  else if (sv?.type === 'array') {
    sv.children?.forEach((child) => {
      if (child.type === 'object') statements.push(buildStatement(child, statements.length, text));
    });
  }
  const version = byName.get('Version')?.value;
  const kind: PolicyKind =
    opts.kind ?? (statements.some((s) => s.principalProperty !== undefined) ? 'resource' : 'identity');
  return {
    json,
    text,
    root,
    isPolicy,
    kind,
    properties,
    byName,
    version: version ? valueItem(version, text) : undefined,
    statementProperty,
    statements,
    embedded: opts.embedded,
  };
}
