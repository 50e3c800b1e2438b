// Shared test helpers: lint text, pick findings of a rule, read the text a finding points at,
// apply a fix and re-lint.
import * as fs from 'fs';
import * as path from 'path';
import { analyze, AnalyzeOptions, applyEdits, Finding, statementCache } from '../server/src/engine';

export const ROOT = path.resolve(__dirname, '..');

export function lint(text: string, options?: AnalyzeOptions): Finding[] {
  return analyze(text, options).findings;
}

export function findingsOf(text: string, ruleId: string, options?: AnalyzeOptions): Finding[] {
  return lint(text, options).filter((f) => f.ruleId === ruleId);
}

/** The exact text a finding's range covers. */
export function rangeText(text: string, f: Finding): string {
  return text.slice(f.range.start, f.range.end);
}

/** Apply the finding's fix (the preferred one by default) and return the new text. */
export function applyFix(text: string, f: Finding, index?: number): string {
  const fixes = f.fixes ?? [];
  const fix = index !== undefined ? fixes[index] : fixes.find((x) => x.isPreferred) ?? fixes[0];
  if (!fix) throw new Error(`finding ${f.ruleId} has no fix`);
  return applyEdits(text, fix.edits);
}

/** Build a policy document text from statements (pretty-printed like a user would write it). */
export function policy(...statements: object[]): string {
  return JSON.stringify({ Version: '2012-10-17', Statement: statements }, null, 2);
}

export function readFixture(...parts: string[]): string {
  return fs.readFileSync(path.join(ROOT, ...parts), 'utf8');
}

/** The seed's three policies verbatim (examples/) and with real values (test/fixtures/seed-real/). */
export const SEED_FILES = ['s3-call-recordings.policy.json', 'lambda-function.policy.json', 'kinesis-contact-records.policy.json'];
export const seedVerbatim = () => SEED_FILES.map((f) => ({ name: f, text: readFixture('examples', f) }));
export const seedReal = () => SEED_FILES.map((f) => ({ name: f, text: readFixture('test', 'fixtures', 'seed-real', f) }));

/** The YAML fixtures under test/fixtures (paths relative to it, sorted): every file read as YAML
 *  that is not JSON written in a .yaml file. */
export const YAML_FIXTURE_DIR = path.join(ROOT, 'test', 'fixtures');
export const yamlFixtures = (): string[] =>
  (fs.readdirSync(YAML_FIXTURE_DIR, { recursive: true }) as string[])
    .map(String)
    .filter((f) => /\.(ya?ml|template)$/.test(f))
    .filter((f) => !fs.readFileSync(path.join(YAML_FIXTURE_DIR, f), 'utf8').trimStart().startsWith('{'))
    .sort();
export const readYamlFixture = (f: string): string => fs.readFileSync(path.join(YAML_FIXTURE_DIR, f), 'utf8');

/** An analysis from scratch: with the statement cache off, nothing of the analyses before is
 *  reused (no statement findings, facts or companion judgements); what they kept stays. */
export function withoutStatementCache<T>(run: () => T): T {
  statementCache.enabled = false;
  try {
    return run();
  } finally {
    statementCache.enabled = true;
  }
}
