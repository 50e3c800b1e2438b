// Analysis of large documents off the main thread. The engine is synchronous: a 1 MB policy takes
// a few hundred milliseconds, during which a server analysing on its main thread answers no hover
// and no completion. Documents above OFF_THREAD_CHARS are therefore analysed by a worker thread,
// one job at a time; a job superseded by a newer version of its document is cancelled and its
// result is never used.
//
// Cancelling is cooperative: the main thread writes the job's id into a shared Int32Array, which
// the engine reads before each rule (AnalyzeOptions.shouldStop), and the worker answers
// "cancelled". The worker lives on with what it has warmed up (the statement cache, the reference
// data memo tables), so the next version, a keystroke later, is analysed mostly from the cache.
// Only a run that does not stop within GRACE_MS (a rule stuck in a long loop) has its worker
// terminated and replaced: a hostile document still cannot block the server.
//
// The worker runs this same file: `__filename` is this module from source (tsx) and the server
// bundle (dist/server.js) once bundled, whose entry point starts the LSP connection only on the
// main thread (see main.ts).
import { isMainThread, parentPort, Worker, workerData } from 'node:worker_threads';
import { AnalysisResult, AnalysisStopped, analyzeHost, HostAnalyzeOptions, loadHclParser, statementCache } from '../engine';

/** Documents at least this long are analysed in a worker, inside a cancellable progress report
 *  (one threshold for both); smaller ones inline: they take a few milliseconds, less than a round
 *  trip to the worker would. */
export { PROGRESS_MIN_LENGTH as OFF_THREAD_CHARS } from './analysisStatus';

const WORKER_FLAG = 'connectIamAnalysisWorker';

/** How long a cancelled run may take to stop before its worker is terminated. A cooperative stop
 *  comes at the next rule (milliseconds); only a rule stuck in a loop takes longer. */
export const GRACE_MS = 2000;

const analyzeText = (text: string, options: HostAnalyzeOptions, shouldStop?: () => boolean): AnalysisResult => analyzeHost(text, { ...options, shouldStop });

interface JobMessage {
  id: number;
  text: string;
  options: HostAnalyzeOptions;
}
/** What the worker's statement cache did for one job (and which worker ran it): tests read it to
 *  see a warm worker at work. */
export interface RunStats {
  /** The pool's count of workers started when this one started (1 for the first). */
  worker: number;
  cacheHits: number;
  cacheMisses: number;
}
type ResultMessage = { id: number; stats: RunStats } & ({ result: AnalysisResult } | { error: string } | { cancelled: true });

interface WorkerSetup {
  [WORKER_FLAG]: true;
  /** Int32Array over a SharedArrayBuffer: slot 0 holds the id of the job to abandon. */
  stop: SharedArrayBuffer;
  /** RunStats.worker of this worker. */
  worker: number;
  /** Test hook: busy-wait this long before each job without looking at the stop flag (a rule
   *  stuck in a loop), so that tests see the terminate fallback. */
  stallMs?: number;
}

if (!isMainThread && (workerData as Partial<WorkerSetup> | undefined)?.[WORKER_FLAG]) {
  const setup = workerData as WorkerSetup;
  const stop = new Int32Array(setup.stop);
  // The worker is a thread of its own: Terraform files need its own copy of the HCL parser (the
  // main thread's does not reach it). Jobs wait for it; they still run in the order they came.
  const parserReady = loadHclParser();
  parentPort!.on('message', async (job: JobMessage) => {
    await parserReady;
    const shouldStop = () => Atomics.load(stop, 0) === job.id;
    const hits = statementCache.hits;
    const misses = statementCache.misses;
    const stats = (): RunStats => ({ worker: setup.worker, cacheHits: statementCache.hits - hits, cacheMisses: statementCache.misses - misses });
    let reply: ResultMessage;
    try {
      if (setup.stallMs) for (const until = Date.now() + setup.stallMs; Date.now() < until; );
      // Cancelled while it waited: not even the parse is worth doing.
      if (shouldStop()) throw new AnalysisStopped();
      reply = { id: job.id, result: analyzeText(job.text, job.options, shouldStop), stats: stats() };
    } catch (err) {
      if (err instanceof AnalysisStopped) reply = { id: job.id, cancelled: true, stats: stats() };
      else reply = { id: job.id, error: err instanceof Error ? err.stack ?? err.message : String(err), stats: stats() };
    }
    parentPort!.postMessage(reply);
  });
}

/** A worker running this module. From source (the tests run TypeScript through tsx) the worker
 *  needs tsx's loader registered before it can load a .ts file; the bundle is plain JavaScript. */
function startWorker(setup: WorkerSetup): Worker {
  const workerData = setup;
  if (!__filename.endsWith('.ts')) return new Worker(__filename, { workerData });
  const bootstrap = `require('tsx/cjs/api').register(); require(${JSON.stringify(__filename)});`;
  return new Worker(bootstrap, { eval: true, workerData });
}

/** Thrown (as a rejection) for a job that was cancelled before it finished. */
export class AnalysisCancelled extends Error {
  override name = 'AnalysisCancelled';
}

interface Job extends JobMessage {
  key: string;
  resolve(result: AnalysisResult): void;
  reject(err: unknown): void;
  /** Cancelled while running: the worker was asked to stop, its answer is not used. */
  cancelled?: boolean;
}

export interface AnalysisPoolOptions {
  /** How long a cancelled run may take to stop before its worker is terminated. */
  graceMs?: number;
  /** Test hook: each job stalls this long first, deaf to cancellation (WorkerSetup.stallMs). */
  stallMs?: number;
}

/** What the pool has done, for tests and the edit benchmark. */
export interface PoolStats {
  /** Worker threads started (one, unless a worker had to be terminated or died). */
  workersStarted: number;
  /** Workers terminated because a cancelled run did not stop within the grace period. */
  terminated: number;
  /** Runs the worker abandoned when asked to (cooperative cancellations). */
  stopped: number;
  /** The last job the worker answered. */
  lastRun?: RunStats;
}

/** One worker thread, a queue of jobs, cancellation by key (the document URI). */
export class AnalysisPool {
  private worker: Worker | undefined;
  private running: Job | undefined;
  /** The terminate fallback of a cancelled running job. */
  private graceTimer: NodeJS.Timeout | undefined;
  private readonly queue: Job[] = [];
  private nextId = 1;
  /** Slot 0: the id of the running job the worker is to abandon (shared with every worker). */
  private readonly stop = new Int32Array(new SharedArrayBuffer(4));
  /** Set once a worker could not start: everything is then analysed inline. */
  private unavailable = false;
  /** Some worker has answered a job: workers can start here. */
  private answered = false;
  readonly stats: PoolStats = { workersStarted: 0, terminated: 0, stopped: 0 };

  constructor(private readonly options: AnalysisPoolOptions = {}) {}

  /** Where jobs run: in a worker thread, or inline after a worker could not start. */
  get mode(): 'worker' | 'inline' {
    return this.unavailable ? 'inline' : 'worker';
  }

  run(key: string, text: string, options: HostAnalyzeOptions): Promise<AnalysisResult> {
    if (this.unavailable) return Promise.resolve().then(() => analyzeText(text, options));
    return new Promise((resolve, reject) => {
      this.queue.push({ id: this.nextId++, key, text, options, resolve, reject });
      this.pump();
    });
  }

  /** Cancel every job of `key`: queued ones are dropped, a running one is asked to stop (its
   *  caller hears at once; the worker takes the next job when it has stopped). */
  cancel(key: string): void {
    for (let i = this.queue.length - 1; i >= 0; i--) {
      if (this.queue[i].key === key) this.queue.splice(i, 1)[0].reject(new AnalysisCancelled());
    }
    const job = this.running;
    if (job?.key !== key || job.cancelled) return;
    job.cancelled = true;
    job.reject(new AnalysisCancelled());
    Atomics.store(this.stop, 0, job.id);
    const worker = this.worker;
    this.graceTimer = setTimeout(() => {
      // Still running after the grace period: deaf to the flag, so its thread goes.
      if (this.running !== job || this.worker !== worker) return;
      this.stats.terminated++;
      this.worker = undefined;
      this.running = undefined;
      void worker?.terminate();
      this.pump();
    }, this.options.graceMs ?? GRACE_MS);
    this.graceTimer.unref();
  }

  dispose(): void {
    clearTimeout(this.graceTimer);
    for (const job of this.queue.splice(0)) job.reject(new AnalysisCancelled());
    if (this.running) this.running.reject(new AnalysisCancelled());
    this.running = undefined;
    void this.worker?.terminate();
    this.worker = undefined;
  }

  private pump(): void {
    if (this.running) return;
    clearTimeout(this.graceTimer);
    if (this.unavailable) {
      // No worker: analyse inline rather than not at all.
      for (const job of this.queue.splice(0)) Promise.resolve().then(() => analyzeText(job.text, job.options)).then(job.resolve, job.reject);
      return;
    }
    const job = this.queue.shift();
    if (!job) return;
    const worker = this.ensureWorker();
    if (!worker) {
      this.queue.unshift(job);
      this.pump();
      return;
    }
    this.running = job;
    worker.postMessage({ id: job.id, text: job.text, options: job.options } satisfies JobMessage);
  }

  private ensureWorker(): Worker | undefined {
    if (this.worker) return this.worker;
    try {
      const worker = startWorker({ [WORKER_FLAG]: true, stop: this.stop.buffer as SharedArrayBuffer, worker: this.stats.workersStarted + 1, stallMs: this.options.stallMs });
      this.stats.workersStarted++;
      worker.unref(); // never keeps the server process alive on its own
      worker.on('message', (m: ResultMessage) => {
        const job = this.running;
        if (!job || job.id !== m.id || worker !== this.worker) return;
        this.answered = true;
        this.running = undefined;
        this.stats.lastRun = m.stats;
        if ('cancelled' in m) this.stats.stopped++;
        // A cancelled job's caller has heard already; whatever the worker says of it is stale.
        if (!job.cancelled) {
          if ('result' in m) job.resolve(m.result);
          else if ('error' in m) job.reject(new Error(m.error));
          else job.reject(new AnalysisCancelled());
        }
        this.pump();
      });
      worker.on('error', (err) => this.failed(worker, err));
      worker.on('exit', (code) => {
        if (worker === this.worker && code !== 0) this.failed(worker, new Error(`the analysis worker stopped (exit code ${code})`));
      });
      this.worker = worker;
      return worker;
    } catch {
      this.unavailable = true;
      return undefined;
    }
  }

  /** The worker died under a job (out of memory, a bug): the job fails, the next gets a new one.
   *  A worker that never answered at all could not start: from then on analyses run inline. */
  private failed(worker: Worker, err: unknown): void {
    if (worker !== this.worker) return;
    this.worker = undefined;
    const job = this.running;
    this.running = undefined;
    if (!this.answered) {
      this.unavailable = true;
      if (job && !job.cancelled) this.queue.unshift(job);
    } else job?.reject(err);
    this.pump();
  }
}
