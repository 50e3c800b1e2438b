// Throwaway measurement (LSP helper): where a language server's memory is with a 1 MB document
// open and edited. Starts a server build over stdio (as edit.ts does: debounce 0, the edits of
// editText.ts) with a probe preloaded in every thread (`--require`, which worker threads inherit)
// that records its thread's V8 heap every few milliseconds and whenever a job boundary lets its
// timer run; this process samples the server's RSS meanwhile. Prints, per phase (open, edits),
// the peak RSS, and each thread's largest committed heap, the spaces at that moment and its
// external memory.
// Run: npm run build && node --import tsx scripts/bench/lspMemory.ts [server.js …] [--only name] [--edits N] [--rounds N] [--rest S]
// --rest S: after the edits, the RSS every 5 s for S seconds of rest (V8 gives memory back only
// after a while without allocation: its memory reducer).
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { benchClient, editDocuments, EditDocument } from './edit';
import { editRange, editToken } from './editText';
import { median, percentile, since } from './measure';

const PROBE = `
const v8 = require('v8');
const fs = require('fs');
const { threadId } = require('worker_threads');
const file = process.env.LSP_MEMORY_DIR + '/' + process.pid + '-' + threadId + '.jsonl';
const sample = () => {
  const h = v8.getHeapStatistics();
  const spaces = Object.fromEntries(v8.getHeapSpaceStatistics().map((s) => [s.space_name, Math.round(s.space_size / 1e6)]));
  const m = process.memoryUsage();
  fs.appendFileSync(file, JSON.stringify({ t: Date.now(), thread: threadId, total: h.total_heap_size, used: h.used_heap_size, malloced: h.malloced_memory, external: m.external, arrayBuffers: m.arrayBuffers, spaces }) + '\\n');
};
const { PerformanceObserver, constants } = require('perf_hooks');
if (process.env.LSP_MEMORY_GC) new PerformanceObserver((list) => {
  for (const e of list.getEntries()) fs.appendFileSync(file.replace('.jsonl', '.gc'), JSON.stringify({ t: Math.round(performance.timeOrigin + e.startTime), kind: e.detail.kind === constants.NODE_PERFORMANCE_GC_MAJOR ? 'major' : e.detail.kind === constants.NODE_PERFORMANCE_GC_MINOR ? 'minor' : e.detail.kind, ms: +e.duration.toFixed(1), used: Math.round(v8.getHeapStatistics().used_heap_size / 1e6) }) + '\\n');
}).observe({ entryTypes: ['gc'] });
let snapped = false;
setInterval(() => {
  sample();
  // Asked for by the measuring process (LSP_MEMORY_SNAPSHOT): one heap snapshot per thread, of its
  // live data (a snapshot collects the garbage first).
  if (!snapped && fs.existsSync(process.env.LSP_MEMORY_DIR + '/snap')) {
    snapped = true;
    v8.writeHeapSnapshot(process.env.LSP_MEMORY_SNAPSHOT + '/' + threadId + '.heapsnapshot');
  }
}, 10).unref();
`;

interface Sample {
  t: number;
  thread: number;
  total: number;
  used: number;
  malloced: number;
  external: number;
  arrayBuffers: number;
  spaces: Record<string, number>;
}

const vm = (pid: number, key: string) => Number(new RegExp(`${key}:\\s+(\\d+) kB`).exec(fs.readFileSync(`/proc/${pid}/status`, 'utf8'))![1]) / 1024;
const cpuMs = (pid: number) => {
  const f = fs.readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
  return ((Number(f[11]) + Number(f[12])) * 1000) / 100;
};
const mb = (b: number) => (b / 1e6).toFixed(0);

/** `server` is a bundle's path, optionally with `?NAME=value&…`: environment variables of that
 *  server process (variants of one build). */
async function measure(spec: string, doc: EditDocument, edits: number, restS = 0) {
  const [server, query] = spec.split('?');
  const env = Object.fromEntries(new URLSearchParams(query ?? ''));
  const saved = { ...process.env };
  Object.assign(process.env, env);
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'lsp-memory-'));
  const probe = path.join(dir, 'probe.js');
  fs.writeFileSync(probe, PROBE);
  const flags = process.env.SERVER_FLAGS ? process.env.SERVER_FLAGS.split(' ') : [];
  process.env.LSP_MEMORY_DIR = dir;
  const client = await benchClient([process.execPath, ...flags, '--require', probe, server, '--stdio']);
  process.env = saved;
  const pid = client.proc.pid!;
  const rss: { t: number; rss: number; phase: string }[] = [];
  let phase = 'open';
  const timer = setInterval(() => rss.push({ t: Date.now(), rss: vm(pid, 'VmRSS'), phase }), 5);
  try {
    await client.open(doc.uri, doc.text, doc.languageId);
    await client.current(doc.uri, 120_000);
    const openPeak = vm(pid, 'VmHWM');
    phase = 'edits';
    const samples: number[] = [];
    const c0 = cpuMs(pid);
    for (let i = 0; i < edits; i++) {
      const begin = process.hrtime.bigint();
      const { start, end } = editRange(doc.at);
      await client.replace(doc.uri, start, end, editToken(i));
      await client.current(doc.uri, 120_000);
      samples.push(since(begin));
    }
    const cpu = (cpuMs(pid) - c0) / edits;
    await new Promise((r) => setTimeout(r, 50));
    const peak = vm(pid, 'VmHWM');
    const rest: string[] = [];
    for (let at = 5; at <= restS; at += 5) {
      await new Promise((r) => setTimeout(r, 5000));
      rest.push(`${at} s ${vm(pid, 'VmRSS').toFixed(0)}`);
    }
    if (process.env.LSP_MEMORY_SMAPS) fs.writeFileSync(process.env.LSP_MEMORY_SMAPS, fs.readFileSync(`/proc/${pid}/smaps`));
    if (process.env.LSP_MEMORY_SNAPSHOT) {
      fs.writeFileSync(path.join(dir, 'snap'), '');
      await new Promise((r) => setTimeout(r, 8000));
    }
    const threads = new Map<number, Sample[]>();
    for (const f of fs.readdirSync(dir).filter((f) => f.endsWith('.jsonl'))) {
      for (const line of fs.readFileSync(path.join(dir, f), 'utf8').split('\n').filter(Boolean)) {
        const s = JSON.parse(line) as Sample;
        (threads.get(s.thread) ?? threads.set(s.thread, []).get(s.thread)!).push(s);
      }
    }
    const peakAt = rss.reduce((a, b) => (b.rss > a.rss ? b : a), rss[0]);
    const perThread = [...threads.entries()].map(([thread, ss]) => {
      const top = ss.reduce((a, b) => (b.total > a.total ? b : a));
      const atPeak = ss.reduce((a, b) => (Math.abs(b.t - peakAt.t) < Math.abs(a.t - peakAt.t) ? b : a));
      const maxUsed = Math.max(...ss.map((s) => s.used));
      return `thread ${thread}: max committed heap ${mb(top.total)} MB (used ${mb(top.used)}; spaces ${JSON.stringify(top.spaces)}), max used ${mb(maxUsed)} MB, external ${mb(top.external)} MB (array buffers ${mb(top.arrayBuffers)}), malloced ${mb(top.malloced)} MB; at the RSS peak (±${Math.abs(atPeak.t - peakAt.t)} ms) committed ${mb(atPeak.total)} used ${mb(atPeak.used)}`;
    });
    if (process.env.LSP_MEMORY_SERIES) {
      const t0 = rss[0].t;
      for (const [thread, ss] of threads) {
        let last = '';
        for (const x of ss) {
          const line = `${mb(x.total)}/${mb(x.used)}`;
          if (line !== last) console.log(`  series thread ${thread} t=${x.t - t0} committed/used ${line} rss ${rss.find((r) => r.t >= x.t)?.rss.toFixed(0)}`);
          last = line;
        }
      }
    }
    if (process.env.LSP_MEMORY_GC) {
      for (const f of fs.readdirSync(dir).filter((f) => f.endsWith('.gc'))) {
        const gcs = fs.readFileSync(path.join(dir, f), 'utf8').split('\n').filter(Boolean).map((l) => JSON.parse(l));
        const sum = (k: string) => gcs.filter((g) => g.kind === k).reduce((n, g) => n + g.ms, 0).toFixed(0);
        console.log(`  gc ${f}: ${gcs.filter((g) => g.kind === 'major').length} major (${sum('major')} ms), ${gcs.filter((g) => g.kind === 'minor').length} minor (${sum('minor')} ms); majors: ${gcs.filter((g) => g.kind === 'major').map((g) => `t=${g.t - rss[0].t} ${g.ms}ms used-after ${g.used}`).join('; ')}`);
      }
    }
    return { p50: percentile(samples, 50), p99: percentile(samples, 99), cpu, openPeak, peak, peakPhase: peakAt.phase, final: vm(pid, 'VmRSS'), rest, perThread };
  } finally {
    clearInterval(timer);
    await client.stop();
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

async function main() {
  const args = process.argv.slice(2);
  const opt = (n: string) => (args.includes(n) ? args[args.indexOf(n) + 1] : undefined);
  const servers = args.filter((a) => a.split('?')[0].endsWith('.js'));
  if (servers.length === 0) servers.push(path.join(__dirname, '..', '..', 'dist', 'server.js'));
  const edits = Number(opt('--edits') ?? 10);
  const rounds = Number(opt('--rounds') ?? 1);
  const only = opt('--only') ?? '1 MB policy';
  const detail = args.includes('--detail');
  const restS = Number(opt('--rest') ?? 0);
  for (const doc of editDocuments().filter((d) => d.name.includes(only))) {
    const res: Record<string, Awaited<ReturnType<typeof measure>>[]> = {};
    for (let r = 0; r < rounds; r++) for (const s of servers) (res[s] ??= []).push(await measure(s, doc, edits, restS));
    for (const s of servers) {
      const rs = res[s];
      const m = (k: 'p50' | 'p99' | 'cpu' | 'openPeak' | 'peak' | 'final') => median(rs.map((x) => x[k])).toFixed(0);
      console.log(`${doc.name} | ${s} | ${rounds} × ${edits} edits | p50 ${m('p50')} ms | p99 ${m('p99')} ms | cpu/edit ${m('cpu')} ms | peak RSS after open ${m('openPeak')} MB, after edits ${m('peak')} MB (peaks: ${rs.map((x) => `${x.peak.toFixed(0)} in ${x.peakPhase}`).join(', ')}), RSS at the end ${m('final')} MB`);
      for (const x of rs) if (x.rest.length) console.log(`  RSS at rest after the edits (MB): ${x.rest.join(', ')}`);
      if (detail) for (const line of rs[rs.length - 1].perThread) console.log(`  ${line}`);
    }
  }
}
void main();
