// The Neovim check (scripts/nvim/check.sh): a real editor other than VS Code gets the server's
// diagnostics. Skipped where Neovim is not installed.
import { describe, it } from 'node:test';
import * as assert from 'node:assert/strict';
import { spawnSync } from 'child_process';
import * as path from 'path';
import { ROOT } from '../helpers';

const hasNvim = spawnSync('nvim', ['--version'], { stdio: 'ignore' }).status === 0;

describe('Neovim', { timeout: 60_000 }, () => {
  it('shows the server’s diagnostics for a policy with a comment', (t) => {
    if (!hasNvim) {
      t.skip('nvim not installed');
      return;
    }
    const run = spawnSync(path.join(ROOT, 'scripts', 'nvim', 'check.sh'), [], { cwd: ROOT, encoding: 'utf8', timeout: 55_000 });
    assert.equal(run.status, 0, `check.sh failed:\n${run.stdout}\n${run.stderr}`);
    assert.match(run.stdout, /^5:7 error json-comment \[connect-iam\] /m, 'the comment is reported on its line and column');
    assert.match(run.stdout, /^OK: json-comment/m);
  });
});
