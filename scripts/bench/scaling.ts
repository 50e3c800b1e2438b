// The scaling table: for every generated shape (shapes.ts), the engine's warm analysis time at
// 1 KB … 4 MB, per KB, against the parse floor of the same text. Each shape runs in its own child
// process so one shape's heap and caches do not weigh on the next.
// Run alone: node --import tsx scripts/bench/scaling.ts [--quick] [shape...]
import { spawn } from 'child_process';
import * as path from 'path';
import { parseTree } from 'jsonc-parser';
import { parseDocument } from 'yaml';
import { analyzeHost } from '../../server/src/engine';
import { fmtMs, median } from './measure';
import { Shape, shapedDocument, SHAPES } from './shapes';
import { coldCache } from './coldCache';

export const SIZES = [1, 10, 100, 1024, 4096].map((k) => k * 1024);
export const QUICK_SIZES = SIZES.filter((s) => s <= 1024 * 1024);

/** A shape whose per-KB cost grows more than this from 10 KB to 1 MB is flagged superlinear. */
export const GROWTH_LIMIT = 2;

export interface ScalingPoint {
  bytes: number;
  floorMs: number;
  analysisMs: number;
  findings: number;
}

export interface ShapeScaling {
  shape: Shape;
  points: ScalingPoint[];
}

/** Median of timed runs after one untimed one, repeated until about `budgetMs` have passed
 *  (at least 3, at most 30 runs): small documents get many samples, 4 MB gets three. */
function timeWarm(fn: () => unknown, budgetMs: number, minRuns = 3): number {
  fn();
  const samples: number[] = [];
  const begin = performance.now();
  while (samples.length < minRuns || (samples.length < 30 && performance.now() - begin < budgetMs)) {
    const t = performance.now();
    fn();
    samples.push(performance.now() - t);
  }
  return median(samples);
}

export function measureShape(shape: Shape, sizes: number[], quick = false): ShapeScaling {
  const points: ScalingPoint[] = [];
  for (const bytes of sizes) {
    const { text, path: file } = shapedDocument(shape, bytes);
    const floor = file.endsWith('.yaml') ? () => parseDocument(text) : () => parseTree(text);
    const budget = bytes <= 100 * 1024 ? (quick ? 80 : 400) : 0;
    const minRuns = quick && bytes >= 1024 * 1024 ? 2 : 3;
    const floorMs = timeWarm(floor, budget, minRuns);
    const analysisMs = timeWarm(() => coldCache(() => analyzeHost(text, { path: file })), budget, minRuns);
    points.push({ bytes: text.length, floorMs, analysisMs, findings: analyzeHost(text, { path: file }).findings.length });
  }
  return { shape, points };
}

/** Per-KB cost at the ~1 MB point over the ~10 KB point. */
export function growth(s: ShapeScaling): number {
  const near = (target: number) => s.points.reduce((best, p) => (Math.abs(p.bytes - target) < Math.abs(best.bytes - target) ? p : best));
  const small = near(10 * 1024);
  const large = near(1024 * 1024);
  return (large.analysisMs / large.bytes) / (small.analysisMs / small.bytes);
}

/** One child process per shape, one after another (the machine has two cores, and a parallel
 *  run would time the neighbour). */
export async function measureScaling(quick: boolean, shapes: readonly Shape[] = SHAPES): Promise<ShapeScaling[]> {
  const out: ShapeScaling[] = [];
  for (const shape of shapes) {
    const args = ['--import', 'tsx', __filename, '--child', shape, ...(quick ? ['--quick'] : [])];
    out.push(await new Promise<ShapeScaling>((resolve, reject) => {
      const child = spawn(process.execPath, args, { cwd: path.join(__dirname, '..', '..'), stdio: ['ignore', 'pipe', 'inherit'] });
      let stdout = '';
      child.stdout.on('data', (d) => (stdout += d));
      child.on('error', reject);
      child.on('exit', (code) => (code === 0 ? resolve(JSON.parse(stdout)) : reject(new Error(`scaling child for ${shape} exited with ${code}`))));
    }));
  }
  return out;
}

const kb = (bytes: number) => (bytes >= 1024 * 1024 ? `${(bytes / 1024 / 1024).toFixed(1)} MB` : `${(bytes / 1024).toFixed(0)} KB`);

export function scalingTable(results: ShapeScaling[]): string {
  const sizes = results[0]?.points.map((p) => p.bytes) ?? [];
  const lines = [
    `| shape | ${sizes.map((b) => `${kb(b)}: ms (ms/KB, ÷ floor)`).join(' | ')} | per KB 1 MB ÷ 10 KB | |`,
    `|---|${sizes.map(() => '---|').join('')}---|---|`,
  ];
  for (const r of results) {
    const cells = r.points.map((p) => `${fmtMs(p.analysisMs)} (${(p.analysisMs / (p.bytes / 1024)).toFixed(3)}, ${(p.analysisMs / p.floorMs).toFixed(1)}×)`);
    const g = growth(r);
    lines.push(`| ${r.shape} | ${cells.join(' | ')} | ${g.toFixed(2)}× | ${g > GROWTH_LIMIT ? '**superlinear**' : 'linear'} |`);
  }
  return lines.join('\n');
}

if (require.main === module) {
  const argv = process.argv.slice(2);
  const quick = argv.includes('--quick');
  const sizes = quick ? QUICK_SIZES : SIZES;
  if (argv[0] === '--child') {
    process.stdout.write(JSON.stringify(measureShape(argv[1] as Shape, sizes, quick)));
  } else {
    const only = argv.filter((a) => !a.startsWith('--')) as Shape[];
    measureScaling(quick, only.length ? only : SHAPES).then((r) => console.log(scalingTable(r)), (err) => {
      console.error(err);
      process.exit(1);
    });
  }
}
