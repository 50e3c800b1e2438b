// Removing one element from a JSON array while keeping the separators right: with the comma that
// follows it, or (for the last element) the comma that precedes it.
import { Node } from 'jsonc-parser';
import { TextEdit } from '../../types';

/** Each array's elements by position, built once: a rule that removes one of thousands of
 *  actions per finding searched the array once per finding (quadratic). */
const positions = new WeakMap<Node, Map<Node, number>>();

/** Work counted by the scaling tests: elements indexed. */
export const arrayEditWork = { indexed: 0 };

function indexOf(array: Node, items: Node[], element: Node): number {
  let index = positions.get(array);
  let i = index?.get(element);
  // Parse trees are not edited in place; should one ever be, the stale index is rebuilt.
  if (i === undefined || items[i] !== element) {
    index = new Map(items.map((item, k) => [item, k]));
    arrayEditWork.indexed += items.length;
    positions.set(array, index);
    i = index.get(element);
  }
  return i ?? -1;
}

export function removeArrayElementEdit(element: Node): TextEdit | undefined {
  const array = element.parent;
  if (array?.type !== 'array' || !array.children) return undefined;
  const items = array.children;
  const i = indexOf(array, items, element);
  if (i < 0) return undefined;
  if (i < items.length - 1) return { range: { start: element.offset, end: items[i + 1].offset }, newText: '' };
  if (i > 0) {
    const prev = items[i - 1];
    return { range: { start: prev.offset + prev.length, end: element.offset + element.length }, newText: '' };
  }
  return { range: { start: element.offset, end: element.offset + element.length }, newText: '' };
}
