// The engine's share of an edit, in one process: a whole analysis with the per-statement cache off
// against the analysis of an edited version with the cache warm (as after each keystroke), for
// the documents of edit.ts. Each edit is a text never seen before (editText.ts), so every timed
// analysis re-runs the statement-scoped rules on the edited statement, as typing does.
// Alternating runs, medians; run: node --import tsx scripts/bench/editEngine.ts
import { analyzeHost, HostHint, statementCache } from '../../server/src/engine';
import { editDocuments } from './edit';
import { editedText } from './editText';
import { median } from './measure';

export interface EngineEditFigures {
  name: string;
  uncachedMs: number;
  cachedMs: number;
}

/** Median ms of analysing `rounds` successive edits of the value ending at `at`, each with the
 *  cache warm from the version before (the first analysis, of `text`, fills it and is not timed;
 *  `warmup` edits follow untimed). Edits are numbered from `firstEdit`. */
export function editedAnalysisMs(text: string, at: number, hint: HostHint, rounds: number, warmup = 2, firstEdit = 0): number {
  analyzeHost(text, hint);
  const samples: number[] = [];
  for (let i = 0; i < warmup + rounds; i++) {
    const version = editedText(text, at, firstEdit + i);
    const t = performance.now();
    analyzeHost(version, hint);
    if (i >= warmup) samples.push(performance.now() - t);
  }
  return median(samples);
}

export function measureEngineEdits(rounds = 7): EngineEditFigures[] {
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
