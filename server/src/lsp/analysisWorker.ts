// Analysis of large documents off the main thread. The engine is synchronous: a 1 MB policy takes
// a few hundred milliseconds, during which a server analysing on its main thread answers no hover
// and no completion. Documents above OFF_THREAD_CHARS are therefore analysed by a worker thread,
// one job at a time; a job superseded by a newer version of its document is cancelled for real
// (the worker is terminated and a fresh one takes the next job), and its result is never used.
//
// The worker runs this same file: `__filename` is this module from source (tsx) and the server
// bundle (dist/server.js) once bundled, whose entry point starts the LSP connection only on the
// main thread (see main.ts).
import { isMainThread, parentPort, Worker, workerData } from 'node:worker_threads';
import { AnalysisResult, createPolicyService, HostAnalyzeOptions, loadHclParser } from '../engine';

/** Documents at least this long are analysed in a worker, inside a cancellable progress report
 *  (one threshold for both); smaller ones inline: they take a few milliseconds, less than a round
 *  trip to the worker would. */
export { PROGRESS_MIN_LENGTH as OFF_THREAD_CHARS } from './analysisStatus';

const WORKER_FLAG = 'connectIamAnalysisWorker';

/** The engine's service, in whichever thread this module runs: the worker reads each job's text
 *  once, as the main thread does. */
const service = createPolicyService();
const analyzeText = (text: string, options: HostAnalyzeOptions): AnalysisResult => service.analyze(service.parse(text, options), options);

interface JobMessage {
  id: number;
  text: string;
  options: HostAnalyzeOptions;
}
type ResultMessage = { id: number; result: AnalysisResult } | { id: number; error: string };

if (!isMainThread && (workerData as Record<string, unknown> | undefined)?.[WORKER_FLAG]) {
  // The worker is a thread of its own: Terraform files need its own copy of the HCL parser (the
  // main thread's does not reach it). Jobs wait for it; they still run in the order they came.
  const parserReady = loadHclParser();
  parentPort!.on('message', async (job: JobMessage) => {
    await parserReady;
    let reply: ResultMessage;
    try {
      reply = { id: job.id, result: analyzeText(job.text, job.options) };
    } catch (err) {
      reply = { id: job.id, error: err instanceof Error ? err.stack ?? err.message : String(err) };
    }
    parentPort!.postMessage(reply);
  });
}

/** A worker running this module. From source (the tests run TypeScript through tsx) the worker
 *  needs tsx's loader registered before it can load a .ts file; the bundle is plain JavaScript. */
function startWorker(): Worker {
  const workerData = { [WORKER_FLAG]: true };
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
}

/** One worker thread, a queue of jobs, cancellation by key (the document URI). */
export class AnalysisPool {
  private worker: Worker | undefined;
  private running: Job | undefined;
  private readonly queue: Job[] = [];
  private nextId = 1;
  /** Set once a worker could not start: everything is then analysed inline. */
  private unavailable = false;
  /** Some worker has answered a job: workers can start here. */
  private answered = false;

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

  /** Cancel every job of `key`: queued ones are dropped, a running one stops its worker. */
  cancel(key: string): void {
    for (let i = this.queue.length - 1; i >= 0; i--) {
      if (this.queue[i].key === key) this.queue.splice(i, 1)[0].reject(new AnalysisCancelled());
    }
    if (this.running?.key === key) {
      const job = this.running;
      this.running = undefined;
      void this.worker?.terminate();
      this.worker = undefined;
      job.reject(new AnalysisCancelled());
      this.pump();
    }
  }

  dispose(): void {
    for (const job of this.queue.splice(0)) job.reject(new AnalysisCancelled());
    if (this.running) this.running.reject(new AnalysisCancelled());
    this.running = undefined;
    void this.worker?.terminate();
    this.worker = undefined;
  }

  private pump(): void {
    if (this.running) return;
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
      const worker = startWorker();
      worker.unref(); // never keeps the server process alive on its own
      worker.on('message', (m: ResultMessage) => {
        const job = this.running;
        if (!job || job.id !== m.id || worker !== this.worker) return;
        this.answered = true;
        this.running = undefined;
        if ('result' in m) job.resolve(m.result);
        else job.reject(new Error(m.error));
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
      if (job) this.queue.unshift(job);
    } else job?.reject(err);
    this.pump();
  }
}
