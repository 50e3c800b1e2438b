// Throwaway measurement (LSP helper): what a server's memory is made of with a 1 MB document open,
// the analyzer and its worker in this process (no JSON-RPC): peak RSS, this thread's heap, the
// worker's heap after its last job, for given worker resourceLimits.
// Run: node [--max-semi-space-size=N] --import tsx scripts/bench/lspMemory.ts "1 MB policy" '{"maxOldGenerationSizeMb":256}'
import * as fs from 'fs';
import { getHeapSpaceStatistics } from 'v8';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { Analyzer } from '../../server/src/lsp/analyzer';
import { FileGlobs } from '../../server/src/lsp/fileGlobs';
import { DEFAULT_SETTINGS } from '../../server/src/lsp/settings';
import { editDocuments } from './edit';
import { readDiagnostics } from "../../server/src/lsp/workerSession";
import { median } from './measure';

const status = (k: string) => Number(/(\d+) kB/.exec(fs.readFileSync('/proc/self/status', 'utf8').split('\n').find((l) => l.startsWith(k))!)![1]) / 1024;
const mb = (b: number) => (b / 1e6).toFixed(0);

async function main() {
  const doc0 = editDocuments().find((d) => d.name === (process.argv[2] ?? '1 MB policy'))!;
  const limits = process.argv[3] ? JSON.parse(process.argv[3]) : undefined;
  const settings = { ...DEFAULT_SETTINGS, maxDocumentSize: 2_000_000 };
  const analyzer = new Analyzer(new FileGlobs(), undefined, limits ? { resourceLimits: limits } : {});
  const baseline = status('VmRSS');
  let doc = TextDocument.create(doc0.uri, doc0.languageId, 1, doc0.text);
  const times: number[] = [];
  let count = 0;
  for (let v = 1; v <= 11; v++) {
    if (v > 1) doc = TextDocument.update(doc, [{ range: { start: doc.positionAt(doc0.at), end: doc.positionAt(doc0.at + 1) }, text: v % 2 ? 'X' : 'Y' }], v);
    const t = performance.now();
    const a = await analyzer.analyze(doc, settings);
    count = a.worker ? readDiagnostics(a.worker.answer).length : a.findings.length;
    if (v > 1) times.push(performance.now() - t);
  }
  const m = process.memoryUsage();
  const young = getHeapSpaceStatistics().find((s) => s.space_name === 'new_space')!;
  console.log(`${doc0.name} limits ${JSON.stringify(limits ?? 'default')}: edit median ${median(times).toFixed(0)} ms, ${count} diagnostics; RSS baseline ${baseline.toFixed(0)} MB, now ${status('VmRSS').toFixed(0)} MB, peak ${status('VmHWM').toFixed(0)} MB; main heap used ${mb(m.heapUsed)} / total ${mb(m.heapTotal)} MB (new space ${mb(young.space_size)}), external ${mb(m.external)} MB; worker heap used ${mb(analyzer.workerStats.lastRun!.heapUsed)} MB`);
  analyzer.dispose();
}
void main();
