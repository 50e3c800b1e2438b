// The normalized policies of a YAML template kept from the version before. Every edit of a large
// template read every embedded policy out of the tree again (intrinsics.ts normalize: a quarter
// of a 1 MB template's edit), although the edit changed one resource.
//
// A policy's normalized tree is a function of its node's subtree in the host tree, of the text
// it spans, of the template's resource types (stand-in ARNs of `Fn::GetAtt`) and of whether the
// file is a Serverless one. yamlReuse.ts splices an edited template's tree in place: one entry is
// read again (new nodes), the nodes after it move. So a policy node that is the same object as
// before and ends within the text the two versions share (before the changed span) has the same
// subtree at the same offsets over the same text: its normalized roots are those of the version
// before, and what normalizing it added to the host (masks, stand-ins, masked values) is added
// again in the same order. Anything else, or other resource types, is normalized afresh; a text
// read whole (a new tree) shares no node. test/unit/normalizedReuse.test.ts holds the reused
// hosts to hosts read afresh on edit chains of the fixtures and the benchmark's template.
import { Node } from 'jsonc-parser';
import { Mask, NormalizeContext } from './intrinsics';
import { HostNode } from './yamlTree';
import { PolicyLocation } from './locations';

interface Entry {
  offset: number;
  length: number;
  implied: PolicyLocation['implied'];
  roots: HostNode[];
  standIns: NormalizeContext['standIns'];
  masks: Mask[];
  maskedValues: NormalizeContext['maskedValues'];
}

interface Kept {
  /** The inputs besides the tree: the Serverless flag and the resource types. */
  serverless: boolean;
  types: ReadonlyMap<string, string>;
  entries: Map<Node, Entry>;
}

function sameTypes(a: ReadonlyMap<string, string>, b: ReadonlyMap<string, string>): boolean {
  if (a.size !== b.size) return false;
  for (const [id, type] of a) if (b.get(id) !== type) return false;
  return true;
}

/** As many documents as the YAML trees kept (yamlReuse.ts). */
const MAX_KEPT = 4;

const kept = new Map<string, Kept>();

/** Work counts (tests and the benchmark): policies whose roots were reused, or normalized. */
export const normalizedReuse = { enabled: true, reused: 0, normalized: 0 };

/** Forget every kept document (tests, and with the YAML trees: see clearYamlReuse). */
export function clearNormalizedReuse(): void {
  kept.clear();
}

/** The roots of each location (`rootsOf`, normalizing into `ctx`), reusing the version before's
 *  where the head of this file allows. `shared`: how many characters the text shares with the
 *  version the kept tree was read from (undefined: no such version, nothing is reused). */
export function rootsReusing(
  key: string | undefined,
  shared: number | undefined,
  locations: readonly PolicyLocation[],
  ctx: NormalizeContext,
  rootsOf: (loc: PolicyLocation) => HostNode[],
): HostNode[][] {
  if (key === undefined || !normalizedReuse.enabled) return locations.map(rootsOf);
  const last = kept.get(key);
  const usable = shared !== undefined && last && last.serverless === ctx.serverless && sameTypes(last.types, ctx.resourceTypes) ? last.entries : undefined;
  const entries = new Map<Node, Entry>();
  // A node two locations share (not seen in templates) is normalized for each and kept for none.
  const twice = new Set<Node>();
  const out = locations.map((loc) => {
    const { node } = loc;
    const hit = usable?.get(node);
    if (hit && hit.offset === node.offset && hit.length === node.length && hit.implied === loc.implied && node.offset + node.length <= shared!) {
      normalizedReuse.reused++;
      ctx.standIns.push(...hit.standIns);
      ctx.masks.push(...hit.masks);
      ctx.maskedValues.push(...hit.maskedValues);
      if (entries.has(node)) twice.add(node);
      entries.set(node, hit);
      return hit.roots;
    }
    normalizedReuse.normalized++;
    const from = { standIns: ctx.standIns.length, masks: ctx.masks.length, maskedValues: ctx.maskedValues.length };
    const roots = rootsOf(loc);
    if (entries.has(node)) twice.add(node);
    entries.set(node, {
      offset: node.offset,
      length: node.length,
      implied: loc.implied,
      roots,
      standIns: ctx.standIns.slice(from.standIns),
      masks: ctx.masks.slice(from.masks),
      maskedValues: ctx.maskedValues.slice(from.maskedValues),
    });
    return roots;
  });
  for (const node of twice) entries.delete(node);
  kept.delete(key);
  kept.set(key, { serverless: ctx.serverless, types: ctx.resourceTypes, entries });
  while (kept.size > MAX_KEPT) kept.delete(kept.keys().next().value!);
  return out;
}
