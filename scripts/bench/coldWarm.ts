// First sight against steady state: the engine's CPU time over the 1,594 AWS managed policies,
// first pass (reference data read, expansions and ARN matches computed) and second pass (memo
// tables warm). CPU time, not wall time: on a shared machine wall time mostly measures the
// neighbours. Run: node --import tsx scripts/bench/coldWarm.ts
import { analyze } from '../../server/src/engine';
import { managedPolicies } from '../../test/corpus';
import { coldCache } from './coldCache';

if (require.main === module) {
  const docs = managedPolicies().map((d) => d.text);
  const cpuMs = (u: NodeJS.CpuUsage) => (u.user + u.system) / 1000;
  const c0 = process.cpuUsage();
  for (const t of docs) coldCache(() => analyze(t));
  const cold = cpuMs(process.cpuUsage(c0));
  const c1 = process.cpuUsage();
  for (const t of docs) coldCache(() => analyze(t));
  const warm = cpuMs(process.cpuUsage(c1));
  console.log(`managed set, engine CPU: first pass ${cold.toFixed(0)} ms, second ${warm.toFixed(0)} ms (${(cold / warm).toFixed(2)}×)`);
}
