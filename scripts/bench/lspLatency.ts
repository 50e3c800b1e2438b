// Language-server figures for the benchmark, measured over stdio against the shipped
// dist/server.js as an editor would see them (through the same client the LSP tests use): cold
// start to first diagnostics, didChange to diagnostics latency over many edits, peak RSS.
import * as path from 'path';
import { LspClient } from '../../test/lsp/lspClient';
import { benchClient } from './edit';
import { peakRssOf, percentile, since } from './measure';

const SERVER = [process.execPath, path.join(__dirname, '..', '..', 'dist', 'server.js'), '--stdio'];

export interface LatencyFigures {
  name: string;
  edits: number;
  p50: number;
  p99: number;
}

export interface ServerFigures {
  coldStartMs: number;
  latency: LatencyFigures[];
  peakRss: number;
}

const start = () => benchClient(SERVER);

/** Toggle the last character of the first Sid, waiting for each edit's diagnostics. */
async function editLatency(client: LspClient, uri: string, edits: number): Promise<number[]> {
  const text = client.text(uri);
  const sidStart = text.indexOf('"Sid": "') + '"Sid": "'.length;
  const at = text.indexOf('"', sidStart) - 1;
  const samples: number[] = [];
  for (let i = 0; i < edits; i++) {
    const begin = process.hrtime.bigint();
    await client.replace(uri, at, at + 1, i % 2 ? 'X' : 'Y');
    await client.current(uri, 60_000);
    samples.push(since(begin));
  }
  return samples;
}

/** Cold start (median of `coldRuns` fresh servers), then `edits` edits of the 6 KB document and,
 *  when given, of the 1 MB one, in one server. */
export async function measureServer(sixKb: string, oneMb: string | undefined, opts: { edits?: number; coldRuns?: number } = {}): Promise<ServerFigures> {
  const { edits = 500, coldRuns = 5 } = opts;
  // Cold start: process spawn → initialize → open → first diagnostics.
  const cold: number[] = [];
  for (let i = 0; i < coldRuns; i++) {
    const begin = process.hrtime.bigint();
    const client = await start();
    await client.open('file:///bench/cold.json', sixKb);
    await client.current('file:///bench/cold.json', 60_000);
    cold.push(since(begin));
    await client.stop();
  }
  if (edits === 0) return { coldStartMs: percentile(cold, 50), latency: [], peakRss: NaN };

  const client = await start();
  const latency: LatencyFigures[] = [];
  const docs: [string, string][] = [['6 KB', sixKb]];
  if (oneMb) docs.push(['1 MB', oneMb]);
  for (const [name, text] of docs) {
    const uri = `file:///bench/${name.replace(' ', '')}.json`;
    await client.open(uri, text);
    await client.current(uri, 60_000);
    const samples = await editLatency(client, uri, edits);
    latency.push({ name, edits: samples.length, p50: percentile(samples, 50), p99: percentile(samples, 99) });
  }
  const peakRss = peakRssOf(client.proc.pid!);
  await client.stop();
  return { coldStartMs: percentile(cold, 50), latency, peakRss };
}
