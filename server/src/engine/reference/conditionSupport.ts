// Which condition keys an action supports: the action's own keys plus those of its resource types
// (as listed on the action and on the service's resource type). One computation, cached per
// action, shared by the condition-key rules (is a key supported by the statement's actions), the
// hover ("which of the statement's actions support this key") and completion (keys relevant to
// the statement first), so what the editor suggests and what the rules accept cannot drift apart.
import { ActionInfo, resourceTypesOf } from './iamData';

const cache = new WeakMap<ActionInfo, Map<string, string>>();

/** Keys the action supports, lower case → as the reference spells them. */
export function supportedKeys(action: ActionInfo): Map<string, string> {
  let map = cache.get(action);
  if (!map) {
    map = new Map();
    const add = (k: string) => map!.set(k.toLowerCase(), k);
    action.conditionKeys.forEach(add);
    const types = resourceTypesOf(action.service);
    for (const rt of action.resourceTypes) {
      rt.conditionKeys.forEach(add);
      types.get(rt.name.toLowerCase())?.conditionKeys.forEach(add);
    }
    cache.set(action, map);
  }
  return map;
}

/** Does the action support any of `keys` (each given as written, or as the reference spells it)? */
export function actionSupports(action: ActionInfo, ...keys: string[]): boolean {
  const map = supportedKeys(action);
  return keys.some((k) => map.has(k.toLowerCase()));
}
