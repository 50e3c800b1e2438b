// The analysis worker pool (server/src/lsp/analysisWorker.ts) on its own: a superseded run is
// cancelled cooperatively and the same worker, its statement cache warm, serves the next version;
// only a run deaf to cancellation loses its worker, after the grace period.
import { strict as assert } from 'node:assert';
import { after, describe, it } from 'node:test';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { AnalysisCancelled, AnalysisOutOfMemory, AnalysisPool } from '../../server/src/lsp/analysisWorker';
import { Analyzer } from '../../server/src/lsp/analyzer';
import { toDiagnostic } from '../../server/src/lsp/diagnostics';
import { readDiagnostics } from '../../server/src/lsp/workerSession';
import { FileGlobs } from '../../server/src/lsp/fileGlobs';
import { DEFAULT_SETTINGS } from '../../server/src/lsp/settings';
import { allRules, analyze, AnalysisStopped } from '../../server/src/engine';
import { generatedPolicy } from '../corpus';

const text = generatedPolicy(300_000);
/** The same document with one statement's Sid changed (a keystroke). */
const edited = text.replace('"Sid": "Statement100"', '"Sid": "Statement100X"');
const options = { languageId: 'json', path: 'file:///big.json' };
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe('the engine\'s shouldStop callback', () => {
  it('abandons the analysis once it says so, and is asked per rule, not per token', () => {
    // Sids no other test uses: these statements are not in the statement cache yet.
    const small = generatedPolicy(20_000).replace(/"Statement(\d+)"/g, '"ShouldStop$1"');
    const statements = (JSON.parse(small) as { Statement: unknown[] }).Statement.length;
    let asked = 0;
    const all = analyze(small, { shouldStop: () => (asked++, false) });
    assert.deepEqual(all.findings, analyze(small).findings, 'a callback that never stops changes nothing');
    // At most once per rule on each statement and once per rule on the whole document.
    assert.ok(asked > statements && asked <= (statements + 1) * allRules.length, `asked ${asked} times for ${statements} statements`);
    // Stopped at its third question (the document-level rules ask too, even with every statement cached).
    let left = 2;
    assert.throws(() => analyze(small, { shouldStop: () => left-- <= 0 }), AnalysisStopped);
  });
});

describe('analysis worker pool', () => {
  const pools: AnalysisPool[] = [];
  after(() => pools.forEach((p) => p.dispose()));

  it('keeps the worker after a cancelled run, and the next version is served warm from its cache', async () => {
    const pool = new AnalysisPool();
    pools.push(pool);
    // Warm the worker (reference data, statement cache) with the first version.
    const first = await pool.run('doc', text, options);
    assert.equal(first.isPolicy, true);
    // Rapid edits: each new version cancels the run of the one before.
    const cancelled = [pool.run('doc', edited, options), pool.run('doc', text, options)];
    await sleep(5);
    pool.cancel('doc');
    const last = pool.run('doc', edited, options);
    for (const p of cancelled) await assert.rejects(p, AnalysisCancelled);
    const result = await last;
    assert.equal(pool.stats.workersStarted, 1, 'no worker was terminated');
    assert.equal(pool.stats.lastRun!.worker, 1, 'the first worker analysed the newest version');
    assert.equal(pool.stats.terminated, 0);
    // The newest version's findings, exactly as an analysis on this thread finds them.
    const editedDoc = TextDocument.create('doc', 'json', 0, edited);
    assert.deepEqual(readDiagnostics(result), analyze(edited).findings.map((f) => toDiagnostic(editedDoc, f)));
    // Warm: all statements but the edited one came from the worker's cache.
    assert.ok(pool.stats.lastRun!.cacheHits > 100, `cache hits ${pool.stats.lastRun!.cacheHits}`);
    assert.ok(pool.stats.lastRun!.cacheMisses <= 2, `cache misses ${pool.stats.lastRun!.cacheMisses}`);
  });

  it('a cancelled run stops within the grace period, and says so', async () => {
    const pool = new AnalysisPool({ graceMs: 60_000 });
    pools.push(pool);
    await pool.run('warm', '{"Version": "2012-10-17", "Statement": []}', options);
    // A different document each time: a cold run, long enough to be caught half-way.
    const running = pool.run('doc', generatedPolicy(600_000), options);
    await sleep(150);
    const begin = Date.now();
    pool.cancel('doc');
    await assert.rejects(running, AnalysisCancelled);
    // The next job gets the same worker once the cancelled run has stopped.
    const next = await pool.run('other', '{"Version": "2012-10-17", "Statement": []}', options);
    const stoppedIn = Date.now() - begin;
    assert.equal(next.isPolicy, true);
    assert.equal(pool.stats.stopped, 1, 'the worker abandoned the run when asked');
    assert.ok(stoppedIn < 2000, `stopped in ${stoppedIn} ms`);
    assert.equal(pool.stats.workersStarted, 1);
    assert.equal(pool.stats.terminated, 0);
  });

  it('terminates and replaces a worker whose run ignores cancellation', async () => {
    // The test hook stalls every job for 20 s, deaf to the stop flag (a rule stuck in a loop).
    const pool = new AnalysisPool({ graceMs: 300, stallMs: 20_000 });
    pools.push(pool);
    const stuck = pool.run('doc', text, options);
    await sleep(200);
    const begin = Date.now();
    pool.cancel('doc');
    await assert.rejects(stuck, AnalysisCancelled);
    // The next job waits for the grace period, then a fresh worker takes it (it stalls too: the
    // hook holds for every worker, so cancel it in turn and look at what the pool did).
    const next = pool.run('doc', edited, options);
    await sleep(600);
    assert.equal(pool.stats.terminated, 1, 'the stuck worker was terminated');
    assert.equal(pool.stats.workersStarted, 2, 'a fresh worker took the next job');
    assert.ok(Date.now() - begin < 20_000);
    pool.cancel('doc');
    await assert.rejects(next, AnalysisCancelled);
  });

  it('a worker that runs out of memory fails its job with AnalysisOutOfMemory, and a fresh worker serves the next', async () => {
    const pool = new AnalysisPool({ resourceLimits: { maxOldGenerationSizeMb: 32 } });
    pools.push(pool);
    const small = '{"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": "s3:GetObjet", "Resource": "*"}]}';
    await pool.run('small', small, options);
    await assert.rejects(pool.run('huge', generatedPolicy(1_000_000), options), (err) => err instanceof AnalysisOutOfMemory && /32 MB/.test(err.message));
    assert.equal(pool.stats.outOfMemory, 1);
    assert.equal(pool.mode, 'worker', 'an out-of-memory worker is no reason to analyse on the main thread');
    const next = await pool.run('small', small, options);
    assert.deepEqual(readDiagnostics(next).map((d) => d.code), analyze(small).findings.map((f) => f.ruleId));
    assert.equal(pool.stats.workersStarted, 2);
  });

  it('rapid versions in the analyzer: each supersedes the last, one worker serves them all', async () => {
    const analyzer = new Analyzer(new FileGlobs());
    try {
      const uri = 'file:///typing.json';
      let doc = TextDocument.create(uri, 'json', 1, text);
      assert.equal(readDiagnostics((await analyzer.analyze(doc, DEFAULT_SETTINGS)).worker!.answer).length, analyze(text).findings.length);
      // Five keystrokes, each before the analysis of the one before could finish.
      const runs = [];
      for (let v = 2; v <= 6; v++) {
        doc = TextDocument.update(doc, [{ text: v % 2 ? text : edited }], v);
        runs.push(analyzer.analyze(doc, DEFAULT_SETTINGS));
        await sleep(10);
      }
      const newest = await runs.pop()!;
      for (const r of runs) await assert.rejects(r, AnalysisCancelled);
      assert.equal(newest.version, 6);
      assert.deepEqual(readDiagnostics(newest.worker!.answer).map((d) => d.message), analyze(edited).findings.map((f) => f.message));
      assert.equal(analyzer.workerStats.workersStarted, 1);
      assert.ok(analyzer.workerStats.lastRun!.cacheHits > 100, 'the newest version came mostly from the warm cache');
    } finally {
      analyzer.dispose();
    }
  });
});
