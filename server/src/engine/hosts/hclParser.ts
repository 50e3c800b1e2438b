// The HCL parser: tree-sitter's HCL grammar (its Terraform dialect, @tree-sitter-grammars/
// tree-sitter-hcl, Apache-2.0) run by web-tree-sitter (MIT), both WebAssembly, so the extension
// stays offline and needs no native module. Node offsets are UTF-16 code units, as in the editor.
//
// WebAssembly is instantiated asynchronously: `loadHclParser()` must have resolved before
// `parseHcl` can read a file. Nothing loads it on import: the language server, its analysis worker
// and the CLI start loading it when they first meet a Terraform file (the parser costs about
// 0.1 s of CPU and 19 MB per thread, wasted on every policy and template). Until it has loaded
// `parseHcl` returns undefined and the Terraform host reports that the parser is not ready, never
// a crash.
//
// The .wasm files are read from beside the bundle (scripts/build.mjs copies them into dist/), or,
// when run from source, from the packages in node_modules.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { Language, Node as TsNode, Parser, Tree } from 'web-tree-sitter';

export type HclNode = TsNode;

const RUNTIME_WASM = 'web-tree-sitter.wasm';
const GRAMMAR_WASM = 'tree-sitter-terraform.wasm';

let parser: Parser | undefined;
let loading: Promise<void> | undefined;
let failure: string | undefined;

function locate(file: string): string {
  const bundled = path.join(__dirname, file);
  if (fs.existsSync(bundled)) return bundled;
  if (file === RUNTIME_WASM) return path.join(path.dirname(require.resolve('web-tree-sitter')), file);
  return path.join(path.dirname(require.resolve('@tree-sitter-grammars/tree-sitter-hcl/package.json')), file);
}

/** Load the parser once (later calls return the same promise). Never rejects: a failure is kept
 *  and reported by `hclParserProblem`. */
export function loadHclParser(): Promise<void> {
  loading ??= (async () => {
    try {
      await Parser.init({ locateFile: () => locate(RUNTIME_WASM) });
      const language = await Language.load(fs.readFileSync(locate(GRAMMAR_WASM)));
      const p = new Parser();
      p.setLanguage(language);
      parser = p;
    } catch (err) {
      failure = (err as Error)?.message ?? String(err);
    }
  })();
  return loading;
}

/** Why Terraform files cannot be read now (the parser is loading or failed), or undefined. */
export function hclParserProblem(): string | undefined {
  if (parser) return undefined;
  return failure ? `the HCL parser could not be loaded (${failure})` : 'the HCL parser is still loading';
}

/** Files larger than this are not parsed (no Terraform file is anywhere near it). */
export const MAX_HCL_TEXT = 5_000_000;

/** The syntax tree of HCL text, or undefined when the parser is not loaded. The caller must
 *  `delete()` the tree when done (it lives in WebAssembly memory). */
export function parseHcl(text: string): Tree | undefined {
  if (!parser || text.length > MAX_HCL_TEXT) return undefined;
  return parser.parse(text) ?? undefined;
}

