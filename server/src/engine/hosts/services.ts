// Hover and completion inside a policy embedded in a template: the embedded policy under the
// cursor and a cursor in its terms (the path from the policy root, the scalar the cursor is in),
// so the policy services answer as they do in a policy file, with offsets in the template.
import { findNodeAtOffset, getNodePath, Location, Node } from 'jsonc-parser';
import { PolicyDocument } from '../parse/policyModel';
import type { Cursor } from '../services/cursor';
import { HostDocument, policyAt } from './host';

export interface EmbeddedCursor {
  doc: PolicyDocument;
  cursor: Cursor;
  /** The node under the cursor (a string scalar or key), if any. */
  node?: Node;
  /** Text about the node's value with the template's own text written back over the masks
   *  (`${AWS::Region}` rather than the `*` the rules saw). */
  unmask(text: string): string;
}

/**
 * The embedded policy at `offset` of a host document already read (one parse per document
 * version: service.ts), with a cursor for the policy services. `undefined`: the document is no
 * template (use the policy services as they are); `null`: a template, but no policy at the offset
 * (answer nothing).
 */
export function embeddedIn(host: HostDocument, offset: number): EmbeddedCursor | null | undefined {
  const text = host.text;
  if (host.kind === 'policy' || host.kind === 'none') return host.kind === 'none' && host.syntax !== 'json' ? null : undefined;
  const policy = policyAt(host, offset);
  if (!policy?.doc.root) return null;
  const node = findNodeAtOffset(policy.doc.root, offset, true);
  const scalar = node && node.type === 'string' && !node.children ? node : undefined;
  const isKey = !!scalar && scalar.parent?.type === 'property' && scalar.parent.children?.[0] === scalar;
  const path = scalar ? getNodePath(scalar) : [];
  const start = scalar?.offset ?? offset;
  const contentStart = (scalar as { contentStart?: number } | undefined)?.contentStart;
  const typed = scalar && contentStart !== undefined ? text.slice(contentStart, Math.max(contentStart, offset)) : String(scalar?.value ?? '');
  const location: Location = {
    path,
    isAtPropertyKey: isKey,
    previousNode: scalar,
    matches: () => false,
  };
  const cursor: Cursor = {
    text,
    offset,
    location,
    token: scalar ? { start, end: start + scalar.length, unterminated: false } : undefined,
    range: scalar ? { start, end: start + scalar.length } : { start: offset, end: offset },
    typed,
    colonFollows: true,
  };
  const masks = scalar ? host.masks.filter((m) => m.range.start >= scalar.offset && m.range.end <= scalar.offset + scalar.length).sort((a, b) => b.masked.length - a.masked.length) : [];
  const unmask = (shown: string) => {
    let out = shown;
    for (const m of masks) {
      const at = out.indexOf(m.masked);
      if (at >= 0) out = out.slice(0, at) + m.original + out.slice(at + m.masked.length);
    }
    return out;
  };
  return { doc: policy.doc, cursor, node: scalar, unmask };
}
