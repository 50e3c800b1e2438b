// What the insert commands ask for: the Amazon Connect instance ARN (or only an instance ID, or
// nothing), turned into template field values. Pure, so it is tested without an editor.
import { CONNECT_REGIONS, regionPartition } from '../../server/src/engine';
import { FieldValues } from './templates';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const PARTITIONS = ['aws', 'aws-us-gov', 'aws-cn'];

/** Regions where Amazon Connect runs, for the Region quick pick (one list: the Connect table). */
export { CONNECT_REGIONS };

export function partitionOfRegion(region: string): string {
  return regionPartition(region) ?? 'aws';
}

export type InstanceInput =
  | { kind: 'arn'; values: FieldValues }
  | { kind: 'instanceId'; values: FieldValues }
  | { kind: 'empty'; values: FieldValues };

/**
 * Read what the user typed: an instance ARN gives partition, Region, account and instance ID; a
 * bare instance ID gives only itself; an empty answer gives nothing. Returns an error message
 * naming the wrong part otherwise (shown live by the input box).
 */
export function parseInstanceInput(input: string): InstanceInput | { kind: 'error'; message: string } {
  const text = input.trim();
  if (text === '') return { kind: 'empty', values: {} };
  if (UUID.test(text)) return { kind: 'instanceId', values: { instanceId: text } };
  if (!text.startsWith('arn:')) {
    return { kind: 'error', message: 'Enter an instance ARN (arn:aws:connect:<Region>:<account>:instance/<instance ID>), an instance ID, or nothing.' };
  }
  const parts = text.split(':');
  if (parts.length !== 6) {
    return { kind: 'error', message: `An instance ARN has 6 colon-separated fields; this one has ${parts.length}.` };
  }
  const [, partition, service, region, account, resource] = parts;
  if (!PARTITIONS.includes(partition)) return { kind: 'error', message: `Unknown partition "${partition}": use aws, aws-us-gov or aws-cn.` };
  if (service !== 'connect') return { kind: 'error', message: `This is an ARN of "${service}", not of an Amazon Connect instance (service "connect").` };
  if (!/^[a-z]{2}(-gov)?-[a-z]+-\d$/.test(region)) return { kind: 'error', message: `"${region}" is not a Region code such as us-east-1.` };
  if (!/^\d{12}$/.test(account)) return { kind: 'error', message: `The account ID must be 12 digits; "${account}" is not.` };
  const m = /^instance\/([^/]*)(\/.*)?$/.exec(resource);
  if (!m) return { kind: 'error', message: `The resource part must be instance/<instance ID>; "${resource}" is not.` };
  if (m[2]) return { kind: 'error', message: `This ARN points inside the instance (${m[2].slice(1)}): give the instance ARN, which ends in instance/${m[1]}.` };
  if (!UUID.test(m[1])) return { kind: 'error', message: `The instance ID must be a UUID such as 6a1b2c3d-1234-4abc-9def-0123456789ab; "${m[1]}" is not.` };
  return { kind: 'arn', values: { partition, region, account, instanceId: m[1] } };
}
