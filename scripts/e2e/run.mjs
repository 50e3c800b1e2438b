// `npm run test:e2e`: the extension in a real VS Code (code-server 4.100.3 = VS Code 1.100.3),
// offline. Installs code-server into .cache/ (once), builds, then
//   1. runs the mocha suite (test/e2e/suite/) inside the real extension host, and
//   2. installs the packaged .vsix and drives the workbench UI through Chromium (test/e2e/ui.mjs),
//      saving screenshots in test-results/.
// Exits non-zero when any test fails. `--no-ui` skips step 2, `--ui-only` step 1.
import { execFileSync } from 'node:child_process';
import { mkdirSync, readdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { bundleTests } from './bundleTests.mjs';
import { installCodeServer } from './install.mjs';
import { cacheDir, isolatedEnv, repoRoot, resultsDir } from './paths.mjs';

const started = Date.now();
const withUi = !process.argv.includes('--no-ui');
const withHost = !process.argv.includes('--ui-only');
const step = (msg) => console.log(`[e2e] ${msg} (${Math.round((Date.now() - started) / 1000)} s)`);

installCodeServer();
step('building');
execFileSync(process.execPath, [join(repoRoot, 'scripts', 'build.mjs')], { cwd: repoRoot, stdio: 'inherit' });
const testsIndex = await bundleTests();

const runDir = join(cacheDir, 'run');
rmSync(runDir, { recursive: true, force: true });
mkdirSync(resultsDir, { recursive: true });
for (const f of readdirSync(resultsDir)) if (/^ui-.*\.png$/.test(f)) rmSync(join(resultsDir, f)); // no stale screenshots
const env = isolatedEnv(join(runDir, 'env'));

const results = [];

if (withHost) {
  step('running the mocha suite in the extension host');
  const dir = join(runDir, 'host');
  const workspace = join(dir, 'workspace');
  mkdirSync(workspace, { recursive: true });
  const { runHostTests } = await import('./hostTests.mjs');
  const r = await runHostTests({ extensionDir: repoRoot, testsIndex, workspace, dir, env });
  results.push({ name: `extension host suite (${r.passed} passed, ${r.failed} failed)`, ok: r.code === 0 && r.failed === 0, passed: r.passed, failed: r.failed || (r.code === 0 ? 0 : 1) });
}

if (withUi) {
  step('packaging the .vsix and running the UI test');
  const dir = join(runDir, 'ui');
  mkdirSync(dir, { recursive: true });
  const vsix = join(dir, 'connect-iam.vsix');
  const { writeExtensionReadme } = await import('../extensionReadme.mjs');
  writeExtensionReadme();
  execFileSync(join(repoRoot, 'node_modules', '.bin', 'vsce'), ['package', '--no-dependencies', '--readme-path', 'dist/EXTENSION.md', '--no-rewrite-relative-links', '--out', vsix], { cwd: repoRoot, stdio: 'inherit', env });
  const { runUiTest } = await import('../../test/e2e/ui.mjs');
  const ok = await runUiTest({ vsix, dir, env, resultsDir }).then(
    () => true,
    (err) => {
      console.error(`[e2e] UI test failed: ${err?.stack ?? err}`);
      return false;
    },
  );
  results.push({ name: 'UI test (installed .vsix)', ok, passed: ok ? 1 : 0, failed: ok ? 0 : 1 });
}

for (const r of results) console.log(`[e2e] ${r.ok ? 'PASS' : 'FAIL'} ${r.name}`);
step('done');
const passed = results.reduce((n, r) => n + r.passed, 0);
const failed = results.reduce((n, r) => n + r.failed, 0);
console.log(`e2e: ${passed} passed, ${failed} failed`);
process.exit(results.every((r) => r.ok) ? 0 : 1);
