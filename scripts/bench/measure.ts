// Timing helpers for the benchmark: warm-up, repetitions, medians and percentiles, and the peak
// resident set of a server process.
import * as fs from 'fs';

export function median(values: number[]): number {
  return percentile(values, 50);
}

export function percentile(values: number[], p: number): number {
  if (values.length === 0) return NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const index = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[index];
}

/**
 * Median milliseconds of one call of `fn`, over `reps` timed rounds after `warmup` untimed ones.
 * Each round runs `fn` `inner` times, so very fast functions are timed above the clock's
 * resolution.
 */
export function timeIt(fn: () => unknown, opts: { warmup?: number; reps?: number; inner?: number } = {}): number {
  const { warmup = 3, reps = 9, inner = 1 } = opts;
  for (let i = 0; i < warmup; i++) for (let j = 0; j < inner; j++) fn();
  const samples: number[] = [];
  for (let i = 0; i < reps; i++) {
    const start = process.hrtime.bigint();
    for (let j = 0; j < inner; j++) fn();
    samples.push(Number(process.hrtime.bigint() - start) / 1e6 / inner);
  }
  return median(samples);
}

/** How many inner iterations make one round last about `targetMs`. */
export function innerFor(fn: () => unknown, targetMs = 20): number {
  const start = process.hrtime.bigint();
  fn();
  const once = Number(process.hrtime.bigint() - start) / 1e6;
  return Math.max(1, Math.min(10_000, Math.round(targetMs / Math.max(once, 0.001))));
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
