// The mocha entry point the extension host loads (extensionTestsPath), under code-server
// (scripts/e2e/run.mjs) and under @vscode/test-electron (scripts/e2e/electron.mjs) alike.
// The suite is one esbuild bundle, so test files are required here after mocha's globals exist.
import * as fs from 'fs';
import * as path from 'path';
import type MochaType from 'mocha';

// A plain require, not bundled: mocha 12 is an ES module, which Node 20.19+ (code-server's
// extension host) and Electron's Node load through require().
const mochaModule = require('mocha');
const Mocha: typeof MochaType = mochaModule.default ?? mochaModule.Mocha ?? mochaModule;

/** Where the results go: console.log of the extension host does not reach the runner under
 *  code-server, so each line is also appended to a file the runner prints. */
export const LOG_FILE = process.env.CONNECT_IAM_E2E_LOG ?? path.join(__dirname, '..', 'mocha.log');

function out(line: string): void {
  console.log(line);
  fs.appendFileSync(LOG_FILE, line + '\n');
}

/** A small spec-like reporter writing through out(). */
function reporter(runner: MochaType.Runner): void {
  const { EVENT_SUITE_BEGIN, EVENT_TEST_PASS, EVENT_TEST_FAIL, EVENT_TEST_PENDING } = Mocha.Runner.constants;
  let failures = 0;
  runner.on(EVENT_SUITE_BEGIN, (suite) => suite.title && out(`  ${suite.fullTitle()}`));
  runner.on(EVENT_TEST_PASS, (test) => out(`    ok   ${test.title} (${test.duration} ms)`));
  runner.on(EVENT_TEST_PENDING, (test) => out(`    skip ${test.title}`));
  runner.on(EVENT_TEST_FAIL, (test, err) => {
    failures++;
    out(`    FAIL ${test.title}\n${indent(String((err as Error)?.stack ?? err))}`);
  });
  runner.once(Mocha.Runner.constants.EVENT_RUN_END, () => {
    const s = runner.stats!;
    out(`  mocha: ${s.passes} passed, ${failures} failed, ${s.pending} skipped`);
    // Read by scripts/e2e/run.mjs for its closing "N passed, N failed" line.
    out(`[connect-iam-e2e] ${JSON.stringify({ passed: s.passes, failed: failures, pending: s.pending })}`);
  });
}

const indent = (text: string) => text.split('\n').map((l) => `         ${l}`).join('\n');

export function run(): Promise<void> {
  fs.mkdirSync(path.dirname(LOG_FILE), { recursive: true });
  fs.writeFileSync(LOG_FILE, '');
  const mocha = new Mocha({ ui: 'bdd', color: false, timeout: 30_000, slow: 5_000, reporter: reporter as unknown as string });
  mocha.suite.emit('pre-require', globalThis, 'bundle', mocha);
  require('./activation.test');
  require('./diagnostics.test');
  require('./snippets.test');
  require('./commands.test');
  require('./settings.test');
  require('./schema.test');
  require('./instanceArn.test');
  require('./manifest.test');
  require('./editor.test');
  require('./yaml.test');
  require('./terraform.test');
  return new Promise((resolve, reject) => {
    mocha.run((failures) => (failures > 0 ? reject(new Error(`${failures} test(s) failed`)) : resolve()));
  });
}
