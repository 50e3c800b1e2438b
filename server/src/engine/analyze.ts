// Runs every rule over the policy model and applies the user's rule settings.
import { HostDocument, HostHint, HostKind, parseHost, EmbeddedPolicy } from './hosts/host';
import { FixGuard } from './hosts/fixGuard';
import { unmaskMessage } from './hosts/unmask';
import { buildPolicy, parsePolicy, PolicyDocument } from './parse/policyModel';
import { dropFixesOnBrokenJson } from './fixes/guard';
import { copyFinding } from './fixes/onRequest';
import { allRules } from './rules';
import { Report, Rule } from './rules/rule';
import { AnalysisResult, AnalyzeOptions, Finding, OffsetRange, Severity } from './types';
import { EmbeddedKind } from './hosts/locations';
import { analyzeStatements } from './incremental/statementCache';
import { embeddedPolicyFindings } from './incremental/policyCache';

/** Thrown when `options.shouldStop` asked to abandon the analysis: there is no partial result. */
export class AnalysisStopped extends Error {
  override name = 'AnalysisStopped';
  constructor() {
    super('the analysis was stopped');
  }
}

/** The rules an analysis runs, as the settings select them, with their order. */
interface Selection {
  /** A copy of the settings it was made for. */
  settings: Record<string, string> | undefined;
  selected: Rule[];
  perStatement: Rule[];
  documentLevel: Rule[];
  /** Rule id → place in `selected`. */
  rank: Map<string, number>;
  /** Rule → its severity under the settings. */
  severity: Map<Rule, Severity>;
}

/** The selection of the analysis before: an editor's analyses, keystroke after keystroke, have
 *  the same settings, and filtering and ranking some hundred rules is a fixed cost of each. */
let lastSelection: Selection | undefined;

const sameSettings = (a: Record<string, string> | undefined, b: Record<string, string> | undefined) => {
  if (!a || !b) return a === b;
  const keys = Object.keys(b);
  return keys.length === Object.keys(a).length && keys.every((k) => a[k] === b[k]);
};

function selectionFor(options: AnalyzeOptions, only: ((rule: Rule) => boolean) | undefined): Selection {
  const settings = options.rules as Record<string, string> | undefined;
  if (!only && lastSelection && sameSettings(lastSelection.settings, settings)) return lastSelection;
  const selected = allRules.filter((rule) => (!only || only(rule)) && settings?.[rule.id] !== 'off');
  const selection: Selection = {
    settings: settings && { ...settings },
    selected,
    perStatement: selected.filter((r) => r.scope === 'statement'),
    documentLevel: selected.filter((r) => r.scope !== 'statement'),
    rank: new Map(selected.map((r, i) => [r.id, i])),
    severity: new Map(selected.map((r) => [r, (settings?.[r.id] as Severity | undefined) ?? r.defaultSeverity])), // 'off' was filtered out
  };
  if (!only) lastSelection = selection;
  return selection;
}

export function analyzeDocument(doc: PolicyDocument, options: AnalyzeOptions = {}, only?: (rule: Rule) => boolean): AnalysisResult {
  if (!doc.isPolicy) return { isPolicy: false, kind: doc.kind, findings: [] };
  const { selected, perStatement, documentLevel, rank, severity: severities } = selectionFor(options, only);
  // Where findings tie on their range they keep the rules' order, as a run rule by rule gives.
  const order = new Map<Finding, number>();
  // One report function for every rule (rules report synchronously, from their check).
  let out: Finding[] = [];
  let ruleId = '';
  let severity: Severity = 'warning';
  const report = (r: Report) => out.push({ ruleId, severity, ...r });
  const runRules = (target: PolicyDocument, rules: readonly Rule[]): Finding[] => {
    const found: Finding[] = [];
    for (const rule of rules) {
      // Between rules, not inside one: cheap enough (a load per rule), and no rule is cut half-way.
      if (options.shouldStop?.()) throw new AnalysisStopped();
      out = found;
      ruleId = rule.id;
      severity = severities.get(rule)!;
      try {
        rule.check({ doc: target, report });
      } catch (err) {
        // A rule bug must never take the whole analysis (or the editor) down with it.
        found.push({
          ruleId: 'internal-error',
          severity: 'information',
          message: `Rule ${rule.id} failed on this document and was skipped: ${(err as Error)?.message ?? err}. Please report it.`,
          range: { start: 0, end: 0 },
        });
        order.set(found[found.length - 1], selected.indexOf(rule));
      }
    }
    return found;
  };
  // Statement-scoped rules judge each statement alone, from the cache when it was seen before.
  const findings = [
    ...analyzeStatements(doc, perStatement, options, (view) => runRules(view, perStatement)),
    ...runRules(doc, documentLevel),
  ];
  const rankOf = (f: Finding) => order.get(f) ?? rank.get(f.ruleId) ?? -1;
  // In rule order first: the fix guard's re-parse budget goes to the same findings as before.
  findings.sort((a, b) => rankOf(a) - rankOf(b));
  dropFixesOnBrokenJson(doc.json, findings);
  findings.sort((a, b) => a.range.start - b.range.start || a.range.end - b.range.end || rankOf(a) - rankOf(b));
  return { isPolicy: true, kind: doc.kind, findings };
}

/** Analyse policy text. Non-policy JSON gets `isPolicy: false` and no findings. */
export function analyze(text: string, options: AnalyzeOptions = {}): AnalysisResult {
  return analyzeDocument(parsePolicy(text, { forcePolicy: options.forcePolicy, kind: options.kind }), options);
}

/** Options of a host document's analysis: the rule settings and what is known of the file. */
export interface HostAnalyzeOptions extends AnalyzeOptions, HostHint {}

export interface HostAnalysis extends AnalysisResult {
  /** What the document is; `policy` is a plain JSON policy (analysed as by `analyze`). */
  host: HostKind;
  /** The embedded policies found (empty for a plain policy). */
  policies: { name: string; kind: EmbeddedKind; range: OffsetRange }[];
}

/**
 * Analyse a host document: a JSON policy, a CloudFormation/SAM template (JSON or YAML), a
 * Serverless Framework file or a Terraform file. Every embedded policy is analysed by the same rules as a policy
 * file, except:
 * - the syntax rules judge the whole host once (YAML: `yaml-syntax`; JSON: the JSON rules);
 * - the Connect rules (category `connect`) judge all the policies of one principal together (a
 *   role's inline policies and the policy resources attached to it), as they judge one document;
 * - messages name the embedded policy, and fixes are kept only when right in the host syntax.
 * Anything else (other JSON or YAML) gets `isPolicy: false`.
 */
export function analyzeHost(text: string, options: HostAnalyzeOptions = {}): HostAnalysis {
  return analyzeParsedHost(parseHost(text, options), options);
}

/** `analyzeHost` on a host document already read (service.ts: one parse per document version).
 *  `model`: the policy model of the whole JSON document, when the caller has built it already
 *  (with the same `forcePolicy` and `kind`). */
export function analyzeParsedHost(host: HostDocument, options: HostAnalyzeOptions = {}, model?: PolicyDocument): HostAnalysis {
  if (host.kind === 'policy' || (host.kind === 'none' && host.syntax === 'json' && options.forcePolicy)) {
    const doc = model ?? buildPolicy(host.json!, host.json!.root, { forcePolicy: options.forcePolicy, kind: options.kind });
    return { ...analyzeDocument(doc, options), host: doc.isPolicy ? 'policy' : 'none', policies: [] };
  }
  if (host.kind === 'none') return { isPolicy: false, kind: 'identity', findings: [], host: 'none', policies: [] };
  // A Terraform file without policies (most are) is none of this tool's business.
  if (host.kind === 'terraform' && host.policies.length === 0 && !host.unavailable) return { isPolicy: false, kind: 'identity', findings: [], host: 'none', policies: [] };
  return { isPolicy: true, kind: 'identity', findings: hostFindings(host, options), host: host.kind, policies: host.policies.map(({ name, kind, range }) => ({ name, kind, range })) };
}

function hostFindings(host: HostDocument, options: HostAnalyzeOptions): Finding[] {
  const raw: { finding: Finding; policy?: EmbeddedPolicy }[] = [];
  const add = (findings: Finding[], policy?: EmbeddedPolicy) => findings.forEach((finding) => raw.push({ finding, policy }));
  add(syntaxFindings(host, options));
  // Principals with more than one policy: the Connect rules read their statements together.
  const byPrincipal = new Map<string, EmbeddedPolicy[]>();
  for (const p of host.policies) for (const id of p.principals) byPrincipal.set(id, [...(byPrincipal.get(id) ?? []), p]);
  const grouped = new Set<EmbeddedPolicy>();
  for (const group of byPrincipal.values()) if (group.length > 1) group.forEach((p) => grouped.add(p));
  for (const p of host.policies) {
    const connectHere = !grouped.has(p);
    // Between policies too: a policy served from the cache runs no rule.
    if (options.shouldStop?.()) throw new AnalysisStopped();
    const run = () => analyzeDocument(p.doc, options, (r) => r.category !== 'syntax' && (connectHere || r.category !== 'connect')).findings;
    add(embeddedPolicyFindings(host, p, options, connectHere, run), p);
  }
  for (const group of byPrincipal.values()) {
    if (group.length < 2) continue;
    for (const f of analyzeDocument(mergedDocument(group), options, (r) => r.category === 'connect').findings) {
      raw.push({ finding: f, policy: group.find((p) => f.range.start >= p.range.start && f.range.end <= p.range.end) ?? group[0] });
    }
  }
  const seen = new Set<string>();
  const out: Finding[] = [];
  const policyNames: (string | undefined)[] = [];
  for (const { finding, policy } of raw) {
    const key = `${finding.ruleId}\u0000${finding.range.start}\u0000${finding.range.end}\u0000${finding.message}`;
    if (seen.has(key)) continue; // an alias or a policy shared by two principals
    seen.add(key);
    out.push(policy ? copyFinding(finding, { message: `${unmaskMessage(host, finding, finding.message)} (in ${policy.name})` }) : finding);
    policyNames.push(policy?.name);
  }
  // Checked when read, in this order (fixes/onRequest.ts).
  new FixGuard(host, options).guard(out, policyNames);
  out.sort((a, b) => a.range.start - b.range.start || a.range.end - b.range.end);
  return out;
}

/** The statements of several policies of one principal as one document (ranges stay in the host). */
function mergedDocument(group: EmbeddedPolicy[]): PolicyDocument {
  const first = group[0].doc;
  const statements = group.flatMap((p) => p.doc.statements).map((s, index) => ({ ...s, index }));
  return { ...first, statements };
}

/** YAML errors, or the JSON rules on the whole JSON host. */
function syntaxFindings(host: HostDocument, options: HostAnalyzeOptions): Finding[] {
  if (host.syntax === 'json' && host.json) {
    const doc = buildPolicy(host.json, host.json.root, { forcePolicy: true });
    return analyzeDocument(doc, options, (r) => r.category === 'syntax' && r.id !== 'yaml-syntax').findings;
  }
  if (host.syntax === 'hcl') {
    const tf = options.rules?.['terraform-syntax'];
    if (tf === 'off') return [];
    if (host.unavailable) return [{ ruleId: 'terraform-syntax', severity: 'information', message: `The policies of this Terraform file were not checked: ${host.unavailable}. Open the file again.`, range: { start: 0, end: 0 } }];
    return host.errors.map((e) => ({
      ruleId: 'terraform-syntax',
      severity: tf ?? 'error',
      message: `The Terraform file cannot be read: ${e.message}. Terraform rejects it; correct the syntax.`,
      range: e.range,
    }));
  }
  const setting = options.rules?.['yaml-syntax'];
  if (setting === 'off') return [];
  return host.errors.map((e) => ({
    ruleId: 'yaml-syntax',
    severity: setting ?? 'error',
    message: `The template is not valid YAML: ${e.message.replace(/\s+at line \d+, column \d+:?.*$/s, '')}. CloudFormation rejects it; correct the syntax.`,
    range: e.range,
  }));
}

