// Fix-all: apply every `safe` fix at once. Fixes of different findings can touch the same text
// (two comments on one line, a fix that rewrites a value another fix edits), and a fix can expose
// a new finding (a removed comma reveals the one before it), so each round applies only fixes that
// do not overlap anything chosen before, then re-analyses and goes again until a round has nothing
// left to do (a fixed point), a text comes back (a cycle) or MAX_ROUNDS is reached.
import { analyzeHost, HostAnalyzeOptions } from '../analyze';
import { applyEdits } from '../textEdits';
import { Finding, Fix, TextEdit } from '../types';

/** Rounds before giving up: each round fixes at least one finding, and real policies need 1–2. The
 *  bound is what keeps two fixes that undo each other from looping. */
const MAX_ROUNDS = 10;

export interface FixAllResult {
  text: string;
  /** Edits against the ORIGINAL text when one round did everything; otherwise undefined (the
   *  caller falls back to a diff of the two texts). */
  singleRoundEdits?: TextEdit[];
  fixed: number;
  /** A last analysis found no safe fix left to apply (false: stopped by the round bound or a
   *  cycle). */
  converged: boolean;
}

/** The fix fix-all uses for a finding: its preferred safe fix, else its first safe one. */
export function safeFixOf(f: Finding): Fix | undefined {
  const safe = (f.fixes ?? []).filter((x) => x.safe && x.edits.length > 0);
  return safe.find((x) => x.isPreferred) ?? safe[0];
}

function overlaps(a: TextEdit, b: TextEdit): boolean {
  // Two insertions at one point also conflict: their order would be arbitrary.
  if (a.range.start === b.range.start) return true;
  return a.range.start < b.range.end && b.range.start < a.range.end;
}

/** Non-overlapping safe fixes of one analysis (a fix is all-or-nothing). */
function pickFixes(findings: readonly Finding[]): { edits: TextEdit[]; count: number; skipped: number } {
  const edits: TextEdit[] = [];
  let count = 0;
  let skipped = 0;
  for (const f of findings) {
    const fix = safeFixOf(f);
    if (!fix) continue;
    if (fix.edits.some((e) => edits.some((chosen) => overlaps(e, chosen)))) {
      skipped++;
      continue;
    }
    edits.push(...fix.edits);
    count++;
  }
  return { edits, count, skipped };
}

export function fixAll(text: string, options: HostAnalyzeOptions, first?: readonly Finding[]): FixAllResult {
  let current = text;
  let findings = first ?? analyzeHost(text, options).findings;
  let fixed = 0;
  let singleRoundEdits: TextEdit[] | undefined;
  const seen = new Set<string>([text]);
  let converged = false;
  for (let round = 0; round < MAX_ROUNDS; round++) {
    const { edits, count } = pickFixes(findings);
    const next = count === 0 ? current : applyEdits(current, edits);
    if (next === current || seen.has(next)) {
      converged = next === current;
      break;
    }
    seen.add(next);
    singleRoundEdits = round === 0 ? edits : undefined;
    current = next;
    fixed += count;
    findings = analyzeHost(current, options).findings;
  }
  return { text: current, singleRoundEdits, fixed, converged };
}

