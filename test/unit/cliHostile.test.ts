// The CLI against hostile input (issue 11): non-regular files, a link to /dev/zero, files over the
// size cap, invalid UTF-8, unreadable directories, symbolic links out of the tree, terminal escape
// sequences, an empty path, mistyped options, and a file the engine fails on. Each problem is
// reported for its file (exit code 2) while the other files are still linted and printed.
import { after, before, describe, it, mock } from 'node:test';
import * as assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { MAX_FILE_BYTES, walkDirectory } from '../../server/src/cli/files';
import { escapeControl } from '../../server/src/cli/escape';
import { lintOperands } from '../../server/src/cli/lint';
import { countBySeverity, exitCode } from '../../server/src/cli/results';
import { ROOT } from '../helpers';
import { runCliHere } from './cliHelpers';
import * as engine from '../../server/src/engine';

// The modules' own export objects (what the code under test reads at call time), for mocking.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const realFs: typeof fs = require('node:fs');

const COMMENT = path.join(ROOT, 'test', 'fixtures', 'cli', 'comment.policy.json');
const CONTROL = path.join(ROOT, 'test', 'fixtures', 'hostile', 'control-characters.policy.json');
const isPosix = process.platform !== 'win32';

/** Runs the CLI in-process. */
async function runHere(args: string[], cwd = ROOT): Promise<{ code: number; stdout: string; stderr: string }> {
  const r = await runCliHere(args, { cwd });
  return { code: r.status!, stdout: r.stdout, stderr: r.stderr };
}

describe('CLI: hostile files', { skip: !isPosix && 'POSIX file types' }, () => {
  let dir: string;
  before(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cli-hostile-'));
    fs.mkdirSync(path.join(dir, 'tree', 'sub'), { recursive: true });
    fs.mkdirSync(path.join(dir, 'outside'));
    fs.copyFileSync(COMMENT, path.join(dir, 'tree', 'sub', 'ok.json'));
    fs.copyFileSync(COMMENT, path.join(dir, 'outside', 'secret.json'));
    fs.symlinkSync(path.join(dir, 'outside'), path.join(dir, 'tree', 'link-out'));
    fs.symlinkSync(path.join(dir, 'tree', 'sub'), path.join(dir, 'tree', 'link-in'));
    execFileSync('mkfifo', [path.join(dir, 'pipe.json')]);
    fs.symlinkSync('/dev/zero', path.join(dir, 'zero.json'));
    fs.writeFileSync(path.join(dir, 'latin1.json'), Buffer.from('{"Statement": [{"Sid": "caf\xe9"}]}', 'latin1'));
  });
  after(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('refuses a FIFO and a link to /dev/zero at once, and still lints the other file', async () => {
    // (A blocking open would hang this very process: the test would never end rather than fail.)
    const r = await runHere(['--format', 'json', path.join(dir, 'pipe.json'), path.join(dir, 'zero.json'), COMMENT], dir);
    assert.equal(r.code, 2);
    assert.match(r.stderr, /pipe\.json: not linted: not a regular file \(a named pipe\)/);
    assert.match(r.stderr, /zero\.json: not linted: not a regular file \(a device\)/);
    const results = JSON.parse(r.stdout);
    assert.equal(results.length, 1);
    assert.ok(results[0].messages.some((m: { ruleId: string }) => m.ruleId === 'json-comment'));
  });

  it('refuses a file over the size cap', async () => {
    const big = path.join(dir, 'big.json');
    fs.writeFileSync(big, '');
    fs.truncateSync(big, MAX_FILE_BYTES + 1);
    const r = await runHere([big, COMMENT], dir);
    assert.equal(r.code, 2);
    assert.match(r.stderr, /big\.json: not linted: larger than 10 MB/);
    assert.match(r.stdout, /json-comment/);
    fs.rmSync(big);
  });

  it('says a file is not valid UTF-8, with the offset of the first bad byte', async () => {
    const r = await runHere([path.join(dir, 'latin1.json')], dir);
    assert.equal(r.code, 2);
    assert.match(r.stderr, /latin1\.json: not linted: not valid UTF-8 text \(the first invalid byte is at offset 27\)/);
  });

  it('walks a directory without following links out of it, and follows links inside it once', () => {
    const { files, problems } = walkDirectory(path.join(dir, 'tree'));
    assert.deepEqual(problems, []);
    // One file: the link out of the tree is not followed, and the link to sub/ leads to a
    // directory visited once (through whichever name the walk met first).
    assert.equal(files.length, 1, files.join(', '));
    assert.equal(fs.realpathSync(files[0]), fs.realpathSync(path.join(dir, 'tree', 'sub', 'ok.json')));
  });

  it('reports a subdirectory it cannot read (exit code 2) and lints the rest', async () => {
    const locked = path.join(dir, 'tree', 'locked');
    fs.mkdirSync(locked, { recursive: true });
    const original = realFs.readdirSync;
    // As root a mode of 000 does not stop readdir, so the failure is simulated as well.
    const spy = mock.method(realFs, 'readdirSync', ((p: fs.PathLike, o: unknown) => {
      if (String(p) === locked) throw Object.assign(new Error('EACCES: permission denied'), { code: 'EACCES' });
      return (original as (p: fs.PathLike, o: unknown) => unknown)(p, o);
    }) as typeof fs.readdirSync);
    try {
      const r = await runHere(['--format', 'json', path.join(dir, 'tree')], dir);
      assert.equal(r.code, 2);
      assert.match(r.stderr, /tree\/locked: directory cannot be read \(permission denied\); its files were not linted\./);
      assert.equal(JSON.parse(r.stdout).length, 1);
    } finally {
      spy.mock.restore();
      fs.rmdirSync(locked);
    }
  });
});

describe('CLI: output and arguments', () => {
  it('escapes terminal control characters of policy values and file names in the text report', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cli-escape-'));
    try {
      const named = path.join(dir, 'evil\u001b[31m.json');
      fs.copyFileSync(CONTROL, named);
      const r = await runHere([named], dir);
      assert.ok(!/[\u0000-\u0009\u000b-\u001f\u007f]/.test(r.stdout), `raw control characters in ${JSON.stringify(r.stdout.slice(0, 300))}`);
      assert.ok(r.stdout.includes('evil\\u001b[31m.json:'));
      assert.ok(r.stdout.includes('s3:Get\\u001b[2J\\u001b[31mObject'));
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  it('escapes C1 controls and bidirectional overrides too, and leaves plain text alone', () => {
    assert.equal(escapeControl('a\u009bb\u202ec\ttab'), 'a\\u009bb\\u202ec\\u0009tab');
    assert.equal(escapeControl('s3:GetObject on "arn:aws:s3:::b/*"'), 's3:GetObject on "arn:aws:s3:::b/*"');
  });

  it('an empty path is a usage error (exit code 2), not the current directory', async () => {
    const r = await runHere(['']);
    assert.equal(r.code, 2);
    assert.match(r.stderr, /An empty path was given/);
    assert.equal(r.stdout, '');
  });

  it('suggests the option meant by a mistyped one', async () => {
    const r = await runHere(['--fromat', 'json', COMMENT]);
    assert.equal(r.code, 2);
    assert.match(r.stderr, /Unknown option --fromat\. Did you mean --format\?/);
    assert.doesNotMatch(r.stderr, /ERR_PARSE_ARGS|To specify a positional/);
    const q = await runHere(['--quite', COMMENT]);
    assert.match(q.stderr, /Did you mean --quiet\?/);
    assert.match((await runHere(['-x', COMMENT])).stderr, /Unknown option -x\./);
  });

  it('a file the engine fails on is reported (exit code 2 for it); the other files are still linted', () => {
    const failing: typeof engine.analyzeHost = (text, opts) => {
      if (text.includes('"hostile-marker"')) throw new RangeError('Maximum call stack size exceeded');
      return engine.analyzeHost(text, opts);
    };
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cli-crash-'));
    try {
      const bad = path.join(dir, 'bad.json');
      fs.writeFileSync(bad, '{"Statement": [], "Sid": "hostile-marker"}');
      const operands = [{ arg: bad, origin: 'file' as const, files: [bad] }, { arg: COMMENT, origin: 'file' as const, files: [COMMENT] }];
      const r = lintOperands(operands, {}, dir, failing);
      assert.deepEqual(r.problems, ['bad.json: not linted: the linter failed on this file (Maximum call stack size exceeded). Please report it.']);
      assert.equal(r.results.length, 1);
      assert.ok(r.results[0].messages.some((m) => m.ruleId === 'json-comment'));
      assert.equal(exitCode(countBySeverity(r.results), { inputProblems: r.problems.length }), 2);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  it('the deeply nested hostile inputs give a finding, not a stack trace', async () => {
    const r = await runCliHere(['--format', 'json', path.join('test', 'fixtures', 'hostile', 'deep-quote-in-comment.json')]);
    assert.equal(r.status, 1);
    // In-process, an engine failure would be a "the linter failed on this file" problem here.
    assert.equal(r.stderr, '');
    assert.match(r.stdout, /nests more than 200 levels/);
  });
});
