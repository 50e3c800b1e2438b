// Action strings (`service:Name`, with IAM wildcards) resolved against the reference: where the
// prefix and name are, which actions a pattern stands for. Shared by the reference rules, which
// all need the same resolution of a statement's actions.
import { StringMemo } from '../memo';
import { ActionInfo, actionsOf } from './iamData';
import { hasWildcard } from './arn';
import { wildcardMatches } from './wildcard';

export interface ActionParts {
  service: string;
  name: string;
  /** Index of the colon between prefix and name. */
  colon: number;
}

/** Characters IAM allows: prefixes are letters, digits and hyphens; names add the wildcards. */
const PREFIX_RE = /^[A-Za-z0-9-]+$/;
const NAME_RE = /^[A-Za-z0-9*?-]+$/;

/** Split `service:Name`; undefined when the text is not of that shape (no colon, empty parts,
 *  more than one colon or characters IAM rejects). `*` alone is not split either. */
export function splitAction(text: string): ActionParts | undefined {
  const colon = text.indexOf(':');
  if (colon <= 0 || colon !== text.lastIndexOf(':')) return undefined;
  const service = text.slice(0, colon);
  const name = text.slice(colon + 1);
  if (!PREFIX_RE.test(service.replace(/[*?]/g, 'x')) || !NAME_RE.test(name)) return undefined;
  return { service, name, colon };
}

// Bounded: the managed-policy set alone has ~20k distinct action strings.
const expansionCache = new StringMemo<ActionInfo[]>(100_000);

/** A service's actions sorted by lower-case name, built once per service on first sight. */
const sortedCache = new WeakMap<Map<string, ActionInfo>, Sorted>();

/** Lower-case name, action, position in the reference (results keep the reference's order). */
type Sorted = [string, ActionInfo, number][];

function sortedNames(actions: Map<string, ActionInfo>): Sorted {
  let sorted = sortedCache.get(actions);
  if (!sorted) {
    sorted = [...actions].map(([lower, a], i): Sorted[number] => [lower, a, i]).sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0));
    sortedCache.set(actions, sorted);
  }
  return sorted;
}

/** The first index whose name is not below `key`. */
function lowerBound(sorted: Sorted, key: string): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (sorted[mid][0] < key) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** The actions of `service` that the name pattern matches (case-insensitive), cached per pattern:
 *  `ec2:Describe*` is expanded once however many policies use it. */
export function expandActionPattern(service: string, pattern: string): ActionInfo[] {
  return expansionCache.getOrCompute(`${service}:${pattern}`.toLowerCase(), () => {
    const actions = actionsOf(service);
    if (!hasWildcard(pattern)) {
      const one = actions.get(pattern.toLowerCase());
      return one ? [one] : [];
    }
    // The literal stem (`Describe` in `Describe*`) is a range of the sorted names: only those
    // meet the matcher, not every action of the service (EC2 has about 700).
    const stem = pattern.split(/[*?]/)[0].toLowerCase();
    const sorted = sortedNames(actions);
    const found: Sorted = [];
    // `Describe*` (the common shape: a stem, then one `*`) matches the whole range: no matcher.
    const wholeRange = pattern.length === stem.length + 1 && pattern.endsWith('*');
    for (let i = lowerBound(sorted, stem); i < sorted.length && sorted[i][0].startsWith(stem); i++) {
      if (wholeRange || wildcardMatches(pattern, sorted[i][1].name, true)) found.push(sorted[i]);
    }
    return found.sort((a, b) => a[2] - b[2]).map((e) => e[1]);
  });
}
