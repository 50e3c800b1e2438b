// The few checks that need a real process (the rest of the CLI is tested in-process): the exit code
// a shell sees, standard input through a real pipe, and the bundled bin with its shebang.
import { describe, it } from 'node:test';
import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { ROOT } from '../helpers';
import { runCli } from './cliHelpers';

const COMMENT = path.join('test', 'fixtures', 'cli', 'comment.policy.json');
const BIN = path.join(ROOT, 'dist', 'cli.js');

describe('connect-iam-lint as a process', { concurrency: true }, () => {
  it('exits 1 on an error, 2 on a usage error, 0 on a clean policy', () => {
    const found = runCli([COMMENT]);
    assert.equal(found.status, 1);
    assert.match(found.stdout, /comment\.policy\.json:3:3 +error .*json-comment\n/);
    assert.equal(runCli(['--fromat', 'json', COMMENT]).status, 2);
    assert.equal(runCli([path.join('test', 'fixtures', 'cli', 'valid.policy.json')]).status, 0);
  });

  it('reads a template piped to --stdin', () => {
    const template = fs.readFileSync(path.join(ROOT, 'test', 'fixtures', 'templates', 'connect-vmx3-core.yaml'), 'utf8').replace('Effect: Allow', 'Effect: Alow');
    const r = runCli(['--stdin', '--stdin-filename', 'core.yaml', '--format', 'json'], { stdin: template });
    assert.equal(r.status, 1);
    const [res] = JSON.parse(r.stdout) as { filePath: string; messages: { ruleId: string }[] }[];
    assert.equal(res.filePath, path.join(ROOT, 'core.yaml'));
    assert.ok(res.messages.some((m) => m.ruleId === 'effect-invalid'));
  });

  // The bundle is built by `npm run build` (the LSP tests need it too); without it there is no bin.
  it('runs as the package bin: dist/cli.js, executed directly through its shebang', { skip: (process.platform === 'win32' && 'no shebangs on Windows') || (!fs.existsSync(BIN) && 'dist/cli.js not built') }, () => {
    assert.equal(fs.readFileSync(BIN, 'utf8').split('\n')[0], '#!/usr/bin/env node');
    const r = spawnSync(BIN, ['--version'], { encoding: 'utf8' });
    assert.equal(r.status, 0, r.stderr);
    assert.match(r.stdout, /^connect-iam-lint \d+\.\d+\.\d+ \(AWS reference data /);
  });
});
