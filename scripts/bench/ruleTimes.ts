// Which rules take the time on a generated shape: each rule timed alone (warm) on one document.
// Run: node --import tsx scripts/bench/ruleTimes.ts <shape> <KB>
import { allRules, analyzeDocument, parsePolicy } from '../../server/src/engine';
import { Shape, shapedDocument } from './shapes';
import { coldCache } from './coldCache';

if (require.main === module) {
  const [shape, kb] = process.argv.slice(2);
  const { text } = shapedDocument(shape as Shape, Number(kb) * 1024);
  const rows: [string, number][] = [];
  for (const rule of allRules) {
    const only = (r: { id: string }) => r.id === rule.id;
    analyzeDocument(parsePolicy(text), {}, only);
    const fresh = parsePolicy(text);
    const t = performance.now();
    coldCache(() => analyzeDocument(fresh, {}, only));
    rows.push([rule.id, performance.now() - t]);
  }
  rows.sort((a, b) => b[1] - a[1]);
  for (const [id, ms] of rows.slice(0, Number(process.argv[4] ?? 12))) console.log(`${ms.toFixed(1).padStart(9)} ms  ${id}`);
}
