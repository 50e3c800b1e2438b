// Messages about template values, with the template's own text written back: a rule judged a
// stand-in ARN or a masked string (intrinsics.ts), and its message should quote what the user
// wrote (`${Bucket}`, `!GetAtt Fn.Arn`), not the stand-in.
//
// A large template has thousands of stand-ins and thousands of findings: each finding looks only at
// the stand-ins and masks near its range (found by binary search in lists sorted by offset), so
// the work grows with the findings, not with findings × stand-ins.
import { Finding, OffsetRange } from '../types';
import type { HostDocument } from './host';
import { ObjectCache } from '../objectCache';

/** How far from a finding a mask may still be what its message quotes. */
const MASK_REACH = 2000;

interface Indexed<T> {
  /** Items sorted by start offset, each with its place in the host's list (which sets the order
   *  replacements are made in). */
  sorted: { item: T; order: number }[];
  /** The longest item's length: no item starting before `from - longest` reaches `from`. */
  longest: number;
  size: number;
}

interface HostIndex {
  standIns: Indexed<HostDocument['standIns'][number]>;
  masks: Indexed<HostDocument['masks'][number]>;
  /** `cfn-<id>` (lower case) → the resource's logical ID. */
  ids: Map<string, string> | undefined;
}

const indexes = new ObjectCache<HostDocument, HostIndex>();

function indexed<T extends { range: OffsetRange }>(items: T[]): Indexed<T> {
  const sorted = items.map((item, order) => ({ item, order })).sort((a, b) => a.item.range.start - b.item.range.start || a.order - b.order);
  let longest = 0;
  for (const { item } of sorted) longest = Math.max(longest, item.range.end - item.range.start);
  return { sorted, longest, size: items.length };
}

function indexOf(host: HostDocument): HostIndex {
  let index = indexes.get(host);
  if (!index || index.standIns.size !== host.standIns.length || index.masks.size !== host.masks.length) {
    index = { standIns: indexed(host.standIns), masks: indexed(host.masks), ids: undefined };
    indexes.set(host, index);
  }
  return index;
}

/** Items whose start lies in [from, to), in the host's order. */
function near<T extends { range: OffsetRange }>(index: Indexed<T>, from: number, to: number): T[] {
  const { sorted } = index;
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (sorted[mid].item.range.start < from) lo = mid + 1;
    else hi = mid;
  }
  const out: { item: T; order: number }[] = [];
  for (let i = lo; i < sorted.length && sorted[i].item.range.start < to; i++) out.push(sorted[i]);
  return out.sort((a, b) => a.order - b.order).map((x) => x.item);
}

/** A finding's message with the template's text in place of stand-ins and masks. */
export function unmaskMessage(host: HostDocument, finding: Finding, message: string): string {
  let out = message;
  const index = indexOf(host);
  const { start, end } = finding.range;
  for (const s of near(index.standIns, start - index.standIns.longest, end)) {
    if (s.range.start < end && start < s.range.end && out.includes(s.value)) out = out.split(s.value).join(s.original);
  }
  // A part of a stand-in ARN (`function:cfn-Fn`): the resource's logical ID instead.
  if (out.includes('cfn-') && host.standIns.length) {
    index.ids ??= new Map([...(host.policies[0]?.doc.embedded?.resourceTypes.keys() ?? [])].map((id) => [`cfn-${id}`.toLowerCase(), id]));
    const ids = index.ids;
    out = out.replace(/cfn-[A-Za-z0-9]+/g, (m) => ids.get(m.toLowerCase()) ?? m);
  }
  if (!out.includes('**') && !out.includes('__')) return out;
  for (const m of near(index.masks, start - MASK_REACH - index.masks.longest, end + MASK_REACH + 1)) {
    if (m.range.end < start - MASK_REACH) continue;
    const run = m.masked;
    const at = out.indexOf(run);
    if (at >= 0 && out[at + run.length] !== run[0] && (at === 0 || out[at - 1] !== run[0])) out = out.slice(0, at) + m.original + out.slice(at + run.length);
  }
  return out;
}
