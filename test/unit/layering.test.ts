// The layering (issue 16): the language server, the CLI and the VS Code client use the engine only
// through its facade (server/src/engine/index.ts), the engine imports none of them nor an editor
// library, and the client's bundle holds no rule. Imports are read with the TypeScript compiler
// API (every import and export declaration, `import()` and `require()`), never by pattern.
import { describe, it } from 'node:test';
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import ts from 'typescript';
import { allRules } from '../../server/src/engine';
import { ROOT } from '../helpers';

const ENGINE = path.join(ROOT, 'server', 'src', 'engine');
const FACADE = path.join(ENGINE, 'index.ts');

function sourceFiles(dir: string): string[] {
  const out: string[] = [];
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) out.push(...sourceFiles(full));
    else if (entry.name.endsWith('.ts')) out.push(full);
  }
  return out;
}

/** Every module specifier of a source text: import/export declarations (type-only ones too),
 *  `import x = require()`, `import()` and `require()` calls. */
export function moduleSpecifiers(fileName: string, text: string): string[] {
  const source = ts.createSourceFile(fileName, text, ts.ScriptTarget.Latest, true, ts.ScriptKind.TS);
  const out: string[] = [];
  const visit = (node: ts.Node, depth: number): void => {
    if (depth > 200) return;
    if ((ts.isImportDeclaration(node) || ts.isExportDeclaration(node)) && node.moduleSpecifier && ts.isStringLiteral(node.moduleSpecifier)) {
      out.push(node.moduleSpecifier.text);
    } else if (ts.isImportEqualsDeclaration(node) && ts.isExternalModuleReference(node.moduleReference) && ts.isStringLiteral(node.moduleReference.expression)) {
      out.push(node.moduleReference.expression.text);
    } else if (ts.isCallExpression(node) && node.arguments.length === 1 && ts.isStringLiteralLike(node.arguments[0])) {
      const callee = node.expression;
      if (callee.kind === ts.SyntaxKind.ImportKeyword || (ts.isIdentifier(callee) && callee.text === 'require')) out.push(node.arguments[0].text);
    }
    ts.forEachChild(node, (child) => visit(child, depth + 1));
  };
  visit(source, 0);
  return out;
}

/** The file a relative specifier names (a folder means its index.ts); undefined for packages. */
function resolved(fromFile: string, specifier: string): string | undefined {
  if (!specifier.startsWith('.')) return undefined;
  const base = path.resolve(path.dirname(fromFile), specifier);
  for (const candidate of [base, `${base}.ts`, path.join(base, 'index.ts')]) {
    if (fs.existsSync(candidate) && fs.statSync(candidate).isFile()) return candidate;
  }
  return base;
}

/** Imports of engine modules other than the facade, as `file: specifier`. */
export function facadeViolations(fileName: string, text: string): string[] {
  return moduleSpecifiers(fileName, text)
    .filter((s) => {
      const target = resolved(fileName, s);
      return target !== undefined && (target === ENGINE || target.startsWith(ENGINE + path.sep)) && target !== FACADE;
    })
    .map((s) => `${path.relative(ROOT, fileName)}: ${s}`);
}

const LAYERS = ['server/src/lsp', 'server/src/cli', 'client/src'];

describe('layering: the engine is used through its facade only', () => {
  it('reads every kind of import, and flags one that goes past the facade', () => {
    const file = path.join(ROOT, 'server', 'src', 'lsp', 'example.ts');
    const text = [
      "import { analyze } from '../engine';",
      "import type { Rule } from '../engine/rules/rule';",
      "export { hoverIn } from '../engine/services/hover';",
      "const lazy = import('../engine/analyze');",
      "const old = require('../engine/index');",
      "import { Connection } from 'vscode-languageserver/node';",
    ].join('\n');
    assert.deepEqual(facadeViolations(file, text), [
      'server/src/lsp/example.ts: ../engine/rules/rule',
      'server/src/lsp/example.ts: ../engine/services/hover',
      'server/src/lsp/example.ts: ../engine/analyze',
    ]);
  });

  for (const layer of LAYERS) {
    it(`${layer} imports nothing of the engine but server/src/engine/index.ts`, () => {
      const files = sourceFiles(path.join(ROOT, layer));
      assert.ok(files.length > 3, `${layer} has its sources`);
      const violations = files.flatMap((f) => facadeViolations(f, fs.readFileSync(f, 'utf8')));
      assert.deepEqual(violations, []);
    });
  }

  it('the engine imports neither an editor library nor the server, the CLI or the client', () => {
    const outside = [path.join(ROOT, 'server', 'src', 'lsp'), path.join(ROOT, 'server', 'src', 'cli'), path.join(ROOT, 'client')];
    const bad = sourceFiles(ENGINE).flatMap((f) =>
      moduleSpecifiers(f, fs.readFileSync(f, 'utf8'))
        .filter((s) => s === 'vscode' || s.startsWith('vscode-languageserver') || s.startsWith('vscode-languageclient') || outside.some((o) => resolved(f, s)?.startsWith(o + path.sep)))
        .map((s) => `${path.relative(ROOT, f)}: ${s}`));
    assert.deepEqual(bad, []);
  });
});

describe('the client bundle', { timeout: 120_000 }, () => {
  /** dist/client.js as scripts/build.mjs bundles it (in memory: dist/ is left alone). */
  async function clientBundle(): Promise<{ code: string; inputs: string[] }> {
    const build = await import(pathToFileURL(path.join(ROOT, 'scripts', 'build.mjs')).href);
    const { code, metafile } = await build.bundle('client');
    const output = Object.values(metafile.outputs as Record<string, { entryPoint?: string; inputs: Record<string, unknown> }>).find((o) => o.entryPoint);
    return { code, inputs: Object.keys(output?.inputs ?? {}) };
  }

  it('holds no rule, and stays small', async () => {
    const { code, inputs } = await clientBundle();
    // It does hold the engine parts it uses (the Connect table behind the policy templates).
    assert.ok(inputs.some((i) => i.endsWith('server/src/engine/connect/table.ts')), inputs.join('\n'));
    assert.deepEqual(inputs.filter((i) => i.includes('server/src/engine/rules/')), []);
    // Every rule object carries its metadata: its title and a `defaultSeverity` property, which
    // minification keeps (strings and property names survive).
    assert.ok(!code.includes('defaultSeverity'), 'a rule object is in the bundle');
    const titles = allRules.map((r) => r.title).filter((t) => code.includes(JSON.stringify(t).slice(1, -1)));
    assert.deepEqual(titles, []);
    // No host reader either (the YAML and HCL parsers are the server's): 772 KB before, 435 KB
    // after; the language client library alone is about 330 KB of it.
    assert.ok(!inputs.some((i) => i.includes('node_modules/web-tree-sitter') || i.includes('node_modules/yaml/')), 'no parser of templates');
    assert.ok(code.length < 500_000, `client bundle is ${code.length} bytes`);
  });
});
