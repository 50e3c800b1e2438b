// The real-world corpus (test/fixtures/realworld/): public policy documents linted with the whole
// engine, and the reviewed list of every error and warning they draw (expectations.json).
// `npm run realworld:update` regenerates that list from the current engine, keeping the verdict and
// note of every entry that still occurs and marking new ones `unreviewed`; the unit test
// test/unit/realworld.test.ts fails until the list is exact and fully reviewed.
import * as fs from 'fs';
import * as path from 'path';
import { analyze, Finding, LineIndex } from '../server/src/engine';

export const CORPUS_DIR = path.join(__dirname, '..', 'test', 'fixtures', 'realworld');
export const EXPECTATIONS_FILE = path.join(CORPUS_DIR, 'expectations.json');
export const SOURCES_FILE = path.join(CORPUS_DIR, 'SOURCES.md');
export const UPDATE_COMMAND = 'npm run realworld:update';

/** `true`: a real problem; `false-positive`: the linter is wrong; `unreviewed`: nobody judged it yet. */
export type Verdict = 'true' | 'false-positive' | 'unreviewed';
export const VERDICTS: readonly Verdict[] = ['true', 'false-positive', 'unreviewed'];

/** One error or warning on one document. `file`, `ruleId`, `line:column` and `severity` identify it. */
export interface Expectation {
  file: string;
  ruleId: string;
  /** One-based, as editors and the CLI show it. */
  line: number;
  column: number;
  severity: 'error' | 'warning';
  /** The text the finding points at (shortened), to read the list without opening the document. */
  text: string;
  verdict: Verdict;
  note: string;
}

export interface CorpusDocument {
  /** Path relative to the corpus directory, with forward slashes. */
  file: string;
  text: string;
}

/** A finding of the current engine, reduced to what the expectations record. */
export type Reported = Omit<Expectation, 'verdict' | 'note'>;

/** Bounds the walk: the corpus is two levels deep (source directory, document). */
const MAX_DOCUMENTS = 5000;
const TEXT_LIMIT = 80;

/** Every document of the corpus (the .json files one level below it, expectations.json excluded), sorted. */
export function corpusDocuments(dir = CORPUS_DIR): CorpusDocument[] {
  const docs: CorpusDocument[] = [];
  for (const source of fs.readdirSync(dir, { withFileTypes: true }).filter((e) => e.isDirectory())) {
    for (const name of fs.readdirSync(path.join(dir, source.name)).filter((n) => n.endsWith('.json'))) {
      if (docs.length >= MAX_DOCUMENTS) throw new Error(`more than ${MAX_DOCUMENTS} documents under ${dir}`);
      docs.push({ file: `${source.name}/${name}`, text: fs.readFileSync(path.join(dir, source.name, name), 'utf8') });
    }
  }
  return docs.sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : 0));
}

/** Identity of an entry: the same document, rule, position and severity. */
export function entryKey(e: Pick<Expectation, 'file' | 'ruleId' | 'line' | 'column' | 'severity'>): string {
  return `${e.file} ${e.line}:${e.column} ${e.severity} ${e.ruleId}`;
}

function shorten(s: string): string {
  const oneLine = s.replace(/\s+/g, ' ');
  return oneLine.length > TEXT_LIMIT ? `${oneLine.slice(0, TEXT_LIMIT - 1)}…` : oneLine;
}

export interface CorpusRun {
  reported: Reported[];
  /** Information-level findings per rule: statistics only, never expectations. */
  information: Map<string, number>;
  documents: number;
  notPolicy: string[];
}

/** Lint every document with the engine's defaults (the kind of policy is inferred, as in the editor). */
export function lintCorpus(docs = corpusDocuments()): CorpusRun {
  const reported: Reported[] = [];
  const information = new Map<string, number>();
  const notPolicy: string[] = [];
  for (const doc of docs) {
    const result = analyze(doc.text);
    if (!result.isPolicy) notPolicy.push(doc.file);
    const lines = new LineIndex(doc.text);
    for (const f of result.findings) {
      if (f.severity === 'error' || f.severity === 'warning') reported.push(toReported(doc, f, lines));
      else information.set(f.ruleId, (information.get(f.ruleId) ?? 0) + 1);
    }
  }
  return { reported, information, documents: docs.length, notPolicy };
}

function toReported(doc: CorpusDocument, f: Finding, lines: LineIndex): Reported {
  const pos = lines.positionAt(f.range.start);
  return {
    file: doc.file,
    ruleId: f.ruleId,
    line: pos.line + 1,
    column: pos.character + 1,
    severity: f.severity as 'error' | 'warning',
    text: shorten(doc.text.slice(f.range.start, f.range.end)),
  };
}

export function readExpectations(file = EXPECTATIONS_FILE): Expectation[] {
  if (!fs.existsSync(file)) return [];
  const data = JSON.parse(fs.readFileSync(file, 'utf8')) as { entries?: Expectation[] };
  if (!Array.isArray(data.entries)) throw new Error(`${file} has no "entries" array`);
  return data.entries;
}

export function writeExpectations(entries: Expectation[], file = EXPECTATIONS_FILE): void {
  const body = {
    about:
      'Every error and warning the linter reports on the documents of this directory, with a reviewed verdict: ' +
      '"true" (a real problem), "false-positive" (the linter is wrong; the test lists these as known false positives), ' +
      `"unreviewed" (new: judge it). Regenerate with ${UPDATE_COMMAND}; verdicts and notes of entries that still occur are kept.`,
    entries,
  };
  // One entry a line: the list reads like a report and diffs entry by entry.
  const lines = body.entries.map((e) => `    ${JSON.stringify(e)}`);
  fs.writeFileSync(file, `{\n  "about": ${JSON.stringify(body.about)},\n  "entries": [\n${lines.join(',\n')}\n  ]\n}\n`);
}

export interface Difference {
  /** Reported by the engine, absent from the list (a new finding: a new false positive or a new catch). */
  unexpected: Reported[];
  /** In the list, no longer reported. */
  missing: Expectation[];
  unreviewed: Expectation[];
  invalid: string[];
}

export function compare(reported: Reported[], expected: Expectation[]): Difference {
  const want = new Map(expected.map((e) => [entryKey(e), e]));
  const got = new Set(reported.map(entryKey));
  const invalid: string[] = [];
  const seen = new Set<string>();
  for (const e of expected) {
    const key = entryKey(e);
    if (seen.has(key)) invalid.push(`${key}: listed twice`);
    seen.add(key);
    if (!VERDICTS.includes(e.verdict)) invalid.push(`${key}: verdict ${JSON.stringify(e.verdict)} is not one of ${VERDICTS.join(', ')}`);
    if (e.verdict === 'false-positive' && !e.note?.trim()) invalid.push(`${key}: a false positive needs a note saying why`);
  }
  return {
    unexpected: reported.filter((r) => !want.has(entryKey(r))),
    missing: expected.filter((e) => !got.has(entryKey(e))),
    unreviewed: expected.filter((e) => e.verdict === 'unreviewed'),
    invalid,
  };
}

/**
 * The new list: one entry per reported finding, in corpus order. An entry that still occurs keeps
 * its verdict and note. A finding that moved (same document, rule, severity and text, another
 * position: the rule's range changed) keeps them too; anything else is `unreviewed`.
 */
export function updatedExpectations(reported: Reported[], previous: Expectation[]): Expectation[] {
  const reportedKeys = new Set(reported.map(entryKey));
  const byKey = new Map(previous.map((e) => [entryKey(e), e]));
  // Entries whose own position is no longer reported, by what they point at: candidates for a move.
  const moved = new Map<string, Expectation[]>();
  const textKey = (e: Reported) => `${e.file} ${e.severity} ${e.ruleId} ${e.text}`;
  for (const e of previous) {
    if (reportedKeys.has(entryKey(e))) continue;
    moved.set(textKey(e), [...(moved.get(textKey(e)) ?? []), e]);
  }
  return reported.map((r) => {
    const old = byKey.get(entryKey(r)) ?? moved.get(textKey(r))?.shift();
    return { ...r, verdict: old?.verdict ?? 'unreviewed', note: old?.note ?? '' };
  });
}

/** Human-readable lines for a difference, capped so a broken engine does not flood the output. */
export function describeDifference(d: Difference, cap = 60): string {
  const lines: string[] = [];
  const section = (title: string, items: string[]) => {
    if (items.length === 0) return;
    lines.push(`${title} (${items.length}):`, ...items.slice(0, cap).map((s) => `  ${s}`));
    if (items.length > cap) lines.push(`  … and ${items.length - cap} more`);
  };
  section('Reported but not in expectations.json (new findings: judge each one)', d.unexpected.map((r) => `${entryKey(r)}  ${JSON.stringify(r.text)}`));
  section('In expectations.json but no longer reported', d.missing.map((e) => `${entryKey(e)}  ${JSON.stringify(e.text)}  (was ${e.verdict})`));
  section('Entries still marked unreviewed', d.unreviewed.map((e) => `${entryKey(e)}  ${JSON.stringify(e.text)}`));
  section('Malformed entries', d.invalid);
  if (lines.length > 0) {
    lines.push(
      `To update: run ${UPDATE_COMMAND} (keeps the verdicts of entries that still occur, drops the ones no longer reported, ` +
        'adds new ones as unreviewed), then set verdict and note of every unreviewed entry in test/fixtures/realworld/expectations.json.',
    );
  }
  return lines.join('\n');
}

if (require.main === module) {
  const run = lintCorpus();
  const previous = readExpectations();
  const next = updatedExpectations(run.reported, previous);
  writeExpectations(next);
  const d = compare(run.reported, previous);
  const count = (v: Verdict) => next.filter((e) => e.verdict === v).length;
  // Entries that disappeared because they moved keep their verdict; the rest are really gone.
  const kept = new Set(next.map(entryKey));
  const gone = previous.filter((e) => !kept.has(entryKey(e)) && !next.some((n) => n.file === e.file && n.ruleId === e.ruleId && n.text === e.text && n.verdict === e.verdict && n.severity === e.severity));
  const goneTrue = gone.filter((e) => e.verdict === 'true');
  console.log(
    `${run.documents} documents: ${next.length} errors and warnings (${d.unexpected.length} new, ${gone.length} gone: ` +
      `${gone.filter((e) => e.verdict === 'false-positive').length} false positives fixed, ${goneTrue.length} true findings no longer reported); ` +
      `true ${count('true')}, false-positive ${count('false-positive')}, unreviewed ${count('unreviewed')}`,
  );
  // A true finding that vanished is a possible new miss: show it so the change is judged, not lost.
  for (const e of goneTrue.slice(0, 40)) console.log(`  no longer reported (was true): ${entryKey(e)}  ${JSON.stringify(e.text)}`);
  if (goneTrue.length > 40) console.log(`  … and ${goneTrue.length - 40} more`);
}
