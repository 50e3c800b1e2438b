// `npm run bench`: warm, repeated measurements, printed as medians and as ratios against baselines
// measured in the same run on the same documents. Every figure that needs a clean heap runs in a
// child process of its own (this file with `--figure <name>`): the engine table, the managed set
// in-process, each shape of the scaling table; the CLI and the language server are separate
// processes anyway. The parent only spawns, collects JSON and prints.
// `--quick` (< 30 s): fewer repetitions, no 4 MB scaling point, no in-process managed-set row, 50
// edits. `--write` also writes the table at the top of docs/performance.md. Needs `npm run build`
// first (the CLI and the server are measured as shipped, from dist/).
import { execFileSync, spawn, spawnSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { parseTree } from 'jsonc-parser';
import { getLanguageService, TextDocument as JsonTextDocument } from 'vscode-json-languageservice';
import { analyze } from '../../server/src/engine';
import { generatedPolicy, managedPolicies } from '../../test/corpus';
import { seedReal } from '../../test/helpers';
import { fmtBytes, fmtMs, fmtRatio, innerFor, median, timeIt } from './measure';
import { measureServer, ServerFigures } from './lspLatency';
import { GROWTH_LIMIT, growth, measureScaling, scalingTable, ShapeScaling } from './scaling';
import { coldCache } from './coldCache';

const QUICK = process.argv.includes('--quick');

const ROOT = path.join(__dirname, '..', '..');
const SCHEMA = path.join(ROOT, 'schemas', 'iam-policy.schema.json');

interface Doc {
  name: string;
  text: string;
}

interface Row {
  doc: string;
  size: number;
  parseFloor: number;
  jsonParse: number;
  schema: number;
  analysis: number;
}

function jsonSchemaValidator(): ((text: string) => Promise<unknown>) | undefined {
  if (!fs.existsSync(SCHEMA)) return undefined;
  const schema = JSON.parse(fs.readFileSync(SCHEMA, 'utf8'));
  const service = getLanguageService({});
  service.configure({ validate: true, schemas: [{ uri: 'file:///iam-policy.schema.json', fileMatch: ['*.json'], schema }] });
  return async (text: string) => {
    const doc = JsonTextDocument.create('file:///policy.json', 'json', 1, text);
    return service.doValidation(doc, service.parseJSONDocument(doc));
  };
}

async function timeAsync(fn: () => Promise<unknown>, reps = QUICK ? 3 : 9, warmup = QUICK ? 1 : 3): Promise<number> {
  for (let i = 0; i < warmup; i++) await fn();
  const samples: number[] = [];
  for (let i = 0; i < reps; i++) {
    const start = process.hrtime.bigint();
    await fn();
    samples.push(Number(process.hrtime.bigint() - start) / 1e6);
  }
  return median(samples);
}

/** Time every baseline and the analysis on one document (or a set, summed per round). */
async function measureDocs(name: string, docs: Doc[], validate: ReturnType<typeof jsonSchemaValidator>): Promise<Row> {
  const each = (fn: (t: string) => unknown) => () => {
    for (const d of docs) fn(d.text);
  };
  const reps = QUICK || docs.length > 100 ? 3 : 9;
  const warmup = QUICK || docs.length > 100 ? 1 : 3;
  const floorFn = each((t) => parseTree(t));
  const parseFloor = timeIt(floorFn, { reps, warmup, inner: innerFor(floorFn) });
  const jsonFn = each((t) => JSON.parse(t));
  const jsonParse = timeIt(jsonFn, { reps, warmup, inner: innerFor(jsonFn) });
  const analysisFn = each((t) => coldCache(() => analyze(t)));
  const analysis = timeIt(analysisFn, { reps, warmup, inner: innerFor(analysisFn) });
  const schema = validate
    ? await timeAsync(async () => {
        for (const d of docs) await validate(d.text);
      }, reps)
    : NaN;
  return { doc: name, size: docs.reduce((n, d) => n + d.text.length, 0), parseFloor, jsonParse, schema, analysis };
}

/** Wall time of the shipped CLI linting the whole managed-policy set written to a folder. */
function measureCli(docs: Doc[]): { wallMs: number; files: number } {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'connect-iam-bench-'));
  try {
    docs.forEach((d, i) => fs.writeFileSync(path.join(dir, `${i}-${d.name.replace(/[^\w.-]/g, '_')}.json`), d.text));
    const cli = path.join(ROOT, 'dist', 'cli.js');
    const samples: number[] = [];
    for (let i = 0; i < (QUICK ? 2 : 4); i++) {
      const start = process.hrtime.bigint();
      const r = spawnSync(process.execPath, [cli, '--format', 'json', '--output', path.join(dir, 'out.json'), dir], { encoding: 'utf8', maxBuffer: 1 << 28 });
      if (r.status !== 0 && r.status !== 1) throw new Error(`CLI failed (${r.status}): ${r.stderr}`);
      samples.push(Number(process.hrtime.bigint() - start) / 1e6);
    }
    samples.shift(); // the first run warms the file cache
    return { wallMs: median(samples), files: docs.length };
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

function vsixSize(): number | undefined {
  const existing = fs.readdirSync(ROOT).filter((f) => f.endsWith('.vsix'));
  if (existing.length === 0) {
    try {
      execFileSync('npm', ['run', '--silent', 'package'], { cwd: ROOT, stdio: 'ignore' });
    } catch {
      return undefined;
    }
  }
  const vsix = fs.readdirSync(ROOT).filter((f) => f.endsWith('.vsix')).map((f) => path.join(ROOT, f));
  if (vsix.length === 0) return undefined;
  vsix.sort((a, b) => fs.statSync(b).mtimeMs - fs.statSync(a).mtimeMs);
  return fs.statSync(vsix[0]).size;
}

function machine(): string {
  const cpus = os.cpus();
  return `${cpus[0]?.model ?? 'unknown CPU'} × ${cpus.length}, ${(os.totalmem() / 2 ** 30).toFixed(0)} GiB, Node ${process.version}, ${os.platform()} ${os.release()}`;
}

function verdict(ok: boolean): string {
  return ok ? 'met' : '**missed**';
}

/** The engine table's documents: the seeds and generated policies of 6 KB, 100 KB and 1 MB. */
function engineDocs(): Doc[] {
  const seeds = seedReal().map((s) => ({ name: `seed: ${s.name}`, text: s.text }));
  return [
    ...seeds,
    { name: '6 KB policy', text: generatedPolicy(6 * 1024) },
    { name: '100 KB policy', text: generatedPolicy(100 * 1024) },
    { name: '1 MB policy', text: generatedPolicy(1024 * 1024) },
  ];
}

/** A figure measured in this process (a child of the bench), printed as JSON on stdout. */
async function childFigure(name: string): Promise<unknown> {
  const validate = jsonSchemaValidator();
  if (name === 'engine') {
    const rows: Row[] = [];
    for (const d of engineDocs()) rows.push(await measureDocs(d.name, [d], validate));
    return rows;
  }
  if (name === 'managed') {
    const managed = managedPolicies();
    return { row: await measureDocs(`all ${managed.length} AWS managed policies`, managed, validate), rss: process.memoryUsage().rss };
  }
  throw new Error(`unknown figure ${name}`);
}

/** Run `--figure name` in a fresh Node process and parse its JSON. */
function inChild<T>(name: string): Promise<T> {
  const args = ['--import', 'tsx', __filename, '--figure', name, ...(QUICK ? ['--quick'] : [])];
  return new Promise<T>((resolve, reject) => {
    const child = spawn(process.execPath, args, { cwd: ROOT, stdio: ['ignore', 'pipe', 'inherit'] });
    let stdout = '';
    child.stdout.on('data', (d) => (stdout += d));
    child.on('error', reject);
    child.on('exit', (code) => (code === 0 ? resolve(JSON.parse(stdout) as T) : reject(new Error(`bench figure ${name} exited with ${code}`))));
  });
}

/** Edit latency and per-document peak RSS, from scripts/bench/edit.ts when that module is there
 *  (each document in a server of its own); undefined otherwise, and the latency below comes from
 *  lspLatency.ts. */
interface EditModule {
  measureAllEdits(edits?: number): Promise<{ name: string; size: number; edits: number; p50: number; p99: number; peakRss: number }[]>;
  editTable(figures: unknown[]): string;
}

function editModule(): EditModule | undefined {
  const file = path.join(__dirname, 'edit.ts');
  if (!fs.existsSync(file)) return undefined;
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const mod = require(file) as Partial<EditModule>;
  return typeof mod.measureAllEdits === 'function' && typeof mod.editTable === 'function' ? (mod as EditModule) : undefined;
}

async function main(): Promise<void> {
  const figure = process.argv.indexOf('--figure');
  if (figure >= 0) {
    process.stdout.write(JSON.stringify(await childFigure(process.argv[figure + 1])));
    return;
  }
  const began = process.hrtime.bigint();
  const write = process.argv.includes('--write');
  const edits = QUICK ? 50 : 500;

  const rows: Row[] = await inChild<Row[]>('engine');
  let managedRss: number | undefined;
  if (!QUICK) {
    const managed = await inChild<{ row: Row; rss: number }>('managed');
    rows.push(managed.row);
    managedRss = managed.rss;
  }
  const managedDocs = managedPolicies();
  const cli = measureCli(managedDocs);
  const six = engineDocs().find((d) => d.name === '6 KB policy')!.text;
  const mega = engineDocs().find((d) => d.name === '1 MB policy')!.text;
  const editMod = editModule();
  const server: ServerFigures = await measureServer(six, QUICK || editMod ? undefined : mega, { edits: editMod ? 0 : edits, coldRuns: QUICK ? 3 : 5 });
  const editFigures = editMod ? await editMod.measureAllEdits(QUICK ? 20 : 200) : undefined;
  const scaling: ShapeScaling[] = await measureScaling(QUICK);
  const vsix = QUICK ? undefined : vsixSize();

  const out: string[] = [];
  out.push(`Machine: ${machine()}${QUICK ? ' (--quick)' : ''}`, '');
  out.push('| document | size | jsonc-parser (floor) | JSON.parse | JSON schema (vscode-json-languageservice) | full analysis | analysis ÷ floor | analysis ÷ schema |');
  out.push('|---|---|---|---|---|---|---|---|');
  for (const r of rows) {
    out.push(`| ${r.doc} | ${fmtBytes(r.size)} | ${fmtMs(r.parseFloor)} | ${fmtMs(r.jsonParse)} | ${fmtMs(r.schema)} | ${fmtMs(r.analysis)} | ${fmtRatio(r.analysis / r.parseFloor)} | ${fmtRatio(r.analysis / r.schema)} |`);
  }
  const ratioOf = (name: string) => {
    const r = rows.find((x) => x.doc === name)!;
    return r.analysis / r.parseFloor;
  };
  out.push('');
  out.push('| figure | value | target | |');
  out.push('|---|---|---|---|');
  out.push(`| analysis ÷ floor, 6 KB | ${fmtRatio(ratioOf('6 KB policy'))} | ≤ 5× | ${verdict(ratioOf('6 KB policy') <= 5)} |`);
  out.push(`| analysis ÷ floor, 1 MB | ${fmtRatio(ratioOf('1 MB policy'))} | ≤ 5× | ${verdict(ratioOf('1 MB policy') <= 5)} |`);
  out.push(`| CLI wall time, ${cli.files} managed policies | ${fmtMs(cli.wallMs)} | < 2 s | ${verdict(cli.wallMs < 2000)} |`);
  for (const l of server.latency) {
    const target = l.name.startsWith('6') ? 20 : 200;
    out.push(`| didChange → diagnostics, ${l.name} (p50 / p99 over ${l.edits} edits) | ${fmtMs(l.p50)} / ${fmtMs(l.p99)} | p99 < ${target} ms | ${verdict(l.p99 < target)} |`);
  }
  for (const e of editFigures ?? []) {
    const target = e.name.startsWith('6') ? 20 : 200;
    out.push(`| didChange → diagnostics, ${e.name} (p50 / p99 over ${e.edits} edits) | ${fmtMs(e.p50)} / ${fmtMs(e.p99)} | p99 < ${target} ms | ${verdict(e.p99 < target)} |`);
    out.push(`| server peak RSS, ${e.name} | ${fmtBytes(e.peakRss)} | < 150 MB | ${verdict(e.peakRss < 150 * 2 ** 20)} |`);
  }
  out.push(`| server cold start → first diagnostics (6 KB policy) | ${fmtMs(server.coldStartMs)} | < 400 ms | ${verdict(server.coldStartMs < 400)} |`);
  if (!editFigures && Number.isFinite(server.peakRss)) {
    out.push(`| server peak RSS (after the edits) | ${fmtBytes(server.peakRss)} | < 150 MB | ${verdict(server.peakRss < 150 * 2 ** 20)} |`);
  }
  if (managedRss !== undefined) out.push(`| engine process RSS after the managed set (in-process figure) | ${fmtBytes(managedRss)} | | |`);
  if (vsix !== undefined) out.push(`| .vsix size | ${fmtBytes(vsix)} | < 5 MB | ${verdict(vsix < 5 * 2 ** 20)} |`);
  const superlinear = scaling.filter((r) => growth(r) > GROWTH_LIMIT).map((r) => r.shape);
  out.push(`| shapes within ${GROWTH_LIMIT}× per KB from 10 KB to 1 MB | ${scaling.length - superlinear.length} of ${scaling.length}${superlinear.length ? ` (superlinear: ${superlinear.join(', ')})` : ''} | all | ${verdict(superlinear.length === 0)} |`);
  out.push('', 'Scaling (engine, warm; each shape in its own process; per KB and ÷ the parse floor of the same text: jsonc-parser, or the yaml package for the template):', '');
  out.push(scalingTable(scaling));
  const seconds = Number(process.hrtime.bigint() - began) / 1e9;
  out.push('', `Whole bench: ${seconds.toFixed(0)} s wall.`);
  const table = out.join('\n');
  console.log(table);

  if (write) {
    const file = path.join(ROOT, 'docs', 'performance.md');
    const previous = fs.existsSync(file) ? fs.readFileSync(file, 'utf8') : '';
    const marker = '<!-- bench:end -->';
    const notes = previous.includes(marker) ? previous.slice(previous.indexOf(marker) + marker.length) : '\n';
    fs.writeFileSync(file, `# Performance\n\nWritten by \`npm run bench -- --write\` (${new Date().toISOString().slice(0, 10)}). Medians of repeated runs after warm-up; every ratio divides two figures measured in the same run on the same documents.\n\n${table}\n${marker}${notes}`);
    console.log(`\nwrote ${path.relative(ROOT, file)}`);
  }
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
