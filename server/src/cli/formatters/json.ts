// Machine-readable report with a fixed shape (modelled on ESLint's JSON formatter, so tools that
// read that can read this). Keys are picked one by one so internal fields never leak into it.
import { LintResult } from '../results';

export function formatJson(results: readonly LintResult[]): string {
  const out = results.map((r) => ({
    filePath: r.filePath,
    messages: r.messages.map((m) => ({
      ruleId: m.ruleId,
      severity: m.severity,
      message: m.message,
      line: m.line,
      column: m.column,
      endLine: m.endLine,
      endColumn: m.endColumn,
    })),
    // ESLint's key for the fixed text (--fix, --fix-dry-run), present only when something changed.
    ...(r.output !== undefined ? { output: r.output } : {}),
  }));
  return `${JSON.stringify(out, null, 2)}\n`;
}
