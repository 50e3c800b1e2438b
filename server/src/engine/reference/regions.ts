// AWS partitions and Regions, with the partition each Region belongs to. Hand-kept (no package
// ships this offline): reviewed against the public Region list of 2026. A Region launched later
// is reported as unknown until it is added here, so keep the table current.

export const PARTITIONS = ['aws', 'aws-cn', 'aws-us-gov', 'aws-iso', 'aws-iso-b', 'aws-iso-e', 'aws-iso-f', 'aws-eusc'] as const;
export type Partition = (typeof PARTITIONS)[number];

const BY_PARTITION: Record<Partition, string[]> = {
  aws: [
    'us-east-1', 'us-east-2', 'us-west-1', 'us-west-2',
    'af-south-1',
    'ap-east-1', 'ap-east-2',
    'ap-south-1', 'ap-south-2',
    'ap-southeast-1', 'ap-southeast-2', 'ap-southeast-3', 'ap-southeast-4', 'ap-southeast-5', 'ap-southeast-6', 'ap-southeast-7',
    'ap-northeast-1', 'ap-northeast-2', 'ap-northeast-3',
    'ca-central-1', 'ca-west-1',
    'eu-central-1', 'eu-central-2',
    'eu-west-1', 'eu-west-2', 'eu-west-3',
    'eu-south-1', 'eu-south-2',
    'eu-north-1',
    'il-central-1',
    'me-south-1', 'me-central-1',
    'mx-central-1',
    'sa-east-1',
  ],
  'aws-cn': ['cn-north-1', 'cn-northwest-1'],
  'aws-us-gov': ['us-gov-west-1', 'us-gov-east-1'],
  'aws-iso': ['us-iso-east-1', 'us-iso-west-1'],
  'aws-iso-b': ['us-isob-east-1', 'us-isob-west-1'],
  'aws-iso-e': ['eu-isoe-west-1'],
  'aws-iso-f': ['us-isof-south-1', 'us-isof-east-1'],
  'aws-eusc': ['eusc-de-east-1'],
};

const REGION_PARTITION = new Map<string, Partition>();
for (const p of PARTITIONS) for (const r of BY_PARTITION[p]) REGION_PARTITION.set(r, p);

/** Every known Region code. */
export const REGIONS: readonly string[] = [...REGION_PARTITION.keys()];

export function isPartition(value: string): value is Partition {
  return (PARTITIONS as readonly string[]).includes(value);
}

/** The value when it is a partition (e.g. to trust a partition read from a policy), else undefined. */
export function asPartition(value: string | undefined): Partition | undefined {
  return value !== undefined && isPartition(value) ? value : undefined;
}

/** The partition of a known Region code (exact, lower case), or undefined. */
export function regionPartition(region: string): Partition | undefined {
  return REGION_PARTITION.get(region);
}

export function regionsOf(partition: Partition): readonly string[] {
  return BY_PARTITION[partition];
}
