// The curated Amazon Connect knowledge, in one place for the rules, hover, completion, the
// language server and the docs generator: the resources companion permissions apply to
// (resources.ts), what each Connect action needs besides its own permission (dependencies.ts,
// which names the source of every need) and the enumerated condition keys (enumKeys.ts). This
// module adds the views several modules share; keep names and shapes stable.
import { dependencyRow, Need } from './dependencies';
import { STORAGE_TYPES, StorageKind, StorageTypeInfo } from './enumKeys';
import { ResourceKind } from './resources';

export * from './dependencies';
export * from './enumKeys';
export * from './resources';

/** One permission: an action on a resource. */
export interface Companion {
  action: string;
  resource: ResourceKind;
}

/** The companions of some needs, one per action. */
export function companionsOf(needs: readonly Need[]): Companion[] {
  return needs.flatMap((n) => n.actions.map((action) => ({ action, resource: n.on })));
}

export interface StorageKindInfo {
  label: string;
  /** What the caller needs for Connect to accept the storage (required needs of the kind). */
  companions: readonly Companion[];
}

/** The storage kinds as AssociateInstanceStorageConfig's row has them. */
export const STORAGE_KINDS: Readonly<Record<StorageKind, StorageKindInfo>> = Object.fromEntries(
  (dependencyRow('connect:AssociateInstanceStorageConfig')?.choice?.options ?? []).map((o) =>
    [o.id, { label: o.label, companions: companionsOf(o.needs.filter((n) => n.level === 'required')) }]),
) as unknown as Record<StorageKind, StorageKindInfo>;

/** Actions that support `connect:StorageResourceType` (reference; not ListInstanceStorageConfigs). */
export const STORAGE_TYPE_ACTIONS: readonly string[] = [
  'connect:AssociateInstanceStorageConfig',
  'connect:UpdateInstanceStorageConfig',
  'connect:DisassociateInstanceStorageConfig',
  'connect:DescribeInstanceStorageConfig',
];

/** The storage-config actions that point Connect at a bucket or stream. [seed] Examples 1 and 3 */
export const STORAGE_ASSOCIATING_ACTIONS: readonly string[] = ['connect:AssociateInstanceStorageConfig', 'connect:UpdateInstanceStorageConfig'];

/** Regions where Amazon Connect runs (the endpoints page), and ap-northeast-3 (Osaka), where
 *  Connect Global Resiliency places replicas of Tokyo instances (connect-facts.md). None in
 *  China (`aws-cn`). */
export const CONNECT_REGIONS: readonly string[] = [
  'us-east-1', 'us-west-2', 'af-south-1', 'ap-northeast-1', 'ap-northeast-2', 'ap-northeast-3', 'ap-southeast-1',
  'ap-southeast-2', 'ca-central-1', 'eu-central-1', 'eu-west-2', 'us-gov-west-1',
];

// ---- Lookups ----

const byValue = new Map(STORAGE_TYPES.map((t) => [t.value, t]));

/** All 13 `connect:StorageResourceType` values. */
export const storageTypes: readonly string[] = STORAGE_TYPES.map((t) => t.value);

/** The row of a storage type (exact, case-sensitive), or undefined. */
export function storageTypeInfo(value: string): StorageTypeInfo | undefined {
  return byValue.get(value);
}
