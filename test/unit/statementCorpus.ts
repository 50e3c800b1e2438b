// The documents the per-statement analysis is checked on (test/unit/statementScope.test.ts): the
// real-world corpus, the templates, the seed and Connect fixtures, each as the policy documents
// the engine's rules see (a template's embedded policies each on their own).
import * as fs from 'fs';
import * as path from 'path';
import { corpusDocuments } from '../../scripts/realworld';
import { parseHost } from '../../server/src/engine/hosts/host';
import { buildPolicy, PolicyDocument } from '../../server/src/engine/parse/policyModel';

const FIXTURES = path.join(__dirname, '..', 'fixtures');
const MAX_FILES = 2000;

export interface CorpusFile {
  file: string;
  text: string;
}

/** Template files (YAML, JSON, .template, Serverless) under test/fixtures/templates, two levels deep. */
function templateFiles(): CorpusFile[] {
  const out: CorpusFile[] = [];
  const walk = (dir: string, depth: number) => {
    for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
      const full = path.join(dir, e.name);
      if (e.isDirectory() && depth < 2) walk(full, depth + 1);
      else if (e.isFile() && /\.(ya?ml|json|template)$/.test(e.name) && out.length < MAX_FILES) out.push({ file: path.relative(FIXTURES, full), text: fs.readFileSync(full, 'utf8') });
    }
  };
  walk(path.join(FIXTURES, 'templates'), 0);
  return out.sort((a, b) => (a.file < b.file ? -1 : 1));
}

/** Every file of the corpus: policies first, then templates. */
export function corpusFiles(): CorpusFile[] {
  const policies = corpusDocuments().map((d) => ({ file: `realworld/${d.file}`, text: d.text }));
  for (const dir of ['seed-real', 'connect']) {
    for (const name of fs.readdirSync(path.join(FIXTURES, dir)).filter((n) => n.endsWith('.json'))) policies.push({ file: `${dir}/${name}`, text: fs.readFileSync(path.join(FIXTURES, dir, name), 'utf8') });
  }
  return [...policies, ...templateFiles()];
}

/** The policy documents of a file as the rules see them. */
export function policyDocuments(f: CorpusFile): PolicyDocument[] {
  const host = parseHost(f.text, { path: f.file });
  if (host.kind === 'policy') return [buildPolicy(host.json!, host.json!.root)];
  return host.policies.map((p) => p.doc);
}

/** Per source directory of the real-world corpus, one policy holding all its statements (parsed
 *  by JSON.parse; documents that are not strict JSON are left out): statements that never met in
 *  one document meet here, so a rule that compares statements shows it. */
export function mergedPolicies(): CorpusFile[] {
  const bySource = new Map<string, unknown[]>();
  for (const d of corpusDocuments()) {
    let parsed: { Statement?: unknown };
    try {
      parsed = JSON.parse(d.text);
    } catch {
      continue;
    }
    const st = parsed?.Statement;
    const list = Array.isArray(st) ? st : st && typeof st === 'object' ? [st] : [];
    const source = d.file.split('/')[0];
    bySource.set(source, [...(bySource.get(source) ?? []), ...list]);
  }
  return [...bySource].map(([source, statements]) => ({ file: `merged/${source}.json`, text: JSON.stringify({ Version: '2012-10-17', Statement: statements }, null, 2) }));
}
