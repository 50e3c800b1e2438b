// The CLI raises V8's interrupt budget for its own process (cli/tiering.ts): only as the command,
// and never over a budget the user gave Node. What it must not change is the report: the bundled
// bin on the real-world corpus reports the same with the raised budget and with V8's default.
import { describe, it } from 'node:test';
import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { ROOT } from '../helpers';
import { INTERRUPT_BUDGET, tuneTiering } from '../../server/src/cli/tiering';

const BIN = path.join(ROOT, 'dist', 'cli.js');

describe('the CLI tier-up setting', () => {
  it('raises the interrupt budget when Node was given none', () => {
    const set: string[] = [];
    assert.equal(tuneTiering(['--enable-source-maps', '--interrupt-budget-for-feedback-allocation=940'], (f) => set.push(f)), true);
    assert.deepEqual(set, [`--interrupt-budget=${INTERRUPT_BUDGET}`]);
    assert.ok(INTERRUPT_BUDGET > 67584, 'above V8 default');
  });

  it("leaves the user's own budget alone, in either spelling", () => {
    for (const arg of ['--interrupt-budget=1000', '--interrupt_budget=1000', '--interrupt-budget']) {
      const set: string[] = [];
      assert.equal(tuneTiering([arg], (f) => set.push(f)), false);
      assert.deepEqual(set, []);
    }
  });

  it('reports the same on the real-world corpus with the raised budget and with the default', { skip: !fs.existsSync(BIN) && 'dist/cli.js not built' }, () => {
    const corpus = path.join(ROOT, 'test', 'fixtures', 'realworld');
    const run = (node: string[]) => spawnSync(process.execPath, [...node, BIN, '--format', 'json', corpus], { encoding: 'utf8', cwd: ROOT, maxBuffer: 64 * 1024 * 1024 });
    const tuned = run([]);
    const plain = run(['--interrupt-budget=67584']);
    assert.equal(tuned.stderr, plain.stderr);
    assert.equal(tuned.status, plain.status);
    assert.ok(JSON.parse(tuned.stdout).length > 10, 'the corpus was linted');
    assert.equal(tuned.stdout, plain.stdout);
  });
});
