// The actions of a statement resolved once against the reference and shared by the action,
// coverage and condition-key rules (each would otherwise expand `ec2:*` again).
import { StringMemo } from '../../memo';
import { Statement, ValueItem } from '../../parse/policyModel';
import { ActionParts, expandActionPattern, splitAction } from '../../reference/actions';
import { hasWildcard } from '../../reference/arn';
import { ActionInfo, dataVersion, serviceExists } from '../../reference/iamData';
import { ObjectCache } from '../../objectCache';

export type ActionStatus =
  /** `*`: every action of every service. */
  | 'all'
  /** Not `service:Name` (reported by action-malformed). */
  | 'malformed'
  /** A wildcard in the service prefix: we cannot tell which services it names. */
  | 'prefix-pattern'
  | 'unknown-service'
  /** A name (or pattern) that matches no action in the reference. */
  | 'no-match'
  | 'resolved';

export interface ResolvedAction {
  item: ValueItem;
  text: string;
  parts?: ActionParts;
  status: ActionStatus;
  /** Named without a wildcard (`s3:GetObject`), as opposed to a pattern (`s3:Get*`). */
  explicit: boolean;
  /** The reference actions it stands for (empty unless resolved). */
  actions: ActionInfo[];
}

type Resolution = Omit<ResolvedAction, 'item'>;

/** Resolution depends on the text only, so it is memoised across statements, documents and
 *  re-analyses (an editor re-analyses the same action strings on every keystroke). */
const byText = new StringMemo<Resolution>();

function resolveText(text: string): Resolution {
  const base = { text, explicit: !hasWildcard(text), actions: [] as ActionInfo[] };
  if (text === '*') return { ...base, status: 'all' };
  const parts = splitAction(text);
  if (!parts) return { ...base, status: 'malformed' };
  if (hasWildcard(parts.service)) return { ...base, parts, status: 'prefix-pattern' };
  if (!serviceExists(parts.service)) return { ...base, parts, status: 'unknown-service' };
  const actions = expandActionPattern(parts.service, parts.name);
  return { ...base, parts, actions, status: actions.length ? 'resolved' : 'no-match' };
}

function resolveOne(item: ValueItem): ResolvedAction | undefined {
  if (typeof item.value !== 'string') return undefined;
  const r = byText.getOrCompute(item.value, resolveText);
  // Built field by field, one shape for every action: a spread of resolutions of several shapes
  // took V8's slow path, once per action of every statement.
  return { item, text: r.text, parts: r.parts, status: r.status, explicit: r.explicit, actions: r.actions };
}

const cache = new ObjectCache<Statement, ResolvedAction[]>();

/** The string values of the statement's `Action` (or `NotAction`) element, resolved. */
export function resolvedActions(s: Statement): ResolvedAction[] {
  let out = cache.get(s);
  if (!out) {
    out = s.actions.map(resolveOne).filter((r): r is ResolvedAction => r !== undefined);
    cache.set(s, out);
  }
  return out;
}

/** Does every action of the statement resolve to reference actions? When one does not (unknown
 *  to our data, a prefix pattern, `*`), "no action can …" conclusions are unsafe. */
export function allResolved(actions: ResolvedAction[]): boolean {
  return actions.length > 0 && actions.every((a) => a.status === 'resolved');
}

let date: string | undefined;
/** The date of the reference data, for messages that say a name may be newer than it (read once:
 *  `dataVersion()` reads the package file). */
export function referenceDate(): string {
  date ??= dataVersion().date;
  return date;
}
