// Robustness: malformed documents and bursts of edits must neither crash the server nor leave
// stale diagnostics behind.
import { after, before, describe, it } from 'node:test';
import * as assert from 'node:assert/strict';
import { BROKEN, expectedDiagnostics, SEED_S3 } from './fixtures';
import * as fs from 'fs';
import { fileUri, LspClient } from './lspClient';

/** Deterministic pseudo-random numbers (a failing run can be replayed). */
function random(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s * 1664525 + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

const strip = (d: { code?: unknown; severity?: unknown; message: string; range: unknown }) => ({ code: d.code, severity: d.severity, message: d.message, range: d.range });

describe('LSP robustness', { timeout: 30_000 }, () => {
  let client: LspClient;
  before(async () => {
    client = await LspClient.start({ settings: { debounceMs: 20 } });
  });
  after(async () => {
    assert.equal(await client.stop(), 0);
  });

  it('survives malformed and hostile documents', async () => {
    const hostile = [
      '',
      '{',
      '{"Statement": [',
      '{"Statement": "\\u12',
      '\uFEFF{"Statement": []}',
      '{"Statement": ' + '['.repeat(20_000),
      '{"Statement": [{"Action": "\uD800", "Resource": "\uDFFF"}]}',
      '{"Statement": [{"Effect": "Allow", "Action": ["s3:*", 1, null, {}, []], "Resource": {"a": 1}, "Condition": "x"}]}',
      '\u0000\u0001\u0002garbage',
      '[{"Statement": []}]',
      '{"Statement": {"Condition": {"StringEquals": {"aws:SourceArn": ' + '"a",'.repeat(500) + '}}}}',
    ];
    for (const [i, text] of hostile.entries()) await client.open(fileUri(`hostile-${i}.json`), text);
    // The server still works: a valid policy opened afterwards gets its diagnostics…
    const uri = fileUri('after-hostile.json');
    await client.open(uri, BROKEN);
    assert.deepEqual((await client.current(uri)).map(strip), expectedDiagnostics(uri, BROKEN));
    // …and every hostile policy got an answer too, matching a fresh analysis.
    for (const [i, text] of hostile.entries()) {
      const published = client.publishedFor(fileUri(`hostile-${i}.json`));
      const expected = expectedDiagnostics(fileUri(`hostile-${i}.json`), text);
      if (published.length) assert.deepEqual(published[published.length - 1].diagnostics.map(strip), expected, `hostile #${i}`);
      else assert.deepEqual(expected, [], `hostile #${i} is not a policy`);
      // Requests on them answer without an error.
      await client.codeActions(fileUri(`hostile-${i}.json`), { start: { line: 0, character: 0 }, end: { line: 0, character: 5 } });
      await client.hover(fileUri(`hostile-${i}.json`), { line: 0, character: 3 });
    }
  });

  it('answers malformed requests with an empty result instead of an error', async () => {
    const uri = fileUri('malformed-requests.json');
    await client.open(uri, BROKEN);
    await client.current(uri);
    const conn = client.conn;
    assert.deepEqual(await conn.sendRequest('textDocument/codeAction', { textDocument: { uri }, range: null, context: {} }), []);
    assert.equal(await conn.sendRequest('textDocument/hover', { textDocument: { uri }, position: null }), null);
    assert.equal(await conn.sendRequest('textDocument/completion', { textDocument: { uri: 'not a uri' }, position: { line: -1, character: 9 } }), null);
    assert.ok(client.logs.some((l) => l.includes('code action failed')), 'the failure is logged to the client');
    // Still serving: the document's diagnostics are current after another change.
    await client.replace(uri, 0, 0, ' ');
    assert.deepEqual((await client.current(uri)).map(strip), expectedDiagnostics(uri, client.text(uri)));
  });

  it('after 1,000 random incremental edits sent at once, publishes the final version only once settled', async () => {
    const uri = fileUri('typing.json');
    await client.open(uri, SEED_S3);
    await client.current(uri);
    const start = client.published.length;
    const rand = random(42);
    const alphabet = '{}[]",: \n/*abcdefgs3:GetBucketAclStatement';
    const sends: Promise<number>[] = [];
    const EDITS = 1000;
    // Edits land after `"Statement": [` so the document stays a policy while it is mangled.
    const floor = SEED_S3.indexOf('[') + 1;
    for (let i = 0; i < EDITS; i++) {
      const text = client.text(uri);
      const at = floor + Math.floor(rand() * (text.length + 1 - floor));
      if (rand() < 0.35 && text.length > 0) {
        const len = 1 + Math.floor(rand() * 4);
        sends.push(client.replace(uri, at, Math.min(text.length, at + len), ''));
      } else {
        const ch = alphabet[Math.floor(rand() * alphabet.length)];
        sends.push(client.replace(uri, at, at, ch));
      }
    }
    await Promise.all(sends);
    const finalVersion = client.doc(uri).version;
    const finalText = client.text(uri);
    const final = await client.current(uri);
    assert.deepEqual(final.map(strip), expectedDiagnostics(uri, finalText));
    const publications = client.publishedFor(uri, start);
    const versions = publications.map((p) => p.version ?? -1);
    assert.deepEqual([...versions].sort((a, b) => a - b), versions, 'never an older version after a newer one');
    assert.equal(versions[versions.length - 1], finalVersion);
    assert.ok(publications.length < EDITS / 4, `debounced: ${publications.length} publications for ${EDITS} edits`);
  });

  it('keeps its memory at a steady level over rounds of edits', async () => {
    const rss = () => Number(/VmRSS:\s+(\d+) kB/.exec(fs.readFileSync(`/proc/${client.proc.pid}/status`, 'utf8'))![1]) * 1024;
    const uri = fileUri('memory.json');
    await client.open(uri, SEED_S3);
    await client.current(uri);
    const sid = SEED_S3.indexOf('VisualEditor0') + 'VisualEditor'.length;
    const round = async () => {
      for (let i = 0; i < 300; i++) {
        await client.replace(uri, sid, sid + 1, String(i % 10));
        if (i % 50 === 49) await client.current(uri);
      }
      await client.current(uri);
      return rss();
    };
    await round(); // warm-up: caches and JIT settle
    const first = await round();
    const rounds = [first];
    for (let i = 0; i < 3; i++) rounds.push(await round());
    const last = rounds[rounds.length - 1];
    // Steady: no growth proportional to the number of edits (a leak of one document copy per
    // edit would add megabytes per round).
    assert.ok(last < first * 1.25 + 16 * 2 ** 20, `RSS grew from ${(first / 2 ** 20).toFixed(0)} MB to ${(last / 2 ** 20).toFixed(0)} MB over ${rounds.length} rounds: ${rounds.map((r) => (r / 2 ** 20).toFixed(0)).join(', ')}`);
  });
});
