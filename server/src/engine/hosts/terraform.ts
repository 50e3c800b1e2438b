// Policies in Terraform files (.tf, HCL native syntax). Where they are (as locations.ts for
// CloudFormation): the policy arguments of the IAM and resource-policy resources, written as a
// heredoc of JSON (`<<EOF`, `<<-EOF`), as `jsonencode({ … })`, or as a reference to a
// `data "aws_iam_policy_document"`, whose `statement` blocks are mapped to the same policy model.
// Every node's offsets are in the .tf text (hclValues.ts), so the rules run unchanged.
import { createScanner, Node as JsonNode, parseTree, ParseError, SyntaxKind } from 'jsonc-parser';
import { describeParseError } from '../parse/parseErrors';
import { OffsetRange } from '../types';
import { HclNode } from './hclParser';
import { decodeLiteral, HclValueContext, hclValue, hostNode, MAX_HCL_DEPTH, traversal } from './hclValues';
import { EmbeddedKind } from './locations';
import { fillerFor } from './intrinsics';
import { HostNode } from './yamlTree';

type Mutable = ReturnType<typeof hostNode>;

/** Resource types → arguments that hold one policy, and its kind. From the Terraform AWS
 *  provider's resource documentation (the arguments described as a JSON policy document). */
const POLICY_ARGUMENTS: Record<string, [string, EmbeddedKind][]> = {
  aws_iam_policy: [['policy', 'identity']],
  aws_iam_role_policy: [['policy', 'identity']],
  aws_iam_user_policy: [['policy', 'identity']],
  aws_iam_group_policy: [['policy', 'identity']],
  aws_iam_role: [['assume_role_policy', 'trust']],
  aws_ssoadmin_permission_set_inline_policy: [['inline_policy', 'identity']],
  aws_s3_bucket_policy: [['policy', 'resource']],
  aws_s3_bucket: [['policy', 'resource']],
  aws_s3_access_point: [['policy', 'resource']],
  aws_kms_key: [['policy', 'resource']],
  aws_kms_key_policy: [['policy', 'resource']],
  aws_sqs_queue_policy: [['policy', 'resource']],
  aws_sqs_queue: [['policy', 'resource']],
  aws_sns_topic_policy: [['policy', 'resource']],
  aws_sns_topic: [['policy', 'resource']],
  aws_secretsmanager_secret_policy: [['policy', 'resource']],
  aws_secretsmanager_secret: [['policy', 'resource']],
  aws_ecr_repository_policy: [['policy', 'resource']],
  aws_cloudwatch_log_resource_policy: [['policy_document', 'resource']],
  aws_lambda_layer_version_permission: [],
  aws_glacier_vault: [['access_policy', 'resource']],
  aws_opensearch_domain: [['access_policies', 'resource']],
  aws_elasticsearch_domain: [['access_policies', 'resource']],
  aws_kinesis_resource_policy: [['policy', 'resource']],
  aws_dynamodb_resource_policy: [['policy', 'resource']],
  aws_backup_vault_policy: [['policy', 'resource']],
  aws_efs_file_system_policy: [['policy', 'resource']],
  aws_api_gateway_rest_api_policy: [['policy', 'resource']],
  aws_vpc_endpoint: [['policy', 'resource']],
};

/** A policy found in a .tf file, already converted to the model's node shape. */
export interface TerraformPolicy {
  name: string;
  kind: EmbeddedKind;
  root: HostNode;
  /** The policy in the text (the heredoc, the jsonencode call, the data block). */
  range: OffsetRange;
  principals: string[];
}

export interface TerraformPolicies {
  policies: TerraformPolicy[];
  errors: { message: string; range: OffsetRange }[];
}

const MAX_BLOCKS = 50_000;

function labels(block: HclNode): string[] {
  return block.namedChildren.filter((c) => c?.type === 'string_lit').map((c) => c!.text.slice(1, -1));
}

function bodyOf(block: HclNode): HclNode | undefined {
  return block.namedChildren.find((c) => c?.type === 'body') ?? undefined;
}

function attributes(body: HclNode | undefined): Map<string, HclNode> {
  const out = new Map<string, HclNode>();
  for (const c of body?.namedChildren ?? []) {
    if (c?.type !== 'attribute') continue;
    const name = c.namedChildren[0];
    const expr = c.namedChildren.find((x) => x?.type === 'expression');
    if (name && expr) out.set(name.text, expr);
  }
  return out;
}

function attributeNames(body: HclNode | undefined): Map<string, HclNode> {
  const out = new Map<string, HclNode>();
  for (const c of body?.namedChildren ?? []) if (c?.type === 'attribute' && c.namedChildren[0]) out.set(c.namedChildren[0].text, c.namedChildren[0]);
  return out;
}

function blocks(body: HclNode | undefined, type?: string): HclNode[] {
  return (body?.namedChildren ?? []).filter((c): c is HclNode => c?.type === 'block' && (type === undefined || c.namedChildren[0]?.text === type));
}

/** `aws_iam_role.x.id` → `aws_iam_role.x` (a principal's address), for a role/user/group argument. */
function principalOf(expr: HclNode | undefined): string | undefined {
  const names = expr ? traversal(expr) : undefined;
  if (!names || names.length < 3 || !['aws_iam_role', 'aws_iam_user', 'aws_iam_group'].includes(names[0])) return undefined;
  return `${names[0]}.${names[1]}`;
}

/** Read the policies of a parsed .tf file. */
export function terraformPolicies(root: HclNode, ctx: HclValueContext): TerraformPolicies {
  const out: TerraformPolicies = { policies: [], errors: [] };
  const body = root.namedChildren.find((c) => c?.type === 'body') ?? undefined;
  const top = blocks(body).slice(0, MAX_BLOCKS);
  // Which data documents are used where: their kind and principals.
  const uses = new Map<string, { kind: EmbeddedKind; principals: string[] }>();
  // Managed policies attached to principals (aws_iam_*_policy_attachment).
  const attached = new Map<string, string[]>();
  for (const b of top) {
    const [type, name] = labels(b);
    if (b.namedChildren[0]?.text !== 'resource' || !type?.endsWith('_policy_attachment')) continue;
    const a = attributes(bodyOf(b));
    const policy = traversal(a.get('policy_arn') ?? b)?.slice(0, 2).join('.');
    const who = principalOf(a.get('role')) ?? principalOf(a.get('user')) ?? principalOf(a.get('group'));
    if (policy && who && name) attached.set(policy, [...(attached.get(policy) ?? []), who]);
  }
  const found: { expr: HclNode; name: string; kind: EmbeddedKind; principals: string[] }[] = [];
  for (const b of top) {
    const [type, name] = labels(b);
    if (b.namedChildren[0]?.text !== 'resource' || !type || !name) continue;
    const body = bodyOf(b);
    const a = attributes(body);
    const self = `${type}.${name}`;
    const principals = type === 'aws_iam_role' ? [self] : [principalOf(a.get('role')) ?? principalOf(a.get('user')) ?? principalOf(a.get('group'))].filter((p): p is string => !!p);
    for (const [arg, kind] of POLICY_ARGUMENTS[type] ?? []) {
      const expr = a.get(arg);
      if (expr) found.push({ expr, name: `${self}.${arg}`, kind, principals: kind === 'identity' ? [...principals, ...(attached.get(self) ?? [])] : [] });
    }
    if (type === 'aws_iam_role') {
      blocks(body, 'inline_policy').forEach((ib, i) => {
        const expr = attributes(bodyOf(ib)).get('policy');
        if (expr) found.push({ expr, name: `${self}.inline_policy[${i}]`, kind: 'identity', principals: [self] });
      });
    }
  }
  for (const f of found) {
    // `data.aws_iam_policy_document.x.json`, or one inside a conditional or a function call.
    const docs = documentReferences(f.expr);
    for (const d of docs) {
      const prev = uses.get(d);
      uses.set(d, { kind: prev?.kind ?? f.kind, principals: [...(prev?.principals ?? []), ...f.principals] });
    }
    if (docs.length) continue;
    const policy = policyValue(f.expr, ctx, out);
    if (policy) out.policies.push({ name: f.name, kind: f.kind, root: policy.root, range: policy.range, principals: f.principals });
  }
  for (const b of top) {
    const [name] = labels(b);
    if (b.namedChildren[0]?.text !== 'module' || !name) continue;
    for (const [arg, expr] of moduleArguments(b)) {
      const docs = documentReferences(expr);
      if (docs.length) continue; // judged as the data document itself
      const policy = policyValue(expr, ctx, out);
      const statements = policy?.root.children?.find((p) => p.children?.[0]?.value === 'Statement')?.children?.[1];
      if (!policy || !statements) continue;
      out.policies.push({ name: `module.${name}.${arg}`, kind: kindOfStatements(statements), root: policy.root, range: policy.range, principals: [] });
    }
  }
  for (const b of top) {
    const [type, name] = labels(b);
    if (b.namedChildren[0]?.text !== 'data' || type !== 'aws_iam_policy_document' || !name) continue;
    const use = uses.get(name);
    const root = policyDocument(b, ctx);
    if (!root) continue;
    const kind = use?.kind ?? guessKind(b);
    out.policies.push({ name: `data.aws_iam_policy_document.${name}`, kind, root, range: { start: b.startIndex, end: b.endIndex }, principals: use?.principals ?? [] });
  }
  return out;
}

/** The aws_iam_policy_document names an expression refers to. */
function documentReferences(expr: HclNode): string[] {
  const out: string[] = [];
  for (const e of [expr, ...expr.descendantsOfType('expression')].slice(0, 1000)) {
    const names = e ? traversal(e) : undefined;
    if (names && names[0] === 'data' && names[1] === 'aws_iam_policy_document' && names[2]) out.push(names[2]);
  }
  return out;
}

/** A module's arguments that hold a policy: named `policy`, `*_policy` or `*policy_json`, whose
 *  value is a JSON policy (heredoc, string, jsonencode) with a `Statement`. What the module does
 *  with it is unknown: with a Principal it is read as a resource policy (a trust policy when it
 *  only assumes roles), else as an identity policy. */
function moduleArguments(block: HclNode): [string, HclNode][] {
  return [...attributes(bodyOf(block))].filter(([name]) => name === 'policy' || name.endsWith('_policy') || name.endsWith('policy_json'));
}

/** Unused documents: with principals a resource policy (a trust policy when it only assumes
 *  roles), else an identity policy. */
function guessKind(block: HclNode): EmbeddedKind {
  const statements = blocks(bodyOf(block), 'statement');
  if (!statements.some((s) => blocks(bodyOf(s), 'principals').length || blocks(bodyOf(s), 'not_principals').length)) return 'identity';
  const actions = statements.flatMap((s) => {
    const a = attributes(bodyOf(s)).get('actions');
    return a ? a.descendantsOfType('template_literal').map((l) => l?.text ?? '') : [];
  });
  return actions.length > 0 && actions.every((a) => a.startsWith('sts:AssumeRole') || a === 'sts:TagSession' || a === 'sts:SetSourceIdentity') ? 'trust' : 'resource';
}

/** The kind of a JSON policy's statements (see moduleArguments). */
function kindOfStatements(statements: HostNode): EmbeddedKind {
  const list = statements.type === 'array' ? statements.children ?? [] : [statements];
  const prop = (o: HostNode, k: string) => o.children?.find((p) => p.children?.[0]?.value === k)?.children?.[1];
  if (!list.some((st) => prop(st, 'Principal') || prop(st, 'NotPrincipal'))) return 'identity';
  const actions = list.flatMap((st) => {
    const a = prop(st, 'Action');
    return a?.type === 'array' ? (a.children ?? []).map((c) => String(c.value)) : a ? [String(a.value)] : [];
  });
  return actions.length > 0 && actions.every((a) => a.startsWith('sts:AssumeRole') || a === 'sts:TagSession' || a === 'sts:SetSourceIdentity') ? 'trust' : 'resource';
}

/** The policy of an argument: a heredoc of JSON, a JSON string, or jsonencode({ … }). */
function policyValue(expr: HclNode, ctx: HclValueContext, out: TerraformPolicies): { root: HostNode; range: OffsetRange } | undefined {
  let n = expr;
  for (let i = 0; i < 4 && n.namedChildCount === 1 && (n.type === 'expression' || n.type === 'template_expr' || n.type === 'literal_value'); i++) n = n.namedChildren[0]!;
  if (n.type === 'function_call' && n.namedChildren[0]?.text === 'jsonencode') {
    const arg = n.namedChildren.find((c) => c?.type === 'function_arguments')?.namedChildren.find((c) => c?.type === 'expression');
    const root = arg ? hclValue(arg, undefined, ctx) : undefined;
    return root?.type === 'object' ? { root, range: { start: root.offset, end: root.offset + root.length } } : undefined;
  }
  if (n.type === 'heredoc_template') return heredocJson(n, ctx, out);
  if (n.type === 'string_lit' || n.type === 'quoted_template') return quotedJson(n, ctx, out);
  return undefined;
}

/** JSON text to parse, and where its characters are in the .tf text. */
interface Body {
  text: string;
  /** The .tf offset of each character, and of the end of the last (undefined: `start` + index,
   *  a heredoc's 1:1 body). */
  offsets?: number[];
  start: number;
  /** Template parts (`${…}`) and their index in `text`. */
  parts: { node: HclNode; at: number }[];
}

function textOffset(b: Body, i: number): number {
  if (!b.offsets) return b.start + i;
  if (i < b.offsets.length) return b.offsets[i];
  return (b.offsets[b.offsets.length - 1] ?? b.start - 1) + 1;
}

/** The .tf offset just after `length` characters from `i` (after a whole escape). */
function endOffset(b: Body, i: number, length: number): number {
  return textOffset(b, i + length);
}

/** A heredoc's JSON body. */
function heredocJson(n: HclNode, ctx: HclValueContext, out: TerraformPolicies): { root: HostNode; range: OffsetRange } | undefined {
  const ids = n.namedChildren.filter((c) => c?.type === 'heredoc_identifier');
  if (ids.length < 2) return undefined;
  const start = ctx.text.indexOf('\n', ids[0]!.endIndex) + 1;
  const end = ids[ids.length - 1]!.startIndex;
  if (start <= 0 || end < start) return undefined;
  const parts = n.namedChildren.filter((c): c is HclNode => (c?.type === 'template_interpolation' || c?.type === 'template_directive') && c.startIndex >= start && c.endIndex <= end);
  return jsonBody({ text: ctx.text.slice(start, end), start, parts: parts.map((node) => ({ node, at: node.startIndex - start })) }, ctx, out);
}

/** A policy in one quoted string (`"{\"Version\": …}"`): the string's value, each character
 *  mapped to its place in the text (escapes make it longer there). */
function quotedJson(n: HclNode, ctx: HclValueContext, out: TerraformPolicies): { root: HostNode; range: OffsetRange } | undefined {
  let text = '';
  const offsets: number[] = [];
  const parts: Body['parts'] = [];
  for (const c of n.children) {
    if (!c || c.type === 'quoted_template_start' || c.type === 'quoted_template_end') continue;
    if (c.type !== 'template_literal') {
      parts.push({ node: c, at: text.length });
      for (let i = c.startIndex; i < c.endIndex; i++) {
        text += '*';
        offsets.push(i);
      }
      continue;
    }
    // Each character alone, or the escape it starts, decoded as hclValues.ts decodes literals.
    const raw = c.text;
    for (let i = 0; i < raw.length && text.length < 1_000_000; ) {
      let len = 1;
      if (raw[i] === '\\') len = raw[i + 1] === 'u' ? 6 : raw[i + 1] === 'U' ? 10 : 2;
      else if ((raw[i] === '$' || raw[i] === '%') && raw[i + 1] === raw[i] && raw[i + 2] === '{') len = 3;
      const decoded = decodeLiteral(raw.slice(i, i + len), false);
      for (const ch of decoded) {
        text += ch;
        offsets.push(c.startIndex + i);
        if (ch.length > 1) offsets.push(c.startIndex + i);
      }
      i += len;
    }
  }
  if (!text.trimStart().startsWith('{')) return undefined;
  offsets.push(n.endIndex - 1); // the end of the last character: the closing quote
  return jsonBody({ text, offsets, start: n.startIndex + 1, parts }, ctx, out);
}

/** JSON with its template parts masked (inside a JSON string, `*` of the same length; elsewhere a
 *  JSON string of the same length, an unknown value). */
function jsonBody(b: Body, ctx: HclValueContext, out: TerraformPolicies): { root: HostNode; range: OffsetRange } | undefined {
  if (b.parts.some((p) => p.node.type === 'template_directive')) return undefined; // `%{ for }`: the JSON is generated
  let body = b.text;
  const len = (p: Body['parts'][number]) => p.node.endIndex - p.node.startIndex;
  for (const p of b.parts) body = body.slice(0, p.at) + '*'.repeat(len(p)) + body.slice(p.at + len(p));
  // Which parts are inside a JSON string (found by jsonc-parser's scanner).
  const strings: OffsetRange[] = [];
  const scanner = createScanner(body, false);
  for (let i = 0; i < 1_000_000; i++) {
    const t = scanner.scan();
    if (t === SyntaxKind.EOF) break;
    if (t === SyntaxKind.StringLiteral) strings.push({ start: scanner.getTokenOffset(), end: scanner.getTokenOffset() + scanner.getTokenLength() });
  }
  const bare = new Set<HclNode>();
  for (const p of b.parts) {
    if (strings.some((s) => p.at > s.start && p.at < s.end - 1)) continue;
    bare.add(p.node);
    body = body.slice(0, p.at) + '"' + '*'.repeat(len(p) - 2) + '"' + body.slice(p.at + len(p));
  }
  const errors: ParseError[] = [];
  const tree = parseTree(body, errors, { disallowComments: true, allowTrailingComma: false });
  // Only the first error is the break (as for a JSON policy, rules/syntax): the parser's recovery
  // makes every later one a cascade.
  for (const e of errors.slice(0, 1)) {
    out.errors.push({ message: `the policy is not valid JSON (${describeParseError(e.error).toLowerCase()})`, range: { start: textOffset(b, e.offset), end: endOffset(b, e.offset, e.length) } });
  }
  if (!tree || tree.type !== 'object') return undefined;
  const root = shift(tree, undefined, b, bare, ctx, 0);
  return root ? { root, range: { start: root.offset, end: root.offset + root.length } } : undefined;
}

/** A jsonc-parser tree of a JSON body, offsets moved into the .tf text and string values read as
 *  Terraform reads them (`$${` is `${`; template parts masked as recorded). In a quoted string
 *  (escapes) no string maps 1:1, and no fix may rewrite a whole one (it would write JSON quotes
 *  into the HCL string): each is a masked value. */
function shift(node: JsonNode, parent: HostNode | undefined, b: Body, bare: Set<HclNode>, ctx: HclValueContext, depth: number): HostNode | undefined {
  if (depth > MAX_HCL_DEPTH) return undefined;
  const start = textOffset(b, node.offset);
  const end = endOffset(b, node.offset, node.length);
  const n = hostNode(node.type, start, end, parent, node.value);
  n.colonOffset = node.colonOffset === undefined ? undefined : textOffset(b, node.colonOffset);
  if (node.type === 'string') {
    const inside = b.parts.filter((p) => p.at >= node.offset && p.at < node.offset + node.length).map((p) => p.node);
    const first = b.parts.find((p) => p.node === inside[0]);
    const raw = ctx.text.slice(start + 1, end - 1);
    if (inside.length && (bare.has(inside[0]) || first?.at === node.offset + 1)) {
      // A bare `${…}` or a string that starts with one: an unknown value.
      n.value = ctx.text.slice(start, end);
      n.unknown = true;
      const ref = inside[0].namedChildren.find((c) => c?.type === 'expression');
      const names = ref ? traversal(ref) : undefined;
      n.intrinsic = { fn: names ? 'terraform' : 'terraform-expression', arg: names?.join('.'), range: { start: (ref ?? inside[0]).startIndex, end: (ref ?? inside[0]).endIndex } };
      ctx.maskedValues.push({ start, end });
      return n;
    }
    if (b.offsets) ctx.maskedValues.push({ start, end });
    let value = String(node.value);
    const exact = !b.offsets && node.length - 2 === value.length && !value.includes('$${') && !value.includes('%%{');
    if (!exact) value = value.split('$${').join('${').split('%%{').join('%{');
    if (inside.length) {
      const filler = fillerFor(raw);
      if (exact && filler !== '*') {
        // `_` when the ARN is short of fields (see fillerFor): the same characters, 1:1.
        for (const p of inside) {
          const i = p.startIndex - (start + 1);
          value = value.slice(0, i) + filler.repeat(p.endIndex - p.startIndex) + value.slice(p.endIndex - start - 1);
        }
      }
      n.masked = true;
      ctx.maskedValues.push({ start, end });
      if (exact) for (const p of inside) ctx.masks.push({ range: { start: p.startIndex, end: p.endIndex }, masked: (filler).repeat(p.endIndex - p.startIndex), original: p.text });
      ctx.standIns.push({ range: { start, end }, value, original: raw });
    }
    n.value = value;
    if (exact) n.contentStart = start + 1;
    return n;
  }
  if (node.children) {
    n.children = [];
    for (const c of node.children) {
      const k = shift(c, n, b, bare, ctx, depth + 1);
      if (!k) return undefined;
      n.children.push(k);
    }
  }
  return n;
}

// ---------------------------------------------------------------------------------------------
// data "aws_iam_policy_document": blocks → the policy model.

const STATEMENT_LISTS: [string, string][] = [
  ['actions', 'Action'],
  ['not_actions', 'NotAction'],
  ['resources', 'Resource'],
  ['not_resources', 'NotResource'],
];

function property(parent: Mutable, keyNode: { start: number; end: number }, name: string, synthetic = false): Mutable {
  const p = hostNode('property', keyNode.start, keyNode.end, parent);
  const key = hostNode('string', keyNode.start, keyNode.end, p, name);
  if (synthetic) {
    key.synthetic = true;
    p.synthetic = true;
  }
  p.children = [key];
  parent.children!.push(p);
  return p;
}

function setValue(p: Mutable, value: HostNode | undefined): void {
  if (!value) {
    p.children = [p.children![0]];
    return;
  }
  (value as Mutable).parent = p;
  p.children = [p.children![0], value];
  p.length = value.offset + value.length - p.offset;
}

/** `dynamic "statement" { … }`: blocks Terraform generates, unknown here. */
function dynamicBlocks(body: HclNode | undefined, type: string): HclNode[] {
  return blocks(body, 'dynamic').filter((d) => labels(d)[0] === type);
}

/** The document of a data "aws_iam_policy_document" block, or undefined when its statements are
 *  all generated (`dynamic "statement"`) or come from other documents (source and override
 *  documents): nothing is known of them. */
function policyDocument(block: HclNode, base: HclValueContext): HostNode | undefined {
  const ctx = { ...base, policyDocument: true };
  const body = bodyOf(block);
  const a = attributes(body);
  if (blocks(body, 'statement').length === 0 && (dynamicBlocks(body, 'statement').length || a.has('source_policy_documents') || a.has('override_policy_documents') || a.has('source_json') || a.has('override_json'))) return undefined;
  const root = hostNode('object', block.startIndex, block.endIndex, undefined);
  root.children = [];
  const attrs = attributes(body);
  const names = attributeNames(body);
  const version = attrs.get('version');
  const vp = property(root, version ? { start: names.get('version')!.startIndex, end: names.get('version')!.endIndex } : { start: block.startIndex, end: block.startIndex }, 'Version', !version);
  if (version) setValue(vp, hclValue(version, vp, ctx));
  else setValue(vp, synthetic('string', vp, block.startIndex, '2012-10-17'));
  const id = attrs.get('policy_id');
  if (id) setValue(property(root, range(names.get('policy_id')!), 'Id'), hclValue(id, root, ctx));
  const statements = blocks(body, 'statement');
  if (statements.length) {
    const sp = property(root, { start: statements[0].startIndex, end: statements[0].startIndex }, 'Statement', true);
    const arr = hostNode('array', statements[0].startIndex, statements[statements.length - 1].endIndex, sp);
    arr.children = statements.slice(0, 10_000).map((s) => statement(s, arr, ctx));
    setValue(sp, arr);
  }
  return root;
}

const range = (n: HclNode) => ({ start: n.startIndex, end: n.endIndex });

function synthetic(type: HostNode['type'], parent: HostNode, offset: number, value: unknown): Mutable {
  const n = hostNode(type, offset, offset, parent, value);
  n.synthetic = true;
  return n;
}

function statement(block: HclNode, parent: HostNode, ctx: HclValueContext): HostNode {
  const body = bodyOf(block);
  const s = hostNode('object', block.startIndex, block.endIndex, parent);
  s.children = [];
  const attrs = attributes(body);
  const names = attributeNames(body);
  const sid = attrs.get('sid');
  if (sid) setValue(property(s, range(names.get('sid')!), 'Sid'), hclValue(sid, s, ctx));
  const effect = attrs.get('effect');
  if (effect) setValue(property(s, range(names.get('effect')!), 'Effect'), hclValue(effect, s, ctx));
  else {
    // Terraform's default: Allow.
    const p = property(s, { start: block.startIndex, end: block.startIndex }, 'Effect', true);
    setValue(p, synthetic('string', p, block.startIndex, 'Allow'));
  }
  for (const [arg, name] of STATEMENT_LISTS) {
    const v = attrs.get(arg);
    if (v) setValue(property(s, range(names.get(arg)!), name), hclValue(v, s, ctx));
  }
  for (const [type, name] of [['principals', 'Principal'], ['not_principals', 'NotPrincipal']] as const) {
    const pbs = blocks(body, type);
    const dynamic = dynamicBlocks(body, type);
    if (dynamic.length) {
      // Generated principals: an unknown value (the rules then judge no principal).
      const p = property(s, range(dynamic[0].namedChildren[0]!), name);
      const u = hostNode('string', dynamic[0].startIndex, dynamic[0].endIndex, p, ctx.text.slice(dynamic[0].startIndex, dynamic[0].startIndex + 100));
      u.unknown = true;
      u.intrinsic = { fn: 'terraform-expression', arg: undefined, range: range(dynamic[0]) };
      setValue(p, u);
    } else if (pbs.length) setValue(property(s, range(pbs[0].namedChildren[0]!), name), principals(pbs, s, ctx));
  }
  const conditions = blocks(body, 'condition');
  if (conditions.length) setValue(property(s, range(conditions[0].namedChildren[0]!), 'Condition'), condition(conditions, s, ctx));
  return s;
}

/** principals { type identifiers } blocks → `{ type: identifiers }`; type "*" with "*" → "*". */
function principals(pbs: HclNode[], parent: HostNode, ctx: HclValueContext): HostNode {
  const obj = hostNode('object', pbs[0].startIndex, pbs[pbs.length - 1].endIndex, parent);
  obj.children = [];
  const byType = new Map<string, Mutable>();
  for (const b of pbs) {
    const a = attributes(bodyOf(b));
    const typeExpr = a.get('type');
    const ids = a.get('identifiers');
    if (!typeExpr || !ids) continue;
    const key = hclValue(typeExpr, undefined, ctx);
    const value = hclValue(ids, undefined, ctx);
    if (!key || !value) continue;
    if (key.value === '*' && pbs.length === 1 && value.type === 'array' && value.children?.length === 1 && value.children[0].value === '*') {
      const star = value.children[0] as Mutable;
      star.parent = parent;
      return star;
    }
    const prev = typeof key.value === 'string' ? byType.get(key.value) : undefined;
    if (prev) {
      // Two blocks of one type: their identifiers are one list.
      const list = prev.children![1] as Mutable;
      const items = value.type === 'array' ? value.children ?? [] : [value];
      for (const i of items) (i as Mutable).parent = list;
      list.children = [...(list.children ?? []), ...items];
      continue;
    }
    const p = hostNode('property', key.offset, value.offset + value.length, obj);
    (key as Mutable).parent = p;
    (value as Mutable).parent = p;
    p.children = [key, value];
    obj.children.push(p);
    if (typeof key.value === 'string') byType.set(key.value, p);
  }
  return obj;
}

/** condition { test variable values } blocks → `{ test: { variable: values } }`. */
function condition(cbs: HclNode[], parent: HostNode, ctx: HclValueContext): HostNode {
  const obj = hostNode('object', cbs[0].startIndex, cbs[cbs.length - 1].endIndex, parent);
  obj.children = [];
  const byTest = new Map<string, Mutable>();
  for (const b of cbs) {
    const a = attributes(bodyOf(b));
    const [t, v, vals] = [a.get('test'), a.get('variable'), a.get('values')];
    if (!t || !v || !vals) continue;
    const test = hclValue(t, undefined, ctx);
    const variable = hclValue(v, undefined, ctx);
    const values = hclValue(vals, undefined, ctx);
    if (!test || !variable || !values) continue;
    let inner = typeof test.value === 'string' ? byTest.get(test.value) : undefined;
    if (!inner) {
      const p = hostNode('property', test.offset, b.endIndex, obj);
      (test as Mutable).parent = p;
      inner = hostNode('object', b.startIndex, b.endIndex, p);
      inner.children = [];
      p.children = [test, inner];
      obj.children.push(p);
      if (typeof test.value === 'string') byTest.set(test.value, inner);
    }
    const vp = hostNode('property', variable.offset, values.offset + values.length, inner);
    (variable as Mutable).parent = vp;
    (values as Mutable).parent = vp;
    vp.children = [variable, values];
    inner.children!.push(vp);
  }
  return obj;
}
