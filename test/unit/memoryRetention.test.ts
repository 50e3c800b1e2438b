// The engine's memo caches outlive an analysis; they must not keep old versions of the document
// alive (jsonc-parser's string values are slices of the whole text, see server/src/engine/memo.ts).
import { describe, it } from 'node:test';
import * as assert from 'node:assert/strict';
import * as v8 from 'v8';
import * as vm from 'vm';
import { analyze } from '../../server/src/engine';
import { generatedPolicy } from '../corpus';

v8.setFlagsFromString('--expose-gc');
const gc = vm.runInNewContext('gc') as () => void;

function heapAfterGc(): number {
  gc();
  gc();
  return process.memoryUsage().heapUsed;
}

describe('memory retention', () => {
  it('re-analysing edited versions of a large policy does not retain the old versions', () => {
    let text = generatedPolicy(512 * 1024);
    const edit = (i: number) => {
      // Rename a bucket, as typing would: a new ARN string (memoised by the rules) in a new text.
      const next = text.replace(/recording-bucket-1(-v\d+)?"/, `recording-bucket-1-v${i}"`);
      assert.notEqual(next, text);
      text = next;
      analyze(text);
    };
    for (let i = 0; i < 10; i++) edit(i); // warm-up: caches fill with the strings that stay
    const before = heapAfterGc();
    for (let i = 10; i < 40; i++) edit(i);
    const growth = heapAfterGc() - before;
    // A retained copy per version would be 30 × 0.5 MB = 15 MB.
    assert.ok(growth < 5 * 2 ** 20, `heap grew by ${(growth / 2 ** 20).toFixed(1)} MB over 30 edited versions`);
  });
});
