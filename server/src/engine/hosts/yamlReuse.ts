// Reading an edited YAML template without reading all of it again. An editor sends a new version
// of a large template on every keystroke, and the new text differs from the last one in one
// small span. The host tree (yamlTree.ts) of the last version is kept, per document, and the new
// version's tree is the old one with one entry of a block mapping (a resource under `Resources`,
// or a top-level key) read again on its own and spliced in, every offset after it moved by the
// length the edit added.
//
// It is taken only where reading the entry alone provably gives what reading the whole text
// gives, else the whole text is read (the fast road of yamlCst.ts, or the full way):
// - the last version was read by the fast road, without errors, anchors or aliases (an alias may
//   name an anchor anywhere, so no part of such a text stands alone);
// - the changed span lies inside one entry of a block mapping: from the start of its key's line
//   to the start of the next sibling key's line (the last entry of a mapping has no such end and
//   is not taken alone; its parent entry may be);
// - the new entry text still ends with a line break, starts with its key at the same column, and
//   every line after the first is blank, a comment, or indented deeper than the key (so in the
//   whole text nothing of it could belong to the parent mapping, and `---` or `...` cannot end
//   the document inside it);
// - read alone by the fast road it is a mapping of exactly that one key, without anchors or
//   aliases, a key no sibling has (the whole read would report the duplicate).
// test/unit/yamlReuse.test.ts holds the spliced tree to the whole read, node for node, on many
// random edits of the fixtures and of the benchmark's template.
//
// The kept tree is owned here alone: parseHost reads policies out of it (normalize copies every
// node it keeps) and does not keep it, so the splice moves the old tree's nodes in place rather
// than copying a hundred thousand of them. Only the scalar styles, which the host document keeps,
// are a new map each version.
import { detach, StringMemo } from '../memo';
import { applyEdits } from '../textEdits';
import { sharedEnds } from '../parse/sharedEnds';
import { TextEdit } from '../types';
import { cstTokens, treeOfCst } from './yamlCst';
import { clearNormalizedReuse } from './normalizedReuse';
import { HostNode, parseYaml, ScalarStyle, yamlReading, YamlTree } from './yamlTree';
import { CST } from 'yaml';

interface Kept {
  text: string;
  root: HostNode;
  scalars: Map<number, ScalarStyle>;
}

/** How many documents keep their last tree (the editor's open templates; each costs about the
 *  memory of its parse). */
const MAX_KEPT = 4;
/** Entries are looked for this many mappings deep (a resource's `Properties` are at depth 3). */
const MAX_LEVELS = 6;

const kept = new Map<string, Kept>();

/** Work counts (tests and the benchmark): characters read by the parser, texts spliced, texts read
 *  whole although a last version was kept (declined). */
export const yamlReuse = { enabled: true, parsedChars: 0, spliced: 0, declined: 0 };

/** Forget every kept tree (tests), and the policies normalized from them. */
export function clearYamlReuse(): void {
  kept.clear();
  clearNormalizedReuse();
}

/** `parseYaml(text)`, reusing the last tree read under `key` (a document's path or URI) when the
 *  edit allows it (see above). Without a key, nothing is kept. */
export function parseYamlReusing(text: string, key: string | undefined): YamlTree {
  const last = key !== undefined ? kept.get(key) : undefined;
  let tree: YamlTree | undefined;
  if (last && yamlReuse.enabled && !yamlReading.full) {
    // Taken out before it is touched: a splice that failed half-way leaves nothing behind.
    kept.delete(key!);
    tree = splice(last, text);
    if (tree) yamlReuse.spliced++;
    else {
      yamlReuse.declined++;
      // A declined splice changed nothing: the last tree stays until a version can replace it
      // (a template being typed into is invalid now and then; the next valid version is then
      // compared with the last valid one).
      kept.set(key!, last);
    }
  }
  if (!tree) {
    yamlReuse.parsedChars += text.length;
    tree = parseYaml(text);
  }
  if (key !== undefined && yamlReuse.enabled && tree.root && tree.errors.length === 0 && tree.anchored === false) {
    kept.delete(key);
    kept.set(key, { text, root: tree.root as HostNode, scalars: tree.scalars });
    while (kept.size > MAX_KEPT) kept.delete(kept.keys().next().value!);
  }
  return tree;
}

/** The new text's tree from the last one, or undefined when the edit is not one entry's. */
export function splice(last: Kept, text: string): YamlTree | undefined {
  const old = last.text;
  const delta = text.length - old.length;
  const { prefix, suffix } = sharedEnds(old, text);
  if (prefix === old.length && delta === 0) return { root: last.root, scalars: last.scalars, errors: [], anchored: false, shared: prefix };
  const changedEnd = old.length - suffix; // the changed span of the old text: [prefix, changedEnd)
  const found = entryAround(old, last.root, prefix, changedEnd);
  if (!found) return undefined;
  const { parent, index, start, end, column, level } = found;
  const newEnd = end + delta;
  if (newEnd <= start) return undefined;
  // A copy of its own: the values read from it are slices of it, and must not keep the whole text.
  const alone = entryAlone(detach(text.slice(start, newEnd)), column, level);
  if (!alone) return undefined;
  const { read, prop } = alone;
  const keyValue = prop.children?.[0]?.value;
  if (parent.children!.some((p, i) => i !== index && p.children?.[0]?.value === keyValue)) return undefined;
  // The splice proper: nothing below can fail.
  moveTree(prop, start);
  prop.parent = parent;
  if (delta !== 0) {
    for (let n: HostNode | undefined = parent; n; n = n.parent) {
      (n as { length: number }).length += delta;
      const siblings = n.parent?.children;
      // Everything after the changed entry's ancestors moves.
      if (siblings) for (let i = siblings.indexOf(n) + 1; i < siblings.length; i++) moveTree(siblings[i], delta);
    }
    const after = parent.children!;
    for (let i = index + 1; i < after.length; i++) moveTree(after[i], delta);
  }
  parent.children![index] = prop;
  return { root: last.root, scalars: splicedScalars(last.scalars, read.scalars, start, end, delta), errors: [], anchored: false, shared: prefix };
}

/** Texts of entries read alone for the fix guard, by entry text and its place: the verdict of
 *  readsAlone for one fix in one resource, which the next edit elsewhere asks again. */
const entryVerdicts = new StringMemo<boolean>(20_000);

/**
 * Does the text of `key`'s last version with `edits` applied (offsets in that text, which must be
 * `text`) read as a whole without a syntax error, its tree the last one with one entry read again,
 * and does the node that started at `keep` (an embedded policy's document) still start there with
 * its type? The same argument as splice: the edits lie in one entry of a block mapping that stands
 * alone, read alone without errors, anchors or aliases, with the same key. Undefined when it cannot
 * be told this way (the caller reads the whole text). `budget` is charged the characters read.
 */
export function editReadsAlone(key: string | undefined, text: string, edits: readonly TextEdit[], keep: number, budget: { chars: number }): boolean | undefined {
  const last = key !== undefined ? kept.get(key) : undefined;
  if (!last || last.text !== text || !yamlReuse.enabled || !edits.length || edits.length > 64) return undefined;
  let from = Infinity;
  let to = -Infinity;
  for (const e of edits) {
    from = Math.min(from, e.range.start);
    to = Math.max(to, e.range.end);
  }
  if (from <= keep) return undefined;
  const found = entryAround(text, last.root, from, to);
  if (!found) return undefined;
  const { parent, index, start, end, column, level } = found;
  const old = parent.children![index];
  // The path from the entry's node to the kept node, as child indices (nothing before `keep`
  // changes, so a sound read has the same path to it).
  const path: number[] = [];
  let at: HostNode | undefined = old;
  for (let depth = 0; at && at.offset !== keep; depth++) {
    if (depth > 200) return undefined;
    const i: number = at.children?.findIndex((c) => c.offset <= keep && keep < c.offset + Math.max(c.length, 1)) ?? -1;
    if (i < 0) return undefined;
    path.push(i);
    at = at.children![i];
  }
  // The outermost node starting at `keep` is the policy document (below it: its first pair, key).
  if (!at || (at.type !== 'object' && at.type !== 'array')) return undefined;
  const keptType = at.type;
  const entry = applyEdits(text.slice(start, end), edits.map((e) => ({ range: { start: e.range.start - start, end: e.range.end - start }, newText: e.newText })));
  if (entry.length > budget.chars) return undefined;
  budget.chars -= entry.length;
  const facts = `${level}\u0001${column}\u0001${old.children?.[0]?.value}\u0001${keep - start}\u0001${keptType}\u0001${path.join(',')}\u0001`;
  return entryVerdicts.getOrCompute(facts + entry, () => {
    const prop = entryAlone(entry, column, level)?.prop;
    if (!prop) return false;
    // The same key (so no sibling has it: the last version read without a duplicate).
    if (prop.children?.[0]?.value !== old.children?.[0]?.value) return false;
    let n: HostNode | undefined = prop;
    for (const i of path) n = n?.children?.[i];
    return !!n && n.offset === keep - start && n.type === keptType;
  }) ? true : undefined;
}

interface Entry {
  parent: HostNode;
  index: number;
  /** The entry's lines in the old text: [start of its key's line, start of the next key's line). */
  start: number;
  end: number;
  column: number;
  /** How deep its mapping is (the root mapping is 0). */
  level: number;
}

/** The innermost block-mapping entry (not the last of its mapping) whose lines hold the changed
 *  span [from, to) of `text`. */
function entryAround(text: string, root: HostNode, from: number, to: number): Entry | undefined {
  let best: Entry | undefined;
  let map: HostNode | undefined = root;
  for (let level = 0; map && level < MAX_LEVELS && isBlockMap(text, map); level++) {
    const props: HostNode[] = map.children!;
    // The entry whose key comes last at or before the change.
    let lo = 0;
    let hi = props.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (props[mid].offset <= from) lo = mid;
      else hi = mid - 1;
    }
    const index = lo;
    const prop: HostNode = props[index];
    const start = keyLineStart(text, prop.offset);
    if (start === undefined || start > from) break;
    const column = prop.offset - start;
    const next = props[index + 1];
    const end = next && keyLineStart(text, next.offset);
    if (end !== undefined && next.offset - end === column && to <= end) best = { parent: map, index, start, end, column, level };
    // Deeper: the entry's value, when the change lies inside that entry's own lines.
    if (end === undefined ? to > map.offset + map.length : to > end) break;
    map = prop.children?.[1];
  }
  return best;
}

/** Is the object a block mapping (not flow `{…}`, not an intrinsic function's `!Tag` object),
 *  every key at the start of its own line? */
function isBlockMap(text: string, node: HostNode): boolean {
  if (node.type !== 'object' || !node.children?.length || node.children[0].offset !== node.offset) return false;
  const c = text.charCodeAt(node.offset);
  return c !== 123 /* { */ && c !== 33 /* ! */;
}

/** The start of the line of a key written after spaces only, else undefined. */
function keyLineStart(text: string, offset: number): number | undefined {
  let i = offset;
  while (i > 0 && text.charCodeAt(i - 1) === 32) i--;
  return i === 0 || text.charCodeAt(i - 1) === 10 ? i : undefined;
}

/** Lines after the first: blank, a comment, or deeper than `column`; the first: the key at
 *  `column` after spaces. */
function standsAlone(entry: string, column: number): boolean {
  for (let i = 0; i < column; i++) if (entry.charCodeAt(i) !== 32) return false;
  const first = entry.charCodeAt(column);
  if (first === 32 || first === 10 || first === 13 || first === 35 /* # */ || first === 9) return false;
  let at = entry.indexOf('\n') + 1;
  while (at > 0 && at < entry.length) {
    let i = at;
    while (entry.charCodeAt(i) === 32) i++;
    const c = entry.charCodeAt(i);
    if (c === 9) return false; // tabs: the whole read decides what they mean
    const blank = c === 10 || (c === 13 && entry.charCodeAt(i + 1) === 10);
    if (!blank && c !== 35 && i - at <= column) return false;
    at = entry.indexOf('\n', at) + 1;
  }
  return true;
}

/** A new entry text read on its own as what it must be to stand for itself in the whole text
 *  (see the head of this file): ending with a line break, standing alone, read without errors,
 *  anchors or aliases as a mapping of exactly one key at `column`; else undefined. */
function entryAlone(entry: string, column: number, level: number): { read: YamlTree & { root: HostNode }; prop: HostNode } | undefined {
  if (entry.charCodeAt(entry.length - 1) !== 10 || !standsAlone(entry, column)) return undefined;
  const read = readAlone(entry, level);
  const prop = read?.root.children?.[0];
  if (!read || read.root.type !== 'object' || read.root.children!.length !== 1 || !prop || prop.offset !== column) return undefined;
  return { read, prop };
}

/** The entry read on its own by the fast road (no errors, no anchors, no aliases), or undefined. */
function readAlone(entry: string, level: number): YamlTree & { root: HostNode } | undefined {
  const tokens = cstTokens(entry);
  if (!tokens) return undefined;
  yamlReuse.parsedChars += entry.length;
  let doc: CST.Document | undefined;
  for (const t of tokens) {
    if (t.type === 'comment' || t.type === 'newline' || (t.type === 'space' && !t.source.includes('\t'))) continue;
    if (t.type !== 'document' || doc) return undefined;
    doc = t;
  }
  let tree: YamlTree | undefined;
  try {
    tree = doc && treeOfCst(entry, doc, level);
  } catch {
    return undefined;
  }
  if (!tree?.root || tree.anchored !== false || tree.errors.length) return undefined;
  return tree as YamlTree & { root: HostNode };
}

type Movable = { offset: number; colonOffset?: number; contentStart?: number };

/** Every offset of a subtree moved by `delta` (bounded: the tree's depth is, see MAX_YAML_DEPTH). */
function moveTree(node: HostNode, delta: number): void {
  const stack: HostNode[] = [node];
  while (stack.length) {
    const n = stack.pop()! as HostNode & Movable;
    n.offset += delta;
    if (n.colonOffset !== undefined) n.colonOffset += delta;
    if (n.contentStart !== undefined) n.contentStart += delta;
    if (n.children) for (const c of n.children) stack.push(c);
  }
}

/** The scalar styles of the new version, in document order: those before the entry as they were,
 *  the entry's from its own read, those after it moved. */
function splicedScalars(old: Map<number, ScalarStyle>, entry: Map<number, ScalarStyle>, start: number, end: number, delta: number): Map<number, ScalarStyle> {
  const out = new Map<number, ScalarStyle>();
  let placed = false;
  const place = () => {
    for (const [at, s] of entry) out.set(at + start, { ...s, end: s.end + start });
    placed = true;
  };
  for (const [at, s] of old) {
    if (at < start) out.set(at, s);
    else {
      if (!placed) place();
      if (at >= end) out.set(at + delta, delta === 0 ? s : { ...s, end: s.end + delta });
    }
  }
  if (!placed) place();
  return out;
}
