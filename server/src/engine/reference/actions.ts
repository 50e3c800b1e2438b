// Action strings (`service:Name`, with IAM wildcards) resolved against the reference: where the
// prefix and name are, which actions a pattern stands for. Shared by the reference rules, which
// all need the same resolution of a statement's actions.
import { detach } from '../memo';
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

const expansionCache = new Map<string, ActionInfo[]>();

/** The actions of `service` that the name pattern matches (case-insensitive), cached per pattern:
 *  `ec2:Describe*` is expanded once however many policies use it. */
export function expandActionPattern(service: string, pattern: string): ActionInfo[] {
  const key = `${service}:${pattern}`.toLowerCase();
  let hit = expansionCache.get(key);
  if (!hit) {
    const actions = actionsOf(service);
    if (!hasWildcard(pattern)) {
      const one = actions.get(pattern.toLowerCase());
      hit = one ? [one] : [];
    } else {
      // The literal stem (`Describe` in `Describe*`) rules out most names before the matcher runs.
      const stem = pattern.split(/[*?]/)[0].toLowerCase();
      hit = [];
      for (const [lower, a] of actions) if (lower.startsWith(stem) && wildcardMatches(pattern, a.name, true)) hit.push(a);
    }
    if (expansionCache.size > 100_000) expansionCache.clear(); // bounded memory; the managed-policy set alone has ~20k distinct action strings
    expansionCache.set(detach(key), hit); // see memo.ts: never keep the document alive
  }
  return hit;
}
