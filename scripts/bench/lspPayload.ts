import { analyzeHost } from '../../server/src/engine';
import { editDocuments } from './edit';
import { toDiagnostic } from '../../server/src/lsp/diagnostics';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { serialize, deserialize } from 'node:v8';
const med = (fn: () => unknown, n = 7) => { fn(); const a: number[] = []; for (let i = 0; i < n; i++) { const t = performance.now(); fn(); a.push(performance.now() - t); } a.sort((x, y) => x - y); return a[n >> 1].toFixed(1); };
for (const doc of editDocuments().slice(1)) {
  const r = analyzeHost(doc.text, { path: doc.uri, languageId: doc.languageId });
  const td = TextDocument.create(doc.uri, doc.languageId, 1, doc.text);
  const f = r.findings;
  const slim = f.map(({ fixes, data, ...rest }) => rest);
  const diags = f.map((x) => toDiagnostic(td, x));
  const sF = serialize(f), sS = serialize(slim), sD = serialize(diags);
  const jD = JSON.stringify(diags);
  console.log(doc.name, {
    toDiagnosticMs: med(() => f.map((x) => toDiagnostic(td, x))),
    fullSer: med(() => serialize(f)), fullDeser: med(() => deserialize(sF)), fullBytes: sF.length,
    slimSer: med(() => serialize(slim)), slimDeser: med(() => deserialize(sS)), slimBytes: sS.length,
    diagSer: med(() => serialize(diags)), diagDeser: med(() => deserialize(sD)), diagBytes: sD.length,
    diagStringify: med(() => JSON.stringify(diags)), diagParse: med(() => JSON.parse(jD)), jsonChars: jD.length,
  });
}
