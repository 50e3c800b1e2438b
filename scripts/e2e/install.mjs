// Installs code-server (a real VS Code 1.100.3: server + web workbench) into the git-ignored
// .cache/ folder, outside the project's dependencies, so that `npm ci` never pays its native build.
// Idempotent: a second run with the same version does nothing.
//
// Needs Debian's `ripgrep`, `libkrb5-dev` and `pkg-config` (and `chromium` for the tests).
import { execFileSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { cacheDir, codeServerBin, codeServerDir, CODE_SERVER_VERSION, isolatedEnv } from './paths.mjs';

export function installCodeServer() {
  if (existsSync(codeServerBin)) return codeServerBin;
  const started = Date.now();
  rmSync(codeServerDir, { recursive: true, force: true });
  mkdirSync(codeServerDir, { recursive: true });
  writeFileSync(
    join(codeServerDir, 'package.json'),
    JSON.stringify(
      {
        name: 'connect-iam-e2e-code-server',
        private: true,
        dependencies: { 'code-server': CODE_SERVER_VERSION },
        // npm 11 warns about install scripts not listed here; these must run (native builds, rg).
        allowScripts: { 'code-server': true, argon2: true, '@vscode/ripgrep': true },
      },
      null,
      2,
    ),
  );

  mkdirSync(cacheDir, { recursive: true });
  const tmp = mkdtempSync(join(cacheDir, 'install-'));
  const env = isolatedEnv(tmp);
  seedRipgrepCache(env.TMPDIR);
  console.log(`[e2e] installing code-server ${CODE_SERVER_VERSION} into ${codeServerDir} (a few minutes the first time)`);
  execFileSync('npm', ['install', '--no-audit', '--no-fund', '--loglevel=error'], {
    cwd: codeServerDir,
    stdio: 'inherit',
    env: {
      ...env,
      // Its postinstall refuses to run as root without this; a nested `npx node-gyp` asks otherwise.
      npm_config_unsafe_perm: 'true',
      npm_config_yes: 'true',
    },
  });
  rmSync(tmp, { recursive: true, force: true });
  if (!existsSync(codeServerBin)) throw new Error(`code-server did not install: ${codeServerBin} is missing`);
  console.log(`[e2e] code-server installed in ${Math.round((Date.now() - started) / 1000)} s`);
  return codeServerBin;
}

/** @vscode/ripgrep's postinstall downloads a release asset unless its cache already holds it:
 *  give it Debian's `rg` under the name it looks for. */
function seedRipgrepCache(tmp) {
  const rg = '/usr/bin/rg';
  if (!existsSync(rg)) throw new Error('Debian\'s ripgrep is missing: apt-get install -y ripgrep');
  const dir = join(tmp, 'vscode-ripgrep-cache-1.15.11');
  mkdirSync(dir, { recursive: true });
  const stage = join(tmp, 'rg-stage');
  mkdirSync(stage, { recursive: true });
  copyFileSync(rg, join(stage, 'rg'));
  execFileSync('tar', ['-czf', join(dir, 'ripgrep-v13.0.0-10-x86_64-unknown-linux-musl.tar.gz'), '-C', stage, 'rg']);
}

if (import.meta.url === `file://${process.argv[1]}`) installCodeServer();
