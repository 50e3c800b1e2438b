// Where Amazon Connect runs, and its instance ARNs
// (arn:<partition>:connect:<Region>:<account>:instance/<instance ID>[/<path>]): the one reading of
// them for the rules, the policy context, the value facts and the client's insert commands, so
// that "Insert policy" accepts exactly the instance ARNs the rules accept.
//
// The Regions are the Connect table's (CONNECT_REGIONS in table.ts, from the endpoints page); the
// partitions are the partitions of those Regions (reference/regions.ts): aws and aws-us-gov, never
// aws-cn.
import { parseArn } from '../reference/arn';
import { orList } from '../reference/suggest';
import { isPartition, Partition, regionPartition } from '../reference/regions';
import { CONNECT_REGIONS } from './table';

export { CONNECT_REGIONS };

/** Connect instance IDs are UUIDs (`a1b2c3d4-5678-90ab-cdef-111122223333`). */
const INSTANCE_ID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export function isInstanceId(text: string): boolean {
  return INSTANCE_ID.test(text);
}

/** The partitions Amazon Connect runs in: those of its Regions. */
export const CONNECT_PARTITIONS: readonly Partition[] = [...new Set(CONNECT_REGIONS.map((r) => regionPartition(r)!))];

export function isConnectRegion(region: string): boolean {
  return CONNECT_REGIONS.includes(region);
}

/** Is the value a known partition Connect does not run in (`aws-cn`)? */
export function isPartitionWithoutConnect(partition: string): boolean {
  return isPartition(partition) && !CONNECT_PARTITIONS.includes(partition);
}

const PREFIX = 'instance/';

/** `instance/<id>` at the start of a Connect ARN's resource part: the ID with its offsets in the
 *  resource text, and what follows it (`/queue/…`, or ''). A policy variable stays whole inside
 *  the ID (`${aws:PrincipalTag/instance}` holds a `/` that ends nothing). Undefined when the
 *  resource part does not start with `instance/`. */
export function instancePath(resource: string): { id: string; start: number; end: number; rest: string } | undefined {
  if (!resource.startsWith(PREFIX)) return undefined;
  let end = PREFIX.length;
  while (end < resource.length && resource[end] !== '/') {
    if (resource.startsWith('${', end)) {
      const close = resource.indexOf('}', end + 2);
      end = close < 0 ? resource.length : close + 1;
    } else end++;
  }
  return { id: resource.slice(PREFIX.length, end), start: PREFIX.length, end, rest: resource.slice(end) };
}

export interface InstanceArnFields {
  partition: string;
  region: string;
  account: string;
  instanceId: string;
}

const EXAMPLE = 'arn:aws:connect:us-east-1:111122223333:instance/<instance ID>';

/** Read an instance ARN a person typed: its fields, or a plain-text message naming the wrong
 *  part (an instance in a partition or Region without Connect included). */
export function readInstanceArn(text: string): InstanceArnFields | { error: string } {
  const arn = parseArn(text);
  if (!arn) return { error: `An instance ARN has six colon-separated fields, as in ${EXAMPLE}.` };
  const [partition, service, region, account, resource] = [arn.partition, arn.service, arn.region, arn.account, arn.resource].map((f) => f.value);
  if (service !== 'connect') return { error: `This is an ARN of "${service}", not of an Amazon Connect instance (service "connect").` };
  if (!isPartition(partition)) return { error: `Unknown partition "${partition}": Amazon Connect runs in ${orList([...CONNECT_PARTITIONS], 'and')}.` };
  if (!CONNECT_PARTITIONS.includes(partition)) {
    return { error: `Amazon Connect does not run in the ${partition} partition${partition === 'aws-cn' ? ' (China)' : ''}. Give the ARN of an instance in ${orList([...CONNECT_PARTITIONS])}.` };
  }
  const home = regionPartition(region);
  if (!home) return { error: `"${region}" is not a Region code such as us-east-1.` };
  if (home !== partition) return { error: `${region} is in the ${home} partition, so its ARNs start with arn:${home}: rather than arn:${partition}:.` };
  if (!isConnectRegion(region)) {
    return { error: `Amazon Connect does not run in ${region}. Give the ARN of an instance in a Region where it runs, such as ${CONNECT_REGIONS.slice(0, 3).join(', ')}.` };
  }
  if (!/^\d{12}$/.test(account)) return { error: `The account ID must be 12 digits; "${account}" is not.` };
  const path = instancePath(resource);
  if (!path) return { error: `The resource part must be instance/<instance ID>; "${resource}" is not.` };
  if (path.rest) return { error: `This ARN points inside the instance (${path.rest.slice(1)}): give the instance ARN, which ends in instance/${path.id}.` };
  if (!isInstanceId(path.id)) return { error: `The instance ID must be a UUID such as 6a1b2c3d-1234-4abc-9def-0123456789ab; "${path.id}" is not.` };
  return { partition, region, account, instanceId: path.id };
}
