// What the CLI knows about one linted file: findings converted to 1-based line/column positions.
// The formatters are pure functions of these values, so they are tested without a process.
import { Finding, LineIndex, OffsetRange, Severity } from '../engine';

/** A 1-based, end-exclusive span (the convention of ESLint's JSON output and of SARIF regions). */
export interface Span {
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
}

export interface RelatedMessage extends Span {
  message: string;
}

export interface LintMessage extends Span {
  ruleId: string;
  severity: Severity;
  message: string;
  related?: RelatedMessage[];
}

export interface LintResult {
  /** Absolute path of the file (`<text>` for standard input without `--stdin-filename`). */
  filePath: string;
  messages: LintMessage[];
  /** With `--fix` / `--fix-dry-run`: the fixed text, when it differs from the input (the messages
   *  are then those of the fixed text). */
  output?: string;
}

export function toSpan(lines: LineIndex, range: OffsetRange): Span {
  const start = lines.positionAt(range.start);
  const end = lines.positionAt(range.end);
  return { line: start.line + 1, column: start.character + 1, endLine: end.line + 1, endColumn: end.character + 1 };
}

export function toLintResult(filePath: string, text: string, findings: readonly Finding[]): LintResult {
  const lines = new LineIndex(text);
  return {
    filePath,
    messages: findings.map((f) => ({
      ruleId: f.ruleId,
      severity: f.severity,
      message: f.message,
      ...toSpan(lines, f.range),
      ...(f.related?.length ? { related: f.related.map((r) => ({ message: r.message, ...toSpan(lines, r.range) })) } : {}),
    })),
  };
}

export type Counts = Record<Severity, number>;

export function countBySeverity(results: readonly LintResult[]): Counts {
  const counts: Counts = { error: 0, warning: 0, information: 0, hint: 0 };
  for (const r of results) for (const m of r.messages) counts[m.severity]++;
  return counts;
}

/** `--quiet`: keep errors only (the exit code is still computed on everything, as in ESLint). */
export function errorsOnly(results: readonly LintResult[]): LintResult[] {
  return results.map((r) => ({ ...r, messages: r.messages.filter((m) => m.severity === 'error') }));
}

export const EXIT_OK = 0;
export const EXIT_FINDINGS = 1;
export const EXIT_USAGE_OR_IO = 2;

/** Exit code policy: an input problem (a path that could not be read or held no policy) wins over
 *  findings, because then the run did not lint everything it was asked to and must not pass CI on
 *  a partial result. */
export function exitCode(counts: Counts, opts: { maxWarnings?: number; inputProblems: number }): number {
  if (opts.inputProblems > 0) return EXIT_USAGE_OR_IO;
  if (counts.error > 0) return EXIT_FINDINGS;
  if (opts.maxWarnings !== undefined && counts.warning > opts.maxWarnings) return EXIT_FINDINGS;
  return EXIT_OK;
}
