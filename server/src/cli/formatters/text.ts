// The human report, in the spirit of ESLint's: one line per finding, starting with
// `path:line:col` so terminals and editors make it a link, then a one-line summary.
import { Severity } from '../../engine';
import { Counts, countBySeverity, LintResult } from '../results';
import { displayPath } from '../paths';
import { escapeControl } from '../escape';

export interface TextOptions {
  /** ANSI colours (the caller decides: a TTY and no NO_COLOR). */
  color: boolean;
  /** Paths are shown relative to this directory. */
  cwd: string;
}

const ANSI = { reset: '\x1b[0m', bold: '\x1b[1m', dim: '\x1b[2m', red: '\x1b[31m', yellow: '\x1b[33m', blue: '\x1b[34m', underline: '\x1b[4m' };
const SEVERITY_COLOR: Record<Severity, string> = { error: ANSI.red, warning: ANSI.yellow, information: ANSI.blue, hint: ANSI.dim };

export function formatText(results: readonly LintResult[], options: TextOptions): string {
  const paint = (codes: string, s: string) => (options.color ? `${codes}${s}${ANSI.reset}` : s);
  const blocks: string[] = [];
  for (const result of results) {
    if (result.messages.length === 0) continue;
    // Policy text and file names are the user's (or an attacker's): never raw on a terminal.
    const file = escapeControl(displayPath(result.filePath, options.cwd));
    const locations = result.messages.map((m) => `${file}:${m.line}:${m.column}`);
    // Pad locations and severities so that the messages of one file start in one column.
    const width = widest(locations);
    const severityWidth = widest(result.messages.map((m) => m.severity));
    const lines = result.messages.map((m, i) =>
      [
        paint(ANSI.underline, locations[i]) + ' '.repeat(width - locations[i].length),
        paint(SEVERITY_COLOR[m.severity], m.severity.padEnd(severityWidth)),
        escapeControl(m.message),
        paint(ANSI.dim, escapeControl(m.ruleId)),
      ].join('  '),
    );
    blocks.push(lines.join('\n'));
  }
  if (blocks.length === 0) return '';
  const counts = countBySeverity(results);
  const summaryColor = counts.error ? ANSI.red : counts.warning ? ANSI.yellow : ANSI.blue;
  return `${blocks.join('\n\n')}\n\n${paint(ANSI.bold + summaryColor, summary(counts))}\n`;
}

/** Longest length, by a loop: spreading 100 000 findings into Math.max overflows the stack. */
function widest(strings: readonly string[]): number {
  let max = 0;
  for (const s of strings) max = Math.max(max, s.length);
  return max;
}

export function summary(counts: Counts): string {
  const total = counts.error + counts.warning + counts.information + counts.hint;
  const parts = [plural(counts.error, 'error'), plural(counts.warning, 'warning'), `${counts.information} information`];
  if (counts.hint) parts.push(plural(counts.hint, 'hint'));
  return `${plural(total, 'problem')} (${parts.join(', ')})`;
}

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}
