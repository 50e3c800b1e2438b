// Throwaway measurement (LSP helper): the analysis worker's edit time and heap under different
// resourceLimits, alternated run by run. Run: node --import tsx scripts/bench/lspPool.ts [name]
import { AnalysisPool } from '../../server/src/lsp/analysisWorker';
import { readDiagnostics } from '../../server/src/lsp/workerSession';
import { editDocuments } from './edit';
import { median } from './measure';

const variants: Record<string, object> = {
  none: {},
  y48: { maxYoungGenerationSizeMb: 48, maxOldGenerationSizeMb: 2048 },
  y16: { maxYoungGenerationSizeMb: 16, maxOldGenerationSizeMb: 2048 },
  y8: { maxYoungGenerationSizeMb: 8, maxOldGenerationSizeMb: 2048 },
  y8o1024: { maxYoungGenerationSizeMb: 8, maxOldGenerationSizeMb: 1024 },
  o1024: { maxOldGenerationSizeMb: 1024 },
};
const picked = process.argv[3] ? process.argv[3].split(',') : Object.keys(variants);

async function main() {
  const only = process.argv[2] ?? '1 MB policy';
  const doc = editDocuments().find((d) => d.name === only)!;
  const version = (i: number) => doc.text.slice(0, doc.at) + (i % 2 ? 'X' : 'Y') + doc.text.slice(doc.at + 1);
  const pools = Object.fromEntries(picked.map((k) => [k, new AnalysisPool({ resourceLimits: variants[k] })]));
  const times: Record<string, number[]> = {};
  const cpu: Record<string, number[]> = {};
  const opts = { path: doc.uri, languageId: doc.languageId };
  for (const k of picked) await pools[k].run(doc.uri, doc.text, opts);
  for (let i = 0; i < 8; i++) {
    for (const k of picked) {
      const c = process.cpuUsage();
      const t = performance.now();
      const r = await pools[k].run(doc.uri, version(i), opts, { version: i, languageId: doc.languageId, unpublished: [] });
      readDiagnostics(r);
      (times[k] ??= []).push(performance.now() - t);
      const u = process.cpuUsage(c);
      (cpu[k] ??= []).push((u.user + u.system) / 1000);
    }
  }
  for (const k of picked) console.log(k.padEnd(6), 'wall', median(times[k]).toFixed(0), 'cpu', median(cpu[k]).toFixed(0), 'heapUsed MB', (pools[k].stats.lastRun!.heapUsed / 1e6).toFixed(0));
  console.log('rss', (process.memoryUsage().rss / 1e6).toFixed(0));
  for (const p of Object.values(pools)) p.dispose();
}
void main();
