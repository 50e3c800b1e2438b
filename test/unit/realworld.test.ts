// Real-world corpus: public policy documents (AWS documentation, aws-samples and other repositories,
// see test/fixtures/realworld/SOURCES.md) linted with the whole engine. Every error and warning
// must be listed, with a reviewed verdict, in test/fixtures/realworld/expectations.json: a new
// finding (a new false positive, or a new catch) fails, a listed finding that is no longer
// reported fails, and so does an entry nobody has judged. Known false positives are printed.
import { describe, it } from 'node:test';
import * as assert from 'node:assert/strict';
import * as fs from 'fs';
import {
  compare,
  corpusDocuments,
  describeDifference,
  entryKey,
  lintCorpus,
  readExpectations,
  SOURCES_FILE,
  updatedExpectations,
  type Expectation,
  type Reported,
} from '../../scripts/realworld';

const MIN_DOCUMENTS = 300;
const MIN_CONNECT_DOCUMENTS = 20;

describe('real-world corpus', () => {
  const docs = corpusDocuments();

  it(`holds at least ${MIN_DOCUMENTS} policy documents, ${MIN_CONNECT_DOCUMENTS} of them about Amazon Connect, each with its source noted`, () => {
    assert.ok(docs.length >= MIN_DOCUMENTS, `only ${docs.length} documents`);
    const connect = docs.filter((d) => /"connect:/i.test(d.text) || /arn:aws:connect:/.test(d.text) || /connect\.amazonaws\.com/.test(d.text));
    assert.ok(connect.length >= MIN_CONNECT_DOCUMENTS, `only ${connect.length} Amazon Connect documents`);
    const sources = fs.readFileSync(SOURCES_FILE, 'utf8');
    // Each source directory has a section, and each document a row of its own in it.
    const unsourced = docs.filter((d) => {
      const [dir, name] = d.file.split('/');
      const section = sources.split(/^## /m).find((s) => s.startsWith(`${dir}\n`));
      return !section || !section.includes(`| ${name} |`);
    });
    assert.deepEqual(unsourced.map((d) => d.file), [], 'documents without a row in SOURCES.md');
  });

  it('draws exactly the reviewed errors and warnings of expectations.json', (t) => {
    const started = Date.now();
    const run = lintCorpus(docs);
    assert.deepEqual(run.notPolicy, [], 'documents the engine does not recognise as policies');
    const expected = readExpectations();
    const diff = compare(run.reported, expected);

    const falsePositives = expected.filter((e) => e.verdict === 'false-positive');
    const perRule = (list: Expectation[]) => {
      const m = new Map<string, number>();
      for (const e of list) m.set(e.ruleId, (m.get(e.ruleId) ?? 0) + 1);
      return [...m].sort((a, b) => b[1] - a[1]).map(([id, n]) => `${id}: ${n}`).join(', ') || 'none';
    };
    const info = [...run.information].sort((a, b) => b[1] - a[1]).map(([id, n]) => `${id}: ${n}`).join(', ') || 'none';
    t.diagnostic(
      `${run.documents} documents linted in ${Date.now() - started} ms: ${run.reported.length} errors and warnings ` +
        `(${expected.filter((e) => e.verdict === 'true').length} judged true, ${falsePositives.length} known false positives); ` +
        `information findings (statistics only): ${info}`,
    );
    t.diagnostic(`known false positives per rule: ${perRule(falsePositives)}`);
    for (const e of falsePositives) t.diagnostic(`known false positive: ${entryKey(e)} ${JSON.stringify(e.text)}: ${e.note}`);

    const problems = describeDifference(diff);
    assert.ok(problems === '', `The real-world corpus no longer matches test/fixtures/realworld/expectations.json.\n${problems}`);
  });
});

describe('real-world expectations update', () => {
  const reported = (file: string, line: number, text: string): Reported => ({
    file,
    ruleId: 'placeholder-value',
    line,
    column: 5,
    severity: 'warning',
    text,
  });

  it('keeps the verdicts of entries that still occur, follows a moved finding and marks new ones unreviewed', () => {
    const previous: Expectation[] = [
      { ...reported('a/x.json', 3, 'bucket-name'), verdict: 'false-positive', note: 'a valid bucket name' },
      { ...reported('a/x.json', 7, 'account-id'), verdict: 'true', note: 'not an account' },
      { ...reported('a/gone.json', 1, 'x'), verdict: 'true', note: '' },
    ];
    const now = [reported('a/x.json', 3, 'bucket-name'), reported('a/x.json', 8, 'account-id'), reported('a/new.json', 2, 'your-key')];
    const next = updatedExpectations(now, previous);
    assert.deepEqual(
      next.map((e) => [e.file, e.line, e.verdict, e.note]),
      [
        ['a/x.json', 3, 'false-positive', 'a valid bucket name'],
        ['a/x.json', 8, 'true', 'not an account'],
        ['a/new.json', 2, 'unreviewed', ''],
      ],
    );
  });

  it('names every difference and says how to update', () => {
    const previous: Expectation[] = [
      { ...reported('a/x.json', 3, 'bucket-name'), verdict: 'unreviewed', note: '' },
      { ...reported('a/gone.json', 1, 'x'), verdict: 'true', note: '' },
      { ...reported('a/y.json', 1, 'y'), verdict: 'false-positive', note: '' },
    ];
    const diff = compare([reported('a/x.json', 3, 'bucket-name'), reported('a/y.json', 1, 'y'), reported('a/new.json', 2, 'your-key')], previous);
    assert.deepEqual(diff.unexpected.map(entryKey), ['a/new.json 2:5 warning placeholder-value']);
    assert.deepEqual(diff.missing.map(entryKey), ['a/gone.json 1:5 warning placeholder-value']);
    assert.deepEqual(diff.unreviewed.map(entryKey), ['a/x.json 3:5 warning placeholder-value']);
    assert.deepEqual(diff.invalid, ['a/y.json 1:5 warning placeholder-value: a false positive needs a note saying why']);
    const text = describeDifference(diff);
    assert.match(text, /Reported but not in expectations\.json .*\(1\):\n {2}a\/new\.json 2:5 warning placeholder-value {2}"your-key"/);
    assert.match(text, /no longer reported \(1\):\n {2}a\/gone\.json 1:5 warning placeholder-value {2}"x" {2}\(was true\)/);
    assert.match(text, /npm run realworld:update/);
    assert.equal(describeDifference(compare([], [])), '');
  });
});
