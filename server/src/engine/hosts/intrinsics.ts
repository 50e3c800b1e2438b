// CloudFormation intrinsic functions inside an embedded policy, turned into what the policy rules
// already understand (the model-level representation of template values):
// - `Fn::Sub` strings become string values whose `${...}` parts are masked with `*` of the same
//   length: "any value" to every ARN check, offsets unchanged (a `${Bucket}` in the bucket-name
//   field is fine, a missing colon is still caught, `${AWS::Region}` is no unknown policy
//   variable). `${!Literal}` is the literal `${Literal}` (so `${!aws:username}` is the policy
//   variable). The masks are remembered so messages and fixes can be mapped back.
// - `Fn::If` yields both branches (both are checked); `Ref AWS::NoValue` yields nothing.
// - Every other function (`Ref`, `Fn::GetAtt`, `Fn::Join`, `Fn::Select`, `Fn::ImportValue`, …) is
//   an unknown value: a string node marked `unknown`, which the model keeps out of its scalar
//   items, so no rule calls it malformed; the template rules (cfn-ref-not-arn) read its
//   `intrinsic` facts.
// - In a Serverless Framework file, `${self:…}`, `${opt:…}`, `${env:…}`, `${aws:accountId}`… and
//   `#{…}` in any string are the framework's variables, masked the same way.
import { Node } from 'jsonc-parser';
import { hostFacts } from '../parse/policyModel';
import { OffsetRange } from '../types';
import { HostNode, propertyChildren } from './yamlTree';
import { standInArn } from './returnValues';
import { hasWildcard, parseArn } from '../reference/arn';

/** The character that masks template parts of a string: `*` (any value). But a `*` may stand
 *  for missing colons, so in an ARN that is short of fields whatever the parts are (the raw
 *  text, `${...}` kept whole, has fewer than six), the mask is `_`, which the ARN rules read as
 *  literal text: the missing colon is still reported. */
export function fillerFor(raw: string): string {
  return raw.startsWith('arn:') && !hasWildcard(raw) && !parseArn(raw) ? '_' : '*';
}

export interface Mask {
  /** Offsets in the host text of the masked characters. */
  range: OffsetRange;
  /** The characters that replace it in the model (a run of `*`, or of `_`, see fillerFor). */
  masked: string;
  /** The template text it stands for, e.g. `${AWS::Region}`. */
  original: string;
}

export interface NormalizeContext {
  text: string;
  /** Template resources: logical ID → type (for the stand-in ARNs of `Fn::GetAtt X.Arn`). */
  resourceTypes: ReadonlyMap<string, string>;
  /** Stand-in ARNs and the template text they stand for, to write messages back. */
  standIns: { range: OffsetRange; value: string; original: string }[];
  /** Serverless Framework variables are masked in plain strings too. */
  serverless: boolean;
  masks: Mask[];
  /** Values that were masked or rewritten: a fix must not edit them blindly. */
  maskedValues: OffsetRange[];
}

const MAX_DEPTH = 64;
/** Alternatives from nested `Fn::If`s are bounded, so a hostile template cannot multiply them. */
const MAX_ALTERNATIVES = 64;

/** The single `Ref`/`Fn::*` key of an intrinsic-function object, or undefined. */
export function intrinsicName(node: Node | undefined): string | undefined {
  if (node?.type !== 'object' || node.children?.length !== 1) return undefined;
  const key = node.children[0].children?.[0]?.value;
  return typeof key === 'string' && (key === 'Ref' || key.startsWith('Fn::')) ? key : undefined;
}

function argOf(node: Node): Node | undefined {
  return node.children?.[0]?.children?.[1];
}

/** A copy of a policy subtree with intrinsic functions resolved as above. Returns every
 *  alternative the node may take (more than one under `Fn::If`, none for `AWS::NoValue`). */
export function normalize(node: Node, parent: HostNode | undefined, ctx: NormalizeContext, depth = 0, inResource = false): HostNode[] {
  if (depth > MAX_DEPTH) return [];
  const fn = intrinsicName(node);
  if (fn) return intrinsic(node, fn, parent, ctx, depth, inResource);
  switch (node.type) {
    case 'object': {
      const obj = copy(node, parent);
      obj.children = [];
      for (const prop of node.children ?? []) {
        const p = copy(prop, obj);
        const [key, value] = prop.children ?? [];
        if (!key) continue;
        const k = copy(key, p);
        let v: HostNode | undefined;
        if (value) {
          const name = key.value;
          v = merge(normalize(value, p, ctx, depth + 1, name === 'Resource' || name === 'NotResource'), p, value);
          if (!v) continue; // `Ref: AWS::NoValue`: the property is left out, as CloudFormation does
        }
        p.children = propertyChildren(k, v);
        obj.children.push(p);
      }
      return [obj];
    }
    case 'array': {
      const arr = copy(node, parent);
      arr.children = [];
      for (const child of node.children ?? []) {
        for (const alt of normalize(child, arr, ctx, depth + 1, inResource)) {
          // An `Fn::If` whose branches are lists contributes their elements.
          if (alt.type === 'array' && intrinsicName(child)) arr.children.push(...reparent(alt.children ?? [], arr));
          else arr.children.push(alt);
          if (arr.children.length > 10_000) break;
        }
      }
      return [arr];
    }
    case 'string': {
      const s = copy(node, parent);
      if (ctx.serverless) maskServerless(s, ctx);
      return [s];
    }
    default:
      return [copy(node, parent)];
  }
}

/** Several alternatives for one property value: scalars and lists become one list (every value
 *  is checked); objects cannot be merged, so the first object stands for them. */
function merge(alts: HostNode[], parent: HostNode, original: Node): HostNode | undefined {
  if (alts.length <= 1) return alts[0];
  if (alts.every((a) => a.type !== 'object')) {
    const arr = { type: 'array', offset: original.offset, length: original.length, parent, children: [] as HostNode[] } as HostNode & { children: HostNode[] };
    for (const a of alts) arr.children.push(...(a.type === 'array' ? reparent(a.children ?? [], arr) : reparent([a], arr)));
    return arr;
  }
  return alts.find((a) => a.type === 'object');
}

function intrinsic(node: Node, fn: string, parent: HostNode | undefined, ctx: NormalizeContext, depth: number, inResource: boolean): HostNode[] {
  const arg = argOf(node);
  if (fn === 'Fn::If' && arg?.type === 'array' && arg.children?.length === 3) {
    const out: HostNode[] = [];
    for (const branch of arg.children.slice(1)) {
      for (const alt of normalize(branch, parent, ctx, depth + 1, inResource)) if (out.length < MAX_ALTERNATIVES) out.push(alt);
    }
    return out;
  }
  if (fn === 'Ref' && arg?.value === 'AWS::NoValue') return [];
  if (fn === 'Fn::Sub') {
    const template = arg?.type === 'string' ? arg : arg?.type === 'array' ? arg.children?.[0] : undefined;
    if (template?.type === 'string') return [substitution(template, parent, ctx, inResource)];
  }
  const range = { start: node.offset, end: node.offset + node.length };
  const named = fn === 'Ref' || fn === 'Fn::GetAtt' ? argText(arg) ?? (typeof arg?.value === 'string' ? arg.value : undefined) : undefined;
  const standIn = inResource && named ? standInFor(named, fn, ctx) : undefined;
  if (standIn) {
    // A value the template computes but whose kind is known: a stand-in ARN of that kind.
    const s = copy(node, parent);
    s.type = 'string';
    s.value = standIn;
    s.contentStart = undefined;
    s.intrinsic = { fn, arg: named, range };
    ctx.maskedValues.push(range);
    ctx.standIns.push({ range, value: standIn, original: ctx.text.slice(range.start, range.end) });
    return [s];
  }
  const unknown = copy(node, parent);
  unknown.type = 'string';
  unknown.value = ctx.text.slice(node.offset, Math.min(node.offset + node.length, node.offset + 200));
  unknown.children = undefined;
  unknown.unknown = true;
  unknown.intrinsic = { fn, arg: typeof arg?.value === 'string' ? arg.value : argText(arg), range: { start: node.offset, end: node.offset + node.length } };
  return [unknown];
}

/** The stand-in ARN of `Ref X` or `Fn::GetAtt X.Attr`, when X's type is known. */
function standInFor(named: string, fn: string, ctx: NormalizeContext): string | undefined {
  const dot = fn === 'Fn::GetAtt' ? named.indexOf('.') : -1;
  if (fn === 'Fn::GetAtt' && dot < 0) return undefined;
  const id = dot < 0 ? named : named.slice(0, dot);
  return standInArn(ctx.resourceTypes.get(id), id, dot < 0 ? undefined : named.slice(dot + 1));
}

/** `Fn::GetAtt: [X, Arn]` → `X.Arn`; other list arguments are not named. */
function argText(arg: Node | undefined): string | undefined {
  if (arg?.type !== 'array') return undefined;
  const parts = (arg.children ?? []).map((c) => c.value);
  return parts.every((p) => typeof p === 'string') ? parts.join('.') : undefined;
}

/** The string of an `Fn::Sub` with its `${...}` parts masked, or the stand-in ARN of a
 *  `${X.Arn}` whose type is known. A string that starts with an unknown part (`${BucketArn}/*`)
 *  may be any ARN: an unknown value. */
function substitution(template: Node, parent: HostNode | undefined, ctx: NormalizeContext, inResource: boolean): HostNode {
  const s = copy(template, parent);
  const raw = String(template.value);
  const contentStart = contentStartOf(template, ctx.text);
  const masks: Mask[] = [];
  const filler = fillerFor(raw);
  let value = '';
  let exact = true;
  let i = 0;
  let leadingUnknown = false;
  while (i < raw.length) {
    const open = raw.indexOf('${', i);
    if (open < 0) break;
    if (raw[open + 2] === '!') {
      // `${!Literal}` is the literal text `${Literal}`: one character shorter than written.
      value += raw.slice(i, open) + '${';
      i = open + 3;
      exact = false;
      continue;
    }
    const close = raw.indexOf('}', open);
    if (close < 0) break;
    const name = raw.slice(open + 2, close);
    const dot = name.indexOf('.');
    const standIn = inResource && open === 0 ? standInFor(name, dot < 0 ? 'Ref' : 'Fn::GetAtt', ctx) : undefined;
    if (standIn) {
      value += standIn;
      exact = false;
    } else {
      if (value === '' && open === i && i === 0) leadingUnknown = true;
      const masked = filler.repeat(close + 1 - open);
      value += raw.slice(i, open) + masked;
      if (contentStart !== undefined) masks.push({ range: { start: contentStart + open, end: contentStart + close + 1 }, masked, original: raw.slice(open, close + 1) });
    }
    i = close + 1;
  }
  value += raw.slice(i);
  const range = { start: template.offset, end: template.offset + template.length };
  ctx.maskedValues.push(range);
  if (leadingUnknown) {
    s.value = raw;
    s.unknown = true;
    s.intrinsic = { fn: 'Fn::Sub', arg: raw, range };
    return s;
  }
  s.value = value;
  s.masked = value !== raw || undefined;
  s.contentStart = exact ? contentStart : undefined;
  if (exact) ctx.masks.push(...masks);
  if (value !== raw) ctx.standIns.push({ range, value, original: raw });
  if (ctx.serverless) maskServerless(s, ctx);
  return s;
}

/** Where a string's characters start in the text, when they map 1:1 (see HostNodeFacts). */
function contentStartOf(node: Node, text: string): number | undefined {
  const facts = hostFacts(node);
  if (facts.contentStart !== undefined) return facts.contentStart;
  const value = String(node.value);
  const closed = node.length >= 2 && text.charCodeAt(node.offset + node.length - 1) === 34;
  return closed && node.length - 2 === value.length ? node.offset + 1 : undefined;
}

/** Serverless variable sources (`${self:custom.x}`, `${opt:stage}`, `${aws:accountId}`…): the
 *  `aws:` source has only these two names, so `${aws:username}` stays a policy variable. */
const SERVERLESS_SOURCES = ['self:', 'opt:', 'env:', 'sls:', 'cf:', 'cf(', 's3:', 'ssm:', 'file(', 'param:', 'aws:accountId', 'aws:region', 'strToBool(', 'git:'];

function maskServerless(s: MutableNode, ctx: NormalizeContext): void {
  const raw = String(s.value);
  if (!raw.includes('${') && !raw.includes('#{')) return;
  const contentStart = s.contentStart ?? contentStartOf(s, ctx.text);
  let value = raw;
  let masked = false;
  const filler = fillerFor(raw);
  for (let open = 0; open < raw.length; open++) {
    const c = raw[open];
    if ((c !== '$' && c !== '#') || raw[open + 1] !== '{') continue;
    const close = raw.indexOf('}', open);
    if (close < 0) break;
    const inner = raw.slice(open + 2, close);
    // `#{AWS::AccountId}` (the pseudo-parameters plugin) and the framework's own sources.
    if (c === '#' || SERVERLESS_SOURCES.some((src) => inner.startsWith(src)) || inner.startsWith('AWS::')) {
      const run = filler.repeat(close + 1 - open);
      value = value.slice(0, open) + run + value.slice(close + 1);
      if (contentStart !== undefined) ctx.masks.push({ range: { start: contentStart + open, end: contentStart + close + 1 }, masked: run, original: raw.slice(open, close + 1) });
      masked = true;
    }
    open = close;
  }
  if (!masked) return;
  ctx.standIns.push({ range: { start: s.offset, end: s.offset + s.length }, value, original: raw });
  s.value = value;
  s.contentStart = contentStart;
  ctx.maskedValues.push({ start: s.offset, end: s.offset + s.length });
}

type MutableNode = { -readonly [K in keyof HostNode]: HostNode[K] };

function copy(node: Node, parent: HostNode | undefined): MutableNode {
  const facts = hostFacts(node);
  return {
    type: node.type,
    value: node.value,
    offset: node.offset,
    length: node.length,
    colonOffset: node.colonOffset,
    parent,
    contentStart: facts.contentStart,
    synthetic: facts.synthetic,
  };
}

function reparent(nodes: HostNode[], parent: HostNode): HostNode[] {
  for (const n of nodes) (n as { parent?: HostNode }).parent = parent;
  return nodes;
}
