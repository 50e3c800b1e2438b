// Which resource types a policy ARN can name, and what the reference's ARN formats say about
// the Region and account fields of a service's ARNs. Everything is derived from the resource-type
// ARN formats (`arn:${Partition}:s3:::${BucketName}`), never from a hand-written list.
import { PairMemo } from '../memo';
import { ActionInfo, allResourceTypeFormats, dataVersion, ResourceTypeInfo, resourceTypeFormats, serviceKeys } from './iamData';
// Imported so the bundler inlines it (about 10 KB): see scripts/arnServiceIndex.ts.
import storedArnServices from './data/arn-services.json';
import { hasWildcard, ParsedArn, parseArn } from './arn';
import { patternMatchesFormat, patternMatchesFormatOnce, wildcardMatches } from './wildcard';

/** Policy variables (`${aws:username}`) stand for any text at request time: match them as `*`. */
export function variablesAsWildcards(resource: string): string {
  return resource.replace(/\$\{[^}]*\}/g, '*');
}

/** Can the policy resource (wildcards and variables allowed) name a resource of this type?
 *  Policy variables are read as such by the matcher (`resourcePatternTokens`). */
export function resourceMatchesType(resource: string, type: ResourceTypeInfo): boolean {
  return patternMatchesFormat(resource, type.arn);
}

/**
 * Prefixes that two API versions share (ELB classic and v2, SES v1 and v2, Lex V1 and V2, Kinesis
 * Data Analytics v1 and v2, API Gateway management v1 and v2: `apigateway:GET` lists the REST API
 * types only, not v2's `/apis`). The reference has a page for each version; the data merges them and
 * keeps one definition per action name, so an action in both versions (ELB's `AddTags`) lists
 * only one version's resource types. For these prefixes an action with resource types is taken to
 * apply to every resource type of the prefix: that can only silence a finding, never invent one.
 */
const MERGED_VERSION_PREFIXES = new Set(['elasticloadbalancing', 'ses', 'lex', 'kinesisanalytics', 'apigateway']);

/** Per action (the reference's objects live as long as the process): the rules ask for an
 *  action's types in statement after statement, and each answer read the service's formats
 *  again, lower-casing the service and the type keys each time. */
const typesByAction = new WeakMap<ActionInfo, readonly ResourceTypeInfo[]>();

/** The resource types an action can be authorized on (empty: the action needs `"Resource": "*"`),
 *  one entry per ARN format: a type with two formats appears twice, each with one format.
 *  Shared between callers: read-only. */
export function actionResourceTypes(action: ActionInfo): readonly ResourceTypeInfo[] {
  let types = typesByAction.get(action);
  if (!types) {
    types = resourceTypesOfAction(action);
    typesByAction.set(action, types);
  }
  return types;
}

function resourceTypesOfAction(action: ActionInfo): ResourceTypeInfo[] {
  if (MERGED_VERSION_PREFIXES.has(action.service) && action.resourceTypes.length > 0) return [...allResourceTypeFormats(action.service)];
  const out: ResourceTypeInfo[] = [];
  for (const rt of action.resourceTypes) if (rt.name) out.push(...resourceTypeFormats(action.service, rt.name));
  return out;
}

/**
 * Might a policy resource authorize an action that has no resource types? The documented way is
 * `"Resource": "*"`, but AWS's own managed policies also use service-wide patterns
 * (`arn:aws:s3:::*` for `s3:ListAllMyBuckets`), so an ARN of the action's service with a
 * wildcard in its resource part gets the benefit of the doubt.
 */
export function wildcardOnlyMayAccept(action: ActionInfo, resource: string): boolean {
  const opening = wildcardOpening(resource);
  return opening === true || (opening !== undefined && wildcardMatches(opening, action.service, true));
}

/** What `wildcardOnlyMayAccept` reads of a resource: true when it is only wildcards (it accepts
 *  every such action), else the service field of an ARN with a wildcard in its resource part (it
 *  accepts the actions of the services that field matches), else undefined (it accepts none). It
 *  depends on the resource alone, so a statement's resources can be read once for all actions. */
export function wildcardOpening(resource: string): true | string | undefined {
  if (/^[*]+$/.test(resource)) return true;
  const arn = parseArn(variablesAsWildcards(resource));
  return arn && hasWildcard(arn.resource.value) ? arn.service.value : undefined;
}

/** Does a policy resource match any resource type of the action (or, for an action without
 *  resource types, might it authorize it)? */
export function actionAppliesTo(action: ActionInfo, resource: string): boolean {
  const types = actionResourceTypes(action);
  if (!types.length) return wildcardOnlyMayAccept(action, resource);
  return types.some((rt) => resourceMatchesType(resource, rt));
}

/** How a field of a service's ARNs is used across all its formats. */
export type FieldUse = 'always' | 'never' | 'mixed';

export interface ArnServiceProfile {
  /** The formats whose service field is this service (from any service's resource types). */
  formats: string[];
  parsed: ParsedArn[];
  region: FieldUse;
  account: FieldUse;
}

function use(values: boolean[]): FieldUse {
  if (values.every((v) => v)) return 'always';
  return values.some((v) => v) ? 'mixed' : 'never';
}

/** The literal ARN service field of a format, or undefined for a variable one (`${Vendor}`),
 *  which says nothing about one service, or a format that does not parse. */
function literalServiceField(format: string): string | undefined {
  const arn = parseArn(format);
  return arn && !arn.service.value.includes('${') ? arn.service.value : undefined;
}

/**
 * ARN service field → the services whose resource types have formats with that field (a format's
 * service field is not always its own service: `kafka-cluster` uses `kafka`), both in the
 * reference's order. Reads every service's resource types: scripts/arnServiceIndex.ts stores the
 * result (data/arn-services.json), so that the engine does not have to.
 */
export function computeArnServiceIndex(): Map<string, string[]> {
  const index = new Map<string, string[]>();
  for (const service of serviceKeys()) {
    for (const rt of allResourceTypeFormats(service)) {
      const field = literalServiceField(rt.arn);
      if (field === undefined) continue;
      const list = index.get(field);
      if (!list) index.set(field, [service]);
      else if (list[list.length - 1] !== service) list.push(service);
    }
  }
  return index;
}

let arnIndex: Map<string, string[]> | undefined;

/** The stored index when it was made from the data in use (else computed: an updated data package
 *  without a regenerated file costs time, never a wrong answer). */
function arnServiceIndex(): Map<string, string[]> {
  if (!arnIndex) {
    const stored = storedArnServices as { version: string; fields: Record<string, string[]> };
    arnIndex = stored.version === dataVersion().version ? new Map(Object.entries(stored.fields)) : computeArnServiceIndex();
  }
  return arnIndex;
}

const profiles = new Map<string, ArnServiceProfile | undefined>();

/** The profile of one ARN service field, from the resource types of the services that use it. */
function profileOf(field: string): ArnServiceProfile | undefined {
  if (profiles.has(field)) return profiles.get(field);
  const services = arnServiceIndex().get(field);
  let profile: ArnServiceProfile | undefined;
  if (services) {
    const formats = services.flatMap((service) => allResourceTypeFormats(service).filter((rt) => literalServiceField(rt.arn) === field).map((rt) => rt.arn));
    const parsed = formats.map((f) => parseArn(f)!);
    profile = {
      formats,
      parsed,
      region: use(parsed.map((p) => p.region.value !== '')),
      account: use(parsed.map((p) => p.account.value !== '')),
    };
  }
  // Bounded: only fields of the index are kept (a policy may name any number of unknown ones).
  if (services) profiles.set(field, profile);
  return profile;
}

/** What the reference knows about ARNs whose service field is `service` (case-sensitive, as
 *  ARNs are), or undefined when no resource type uses it. */
export function arnServiceProfile(service: string): ArnServiceProfile | undefined {
  return profileOf(service);
}

/** Both fields' uses for one (service field, resource part): the formats that fit are the same
 *  for the Region and the account, so they are found once for both. */
interface FieldUses {
  region: FieldUse;
  account: FieldUse;
}

const useCache = new PairMemo<FieldUses | undefined>(100_000);

/** How the formats a policy ARN can be (same service field, resource part compatible) use its
 *  Region or account field; the whole service's use when no format's resource part fits (the
 *  coverage rules report such ARNs). Undefined for a service field the reference does not use. */
export function arnFieldUse(arn: ParsedArn, field: 'region' | 'account'): FieldUse | undefined {
  // Keyed by the parsed ARN's own field strings (parseArn is memoised): no key string to build.
  return useCache.getOrCompute(arn.service.value, arn.resource.value, fieldUses)?.[field];
}

function fieldUses(service: string, resource: string): FieldUses | undefined {
  const profile = arnServiceProfile(service);
  if (!profile) return undefined;
  // Memoised above: each pair is asked once, without the pair memo.
  const fitting = profile.parsed.filter((f) => patternMatchesFormatOnce(resource, f.resource.value));
  if (!fitting.length) return { region: profile.region, account: profile.account };
  return { region: use(fitting.map((f) => f.region.value !== '')), account: use(fitting.map((f) => f.account.value !== '')) };
}

/** Every service field the reference's ARN formats use. */
export function arnServices(): string[] {
  return [...arnServiceIndex().keys()];
}

/** A field that is not one literal string: a wildcard or a policy variable. */
const isOpenField = (value: string) => hasWildcard(value) || value.includes('${');

/**
 * The ARN service field that every format a policy resource can match must have, literally
 * (ARNs compare case-sensitively), or undefined when it may match formats of any service: not an
 * ARN, a wildcard or variable in the service field, or a partition field ending in `*` (such a
 * `*` spans colons, see wildcard.ts, so it could swallow the service field).
 */
export function resourceServiceField(resource: string): string | undefined {
  const arn = parseArn(resource);
  if (!arn || isOpenField(arn.service.value) || arn.partition.value.endsWith('*')) return undefined;
  return arn.service.value;
}

const formatFields = new Map<string, string | null>();

/** The literal service field of a reference ARN format, or undefined when it is a variable
 *  (`${Vendor}`) or the format does not parse: such a format may meet any resource. */
export function formatServiceField(format: string): string | undefined {
  let hit = formatFields.get(format);
  if (hit === undefined) {
    const arn = parseArn(format);
    hit = arn && !isOpenField(arn.service.value) ? arn.service.value : null;
    formatFields.set(format, hit);
  }
  return hit ?? undefined;
}

/**
 * Items grouped by an ARN service field, so a question about one ARN meets only the items of its
 * service (a policy resource can only match formats with the same literal service field): what
 * keeps "many actions × many resources" in one statement linear. Items without a field (`open`)
 * are candidates for every question; a question without a field gets every item.
 */
export class ByArnService<T> {
  private readonly groups = new Map<string, T[]>();
  private readonly open: T[] = [];
  private readonly merged = new Map<string, T[]>();
  constructor(private readonly all: T[], fieldOf: (item: T) => string | undefined) {
    for (const item of all) {
      const field = fieldOf(item);
      if (field === undefined) this.open.push(item);
      else {
        const list = this.groups.get(field);
        if (list) list.push(item);
        else this.groups.set(field, [item]);
      }
    }
  }

  /** The items that may meet something whose service field is `field`. */
  candidates(field: string | undefined): T[] {
    if (field === undefined) return this.all;
    const own = this.groups.get(field);
    if (!own) return this.open;
    if (!this.open.length) return own;
    let both = this.merged.get(field);
    if (!both) this.merged.set(field, (both = [...own, ...this.open]));
    return both;
  }
}
