// What the insert commands ask for: the Amazon Connect instance ARN (or only an instance ID, or
// nothing), turned into template field values, and the Regions offered when there is no ARN.
// Pure, so it is tested without an editor. The facts (which partitions and Regions Connect runs
// in, what an instance ARN looks like) are the engine's (connect/instanceArn.ts), so the commands
// accept exactly the instances the rules accept.
import { CONNECT_REGIONS, isInstanceId, readInstanceArn, regionLabel, regionPartition } from '../../server/src/engine';
import { FieldValues } from './templates';

/** The Region quick pick: every Region where Amazon Connect runs, named ("US East (N. Virginia)
 *  us-east-1"). */
export function regionChoices(): { label: string; code: string }[] {
  return CONNECT_REGIONS.map((code) => ({ label: regionLabel(code), code }));
}

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
  if (isInstanceId(text)) return { kind: 'instanceId', values: { instanceId: text } };
  if (!text.startsWith('arn:')) {
    return { kind: 'error', message: 'Enter an instance ARN (arn:aws:connect:<Region>:<account>:instance/<instance ID>), an instance ID, or nothing.' };
  }
  const read = readInstanceArn(text);
  if ('error' in read) return { kind: 'error', message: read.error };
  return { kind: 'arn', values: { ...read } };
}
