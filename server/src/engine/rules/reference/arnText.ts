// ARNs as messages show them, and whether an ARN already has a field fault of its own.
// Messages are plain text: a reference format such as arn:${Partition}:s3:::${BucketName} is
// shown as an example ARN (arn:aws:s3:::bucket-name), never with its ${…} template fields.
import { hasPolicyVariable, hasWildcard, ParsedArn, parseArn } from '../../reference/arn';
import { isPartition, regionPartition } from '../../reference/regions';
import { arnFieldUse } from '../../reference/resourceMatch';
import { accountMayBeEmpty } from '../../reference/wildcard';

const EXAMPLE_FIELDS: Record<string, string> = { Partition: 'aws', Region: 'us-east-1', Account: '111122223333' };

/** `arn:${Partition}:s3:::${BucketName}/${ObjectName}` → `arn:aws:s3:::bucket-name/object-name`. */
export function exampleArn(format: string, partition = 'aws'): string {
  return format.replace(/\$\{([^}]*)\}/g, (_, name: string) => {
    if (name === 'Partition') return partition;
    return EXAMPLE_FIELDS[name] ?? name.replace(/([a-z0-9])([A-Z])/g, '$1-$2').toLowerCase();
  });
}

const open = (value: string) => hasWildcard(value) || hasPolicyVariable(value);

/** Is the ARN wrong in a field of its own (a Region where the service has none, no Region where
 *  it needs one, an unknown partition or Region)? Then a field rule reports it, and the coverage
 *  rules, which would only repeat that the ARN matches nothing, stay silent on it. */
export function arnFieldFault(arn: ParsedArn): boolean {
  const { partition, region, account } = arn;
  if (!open(partition.value) && !isPartition(partition.value)) return true;
  if (region.value !== '' && !open(region.value) && !regionPartition(region.value)) return true;
  for (const f of [region, account]) {
    const name = f === region ? 'region' : 'account';
    if (f.value !== '' && !open(f.value) && arnFieldUse(arn, name) === 'never') return true;
  }
  if (account.value === '' && arnFieldUse(arn, 'account') === 'always' && !accountMayBeEmpty(arn.service.value)) return true;
  return region.value === '' && arnFieldUse(arn, 'region') === 'always';
}

export function textHasFieldFault(text: string): boolean {
  const arn = parseArn(text);
  return !!arn && arnFieldFault(arn);
}
