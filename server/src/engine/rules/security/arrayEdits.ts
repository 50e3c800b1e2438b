// Removing one element from a JSON array while keeping the separators right: with the comma that
// follows it, or (for the last element) the comma that precedes it.
import { Node } from 'jsonc-parser';
import { TextEdit } from '../../types';

export function removeArrayElementEdit(element: Node): TextEdit | undefined {
  const array = element.parent;
  if (array?.type !== 'array' || !array.children) return undefined;
  const items = array.children;
  const i = items.indexOf(element);
  if (i < 0) return undefined;
  if (i < items.length - 1) return { range: { start: element.offset, end: items[i + 1].offset }, newText: '' };
  if (i > 0) {
    const prev = items[i - 1];
    return { range: { start: prev.offset + prev.length, end: element.offset + element.length }, newText: '' };
  }
  return { range: { start: element.offset, end: element.offset + element.length }, newText: '' };
}
