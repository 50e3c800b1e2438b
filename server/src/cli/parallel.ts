// Linting many files on several cores: the main thread and worker threads each lint part of the
// files, and the outcomes are assembled in the order of the serial run (lint.ts `assemble`), so
// the report, the notes, the problems and the exit code are the same as with one thread.
//
// What makes it pay: most of a cold run's time is the first sight of each AWS service (reading
// its reference data, expanding its wildcards, matching ARNs against its formats), and every
// thread has its own caches. So the files are ordered by the service they name most, and each
// thread takes batches from its own stretch of that order (two threads: one from the front, one
// from the back), stealing from the longest remaining stretch when its own is done: each thread
// meets mostly its own services, and the threads finish together whatever their speed.
//
// Only report runs go here: `--fix` writes files and stays on one thread (main.ts).
import * as os from 'node:os';
import { isMainThread, parentPort, Worker, workerData } from 'node:worker_threads';
import { analyzeHost, loadHclParser } from '../engine';
import type { TextFile } from './files';
import { assemble, FileOutcome, LintOptions, lintReadFile, LintRun, planFiles, PlannedFile, readPlannedFile } from './lint';
import type { Operand } from './files';
import { isTerraform } from './terraform';

/** Marks the worker threads of this module (the bundle runs the whole CLI file in a worker). */
const WORKER_ROLE = 'connect-iam-lint-worker';

/** Below this many files a second thread costs more than it saves (a worker's start, about
 *  0.1 s of CPU, against its share of the files). */
export const MIN_FILES_PER_THREAD = 100;
/** More threads than this do not pay: the services they meet overlap more and more. */
const MAX_THREADS = 4;

/** Threads for `files` files. A number in `CONNECT_IAM_LINT_THREADS` is taken as it is (1: no
 *  worker threads); unset or `auto`, one per available core, at most MAX_THREADS; anything else,
 *  one. Either way at most one per MIN_FILES_PER_THREAD files.
 *  A thread costs CPU of its own (its start, and the first sight of the services it meets): on
 *  the managed policies two threads take 3.2–3.3 s of CPU against 2.7 s for one, and 1.94–2.00 s
 *  wall against 2.21–2.31 s on a quiet 2-core machine (docs/performance.md, tenth round). With
 *  V8's default tier-up two were slower (the optimising compiler kept the second core busy); the
 *  CLI's interrupt budget (tiering.ts) left it mostly idle. The count does not follow the
 *  machine's load: the CPU times a starting CLI can sample span one or two 10 ms ticks (a quiet
 *  machine read as busy in 3 of 8 runs), and on a busy machine the threads share the files by
 *  work stealing, so a slow one takes fewer. */
export function threadCount(files: number, env: NodeJS.ProcessEnv, cores = os.availableParallelism()): number {
  const wanted = env.CONNECT_IAM_LINT_THREADS?.trim().toLowerCase();
  const limit = wanted && /^\d+$/.test(wanted) ? Math.max(1, Number(wanted)) : !wanted || wanted === 'auto' ? Math.min(cores, MAX_THREADS) : 1;
  return Math.max(1, Math.min(limit, Math.floor(files / MIN_FILES_PER_THREAD)));
}

/** What a worker is sent: files to lint, with their text (read by the main thread). */
interface BatchMessage {
  batch: { index: number; planned: PlannedFile; read: TextFile }[];
}

/** What a worker sends back: the outcome of each file of a batch, or that it is ready. */
type WorkerMessage = { ready: true } | { outcomes: { index: number; outcome: FileOutcome }[] };

/**
 * The service a document names most often, as a scheduling hint only (it never changes a result):
 * a count of the `"prefix:` openings of its strings (actions, and the service field of ARNs),
 * bounded to the first 64 KB. Ties go to the first name in alphabetical order.
 */
export function mainService(text: string): string {
  const counts = new Map<string, number>();
  const end = Math.min(text.length, 65_536);
  for (let i = text.indexOf('"'); i >= 0 && i < end; i = text.indexOf('"', i + 1)) {
    let j = i + 1;
    while (j < end && j - i <= 64 && isPrefixChar(text.charCodeAt(j))) j++;
    if (j === i + 1 || text[j] !== ':') continue;
    let name = text.slice(i + 1, j).toLowerCase();
    if (name === 'arn') {
      // The service field: "arn:partition:service:…
      const partitionEnd = text.indexOf(':', j + 1);
      const serviceEnd = partitionEnd < 0 ? -1 : text.indexOf(':', partitionEnd + 1);
      if (serviceEnd < 0 || serviceEnd - partitionEnd > 64) continue;
      name = text.slice(partitionEnd + 1, serviceEnd).toLowerCase();
    }
    counts.set(name, (counts.get(name) ?? 0) + 1);
  }
  let best = '';
  let most = 0;
  for (const [name, n] of counts) if (n > most || (n === most && name < best)) [best, most] = [name, n];
  return best;
}

function isPrefixChar(c: number): boolean {
  return (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || (c >= 48 && c <= 57) || c === 45;
}

/**
 * Batches of item indexes for `lanes` consumers: the items are cut into one contiguous stretch per
 * lane; a lane takes from the front of its own stretch, and once that is empty from the back of
 * the longest remaining one. Batches shrink as the items run out (at most a quarter of each
 * lane's share of what is left), so the lanes finish close together: the last batch of one is not
 * what the others wait for.
 */
export class StretchQueue {
  private readonly lo: number[] = [];
  private readonly hi: number[] = [];
  private left: number;
  constructor(private readonly items: readonly number[], lanes: number, private readonly batchSize: number) {
    for (let l = 0; l < lanes; l++) {
      this.lo.push(Math.floor((items.length * l) / lanes));
      this.hi.push(Math.floor((items.length * (l + 1)) / lanes));
    }
    this.left = items.length;
  }

  /** The next batch for `lane`, of at most `most` items (empty when every item was handed out). */
  take(lane: number, most = this.batchSize): number[] {
    const size = Math.max(1, Math.min(most, Math.ceil(this.left / (this.lo.length * 4))));
    let from: number;
    let to: number;
    if (this.lo[lane] < this.hi[lane]) {
      from = this.lo[lane];
      to = this.lo[lane] = Math.min(this.hi[lane], from + size);
    } else {
      let longest = -1;
      for (let l = 0; l < this.lo.length; l++) if (this.hi[l] > this.lo[l] && (longest < 0 || this.hi[l] - this.lo[l] > this.hi[longest] - this.lo[longest])) longest = l;
      if (longest < 0) return [];
      to = this.hi[longest];
      from = this.hi[longest] = Math.max(this.lo[longest], to - size);
    }
    this.left -= to - from;
    return this.items.slice(from, to);
  }
}

/** Files per batch sent to a worker: small enough to balance the lanes at the end, large enough
 *  that messages are few. */
function batchSizeFor(files: number, threads: number): number {
  return Math.max(4, Math.min(32, Math.ceil(files / (threads * 16))));
}

/** Files per batch of the main thread: it answers the workers' messages only between its
 *  batches, so a long batch left a worker that had finished its two waiting (on the managed
 *  policies a worker sat idle ~15 % of the run with batches of 32). */
const MAIN_THREAD_BATCH = 4;

/**
 * `lintOperands` on `threads` threads (the main thread and threads − 1 workers); the same LintRun.
 * A worker that fails (it cannot start, or dies) hands its unfinished files back to the main
 * thread, so a broken worker costs time, never results.
 */
export async function lintOperandsInParallel(operands: readonly Operand[], options: LintOptions, cwd: string, threads: number): Promise<LintRun> {
  const plan = planFiles(operands, cwd);
  const outcomes: (FileOutcome | undefined)[] = new Array(plan.files.length);
  // Started first: they load the engine while this thread reads the files.
  const workers = Array.from({ length: Math.max(0, threads - 1) }, () => new Worker(__filename, { workerData: { role: WORKER_ROLE, rules: options.rules } }));
  try {
    const reads: (TextFile | undefined)[] = new Array(plan.files.length);
    const keys: string[] = new Array(plan.files.length);
    plan.files.forEach((p, i) => {
      const read = readPlannedFile(p);
      if ('policy' in read) outcomes[i] = read;
      else [reads[i], keys[i]] = [read, mainService(read.text)];
    });
    const order = plan.files.map((_, i) => i).filter((i) => reads[i]);
    // By main service, then in plan order (a stable, deterministic schedule).
    order.sort((a, b) => (keys[a] < keys[b] ? -1 : keys[a] > keys[b] ? 1 : a - b));
    const queue = new StretchQueue(order, threads, batchSizeFor(order.length, threads));
    let pending = order.length;
    const returned: number[] = []; // files of failed workers, linted here
    const lint = (i: number) => lintReadFile(plan.files[i], reads[i]!, options, analyzeHost);
    const finish = (i: number, outcome: FileOutcome) => {
      if (outcomes[i]) return;
      outcomes[i] = outcome;
      reads[i] = undefined;
      pending--;
    };

    let wake: (() => void) | undefined;
    const poke = () => {
      const w = wake;
      wake = undefined;
      w?.();
    };
    workers.forEach((worker, w) => {
      const lane = w + 1;
      const inFlight = new Set<number>();
      let failed = false;
      const send = () => {
        const batch = queue.take(lane);
        if (!batch.length) return;
        for (const i of batch) inFlight.add(i);
        worker.postMessage({ batch: batch.map((i) => ({ index: i, planned: plan.files[i], read: reads[i]! })) } satisfies BatchMessage);
      };
      const fail = () => {
        if (failed) return;
        failed = true;
        returned.push(...inFlight);
        inFlight.clear();
        poke();
      };
      worker.on('message', (message: WorkerMessage) => {
        if ('ready' in message) {
          // Two batches in flight: the next is waiting when one is done.
          send();
          send();
          return;
        }
        for (const { index, outcome } of message.outcomes) {
          inFlight.delete(index);
          finish(index, outcome);
        }
        send();
        poke();
      });
      worker.on('error', fail);
      worker.on('exit', fail);
    });

    // This thread is lane 0; between its batches it lets the workers' messages in.
    while (pending > 0) {
      const batch = returned.length ? returned.splice(0) : queue.take(0, MAIN_THREAD_BATCH);
      for (const i of batch) if (!outcomes[i]) finish(i, lint(i));
      if (pending === 0) break;
      await (batch.length ? new Promise<void>((resolve) => setImmediate(resolve)) : new Promise<void>((resolve) => (wake = resolve)));
    }
    return assemble(operands, plan, outcomes as FileOutcome[]);
  } finally {
    for (const worker of workers) {
      // Done with it: an error it raises while stopping must not become an uncaught exception.
      worker.removeAllListeners();
      worker.on('error', () => {});
      void worker.terminate();
    }
  }
}

/** A worker thread: lints the batches it is sent until it is terminated. */
async function serveAsWorker(): Promise<void> {
  const port = parentPort!;
  const options: LintOptions = { rules: (workerData as { rules?: LintOptions['rules'] }).rules };
  // One batch after the other (a batch may wait for the HCL parser).
  let previous = Promise.resolve();
  port.on('message', (message: BatchMessage) => {
    previous = previous.then(async () => {
      if (message.batch.some(({ planned }) => isTerraform(planned.file))) await loadHclParser(); // as in main.ts
      const outcomes = message.batch.map(({ index, planned, read }) => ({ index, outcome: lintReadFile(planned, read, options, analyzeHost) }));
      port.postMessage({ outcomes } satisfies WorkerMessage);
    });
  });
  port.postMessage({ ready: true } satisfies WorkerMessage);
}

if (!isMainThread && (workerData as { role?: string } | null)?.role === WORKER_ROLE) void serveAsWorker();
