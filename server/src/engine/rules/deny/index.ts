// Explicit Deny: an Allow whose requests a Deny of the same document also matches grants nothing
// for those requests ("A policy with an explicit Deny would override the Allow policy"). Reported
// on the Allow's `Effect` value: it is the one token every statement has (a Sid is optional), and
// it is exactly the word the finding says has no effect; the related location is the Deny's
// `Effect`.
import { Statement } from '../../parse/policyModel';
import { RelatedLocation } from '../../types';
import { Rule, RuleContext } from '../rule';
import { DenyOverlap, denyOverlaps, statementLabel, truncated } from './overlap';
import { PatternVerdict, SetComparison } from './patternSets';

/** How many names a message lists before "and N more". */
const LIST_LIMIT = 5;

/** Partial-override findings per Allow statement; the rest become one summary finding. A policy
 *  with 90 Allows and 90 Denies that all meet had 8,100 findings nobody reads. */
export const MAX_PARTIAL_PER_ALLOW = 5;
/** Related locations the summary finding lists. */
const SUMMARY_RELATED_LIMIT = 20;

/** A name in a message: plain text, in double quotes. */
const quote = (name: string) => `"${name}"`;

function listNames(names: string[]): string {
  const shown = names.slice(0, LIST_LIMIT).map(quote);
  const rest = names.length - shown.length;
  return rest > 0 ? `${shown.join(', ')} and ${rest} more` : shown.join(', ');
}

function describeVerdict(v: PatternVerdict, noun: 'actions' | 'resources'): string {
  const notList = noun === 'actions' ? 'NotAction' : 'NotResource';
  if (v.reason === 'bothExcept') return `${noun} that neither statement's ${notList} excludes`;
  if (v.reason === 'denyExcept') return `${quote(v.pattern)} (except what the Deny's ${notList} lists)`;
  if (v.denied && v.total !== undefined && v.coverage === 'part') {
    return `${quote(v.pattern)} (${v.denied.length} of its ${v.total} actions: ${listNames(v.denied)})`;
  }
  return v.coverage === 'part' ? `${quote(v.pattern)} (in part)` : quote(v.pattern);
}

function describeSet(c: SetComparison, noun: 'actions' | 'resources', all: string): string {
  if (c.coverage === 'full') return all;
  const parts = c.overlaps.map((v) => describeVerdict(v, noun));
  const shown = parts.slice(0, LIST_LIMIT).join(', ');
  return parts.length > LIST_LIMIT ? `${shown} and ${parts.length - LIST_LIMIT} more` : shown;
}

function related(o: DenyOverlap): RelatedLocation[] {
  const effect = o.deny.effect!;
  return [{ range: effect.range, message: `The Deny statement ${statementLabel(o.deny)}` }];
}

function data(o: DenyOverlap): Record<string, unknown> {
  return {
    denyStatement: o.deny.index,
    denySid: o.deny.sid?.value,
    actions: o.actions.overlaps.map((v) => v.pattern),
    resources: o.resources.overlaps.map((v) => v.pattern),
  };
}

/** Each Allow's overlaps, once: an Allow wholly overridden by one Deny reports only that Deny
 *  (listing the partial ones too would add nothing the user can act on). */
function byAllow(ctx: RuleContext): Map<Statement, DenyOverlap[]> {
  const map = new Map<Statement, DenyOverlap[]>();
  for (const o of denyOverlaps(ctx.doc)) {
    const list = map.get(o.allow) ?? [];
    list.push(o);
    map.set(o.allow, list);
  }
  return map;
}

export const allowOverriddenByDeny: Rule = {
  id: 'allow-overridden-by-deny',
  defaultSeverity: 'warning',
  category: 'deny',
  title: 'An Allow statement grants nothing: an unconditional Deny in the same policy covers all of it.',
  check(ctx) {
    for (const [allow, overlaps] of byAllow(ctx)) {
      const o = overlaps.find((x) => x.coverage === 'full');
      if (!o || !allow.effect) continue;
      ctx.report({
        message: `The Allow statement ${statementLabel(allow)} grants nothing: a Deny overrides all of it. The Deny statement ${statementLabel(o.deny)} denies every action it allows on every resource it names, and an explicit Deny always wins. Remove this statement, or narrow the Deny if these requests should succeed.`,
        range: allow.effect.range,
        related: related(o),
        data: data(o),
      });
    }
  },
};

export const allowPartlyOverriddenByDeny: Rule = {
  id: 'allow-partly-overridden-by-deny',
  defaultSeverity: 'information',
  category: 'deny',
  title: 'Part of an Allow statement is overridden by a Deny in the same policy.',
  check(ctx) {
    for (const [allow, overlaps] of byAllow(ctx)) {
      if (!allow.effect || overlaps.some((x) => x.coverage === 'full')) continue;
      for (const o of overlaps.slice(0, MAX_PARTIAL_PER_ALLOW)) {
        const actions = describeSet(o.actions, 'actions', 'every action it allows');
        const resources = describeSet(o.resources, 'resources', 'every resource it names');
        const when = o.conditional ? ', when the Deny\'s Condition matches,' : '';
        ctx.report({
          message: `A Deny overrides part of this Allow statement. The Deny statement ${statementLabel(o.deny)} denies requests for ${actions} on ${resources}${when} whatever the Allow statement ${statementLabel(allow)} allows. If that is intended, narrow this Allow to what it can still grant; otherwise narrow the Deny.`,
          range: allow.effect.range,
          related: related(o),
          data: data(o),
        });
      }
      const rest = overlaps.slice(MAX_PARTIAL_PER_ALLOW);
      if (rest.length) {
        ctx.report({
          message: `${truncated(ctx.doc).has(allow) ? 'At least ' : ''}${rest.length} more Deny statements override parts of this Allow. The first ${MAX_PARTIAL_PER_ALLOW} are reported one by one. Review which requests this Allow can still grant.`,
          range: allow.effect.range,
          related: rest.slice(0, SUMMARY_RELATED_LIMIT).map((o) => related(o)[0]),
          data: { denyStatements: rest.map((o) => o.deny.index) },
        });
      }
    }
  },
};

export const denyRules: Rule[] = [allowOverriddenByDeny, allowPartlyOverriddenByDeny];
