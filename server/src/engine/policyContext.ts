// What the policy itself says about where it runs: the partition, account, Region and Connect
// instance most of its ARNs name. Fixes use it to build ARNs and statements with the user's own
// values, falling back to placeholders only where the policy says nothing.
import { statementPart } from './incremental/statementCache';
import { detach } from './memo';
import { PolicyDocument, Statement } from './parse/policyModel';
import { arnItems } from './reference/arn';
import { isPartition, regionPartition } from './reference/regions';
import { instancePath, isInstanceId } from './connect/instanceArn';
import { ObjectCache } from './objectCache';

export interface PolicyContext {
  partition?: string;
  account?: string;
  region?: string;
  /** The Connect instance ID of the first concrete instance ARN. */
  instanceId?: string;
}

const cache = new ObjectCache<PolicyDocument, PolicyContext>();

/** The value seen most often, the first to reach that count on a tie: counted as the values come
 *  (no list of every ARN's values is built). */
class MostCommon {
  private readonly counts = new Map<string, number>();
  best: string | undefined;
  private bestCount = 0;

  add(values: readonly string[]): void {
    for (const v of values) {
      const c = (this.counts.get(v) ?? 0) + 1;
      this.counts.set(v, c);
      if (c > this.bestCount) [this.best, this.bestCount] = [v, c];
    }
  }
}

export function policyContext(doc: PolicyDocument): PolicyContext {
  let ctx = cache.get(doc);
  if (ctx) return ctx;
  const partitions = new MostCommon();
  const accounts = new MostCommon();
  const regions = new MostCommon();
  let instanceId: string | undefined;
  for (const s of doc.statements) {
    // Memoised by the statement's text: an edit re-reads the edited statement's ARNs only.
    const values = statementPart(doc, s, 'policy-context', contextValues);
    partitions.add(values.partitions);
    accounts.add(values.accounts);
    regions.add(values.regions);
    instanceId ??= values.instanceId;
  }
  ctx = { partition: partitions.best, account: accounts.best, region: regions.best, instanceId };
  cache.set(doc, ctx);
  return ctx;
}

interface ContextValues {
  partitions: string[];
  accounts: string[];
  regions: string[];
  instanceId?: string;
}

/** The real values one statement's ARNs name, in order (copies: they outlive the document). */
function contextValues(s: Statement): ContextValues {
  const out: ContextValues = { partitions: [], accounts: [], regions: [] };
  for (const { arn } of arnItems(s.resources)) {
    // Only values that are real (a known partition and Region, a 12-digit account) are taken:
    // a placeholder such as `region` must never be copied into a fix.
    if (isPartition(arn.partition.value)) out.partitions.push(detach(arn.partition.value));
    if (/^\d{12}$/.test(arn.account.value)) out.accounts.push(detach(arn.account.value));
    if (regionPartition(arn.region.value)) out.regions.push(detach(arn.region.value));
    if (!out.instanceId && arn.service.value === 'connect') {
      const id = instancePath(arn.resource.value)?.id;
      if (id && isInstanceId(id)) out.instanceId = detach(id);
    }
  }
  return out;
}

/** Let `view` (one statement of `doc`, judged alone: incremental/statementCache.ts) see the
 *  context of the whole document, as it would in a whole-document run. */
export function shareContext(view: PolicyDocument, doc: PolicyDocument): void {
  cache.set(view, policyContext(doc));
}
