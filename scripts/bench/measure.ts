// Timing helpers for the benchmark: warm-up, repetitions, medians and percentiles, and the peak
// resident set of a server process.
import * as fs from 'fs';

export function median(values: number[]): number {
  return percentile(values, 50);
}

/** Rows measured in several runs, matched by `doc`: each of `fields` the median over the runs
 *  that have the row, the rest (and the order) the first run's. */
export function medianRows<T extends { doc: string }>(runs: T[][], fields: (keyof T & string)[]): T[] {
  return (runs[0] ?? []).map((first) => {
    const same = runs.map((r) => r.find((x) => x.doc === first.doc)).filter((x): x is T => x !== undefined);
    const out = { ...first };
    for (const f of fields) (out as Record<string, unknown>)[f] = median(same.map((x) => Number(x[f])));
    return out;
  });
}

export function percentile(values: number[], p: number): number {
  if (values.length === 0) return NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const index = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[index];
}

export interface TimingOptions {
  /** Untimed calls first; 0 when the process is warm already (a smaller document of the same
   *  shape ran before), so that a slow call is not repeated only to be thrown away. */
  warmup?: number;
  /** Timed rounds: at least `minRounds`, then more while `budgetMs` lasts, at most `maxRounds`. */
  minRounds?: number;
  maxRounds?: number;
  budgetMs?: number;
  /** A round repeats the call until it lasts about this long, so fast calls are timed above the
   *  clock's resolution; slow calls are one call per round. */
  roundMs?: number;
}

/** Median milliseconds of one call of `fn`. The last warm-up call (or, when `warmup` is 0, the
 *  first call, then a sample when it is a whole round) measures how many calls make one round:
 *  measured after the other warm-up calls, so a first call that reads the reference data does not
 *  make every round a single call. */
export function timeMedian(fn: () => unknown, opts: TimingOptions = {}): number {
  const { warmup = 1, minRounds = 5, maxRounds = 15, budgetMs = 0, roundMs = 20 } = opts;
  const samples: number[] = [];
  for (let i = 1; i < warmup; i++) fn();
  let begin = process.hrtime.bigint();
  fn();
  const once = since(begin);
  const inner = Math.max(1, Math.min(10_000, Math.round(roundMs / Math.max(once, 0.001))));
  if (warmup === 0 && inner === 1) samples.push(once);
  const started = process.hrtime.bigint();
  while (samples.length < minRounds || (samples.length < maxRounds && since(started) < budgetMs)) {
    begin = process.hrtime.bigint();
    for (let j = 0; j < inner; j++) fn();
    samples.push(since(begin) / inner);
  }
  return median(samples);
}

/** Per-KB cost growth over the sizes of `points`: the largest ratio of the per-KB cost at a size
 *  to the per-KB cost at any smaller size. Linear work gives about 1 (less where fixed costs
 *  weigh on the small sizes); a cost that is high at a size in the middle and low again at the
 *  end (work that grows until a cap stops it) is caught, which comparing only the two ends would
 *  miss. NaN with fewer than two points. */
export function perKbGrowth(points: { bytes: number; ms: number }[]): number {
  const inRange = [...points].sort((a, b) => a.bytes - b.bytes);
  if (inRange.length < 2) return NaN;
  let worst = 0;
  let cheapest = Infinity;
  for (const p of inRange) {
    const perKb = p.ms / (p.bytes / 1024);
    if (cheapest < Infinity) worst = Math.max(worst, perKb / cheapest);
    cheapest = Math.min(cheapest, perKb);
  }
  return worst;
}

export function fmtMs(ms: number): string {
  if (!Number.isFinite(ms)) return 'n/a';
  if (ms >= 100) return `${ms.toFixed(0)} ms`;
  if (ms >= 1) return `${ms.toFixed(2)} ms`;
  return `${(ms * 1000).toFixed(0)} µs`;
}

export function fmtRatio(r: number): string {
  return Number.isFinite(r) ? `${r.toFixed(2)}×` : 'n/a';
}

export function fmtBytes(n: number): string {
  if (n >= 1024 * 1024) return `${(n / 1024 / 1024).toFixed(2)} MB`;
  if (n >= 1024) return `${(n / 1024).toFixed(1)} KB`;
  return `${n} B`;
}

/** A process's peak resident set (VmHWM) in bytes, NaN where /proc cannot tell. */
export function peakRssOf(pid: number): number {
  try {
    const m = /VmHWM:\s+(\d+) kB/.exec(fs.readFileSync(`/proc/${pid}/status`, 'utf8'));
    return m ? Number(m[1]) * 1024 : NaN;
  } catch {
    return NaN;
  }
}

/** Milliseconds since `begin` (process.hrtime.bigint()). */
export const since = (begin: bigint) => Number(process.hrtime.bigint() - begin) / 1e6;

/** Linux reports CPU times in clock ticks of 1/100 s (sysconf(_SC_CLK_TCK) is 100 on every
 *  mainstream kernel configuration). */
const CLOCK_TICKS_PER_S = 100;

/** CPU milliseconds of the child processes this process has waited for (cutime + cstime of
 *  /proc/self/stat), 0 where /proc cannot tell. Node reaps its children itself, so every ended
 *  child of the bench (the figure children, the CLI, the servers) counts. */
export function childrenCpuMs(stat = readSelfStat()): number {
  // The command name (field 2) is in parentheses and may contain spaces: count from its end.
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  // Fields 16 and 17 of proc(5); fields[0] is field 3.
  const ticks = Number(fields[13]) + Number(fields[14]);
  return Number.isFinite(ticks) ? (ticks * 1000) / CLOCK_TICKS_PER_S : 0;
}

function readSelfStat(): string {
  try {
    return fs.readFileSync('/proc/self/stat', 'utf8');
  } catch {
    return '';
  }
}

/** CPU milliseconds of this process and its ended children together. */
export function cpuMsWithChildren(): number {
  const own = process.cpuUsage();
  return (own.user + own.system) / 1000 + childrenCpuMs();
}

export interface SectionTime {
  name: string;
  wallMs: number;
  cpuMs: number;
}

/** Wall and CPU time (this process and its children) of each section of a run. */
export class SectionClock {
  readonly sections: SectionTime[] = [];

  constructor(private readonly log: (line: string) => void = () => undefined) {}

  async time<T>(name: string, fn: () => T | Promise<T>): Promise<T> {
    const begin = process.hrtime.bigint();
    const cpu = cpuMsWithChildren();
    const result = await fn();
    const section = { name, wallMs: since(begin), cpuMs: cpuMsWithChildren() - cpu };
    this.sections.push(section);
    this.log(`${name}: ${fmtSeconds(section.wallMs)} wall, ${fmtSeconds(section.cpuMs)} CPU`);
    return result;
  }
}

export function fmtSeconds(ms: number): string {
  return `${(ms / 1000).toFixed(ms < 10_000 ? 1 : 0)} s`;
}

/** "name 12 s (CPU 10 s)" for every section, in order. */
export function sectionsLine(sections: SectionTime[]): string {
  return sections.map((s) => `${s.name} ${fmtSeconds(s.wallMs)} (CPU ${fmtSeconds(s.cpuMs)})`).join(', ');
}
