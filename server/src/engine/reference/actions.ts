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

/** The actions of `service` that the name pattern matches (case-insensitive), cached per pattern:
 *  `ec2:Describe*` is expanded once however many policies use it. */
export function expandActionPattern(service: string, pattern: string): ActionInfo[] {
  return expansionCache.getOrCompute(`${service}:${pattern}`.toLowerCase(), () => {
    const actions = actionsOf(service);
    if (!hasWildcard(pattern)) {
      const one = actions.get(pattern.toLowerCase());
      return one ? [one] : [];
    }
    // The literal stem (`Describe` in `Describe*`) rules out most names before the matcher runs.
    const stem = pattern.split(/[*?]/)[0].toLowerCase();
    const hit: ActionInfo[] = [];
    for (const [lower, a] of actions) if (lower.startsWith(stem) && wildcardMatches(pattern, a.name, true)) hit.push(a);
    return hit;
  });
}
