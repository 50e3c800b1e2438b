// The engine's memo caches outlive an analysis; they must not keep old versions of the document
// alive (jsonc-parser's string values are slices of the whole text, see server/src/engine/memo.ts).
import { describe, it } from 'node:test';
import * as assert from 'node:assert/strict';
import * as v8 from 'v8';
import { analyze } from '../../server/src/engine';
import { generatedPolicy } from '../corpus';
import * as fs from 'fs';
import * as path from 'path';
import { PairMemo, StringMemo } from '../../server/src/engine/memo';
import { ROOT } from '../helpers';
import { collectGarbage } from '../gc';

/** The V8 heap's spaces in use after full collections, by name (bytes). */
async function spacesAfterGc(): Promise<Record<string, number>> {
  await collectGarbage();
  return Object.fromEntries(v8.getHeapSpaceStatistics().map((s) => [s.space_name, s.space_used_size]));
}

/** What grew between two readings: the total and, for the message, each space that moved. */
interface Growth {
  total: number;
  spaces: string;
}

/** Re-analyse 30 edited versions of a 0.5 MB policy (after 10 to warm the caches up) and return
 *  how much the heap grew. `change(text, i)` makes version i. */
async function growthOver30Edits(change: (text: string, i: number) => string): Promise<Growth> {
  let text = generatedPolicy(512 * 1024);
  const edit = (i: number) => {
    const next = change(text, i);
    assert.notEqual(next, text);
    text = next;
    analyze(text);
  };
  for (let i = 0; i < 10; i++) edit(i); // warm-up: caches fill with the strings that stay
  const before = await spacesAfterGc();
  for (let i = 10; i < 40; i++) edit(i);
  const after = await spacesAfterGc();
  const moved = Object.keys(after).filter((k) => Math.abs(after[k] - (before[k] ?? 0)) >= 2 ** 16);
  return {
    total: Object.keys(after).reduce((n, k) => n + after[k] - (before[k] ?? 0), 0),
    spaces: moved.map((k) => `${k} ${mb(after[k] - (before[k] ?? 0))}`).join(', '),
  };
}

// A retained copy per version would be 30 × 0.5 MB = 15 MB.
const LIMIT = 5 * 2 ** 20;
const mb = (bytes: number) => `${(bytes / 2 ** 20).toFixed(1)} MB`;

describe('memory retention', () => {
  it('re-analysing edited versions of a large policy does not retain the old versions', async () => {
    // Rename a bucket, as typing would: a new ARN string (memoised by the rules) in a new text.
    const growth = await growthOver30Edits((text, i) => text.replace(/recording-bucket-1(-v\d+)?"/, `recording-bucket-1-v${i}"`));
    assert.ok(growth.total < LIMIT, `heap grew by ${mb(growth.total)} over 30 edited versions (${growth.spaces})`);
  });

  it('a new wildcard action pattern in each version does not retain the old versions', async () => {
    // The wildcard matcher cache: each version has an action pattern of its own (13 characters or
    // more, so V8 keeps it as a slice of the document text), compiled once and remembered.
    const growth = await growthOver30Edits((text, i) => text.replace(/"connect:[A-Za-z]*StorageConfig\w*"/, `"connect:*InstanceStorageConfig${i}*"`));
    assert.ok(growth.total < LIMIT, `heap grew by ${mb(growth.total)} over 30 edited versions (${growth.spaces})`);
  });

  it('a new service prefix and ARN service in each version does not retain the old versions', async () => {
    // Per-service caches of the reference (actions, resource types, literal account words) are
    // keyed by what the policy names: an unknown service of 13 characters or more is a slice too.
    const growth = await growthOver30Edits((text, i) => text
      .replace(/"kinesis:[A-Za-z]+"/, `"unknownservice${i}x:GetThing*"`)
      .replace(/arn:aws:kinesis:/, `arn:aws:unknownservice${i}x:`));
    assert.ok(growth.total < LIMIT, `heap grew by ${mb(growth.total)} over 30 edited versions (${growth.spaces})`);
  });
});

describe('the bounded memo', () => {
  it('stays within its limit and remembers undefined answers', () => {
    const memo = new StringMemo<string | undefined>(3);
    let computed = 0;
    for (let i = 0; i < 10; i++) memo.getOrCompute(`key-${i}`, () => (computed++, undefined));
    assert.ok(memo.size <= 3, `${memo.size} entries`);
    memo.getOrCompute('key-9', () => (computed++, 'x'));
    assert.equal(computed, 10, 'the undefined answer for key-9 was computed again');
    const pairs = new PairMemo<boolean>(5);
    for (let i = 0; i < 20; i++) pairs.getOrCompute(`format-${i % 3}`, `pattern-${i}`, () => true);
    assert.ok(pairs.size <= 5, `${pairs.size} entries`);
  });

  it('is the only kind of cache the engine keeps across analyses', () => {
    // A module-level Map or Set named as a cache would be unbounded and keep the keys it is given
    // (slices of the documents): caches go through memo.ts; per-document ones are WeakMaps.
    const offenders: string[] = [];
    const walk = (dir: string) => {
      for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
        const file = path.join(dir, entry.name);
        if (entry.isDirectory()) walk(file);
        else if (file.endsWith('.ts')) {
          for (const m of fs.readFileSync(file, 'utf8').matchAll(/^(?:const|let) (\w*(?:[Cc]ache|memo|Memo)\w*)\b[^=\n]*= new (?:Map|Set)\b/gm)) {
            offenders.push(`${path.relative(ROOT, file)}: ${m[1]}`);
          }
        }
      }
    };
    walk(path.join(ROOT, 'server', 'src', 'engine'));
    assert.deepEqual(offenders, []);
  });
});
