// Edit → diagnostics latency and peak RSS of the shipped language server (dist/server.js) over
// stdio, as an editor sees them: a 6 KB policy, a 1 MB policy and a 1 MB CloudFormation YAML
// template, each in a server process of its own (so each peak RSS is that document's), N edits in
// one statement near the middle of the document (each a text never seen before: editText.ts),
// waiting for each edit's diagnostics.
// The size limit is raised to 2,000,000 characters: the generated "1 MB" documents are 1.05–1.15
// million characters, over the default limit (1,000,000), which would only draw the too-large note.
// --rapid: edits come faster than the analysis, as when typing in a large document: each sample
// is a burst of 10 edits 50 ms apart (every one superseding the analysis of the one before), timed
// from the burst's last edit to its diagnostics; N bursts.
// Run: npm run build && node --import tsx scripts/bench/edit.ts [--edits N] [--only name] [--rapid]
import * as path from 'path';
import { LspClient } from '../../test/lsp/lspClient';
import { generatedPolicy } from '../../test/corpus';
import { generatedTemplate } from './template';
import { fmtBytes, fmtMs, peakRssOf, percentile, since } from './measure';
import { editRange, editToken, middleValue } from './editText';

/** The server bundle; EDIT_BENCH_SERVER points at another build (to compare two commits). */
const SERVER = [process.execPath, process.env.EDIT_BENCH_SERVER ?? path.join(__dirname, '..', '..', 'dist', 'server.js'), '--stdio'];

export interface EditDocument {
  name: string;
  uri: string;
  languageId: string;
  text: string;
  /** The offset of the last character of the value the edits change (inside one statement). */
  at: number;
}

export interface EditFigures {
  name: string;
  size: number;
  edits: number;
  p50: number;
  p99: number;
  /** The server process's peak resident set (VmHWM) after the edits, in bytes. */
  peakRss: number;
  /** Rapid mode: diagnostics published for a superseded version (none is expected). */
  stale?: number;
}

/** Rapid mode: edits per burst, and the pause between two of them (ms). */
const BURST = 10;
const BURST_GAP_MS = 50;

/** The three documents of the targets. */
export function editDocuments(): EditDocument[] {
  const six = generatedPolicy(6 * 1024);
  const mega = generatedPolicy(1024 * 1024);
  const yaml = generatedTemplate(1024 * 1024);
  return [
    { name: '6 KB policy', uri: 'file:///bench/six.json', languageId: 'json', text: six, at: middleValue(six, '"Sid": "') },
    { name: '1 MB policy', uri: 'file:///bench/mega.json', languageId: 'json', text: mega, at: middleValue(mega, '"Sid": "') },
    { name: '1 MB YAML template', uri: 'file:///bench/template.yaml', languageId: 'yaml', text: yaml, at: middleValue(yaml, 'Action: [s3:GetObject, s3:PutObject, ') },
  ];
}

/** A client of a server under measurement (every bench figure over LSP starts its server so):
 *  debounce 0, the server's own work and not the editor-side pause (a user setting); the size
 *  limit raised over the generated documents (see the head of this file); and only each
 *  document's latest diagnostics kept, as an editor keeps them (test/lsp/lspClient.ts says why). */
export function benchClient(command: string[]): Promise<LspClient> {
  return LspClient.start({ command, settings: { debounceMs: 0, maxDocumentSize: 2_000_000 }, latestDiagnosticsOnly: true });
}

/** `measure` on a fresh server that has `doc` open and analysed; the server is stopped
 *  afterwards. */
async function onFreshServer<T>(doc: EditDocument, measure: (client: LspClient) => Promise<T>): Promise<T> {
  const client = await benchClient(SERVER);
  try {
    await client.open(doc.uri, doc.text, doc.languageId);
    await client.current(doc.uri, 120_000);
    return await measure(client);
  } finally {
    await client.stop();
  }
}

/** Make the `n`th edit of `doc` (editText.ts: each edit a text never seen before). */
const edit = (client: LspClient, doc: EditDocument, n: number) => {
  const { start, end } = editRange(doc.at);
  return client.replace(doc.uri, start, end, editToken(n));
};

const figures = (doc: EditDocument, edits: number, samples: number[], client: LspClient): EditFigures =>
  ({ name: doc.name, size: doc.text.length, edits, p50: percentile(samples, 50), p99: percentile(samples, 99), peakRss: peakRssOf(client.proc.pid!) });

/** How many edits: `max`, or fewer when `budgetMs` has passed, but at least `min` (a p99 needs
 *  100 samples to be other than the slowest one; a document whose edits take a second each
 *  would otherwise hold the whole bench). */
export interface EditPlan {
  max: number;
  min?: number;
  budgetMs?: number;
}

const planOf = (plan: number | EditPlan): Required<EditPlan> =>
  typeof plan === 'number' ? { max: plan, min: plan, budgetMs: Infinity } : { min: plan.max, budgetMs: Infinity, ...plan };

/** Open `doc` in a fresh server, then edit it (editText.ts) as the plan says, each time waiting
 *  for the diagnostics of the new version. */
export function measureEdits(doc: EditDocument, plan: number | EditPlan): Promise<EditFigures> {
  const { max, min, budgetMs } = planOf(plan);
  return onFreshServer(doc, async (client) => {
    const samples: number[] = [];
    const began = process.hrtime.bigint();
    for (let i = 0; i < max && (i < min || since(began) < budgetMs); i++) {
      const begin = process.hrtime.bigint();
      await edit(client, doc, i);
      await client.current(doc.uri, 120_000);
      samples.push(since(begin));
    }
    return figures(doc, samples.length, samples, client);
  });
}

/** Like `measureEdits`, but each of the `bursts` samples is BURST edits BURST_GAP_MS apart, none
 *  waiting for diagnostics, timed from the last edit to the diagnostics of its version. */
export function measureRapidEdits(doc: EditDocument, bursts: number): Promise<EditFigures> {
  return onFreshServer(doc, async (client) => {
    const samples: number[] = [];
    const from = client.published.length;
    let n = 0;
    for (let b = 0; b < bursts; b++) {
      let begin = process.hrtime.bigint();
      for (let i = 0; i < BURST; i++) {
        if (i > 0) await new Promise((r) => setTimeout(r, BURST_GAP_MS));
        begin = process.hrtime.bigint();
        await edit(client, doc, n++);
      }
      await client.current(doc.uri, 120_000);
      samples.push(since(begin));
    }
    // Each burst's last version is published; any other version is stale work that reached the user.
    const lasts = new Set(Array.from({ length: bursts }, (_, b) => 1 + (b + 1) * BURST));
    const stale = client.publishedFor(doc.uri, from).filter((p) => !lasts.has(p.version!)).length;
    return { ...figures(doc, bursts, samples, client), stale };
  });
}

/** Every document of `editDocuments()`, one server each; `edits` per document, or a plan by
 *  document name (rapid mode: bursts, `max` of the plan). */
export async function measureAllEdits(edits: number | ((name: string) => EditPlan) = 100, only?: string, rapid = false): Promise<EditFigures[]> {
  const out: EditFigures[] = [];
  for (const doc of editDocuments()) {
    if (only && !doc.name.includes(only)) continue;
    const plan = typeof edits === 'number' ? edits : edits(doc.name);
    out.push(await (rapid ? measureRapidEdits(doc, typeof plan === 'number' ? plan : plan.max) : measureEdits(doc, plan)));
  }
  return out;
}

export function editTable(figures: EditFigures[]): string {
  const rapid = figures.some((f) => f.stale !== undefined);
  const rows = rapid
    ? [`| document | size | bursts of ${BURST} edits ${BURST_GAP_MS} ms apart | p50 (last edit) | p99 (last edit) | stale publications | peak RSS |`, '|---|---|---|---|---|---|---|']
    : ['| document | size | edits | p50 | p99 | target p99 | peak RSS |', '|---|---|---|---|---|---|---|'];
  for (const f of figures) {
    const fifth = rapid ? String(f.stale) : f.size < 100_000 ? '20 ms' : '200 ms';
    rows.push(`| ${f.name} | ${fmtBytes(f.size)} | ${f.edits} | ${fmtMs(f.p50)} | ${fmtMs(f.p99)} | ${fifth} | ${fmtBytes(f.peakRss)} |`);
  }
  return rows.join('\n');
}

if (require.main === module) {
  const arg = (name: string) => {
    const i = process.argv.indexOf(name);
    return i >= 0 ? process.argv[i + 1] : undefined;
  };
  const rapid = process.argv.includes('--rapid');
  measureAllEdits(Number(arg('--edits') ?? (rapid ? 10 : 100)), arg('--only'), rapid).then(
    (figures) => console.log(editTable(figures)),
    (err) => {
      console.error(err);
      process.exit(1);
    },
  );
}
