// Throwaway measurement (LSP helper): edit.ts's single-edit measurement, plus the server
// process's CPU time per edit (from /proc: all threads, and the main thread alone) and its peak RSS, for two server builds
// alternated document by document. Run: node --import tsx scripts/bench/lspEdit.ts A.js B.js [--edits N] [--only name]
import * as fs from 'fs';
import { benchClient, editDocuments } from './edit';
import { median, peakRssOf, percentile, since } from './measure';

const cpuMs = (pid: number, thread = false) => {
  const f = fs.readFileSync(thread ? `/proc/${pid}/task/${pid}/stat` : `/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
  return ((Number(f[11]) + Number(f[12])) * 1000) / 100; // utime + stime, clock ticks of 10 ms
};

async function measure(server: string, doc: ReturnType<typeof editDocuments>[number], edits: number) {
  const client = await benchClient([process.execPath, ...(process.env.SERVER_FLAGS ? process.env.SERVER_FLAGS.split(' ') : []), server, '--stdio']);
  try {
    await client.open(doc.uri, doc.text, doc.languageId);
    await client.current(doc.uri, 120_000);
    const pid = client.proc.pid!;
    const samples: number[] = [];
    const original = doc.text[doc.at];
    const c0 = cpuMs(pid);
    const m0 = cpuMs(pid, true);
    for (let i = 0; i < edits; i++) {
      const begin = process.hrtime.bigint();
      await client.replace(doc.uri, doc.at, doc.at + 1, i % 2 ? original : original === 'X' ? 'Y' : 'X');
      await client.current(doc.uri, 120_000);
      samples.push(since(begin));
    }
    const cpu = (cpuMs(pid) - c0) / edits;
    const mainCpu = (cpuMs(pid, true) - m0) / edits;
    return { p50: percentile(samples, 50), p99: percentile(samples, 99), cpu, mainCpu, rss: peakRssOf(pid) / 1e6 };
  } finally {
    await client.stop();
  }
}

async function main() {
  const args = process.argv.slice(2);
  const opt = (n: string) => (args.includes(n) ? args[args.indexOf(n) + 1] : undefined);
  const servers = args.filter((a) => a.endsWith('.js'));
  const edits = Number(opt('--edits') ?? 10);
  const rounds = Number(opt('--rounds') ?? 1);
  for (const doc of editDocuments()) {
    if (opt('--only') && !doc.name.includes(opt('--only')!)) continue;
    const res: Record<string, { p50: number; p99: number; cpu: number; mainCpu: number; rss: number }[]> = {};
    for (let r = 0; r < rounds; r++) for (const s of servers) (res[s] ??= []).push(await measure(s, doc, edits));
    for (const s of servers) {
      const rs = res[s];
      const m = (k: 'p50' | 'p99' | 'cpu' | 'mainCpu' | 'rss') => median(rs.map((x) => x[k])).toFixed(0);
      console.log(`${doc.name} | ${s} | p50 ${m('p50')} ms | p99 ${m('p99')} ms | cpu/edit ${m('cpu')} ms (main thread ${m('mainCpu')}) | peak RSS ${m('rss')} MB`);
    }
  }
}
void main();
