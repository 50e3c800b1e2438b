// HCL values (tree-sitter nodes) → jsonc-parser-shaped nodes with offsets in the .tf text, as
// yamlTree.ts does for YAML, so the policy model and every rule read them unchanged:
// - strings, numbers, bools, null, tuples (arrays) and objects map to their JSON kinds;
// - template parts of a string (`${var.x}`, `%{ if … }`) are masked like the `${...}` of an
//   `Fn::Sub` (intrinsics.ts): `*` of the same length, "any value"; a string that starts with one
//   may be any ARN, an unknown value; `$${aws:username}` is the literal `${aws:username}`, the
//   IAM policy variable (and `&{aws:username}` in an aws_iam_policy_document);
// - references (`aws_s3_bucket.b.arn`, `var.x`, `local.y`), function calls and other expressions
//   are unknown values; a reference keeps its traversal (`intrinsic.fn` `terraform`) for
//   tf-ref-not-arn.
import { fillerFor, NormalizeContext } from './intrinsics';
import { HclNode } from './hclParser';
import { HostNode } from './yamlTree';

type Mutable = { -readonly [K in keyof HostNode]: HostNode[K] } & { children?: HostNode[] };

export const MAX_HCL_DEPTH = 64;
const MAX_ITEMS = 10_000;

export interface HclValueContext extends NormalizeContext {
  /** In an aws_iam_policy_document, `&{…}` is the way to write a policy variable `${…}`. */
  policyDocument: boolean;
}

export function hostNode(type: HostNode['type'], offset: number, end: number, parent: HostNode | undefined, value?: unknown): Mutable {
  return { type, offset, length: end - offset, parent, value } as Mutable;
}

/** The inner value of an `expression` node (parentheses kept as they are: an unknown). */
function inner(expr: HclNode): HclNode {
  let n = expr;
  for (let i = 0; i < 8 && n.type === 'expression' && n.namedChildCount === 1; i++) n = n.namedChildren[0]!;
  if (n.type === 'literal_value' || n.type === 'collection_value' || n.type === 'template_expr') return n.namedChildren[0] ?? n;
  return n;
}

/** A pure traversal `a.b.c` (no index, no call): its names, or undefined. */
export function traversal(expr: HclNode): string[] | undefined {
  const n = expr.type === 'expression' ? expr : undefined;
  if (!n) return undefined;
  const kids = n.namedChildren;
  if (kids[0]?.type !== 'variable_expr' || kids.length < 2) return undefined;
  const names = [kids[0].text];
  for (const k of kids.slice(1)) {
    if (k?.type !== 'get_attr') return undefined;
    names.push(k.namedChildren[0]?.text ?? '');
  }
  return names;
}

function unknownNode(n: HclNode, parent: HostNode | undefined, ctx: HclValueContext, ref?: HclNode): Mutable {
  const u = hostNode('string', n.startIndex, n.endIndex, parent, ctx.text.slice(n.startIndex, Math.min(n.endIndex, n.startIndex + 200)));
  u.unknown = true;
  const names = ref ? traversal(ref) : undefined;
  const range = { start: (ref ?? n).startIndex, end: (ref ?? n).endIndex };
  u.intrinsic = { fn: names ? 'terraform' : 'terraform-expression', arg: names?.join('.'), range };
  // A bare reference is written as it is (tf-ref-not-arn edits its attribute); anything else the
  // model only saw as unknown, so no fix may edit it.
  if (!names || ref !== n) ctx.maskedValues.push({ start: n.startIndex, end: n.endIndex });
  return u;
}

/** An HCL expression as a model node (undefined for nothing usable). */
export function hclValue(expr: HclNode, parent: HostNode | undefined, ctx: HclValueContext, depth = 0): HostNode | undefined {
  if (depth > MAX_HCL_DEPTH) return undefined;
  const n = inner(expr);
  switch (n.type) {
    case 'numeric_lit':
      return hostNode('number', n.startIndex, n.endIndex, parent, Number(n.text));
    case 'bool_lit':
      return hostNode('boolean', n.startIndex, n.endIndex, parent, n.text === 'true');
    case 'null_lit':
      return hostNode('null', n.startIndex, n.endIndex, parent, null);
    case 'string_lit':
    case 'quoted_template':
      return templateString(n, parent, ctx);
    case 'tuple': {
      const arr = hostNode('array', n.startIndex, n.endIndex, parent);
      arr.children = [];
      for (const e of n.namedChildren) {
        if (e?.type !== 'expression') continue;
        const v = hclValue(e, arr, ctx, depth + 1);
        if (v) arr.children.push(v);
        if (arr.children.length > MAX_ITEMS) break;
      }
      return arr;
    }
    case 'object': {
      const obj = hostNode('object', n.startIndex, n.endIndex, parent);
      obj.children = [];
      for (const e of n.namedChildren) {
        if (e?.type !== 'object_elem') continue;
        const k = e.childForFieldName('key');
        const v = e.childForFieldName('val');
        if (!k || !v) continue;
        const prop = hostNode('property', e.startIndex, e.endIndex, obj);
        const key = objectKey(k, prop, ctx);
        if (!key) continue; // a computed key `(var.x)`: not a name the policy model can read
        const value = hclValue(v, prop, ctx, depth + 1);
        const sep = e.children.find((c) => c?.type === '=' || c?.type === ':');
        prop.colonOffset = sep?.startIndex;
        prop.children = value ? [key, value] : [key];
        obj.children.push(prop);
        if (obj.children.length > MAX_ITEMS) break;
      }
      return obj;
    }
    default:
      return unknownNode(n, parent, ctx, expr.type === 'expression' ? expr : undefined);
  }
}

/** An object key: a bare name (`Effect`) or a literal string (`"Effect"`). */
function objectKey(k: HclNode, parent: HostNode, ctx: HclValueContext): HostNode | undefined {
  const kids = k.namedChildren;
  if (k.type === 'expression' && kids.length === 1 && kids[0]?.type === 'variable_expr') {
    const key = hostNode('string', kids[0].startIndex, kids[0].endIndex, parent, kids[0].text);
    key.contentStart = kids[0].startIndex;
    return key;
  }
  const n = inner(k);
  if (n.type !== 'string_lit' && n.type !== 'quoted_template') return undefined;
  const key = templateString(n, parent, ctx);
  return key.unknown ? undefined : key;
}

/** An HCL string's value: escapes decoded, template parts masked (see the top of this file). */
export function templateString(n: HclNode, parent: HostNode | undefined, ctx: HclValueContext): Mutable {
  const s = hostNode('string', n.startIndex, n.endIndex, parent);
  const parts = n.children.filter((c) => c && c.type !== 'quoted_template_start' && c.type !== 'quoted_template_end') as HclNode[];
  const raw = ctx.text.slice(n.startIndex + 1, Math.max(n.startIndex + 1, n.endIndex - 1));
  const filler = fillerFor(raw);
  let value = '';
  let exact = true;
  const masks: NormalizeContext['masks'] = [];
  const first = parts[0];
  if (first && (first.type === 'template_interpolation' || first.type === 'template_directive')) {
    // `"${aws_s3_bucket.b.arn}/*"`: may be any ARN. Keep the reference for tf-ref-not-arn.
    const ref = first.type === 'template_interpolation' ? first.namedChildren.find((c) => c?.type === 'expression') ?? undefined : undefined;
    const u = unknownNode(n, parent, ctx, ref);
    if (!ref || !traversal(ref)) u.intrinsic = { fn: 'terraform-expression', arg: undefined, range: { start: n.startIndex, end: n.endIndex } };
    return u;
  }
  for (const p of parts) {
    if (p.type === 'template_literal') {
      const decoded = decodeLiteral(p.text, ctx.policyDocument);
      if (decoded !== p.text) exact = false;
      value += decoded;
    } else {
      const masked = filler.repeat(p.endIndex - p.startIndex);
      masks.push({ range: { start: p.startIndex, end: p.endIndex }, masked, original: p.text });
      value += masked;
    }
  }
  s.value = value;
  if (exact) s.contentStart = n.startIndex + 1;
  if (masks.length) {
    s.masked = true;
    ctx.maskedValues.push({ start: n.startIndex, end: n.endIndex });
    if (exact) ctx.masks.push(...masks);
    ctx.standIns.push({ range: { start: n.startIndex, end: n.endIndex }, value, original: raw });
  }
  return s;
}

const ESCAPES: Record<string, string> = { n: '\n', r: '\r', t: '\t', '"': '"', '\\': '\\' };

/** A template literal's text: HCL escapes, `$${` → `${`, `%%{` → `%{` (and, in a policy
 *  document, `&{` → `${`). */
export function decodeLiteral(text: string, policyDocument: boolean): string {
  let out = '';
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (c === '\\' && i + 1 < text.length) {
      const e = text[i + 1];
      if (ESCAPES[e] !== undefined) {
        out += ESCAPES[e];
        i++;
        continue;
      }
      if (e === 'u' || e === 'U') {
        const len = e === 'u' ? 4 : 8;
        const code = parseInt(text.slice(i + 2, i + 2 + len), 16);
        if (Number.isFinite(code) && code <= 0x10ffff) {
          out += String.fromCodePoint(code);
          i += 1 + len;
          continue;
        }
      }
    }
    if ((c === '$' || c === '%') && text[i + 1] === c && text[i + 2] === '{') {
      out += `${c}{`;
      i += 2;
      continue;
    }
    if (policyDocument && c === '&' && text[i + 1] === '{') {
      out += '${';
      i += 1;
      continue;
    }
    out += c;
  }
  return out;
}
