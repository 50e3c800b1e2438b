// Messages are plain text in every editor and in the CLI: no Markdown backticks and no
// reference-format templates such as ${Partition}. Checked on every fixture and example document
// of the repository and on the example policies of the rule pages, for every rule family.
import { describe, it } from 'node:test';
import * as assert from 'node:assert/strict';
import * as fs from 'fs';
import * as path from 'path';
import { allRules, analyze, Finding } from '../../server/src/engine';
import { ROOT } from '../helpers';

const OWN = new Set(allRules.map((r) => r.id));
const TEMPLATE = /\$\{(Partition|Region|Account)\}/;

function* jsonFiles(dir: string, depth = 0): Generator<string> {
  if (depth > 6 || !fs.existsSync(dir)) return;
  for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) yield* jsonFiles(p, depth + 1);
    else if (/\.json$/.test(e.name)) yield p;
  }
}

/** Every document to lint: fixtures, examples, and the JSON blocks of the rule pages. */
function documents(): { name: string; text: string }[] {
  const out = [...jsonFiles(path.join(ROOT, 'test', 'fixtures')), ...jsonFiles(path.join(ROOT, 'examples'))]
    .map((f) => ({ name: path.relative(ROOT, f), text: fs.readFileSync(f, 'utf8') }));
  for (const id of OWN) {
    const page = fs.readFileSync(path.join(ROOT, 'docs', 'rules', `${id}.md`), 'utf8');
    [...page.matchAll(/```json\n([\s\S]*?)\n```/g)].forEach((m, i) => out.push({ name: `docs/rules/${id}.md#${i}`, text: m[1] }));
  }
  return out;
}

/** The first sentence: up to the first full stop followed by a space (or the end). */
const firstSentence = (message: string) => message.split(/(?<=[.?!])\s/)[0];

describe('plain-text messages', () => {
  const docs = documents();
  const findings = docs.flatMap(({ name, text }) =>
    analyze(text, { forcePolicy: true }).findings.filter((f) => OWN.has(f.ruleId)).map((f) => ({ name, f, text })));

  it('lints enough documents to exercise most rules', () => {
    const fired = new Set(findings.map(({ f }) => f.ruleId));
    assert.ok(fired.size >= OWN.size * 0.7, `only ${fired.size} of ${OWN.size} rules fired: ${[...OWN].filter((id) => !fired.has(id)).join(', ')}`);
  });

  it('have no backticks or ARN templates in messages, related messages and fix titles', () => {
    const bad: string[] = [];
    for (const { name, f, text } of findings) {
      // What the message quotes from the document (a placeholder such as ${Account} the user
      // wrote) is the user's text, not ours.
      const own = (t: string) => {
        let out = t;
        for (const quoted of [text.slice(f.range.start, f.range.end).replace(/^"|"$/g, ''), String(f.data?.placeholder ?? '')]) {
          if (quoted) out = out.split(quoted).join('');
        }
        return out;
      };
      const texts = [f.message, ...(f.related ?? []).map((r) => r.message), ...(f.fixes ?? []).map((x) => x.title)];
      for (const t of texts) if (own(t).includes('`') || TEMPLATE.test(own(t))) bad.push(`${name} [${f.ruleId}] ${t}`);
    }
    assert.deepEqual([...new Set(bad)].slice(0, 20), []);
  });

  it('and so are the rule titles (SARIF and the settings show them)', () => {
    const bad = allRules.filter((r) => OWN.has(r.id) && (r.title.includes('`') || TEMPLATE.test(r.title))).map((r) => `${r.id}: ${r.title}`);
    assert.deepEqual(bad, []);
  });

  it('say what is wrong in a short first sentence (not counting the document value it quotes)', () => {
    const own = ({ f, text }: { f: Finding; text: string }) => {
      const sentence = firstSentence(f.message);
      const value = text.slice(f.range.start, f.range.end).replace(/^"|"$/g, '');
      return sentence.length - (value && sentence.includes(value) ? value.length : 0);
    };
    const long = findings.filter((x) => own(x) > 110).map(({ name, f }) => `${name} [${f.ruleId}] ${firstSentence(f.message)}`);
    assert.deepEqual([...new Set(long)].slice(0, 20), []);
  });
});
