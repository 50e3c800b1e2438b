// The scaling table: for every generated shape (shapes.ts), the engine's warm analysis time at
// 1 KB … 4 MB, per KB, against the parse floor of the same text. Each shape runs in its own child
// process so one shape's heap and caches do not weigh on the next.
// Run alone: node --import tsx scripts/bench/scaling.ts [--quick] [shape...]
// (a child: --child <shape> <documents.json>, written by the parent)
import { spawn } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { parseTree } from 'jsonc-parser';
import { parseDocument } from 'yaml';
import { fmtMs, perKbGrowth, timeMedian, TimingOptions } from './measure';
import { Shape, shapedDocument, SHAPES } from './shapes';
import { coldCache } from './coldCache';
import { engine } from './engine';

export const SIZES = [1, 10, 100, 1024, 4096].map((k) => k * 1024);
/** --quick stops at 100 KB: the 1 MB point of the six shapes alone takes 20–40 s of CPU (the
 *  edit figures still time a 1 MB document), so the quick verdict covers 10 KB → 100 KB. */
export const QUICK_SIZES = SIZES.filter((s) => s <= 100 * 1024);

/** A shape whose per-KB cost at a size from 10 KB to 1 MB is more than this times its per-KB
 *  cost at a smaller size of that range is flagged superlinear (the issue's "within 2× per KB"). */
export const GROWTH_LIMIT = 2;

export interface ScalingPoint {
  /** The size asked for (SIZES); `bytes` is the document's. */
  target: number;
  bytes: number;
  floorMs: number;
  analysisMs: number;
  findings: number;
}

export interface ShapeScaling {
  shape: Shape;
  points: ScalingPoint[];
}

/** How each point is timed. The smaller documents of the same shape run first in the same
 *  process (the reference data is read, the code compiled), so only the first size has a
 *  warm-up. Small documents: as many rounds as fit in the budget (a round lasts 20 ms or one
 *  call). 100 KB and 1 MB: three rounds, the fewest that have a median. --quick, 100 KB: one
 *  untimed run and one timed: a larger document of a shape names actions and ARNs the smaller
 *  ones did not, and the small points are medians of many rounds over memos they filled, so the
 *  timed run must not be the first sight either (a median of two is their mean: the first-sight
 *  half read as growth, 2.00× for many-actions-many-resources, whose one cold call per KB falls
 *  from 30 KB to 300 KB). 4 MB: one run, after the 1 MB rounds (each takes from seconds to a
 *  minute; the 4 MB point shows the shape of the curve, the target range ends at 1 MB). */
export function timingFor(bytes: number, quick: boolean, first: boolean): TimingOptions {
  const warmup = first ? 1 : 0;
  if (bytes >= 4 * 1024 * 1024) return { warmup, minRounds: 1, maxRounds: 1 };
  if (bytes >= 1024 * 1024) return quick ? { warmup, minRounds: 1, maxRounds: 1 } : { warmup, minRounds: 3, maxRounds: 3 };
  if (bytes >= 100 * 1024) return quick ? { warmup: 1, minRounds: 1, maxRounds: 1 } : { warmup, minRounds: 3, maxRounds: 3 };
  return { warmup: first ? 3 : 1, minRounds: 3, maxRounds: 30, budgetMs: quick ? 60 : 250 };
}

/** The documents of one shape, one per size. */
type ShapeDocuments = { target: number; text: string; path: string }[];

function documentsOf(shape: Shape, sizes: number[]): ShapeDocuments {
  return sizes.map((target) => ({ target, ...shapedDocument(shape, target) }));
}

export function measureShape(shape: Shape, sizes: number[], quick = false, docs: ShapeDocuments = documentsOf(shape, sizes)): ShapeScaling {
  const points: ScalingPoint[] = [];
  for (const [i, { target, text, path: file }] of docs.entries()) {
    const floor = file.endsWith('.yaml') ? () => parseDocument(text) : () => parseTree(text);
    const timing = timingFor(target, quick, i === 0);
    const floorMs = timeMedian(floor, timing);
    let findings = 0;
    const analysisMs = timeMedian(() => (findings = coldCache(() => engine().analyzeHost(text, { path: file })).findings.length), timing);
    points.push({ target, bytes: text.length, floorMs, analysisMs, findings });
  }
  return { shape, points };
}

/** Per-KB growth from the 10 KB point to the 1 MB one (the issue's range), or to the largest
 *  point measured below it (--quick): see perKbGrowth. */
export function growth(s: ShapeScaling): number {
  const range = s.points.filter((p) => p.target >= 10 * 1024 && p.target <= 1024 * 1024);
  return perKbGrowth(range.map((p) => ({ bytes: p.bytes, ms: p.analysisMs })));
}

/** The range `growth` judged, as the tables name it: "10 KB → 1 MB", or "10 KB → 100 KB". */
export function growthRange(results: ShapeScaling[]): string {
  const top = Math.max(0, ...(results[0]?.points.map((p) => p.target).filter((t) => t <= 1024 * 1024) ?? []));
  return `10 KB → ${kb(top)}`;
}

/** One child process per shape, one after another: on two cores a parallel run times the
 *  neighbour's garbage collector too (two at a time once made two linear shapes read as
 *  superlinear). Results keep the order of `shapes`. */
export async function measureScaling(quick: boolean, shapes: readonly Shape[] = SHAPES, parallel = 1): Promise<ShapeScaling[]> {
  const out: ShapeScaling[] = new Array(shapes.length);
  // The documents are generated here, once: each child would otherwise read the whole managed
  // corpus again (0.7 s of CPU per shape) to build them.
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'connect-iam-scaling-'));
  try {
    const sizes = quick ? QUICK_SIZES : SIZES;
    const files = shapes.map((shape) => {
      const file = path.join(dir, `${shape}.json`);
      fs.writeFileSync(file, JSON.stringify(documentsOf(shape, sizes)));
      return file;
    });
    let next = 0;
    const worker = async () => {
      while (next < shapes.length) {
        const i = next++;
        out[i] = await measureInChild(shapes[i], files[i], quick);
      }
    };
    await Promise.all(Array.from({ length: Math.max(1, parallel) }, worker));
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
  return out;
}

function measureInChild(shape: Shape, docs: string, quick: boolean): Promise<ShapeScaling> {
  const begin = performance.now();
  const args = ['--import', 'tsx', __filename, '--child', shape, docs, ...(quick ? ['--quick'] : [])];
  return new Promise<ShapeScaling>((resolve, reject) => {
    const child = spawn(process.execPath, args, { cwd: path.join(__dirname, '..', '..'), stdio: ['ignore', 'pipe', 'inherit'] });
    let stdout = '';
    child.stdout.on('data', (d) => (stdout += d));
    child.on('error', reject);
    child.on('exit', (code) => {
      if (code !== 0) return reject(new Error(`scaling child for ${shape} exited with ${code}`));
      console.error(`[bench] scaling ${shape}: ${((performance.now() - begin) / 1000).toFixed(1)} s wall`);
      resolve(JSON.parse(stdout));
    });
  });
}

const kb = (bytes: number) => (bytes >= 1024 * 1024 ? `${(bytes / 1024 / 1024).toFixed(1)} MB` : `${(bytes / 1024).toFixed(0)} KB`);

export function scalingTable(results: ShapeScaling[]): string {
  // Columns by the size asked for; each document is somewhat larger (its ms/KB is its own).
  const sizes = results[0]?.points.map((p) => p.target) ?? [];
  const lines = [
    `| shape | ${sizes.map((b) => `≈ ${kb(b)}: ms (ms/KB, ÷ floor)${b >= 4 * 1024 * 1024 ? ', one run' : ''}`).join(' | ')} | worst per-KB growth, ${growthRange(results)} | |`,
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
    const docs = JSON.parse(fs.readFileSync(argv[2], 'utf8')) as ShapeDocuments;
    process.stdout.write(JSON.stringify(measureShape(argv[1] as Shape, sizes, quick, docs)));
  } else {
    const only = argv.filter((a) => !a.startsWith('--')) as Shape[];
    measureScaling(quick, only.length ? only : SHAPES).then((r) => console.log(scalingTable(r)), (err) => {
      console.error(err);
      process.exit(1);
    });
  }
}
