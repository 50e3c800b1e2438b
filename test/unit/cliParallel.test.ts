// The CLI on several threads (server/src/cli/parallel.ts) gives the report of the serial run:
// same standard output and standard error, byte for byte, and the same exit code, in every format,
// on the real-world corpus and on a folder mixing policies with files that are not linted.
import { after, before, describe, it } from 'node:test';
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { mainService, StretchQueue, threadCount } from '../../server/src/cli/parallel';
import { ROOT } from '../helpers';
import { runCliHere } from './cliHelpers';

const REALWORLD = path.join('test', 'fixtures', 'realworld');

/** The CLI with a given number of threads (CONNECT_IAM_LINT_THREADS). */
const withThreads = (threads: number, args: string[], cwd = ROOT) => runCliHere(args, { cwd, env: { CONNECT_IAM_LINT_THREADS: String(threads) } });

async function assertSameAsSerial(args: string[], cwd = ROOT, threads = [2, 3]): Promise<void> {
  const serial = await withThreads(1, args, cwd);
  for (const t of threads) {
    const parallel = await withThreads(t, args, cwd);
    assert.equal(parallel.status, serial.status, `exit code with ${t} threads`);
    assert.equal(parallel.stderr, serial.stderr, `standard error with ${t} threads`);
    assert.ok(parallel.stdout === serial.stdout, `standard output with ${t} threads differs from the serial run`);
  }
}

describe('connect-iam-lint on several threads', () => {
  it('reports the real-world corpus as the serial run does (JSON, SARIF, text)', async () => {
    const files = fs.readdirSync(path.join(ROOT, REALWORLD), { recursive: true }).length;
    assert.ok(threadCount(files, { CONNECT_IAM_LINT_THREADS: 'auto' }, 2) >= 2, 'the corpus is large enough for two threads');
    for (const format of ['json', 'sarif', 'text']) await assertSameAsSerial(['--format', format, REALWORLD]);
  });

  it('--quiet and --max-warnings give the same report and exit code', async () => {
    await assertSameAsSerial(['--format', 'json', '--quiet', REALWORLD], ROOT, [2]);
    await assertSameAsSerial(['--format', 'json', '--max-warnings', '0', REALWORLD], ROOT, [2]);
  });

  describe('a folder with files that are not linted, named twice, beside a folder without policies', () => {
    let dir: string;
    before(() => {
      dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cli-parallel-'));
      const policies = path.join(dir, 'policies');
      fs.mkdirSync(policies);
      const sources = fs.readdirSync(path.join(ROOT, REALWORLD), { recursive: true, encoding: 'utf8' }).filter((f) => f.endsWith('.json')).sort().slice(0, 240);
      sources.forEach((f, i) => fs.copyFileSync(path.join(ROOT, REALWORLD, f), path.join(policies, `${String(i).padStart(3, '0')}.json`)));
      fs.writeFileSync(path.join(policies, '100-broken.json'), '{"Statement": [');
      fs.writeFileSync(path.join(policies, '101-empty.json'), '');
      fs.writeFileSync(path.join(policies, '102-config.json'), '{"name": "not a policy"}');
      fs.writeFileSync(path.join(policies, '103-latin1.json'), Buffer.from([0x7b, 0xe9, 0x7d]));
      fs.writeFileSync(path.join(policies, '104-notes.yaml'), 'just: yaml\n');
      fs.symlinkSync(path.join(policies, '000.json'), path.join(policies, '105-link.json'));
      fs.mkdirSync(path.join(dir, 'empty'));
      fs.writeFileSync(path.join(dir, 'empty', 'package.json'), '{"name": "x"}');
    });
    after(() => fs.rmSync(dir, { recursive: true, force: true }));

    it('gives the serial run\'s report, notes, problems and exit code', async () => {
      await assertSameAsSerial(['--format', 'json', 'policies', path.join('policies', '007.json'), 'empty', 'missing'], dir);
      await assertSameAsSerial(['--format', 'sarif', 'policies', 'empty'], dir, [2]);
    });
  });
});

describe('threadCount', () => {
  it('a number is taken as it is; anything but a number or auto is one thread', () => {
    assert.equal(threadCount(5000, { CONNECT_IAM_LINT_THREADS: 'many' }, 2), 1);
    assert.equal(threadCount(5000, { CONNECT_IAM_LINT_THREADS: '1' }, 16), 1);
    assert.equal(threadCount(5000, { CONNECT_IAM_LINT_THREADS: '3' }, 1), 3);
    assert.equal(threadCount(5000, { CONNECT_IAM_LINT_THREADS: '0' }, 2), 1);
    assert.equal(threadCount(250, { CONNECT_IAM_LINT_THREADS: '3' }, 8), 2, 'at most one per hundred files');
  });

  it('unset, empty or auto: one per core, at most four and one per hundred files', () => {
    for (const env of [{}, { CONNECT_IAM_LINT_THREADS: '' }, { CONNECT_IAM_LINT_THREADS: 'auto' }, { CONNECT_IAM_LINT_THREADS: ' AUTO ' }]) {
      assert.equal(threadCount(5000, env, 2), 2);
      assert.equal(threadCount(5000, env, 1), 1);
      assert.equal(threadCount(5000, env, 16), 4);
      assert.equal(threadCount(50, env, 8), 1);
      assert.equal(threadCount(250, env, 8), 2);
    }
  });
});

describe('StretchQueue', () => {
  it('hands out every item once; each lane starts on its own stretch, then takes from the longest', () => {
    const items = Array.from({ length: 23 }, (_, i) => i * 10);
    const q = new StretchQueue(items, 2, 4);
    // 23 items for 2 lanes: a quarter of a lane's share is 3.
    assert.deepEqual(q.take(0), [0, 10, 20]);
    assert.deepEqual(q.take(1), [110, 120, 130]);
    const seen = [0, 10, 20, 110, 120, 130];
    // Lane 1 alone takes the rest: its own stretch first, then lane 0's from the back.
    for (let batch = q.take(1); batch.length; batch = q.take(1)) seen.push(...batch);
    assert.deepEqual([...seen].sort((a, b) => a - b), items);
    assert.deepEqual(q.take(0), []);
  });

  it('batches shrink as the items run out, and a lane can ask for smaller ones', () => {
    const q = new StretchQueue(Array.from({ length: 1000 }, (_, i) => i), 2, 32);
    assert.equal(q.take(1).length, 32);
    assert.equal(q.take(0, 4).length, 4);
    const sizes: number[] = [];
    for (let batch = q.take(1); batch.length; batch = q.take(1)) sizes.push(batch.length);
    assert.equal(sizes.reduce((a, b) => a + b, 0), 1000 - 36);
    assert.equal(Math.max(...sizes), 32);
    assert.ok(sizes.slice(-10).reduce((a, b) => a + b, 0) <= 16, `the last ten batches are small: ${sizes.join(',')}`);
    assert.deepEqual(sizes.slice(-3), [1, 1, 1], 'the last batches are single files');
  });
});

describe('mainService', () => {
  it('names the service a policy uses most, from its actions and ARNs', () => {
    const text = JSON.stringify({ Statement: [{ Action: ['s3:GetObject', 'kms:Decrypt', 's3:PutObject'], Resource: ['arn:aws:kms:us-east-1:111122223333:key/k', 'arn:aws:s3:::b/*'] }] });
    assert.equal(mainService(text), 's3');
    assert.equal(mainService('{"Statement": []}'), '');
  });
});
