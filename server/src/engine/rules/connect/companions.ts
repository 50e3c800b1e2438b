// The permissions a Connect call needs besides its own, read from the table (dependencies.ts) for
// every row alike and judged across the whole document (they are often split across statements):
//   connect-permissions-missing      required needs not granted (warning)
//   connect-permissions-suggested  needs that apply only in some cases (information)
// Only actions named exactly count: `connect:*` or `connect:Associate*` must not demand every
// companion of every row at once. Only Allow statements grant (grants.ts); a Connect action in a
// Deny or NotAction statement needs nothing.
import { PolicyDocument, Statement, ValueItem } from '../../parse/policyModel';
import { hasWildcard } from '../../reference/arn';
import { Fix, RelatedLocation } from '../../types';
import { Report, Rule } from '../rule';
import { addCompanionsFix, companionFixWork, companionResource } from '../../connect/edits';
import { AppendPoint, appendPoint } from '../../fixes/edits';
import { detach } from '../../memo';
import { allowedValues, grants, GrantState, grantStates, isAllow, nearMiss } from '../../connect/grants';
import { allNeeds, Choice, Companion, companionsOf, dependencyRow, Need, Option, RESOURCES, ResourceKind, Row } from '../../connect/table';
import { clearedWithFacts, statementFact } from '../../connect/statementFacts';
import { statementCache } from '../../incremental/statementCache';
import { ObjectCache } from '../../objectCache';

/** The actions of a need the document does not grant. */
interface Gap {
  need: Need;
  missing: string[];
}

function gapsOf(doc: PolicyDocument, needs: readonly Need[]): Gap[] {
  const out: Gap[] = [];
  for (const need of needs) {
    const missing = need.actions.filter((action) => !grants(doc, { action, resource: need.on }));
    if (missing.length) out.push({ need, missing });
  }
  return out;
}

const gapCompanions = (gaps: readonly Gap[]): Companion[] => gaps.flatMap((g) => g.missing.map((action) => ({ action, resource: g.need.on })));

/** Options any one of which is enough: the storage kinds a storage type can use, the integration
 *  types. `optional`: some case needs nothing, so none of them is required. */
interface Demand {
  choice: Choice;
  options: readonly Option[];
  optional: boolean;
  /** The condition value that asks for these options, when one does. */
  value?: string;
}

/** What the statement's choice asks for: one demand per condition value that needs something, or
 *  one over all options when the statement does not narrow them; none when we cannot tell. */
function demandsOf(choice: Choice | undefined, s: Statement): Demand[] {
  if (!choice) return [];
  if (choice.key) {
    const allowed = allowedValues(s, choice.key);
    if (allowed.kind === 'unknown') return [];
    if (allowed.kind === 'types') {
      const seen = new Set<string>();
      const out: Demand[] = [];
      for (const value of allowed.types.keys()) {
        const ids = choice.byValue?.[value] ?? [];
        const key = ids.join(' ');
        if (!ids.length || seen.has(key)) continue;
        seen.add(key);
        out.push({ choice, options: choice.options.filter((o) => ids.includes(o.id)), optional: false, value });
      }
      return out;
    }
  }
  return [{ choice, options: choice.options, optional: !!choice.optional }];
}

interface OptionGaps {
  option: Option;
  required: Gap[];
}

/** The demand's options with what each misses, in table order (the common case first: S3
 *  storage, a Lex V2 bot) unless the policy already grants part of one: that one first then, the
 *  fix's choice. */
function rankOptions(doc: PolicyDocument, d: Demand): OptionGaps[] {
  const ranked = d.options.map((option) => ({ option, required: gapsOf(doc, option.needs.filter((n) => n.level === 'required')) }));
  const needed = (o: OptionGaps) => o.option.needs.filter((n) => n.level === 'required').reduce((n, x) => n + x.actions.length, 0);
  const count = (o: OptionGaps) => o.required.reduce((n, g) => n + g.missing.length, 0);
  const partly = (o: OptionGaps) => count(o) < needed(o);
  if (!ranked.some(partly)) return ranked;
  return ranked.sort((a, b) => Number(partly(b)) - Number(partly(a)) || count(a) - count(b));
}

/** What one named Connect action misses, in the statement that allows it. */
interface Assessment {
  required: Gap[];
  /** Unsatisfied demands that are required: their options, best first. */
  choices: { demand: Demand; options: OptionGaps[] }[];
  /** Conditional gaps, grouped by the case they apply in. */
  conditional: { when: string; gaps: Gap[] }[];
  /** Optional demands no option of which is granted. */
  optional: { demand: Demand; options: OptionGaps[] }[];
}

/** A row's assessment under some demands, with what it was made from and its drafts (by rule).
 *  It holds nothing of the document (the table's objects, detached near misses), so it is kept
 *  across analyses: after an edit that changes no grant, nothing of it is built again. */
interface Judged {
  states: readonly GrantState[];
  assessment: Assessment;
  drafts: Map<string, Draft[]>;
}

/** Assessments made, for the tests (work counts). */
export const companionWork = { assessed: 0 };

const rowCompanionsOf = new WeakMap<Row, Companion[]>();

/** Every companion a row (its needs and its options' needs) can ask for: what `assessNow` and the
 *  messages may ask `grants` and `nearMiss` about. */
function rowCompanions(r: Row): Companion[] {
  let out = rowCompanionsOf.get(r);
  if (!out) rowCompanionsOf.set(r, (out = companionsOf(allNeeds(r))));
  return out;
}

const sameStates = (a: readonly GrantState[], b: readonly GrantState[]) => a.length === b.length && a.every((x, i) => x === b[i]);

/** Judgements kept across analyses, by row and demands key, the most recent first. Bounded: rows
 *  and demands come from the table (condition values only select among the table's values). */
const kept = new Map<Row, Map<string, Judged[]>>();
const MAX_KEPT = 4;

/** Judgements of this document, by row and demands key: both rules ask, for every statement
 *  naming the action, and most ask the same. */
const judgedIn = new ObjectCache<PolicyDocument, Map<Row, Map<string, Judged>>>();

clearedWithFacts(() => kept.clear());

function judge(doc: PolicyDocument, c: CandidateFact): Judged {
  let rows = judgedIn.get(doc);
  if (!rows) judgedIn.set(doc, (rows = new Map()));
  let byDemands = rows.get(c.row);
  if (!byDemands) rows.set(c.row, (byDemands = new Map()));
  let j = byDemands.get(c.demandsKey);
  if (!j) byDemands.set(c.demandsKey, (j = judgeNow(doc, c)));
  return j;
}

function judgeNow(doc: PolicyDocument, c: CandidateFact): Judged {
  // What an assessment and its messages read of the document, for every companion the row can
  // ask for: two documents alike in these judge the row alike, whatever else differs.
  const states = grantStates(doc, rowCompanions(c.row));
  // With the statement cache off (tests comparing both ways), nothing is kept across analyses.
  const keep = statementCache.enabled;
  let byDemands = kept.get(c.row);
  const earlier = keep ? byDemands?.get(c.demandsKey) ?? [] : [];
  const hit = earlier.find((j) => sameStates(j.states, states));
  if (hit) return hit;
  companionWork.assessed++;
  const j: Judged = { states, assessment: assessNow(doc, c.row, c.demands), drafts: new Map() };
  if (keep) {
    if (!byDemands) kept.set(c.row, (byDemands = new Map()));
    byDemands.set(c.demandsKey, [j, ...earlier].slice(0, MAX_KEPT));
  }
  return j;
}

const demandsKeyOf = (demands: readonly Demand[]) =>
  demands.map((d) => `${d.options.map((o) => o.id).join(' ')}\u0001${d.optional}\u0001${d.value ?? ''}`).join('\u0002');

function assessNow(doc: PolicyDocument, r: Row, demands: readonly Demand[]): Assessment {
  const out: Assessment = { required: gapsOf(doc, r.needs.filter((n) => n.level === 'required')), choices: [], conditional: [], optional: [] };
  const addConditional = (needs: readonly Need[], prefix = '') => {
    for (const g of gapsOf(doc, needs.filter((n) => n.level === 'conditional'))) {
      const when = `${prefix}${g.need.when ?? 'in some cases'}`;
      const group = out.conditional.find((c) => c.when === when);
      if (group) group.gaps.push(g);
      else out.conditional.push({ when, gaps: [g] });
    }
  };
  addConditional(r.needs);
  for (const demand of demands) {
    const options = rankOptions(doc, demand);
    const satisfied = options.filter((o) => !o.required.length);
    if (satisfied.length) {
      // Nothing to ask of the option in use; its own conditional needs are suggestions.
      for (const o of satisfied) if (o.option.needs.length) addConditional(o.option.needs, `for ${o.option.label}, `);
    } else if (demand.optional) out.optional.push({ demand, options });
    else out.choices.push({ demand, options });
  }
  return out;
}

// ---- Messages (plain text) ----

const list = (items: string[], last = 'and') => (items.length <= 1 ? items.join('') : `${items.slice(0, -1).join(', ')} ${last} ${items[items.length - 1]}`);

/** "s3:GetBucketAcl and s3:GetBucketLocation on the S3 bucket (allowed only on …)". */
function describeGap(doc: PolicyDocument, g: Gap): string {
  const near = g.missing.map((action) => nearMiss(doc, { action, resource: g.need.on })).find(Boolean);
  const where = g.need.on === 'any' ? 'on all resources ("Resource": "*", the action takes no other)' : `on ${RESOURCES[g.need.on].label}`;
  return `${list(g.missing)} ${where}${near ? ` (allowed only on ${near}, which is not such an ARN)` : ''}`;
}

/** Descriptions by gap list: a list shared by many findings (a kept assessment) is described
 *  once. A gap list belongs to one judgement, and every document it is used for has the same grant
 *  states (near misses included), so its description is the same in all of them. */
const described = new ObjectCache<readonly Gap[], string>();

function describeGaps(doc: PolicyDocument, gaps: readonly Gap[]): string {
  let text = described.get(gaps);
  if (text === undefined) described.set(gaps, (text = list(gaps.map((g) => describeGap(doc, g)), 'and')));
  return text;
}

function describeOptions(doc: PolicyDocument, options: readonly OptionGaps[]): string {
  return options.map((o) => `for ${o.option.label}, ${describeGaps(doc, o.required)}`).join('; ');
}

const missingActions = (gaps: readonly Gap[]) => [...new Set(gaps.flatMap((g) => g.missing))];

/** The sources a set of gaps rests on, for the end of a message. */
function sources(gaps: readonly Gap[]): string {
  const names: Record<string, string> = {
    SAR: 'the service authorization reference (December 2025)',
    CFN: 'the CloudFormation handlers',
    seed: 'the AWS example policies',
    facts: 'the Connect documentation',
  };
  const all = [...new Set(gaps.flatMap((g) => g.need.sources))];
  return list(all.map((x) => names[x]));
}

// ---- Fixes ----

const fixTitle = (companions: Companion[], suffix = '') => `Allow ${list([...new Set(companions.map((c) => c.action))])}${suffix}`;

/** Fixes already built for this document, by what they add: a large policy asks for the same
 *  companions once per statement, and building each fix lays out its statements again. */
const fixesOf = new ObjectCache<PolicyDocument, Map<string, Fix | undefined>>();

function fixFor(doc: PolicyDocument, gaps: Gap[], suffix = '', preferred = true): Fix | undefined {
  const companions = gapCompanions(gaps);
  let built = fixesOf.get(doc);
  if (!built) fixesOf.set(doc, (built = new Map()));
  const key = `${companions.map((c) => `${c.action}@${c.resource}`).join(',')}\u0000${suffix}\u0000${preferred}`;
  if (!built.has(key)) {
    // When a grant only misses its resource, correcting that ARN is the better fix.
    const near = companions.some((c) => nearMiss(doc, c));
    built.set(key, addCompanionsFix(doc, fixTitle(companions, suffix), companions, preferred && !near));
  }
  // Shared by the drafts of the document: each finding gets its own copy (reportGrouped).
  return built.get(key);
}

// ---- The two rules ----

/** A Connect action with a row, named exactly in an Allow statement: its index in the
 *  statement's actions, its row and what the statement's conditions ask of the row. */
interface CandidateFact {
  item: number;
  row: Row;
  demands: readonly Demand[];
  demandsKey: string;
}

/** A statement's candidates: a fact of the statement (statementFacts.ts), found once. The
 *  demands hold only the table's objects and values, nothing of the document. */
const candidatesOf = statementFact((s): readonly CandidateFact[] => {
  if (!isAllow(s) || s.isNotAction) return [];
  const out: CandidateFact[] = [];
  s.actions.forEach((item, i) => {
    if (typeof item.value !== 'string' || hasWildcard(item.value)) return;
    const row = dependencyRow(item.value);
    if (!row || !(row.needs.length || row.choice)) return;
    const demands = demandsOf(row.choice, s);
    out.push({ item: i, row, demands, demandsKey: demandsKeyOf(demands) });
  });
  return out;
});

/** What one rule reports for a judgement: the same for every document with the same grant
 *  states, so it is kept with the judgement and holds nothing of the document. */
interface Draft {
  key: string;
  /** The message after the action's name (the message is the action as written, then this). */
  tail: string;
  /** Built once per document, for the first candidate of a group: the others become related
   *  locations. */
  fixes: (doc: PolicyDocument) => Fix[];
  /** Every resource kind its fixes can write an ARN for (keptFixes compares their ARNs). */
  kinds: readonly ResourceKind[];
  data: Record<string, unknown>;
}

const copyFix = (fix: Fix): Fix => ({ ...fix, edits: fix.edits.map((e) => ({ ...e, range: { ...e.range } })) });

/** The fixes of each draft in a document (its layout and ARNs decide them). */
const draftFixes = new ObjectCache<PolicyDocument, Map<Draft, Fix[]>>();

function fixesIn(doc: PolicyDocument, draft: Draft): Fix[] {
  let built = draftFixes.get(doc);
  if (!built) draftFixes.set(doc, (built = new Map()));
  let fixes = built.get(draft);
  if (!fixes) built.set(draft, (fixes = keptFixesIn(doc, draft) ?? buildFixes(doc, draft)));
  return fixes;
}

/** A draft's fixes as last built, with all they were built from besides the draft: the append
 *  point (its layout and offset) and the ARN written for each resource kind the draft can ask
 *  for. The near misses that decide which fix is preferred are the judgement's grant states, the
 *  same for every document the draft is used in. Each fix is one insertion at the append point.
 *  Kept with the draft (so bounded with the judgements); nothing of the document (detached). */
interface KeptFixes {
  point: AppendPoint;
  arns: string[];
  fixes: Fix[];
}

const keptFixes = new ObjectCache<Draft, KeptFixes>();

const sameLayout = (a: AppendPoint, b: AppendPoint) => a.single === b.single && a.indent === b.indent && a.unit === b.unit && a.eol === b.eol;

/** The draft's fixes kept from another version alike in layout and ARNs, moved to this version's
 *  append point: an edit elsewhere in the policy moves a fix, it does not change it. */
function keptFixesIn(doc: PolicyDocument, draft: Draft): Fix[] | undefined {
  const kept = statementCache.enabled ? keptFixes.get(draft) : undefined;
  const point = kept && appendPoint(doc);
  if (!kept || !point || !sameLayout(kept.point, point)) return undefined;
  if (!draft.kinds.every((kind, i) => companionResource(doc, kind) === kept.arns[i])) return undefined;
  const at = point.at;
  return kept.fixes.map((fix) => ({ ...fix, edits: fix.edits.map((e) => ({ ...e, range: { start: at, end: at } })) }));
}

function buildFixes(doc: PolicyDocument, draft: Draft): Fix[] {
  companionFixWork.built++;
  const fixes = draft.fixes(doc);
  const point = appendPoint(doc);
  const atPoint = (fix: Fix) => fix.edits.length === 1 && fix.edits[0].range.start === point!.at && fix.edits[0].range.end === point!.at;
  if (statementCache.enabled && point && fixes.every(atPoint)) {
    const detached: AppendPoint = { ...point, indent: detach(point.indent), unit: detach(point.unit), eol: detach(point.eol) };
    keptFixes.set(draft, { point: detached, arns: draft.kinds.map((kind) => companionResource(doc, kind)), fixes });
  }
  return fixes;
}

/** Report drafts, one per statement and key: actions of one statement that miss the same (the
 *  seed's Update- and AssociateInstanceStorageConfig) get one finding on the first, the others
 *  as related locations. `draftsOf` is asked once per judgement and rule (judge). */
function reportGrouped(report: (finding: Report) => void, doc: PolicyDocument, rule: string, draftsOf: (doc: PolicyDocument, a: Assessment) => Draft[]) {
  for (const s of doc.statements) {
    const candidates = candidatesOf(doc, s);
    if (!candidates.length) continue;
    const groups = new Map<string, { first: ValueItem; draft: Draft; others: ValueItem[] }>();
    for (const c of candidates) {
      const j = judge(doc, c);
      let ds = j.drafts.get(rule);
      if (!ds) j.drafts.set(rule, (ds = draftsOf(doc, j.assessment)));
      const item = s.actions[c.item];
      for (const draft of ds) {
        const group = groups.get(draft.key);
        if (group) group.others.push(item);
        else groups.set(draft.key, { first: item, draft, others: [] });
      }
    }
    for (const { first, draft, others } of groups.values()) {
      const related: RelatedLocation[] = others.map((o) => ({ range: o.range, message: `${String(o.value)} needs the same` }));
      // A copy per finding: nothing downstream may edit a fix another finding holds.
      const fixes = fixesIn(doc, draft);
      report({
        message: `${String(first.value)}${draft.tail}`,
        range: first.range,
        related: related.length ? related : undefined,
        data: { ...draft.data },
        fixes: fixes.length ? fixes.map(copyFix) : undefined,
      });
    }
  }
}

/** The resource kinds of the gaps, in order of first use. */
const kindsOf = (gaps: readonly Gap[]): ResourceKind[] => [...new Set(gaps.map((g) => g.need.on))];

const keyOf = (gaps: readonly Gap[]) => gapCompanions(gaps).map((c) => `${c.action}@${c.resource}`).sort().join(',');
const defined = <T>(xs: (T | undefined)[]): T[] => xs.filter((x): x is T => x !== undefined);

// The drafts of the two rules. Drafts are kept across analyses (with their judgement), so no
// closure below may name the document they are built for: it would keep that document alive.
// Their fixes take the document they are built in as their argument.

function missingDrafts(doc: PolicyDocument, a: Assessment): Draft[] {
  if (!a.required.length && !a.choices.length) return [];
  // The fix: what the row misses, and for each choice its best option.
  const best = [...a.required, ...a.choices.flatMap((c) => c.options[0].required)];
  const fixes = (target: PolicyDocument) => {
    const out = defined([fixFor(target, best)]);
    // Each other option of the first real choice is a fix of its own.
    const multi = a.choices.find((c) => c.options.length > 1);
    if (multi) {
      for (const o of multi.options.slice(1)) {
        const rest = a.choices.flatMap((c) => (c === multi ? o.required : c.options[0].required));
        const fix = fixFor(target, [...a.required, ...rest], ` (${o.option.label})`, false);
        if (fix) out.push(fix);
      }
      if (out[0]) out[0] = { ...out[0], title: `${out[0].title} (${multi.options[0].option.label})` };
    }
    return out;
  };
  const all = [...a.required, ...a.choices.flatMap((c) => c.options.flatMap((o) => o.required))];
  const parts: string[] = [];
  if (a.required.length) parts.push(`Also allow ${describeGaps(doc, a.required)}.`);
  for (const c of a.choices) {
    const forWhat = c.demand.value ? ` (for ${c.demand.value})` : '';
    parts.push(c.options.length > 1
      ? `For the ${c.demand.choice.what}${forWhat}, allow what one of them needs: ${describeOptions(doc, c.options)}.`
      : `For ${c.options[0].option.label}${forWhat}, also allow ${describeGaps(doc, c.options[0].required)}.`);
  }
  const onlyOne = a.required.length + a.choices.length === 1 && a.required.length === 1;
  return [{
    key: keyOf(all) + a.choices.map((c) => c.demand.value ?? '').join(','),
    tail: ` ${onlyOne ? `is allowed without ${list(a.required[0].missing)}` : 'is allowed without permissions the call needs'}. `
      + `${parts.join(' ')} Without ${missingActions(all).length > 1 ? 'them' : 'it'} the call fails (source: ${sources(all)}).`,
    fixes,
    kinds: kindsOf(all),
    data: { missing: missingActions(best) },
  }];
}

function suggestedDrafts(doc: PolicyDocument, a: Assessment): Draft[] {
  const drafts: Draft[] = [];
  for (const { when, gaps } of a.conditional) {
    drafts.push({
      key: `${when}\u0000${keyOf(gaps)}`,
      tail: ` may also need ${list(missingActions(gaps))}. `
        + `It does ${when}: then allow ${describeGaps(doc, gaps)} (source: ${sources(gaps)}).`,
      fixes: (target) => defined([fixFor(target, gaps)]),
      kinds: kindsOf(gaps),
      data: { missing: missingActions(gaps), when },
    });
  }
  for (const { demand, options } of a.optional) {
    const all = options.flatMap((o) => o.required);
    drafts.push({
      key: `${demand.choice.what}\u0000${keyOf(all)}`,
      tail: ` needs permissions that depend on the ${demand.choice.what}. `
        + `Allow what yours needs: ${describeOptions(doc, options)} (source: ${sources(all)}).`,
      fixes: (target) => defined(options.map((o, i) => fixFor(target, o.required, ` (${o.option.label})`, i === 0))),
      kinds: kindsOf(all),
      data: { missing: missingActions(all), choice: demand.choice.what },
    });
  }
  return drafts;
}

export const connectPermissionsMissing: Rule = {
  id: 'connect-permissions-missing',
  defaultSeverity: 'warning',
  category: 'connect',
  title: 'A Connect action is allowed without a permission Connect needs on another service (or on the instance) for the call to succeed.',
  fix: { summary: 'add a statement that allows what is missing', safe: false },
  check({ doc, report }) {
    reportGrouped(report, doc, 'connect-permissions-missing', missingDrafts);
  },
};

export const connectPermissionsSuggested: Rule = {
  id: 'connect-permissions-suggested',
  defaultSeverity: 'information',
  category: 'connect',
  title: 'A Connect action may need a permission on another service in some cases (encrypted data, the console, an integration type).',
  fix: { summary: 'add a statement that allows what is suggested', safe: false },
  check({ doc, report }) {
    reportGrouped(report, doc, 'connect-permissions-suggested', suggestedDrafts);
  },
};

export const companionRules: Rule[] = [connectPermissionsMissing, connectPermissionsSuggested];
