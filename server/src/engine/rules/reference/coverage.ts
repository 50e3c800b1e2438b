// Statement coverage: do the statement's actions and resources fit together? An action can only
// be authorized on the resource types the reference lists for it; an action without resource
// types is authorized only by `"Resource": "*"`. Checked for Allow and Deny statements that use
// Action and Resource (NotAction/NotResource invert the sets and are left alone).
import { getNodeValue } from 'jsonc-parser';
import { StringMemo } from '../../memo';
import { addStatementEdits } from '../../fixes/edits';
import { PolicyDocument, Statement, ValueItem } from '../../parse/policyModel';
import { hasWildcard, ParsedArn, parseArn } from '../../reference/arn';
import { patternMatchesFormatOnce } from '../../reference/wildcard';
import { ActionInfo, ResourceTypeInfo } from '../../reference/iamData';
import { actionResourceTypes, arnServiceProfile, ByArnService, formatServiceField, resourceMatchesType, resourceServiceField, variablesAsWildcards, wildcardOpening as openingOf } from '../../reference/resourceMatch';
import { wildcardMatches } from '../../reference/wildcard';
import { Fix } from '../../types';
import { Rule, RuleContext } from '../rule';
import { removeArrayElementEdit } from '../security/arrayEdits';
import { arnFieldFault, exampleArn } from './arnText';
import { orList } from '../../reference/suggest';
import { allResolved, ResolvedAction, resolvedActions } from './resolve';
import { ObjectCache } from '../../objectCache';

interface Coverage {
  s: Statement;
  actions: ResolvedAction[];
  /** Resource ARNs judged against the reference: parseable, no field fault, of a resource type the
   *  reference knows for their service (`*`, malformed values and the rest are not judged). */
  arns: ValueItem[];
  /** Every resource string that parses as an ARN, judged or not (for the wildcard-only check,
   *  which accepts any ARN pattern of the action's service). */
  parsed: ValueItem[];
  /** The statement lists a resource that is only wildcards (`*`). */
  hasStar: boolean;
  /** Some resource is neither `*` nor an ARN (arn-malformed reports it): what it names is unknown. */
  hasOther: boolean;
}

interface TypeSummary {
  /** Resource types of all the actions an action string stands for, each once. */
  types: ResourceTypeInfo[];
  /** One of its actions without resource types, if any. */
  wildcardOnly?: ActionInfo;
}

/** Keyed by the expansion, which `expandActionPattern` shares between all uses of a pattern. */
const summaries = new WeakMap<ActionInfo[], TypeSummary>();

/** `ec2:*` stands for hundreds of actions but a few dozen resource types: match those once. */
function summary(a: ResolvedAction): TypeSummary {
  let sum = summaries.get(a.actions);
  if (!sum) {
    const types = new Set<ResourceTypeInfo>();
    let wildcardOnly: ActionInfo | undefined;
    for (const action of a.actions) {
      const own = actionResourceTypes(action);
      if (!own.length) wildcardOnly ??= action;
      for (const t of own) types.add(t);
    }
    sum = { types: [...types], wildcardOnly };
    summaries.set(a.actions, sum);
  }
  return sum;
}

/** What the actions of one statement can be used on, all together: the union of their resource
 *  types grouped by ARN service field, and one wildcard-only action per service. "Can some action
 *  be used on this resource?" then costs the resource's own service's types, not actions ×
 *  resources (a statement with thousands of each took seconds). */
interface StatementTypes {
  types: ByArnService<ResourceTypeInfo>;
  /** Actions without resource types, one per service (what `wildcardOnlyMayAccept` reads). */
  wildcardOnly: ActionInfo[];
  /** Does one of them accept a resource with a wildcard in its resource part and this service
   *  field? Asked once per distinct service field, not once per resource. */
  wildcardOnlyFields: Map<string, boolean>;
}

/** Work counted by the scaling tests: resources read and (service field, service) pairs compared
 *  for the actions without resource types. */
export const wildcardOnlyWork = { comparisons: 0 };

/** `wildcardOpening`, counted. */
function wildcardOpening(resource: string): true | string | undefined {
  wildcardOnlyWork.comparisons++;
  return openingOf(resource);
}

/** `resources.some((r) => wildcardOnlyMayAccept(action, r))` for every action, with the
 *  resources read once: (services asked) × (distinct service fields), not actions × resources. */
function wildcardAcceptance(resources: readonly ValueItem[]): (action: ActionInfo) => boolean {
  let all = false;
  // A field without wildcards matches a service of the same letters in any case (as
  // `wildcardMatches` compares them): a set lookup. Only fields with wildcards are compared.
  const literal = new Set<string>();
  const patterns = new Set<string>();
  for (const r of resources) {
    const opening = wildcardOpening(r.text);
    if (opening === true) {
      all = true;
      break;
    }
    if (opening === undefined) continue;
    if (hasWildcard(opening)) patterns.add(opening);
    else if (opening.toLowerCase().length === opening.length) literal.add(opening.toLowerCase());
  }
  const accepted = new Map<string, boolean>();
  return (action) => {
    if (all) return true;
    let hit = accepted.get(action.service);
    if (hit === undefined) {
      hit = literal.has(action.service.toLowerCase());
      for (const field of patterns) {
        if (hit) break;
        wildcardOnlyWork.comparisons++;
        hit = wildcardMatches(field, action.service, true);
      }
      accepted.set(action.service, hit);
    }
    return hit;
  };
}

function statementTypes(actions: ResolvedAction[]): StatementTypes {
  const seen = new Set<TypeSummary>();
  const types = new Set<ResourceTypeInfo>();
  const wildcardOnly = new Map<string, ActionInfo>();
  for (const a of actions) {
    const sum = summary(a);
    if (seen.has(sum)) continue;
    seen.add(sum);
    for (const t of sum.types) types.add(t);
    if (sum.wildcardOnly && !wildcardOnly.has(sum.wildcardOnly.service)) wildcardOnly.set(sum.wildcardOnly.service, sum.wildcardOnly);
  }
  return { types: new ByArnService([...types], (t) => formatServiceField(t.arn)), wildcardOnly: [...wildcardOnly.values()], wildcardOnlyFields: new Map() };
}

/** Can some action of the statement be used on the resource? */
function someActionAppliesTo(st: StatementTypes, resource: string): boolean {
  if (st.types.candidates(resourceServiceField(resource)).some((t) => resourceMatchesType(resource, t))) return true;
  if (!st.wildcardOnly.length) return false;
  // `st.wildcardOnly.some((action) => wildcardOnlyMayAccept(action, resource))`, with the
  // comparison of the resource's service field and the actions' services made once per field.
  const opening = wildcardOpening(resource);
  if (opening === undefined) return false;
  if (opening === true) return true;
  let hit = st.wildcardOnlyFields.get(opening);
  if (hit === undefined) {
    hit = st.wildcardOnly.some((action) => {
      wildcardOnlyWork.comparisons++;
      return wildcardMatches(opening, action.service, true);
    });
    st.wildcardOnlyFields.set(opening, hit);
  }
  return hit;
}

/** Does the statement list a child of `resource` (`bucket/…` beside `bucket`)? One sorted list
 *  per statement, searched by prefix, instead of a scan of every resource per resource. */
function childFinder(s: Statement): (resource: string) => boolean {
  let sorted: string[] | undefined;
  return (resource) => {
    sorted ??= s.resources.map((o) => o.value).filter((v): v is string => typeof v === 'string').sort();
    const prefix = `${resource}/`;
    let lo = 0;
    let hi = sorted.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (sorted[mid] < prefix) lo = mid + 1;
      else hi = mid;
    }
    return lo < sorted.length && sorted[lo].startsWith(prefix);
  };
}

/** "Does some resource of the statement fit this resource type?", answered once per type for the
 *  statement, against the resources of the type's service only. */
function typeCoverage(arns: ValueItem[]): (type: ResourceTypeInfo) => boolean {
  const byService = new ByArnService(arns, (r) => resourceServiceField(r.text));
  const known = new Map<string, boolean>();
  return (type) => {
    let hit = known.get(type.arn);
    if (hit === undefined) {
      hit = byService.candidates(formatServiceField(type.arn)).some((r) => resourceMatchesType(r.text, type));
      known.set(type.arn, hit);
    }
    return hit;
  };
}

/** Does the ARN match some resource-type format of its service (any, with a wildcard service)? */
function knownResourceType(arn: ParsedArn, text: string): boolean {
  if (hasWildcard(arn.service.value)) return true;
  const profile = arnServiceProfile(arn.service.value);
  if (!profile) return false;
  const pattern = variablesAsWildcards(text);
  // Asked once per ARN text (judged memoises it): the pairs bypass the pair memo.
  return profile.formats.some((format) => patternMatchesFormatOnce(pattern, format));
}

/** Is the resource string judged against the reference (see `Coverage.arns`)? A function of the
 *  text alone, asked for the same ARNs in statement after statement (AWS's policies repeat
 *  them): memoised, so an ARN meets its service's formats once per process. */
const judgedByText = new StringMemo<boolean>();

function judged(text: string): boolean {
  return judgedByText.getOrCompute(text, (own) => {
    const arn = parseArn(own);
    return arn !== undefined && !arnFieldFault(arn) && knownResourceType(arn, own);
  });
}

/** Work counted by the tests: statements whose coverage was computed (once for the three rules). */
export const coverageWork = { statements: 0 };

/** One computation per statement for the three coverage rules (null: the statement is not judged).
 *  Keyed by the statement object: the rules of one analysis see the same one. */
const coverages = new ObjectCache<Statement, Coverage | null>();

function coverageOf(s: Statement): Coverage | null {
  let c = coverages.get(s);
  if (c === undefined) {
    c = computeCoverage(s);
    coverages.set(s, c);
  }
  return c;
}

function computeCoverage(s: Statement): Coverage | null {
  if (s.isNotAction || s.isNotResource || !s.actionProperty || !s.resourceProperty) return null;
  const strings = s.resources.filter((r) => typeof r.value === 'string');
  if (!strings.length) return null;
  coverageWork.statements++;
  const hasStar = strings.some((r) => /^[*]+$/.test(r.text));
  // An ARN with a fault in a field of its own (a Region in an S3 ARN) is reported by the field
  // rule: judging it here too would give one mistake three findings. It counts as unknown.
  // So does an ARN of no resource type the reference knows for its service (a type newer than
  // the reference, such as a new SageMaker resource AWS's own policies already use, or an
  // unknown service, which arn-unknown-service reports): what it names is unknown here.
  const arns = strings.filter((r) => judged(r.text));
  const parsed = strings.filter((r) => parseArn(r.text) !== undefined);
  return { s, actions: resolvedActions(s), arns, parsed, hasStar, hasOther: strings.length > arns.length + (hasStar ? 1 : 0) };
}

function* coverageStatements(ctx: RuleContext): Generator<Coverage> {
  for (const s of ctx.doc.statements) {
    const c = coverageOf(s);
    if (c) yield c;
  }
}

export const resourceNotApplicable: Rule = {
  id: 'resource-not-applicable',
  scope: 'statement',
  defaultSeverity: 'warning',
  category: 'reference',
  title: 'A resource is of a type none of the statement\'s actions can be used on.',
  check(ctx) {
    for (const { s, actions, arns, hasStar } of coverageStatements(ctx)) {
      // With an action we cannot resolve (newer than the data, `*`), any resource may be right.
      if (hasStar || !allResolved(actions) || !arns.length) continue;
      const st = statementTypes(actions);
      const hasChild = childFinder(s);
      for (const r of arns) {
        if (someActionAppliesTo(st, r.text)) continue;
        // A resource listed beside its own children (a bucket and bucket/*) is the usual way to
        // write one statement for both levels: with object actions only, the parent entry is
        // harmless, not a mistake.
        if (hasChild(r.text)) continue;
        const names = actions.slice(0, 5).map((a) => a.text).join(', ') + (actions.length > 5 ? ', …' : '');
        ctx.report({
          message: `No action of this statement can be used on ${r.text}. It matches no resource type of ${names}, so listing it grants or denies nothing: check the ARN, or move it to a statement with the actions for it.`,
          range: r.range,
        });
      }
    }
  },
};

export const actionResourceNotListed: Rule = {
  id: 'action-resource-not-listed',
  scope: 'statement',
  defaultSeverity: 'warning',
  category: 'reference',
  title: 'An action works on resource types none of which the statement\'s resources name.',
  check(ctx) {
    for (const { actions, arns, hasStar, hasOther } of coverageStatements(ctx)) {
      if (hasStar || hasOther) continue;
      const fits = typeCoverage(arns);
      for (const a of actions) {
        // Patterns (`s3:*`) are not expected to fit every resource type they expand to.
        if (a.status !== 'resolved' || !a.explicit) continue;
        const [action] = a.actions;
        const types = actionResourceTypes(action);
        if (!types.length || types.some(fits)) continue;
        const typeList = orList(types.slice(0, 3).map((t) => exampleArn(t.arn)));
        ctx.report({
          message: `No resource of this statement fits ${a.text}. The statement grants or denies nothing for it: add an ARN of ${types.length === 1 ? 'the kind' : 'a kind'} it works on, such as ${typeList}${types.length > 3 ? ' …' : ''}.`,
          range: a.item.range,
          data: { resourceTypes: types.map((t) => t.arn) },
        });
      }
    }
  },
};

export const actionNeedsWildcardResource: Rule = {
  id: 'action-needs-wildcard-resource',
  scope: 'statement',
  defaultSeverity: 'warning',
  category: 'reference',
  title: 'An action that supports no resource-level permissions has no "Resource": "*".',
  fix: { summary: 'move the action to a new statement with `"Resource": "*"` (same effect and conditions)', safe: false },
  check(ctx) {
    for (const { s, actions, parsed, hasStar } of coverageStatements(ctx)) {
      if (hasStar) continue;
      // The answer depends on the action's service only: once per service, not per action, and
      // the resources read once for all services.
      const mayAccept = wildcardAcceptance(parsed);
      for (const a of actions) {
        if (a.status !== 'resolved' || !a.explicit) continue;
        const [action] = a.actions;
        if (actionResourceTypes(action).length || mayAccept(action)) continue;
        const fix = moveToStarStatement(ctx.doc, s, a);
        ctx.report({
          message: `${a.text} works only with "Resource": "*". It supports no resource-level permissions, so this statement grants or denies nothing for it: move it to a separate statement with "Resource": "*".`,
          range: a.item.range,
          fixes: fix ? [fix] : undefined,
        });
      }
    }
  },
};

/** Fix: take the action out of its array and add a statement that allows (or denies) it on
 *  `*` under the same conditions. Only when both edits are independent: the action is one of
 *  several and `Statement` is an array. */
function moveToStarStatement(doc: PolicyDocument, s: Statement, a: ResolvedAction): Fix | undefined {
  if (s.actions.length < 2 || doc.statementProperty?.value?.type !== 'array') return undefined;
  const remove = removeArrayElementEdit(a.item.node);
  // Same effect, principal (resource policies) and conditions: only the resource changes.
  const statement: Record<string, unknown> = { Effect: s.effect?.text ?? 'Allow' };
  const principal = s.principalProperty;
  if (principal?.value) statement[principal.name] = getNodeValue(principal.value);
  statement.Action = a.text;
  statement.Resource = '*';
  if (s.conditionProperty?.value) statement.Condition = getNodeValue(s.conditionProperty.value);
  const add = addStatementEdits(doc, statement);
  if (!remove || !add) return undefined;
  return { title: `Move ${a.text} to a new statement with "Resource": "*"`, edits: [remove, ...add], isPreferred: true };
}

export const coverageRules: Rule[] = [resourceNotApplicable, actionResourceNotListed, actionNeedsWildcardResource];
