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
import { fmtMs, median, perKbGrowth, timeMedian, TimingOptions } from './measure';
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
  /** Each point's medians over the rounds. */
  points: ScalingPoint[];
  /** The per-KB growth of each round (perKbGrowth over that round's 10 KB → 1 MB points), when
   *  the sizes were measured in interleaved rounds (measureShape). */
  roundGrowth?: number[];
}

/** How many times the sizes up to 1 MB are measured, each round all of them in turn: this
 *  machine's speed can change by 2× between one minute and the next (the parse floor reads 0.10
 *  or 0.20 ms), so sizes measured one after the other could compare a fast minute with a slow one
 *  and read as growth (many-actions-many-resources and minified each once read 2.4–3.7× "superlinear",
 *  and linear when measured again). A round measures every size within seconds; its growth is
 *  judged within it, and the verdict is the median round's. Three: the fewest with a median
 *  (five made the whole bench pass its three minutes). */
export const ROUNDS = 3;

/** How each size is timed within one round: documents below 100 KB as a median of short repeated
 *  calls (a round lasts 20 ms or one call), larger ones one call. Every size has had one untimed
 *  call first (first sight: a larger document of a shape names actions and ARNs the smaller ones
 *  did not, and the reference work it starts is paid once per process). */
export function timingFor(bytes: number, quick: boolean): TimingOptions {
  if (bytes >= 100 * 1024) return { warmup: 0, minRounds: 1, maxRounds: 1 };
  return { warmup: 0, minRounds: 3, maxRounds: 15, budgetMs: quick ? 15 : 50 };
}

/** The documents of one shape, one per size. */
type ShapeDocuments = { target: number; text: string; path: string }[];

function documentsOf(shape: Shape, sizes: number[]): ShapeDocuments {
  return sizes.map((target) => ({ target, ...shapedDocument(shape, target) }));
}

/** Is a size in the range the growth is judged over (the issue's 10 KB → 1 MB)? */
const inGrowthRange = (target: number) => target >= 10 * 1024 && target <= 1024 * 1024;

/** Sizes up to 1 MB: a first-sight call each, then ROUNDS rounds over all of them in turn;
 *  4 MB (each call takes seconds to a minute; it shows the shape of the curve, the target range
 *  ends at 1 MB) one timed call after the rounds. */
export function measureShape(shape: Shape, sizes: number[], quick = false, docs: ShapeDocuments = documentsOf(shape, sizes)): ShapeScaling {
  const timed = docs.map(({ target, text, path: file }) => {
    const floor = file.endsWith('.yaml') ? () => parseDocument(text) : () => parseTree(text);
    let findings = 0;
    const analysis = () => (findings = coldCache(() => engine().analyzeHost(text, { path: file })).findings.length);
    return { target, bytes: text.length, floor, analysis, findings: () => findings, floors: [] as number[], analyses: [] as number[] };
  });
  const inRounds = timed.filter((t) => t.target <= 1024 * 1024);
  for (const t of inRounds) {
    t.floor();
    t.analysis();
  }
  const roundGrowth: number[] = [];
  for (let r = 0; r < ROUNDS; r++) {
    for (const t of inRounds) {
      const timing = timingFor(t.target, quick);
      t.floors.push(timeMedian(t.floor, timing));
      t.analyses.push(timeMedian(t.analysis, timing));
    }
    roundGrowth.push(perKbGrowth(inRounds.filter((t) => inGrowthRange(t.target)).map((t) => ({ bytes: t.bytes, ms: t.analyses[r] }))));
  }
  for (const t of timed.filter((x) => x.target > 1024 * 1024)) {
    const once = { warmup: 0, minRounds: 1, maxRounds: 1 };
    t.floors.push(timeMedian(t.floor, once));
    t.analyses.push(timeMedian(t.analysis, once));
  }
  const points = timed.map((t) => ({ target: t.target, bytes: t.bytes, floorMs: median(t.floors), analysisMs: median(t.analyses), findings: t.findings() }));
  return { shape, points, roundGrowth };
}

/** Per-KB growth from the 10 KB point to the 1 MB one (the issue's range), or to the largest
 *  point measured below it (--quick): the median of the rounds' own growths when the sizes were
 *  measured in rounds, else perKbGrowth of the points. */
export function growth(s: ShapeScaling): number {
  if (s.roundGrowth?.length) return median(s.roundGrowth);
  const range = s.points.filter((p) => inGrowthRange(p.target));
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
    `| shape | ${sizes.map((b) => `≈ ${kb(b)}: ms (ms/KB, ÷ floor)${b >= 4 * 1024 * 1024 ? ', one run' : ''}`).join(' | ')} | worst per-KB growth, ${growthRange(results)}${results[0]?.roundGrowth ? `, median of ${results[0].roundGrowth.length} rounds` : ''} | |`,
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
