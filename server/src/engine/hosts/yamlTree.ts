// YAML text → a jsonc-parser-shaped tree (`Node`s with offsets in the YAML text), so the code that
// reads JSON policies and templates reads YAML ones unchanged. The text is parsed once, by the
// `yaml` package (YAML 1.2 core schema, as CloudFormation reads it: `Version: 2012-10-17` is a
// string, not a date). Two roads give the same tree: the fast one builds it from the parser's
// tokens (yamlCst.ts); a text it declines (syntax errors, rare constructs) has its `Document`
// composed from those tokens and converted here. CloudFormation's short-form tags (`!Sub`, `!Ref`, …) become the long form
// they stand for (`{"Fn::Sub": …}`, `{"Ref": …}`), the key node covering the tag, so one reader
// handles both syntaxes.
import { Node as JsonNode } from 'jsonc-parser';
import { Alias, Composer, CST, Document, YAMLParseError, isAlias, visit, isMap, isScalar, isSeq, Node as YamlNode, parseDocument, Scalar, ScalarTag, CollectionTag } from 'yaml';
import { HostNodeFacts } from '../parse/policyModel';
import { OffsetRange } from '../types';
import { cstTokens, parseYamlCst } from './yamlCst';

/** The CloudFormation short-form tags and the long-form key each stands for. */
export const SHORT_FORM_TAGS: Record<string, string> = {
  '!Ref': 'Ref',
  '!Condition': 'Condition',
  ...Object.fromEntries(
    ['Sub', 'GetAtt', 'Join', 'If', 'Select', 'ImportValue', 'FindInMap', 'Split', 'Base64', 'Cidr', 'GetAZs', 'And', 'Or', 'Not', 'Equals', 'Transform', 'Length', 'ToJsonString']
      .map((n) => [`!${n}`, `Fn::${n}`]),
  ),
};

/** Each tag registered for scalars, sequences and mappings alike, resolving to the node itself: the
 *  tag stays on the node, where the converter reads it. Registering them keeps `yaml` from warning
 *  about unresolved tags. */
const CUSTOM_TAGS: (ScalarTag | CollectionTag)[] = Object.keys(SHORT_FORM_TAGS).flatMap((tag) => [
  { tag, resolve: (value: string) => value } as ScalarTag,
  { tag, collection: 'seq', resolve: (value: unknown) => value } as unknown as CollectionTag,
  { tag, collection: 'map', resolve: (value: unknown) => value } as unknown as CollectionTag,
]);

/** Nesting deeper than this is not converted (no template nests anywhere near it). */
export const MAX_YAML_DEPTH = 200;

/** How a YAML scalar is written, so a fix can write its new value the same way. */
export interface ScalarStyle {
  end: number;
  style: string;
  /** Inside a flow collection (`[a, b]`, `{a: b}`), where `,[]{}` end a plain scalar. */
  inFlow: boolean;
}

export interface YamlTree {
  root: JsonNode | undefined;
  /** Every scalar by its start offset. */
  scalars: Map<number, ScalarStyle>;
  /** Syntax errors, with ranges in the text. */
  errors: { message: string; range: OffsetRange }[];
  /** Set by the fast road: whether the text defines an anchor or uses an alias. */
  anchored?: boolean;
  /** Set when the tree is the last version's with one entry spliced in (yamlReuse.ts): how many
   *  characters the two texts share from the start. Nodes that end within them are unchanged. */
  shared?: number;
}

export type HostNode = JsonNode & HostNodeFacts & { children?: HostNode[]; parent?: HostNode };

type Mutable = { -readonly [K in keyof HostNode]: HostNode[K] };

/** Read YAML text: the fast road from the parser's tokens (yamlCst.ts) when the text keeps to
 *  it, else the full `Document` (`parseYamlDocument`). Both give the same tree. */
export function parseYaml(text: string): YamlTree {
  if (yamlReading.full) return parseYamlDocument(text);
  const tokens = cstTokens(text);
  return parseYamlCst(text, tokens) ?? parseYamlDocument(text, tokens);
}

/** For the tests and the benchmark only: read every text the full way (the reference the fast
 *  road is held to). */
export const yamlReading = { full: false };

const DOCUMENT_OPTIONS = { customTags: CUSTOM_TAGS, prettyErrors: false, uniqueKeys: true };

/** The full way: the `yaml` package composes the `Document` (every syntax error with its
 *  message), which is then converted node by node. `tokens`: the parser's tokens of the text, when
 *  the fast road has them already (composing them is `parseDocument` without parsing again). */
export function parseYamlDocument(text: string, tokens?: CST.Token[]): YamlTree {
  let doc: Document.Parsed;
  try {
    doc = tokens ? composeDocument(text, tokens) : parseDocument(text, DOCUMENT_OPTIONS);
  } catch (err) {
    return { root: undefined, scalars: new Map(), errors: [{ message: `The YAML could not be read: ${(err as Error).message}`, range: { start: 0, end: 0 } }] };
  }
  const errors = doc.errors.map((e) => ({ message: e.message.split('\n')[0], range: { start: e.pos[0], end: Math.max(e.pos[1], e.pos[0]) } }));
  const converter = new Converter(text, doc);
  const root = doc.contents ? converter.convert(doc.contents as YamlNode, undefined, 0, false) : undefined;
  if (converter.tooDeepAt !== undefined) errors.push({ message: `The YAML nests more than ${MAX_YAML_DEPTH} levels deep here; it is not analysed.`, range: { start: converter.tooDeepAt, end: converter.tooDeepAt + 1 } });
  if (converter.tooManyAt !== undefined) errors.push({ message: 'Aliases here expand to far more nodes than the text holds; the template is not analysed past this point', range: { start: converter.tooManyAt, end: converter.tooManyAt + 1 } });
  return { root, errors, scalars: converter.scalars };
}

/** What `parseDocument` does after parsing: the first document composed, and an error when the
 *  text holds more than one. */
function composeDocument(text: string, tokens: CST.Token[]): Document.Parsed {
  let doc: Document.Parsed | undefined;
  for (const next of new Composer(DOCUMENT_OPTIONS).compose(tokens, true, text.length)) {
    if (!doc) doc = next;
    else {
      doc.errors.push(new YAMLParseError([next.range[0], next.range[1]], 'MULTIPLE_DOCS', 'Source contains multiple documents; please use YAML.parseAllDocuments()'));
      break;
    }
  }
  return doc!;
}

class Converter {
  tooDeepAt: number | undefined;
  tooManyAt: number | undefined;
  readonly scalars = new Map<number, ScalarStyle>();
  private nodes = 0;
  private readonly maxNodes: number;
  constructor(private readonly text: string, private readonly doc: Document.Parsed) {
    this.maxNodes = 10_000 + text.length;
  }

  convert(node: YamlNode | Alias, parent: HostNode | undefined, depth: number, inFlow: boolean): HostNode | undefined {
    // Aliases are expanded, so a few lines can stand for billions of nodes ("billion laughs"):
    // the tree is bounded by the text's size.
    if (++this.nodes > this.maxNodes) {
      this.tooManyAt ??= node.range?.[0] ?? 0;
      return undefined;
    }
    if (depth > MAX_YAML_DEPTH) {
      this.tooDeepAt ??= node.range?.[0] ?? 0;
      return undefined;
    }
    if (isAlias(node)) {
      // An alias stands for its anchor's node: converted again (ranges stay at the anchor).
      const target = this.resolveAlias(node);
      return target ? this.convert(target as YamlNode, parent, depth + 1, inFlow) : undefined;
    }
    const [start, end] = node.range ?? [0, 0];
    const longForm = node.tag ? SHORT_FORM_TAGS[node.tag] : undefined;
    if (longForm) return this.intrinsic(node, longForm, start, end, parent, depth, inFlow);
    return this.plain(node, start, end, parent, depth, inFlow);
  }

  /** The node an alias names: the last node with its anchor before it, in document order (as
   *  `Alias.resolve` finds it, but with the document's aliases and anchors listed once rather
   *  than once per alias). */
  private resolveAlias(alias: Alias): YamlNode | undefined {
    if (this.resolved.has(alias)) return this.resolved.get(alias);
    if (!this.anchored) {
      const nodes: (YamlNode | Alias)[] = [];
      visit(this.doc, { Node: (_key, n) => void ((isAlias(n) || (n as YamlNode).anchor) && nodes.push(n as YamlNode | Alias)) });
      this.anchored = nodes;
    }
    let found: YamlNode | undefined;
    for (const n of this.anchored) {
      if (n === alias) break;
      if (!isAlias(n) && n.anchor === alias.source) found = n;
    }
    this.resolved.set(alias, found);
    return found;
  }
  private anchored: (YamlNode | Alias)[] | undefined;
  private readonly resolved = new Map<Alias, YamlNode | undefined>();

  /** `!Sub x` → `{"Fn::Sub": x}`: the object spans tag and value, its key covers the tag. */
  private intrinsic(node: YamlNode, key: string, start: number, end: number, parent: HostNode | undefined, depth: number, inFlow: boolean): HostNode {
    const tag = node.tag!;
    const tagStart = this.tagStart(tag, start);
    const obj: Mutable = { type: 'object', offset: tagStart, length: end - tagStart, parent, children: [] };
    const prop: Mutable = { type: 'property', offset: tagStart, length: end - tagStart, parent: obj as HostNode, children: [] };
    const keyNode: Mutable = { type: 'string', value: key, offset: tagStart, length: tag.length, parent: prop as HostNode };
    prop.colonOffset = tagStart + tag.length;
    const value = this.plain(node, start, end, prop as HostNode, depth + 1, inFlow);
    prop.children = value ? [keyNode as HostNode, value] : [keyNode as HostNode];
    obj.children = [prop as HostNode];
    return obj as HostNode;
  }

  /** Where the tag written before a node starts (the node's own range leaves it out). */
  private tagStart(tag: string, valueStart: number): number {
    const at = this.text.lastIndexOf(tag, valueStart);
    return at >= 0 && valueStart - at < 500 ? at : valueStart;
  }

  private plain(node: YamlNode, start: number, end: number, parent: HostNode | undefined, depth: number, inFlow: boolean): HostNode | undefined {
    // A block collection's range runs to the next line: keep only its text.
    if (isMap(node) || isSeq(node)) while (end > start && /\s/.test(this.text[end - 1])) end--;
    if (isMap(node)) {
      const flow = inFlow || !!node.flow;
      const obj: Mutable = { type: 'object', offset: start, length: end - start, parent, children: [] };
      for (const pair of node.items) {
        const key = pair.key as YamlNode | null;
        const keyRange = key?.range ?? [start, start];
        const value = pair.value as YamlNode | null;
        const valueEnd = value?.range?.[1] ?? keyRange[1];
        const prop: Mutable = { type: 'property', offset: keyRange[0], length: valueEnd - keyRange[0], parent: obj as HostNode, colonOffset: keyRange[1] };
        const keyNode: Mutable = { type: 'string', value: keyText(key), offset: keyRange[0], length: keyRange[1] - keyRange[0], parent: prop as HostNode };
        const v = value ? this.convert(value, prop as HostNode, depth + 1, flow) : undefined;
        prop.children = propertyChildren(keyNode as HostNode, v);
        obj.children!.push(prop as HostNode);
      }
      return obj as HostNode;
    }
    if (isSeq(node)) {
      const flow = inFlow || !!node.flow;
      const arr: Mutable = { type: 'array', offset: start, length: end - start, parent, children: [] };
      for (const item of node.items) {
        const v = item ? this.convert(item as YamlNode, arr as HostNode, depth + 1, flow) : undefined;
        if (v) arr.children!.push(v);
      }
      return arr as HostNode;
    }
    if (isScalar(node)) {
      this.scalars.set(start, { end, style: node.type ?? 'PLAIN', inFlow });
      return this.scalar(node, start, end, parent);
    }
    return undefined;
  }

  private scalar(node: Scalar, start: number, end: number, parent: HostNode | undefined): HostNode {
    return scalarHostNode(this.text, node.value, node.type, start, end, parent);
  }
}

/** A property's children, key and value, in an array of exactly that length: a one-element
 *  array grown by push takes 17 slots, and a template holds tens of thousands of properties
 *  (~7 MB of a 1 MB template's tree was those empty slots). */
export function propertyChildren(key: HostNode, value: HostNode | undefined): HostNode[] {
  return value ? [key, value] : [key];
}

/** A scalar's host node (both YAML readers build theirs here): its typed value, its range and,
 *  for a plain or quoted one-line scalar without escapes, the offset of the value's first
 *  character, so a character of the value maps to the text. */
export function scalarHostNode(text: string, v: unknown, style: string | undefined, start: number, end: number, parent: HostNode | undefined): HostNode {
  const length = end - start;
  if (typeof v === 'number' || typeof v === 'bigint') return { offset: start, length, parent, type: 'number', value: Number(v) } as HostNode;
  if (typeof v === 'boolean') return { offset: start, length, parent, type: 'boolean', value: v } as HostNode;
  if (v === null || v === undefined) return { offset: start, length, parent, type: 'null', value: null } as HostNode;
  const value = String(v);
  return { offset: start, length, parent, type: 'string', value, contentStart: contentStartOf(text, style, value, start, end) } as HostNode;
}

function contentStartOf(text: string, style: string | undefined, value: string, start: number, end: number): number | undefined {
  switch (style) {
    case 'PLAIN':
      return end - start === value.length && text.startsWith(value, start) ? start : undefined;
    case 'QUOTE_DOUBLE':
    case 'QUOTE_SINGLE':
      return end - start === value.length + 2 && text.startsWith(value, start + 1) ? start + 1 : undefined;
    default:
      return undefined;
  }
}

function keyText(key: YamlNode | null): string {
  if (!key) return '';
  if (isScalar(key)) return String(key.value);
  return String(key);
}
