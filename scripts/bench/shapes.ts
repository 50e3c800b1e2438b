// Generated documents of a given size in the shapes that have been superlinear before: the bench's
// scaling table and the scaling unit tests build them here, so both measure the same documents.
// Statements come from the AWS managed policies (test/corpus.ts): real actions, real ARNs, real
// Conditions, in the mix AWS itself writes.
import { managedPolicies } from '../../test/corpus';
import { generatedTemplate } from './template';

export const SHAPES = ['ordinary', 'deny-heavy', 'notaction-heavy', 'many-actions-many-resources', 'minified', 'template-yaml'] as const;
export type Shape = (typeof SHAPES)[number];

type Json = Record<string, unknown>;

let statements: Json[] | undefined;

/** Every statement of every managed policy, in corpus order, with its Sid dropped (a generated
 *  document numbers its own). */
function managedStatements(): Json[] {
  if (!statements) {
    statements = [];
    for (const p of managedPolicies()) {
      const doc = JSON.parse(p.text) as { Statement?: unknown };
      const list = Array.isArray(doc.Statement) ? doc.Statement : [doc.Statement];
      for (const s of list) {
        if (!s || typeof s !== 'object') continue;
        const { Sid: _sid, ...rest } = s as Json;
        statements.push(rest);
      }
    }
  }
  return statements;
}

/** Statements `transform`ed from the managed set, in order (cycling with distinct Sids when the
 *  size needs more than the set has), until the pretty-printed document reaches `bytes`. */
function fromManaged(bytes: number, transform: (s: Json, i: number) => Json, indent: number | undefined = 2): string {
  const base = managedStatements();
  // Statements larger than an eighth of the document are skipped, so a 1 KB document is 1 KB
  // (some managed statements list hundreds of actions).
  const limit = Math.max(bytes / 8, 400);
  const out: Json[] = [];
  let size = 40;
  for (let i = 0, n = 0; size < bytes && i < base.length * 8; i++) {
    const s = { Sid: `S${n}`, ...transform(base[i % base.length], n) };
    const length = JSON.stringify(s, null, indent).length + (indent ? 6 : 1);
    if (length > limit) continue;
    size += length;
    out.push(s);
    n++;
  }
  return JSON.stringify({ Version: '2012-10-17', Statement: out }, null, indent);
}

/** Every second statement a Deny (its Condition kept: conditional Denies are the common case). */
function denyHeavy(s: Json, i: number): Json {
  return i % 2 ? { ...s, Effect: 'Deny' } : s;
}

/** Every second statement's Action list becomes a NotAction list; every fourth is also a Deny
 *  ("deny everything but"), the pattern guardrail policies use. */
function notActionHeavy(s: Json, i: number): Json {
  if (i % 2 === 0 || !('Action' in s)) return s;
  const { Action, ...rest } = s;
  return { ...rest, Effect: i % 4 === 1 ? 'Deny' : s.Effect, NotAction: Action };
}

/** One Allow statement whose Action list and Resource list each take about half of the size:
 *  concrete actions and wildcards of the managed set, and ARNs of several resource types. */
function manyActionsManyResources(bytes: number): string {
  const actions: string[] = [];
  const seen = new Set<string>();
  for (const s of managedStatements()) {
    for (const a of [s.Action].flat()) if (typeof a === 'string' && a !== '*' && !seen.has(a)) seen.add(a), actions.push(a);
  }
  const resourceFor = (i: number) => {
    switch (i % 5) {
      case 0: return `arn:aws:s3:::bucket-${i}/*`;
      case 1: return `arn:aws:dynamodb:us-east-1:123456789012:table/table-${i}`;
      case 2: return `arn:aws:lambda:us-east-1:123456789012:function:fn-${i}`;
      case 3: return `arn:aws:sqs:us-east-1:123456789012:queue-${i}`;
      default: return `arn:aws:kms:us-east-1:123456789012:key/${String(i).padStart(8, '0')}-1111-2222-3333-444455556666`;
    }
  };
  const action: string[] = [];
  const resource: string[] = [];
  let size = 120;
  for (let i = 0; size < bytes; i++) {
    const a = i < actions.length ? actions[i] : `${actions[i % actions.length]}`;
    const r = resourceFor(i);
    if (i < actions.length) action.push(a);
    resource.push(r);
    size += a.length + r.length + 16;
  }
  return JSON.stringify({ Version: '2012-10-17', Statement: [{ Sid: 'Everything', Effect: 'Allow', Action: action, Resource: resource }] }, null, 2);
}

/** A document of `shape` of about `bytes` characters. */
export function shapedDocument(shape: Shape, bytes: number): { text: string; path: string } {
  switch (shape) {
    case 'ordinary': return { text: fromManaged(bytes, (s) => s), path: 'policy.json' };
    case 'deny-heavy': return { text: fromManaged(bytes, denyHeavy), path: 'policy.json' };
    case 'notaction-heavy': return { text: fromManaged(bytes, notActionHeavy), path: 'policy.json' };
    case 'many-actions-many-resources': return { text: manyActionsManyResources(bytes), path: 'policy.json' };
    case 'minified': return { text: fromManaged(bytes, (s) => s, undefined), path: 'policy.json' };
    case 'template-yaml': return { text: generatedTemplate(bytes), path: 'template.yaml' };
  }
}
