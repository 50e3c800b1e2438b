// Which condition keys an action supports: the action's own keys plus those of its resource types
// (as listed on the action and on the service's resource type). One computation, cached per
// action, shared by the condition-key rules (is a key supported by the statement's actions), the
// hover ("which of the statement's actions support this key") and completion (keys relevant to
// the statement first), so what the editor suggests and what the rules accept cannot drift apart.
import { ActionInfo, actionsOf, resourceTypesOf } from './iamData';
import { StringMemo } from '../memo';

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

/**
 * Service keys that describe the credentials of the request, not the action: the service adds
 * them to every request signed with credentials it issued, so they apply to every action of every
 * service (the reference lists them on no action). Sources:
 * - ec2:SourceInstanceARN, ec2:RoleDelivery: Amazon EC2 User Guide, "IAM roles for Amazon EC2"
 *   (instance role credentials carry the instance ARN and the metadata service version);
 * - lambda:SourceFunctionArn: AWS Lambda Developer Guide, "Using source function ARN to control
 *   function access behavior" (docs.aws.amazon.com/lambda/latest/dg/permissions-source-function-arn.html);
 * - glue:RoleAssumedBy, glue:CredentialIssuingService: the Service Authorization Reference's AWS
 *   Glue condition keys ("the service from which the credentials of the request is obtained by
 *   assuming the customer role", "… is issued"): Glue jobs and sessions sign every call with them.
 * The reference lists none of these on any action, so keyListedByService alone also covers them;
 * the table says why, and keeps them exempt should the reference list them on a few actions.
 */
const CONTEXT_KEYS: ReadonlySet<string> = new Set([
  'ec2:sourceinstancearn', 'ec2:roledelivery', 'lambda:sourcefunctionarn', 'glue:roleassumedby', 'glue:credentialissuingservice',
]);

export function isContextKey(key: string): boolean {
  return CONTEXT_KEYS.has(key.toLowerCase());
}

/** Per service prefix (as the policy writes it: bounded and copied by the memo). */
const listed = new StringMemo<Set<string>>(10_000);

/** Does some action (or resource type) of the key's own service list the key? When none does,
 *  the reference defines the key without saying where it applies. `key` as the reference spells
 *  it (`ssm:resourceTag/${TagKey}`). */
export function keyListedByService(key: string): boolean {
  const keys = listed.getOrCompute(key.slice(0, key.indexOf(':')).toLowerCase(), (prefix) => {
    const out = new Set<string>();
    for (const a of actionsOf(prefix).values()) for (const k of supportedKeys(a).keys()) out.add(k);
    return out;
  });
  return keys.has(key.toLowerCase());
}
