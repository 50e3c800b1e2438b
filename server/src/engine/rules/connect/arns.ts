// Amazon Connect ARNs: the words of the resource path (Connect's are odd: a user is `agent/`, a
// quick connect `transfer-destination/`), instance IDs, and Regions or partitions where Connect
// does not run. The valid words come from the reference's Connect resource-type ARN formats.
import { PolicyDocument, Statement, subRange, ValueItem } from '../../parse/policyModel';
import { arnItems, hasPolicyVariable, hasWildcard, ParsedArn, parseArn } from '../../reference/arn';
import { closestMatch } from '../../reference/closest';
import { resourceTypesOf } from '../../reference/iamData';
import { isPathPlaceholder, templatePlaceholders } from '../../reference/placeholders';
import { regionPartition } from '../../reference/regions';
import { spanSuggestion } from '../../fixes/edits';
import { Rule } from '../rule';
import { CONNECT_REGIONS } from '../../connect/table';
import { isConnectRegion, isInstanceId, isPartitionWithoutConnect } from '../../connect/instanceArn';
import { variableSpans } from '../../reference/variables';

interface PathWords {
  /** First words (`instance`, `phone-number`, …). */
  top: Set<string>;
  /** Words under an instance (`queue`, `agent`, `transfer-destination`, …). */
  inner: Set<string>;
  /** What people write → the word the ARN uses, from the resource-type names (`user` → `agent`). */
  aliases: Map<string, string>;
}

let words: PathWords | undefined;

/** Built once from the reference: a format `…:instance/${InstanceId}/agent/${UserId}` of the
 *  resource type `user` gives the inner word `agent` and the alias `user` → `agent`. */
function pathWords(): PathWords {
  if (words) return words;
  const top = new Set<string>();
  const inner = new Set<string>();
  const aliases = new Map<string, string>();
  for (const rt of resourceTypesOf('connect').values()) {
    const arn = parseArn(rt.arn);
    if (!arn || arn.service.value !== 'connect') continue;
    const segments = arn.resource.value.split('/');
    top.add(segments[0]);
    const word = segments[0] === 'instance' && segments.length > 2 ? segments[2] : segments[0];
    if (word !== segments[0]) inner.add(word);
    const name = rt.key.replace(/^(wildcard|qualified|legacy|customer-managed|aws-managed)-/, '');
    if (name !== word) aliases.set(name, word);
  }
  words = { top, inner, aliases };
  return words;
}

/** The word meant: an alias (`user` → `agent`), a plural (`instances`, `queues`), a near miss. */
function suggestWord(word: string, valid: Set<string>): string | undefined {
  const { aliases } = pathWords();
  const lower = word.toLowerCase();
  for (const w of [lower, lower.replace(/s$/, '')]) {
    if (valid.has(w)) return w;
    const alias = aliases.get(w);
    if (alias && valid.has(alias)) return alias;
  }
  return closestMatch(word, valid);
}

/** A path segment the rules must not judge. */
const open = (segment: string) => segment === '' || hasWildcard(segment) || hasPolicyVariable(segment) || templatePlaceholders(segment).length > 0
  || segment.includes(MASK);

/** Stands for the characters of a policy variable: `${aws:PrincipalTag/team}` holds a `/` that
 *  is not a path separator, and a variable may stand for any segment (or several). */
const MASK = '\u0000';

/** The resource path split into segments, policy variables kept whole (masked, same length, so
 *  offsets stay right). */
function segmentsOf(resource: string): string[] {
  let masked = resource;
  for (const v of variableSpans(resource)) masked = masked.slice(0, v.start) + MASK.repeat(v.end - v.start) + masked.slice(v.end);
  return masked.split('/');
}

function* connectArns(doc: PolicyDocument): Generator<{ item: ValueItem; arn: ParsedArn; s: Statement }> {
  for (const s of doc.statements) {
    for (const x of arnItems(s.resources)) if (x.arn.service.value === 'connect') yield { ...x, s };
  }
}

/** Words under an instance that the reference's resource types lack but the Connect
 *  documentation uses for one action: the admin guide's SAML set-up scopes
 *  connect:GetFederationToken to instance/<id>/user/${aws:userid} (Configure SAML with IAM for
 *  Amazon Connect; Troubleshoot SAML). */
const DOCUMENTED_INNER_WORDS: Readonly<Record<string, readonly string[]>> = { 'connect:getfederationtoken': ['user'] };

function documentedInnerWords(s: Statement): Set<string> {
  const out = new Set<string>();
  if (s.isNotAction) return out;
  for (const a of s.actions) if (typeof a.value === 'string') for (const w of DOCUMENTED_INNER_WORDS[a.value.toLowerCase()] ?? []) out.add(w);
  return out;
}

export const connectArnResourceWord: Rule = {
  id: 'connect-arn-resource-word',
  scope: 'statement',
  defaultSeverity: 'error',
  category: 'connect',
  title: 'A word of an Amazon Connect ARN\'s resource path is not one Connect uses (e.g. user/ for agent/).',
  fix: { summary: 'change to the resource word Connect\'s ARNs use', safe: false },
  check({ doc, report }) {
    const { top, inner } = pathWords();
    for (const { item, arn, s } of connectArns(doc)) {
      const segments = segmentsOf(arn.resource.value);
      // [index of the word to check, the words valid there]
      const checks: [number, Set<string>][] = [[0, top]];
      if (segments[0] === 'instance' && segments.length > 2) checks.push([2, inner]);
      const documented = documentedInnerWords(s);
      for (const [i, valid] of checks) {
        const word = segments[i];
        if (open(word) || valid.has(word) || (i === 2 && documented.has(word))) continue;
        const start = arn.resource.start + segments.slice(0, i).reduce((n, seg) => n + seg.length + 1, 0);
        const end = start + word.length;
        const near = suggestWord(word, valid);
        report({
          message: `Amazon Connect ARNs have no ${word}/ ${i === 0 ? 'resource' : 'path under an instance'}, so this ARN matches nothing.${near ? ` Connect writes ${near}/.` : ''}`,
          ...spanSuggestion(item, start, end, near, (v) => `Change ${word} to ${v}`),
        });
        break; // a wrong first word makes the rest meaningless
      }
    }
  },
};

export const connectInstanceIdFormat: Rule = {
  id: 'connect-instance-id-format',
  scope: 'statement',
  defaultSeverity: 'information',
  category: 'connect',
  title: 'An Amazon Connect instance ID in an ARN is not a UUID.',
  check({ doc, report }) {
    for (const { item, arn } of connectArns(doc)) {
      const segments = segmentsOf(arn.resource.value);
      const id = segments[1];
      if (segments[0] !== 'instance' || id === undefined || open(id) || isPathPlaceholder(id) || isInstanceId(id)) continue;
      const start = arn.resource.start + 'instance/'.length;
      report({
        message: `${id} does not look like an Amazon Connect instance ID, so this ARN probably matches no instance. Instance IDs are UUIDs such as a1b2c3d4-5678-90ab-cdef-111122223333: copy the ID from the instance ARN shown in the Connect console.`,
        range: subRange(item, start, start + id.length),
      });
    }
  },
};

export const connectRegionUnavailable: Rule = {
  id: 'connect-region-unavailable',
  scope: 'statement',
  defaultSeverity: 'warning',
  category: 'connect',
  title: 'An Amazon Connect ARN names a Region or partition where Amazon Connect does not run.',
  check({ doc, report }) {
    for (const { item, arn } of connectArns(doc)) {
      if (isPartitionWithoutConnect(arn.partition.value)) {
        report({
          message: `Amazon Connect is not available in ${arn.partition.value === 'aws-cn' ? 'China (aws-cn)' : `the ${arn.partition.value} partition`}, so no Connect resource has this ARN. Use the partition of the Region your instance is in (aws or aws-us-gov).`,
          range: subRange(item, arn.partition.start, arn.partition.end),
        });
        continue;
      }
      const region = arn.region.value;
      // Unknown codes are the Region rule's; patterns may match a Connect Region.
      if (hasWildcard(region) || !regionPartition(region) || isConnectRegion(region)) continue;
      report({
        message: `Amazon Connect does not run in ${region}, so no instance has this ARN. Use the Region of your instance (Connect runs in ${CONNECT_REGIONS.slice(0, 4).join(', ')} and ${CONNECT_REGIONS.length - 4} more).`,
        range: subRange(item, arn.region.start, arn.region.end),
      });
    }
  },
};

export const arnRules: Rule[] = [connectArnResourceWord, connectInstanceIdFormat, connectRegionUnavailable];
