// The CLI's report runs read files on the thread pool ahead of the one being linted
// (lintOperandsReadingAhead): the run must be the one the file-by-file reader gives, with every
// kind of file the reader refuses among more files than it reads ahead.
import { after, before, describe, it } from 'node:test';
import * as assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { MAX_FILE_BYTES } from '../../server/src/cli/files';
import { lintOperands, lintOperandsReadingAhead } from '../../server/src/cli/lint';
import { ROOT } from '../helpers';

const COMMENT = path.join(ROOT, 'test', 'fixtures', 'cli', 'comment.policy.json');
const isPosix = process.platform !== 'win32';

describe('CLI: reading files ahead', { skip: !isPosix && 'POSIX file types' }, () => {
  let dir: string;
  before(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cli-read-ahead-'));
    for (let i = 0; i < 40; i++) {
      // Distinct policies, one finding each at least (a Sid with a space).
      fs.writeFileSync(path.join(dir, `p${String(i).padStart(2, '0')}.json`), JSON.stringify({ Version: '2012-10-17', Statement: [{ Sid: `bad sid ${i}`, Effect: 'Allow', Action: 's3:GetObject', Resource: `arn:aws:s3:::bucket-${i}/*` }] }, null, 2));
    }
    fs.copyFileSync(COMMENT, path.join(dir, 'p05-comment.json'));
    execFileSync('mkfifo', [path.join(dir, 'p10-pipe.json')]);
    fs.symlinkSync('/dev/zero', path.join(dir, 'p15-zero.json'));
    fs.writeFileSync(path.join(dir, 'p20-latin1.json'), Buffer.from('{"Statement": [{"Sid": "caf\xe9"}]}', 'latin1'));
    fs.writeFileSync(path.join(dir, 'p25-big.json'), '');
    fs.truncateSync(path.join(dir, 'p25-big.json'), MAX_FILE_BYTES + 1);
    fs.writeFileSync(path.join(dir, 'p30-empty.json'), '');
  });
  after(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('gives the run of the file-by-file reader: results, notes and problems in the same order', async () => {
    const files = fs.readdirSync(dir).sort().map((f) => path.join(dir, f));
    const missing = path.join(dir, 'p99-gone.json');
    const operands = [
      { arg: dir, origin: 'directory' as const, files },
      { arg: missing, origin: 'file' as const, files: [missing] },
      { arg: COMMENT, origin: 'file' as const, files: [COMMENT] },
    ];
    const serial = lintOperands(operands, {}, dir);
    const ahead = await lintOperandsReadingAhead(operands, {}, dir);
    assert.deepEqual(ahead, serial);
    // The refusals are all there (the comparison is not between two empty runs).
    assert.ok(serial.results.length >= 41, `${serial.results.length} results`);
    for (const what of [/p10-pipe\.json: not linted: not a regular file/, /p15-zero\.json: not linted: not a regular file/, /p20-latin1\.json: not linted: not valid UTF-8/, /p25-big\.json: not linted: larger than/, /p99-gone\.json: cannot be read/]) {
      assert.ok(serial.problems.some((p) => what.test(p)), `a problem matching ${what}`);
    }
  });
});
