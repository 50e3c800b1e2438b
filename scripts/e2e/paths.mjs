// Where the real-VS Code test run keeps its things: all under the git-ignored .cache/ folder,
// except the artifacts (screenshots) in test-results/.
import { mkdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const CODE_SERVER_VERSION = '4.100.3'; // VS Code 1.100.3; later ones need Node 22+
export const repoRoot = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
export const cacheDir = join(repoRoot, '.cache', 'e2e');
export const codeServerDir = join(cacheDir, `code-server-${CODE_SERVER_VERSION}`);
export const codeServerBin = join(codeServerDir, 'node_modules', '.bin', 'code-server');
export const resultsDir = join(repoRoot, 'test-results');

/** Environment that keeps code-server, Chromium and npm out of the home directory. */
export function isolatedEnv(base) {
  const dirs = { TMPDIR: join(base, 'tmp'), XDG_CONFIG_HOME: join(base, 'config'), XDG_DATA_HOME: join(base, 'data'), XDG_CACHE_HOME: join(base, 'cache') };
  for (const d of Object.values(dirs)) mkdirSync(d, { recursive: true });
  return { ...process.env, ...dirs };
}
