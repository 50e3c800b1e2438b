// A RuleTester in the manner of ESLint's: `ruleTester.run(ruleId, { valid, invalid })`.
// A valid case must draw no finding of the rule; an invalid case lists every finding of the rule
// it draws (the exact text of each range, the message, the severity when not the default) and the
// text after the preferred fix (`output`, or null when the rule offers none). The fixed text is
// linted again: the finding is gone and the document still parses. Each rule's docs page example
// is one more case: the example draws the rule, the corrected one does not.
// Everything goes through the engine's host entry point (analyzeHost), so template and Terraform
// rules are tested like policy rules.
import { before, describe, it } from 'node:test';
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as jsonc from 'jsonc-parser';
import * as YAML from 'yaml';
import { analyzeHost, applyEdits, Finding, FindingTag, HostAnalyzeOptions, LineIndex, loadHclParser, parseHost, PolicyKind, ruleById, RuleSetting, Severity } from '../server/src/engine';
import { pageExample, pagePath } from '../scripts/ruleDocs';

/** What is known of a case's document besides its text (as the editor or the CLI would say). */
export interface CaseOptions {
  /** Shown in the test name. */
  name?: string;
  /** The editor's language ID (`json`, `yaml`, `terraform`). */
  languageId?: string;
  /** A file path: `template.yaml`, `main.tf`, `serverless.yml`… */
  path?: string;
  forcePolicy?: boolean;
  kind?: PolicyKind;
  /** Rule settings (severities or `off`) as the user sets them. */
  rules?: Record<string, RuleSetting>;
}

export interface ValidCase extends CaseOptions {
  text: string;
  /** The text is no policy and no host of policies (so the analysis says isPolicy: false). Without
   *  this a valid case must be analysed as a policy: a case the engine ignores proves nothing. */
  notPolicy?: boolean;
}

export interface ExpectedFinding {
  /** The exact text the range covers. */
  text?: string;
  /** Where the range starts, `line:column` (both from 1). */
  at?: string;
  /** The message, or a distinctive part of it (at least 12 characters), or a pattern. */
  message: string | RegExp;
  /** Expected when not the rule's default (or the case's setting). */
  severity?: Severity;
  /** The exact texts of the related locations, when the finding points at others. */
  related?: string[];
  /** How the editor shows it: `unnecessary` (faded), `deprecated` (struck through). */
  tags?: FindingTag[];
}

export interface InvalidCase extends CaseOptions {
  text: string;
  /** Every finding of the rule, in document order. */
  findings: ExpectedFinding[];
  /** The text after the preferred fix of the first finding that has a fix; null: no finding of
   *  the rule offers a fix. */
  output: string | null;
  /** Whether the preferred fix is safe for fix-all (checked when given). */
  safe?: boolean;
  /** Rules that must not fire on the text (the finding is this rule's, not theirs too). */
  notAlso?: string[];
}

export interface RuleCases {
  valid: (string | ValidCase)[];
  invalid: InvalidCase[];
}

/** A family's cases, by rule ID. */
export type CaseTable = Record<string, RuleCases>;

/** A policy document text from statements, pretty-printed the way a user writes it. */
export function policy(...statements: unknown[]): string {
  return JSON.stringify({ Version: '2012-10-17', Statement: statements }, null, 2);
}

/** Any JSON document, pretty-printed like `policy`. */
export function json(value: unknown): string {
  return JSON.stringify(value, null, 2);
}

function hintOf(c: CaseOptions): HostAnalyzeOptions {
  const { languageId, path: p, forcePolicy, kind, rules } = c;
  return { languageId, path: p, forcePolicy, kind, rules };
}

function isTerraform(c: CaseOptions): boolean {
  const lang = c.languageId?.toLowerCase();
  return lang === 'terraform' || lang === 'hcl' || !!c.path?.toLowerCase().endsWith('.tf');
}

function where(text: string, f: Finding): string {
  const p = new LineIndex(text).positionAt(f.range.start);
  return `${p.line + 1}:${p.character + 1}`;
}

function describeFindings(text: string, findings: Finding[]): string {
  return findings.map((f) => `\n  ${f.ruleId} ${where(text, f)} ${JSON.stringify(text.slice(f.range.start, f.range.end))} ${f.severity}: ${f.message}`).join('') || ' none';
}

function of(text: string, ruleId: string, c: CaseOptions): { all: Finding[]; mine: Finding[]; isPolicy: boolean } {
  const r = analyzeHost(text, hintOf(c));
  return { all: r.findings, mine: r.findings.filter((f) => f.ruleId === ruleId), isPolicy: r.isPolicy };
}

/** Syntax errors of the text as its own parser sees them (strict JSON, YAML, or HCL). */
export function parseErrors(text: string, c: CaseOptions): string[] {
  const syntax = parseHost(text, hintOf(c)).syntax;
  if (syntax === 'hcl') return parseHost(text, hintOf(c)).errors.map((e) => e.message);
  if (syntax === 'yaml') return YAML.parseAllDocuments(text).flatMap((d) => ('errors' in d ? d.errors.map((e) => e.message) : []));
  const errors: jsonc.ParseError[] = [];
  jsonc.parse(text, errors, { disallowComments: true, allowTrailingComma: false, allowEmptyContent: false });
  return errors.map((e) => `${jsonc.printParseErrorCode(e.error)} at ${e.offset}`);
}

function matchMessage(actual: string, expected: string | RegExp, label: string) {
  if (expected instanceof RegExp) return assert.match(actual, expected, label);
  if (actual === expected) return;
  assert.ok(expected.length >= 12, `${label}: a message part of ${expected.length} characters is not distinctive; give 12 or more`);
  assert.ok(actual.includes(expected), `${label}: the message\n  ${actual}\ndoes not contain\n  ${expected}`);
}

export function checkValid(ruleId: string, c: ValidCase) {
  const r = of(c.text, ruleId, c);
  if (c.notPolicy) assert.equal(r.isPolicy, false, 'the text is no policy');
  else assert.ok(r.isPolicy, 'the text is analysed as a policy (or a host of policies)');
  assert.equal(r.mine.length, 0, `expected no ${ruleId} finding; got${describeFindings(c.text, r.mine)}`);
}

export function checkInvalid(ruleId: string, c: InvalidCase) {
  const rule = ruleById(ruleId);
  const r = of(c.text, ruleId, c);
  assert.ok(c.findings.length > 0, 'an invalid case lists at least one finding');
  assert.equal(r.mine.length, c.findings.length, `expected ${c.findings.length} ${ruleId} finding(s); got${describeFindings(c.text, r.mine)}\nall findings:${describeFindings(c.text, r.all)}`);
  c.findings.forEach((e, i) => {
    const f = r.mine[i];
    const label = `finding ${i + 1} (${where(c.text, f)})`;
    assert.ok(e.text !== undefined || e.at !== undefined, `${label}: give its range text or its line:column`);
    if (e.text !== undefined) assert.equal(c.text.slice(f.range.start, f.range.end), e.text, `${label}: range text`);
    if (e.at !== undefined) assert.equal(where(c.text, f), e.at, `${label}: position`);
    matchMessage(f.message, e.message, label);
    const setting = c.rules?.[ruleId];
    const severity = e.severity ?? (setting && setting !== 'off' ? setting : rule?.defaultSeverity);
    assert.equal(f.severity, severity, `${label}: severity`);
    if (e.tags !== undefined) assert.deepEqual(f.tags ?? [], e.tags, `${label}: tags`);
    if (e.related !== undefined) assert.deepEqual((f.related ?? []).map((x) => c.text.slice(x.range.start, x.range.end)), e.related, `${label}: related locations`);
  });
  for (const other of c.notAlso ?? []) {
    const also = r.all.filter((f) => f.ruleId === other);
    assert.equal(also.length, 0, `${other} does not fire too; it does:${describeFindings(c.text, also)}`);
  }
  const fixable = r.mine.find((f) => (f.fixes ?? []).length > 0);
  if (c.output === null) {
    assert.equal(fixable, undefined, `expected no fix; ${fixable && where(c.text, fixable)} offers ${fixable?.fixes?.map((x) => x.title).join(', ')}`);
    return;
  }
  assert.ok(fixable, 'expected a fix; no finding of the rule offers one');
  const fixes = fixable.fixes ?? [];
  const fix = fixes.find((x) => x.isPreferred) ?? fixes[0];
  const output = applyEdits(c.text, fix.edits);
  assert.equal(output, c.output, `output of "${fix.title}"`);
  if (c.safe !== undefined) assert.equal(fix.safe ?? false, c.safe, `"${fix.title}" is ${c.safe ? '' : 'not '}safe`);
  checkFixed(ruleId, c, fixable, output, r.mine);
}

/** The fixed text: fewer findings of the rule, not this one again, and it parses no worse. */
function checkFixed(ruleId: string, c: CaseOptions & { text: string }, fixed: Finding, output: string, before: Finding[]) {
  const after = of(output, ruleId, c);
  assert.ok(after.mine.length < before.length, `the fix removes the finding; after it:${describeFindings(output, after.mine)}`);
  if (before.filter((f) => f.message === fixed.message).length === 1) {
    assert.ok(!after.mine.some((f) => f.message === fixed.message), 'the same finding is not drawn again after the fix');
  }
  const errorsBefore = parseErrors(c.text, c);
  const errorsAfter = parseErrors(output, c);
  if (errorsBefore.length === 0) assert.deepEqual(errorsAfter, [], 'the fixed text still parses');
  else assert.ok(errorsAfter.length < errorsBefore.length || (errorsAfter.length === errorsBefore.length && ruleId !== 'json-syntax'), `the fix makes the syntax no worse: ${errorsAfter.join('; ')}`);
  const hostBefore = parseHost(c.text, hintOf(c));
  const hostAfter = parseHost(output, hintOf(c));
  assert.equal(hostAfter.kind, hostBefore.kind, 'the fix keeps the kind of document');
  assert.equal(hostAfter.policies.length, hostBefore.policies.length, 'the fix keeps every embedded policy');
}

/** The Example section of docs/rules/<id>.md: its first fenced block and the block that follows
 *  a "Corrected" line, with the hint their fence language implies (yaml: a template, hcl: a
 *  Terraform file, json: a policy). */
export interface DocsExample {
  example: string;
  corrected?: string;
  options: CaseOptions;
}

/** The docs page's example and corrected example (scripts/ruleDocs.ts reads the page): JSON
 *  examples are read as a policy whatever their name, templates and Terraform by their file name. */
export function docsExample(ruleId: string): DocsExample | undefined {
  const file = pagePath(ruleId);
  if (!fs.existsSync(file)) return undefined;
  const ex = pageExample(fs.readFileSync(file, 'utf8'));
  if (!ex) return undefined;
  const options: CaseOptions = ex.lang === 'yaml' || ex.lang === 'hcl' ? { path: ex.path } : {};
  return { example: ex.example, corrected: ex.corrected, options };
}

export const ruleTester = {
  run(ruleId: string, cases: RuleCases) {
    const all = [...cases.valid.map((c) => (typeof c === 'string' ? { text: c } : c)), ...cases.invalid];
    const docs = docsExample(ruleId);
    describe(ruleId, () => {
      if (all.some(isTerraform) || (docs && isTerraform(docs.options))) before(() => loadHclParser());
      it('is a rule of the engine', () => assert.ok(ruleById(ruleId), `${ruleId} is no rule of allRules`));
      it('docs example draws the rule; the corrected one does not', () => {
        assert.ok(docs, `docs/rules/${ruleId}.md has an Example section with a fenced block`);
        const options = docs.options;
        const bad = of(docs.example, ruleId, options);
        assert.ok(bad.mine.length > 0, `the docs example draws no ${ruleId} finding; it draws${describeFindings(docs.example, bad.all)}`);
        assert.ok(docs.corrected !== undefined, `docs/rules/${ruleId}.md has a "Corrected" block after the example`);
        const good = of(docs.corrected, ruleId, options);
        assert.ok(good.isPolicy, 'the corrected example is analysed as a policy');
        assert.equal(good.mine.length, 0, `the corrected docs example still draws${describeFindings(docs.corrected, good.mine)}`);
      });
      cases.valid.forEach((v, i) => {
        const c = typeof v === 'string' ? { text: v } : v;
        it(`valid #${i + 1}${c.name ? `: ${c.name}` : ''}`, () => checkValid(ruleId, c));
      });
      cases.invalid.forEach((c, i) => {
        it(`invalid #${i + 1}${c.name ? `: ${c.name}` : ''}`, () => checkInvalid(ruleId, c));
      });
    });
  },
  /** Run every rule of a family's table. */
  runAll(table: CaseTable) {
    for (const [ruleId, cases] of Object.entries(table)) ruleTester.run(ruleId, cases);
  },
};
