// Start and stop code-server (VS Code 1.100.3 server + web workbench) for one test phase.
import { spawn } from 'node:child_process';
import { mkdirSync, openSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { codeServerBin } from './paths.mjs';

/** User settings that keep the workbench quiet and deterministic (no welcome page, no tips, no
 *  network, no trust prompt). */
const USER_SETTINGS = {
  'workbench.startupEditor': 'none',
  'workbench.tips.enabled': false,
  'workbench.enableExperiments': false,
  'security.workspace.trust.enabled': false,
  'extensions.autoCheckUpdates': false,
  'extensions.autoUpdate': false,
  'extensions.ignoreRecommendations': true,
  'telemetry.telemetryLevel': 'off',
  'update.mode': 'none',
  'json.schemaDownload.enable': false,
  'chat.disableAIFeatures': true,
  'editor.minimap.enabled': false,
  'window.commandCenter': false,
  // The run folder lies inside the repository: no "open the parent repository?" notification.
  'git.enabled': false,
  'git.openRepositoryInParentFolders': 'never',
};

export async function freePort() {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.once('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address();
      srv.close(() => resolve(port));
    });
  });
}

export function prepareProfile(dir, extraSettings = {}) {
  const userDataDir = join(dir, 'user-data');
  const extensionsDir = join(dir, 'extensions');
  mkdirSync(join(userDataDir, 'User'), { recursive: true });
  mkdirSync(extensionsDir, { recursive: true });
  writeFileSync(join(userDataDir, 'User', 'settings.json'), JSON.stringify({ ...USER_SETTINGS, ...extraSettings }, null, 2));
  return { userDataDir, extensionsDir };
}

/** Run code-server once with extra arguments (e.g. --install-extension) and wait for it. */
export function codeServerCli(args, { profile, env, log }) {
  return new Promise((resolve, reject) => {
    const child = spawn(codeServerBin, ['--user-data-dir', profile.userDataDir, '--extensions-dir', profile.extensionsDir, ...args], {
      env, stdio: ['ignore', openSync(log, 'a'), openSync(log, 'a')],
    });
    child.on('error', reject);
    child.on('exit', (code) => (code === 0 ? resolve() : reject(new Error(`code-server ${args.join(' ')} exited with ${code}; see ${log}`))));
  });
}

/** Start the server in its own process group (a file-watcher child outlives a plain kill). */
export async function startCodeServer({ profile, env, log }) {
  const port = await freePort();
  const child = spawn(
    codeServerBin,
    [
      '--bind-addr', `127.0.0.1:${port}`, '--auth', 'none', '--disable-telemetry', '--disable-update-check',
      '--disable-workspace-trust', '--disable-getting-started-override',
      '--user-data-dir', profile.userDataDir, '--extensions-dir', profile.extensionsDir,
    ],
    { env, detached: true, stdio: ['ignore', openSync(log, 'a'), openSync(log, 'a')] },
  );
  let exited = false;
  child.on('exit', () => (exited = true));
  const base = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 30_000;
  for (;;) {
    if (exited) throw new Error(`code-server exited during start-up; see ${log}`);
    try {
      if ((await fetch(`${base}/healthz`)).ok) break;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) throw new Error(`code-server did not answer on ${base} within 30 s; see ${log}`);
    await new Promise((r) => setTimeout(r, 200));
  }
  return {
    port,
    base,
    stop() {
      try {
        process.kill(-child.pid, 'SIGKILL');
      } catch {
        // already gone
      }
    },
  };
}
