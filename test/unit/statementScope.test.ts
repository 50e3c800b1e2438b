// Per-statement analysis (engine/incremental/statementCache.ts, rules/scope.ts): the rules marked
// statement-scoped really judge one statement at a time, and the cache never changes a finding,
// a range or a fix: with and without it, cold and warm, before and after an edit.
import { describe, it } from 'node:test';
import * as assert from 'node:assert/strict';
import fc from 'fast-check';
import { analyzeHost } from '../../server/src/engine';
import { allRules } from '../../server/src/engine/rules';
import { Rule } from '../../server/src/engine/rules/rule';
import { StatementCache, statementCache, statementView } from '../../server/src/engine/incremental/statementCache';
import { PolicyDocument } from '../../server/src/engine/parse/policyModel';
import { Finding } from '../../server/src/engine/types';
import { generatedPolicy } from '../corpus';
import { withoutStatementCache } from '../helpers';
import { generatedTemplate } from '../../scripts/bench/template';
import { CorpusFile, corpusFiles, mergedPolicies, policyDocuments } from './statementCorpus';

const files = corpusFiles();
const merged = mergedPolicies();

function findingsOf(rule: Rule, doc: PolicyDocument): string[] {
  const out: string[] = [];
  rule.check({ doc, report: (r) => out.push(JSON.stringify(r)) });
  return out;
}

const sorted = (xs: string[]) => [...xs].sort();

/** The engine's result on a file with the cache off, then on (cold, then warm). */
function bothWays(f: CorpusFile): { uncached: Finding[]; cold: Finding[]; warm: Finding[] } {
  const hint = { path: f.file };
  const uncached = withoutStatementCache(() => analyzeHost(f.text, hint).findings);
  statementCache.clear();
  const cold = analyzeHost(f.text, hint).findings;
  const warm = analyzeHost(f.text, hint).findings;
  return { uncached, cold, warm };
}

describe('statement-scoped rules', () => {
  const scoped = allRules.filter((r) => r.scope === 'statement');

  it('are most rules, and never the ones that compare statements or read the document', () => {
    assert.ok(scoped.length >= 50, `only ${scoped.length} statement-scoped rules`);
    for (const id of ['sid-duplicate', 'version-missing', 'allow-overridden-by-deny', 'connect-permissions-missing', 'json-syntax', 'principal-mixed']) {
      assert.notEqual(allRules.find((r) => r.id === id)?.scope, 'statement', id);
    }
  });

  it('find on a whole document exactly what they find on its statements one by one (real-world corpus, templates, and each source\'s statements merged into one policy)', () => {
    const docs = [...files, ...merged].flatMap((f) => policyDocuments(f).map((doc) => ({ file: f.file, doc })));
    assert.ok(docs.length > 900, `only ${docs.length} documents`);
    const problems: string[] = [];
    let compared = 0;
    for (const rule of scoped) {
      for (const { file, doc } of docs) {
        if (!doc.isPolicy) continue;
        const whole = sorted(findingsOf(rule, doc));
        const parts = sorted(doc.statements.flatMap((s) => findingsOf(rule, statementView(doc, s))));
        compared += whole.length;
        if (JSON.stringify(whole) !== JSON.stringify(parts)) problems.push(`${rule.id} on ${file}: ${whole.length} findings on the document, ${parts.length} statement by statement`);
      }
    }
    assert.deepEqual(problems, []);
    assert.ok(compared > 2000, `only ${compared} findings compared`);
  });

  it('the test above catches a document-level rule marked statement-scoped', () => {
    const sid = allRules.find((r) => r.id === 'sid-duplicate')!;
    const doc = policyDocuments(merged.find((f) => f.file.includes('access-analyzer'))!)[0];
    const whole = findingsOf(sid, doc);
    const parts = doc.statements.flatMap((s) => findingsOf(sid, statementView(doc, s)));
    assert.ok(whole.length > 0 && parts.length === 0, `${whole.length} / ${parts.length}`);
  });
});

describe('per-statement cache', () => {
  it('changes no finding, range or fix on the corpus and the templates (cold and warm)', () => {
    let findings = 0;
    for (const f of [...files, ...merged]) {
      const { uncached, cold, warm } = bothWays(f);
      assert.deepEqual(cold, uncached, `${f.file}: cold cache`);
      assert.deepEqual(warm, uncached, `${f.file}: warm cache`);
      findings += uncached.length;
    }
    assert.ok(findings > 3000, `only ${findings} findings`);
  });

  for (const [name, text, at, replacement, path] of [
    ['a 200 KB policy', generatedPolicy(200 * 1024), '"s3:GetBucketLocation"', '"s3:GetBucketLocaton", "arn:aws:s3:::${BucketName}"', 'p.json'],
    ['a 200 KB YAML template', generatedTemplate(200 * 1024), 's3:PutObject, s3:GetObjet]', 's3:PutObjet, s3:GetObject, ${AWS::AccountId}]', 't.yaml'],
  ] as const) {
    it(`after an edit of one statement of ${name}, re-runs that statement only and finds exactly what a whole analysis finds, fixes included`, () => {
      const hint = { path };
      statementCache.clear();
      analyzeHost(text, hint);
      const from = text.indexOf(at, Math.floor(text.length / 2));
      assert.ok(from > 0);
      const edited = text.slice(0, from) + replacement + text.slice(from + at.length);
      statementCache.hits = statementCache.misses = 0;
      const cached = analyzeHost(edited, hint).findings;
      const { hits, misses } = statementCache;
      const uncached = withoutStatementCache(() => analyzeHost(edited, hint).findings);
      assert.deepEqual(cached, uncached);
      assert.ok(cached.some((f) => f.fixes?.length), 'the edit draws findings with fixes');
      assert.ok(misses >= 1 && misses <= 3 && hits > 100, `${hits} hits, ${misses} misses`);
    });
  }

  it('gives the same findings with and without the cache through random edits (fast-check)', () => {
    const base = files.find((f) => f.file.includes('awsdocs-amazon-connect-admin-guide/required-permissions-iam-cases-1'))!.text;
    statementCache.clear();
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.nat(), fc.nat(3), fc.constantFrom('', '"', ',', '*', 'x', '{', ']', ':', 'Deny', '"s3:*"', '${aws:username}')), { minLength: 1, maxLength: 8 }), (edits) => {
        let text = base;
        for (const [pos, len, insert] of edits) {
          const at = pos % (text.length + 1);
          text = text.slice(0, at) + insert + text.slice(at + len);
          const cached = analyzeHost(text, { path: 'p.json' }).findings;
          const uncached = withoutStatementCache(() => analyzeHost(text, { path: 'p.json' }).findings);
          assert.deepEqual(cached, uncached);
        }
      }),
      { numRuns: 60, seed: 13 },
    );
  });

  it('is bounded: the least recently used statements go first, by count and by size', () => {
    const byCount = new StatementCache(3, 1e9);
    for (const k of ['a', 'b', 'c']) byCount.set(k, []);
    byCount.get('a');
    byCount.set('d', []);
    assert.deepEqual(['a', 'b', 'c', 'd'].map((k) => byCount.get(k) !== undefined), [true, false, true, true]);
    const bySize = new StatementCache(1000, 1000);
    for (let i = 0; i < 20; i++) bySize.set(`${i}`.padEnd(200, 'x'), []);
    assert.ok(bySize.size <= 4 && bySize.size >= 1, `${bySize.size} entries`);
  });
});
