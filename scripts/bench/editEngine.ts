// The engine's share of an edit, in one process: a whole analysis with the per-statement cache off
// against the analysis of an edited version with the cache warm (as after each keystroke), for
// the documents of edit.ts. Each edit is a text never seen before (editText.ts), so every timed
// analysis re-runs the statement-scoped rules on the edited statement, as typing does.
// Alternating runs, medians; run: node --import tsx scripts/bench/editEngine.ts
import { engine } from './engine';
import { editDocuments } from './edit';
import { editedText } from './editText';
import { median } from './measure';

export interface EngineEditFigures {
  name: string;
  uncachedMs: number;
  cachedMs: number;
}

/** Median ms of `analyze` on `rounds` successive edits of the value ending at `at`, each with
 *  the cache warm from the version before; the first `warmup` (at least one) are not timed: they
 *  fill the cache with the other statements, unless an analysis of `text` has just done so. */
export function editedAnalysisMs(text: string, at: number, analyze: (text: string) => unknown, rounds: number, warmup = 1): number {
  const samples: number[] = [];
  for (let i = 0; i < Math.max(1, warmup) + rounds; i++) {
    const version = editedText(text, at, i);
    const t = performance.now();
    analyze(version);
    if (i >= Math.max(1, warmup)) samples.push(performance.now() - t);
  }
  return median(samples);
}

export function measureEngineEdits(rounds = 7): EngineEditFigures[] {
  const { analyzeHost, statementCache } = engine();
  const out: EngineEditFigures[] = [];
  for (const doc of editDocuments()) {
    const hint = { path: doc.uri, languageId: doc.languageId };
    analyzeHost(doc.text, hint); // warm-up: reference data loaded, cache filled
    const cached: number[] = [];
    const uncached: number[] = [];
    let n = 0;
    for (let i = 0; i < rounds; i++) {
      statementCache.enabled = false;
      let t = performance.now();
      analyzeHost(editedText(doc.text, doc.at, n++), hint);
      uncached.push(performance.now() - t);
      statementCache.enabled = true;
      // The cache holds the last version analysed with it on: one statement differs.
      t = performance.now();
      analyzeHost(editedText(doc.text, doc.at, n++), hint);
      cached.push(performance.now() - t);
    }
    out.push({ name: doc.name, uncachedMs: median(uncached), cachedMs: median(cached) });
  }
  return out;
}

if (require.main === module) {
  for (const f of measureEngineEdits()) console.log(`${f.name}: without the cache ${f.uncachedMs.toFixed(1)} ms, with it ${f.cachedMs.toFixed(1)} ms (${(f.cachedMs / f.uncachedMs).toFixed(2)}×)`);
}
