// The few checks that need a real process (the rest of the CLI is tested in-process): the exit code
// a shell sees, standard input through a real pipe, and the bundled bin with its shebang.
import { describe, it } from 'node:test';
import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { ROOT } from '../helpers';
import { runCli } from './cliHelpers';

const BIN = path.join(ROOT, 'dist', 'cli.js');

describe('connect-iam-lint as a process', { concurrency: true }, () => {
  // One child process through tsx (the source under test): run()'s result becomes the exit code
  // (the codes themselves are tested in-process), and --stdin reads a real pipe to its end.
  it('reads a template piped to --stdin and exits 1 on the error in it', () => {
    const template = fs.readFileSync(path.join(ROOT, 'test', 'fixtures', 'templates', 'connect-vmx3-core.yaml'), 'utf8').replace('Effect: Allow', 'Effect: Alow');
    const r = runCli(['--stdin', '--stdin-filename', 'core.yaml'], { stdin: template });
    assert.equal(r.status, 1, r.stderr);
    assert.match(r.stdout, /^core\.yaml:\d+:\d+ +error +.*effect-invalid$/m);
  });

  // The bundle is built by `npm run build` (the LSP tests need it too); without it there is no bin.
  it('runs as the package bin: dist/cli.js, executed directly through its shebang', { skip: (process.platform === 'win32' && 'no shebangs on Windows') || (!fs.existsSync(BIN) && 'dist/cli.js not built') }, () => {
    assert.equal(fs.readFileSync(BIN, 'utf8').split('\n')[0], '#!/usr/bin/env node');
    const r = spawnSync(BIN, ['--version'], { encoding: 'utf8' });
    assert.equal(r.status, 0, r.stderr);
    assert.match(r.stdout, /^connect-iam-lint \d+\.\d+\.\d+ \(AWS reference data /);
  });
});
