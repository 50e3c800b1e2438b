// `npm run test:electron`: the same mocha suite (test/e2e/suite/) in desktop VS Code, downloaded by
// @vscode/test-electron. For machines that can download VS Code; the offline machines of this
// project run the suite under code-server instead (`npm run test:e2e`).
import { execFileSync } from 'node:child_process';
import { mkdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { runTests } from '@vscode/test-electron';
import { bundleTests } from './bundleTests.mjs';
import { cacheDir, repoRoot } from './paths.mjs';

execFileSync(process.execPath, [join(repoRoot, 'scripts', 'build.mjs')], { cwd: repoRoot, stdio: 'inherit' });
const testsIndex = await bundleTests();
const runDir = join(cacheDir, 'electron-run');
rmSync(runDir, { recursive: true, force: true });
const workspace = join(runDir, 'workspace');
mkdirSync(workspace, { recursive: true });

try {
  await runTests({
    // The oldest VS Code the extension supports (engines.vscode), so the suite checks that floor.
    version: process.env.VSCODE_TEST_VERSION ?? '1.100.3',
    cachePath: join(cacheDir, 'vscode-test'),
    extensionDevelopmentPath: repoRoot,
    extensionTestsPath: testsIndex,
    extensionTestsEnv: { CONNECT_IAM_E2E_LOG: join(runDir, 'mocha.log') },
    launchArgs: [
      workspace,
      '--disable-extensions', // other installed extensions stay out; ours is the development one
      '--disable-workspace-trust',
      '--user-data-dir', join(runDir, 'user-data'),
      '--extensions-dir', join(runDir, 'extensions'),
    ],
  });
} catch (err) {
  console.error(`[e2e] the suite failed in VS Code (electron): ${err?.message ?? err}`);
  process.exit(1);
}
