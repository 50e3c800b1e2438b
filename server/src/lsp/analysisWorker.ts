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
// What the worker does with a document and sends back (the published diagnostics, as JSON; the
// findings and their fixes stay there and answer the code actions) is workerSession.ts.
//
// The worker runs this same file: `__filename` is this module from source (tsx) and the server
// bundle (dist/server.js) once bundled, whose entry point starts the LSP connection only on the
// main thread (see main.ts).
import { getHeapStatistics } from 'node:v8';
import type { CodeAction } from 'vscode-languageserver/node';
import { isMainThread, parentPort, Worker, workerData } from 'node:worker_threads';
import { AnalysisStopped, hostSyntax, HostAnalyzeOptions, loadHclParser, statementCache } from '../engine';
import { AnalyzeAnswer, AnalyzeJob, CodeActionJob, SessionJob, WorkerSession } from './workerSession';

/** The worker's heap limits (worker_threads' ResourceLimits, named through the Worker constructor:
 *  test/unit/noNetwork.test.ts allows this module one import line of worker_threads). */
export type ResourceLimits = NonNullable<NonNullable<ConstructorParameters<typeof Worker>[1]>['resourceLimits']>;

/** Documents at least this long are analysed in a worker, inside a cancellable progress report
 *  (one threshold for both); smaller ones inline: they take a few milliseconds, less than a round
 *  trip to the worker would. */
export { PROGRESS_MIN_LENGTH as OFF_THREAD_CHARS } from './analysisStatus';

const WORKER_FLAG = 'connectIamAnalysisWorker';

/** How long a cancelled run may take to stop before its worker is terminated. A cooperative stop
 *  comes at the next rule (milliseconds); only a rule stuck in a loop takes longer. */
export const GRACE_MS = 2000;

/** The worker's heap limits: a bound, so that a document too large for the machine fails with a
 *  clear diagnostic (AnalysisOutOfMemory) instead of taking the server's process down, but not a
 *  squeeze. V8 grows a heap whose limit is 2 GB or more by 4× its live size after each full GC,
 *  a smaller one by ~1.3-2×, and analysis allocates fast: with 1,024 MB the worker's CPU per edit
 *  of the 1 MB documents rose ~35 %, with 256 MB and an 8 MB young generation ~50 % (peak RSS
 *  380 → 200-215 MB); a young generation of 8 or 16 MB alone cost 15-30 %. Measured side by side
 *  in one process (scripts/bench/lspPool.ts, docs/performance.md). The young generation is V8's
 *  default (3 × 16 MB). After the fourth round's engine changes the 4× growth cost more than it
 *  saved: 100 edits of the 1 MB policy over LSP (scripts/bench/edit.ts) with 2,048 MB gave p50 /
 *  p99 150 / 299 ms and a 720 MB peak RSS; 1,536 MB 238 / 349 ms and 332 MB; 1,024 MB 248 / 388 ms
 *  and 320 MB (the server before the round, V8's default limit: 268 / 447 ms and 396 MB). Under 2 GB, then,
 *  at the knee. CONNECT_IAM_ANALYSIS_HEAP_MB sets the old generation's limit instead (a machine
 *  short of memory; the tests use a small one to see a worker run out). */
export function workerLimits(env: NodeJS.ProcessEnv = process.env): ResourceLimits {
  const old = Number(env.CONNECT_IAM_ANALYSIS_HEAP_MB);
  return { maxOldGenerationSizeMb: old > 0 ? old : 1536 };
}

/** The message of a job the worker ran out of memory on (the analysis diagnostic says so). */
export class AnalysisOutOfMemory extends Error {
  override name = 'AnalysisOutOfMemory';
  constructor(readonly limitMb: number | undefined) {
    super(`the analysis needs more memory than it may use${limitMb ? ` (${limitMb} MB)` : ''}`);
  }
}

interface JobMessage {
  id: number;
  job: SessionJob;
}
/** What the worker's statement cache did for one job (and which worker ran it): tests read it to
 *  see a warm worker at work. */
export interface RunStats {
  /** The pool's count of workers started when this one started (1 for the first). */
  worker: number;
  cacheHits: number;
  cacheMisses: number;
  /** The worker's heap in use after the job (bytes). */
  heapUsed: number;
}
type ResultMessage = { id: number; stats: RunStats } & ({ value: unknown } | { error: string } | { cancelled: true });

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

/** Runs one job of the session (in the worker, or inline). */
function runJob(session: WorkerSession, { id, job }: JobMessage, shouldStop?: () => boolean): unknown {
  if (job.kind === 'analyze') return session.analyze(id, job, shouldStop);
  if (job.kind === 'codeActions') return session.codeActions(job) ?? null;
  session.forget(job.key);
  return null;
}

if (!isMainThread && (workerData as Partial<WorkerSetup> | undefined)?.[WORKER_FLAG]) {
  const setup = workerData as WorkerSetup;
  const stop = new Int32Array(setup.stop);
  const session = new WorkerSession();
  // The worker is a thread of its own: Terraform files need its own copy of the HCL parser (the
  // main thread's does not reach it), loaded at the first one. Jobs still run in the order they came.
  let parserReady: Promise<void> | undefined;
  parentPort!.on('message', async (message: JobMessage) => {
    const job = message.job;
    if (parserReady || (job.kind === 'analyze' && hostSyntax('', { languageId: job.languageId, path: job.key }) === 'hcl')) await (parserReady ??= loadHclParser());
    const shouldStop = () => Atomics.load(stop, 0) === message.id;
    const hits = statementCache.hits;
    const misses = statementCache.misses;
    const stats = (): RunStats => ({ worker: setup.worker, cacheHits: statementCache.hits - hits, cacheMisses: statementCache.misses - misses, heapUsed: getHeapStatistics().used_heap_size });
    let reply: ResultMessage;
    try {
      if (setup.stallMs) for (const until = Date.now() + setup.stallMs; Date.now() < until; );
      // Cancelled while it waited: not even the parse is worth doing.
      if (shouldStop()) throw new AnalysisStopped();
      reply = { id: message.id, value: runJob(session, message, shouldStop), stats: stats() };
    } catch (err) {
      if (err instanceof AnalysisStopped) reply = { id: message.id, cancelled: true, stats: stats() };
      else reply = { id: message.id, error: err instanceof Error ? err.stack ?? err.message : String(err), stats: stats() };
    }
    // The diagnostics' buffer moves to the main thread instead of being copied.
    const answer = job.kind === 'analyze' && 'value' in reply ? (reply.value as AnalyzeAnswer) : undefined;
    parentPort!.postMessage(reply, answer ? [answer.diagnostics.buffer] : undefined);
  });
}

/** A worker running this module. From source (the tests run TypeScript through tsx) the worker
 *  needs tsx's loader registered before it can load a .ts file; the bundle is plain JavaScript. */
function startWorker(setup: WorkerSetup, resourceLimits: ResourceLimits): Worker {
  const workerData = setup;
  if (!__filename.endsWith('.ts')) return new Worker(__filename, { workerData, resourceLimits });
  const bootstrap = `require('tsx/cjs/api').register(); require(${JSON.stringify(__filename)});`;
  return new Worker(bootstrap, { eval: true, workerData, resourceLimits });
}

/** Thrown (as a rejection) for a job that was cancelled before it finished. */
export class AnalysisCancelled extends Error {
  override name = 'AnalysisCancelled';
}

interface Job extends JobMessage {
  key: string;
  resolve(value: unknown): void;
  reject(err: unknown): void;
  /** Cancelled while running: the worker was asked to stop, its answer is not used. */
  cancelled?: boolean;
}

export interface AnalysisPoolOptions {
  /** How long a cancelled run may take to stop before its worker is terminated. */
  graceMs?: number;
  /** Test hook: each job stalls this long first, deaf to cancellation (WorkerSetup.stallMs). */
  stallMs?: number;
  /** The worker's heap limits (default workerLimits()). */
  resourceLimits?: ResourceLimits;
}

/** What the pool has done, for tests and the edit benchmark. */
export interface PoolStats {
  /** Worker threads started (one, unless a worker had to be terminated or died). */
  workersStarted: number;
  /** Workers terminated because a cancelled run did not stop within the grace period. */
  terminated: number;
  /** Runs the worker abandoned when asked to (cooperative cancellations). */
  stopped: number;
  /** Workers that ran out of memory. */
  outOfMemory: number;
  /** The last job the worker answered. */
  lastRun?: RunStats;
}

/** What `run` answers: the published diagnostics (AnalyzeAnswer), and the id that names this
 *  analysis when its code actions are asked for. */
export interface PooledAnalysis extends AnalyzeAnswer {
  id: number;
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
  /** Some worker has come online: workers can start here. */
  private started = false;
  /** The inline fallback's session (created when first needed). */
  private inline: WorkerSession | undefined;
  readonly stats: PoolStats = { workersStarted: 0, terminated: 0, stopped: 0, outOfMemory: 0 };

  constructor(private readonly options: AnalysisPoolOptions = {}) {}

  /** Where jobs run: in a worker thread, or inline after a worker could not start. */
  get mode(): 'worker' | 'inline' {
    return this.unavailable ? 'inline' : 'worker';
  }

  /** Analyse a version of the document `key`; its findings stay with the worker for `codeActions`. */
  run(key: string, text: string, options: HostAnalyzeOptions, doc: Pick<AnalyzeJob, 'version' | 'languageId' | 'unpublished'> = { version: 0, languageId: options.languageId ?? '', unpublished: [] }): Promise<PooledAnalysis> {
    const job: AnalyzeJob = { kind: 'analyze', key, text, options, ...doc };
    return this.submit(key, job).then(({ id, value }) => ({ id, ...(value as AnalyzeAnswer) }));
  }

  /** The code actions of analysis `analysis` (an id `run` answered) for `range`; undefined when
   *  the worker no longer holds that analysis (a newer version, or a replaced worker). */
  async codeActions(key: string, request: Omit<CodeActionJob, 'kind' | 'key'>): Promise<CodeAction[] | undefined> {
    const { value } = await this.submit(key, { kind: 'codeActions', key, ...request });
    return (value as CodeAction[] | null) ?? undefined;
  }

  /** The document closed: the worker lets go of what it kept of it. */
  forget(key: string): void {
    this.cancel(key);
    if (this.worker) void this.submit(key, { kind: 'forget', key }).catch(() => undefined);
    else this.inline?.forget(key);
  }

  private submit(key: string, job: SessionJob): Promise<{ id: number; value: unknown }> {
    const id = this.nextId++;
    return new Promise<unknown>((resolve, reject) => {
      this.queue.push({ id, key, job, resolve, reject });
      this.pump();
    }).then((value) => ({ id, value }));
  }

  /** Cancel every job of `key`: queued ones are dropped, a running one is asked to stop (its
   *  caller hears at once; the worker takes the next job when it has stopped). */
  cancel(key: string): void {
    for (let i = this.queue.length - 1; i >= 0; i--) {
      if (this.queue[i].key === key && this.queue[i].job.kind !== 'forget') this.queue.splice(i, 1)[0].reject(new AnalysisCancelled());
    }
    const job = this.running;
    if (job?.key !== key || job.cancelled || job.job.kind === 'forget') return;
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
      const session = (this.inline ??= new WorkerSession());
      for (const job of this.queue.splice(0)) Promise.resolve().then(() => runJob(session, job)).then(job.resolve, job.reject);
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
    worker.postMessage({ id: job.id, job: job.job } satisfies JobMessage);
  }

  private ensureWorker(): Worker | undefined {
    if (this.worker) return this.worker;
    try {
      const limits = this.options.resourceLimits ?? workerLimits();
      const worker = startWorker({ [WORKER_FLAG]: true, stop: this.stop.buffer as SharedArrayBuffer, worker: this.stats.workersStarted + 1, stallMs: this.options.stallMs }, limits);
      this.stats.workersStarted++;
      worker.unref(); // never keeps the server process alive on its own
      worker.once('online', () => (this.started = true));
      worker.on('message', (m: ResultMessage) => {
        const job = this.running;
        if (!job || job.id !== m.id || worker !== this.worker) return;
        this.running = undefined;
        this.stats.lastRun = m.stats;
        if ('cancelled' in m) this.stats.stopped++;
        // A cancelled job's caller has heard already; whatever the worker says of it is stale.
        if (!job.cancelled) {
          if ('value' in m) job.resolve(m.value);
          else if ('error' in m) job.reject(new Error(m.error));
          else job.reject(new AnalysisCancelled());
        }
        this.pump();
      });
      worker.on('error', (err) => {
        if ((err as NodeJS.ErrnoException).code === 'ERR_WORKER_OUT_OF_MEMORY') {
          this.stats.outOfMemory++;
          this.failed(worker, new AnalysisOutOfMemory(limits.maxOldGenerationSizeMb));
        } else this.failed(worker, err);
      });
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

  /** The worker died under a job (out of memory, a bug): the job fails, the next gets a new one
   *  (which knows nothing of the kept analyses: their code actions are asked again after the
   *  next analysis). A worker that never came online could not start: from then on jobs run
   *  inline. */
  private failed(worker: Worker, err: unknown): void {
    if (worker !== this.worker) return;
    this.worker = undefined;
    const job = this.running;
    this.running = undefined;
    if (!this.started && !(err instanceof AnalysisOutOfMemory)) {
      this.unavailable = true;
      if (job && !job.cancelled) this.queue.unshift(job);
    } else job?.reject(err);
    this.pump();
  }
}
