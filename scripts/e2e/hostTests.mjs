// Runs the mocha suite inside code-server's real extension host: the workbench is opened with the
// same launch payload @vscode/test-web uses (extensionDevelopmentPath + extensionTestsPath), and
// reports the suite's result through window.codeAutomationExit. The extension host's console does
// not reach us, so the suite also writes its report to a file (CONNECT_IAM_E2E_LOG), followed here.
import { appendFileSync, existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { format } from 'node:util';
import { launchBrowser } from './browser.mjs';
import { prepareProfile, startCodeServer } from './codeServer.mjs';

export async function runHostTests({ extensionDir, testsIndex, workspace, dir, env, timeoutMs = 300_000 }) {
  const report = join(dir, 'mocha.log');
  const workbenchLog = join(dir, 'workbench.log');
  writeFileSync(report, '');
  writeFileSync(workbenchLog, '');
  env = { ...env, CONNECT_IAM_E2E_LOG: report };
  const profile = prepareProfile(dir);
  const server = await startCodeServer({ profile, env, log: join(dir, 'code-server.log') });
  const browser = await launchBrowser(dir, env);
  const follower = follow(report);
  try {
    const page = browser.pages()[0] ?? (await browser.newPage());
    let finish;
    const exitCode = new Promise((resolve) => (finish = resolve));
    await page.exposeFunction('codeAutomationLog', (...args) => appendFileSync(workbenchLog, format(...args) + '\n'));
    await page.exposeFunction('codeAutomationExit', (code) => finish(code));
    const remote = (p) => `vscode-remote://127.0.0.1:${server.port}${p}`;
    const payload = [
      ['extensionDevelopmentPath', remote(extensionDir)],
      ['extensionTestsPath', remote(testsIndex)],
      ['skipWelcome', 'true'],
    ];
    await page.goto(`${server.base}/?folder=${encodeURIComponent(workspace)}&payload=${encodeURIComponent(JSON.stringify(payload))}`);
    const timeout = new Promise((resolve) => setTimeout(() => resolve('timeout'), timeoutMs));
    let code = await Promise.race([exitCode, timeout]);
    if (code === 'timeout') {
      console.error(`[e2e] the extension host tests did not finish within ${timeoutMs / 1000} s`);
      await page.screenshot({ path: join(dir, 'timeout.png') }).catch(() => {});
      code = 1;
    }
    follower.flush();
    const stats = readStats(report);
    if (code !== 0) console.error(`[e2e] workbench log: ${workbenchLog}; server log: ${join(dir, 'code-server.log')}`);
    // A suite that crashed before reporting counts as one failure.
    return { code, passed: stats?.passed ?? 0, failed: stats ? stats.failed : code === 0 ? 0 : 1 };
  } finally {
    follower.stop();
    await browser.close().catch(() => {});
    server.stop();
  }
}

/** Print what the suite appends to its report, as it comes (the stats line excepted). */
function follow(file) {
  let printed = 0;
  const flush = () => {
    if (!existsSync(file)) return;
    const text = readFileSync(file, 'utf8');
    const fresh = text.slice(printed);
    const lastBreak = fresh.lastIndexOf('\n');
    if (lastBreak < 0) return;
    for (const line of fresh.slice(0, lastBreak).split('\n')) if (!line.startsWith('[connect-iam-e2e]')) console.log(line);
    printed += lastBreak + 1;
  };
  const timer = setInterval(flush, 250);
  return { flush, stop: () => clearInterval(timer) };
}

function readStats(file) {
  const m = /^\[connect-iam-e2e\] (\{.*\})$/m.exec(existsSync(file) ? readFileSync(file, 'utf8') : '');
  return m ? JSON.parse(m[1]) : undefined;
}
