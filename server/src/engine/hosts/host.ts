// Host documents → embedded policy documents.
//
// A host document is a file that is, or holds, IAM policies: a JSON policy; a CloudFormation
// template in JSON or YAML (SAM included); a Serverless Framework file. `parseHost` reads it once
// and yields zero or more embedded policies, each with its kind (identity, resource, trust), a
// name for messages (`Resources.ConnectAdminRole.Policies[0].PolicyDocument`) and the policy model
// (parse/policyModel.ts) built on a jsonc-parser-shaped tree whose every offset is in the HOST
// text, so every rule runs unchanged and every range lands in the template.
//
// - JSON hosts are read by jsonc-parser, YAML hosts by the `yaml` package (yamlTree.ts builds the
//   same node shape from its tokens or its AST, short-form tags included). Never by regular
//   expressions.
// - Where policies are found: locations.ts (resource types and properties, SAM `Policies`,
//   Serverless role statements).
// - Template values (`!Sub`, `!Ref`, `!If`, Serverless variables): intrinsics.ts, which turns them
//   into model values the rules already understand, with masks to map messages back.
// - The analysis (per-policy rules, Connect rules per principal, the fix guard) is
//   `analyzeHost` in analyze.ts, with fixGuard.ts.
import { Node } from 'jsonc-parser';
import { JsonDocument } from '../parse/jsonDocument';
import { parseJsonReusing } from '../parse/jsonReuse';
import { buildPolicy, PolicyDocument, propertiesOf } from '../parse/policyModel';
import { OffsetRange } from '../types';
import { Mask, normalize, NormalizeContext } from './intrinsics';
import { EmbeddedKind, prop, PolicyLocation, resourceTypes, serverlessPolicies, templatePolicies } from './locations';
import { HostNode, ScalarStyle } from './yamlTree';
import { parseYamlReusing } from './yamlReuse';
import { rootsReusing } from './normalizedReuse';
import { hclParserProblem, parseHcl } from './hclParser';
import { terraformPolicies } from './terraform';

export type HostKind = 'policy' | 'cloudformation' | 'serverless' | 'terraform' | 'none';
export type HostSyntax = 'json' | 'yaml' | 'hcl';

/** What is known about a document besides its text (any may be missing). */
export interface HostHint {
  /** The editor's language ID (`json`, `jsonc`, `yaml`, `terraform`). */
  languageId?: string;
  /** The file path or URI. */
  path?: string;
}

export interface EmbeddedPolicy {
  name: string;
  kind: EmbeddedKind;
  doc: PolicyDocument;
  /** The policy document (or implied policy's statements) in the host text. */
  range: OffsetRange;
  /** Logical IDs of the principals an identity policy gives permissions to. */
  principals: string[];
}

export interface HostDocument {
  text: string;
  syntax: HostSyntax;
  kind: HostKind;
  /** Syntax errors of a template (JSON hosts: see `json`). */
  errors: { message: string; range: OffsetRange }[];
  /** The whole JSON document (JSON hosts only). */
  json?: JsonDocument;
  /** YAML scalars by start offset (YAML hosts only), for fixes that rewrite a value. */
  scalars?: Map<number, ScalarStyle>;
  /** YAML hosts: false when the text has neither anchors nor aliases, so every node of its tree
   *  lies where its text is (undefined when not known). */
  anchored?: boolean;
  policies: EmbeddedPolicy[];
  /** Why a Terraform file could not be read at all (the HCL parser is not loaded). */
  unavailable?: string;
  masks: Mask[];
  maskedValues: OffsetRange[];
  /** Stand-in ARNs of template values (see intrinsics.ts), to write messages back. */
  standIns: NormalizeContext['standIns'];
}

/** Files the CLI and the editor read as possible templates. */
export function isTemplatePath(path: string): boolean {
  const p = path.replace(/\\/g, '/').toLowerCase();
  const base = p.slice(p.lastIndexOf('/') + 1);
  return base.endsWith('.yaml') || base.endsWith('.yml') || base.endsWith('.template') || base.endsWith('.template.json') || p.includes('/cdk.out/');
}

/** Terraform files, by path (the editor may know them as plain text). */
export function isTerraformPath(path: string): boolean {
  return path.toLowerCase().endsWith('.tf');
}

export function hostSyntax(text: string, hint: HostHint = {}): HostSyntax {
  const lang = hint.languageId?.toLowerCase();
  if (lang === 'terraform' || lang === 'hcl' || (hint.path && isTerraformPath(hint.path))) return 'hcl';
  if (lang === 'yaml') return 'yaml';
  if (lang === 'json' || lang === 'jsonc') return 'json';
  const p = hint.path?.toLowerCase() ?? '';
  if (p.endsWith('.yaml') || p.endsWith('.yml')) return 'yaml';
  if (p.endsWith('.json')) return 'json';
  // `*.template` and unnamed text: JSON starts with a brace; anything else is read as YAML.
  for (let i = 0; i < text.length && i < 10_000; i++) {
    const c = text[i];
    if (c === '{') return 'json';
    if (c !== ' ' && c !== '\t' && c !== '\r' && c !== '\n' && c !== '\ufeff') return 'yaml';
  }
  return 'json';
}

function isServerlessPath(path: string | undefined): boolean {
  const p = (path ?? '').replace(/\\/g, '/').toLowerCase();
  const base = p.slice(p.lastIndexOf('/') + 1);
  return base === 'serverless.yml' || base === 'serverless.yaml';
}

/** Does a root object look like a CloudFormation or SAM template? */
export function looksLikeTemplate(root: Node | undefined): boolean {
  if (root?.type !== 'object') return false;
  const names = new Set(propertiesOf(root).map((p) => p.name));
  if (names.has('AWSTemplateFormatVersion')) return true;
  const transform = prop(root, 'Transform');
  const transforms = transform?.type === 'array' ? transform.children ?? [] : transform ? [transform] : [];
  if (transforms.some((t) => typeof t.value === 'string' && t.value.startsWith('AWS::Serverless'))) return true;
  return propertiesOf(prop(root, 'Resources')).some((r) => {
    const type = prop(r.value, 'Type')?.value;
    return typeof type === 'string' && (type.startsWith('AWS::') || type.startsWith('Custom::'));
  });
}

function looksLikeServerless(root: Node | undefined, hint: HostHint): boolean {
  if (root?.type !== 'object') return false;
  if (isServerlessPath(hint.path)) return true;
  const provider = prop(root, 'provider');
  return prop(root, 'service') !== undefined && provider?.type === 'object' && prop(provider, 'name')?.value === 'aws';
}

/** Read a host document: what it is and the policies it holds. */
export function parseHost(text: string, hint: HostHint = {}): HostDocument {
  const syntax = hostSyntax(text, hint);
  const base = { text, syntax, policies: [] as EmbeddedPolicy[], masks: [] as Mask[], maskedValues: [] as OffsetRange[], standIns: [] as NormalizeContext['standIns'] };
  if (syntax === 'hcl') return parseTerraform(text, base);
  let root: Node | undefined;
  let errors: HostDocument['errors'] = [];
  let json: JsonDocument | undefined;
  let scalars: Map<number, ScalarStyle> | undefined;
  let anchored: boolean | undefined;
  let shared: number | undefined;
  if (syntax === 'json') {
    // The document's last tree is reused where the edit allows (parse/jsonReuse.ts).
    json = parseJsonReusing(text, hint.path);
    root = json.root;
    // Too deep to parse: a JSON policy still, when it says `Statement` (json-syntax explains).
    const statement = json.tooDeepAt !== undefined ? text.includes('"Statement"') : root?.type === 'object' && prop(root, 'Statement') !== undefined;
    if (statement) return { ...base, kind: 'policy', errors, json };
  } else {
    // The document's last tree is reused where the edit allows (yamlReuse.ts).
    const tree = parseYamlReusing(text, hint.path);
    root = tree.root;
    errors = tree.errors;
    scalars = tree.scalars;
    anchored = tree.anchored;
    shared = tree.shared;
  }
  const serverless = syntax === 'yaml' && looksLikeServerless(root, hint);
  const kind: HostKind = serverless ? 'serverless' : looksLikeTemplate(root) ? 'cloudformation' : 'none';
  const host: HostDocument = { ...base, kind, errors, json, scalars, anchored };
  if (kind === 'none' || !root) return host;
  const locations = serverless ? serverlessPolicies(root) : templatePolicies(prop(root, 'Resources'), 'Resources');
  const resources = serverless ? prop(prop(root, 'resources'), 'Resources') : prop(root, 'Resources');
  const types = resourceTypes(resources);
  const ctx: NormalizeContext = { text, serverless, resourceTypes: types, standIns: host.standIns, masks: host.masks, maskedValues: host.maskedValues };
  const jsonDoc: JsonDocument = { text, root: undefined, errors: [], comments: [], trailingCommas: [] };
  // A JSON template's tree is new in every version (jsonReuse copies it): no node to reuse.
  const allRoots = syntax === 'yaml' ? rootsReusing(hint.path, shared, locations, ctx, (loc) => policyRoots(loc, ctx)) : locations.map((loc) => policyRoots(loc, ctx));
  locations.forEach((loc, l) => {
    const roots = allRoots[l];
    roots.forEach((r, i) => {
      const name = roots.length > 1 ? `${loc.name} (branch ${i + 1} of Fn::If)` : loc.name;
      const doc = buildPolicy({ ...jsonDoc, root: r }, r, {
        forcePolicy: true,
        kind: loc.kind === 'identity' ? 'identity' : 'resource',
        embedded: { name, resourceTypes: types, syntax },
      });
      host.policies.push({ name, kind: loc.kind, doc, range: { start: loc.node.offset, end: loc.node.offset + loc.node.length }, principals: loc.principals });
    });
  });
  return host;
}

/** A Terraform file: HCL syntax errors (tree-sitter's ERROR and MISSING nodes), the JSON errors
 *  of its heredoc policies, and its policies (terraform.ts). */
function parseTerraform(text: string, base: Omit<HostDocument, 'kind' | 'errors'>): HostDocument {
  const host: HostDocument = { ...base, kind: 'terraform', errors: [] };
  const problem = hclParserProblem();
  const tree = problem ? undefined : parseHcl(text);
  if (!tree) {
    host.unavailable = problem ?? 'the file is too large to read';
    return host;
  }
  try {
    const root = tree.rootNode;
    if (root.hasError) {
      const bad = [...root.descendantsOfType('ERROR')].slice(0, 20);
      const stack = [root];
      const missing: typeof bad = [];
      for (let seen = 0; stack.length && seen < 200_000 && missing.length < 20; seen++) {
        const n = stack.pop()!;
        if (n.isMissing) missing.push(n);
        else if (n.hasError) for (const c of n.children) if (c) stack.push(c);
      }
      for (const n of bad) if (n) host.errors.push({ message: 'this is not valid HCL', range: { start: n.startIndex, end: n.endIndex } });
      for (const n of missing) if (n) host.errors.push({ message: `a "${n.type}" is missing here`, range: { start: n.startIndex, end: n.startIndex } });
    }
    const types = new Map<string, string>();
    const ctx = { text, serverless: false, resourceTypes: types, standIns: host.standIns, masks: host.masks, maskedValues: host.maskedValues, policyDocument: false };
    const found = terraformPolicies(root, ctx);
    host.errors.push(...found.errors);
    const jsonDoc: JsonDocument = { text, root: undefined, errors: [], comments: [], trailingCommas: [] };
    for (const p of found.policies) {
      const doc = buildPolicy({ ...jsonDoc, root: p.root }, p.root, {
        forcePolicy: true,
        kind: p.kind === 'identity' ? 'identity' : 'resource',
        embedded: { name: p.name, resourceTypes: types, syntax: 'hcl' },
      });
      host.policies.push({ name: p.name, kind: p.kind, doc, range: p.range, principals: p.principals });
    }
  } finally {
    tree.delete();
  }
  return host;
}

/** The policy roots of a location: its document (each `Fn::If` branch that is an object), or the
 *  policy implied around bare statements. */
function policyRoots(loc: PolicyLocation, ctx: NormalizeContext): HostNode[] {
  if (!loc.implied) return normalize(loc.node, undefined, ctx).filter((n) => n.type === 'object');
  const root = synthetic('object', undefined, loc.node.offset) as HostNode & { children: HostNode[] };
  const version = synthetic('property', root, loc.node.offset);
  version.children = [synthetic('string', version, loc.node.offset, 'Version'), synthetic('string', version, loc.node.offset, '2012-10-17')];
  const statement = synthetic('property', root, loc.node.offset);
  const alts = normalize(loc.node, statement, ctx);
  if (alts.length === 0) return [];
  statement.children = [synthetic('string', statement, loc.node.offset, 'Statement'), alts[0]];
  root.children = [version, statement];
  return [root];
}

function synthetic(type: Node['type'], parent: HostNode | undefined, offset: number, value?: string): HostNode & { children?: HostNode[] } {
  return { type, offset, length: 0, parent, value, synthetic: true, children: type === 'object' || type === 'property' ? [] : undefined } as HostNode;
}

/** The embedded policy whose document holds an offset (the innermost when they nest). */
export function policyAt(host: HostDocument, offset: number): EmbeddedPolicy | undefined {
  let best: EmbeddedPolicy | undefined;
  for (const p of host.policies) {
    if (offset < p.range.start || offset > p.range.end) continue;
    if (!best || p.range.end - p.range.start < best.range.end - best.range.start) best = p;
  }
  return best;
}
