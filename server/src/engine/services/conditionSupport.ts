// Which condition keys an action supports, for hovers ("which of the statement's actions support
// this key") and completion (keys relevant to the statement first). Same notion as the
// condition-key rules: the action's own keys plus those of its resource types.
import { ActionInfo, resourceTypesOf } from '../reference/iamData';

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

/** Does the action support `key` (given as written, or as the reference spells it)? */
export function actionSupports(action: ActionInfo, ...keys: string[]): boolean {
  const map = supportedKeys(action);
  return keys.some((k) => map.has(k.toLowerCase()));
}
