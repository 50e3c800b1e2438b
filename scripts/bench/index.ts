// `npm run bench`: every measurement in one process run, with warm-up and repetitions, printed as
// medians and as ratios against baselines measured in the same run on the same documents.
// `--write` also writes docs/performance.md. Needs `npm run build` first (the CLI and the server
// are measured as shipped, from dist/).
import { execFileSync, spawnSync } from 'child_process';
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

async function timeAsync(fn: () => Promise<unknown>, reps = 9, warmup = 3): Promise<number> {
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
  const reps = docs.length > 100 ? 5 : 9;
  const floorFn = each((t) => parseTree(t));
  const parseFloor = timeIt(floorFn, { reps, inner: innerFor(floorFn) });
  const jsonFn = each((t) => JSON.parse(t));
  const jsonParse = timeIt(jsonFn, { reps, inner: innerFor(jsonFn) });
  const analysisFn = each((t) => analyze(t));
  const analysis = timeIt(analysisFn, { reps, inner: innerFor(analysisFn) });
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
    for (let i = 0; i < 4; i++) {
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

async function main(): Promise<void> {
  const write = process.argv.includes('--write');
  const validate = jsonSchemaValidator();
  const seeds = seedReal().map((s) => ({ name: s.name, text: s.text }));
  const six = { name: '6 KB policy', text: generatedPolicy(6 * 1024) };
  const hundred = { name: '100 KB policy', text: generatedPolicy(100 * 1024) };
  const mega = { name: '1 MB policy', text: generatedPolicy(1024 * 1024) };
  const managed = managedPolicies();

  const rows: Row[] = [];
  for (const s of seeds) rows.push(await measureDocs(`seed: ${s.name}`, [s], validate));
  rows.push(await measureDocs(six.name, [six], validate));
  rows.push(await measureDocs(hundred.name, [hundred], validate));
  rows.push(await measureDocs(mega.name, [mega], validate));
  rows.push(await measureDocs(`all ${managed.length} AWS managed policies`, managed, validate));

  const cli = measureCli(managed);
  const server: ServerFigures = await measureServer(six.text, mega.text);
  const vsix = vsixSize();
  const rss = process.memoryUsage().rss;

  const out: string[] = [];
  out.push(`Machine: ${machine()}`, '');
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
  out.push(`| analysis ÷ floor, 6 KB | ${fmtRatio(ratioOf(six.name))} | ≤ 3× | ${verdict(ratioOf(six.name) <= 3)} |`);
  out.push(`| analysis ÷ floor, 1 MB | ${fmtRatio(ratioOf(mega.name))} | ≤ 3× | ${verdict(ratioOf(mega.name) <= 3)} |`);
  out.push(`| CLI wall time, ${cli.files} managed policies | ${fmtMs(cli.wallMs)} | < 2 s | ${verdict(cli.wallMs < 2000)} |`);
  for (const l of server.latency) {
    const target = l.name.startsWith('6') ? 20 : 200;
    out.push(`| didChange → diagnostics, ${l.name} (p50 / p99 over ${l.edits} edits) | ${fmtMs(l.p50)} / ${fmtMs(l.p99)} | p99 < ${target} ms | ${verdict(l.p99 < target)} |`);
  }
  out.push(`| server cold start → first diagnostics | ${fmtMs(server.coldStartMs)} | < 400 ms | ${verdict(server.coldStartMs < 400)} |`);
  out.push(`| server peak RSS (1 MB document, after the edits) | ${fmtBytes(server.peakRss)} | < 150 MB | ${verdict(server.peakRss < 150 * 2 ** 20)} |`);
  out.push(`| benchmark process RSS (engine in-process) | ${fmtBytes(rss)} | | |`);
  out.push(`| .vsix size | ${vsix === undefined ? 'n/a (npm run package failed)' : fmtBytes(vsix)} | < 5 MB | ${vsix === undefined ? '' : verdict(vsix < 5 * 2 ** 20)} |`);
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
