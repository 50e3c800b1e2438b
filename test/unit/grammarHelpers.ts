// Helpers shared by the grammar tests: the single finding of a rule, applying its fix and
// re-linting, and a check that a rule (or the whole grammar family) stays silent.
import * as assert from 'node:assert/strict';
import { AnalyzeOptions, Finding } from '../../server/src/engine';
import { grammarRules } from '../../server/src/engine/rules/grammar';
import { applyFix, findingsOf, lint, rangeText } from '../helpers';

const GRAMMAR_IDS = new Set(grammarRules.map((r) => r.id));

/** The single finding of `ruleId`, asserting its range covers exactly `expectedText`. */
export function only(text: string, ruleId: string, expectedText: string, options?: AnalyzeOptions): Finding {
  const found = findingsOf(text, ruleId, options);
  assert.equal(found.length, 1, `expected one ${ruleId}, got ${found.length}: ${found.map((f) => f.message).join(' | ')}`);
  assert.equal(rangeText(text, found[0]), expectedText);
  return found[0];
}

/** Apply the preferred fix; the JSON still parses and the finding is gone. Returns the new text. */
export function fixAndRelint(text: string, f: Finding, options?: AnalyzeOptions): string {
  const fixed = applyFix(text, f);
  assert.doesNotThrow(() => JSON.parse(fixed));
  assert.deepEqual(findingsOf(fixed, f.ruleId, options).map((x) => x.message), []);
  return fixed;
}

export function silent(text: string, ruleId: string, options?: AnalyzeOptions): void {
  assert.deepEqual(findingsOf(text, ruleId, options).map((f) => f.message), []);
}

/** No grammar rule reports anything. */
export function grammarSilent(text: string, options?: AnalyzeOptions): void {
  const found = lint(text, options).filter((f) => GRAMMAR_IDS.has(f.ruleId));
  assert.deepEqual(found.map((f) => `${f.ruleId}: ${f.message}`), []);
}

/** Rule ids of all grammar findings, sorted. */
export function grammarIds(text: string, options?: AnalyzeOptions): string[] {
  return lint(text, options).filter((f) => GRAMMAR_IDS.has(f.ruleId)).map((f) => f.ruleId).sort();
}
