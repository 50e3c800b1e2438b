// Renaming a key (a misspelt condition operator or condition key) without creating a duplicate.
// When the object already has a key of the new name, a plain rename would produce two keys of one
// name, which IAM rejects: the fix then merges the renamed entry into the existing one, or, when
// the two cannot be merged faithfully, is not offered at all. Every renaming quick fix of the
// Condition block goes through here.
import { Node } from 'jsonc-parser';
import { Property } from '../parse/policyModel';
import { Fix, TextEdit } from '../types';
import { indentAt, lineBreak } from './edits';

export interface RenameOptions {
  /** The quick-fix title for a plain rename (default: Rename old to new). */
  title?: string;
  preferred?: boolean;
  safe?: boolean;
  /** Do names that differ only in case collide? (IAM compares condition keys case-insensitively.) */
  caseInsensitive?: boolean;
}

/** The fix that renames `prop` to `newName`, merging into an existing key of that name; undefined
 *  when the existing key's value and this one's cannot be merged. */
export function renameKeyFix(text: string, prop: Property, newName: string, opts: RenameOptions = {}): Fix | undefined {
  const siblings = prop.node.parent?.children ?? [];
  const same = (name: unknown) => (opts.caseInsensitive ? String(name).toLowerCase() === newName.toLowerCase() : name === newName);
  const existing = siblings.find((p) => p !== prop.node && p.type === 'property' && same(p.children?.[0]?.value));
  const base = { isPreferred: opts.preferred ?? true, safe: opts.safe ?? false };
  if (!existing) {
    return { title: opts.title ?? `Rename ${prop.name} to ${newName}`, edits: [{ range: nodeRange(prop.key), newText: JSON.stringify(newName) }], ...base };
  }
  const existingName = String(existing.children![0].value);
  const merge = mergeInto(text, prop, existing);
  // Merging changes more than a name (two entries become one): never applied blindly.
  return merge ? { title: `Merge ${prop.name} into the existing ${existingName}`, edits: merge, ...base, safe: false } : undefined;
}

/** One fix per candidate name (nearest first), the first one offered preferred; candidates that
 *  would collide unmergeably are left out. */
export function renameKeyAlternatives(text: string, prop: Property, candidates: string[], title: (candidate: string) => string, opts: Omit<RenameOptions, 'title' | 'preferred'> = {}): Fix[] {
  const fixes = candidates.map((c) => renameKeyFix(text, prop, c, { ...opts, title: title(c), preferred: false })).filter((f): f is Fix => !!f);
  if (fixes[0]) fixes[0].isPreferred = true;
  return fixes;
}

const nodeRange = (n: Node) => ({ start: n.offset, end: n.offset + n.length });
const isScalar = (n: Node) => n.type === 'string' || n.type === 'number' || n.type === 'boolean' || n.type === 'null';

/** Edits that move `prop`'s value into the existing property and delete `prop`: objects with no
 *  key in common gain the other's members; scalars and arrays of scalars become one array of both
 *  sides' values. Anything else (a key in both objects, an object and a string) is undefined. */
function mergeInto(text: string, prop: Property, existing: Node): TextEdit[] | undefined {
  const from = prop.value;
  const into = existing.children?.[1];
  if (!from || !into) return undefined;
  let add: TextEdit | undefined;
  if (from.type === 'object' && into.type === 'object') {
    const members = from.children ?? [];
    const taken = new Set((into.children ?? []).map((p) => p.children?.[0]?.value));
    if (members.some((p) => taken.has(p.children?.[0]?.value))) return undefined;
    if (members.length === 0) add = undefined;
    else {
      const moved = text.slice(members[0].offset, members[members.length - 1].offset + members[members.length - 1].length);
      const last = into.children?.[into.children.length - 1];
      add = last
        ? { range: at(last.offset + last.length), newText: `,${lineBreak(text)}${indentAt(text, last.offset)}${moved}` }
        : { range: { start: into.offset + 1, end: into.offset + into.length - 1 }, newText: moved };
    }
  } else {
    const a = scalars(into);
    const b = scalars(from);
    if (!a || !b) return undefined;
    const raw = (n: Node) => text.slice(n.offset, n.offset + n.length);
    const values: string[] = [];
    for (const n of [...a, ...b]) if (!values.includes(raw(n))) values.push(raw(n));
    add = { range: nodeRange(into), newText: values.length === 1 ? values[0] : `[${values.join(', ')}]` };
  }
  const remove = removal(prop.node);
  if (!remove) return undefined;
  return add ? [add, remove] : [remove];
}

/** The scalar values of a scalar or an array of scalars, else undefined. */
function scalars(n: Node): Node[] | undefined {
  if (isScalar(n)) return [n];
  if (n.type === 'array' && (n.children ?? []).every(isScalar)) return n.children ?? [];
  return undefined;
}

/** Deletes a property with its separating comma: up to the next member, or from the end of the
 *  previous one. */
function removal(propNode: Node): TextEdit | undefined {
  const siblings = propNode.parent?.children ?? [];
  const i = siblings.indexOf(propNode);
  if (i < 0) return undefined;
  const next = siblings[i + 1];
  const prev = siblings[i - 1];
  if (next) return { range: { start: propNode.offset, end: next.offset }, newText: '' };
  if (prev) return { range: { start: prev.offset + prev.length, end: propNode.offset + propNode.length }, newText: '' };
  return undefined;
}

const at = (offset: number) => ({ start: offset, end: offset });
