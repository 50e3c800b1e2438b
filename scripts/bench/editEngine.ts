// The engine's share of an edit, in one process: a whole analysis with the per-statement cache off
// against the analysis of an edited version with the cache warm (as after each keystroke), for
// the documents of edit.ts. Alternating runs, medians; run: node --import tsx scripts/bench/editEngine.ts
import { analyzeHost } from '../../server/src/engine';
import { statementCache } from '../../server/src/engine/incremental/statementCache';
import { editDocuments } from './edit';
import { median } from './measure';

export interface EngineEditFigures {
  name: string;
  uncachedMs: number;
  cachedMs: number;
}

export function measureEngineEdits(rounds = 7): EngineEditFigures[] {
  const out: EngineEditFigures[] = [];
  for (const doc of editDocuments()) {
    const hint = { path: doc.uri, languageId: doc.languageId };
    const version = (i: number) => doc.text.slice(0, doc.at) + (i % 2 ? 'X' : 'Y') + doc.text.slice(doc.at + 1);
    analyzeHost(doc.text, hint); // warm-up: reference data loaded, cache filled
    const cached: number[] = [];
    const uncached: number[] = [];
    for (let i = 0; i < rounds; i++) {
      statementCache.enabled = false;
      let t = performance.now();
      analyzeHost(version(i), hint);
      uncached.push(performance.now() - t);
      statementCache.enabled = true;
      t = performance.now();
      analyzeHost(version(i + 1), hint);
      cached.push(performance.now() - t);
    }
    out.push({ name: doc.name, uncachedMs: median(uncached), cachedMs: median(cached) });
  }
  return out;
}

if (require.main === module) {
  for (const f of measureEngineEdits()) console.log(`${f.name}: without the cache ${f.uncachedMs.toFixed(1)} ms, with it ${f.cachedMs.toFixed(1)} ms (${(f.cachedMs / f.uncachedMs).toFixed(2)}×)`);
}
