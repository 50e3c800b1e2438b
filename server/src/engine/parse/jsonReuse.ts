// Reading an edited JSON document without scanning all of it again. An editor sends a new version
// of a large policy on every keystroke, and the new text differs from the last one in one small
// span. The tree of the last version is kept, per document, and the new version's tree is the old
// one with the innermost object or array around the change read again on its own (parseValueAt)
// and put in its place, every offset after it moved by the length the edit added.
//
// It is taken only where reading the value alone provably gives what reading the whole text gives,
// else the whole text is read (parseJson):
// - the last version parsed without any error (so no comment, no trailing comma, no depth limit:
//   its tree is exactly the strict grammar's);
// - the changed span lies strictly inside an object or array other than the root: its opening and
//   closing brackets are both outside the span, in the text the two versions share;
// - the new text between those brackets reads alone as exactly one value without any error, as
//   deep as it is in the whole text without passing MAX_DEPTH.
// Then the new text is the old one with one value of the grammar replaced by another (the
// characters either side of a bracket are the same as before, so no token runs into its
// neighbour), and the whole read builds the same tree: the same nodes before the value, the value's
// own read, the same nodes after it moved by the length the edit added, and the containers
// around it longer by as much. test/unit/jsonReuse.test.ts holds the result to parseJson, node
// for node and offset for offset, on many random edits.
//
// The old tree is never changed: the last version's document may still be in use (the language
// server keeps a few versions, the fix guards read edited copies of a text under its path while
// it is analysed). Every node has a parent link, and the containers around the edit are new, so
// every node is new: the tree is copied, which costs a fraction of a parse (no scanning, no
// strings). Values are shared with the old tree; the value read again is read from a copy of its
// own text (memo.ts: a slice would keep that version of the whole text alive), so a document
// edited for a long time keeps at most the text its last whole read came from.
import { Node } from 'jsonc-parser';
import { detach } from '../memo';
import { JsonDocument, MAX_DEPTH, parseJson, parseValueAt } from './jsonDocument';
import { sharedEnds } from './sharedEnds';

/** A node being built (jsonc-parser's Node is read-only). */
type Building = { -readonly [K in keyof Node]: Node[K] };

interface Kept {
  text: string;
  root: Node;
}

/** How many documents keep their last tree (the editor's open documents; each costs about the
 *  memory of its parse). */
const MAX_KEPT = 4;

const kept = new Map<string, Kept>();

/** The deepest a copied node can be: the tree parsed within MAX_DEPTH containers, each with a
 *  property level, and its root. A local constant (read once per node). */
const COPY_DEPTH = 2 * MAX_DEPTH + 1;

/** Work counts (tests and the benchmark): characters read by the parser, texts read from the last
 *  tree (spliced), texts read whole although a last version was kept (declined). */
export const jsonReuse = { enabled: true, parsedChars: 0, spliced: 0, declined: 0 };

/** Forget every kept tree (tests). */
export function clearJsonReuse(): void {
  kept.clear();
}

/** `parseJson(text)`, reusing the last tree read under `key` (a document's path or URI) when the
 *  edit allows it (see above). Without a key, nothing is kept. */
export function parseJsonReusing(text: string, key: string | undefined): JsonDocument {
  const last = key !== undefined && jsonReuse.enabled ? kept.get(key) : undefined;
  let root = last && reusedRoot(last, text);
  if (last) {
    if (root) jsonReuse.spliced++;
    else jsonReuse.declined++;
  }
  if (root) {
    remember(key!, text, root);
    return { text, root, errors: [], comments: [], trailingCommas: [] };
  }
  jsonReuse.parsedChars += text.length;
  const doc = parseJson(text);
  root = doc.root;
  // An invalid version is not kept: the last valid one stays, and the next valid version (a
  // policy being typed into is invalid now and then) is compared with it.
  if (key !== undefined && jsonReuse.enabled && root && doc.errors.length === 0 && doc.tooDeepAt === undefined && doc.comments.length === 0 && doc.trailingCommas.length === 0) {
    remember(key, text, root);
  }
  return doc;
}

function remember(key: string, text: string, root: Node): void {
  kept.delete(key);
  kept.set(key, { text, root });
  while (kept.size > MAX_KEPT) kept.delete(kept.keys().next().value!);
}

/** The new text's tree from the last one, or undefined when the edit is not inside one value
 *  that reads alone (see the head of this file). */
function reusedRoot(last: Kept, text: string): Node | undefined {
  const old = last.text;
  const delta = text.length - old.length;
  const { prefix, suffix } = sharedEnds(old, text);
  if (prefix === old.length && delta === 0) return last.root;
  // The changed span of the old text: [prefix, changedEnd).
  const found = containerAround(last.root, prefix, old.length - suffix);
  if (!found) return undefined;
  const { node, depth } = found;
  const start = node.offset;
  const end = start + node.length + delta;
  // A value of more than half the text: reading the whole text costs less than the copy and the
  // value's read together.
  if ((end - start) * 2 > text.length) return undefined;
  const value = parseValueAt(detach(text.slice(start, end)), start, depth);
  if (!value) return undefined;
  jsonReuse.parsedChars += end - start;
  try {
    return copyAround(last.root, node, value, delta);
  } catch (err) {
    // The depth guard of the copy (which the parse's own limit makes unreachable): read it whole.
    if (err instanceof TooDeepToCopy) return undefined;
    throw err;
  }
}

class TooDeepToCopy extends Error {}

/** The innermost object or array below the root whose brackets are both outside the changed span
 *  [from, to) of the old text, and how many containers hold it. */
function containerAround(root: Node, from: number, to: number): { node: Node; depth: number } | undefined {
  let best: { node: Node; depth: number } | undefined;
  let node: Node | undefined = root;
  // Down from the root while the span lies strictly inside: the deepest such container below the
  // root is the one to read again (the root itself is read whole, by parseJson).
  for (let depth = 0; node && depth <= MAX_DEPTH; depth++) {
    if (!strictlyInside(node, from, to)) break;
    if (depth > 0) best = { node, depth };
    node = childAround(node, from, to);
  }
  return best;
}

/** Are [from, to) past the container's opening bracket and before its closing one? */
function strictlyInside(node: Node, from: number, to: number): boolean {
  return (node.type === 'object' || node.type === 'array') && node.offset < from && to < node.offset + node.length;
}

/** The container child of a container (for an object: the value of one of its properties) whose
 *  range holds [from, to), if any. */
function childAround(node: Node, from: number, to: number): Node | undefined {
  const children = node.children!;
  // The last child starting before the span (binary search: a policy's Statement array may have
  // thousands of elements).
  let lo = 0;
  let hi = children.length - 1;
  if (hi < 0 || children[0].offset >= from) return undefined;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (children[mid].offset < from) lo = mid;
    else hi = mid - 1;
  }
  const child = node.type === 'object' ? children[lo].children?.[1] : children[lo];
  return child && child.offset + child.length > to ? child : undefined;
}

/** A copy of the old tree with `replaced` swapped for `value` (already at its offsets), every
 *  node after it moved by `delta` and its containers longer by as much. */
function copyAround(root: Node, replaced: Node, value: Node, delta: number): Node {
  const from = replaced.offset;
  const to = replaced.offset + replaced.length;
  // Each node is before the replaced one (ends by its start), after it (starts at its end or
  // later), or one of its containers. The copies keep the key order the parser's nodes have.
  const copyAncestor = (n: Node, parent: Node | undefined, depth: number): Node => {
    const copy = (parent ? { type: n.type, offset: n.offset, length: n.length + delta, parent, children: [] } : { type: n.type, offset: n.offset, length: n.length + delta, children: [] }) as Building;
    if (n.colonOffset !== undefined) copy.colonOffset = n.colonOffset;
    const out = copy.children!;
    for (const c of n.children!) {
      if (c === replaced) {
        (value as Building).parent = copy;
        out.push(value);
      } else if (c.offset + c.length <= from) out.push(copyShifted(c, copy, 0, n.type === 'property' && out.length === 0, depth + 1));
      else if (c.offset >= to) out.push(copyShifted(c, copy, delta, false, depth + 1));
      else out.push(copyAncestor(c, copy, depth + 1));
    }
    return copy;
  };
  return copyAncestor(root, undefined, 0);
}

/** A copy of a subtree moved by `delta` (the tree parsed within MAX_DEPTH, so the recursion is
 *  bounded: COPY_DEPTH). `key`: the node is a property's key (the parser writes its value first). */
function copyShifted(n: Node, parent: Node, delta: number, key: boolean, depth: number): Node {
  if (depth > COPY_DEPTH) throw new TooDeepToCopy();
  const children = n.children;
  if (!children) {
    return (key
      ? { type: n.type, value: n.value, offset: n.offset + delta, length: n.length, parent }
      : { type: n.type, offset: n.offset + delta, length: n.length, parent, value: n.value }) as Node;
  }
  const copy = { type: n.type, offset: n.offset + delta, length: n.length, parent, children: undefined } as Building;
  if (n.colonOffset !== undefined) copy.colonOffset = n.colonOffset + delta;
  // Sized to fit (the parser's arrays grow by pushes, with room to spare): less to allocate.
  const out = new Array<Node>(children.length);
  const property = n.type === 'property';
  for (let i = 0; i < children.length; i++) out[i] = copyShifted(children[i], copy, delta, property && i === 0, depth + 1);
  copy.children = out;
  return copy;
}
