// The fast road from YAML text to the host tree (yamlTree.ts): the `yaml` package's parser gives
// the concrete syntax tree (tokens with offsets), and this module builds the host nodes from it
// directly, without composing a `Document` first (composing the whole document costs about as much
// again as parsing it, for a tree this module throws away).
//
// It only takes the road it is sure of. The composer checks a long list of things the parser lets
// through (duplicate keys, tabs as indentation, props in the wrong place, …); rather than report
// any of them in its own words, this module gives up (`undefined`) as soon as a document steps off
// the plain path — any error token, any check that would fail, any construct it does not handle
// (explicit `?` keys, directives, several documents, unknown tags, tagged keys, too deep, too many
// alias expansions) — and yamlTree.ts then reads the text the full way, messages and all. What it
// does build is node for node, offset for offset, what the full way builds (a differential test
// holds it to that: test/unit/yamlTree.test.ts).
//
// Scalars are decoded by the package (`CST.resolveAsScalar`: escapes, folding, block scalars) and
// typed by the package's own core-schema tags, so values are the ones the full way reads.
import { CST, Document, isScalar, Parser, ScalarTag } from 'yaml';
import { HostNode, MAX_YAML_DEPTH, propertyChildren, scalarHostNode, ScalarStyle, SHORT_FORM_TAGS, YamlTree } from './yamlTree';

type Mutable = { -readonly [K in keyof HostNode]: HostNode[K] };
type ValueToken = CST.Token;

/** Thrown to leave the fast road; never escapes this module. */
const OFF_ROAD = Symbol('off-road');
function offRoad(): never {
  throw OFF_ROAD;
}

/** The core schema's implicit scalar types (null, bool, int, float), in the package's own order:
 *  a plain scalar takes the first whose test matches, as the composer does. */
const IMPLICIT_TYPES = (() => {
  const doc = new Document();
  const tags = doc.schema.tags.filter((t): t is ScalarTag => !t.collection && t.default === true && !!t.test);
  return { tags, options: doc.options };
})();

/** What the tokens before a node say (a subset of the composer's reading, see `props`). */
interface Props {
  found: CST.SourceToken | undefined;
  tag: CST.SourceToken | undefined;
  anchor: CST.SourceToken | undefined;
  comma: boolean;
  comment: boolean;
  hasNewline: boolean;
  newlineAfterProp: CST.SourceToken | undefined;
  /** Offset after the last token. */
  end: number;
  /** Offset of the first anchor or tag, else `end`. */
  start: number;
  /** The last token is a tag or an anchor: the next must be white space. */
  reqSpace: boolean;
}

/** The parser's tokens of a text (undefined if the parser fails: the full way then reports it). */
export function cstTokens(text: string): CST.Token[] | undefined {
  try {
    return [...new Parser().parse(text)];
  } catch {
    return undefined;
  }
}

/** The tree from the CST, or undefined when the text needs the full composer (see above). */
export function parseYamlCst(text: string, tokens = cstTokens(text)): YamlTree | undefined {
  if (!tokens) return undefined;
  let doc: CST.Document | undefined;
  for (const token of tokens) {
    // Comment lines around the document are fine; anything else (directives, a second
    // document, `...`, errors) is for the composer.
    if (token.type === 'comment' || token.type === 'newline' || token.type === 'byte-order-mark' || (token.type === 'space' && !token.source.includes('\t'))) continue;
    if (token.type !== 'document' || doc) return undefined;
    doc = token;
  }
  try {
    return doc ? treeOfCst(text, doc) : undefined;
  } catch {
    // A stack overflow on hostile nesting, or anything unforeseen: the full way decides.
    return undefined;
  }
}

/** The tree of one parsed document, or undefined when it leaves the fast road. */
export function treeOfCst(text: string, doc: CST.Document, baseDepth = 0): YamlTree | undefined {
  try {
    if (!doc.value) return undefined;
    const builder = new CstBuilder(text);
    const root = builder.document(doc, baseDepth);
    return { root, scalars: builder.scalars, errors: [], anchored: builder.anchored };
  } catch (err) {
    if (err === OFF_ROAD) return undefined;
    throw err;
  }
}

interface Anchored {
  token: ValueToken;
  tag: string | undefined;
}

class CstBuilder {
  readonly scalars = new Map<number, ScalarStyle>();
  private readonly anchors = new Map<string, Anchored>();
  /** Each alias token's anchor, fixed where the alias is first met: an alias names the last node
   *  with its anchor before it in the text, wherever its copy is expanded later. */
  private readonly aliasTargets = new Map<ValueToken, Anchored | undefined>();
  /** Inside an alias's expansion: anchors there are copies, not definitions. */
  private expanding = 0;
  private nodes = 0;
  private readonly maxNodes: number;

  constructor(private readonly text: string) {
    this.maxNodes = 10_000 + text.length;
  }

  /** Did the text define an anchor or use an alias? (Then a part of it cannot be read alone:
   *  hosts/yamlReuse.ts.) */
  anchored = false;

  /** `baseDepth`: the depth of the document's root in the text it is part of (yamlReuse.ts reads
   *  one entry of a larger document on its own, and the depth bound must fall where it falls there). */
  document(doc: CST.Document, baseDepth = 0): HostNode | undefined {
    const p = this.props(doc.start, 'doc-start', false, true);
    if (p.found && (doc.value!.type === 'block-map' || doc.value!.type === 'block-seq') && !p.hasNewline) offRoad();
    this.checkNext(p, doc.value);
    const root = this.value(doc.value!, p, undefined, baseDepth, false);
    this.end(doc.end, false);
    return root.node;
  }

  /** A value token with its props: the node, and where the composer says it ends (its range[2]). */
  private value(token: ValueToken, p: Props, parent: HostNode | undefined, depth: number, inFlow: boolean): { node: HostNode | undefined; end: number } {
    if (token.type === 'alias') {
      this.anchored = true;
      if (p.tag || p.anchor) offRoad();
      const end = this.end(token.end, true, token.offset + token.source.length);
      return { node: this.convert(token, undefined, parent, depth, inFlow), end };
    }
    const tag = p.tag ? SHORT_FORM_TAGS[p.tag.source] && p.tag.source : undefined;
    if (p.tag && !tag) offRoad();
    if (token.type === 'block-seq' && (p.tag || p.anchor)) {
      const last = p.anchor && p.tag ? (p.anchor.offset > p.tag.offset ? p.anchor : p.tag) : (p.anchor ?? p.tag)!;
      if (!p.newlineAfterProp || p.newlineAfterProp.offset < last.offset) offRoad();
    }
    if (p.anchor) {
      this.anchored = true;
      const name = p.anchor.source.slice(1);
      if (!name || name.endsWith(':')) offRoad();
      if (!this.expanding) this.anchors.set(name, { token, tag });
    }
    const end = this.rangeOf(token)[2];
    return { node: this.convert(token, tag, parent, depth, inFlow), end };
  }

  /** As yamlTree's Converter.convert: node count and depth first, then alias, tag, plain node. */
  private convert(token: ValueToken, tag: string | undefined, parent: HostNode | undefined, depth: number, inFlow: boolean): HostNode | undefined {
    if (++this.nodes > this.maxNodes || depth > MAX_YAML_DEPTH) offRoad();
    if (token.type === 'alias') {
      let target: Anchored | undefined;
      if (this.aliasTargets.has(token)) target = this.aliasTargets.get(token);
      else {
        target = this.anchors.get(token.source.slice(1));
        if (!target) offRoad();
        this.aliasTargets.set(token, target);
      }
      this.expanding++;
      try {
        return this.convert(target!.token, target!.tag, parent, depth + 1, inFlow);
      } finally {
        this.expanding--;
      }
    }
    const [start, end] = this.rangeOf(token);
    if (tag) return this.intrinsic(token, tag, start, end, parent, depth, inFlow);
    return this.plain(token, start, end, parent, depth, inFlow);
  }

  private intrinsic(token: ValueToken, tag: string, start: number, end: number, parent: HostNode | undefined, depth: number, inFlow: boolean): HostNode {
    const at = this.text.lastIndexOf(tag, start);
    const tagStart = at >= 0 && start - at < 500 ? at : start;
    const obj: Mutable = { type: 'object', offset: tagStart, length: end - tagStart, parent, children: [] };
    const prop: Mutable = { type: 'property', offset: tagStart, length: end - tagStart, parent: obj as HostNode, children: [] };
    const keyNode: Mutable = { type: 'string', value: SHORT_FORM_TAGS[tag], offset: tagStart, length: tag.length, parent: prop as HostNode };
    prop.colonOffset = tagStart + tag.length;
    const value = this.plain(token, start, end, prop as HostNode, depth + 1, inFlow, true);
    prop.children = value ? [keyNode as HostNode, value] : [keyNode as HostNode];
    obj.children = [prop as HostNode];
    return obj as HostNode;
  }

  /** `tagged`: the node carries a CloudFormation tag, whose scalar is a string whatever it reads. */
  private plain(token: ValueToken, start: number, end: number, parent: HostNode | undefined, depth: number, inFlow: boolean, tagged = false): HostNode | undefined {
    switch (token.type) {
      case 'block-map':
      case 'block-seq':
      case 'flow-collection': {
        // A block collection's range runs to the next line: keep only its text.
        if (token.type !== 'flow-collection') while (end > start && isSpace(this.text.charCodeAt(end - 1))) end--;
        if (token.type === 'block-map') return this.blockMap(token, start, end, parent, depth, inFlow);
        if (token.type === 'block-seq') return this.blockSeq(token, start, end, parent, depth, inFlow);
        return token.start.source === '{' ? this.flowMap(token, start, end, parent, depth) : this.flowSeq(token, start, end, parent, depth);
      }
      case 'scalar':
      case 'single-quoted-scalar':
      case 'double-quoted-scalar':
      case 'block-scalar': {
        const s = this.scalar(token, tagged);
        this.scalars.set(s.range[0], { end: s.range[1], style: s.type, inFlow });
        return scalarHostNode(this.text, s.value, s.type, s.range[0], s.range[1], parent);
      }
      default:
        return offRoad();
    }
  }

  private blockMap(bm: CST.BlockMap, start: number, end: number, parent: HostNode | undefined, depth: number, inFlow: boolean): HostNode {
    const obj: Mutable = { type: 'object', offset: start, length: end - start, parent, children: [] };
    const keys = new Set<unknown>();
    const items = bm.items;
    for (let i = 0; i < items.length; i++) {
      const { start: before, key, sep, value } = items[i];
      const kp = this.props(before, 'explicit-key-ind', false, true, key?.offset);
      if (kp.found || kp.tag || kp.anchor) offRoad();
      if (!key && !sep) {
        // A comment line: only at the end (the composer rejects "trailing content" after it).
        if (i !== items.length - 1) offRoad();
        continue;
      }
      if (!key || !sep || !isFlowScalar(key) || key.indent !== bm.indent) offRoad();
      this.checkNext(kp, key);
      if (containsNewline(key)) offRoad();
      const k = this.scalar(key);
      const kEnd = k.range[2];
      if (keys.has(k.value)) offRoad(); // Duplicate key: the full way reports it.
      keys.add(k.value);
      const vp = this.props(sep, 'map-value-ind', false, false, kEnd);
      if (!vp.found) offRoad();
      if (value?.type === 'block-map' && !vp.hasNewline) offRoad();
      if (kp.start < vp.found.offset - 1024) offRoad();
      this.checkNext(vp, value);
      obj.children!.push(this.pair(obj as HostNode, k, value, vp, sep, depth, inFlow));
    }
    return obj as HostNode;
  }

  private pair(obj: HostNode, k: ResolvedScalar, value: ValueToken | undefined, vp: Props, sep: CST.SourceToken[], depth: number, inFlow: boolean): HostNode {
    const [keyStart, keyEnd] = k.range;
    const prop: Mutable = { type: 'property', offset: keyStart, length: 0, parent: obj, colonOffset: keyEnd };
    const keyNode: Mutable = { type: 'string', value: String(k.value), offset: keyStart, length: keyEnd - keyStart, parent: prop as HostNode };
    const valueEnd = value ? this.rangeOf(value)[1] : emptyScalarPosition(vp.end, sep);
    const v = value ? this.value(value, vp, prop as HostNode, depth + 1, inFlow).node : this.empty(vp, sep, prop as HostNode, depth + 1, inFlow);
    prop.length = valueEnd - keyStart;
    prop.children = propertyChildren(keyNode as HostNode, v);
    return prop as HostNode;
  }

  /** An absent value (`Key:`, `- !GetAZs`): an empty scalar where the composer places it (null,
   *  or an empty string under a tag). */
  private empty(p: Props, before: CST.SourceToken[], parent: HostNode, depth: number, inFlow: boolean): HostNode | undefined {
    if (p.anchor) offRoad();
    const token: CST.FlowScalar = { type: 'scalar', offset: emptyScalarPosition(p.end, before), indent: -1, source: '' };
    return this.value(token, p, parent, depth, inFlow).node;
  }

  private blockSeq(bs: CST.BlockSequence, start: number, end: number, parent: HostNode | undefined, depth: number, inFlow: boolean): HostNode {
    const arr: Mutable = { type: 'array', offset: start, length: end - start, parent, children: [] };
    for (const { start: before, value } of bs.items) {
      const p = this.props(before, 'seq-item-ind', false, true);
      if (!p.found) {
        if (p.anchor || p.tag || value) offRoad();
        continue; // a comment line
      }
      this.checkNext(p, value);
      const v = value ? this.value(value, p, arr as HostNode, depth + 1, inFlow).node : this.empty(p, before, arr as HostNode, depth + 1, inFlow);
      if (v) arr.children!.push(v);
    }
    return arr as HostNode;
  }

  private flowSeq(fc: CST.FlowCollection, start: number, end: number, parent: HostNode | undefined, depth: number): HostNode {
    const arr: Mutable = { type: 'array', offset: start, length: end - start, parent, children: [] };
    fc.items.forEach(({ start: before, key, sep, value }, i) => {
      const p = this.props(before, 'explicit-key-ind', true, false, key?.offset);
      if (p.found) offRoad(); // `? x`
      if (key || sep) {
        if (i === 0 ? p.comma : !p.comma) offRoad();
        arr.children!.push(this.flowSeqPair(arr as HostNode, p, key, sep, value, depth + 1));
        return;
      }
      if (!p.anchor && !p.tag && !value) {
        if ((i === 0 && p.comma) || i < fc.items.length - 1) offRoad();
        return; // a trailing comma
      }
      if (i === 0 ? p.comma : !p.comma) offRoad();
      if (!value || isBlock(value)) offRoad();
      this.checkNext(p, value);
      const v = this.value(value, p, arr as HostNode, depth + 1, true).node;
      if (v) arr.children!.push(v);
    });
    return arr as HostNode;
  }

  /** `[Key: value]`: a map of one pair in a flow sequence. */
  private flowSeqPair(arr: HostNode, kp: Props, key: ValueToken | null | undefined, sep: CST.SourceToken[] | undefined, value: ValueToken | undefined, depth: number): HostNode {
    if (++this.nodes > this.maxNodes || depth > MAX_YAML_DEPTH) offRoad();
    if (kp.tag || kp.anchor || !key || !sep || !isFlowScalar(key) || containsNewline(key)) offRoad();
    this.checkNext(kp, key);
    const k = this.scalar(key);
    const vp = this.props(sep, 'map-value-ind', true, false, k.range[2]);
    if (!vp.found || (value && isBlock(value))) offRoad();
    for (const t of sep) {
      if (t === vp.found) break;
      if (t.type === 'newline') offRoad();
    }
    if (kp.start < vp.found.offset - 1024) offRoad();
    this.checkNext(vp, value);
    const end = value ? this.rangeOf(value)[1] : emptyScalarPosition(vp.end, sep);
    const obj: Mutable = { type: 'object', offset: k.range[0], length: end - k.range[0], parent: arr, children: [] };
    obj.children!.push(this.pair(obj as HostNode, k, value, vp, sep, depth, true));
    return obj as HostNode;
  }

  private flowMap(fc: CST.FlowCollection, start: number, end: number, parent: HostNode | undefined, depth: number): HostNode {
    const obj: Mutable = { type: 'object', offset: start, length: end - start, parent, children: [] };
    const keys = new Set<unknown>();
    fc.items.forEach(({ start: before, key, sep, value }, i) => {
      const kp = this.props(before, 'explicit-key-ind', true, false);
      if (kp.found || kp.tag || kp.anchor) offRoad();
      if (!key && !sep && !value) {
        if ((i === 0 && kp.comma) || i < fc.items.length - 1) offRoad();
        return;
      }
      if (i === 0 ? kp.comma : !kp.comma) offRoad();
      if (!key || !sep || !isFlowScalar(key)) offRoad();
      this.checkNext(kp, key);
      const k = this.scalar(key);
      const kEnd = k.range[2];
      if (keys.has(k.value)) offRoad();
      keys.add(k.value);
      const vp = this.props(sep, 'map-value-ind', true, false, kEnd);
      if (!vp.found || (value && isBlock(value))) offRoad();
      this.checkNext(vp, value);
      obj.children!.push(this.pair(obj as HostNode, k, value, vp, sep, depth, true));
    });
    return obj as HostNode;
  }

  /** A scalar token's value (typed by the core schema when plain and untagged) and range. */
  private scalar(token: CST.FlowScalar | CST.BlockScalar, tagged = false): ResolvedScalar {
    const r = (token as Memo).resolvedScalar ?? CST.resolveAsScalar(token, true, offRoad);
    if (!r) return offRoad();
    let value: unknown = r.value;
    if (token.type === 'scalar' && !tagged && mayBeImplicit(r.value)) {
      const type = IMPLICIT_TYPES.tags.find((t) => t.test!.test(r.value));
      if (type?.resolve) {
        const res = type.resolve(r.value, offRoad, IMPLICIT_TYPES.options);
        value = isScalar(res) ? res.value : res;
      }
    }
    return { value, type: r.type ?? 'PLAIN', range: r.range };
  }

  /** The composer's range of a value token: [start, value end, node end with trailing comments]. */
  private rangeOf(token: ValueToken): [number, number, number] {
    switch (token.type) {
      case 'scalar':
      case 'single-quoted-scalar':
      case 'double-quoted-scalar':
      case 'block-scalar':
        return this.scalarRange(token);
      case 'alias': {
        const end = token.offset + token.source.length;
        return [token.offset, end, this.end(token.end, true, end)];
      }
      case 'flow-collection': {
        const [close, ...rest] = token.end;
        if (close?.source !== (token.start.source === '{' ? '}' : ']')) offRoad();
        const at = close.offset + close.source.length;
        return [token.offset, at, this.end(rest, true, at)];
      }
      case 'block-map':
      case 'block-seq':
        return this.blockRange(token);
      default:
        return offRoad();
    }
  }

  private scalarRange(token: CST.FlowScalar | CST.BlockScalar): [number, number, number] {
    const memo = token as Memo;
    memo.resolvedScalar ??= CST.resolveAsScalar(token, true, offRoad) ?? offRoad();
    return memo.resolvedScalar.range;
  }

  /** A block collection ends where its last item's value ends (comment lines after it excluded). */
  private blockRange(token: CST.BlockMap | CST.BlockSequence): [number, number, number] {
    let r = (token as Memo).endRange;
    if (r) return r;
    // The composer's offset moves past each item in turn: the last item that is not a comment
    // line decides.
    let at = token.offset;
    for (let i = token.items.length - 1; i >= 0; i--) {
      const item = token.items[i];
      const sepOrStart = 'sep' in item && item.sep ? item.sep : item.start;
      if (token.type === 'block-map' && !('key' in item && item.key) && !('sep' in item && item.sep)) continue;
      if (token.type === 'block-seq' && !item.start.some((t) => t.type === 'seq-item-ind')) continue;
      if (item.value) at = this.rangeOf(item.value)[2];
      else {
        const p = this.props(sepOrStart, token.type === 'block-map' ? 'map-value-ind' : 'seq-item-ind', false, token.type === 'block-seq');
        at = p.comment ? p.end : emptyScalarPosition(p.end, sepOrStart);
      }
      break;
    }
    r = [token.offset, at, at];
    (token as Memo).endRange = r;
    return r;
  }

  /** Tokens after a value (spaces, comments, newlines): the node's end. */
  private end(tokens: CST.SourceToken[] | undefined, reqSpace: boolean, offset = 0): number {
    let hasSpace = false;
    for (const t of tokens ?? []) {
      if (t.type === 'space' || t.type === 'newline') hasSpace = true;
      else if (t.type !== 'comment' || (reqSpace && !hasSpace)) offRoad();
      offset += t.source.length;
    }
    return offset;
  }

  /** The tokens before a node, read as the composer reads them; anything it would reject, or
   *  that this module does not handle (tabs, stray tokens), leaves the fast road. */
  private props(tokens: CST.SourceToken[], indicator: string, flow: boolean, startOnNewline: boolean, offset = 0): Props {
    let hasSpace = startOnNewline;
    let reqSpace = false;
    const p: Props = { found: undefined, tag: undefined, anchor: undefined, comma: false, comment: false, hasNewline: false, newlineAfterProp: undefined, end: offset, start: -1, reqSpace: false };
    for (const t of tokens) {
      if (reqSpace && t.type !== 'space' && t.type !== 'newline' && t.type !== 'comma') offRoad();
      reqSpace = false;
      switch (t.type) {
        case 'space':
          if (t.source.includes('\t')) offRoad();
          hasSpace = true;
          break;
        case 'comment':
          if (!hasSpace) offRoad();
          p.comment = true;
          break;
        case 'newline':
          p.hasNewline = true;
          if (p.anchor || p.tag) p.newlineAfterProp = t;
          hasSpace = true;
          break;
        case 'anchor':
        case 'tag':
          if (p[t.type]) offRoad();
          p[t.type] = t;
          if (p.start < 0) p.start = t.offset;
          hasSpace = false;
          reqSpace = true;
          break;
        case 'comma':
          if (!flow || p.comma) offRoad();
          p.comma = true;
          hasSpace = false;
          break;
        default:
          if (t.type !== indicator || p.anchor || p.tag || p.found) offRoad();
          p.found = t;
          hasSpace = false;
      }
    }
    const last = tokens[tokens.length - 1];
    if (last) p.end = last.offset + last.source.length;
    if (p.start < 0) p.start = p.end;
    p.reqSpace = reqSpace;
    return p;
  }

  /** A tag or anchor last among the props must be followed by white space. */
  private checkNext(p: Props, next: ValueToken | CST.SourceToken | undefined): void {
    if (!p.reqSpace || !next) return;
    if (next.type === 'space' || next.type === 'newline' || next.type === 'comma') return;
    if (next.type === 'scalar' && next.source === '') return;
    offRoad();
  }
}

/** What the builder learns about a token once, kept on the token (the CST is the builder's own
 *  and is dropped with it). */
interface Memo {
  resolvedScalar?: NonNullable<ReturnType<typeof CST.resolveAsScalar>>;
  endRange?: [number, number, number];
}

/** Can a plain scalar read as anything but a string in the core schema (null, bool, int, float)?
 *  Those all start with one of these characters or are empty: most values (`Allow`,
 *  `s3:GetObject`) are strings at a glance, without trying each type's pattern. */
function mayBeImplicit(value: string): boolean {
  if (value === '') return true;
  const c = value.charCodeAt(0);
  return (c >= 48 && c <= 57) || '~nNtTfF-+.'.includes(value[0]);
}

interface ResolvedScalar {
  value: unknown;
  type: string;
  range: [number, number, number];
}

function isFlowScalar(t: ValueToken): t is CST.FlowScalar {
  return t.type === 'scalar' || t.type === 'single-quoted-scalar' || t.type === 'double-quoted-scalar';
}

function isBlock(t: ValueToken): boolean {
  return t.type === 'block-map' || t.type === 'block-seq';
}

function isSpace(c: number): boolean {
  // What /\s/ matches among the characters a YAML collection can end with.
  return c === 32 || c === 10 || c === 13 || c === 9 || c === 11 || c === 12 || c === 0xa0 || c === 0xfeff || c === 0x2028 || c === 0x2029 || (c >= 0x2000 && c <= 0x200a) || c === 0x1680 || c === 0x202f || c === 0x205f || c === 0x3000;
}

/** A key written over more than one line (the composer rejects it as an implicit key). */
function containsNewline(key: CST.FlowScalar): boolean {
  return key.source.includes('\n') || (key.end ?? []).some((t) => t.type === 'newline');
}

/** Where the composer places an absent value: after the last token that is not white space or a
 *  comment among those before it, and after the spaces that follow that token. */
function emptyScalarPosition(offset: number, before: CST.SourceToken[]): number {
  let i = before.length - 1;
  while (i >= 0 && (before[i].type === 'space' || before[i].type === 'comment' || before[i].type === 'newline')) offset -= before[i--].source.length;
  if (i < 0) return offset;
  for (i++; before[i]?.type === 'space'; i++) offset += before[i].source.length;
  return offset;
}

/** The value of the one scalar a tiny document holds — `k: <scalar>`, or `[<scalar>]` when
 *  `inFlow` — read the fast way; undefined when the text is anything else or the fast way cannot
 *  tell (a tag, an anchor, an error: then the full parse decides). The fix guard checks thousands
 *  of rewritten scalars in a large template this way. */
export function oneScalarValue(text: string, inFlow: boolean): { value: unknown } | undefined {
  let doc: CST.Document | undefined;
  for (const token of new Parser().parse(text)) {
    if (token.type !== 'document' || doc) return undefined;
    doc = token;
  }
  const v = doc?.value;
  const coll = inFlow ? (v?.type === 'flow-collection' && v.start.source === '[' ? v : undefined) : v?.type === 'block-map' ? v : undefined;
  if (coll?.items.length !== 1) return undefined;
  const item = coll.items[0] as CST.BlockMap['items'][number];
  const value = item.value;
  if (!value || value.type === 'alias' || value.type === 'block-map' || value.type === 'block-seq' || value.type === 'flow-collection') return undefined;
  if ([...item.start, ...(item.sep ?? [])].some((t) => t.type === 'tag' || t.type === 'anchor')) return undefined;
  if (!inFlow && (item.key?.type !== 'scalar' || item.key.source !== 'k')) return undefined;
  const root = treeOfCst(text, doc!)?.root;
  const node = inFlow ? root?.children?.[0] : root?.children?.[0]?.children?.[1];
  return node && node.type !== 'object' && node.type !== 'array' ? { value: node.value } : undefined;
}
