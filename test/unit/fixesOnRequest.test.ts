// Fix guards run when the fixes are read (engine/fixes/onRequest.ts), not during the analysis:
// an analysis whose fixes nobody reads (most keystrokes) parses nothing again for them; reading
// gives the fixes the guard gives, whatever the order they are read in; and they still apply.
import { describe, it } from 'node:test';
import * as assert from 'node:assert/strict';
import { allRules, analyze, analyzeHost, applyEdits, createPolicyService, Finding } from '../../server/src/engine';
import { brokenJsonGuardWork } from '../../server/src/engine/fixes/guard';
import { copyFinding, fixesOnRequestWork, guardOnRequest } from '../../server/src/engine/fixes/onRequest';
import { fixGuardWork } from '../../server/src/engine/hosts/fixGuard';
import { clearYamlReuse } from '../../server/src/engine/hosts/yamlReuse';
import { generatedJsonTemplate } from '../../scripts/bench/template';
import { generatedPolicy } from '../corpus';
import { readYamlFixture } from '../helpers';
import { collectGarbage } from '../gc';
import { clearJsonReuse } from '../../server/src/engine/parse/jsonReuse';

/** Work counters' growth while `run` runs. */
function counted<T>(run: () => T): { value: T; reparsed: number; hostReparsed: number; entries: number; settled: number } {
  const json = brokenJsonGuardWork.reparsed;
  const host = { ...fixGuardWork };
  const settled = fixesOnRequestWork.settled;
  const value = run();
  return { value, reparsed: brokenJsonGuardWork.reparsed - json, hostReparsed: fixGuardWork.reparsed - host.reparsed, entries: fixGuardWork.entries - host.entries, settled: fixesOnRequestWork.settled - settled };
}

/** A generated policy broken near its end (a quote deleted): most fixes lie before the error,
 *  so each is parsed again, until the budget runs out. */
function brokenPolicy(): string {
  const text = generatedPolicy(60 * 1024);
  const at = text.lastIndexOf('"Sid"');
  return text.slice(0, at) + text.slice(at + 1);
}

const withFixes = (findings: Finding[]) => findings.filter((f) => f.fixes?.length);
const inReverse = (findings: Finding[]) => [...findings].reverse().forEach((f) => void f.fixes);

describe('fixes on request: broken JSON', () => {
  it('an analysis whose fixes are not read parses nothing again for them', () => {
    const text = brokenPolicy();
    const run = counted(() => analyze(text).findings);
    assert.ok(run.value.length > 100);
    assert.equal(run.reparsed, 0, 'no re-parse during the analysis');
    assert.equal(run.settled, 0, 'no finding settled');
    // Reading them does the work the guard used to do during the analysis.
    const read = counted(() => JSON.stringify(run.value));
    assert.ok(read.reparsed >= 2, `the guard parsed the fixed texts again (${read.reparsed})`);
    assert.ok(read.settled > 100);
  });

  it('reading one finding settles only the findings checked before it', () => {
    const text = brokenPolicy();
    const findings = analyze(text).findings;
    // The guard checks in rule order (statement by statement within a rule). Which findings have
    // fixes to check is seen without reading them: their `fixes` is a getter.
    const rank = new Map(allRules.map((r, i) => [r.id, i]));
    const guarded = findings.filter((f) => Object.getOwnPropertyDescriptor(f, 'fixes')?.get);
    const inOrder = [...guarded].sort((a, b) => rank.get(a.ruleId)! - rank.get(b.ruleId)! || a.range.start - b.range.start);
    assert.ok(inOrder.length > 100);
    const first = counted(() => inOrder[0].fixes);
    assert.equal(first.settled, 1, 'the first one alone');
    const last = counted(() => inOrder[inOrder.length - 1].fixes);
    assert.equal(last.settled, inOrder.length - 1, 'the last one: every other one before it');
    assert.equal(counted(() => JSON.stringify(findings)).settled, 0, 'all settled already');
  });

  it('a read re-parses for that finding\'s own fixes only (the ones before it book their budget)', () => {
    const findings = analyze(brokenPolicy()).findings;
    let total = 0;
    // In reverse: the first read is the last finding the guard checks.
    for (const f of [...findings].reverse()) {
      const read = counted(() => f.fixes);
      assert.ok(read.reparsed <= Math.max(1, f.fixes?.length ?? 0), `${f.ruleId}: ${read.reparsed} re-parses`);
      total += read.reparsed;
    }
    assert.ok(total >= 2, `the fixes were parsed again (${total})`);
  });

  it('gives the same fixes whatever the order they are read in', () => {
    const text = brokenPolicy();
    const forward = analyze(text).findings;
    const backward = analyze(text).findings;
    inReverse(backward);
    assert.equal(JSON.stringify(backward), JSON.stringify(forward));
    assert.ok(withFixes(forward).length > 0);
  });

  it('the fixes read later still apply without making the document worse', () => {
    const text = brokenPolicy();
    const errors = (t: string) => analyze(t).findings.filter((f) => f.ruleId === 'json-syntax').length;
    const before = errors(text);
    const fixable = withFixes(analyze(text).findings);
    assert.ok(fixable.length > 0);
    for (const f of [fixable[0], fixable[fixable.length - 1]]) {
      const after = applyEdits(text, f.fixes![0].edits);
      assert.ok(errors(after) <= before, `${f.ruleId}: ${f.fixes![0].title}`);
      assert.ok(!analyze(after).findings.some((g) => g.ruleId === f.ruleId && g.range.start === f.range.start && g.message === f.message), 'the finding is gone');
    }
  });
});

describe('fixes on request: templates', () => {
  const hint = { path: '/fixtures/on-request/holiday-calendar.yaml' };
  const text = readYamlFixture('templates/connect-scv-holiday-calendar.yaml');

  it('a YAML template: no fix checked during the analysis, the same fixes in any order when read', () => {
    clearYamlReuse();
    const run = counted(() => analyzeHost(text, hint).findings);
    assert.equal(run.hostReparsed + run.entries, 0, 'no fix checked during the analysis');
    assert.equal(run.settled, 0);
    const read = counted(() => JSON.stringify(run.value));
    assert.ok(read.hostReparsed + read.entries >= 1, 'the fixes were checked when read');
    const backward = analyzeHost(text, hint).findings;
    inReverse(backward);
    assert.equal(JSON.stringify(backward), read.value);
  });

  it('a YAML fix read after the analysis applies, and the template still reads', () => {
    const findings = analyzeHost(text, hint).findings;
    const fixed = findings.find((f) => f.fixes?.some((x) => x.edits.some((e) => e.newText.includes('\n'))));
    assert.ok(fixed, 'a fix that writes lines');
    const after = applyEdits(text, fixed.fixes![0].edits);
    const again = analyzeHost(after, { path: '/fixtures/on-request/other.yaml' }).findings;
    assert.ok(!again.some((f) => f.ruleId === 'yaml-syntax'), 'the fixed template reads');
    assert.ok(!again.some((f) => f.ruleId === fixed.ruleId && f.message === fixed.message), 'the finding is gone');
  });

  it('a JSON template: its tree is read again for the scalar checks only when fixes are read', () => {
    const json = generatedJsonTemplate(20 * 1024);
    const options = { path: '/fixtures/on-request/template.json' };
    const findings = analyzeHost(json, options).findings;
    const fixable = withFixes(findings);
    assert.ok(fixable.length > 0, 'the template has findings with fixes');
    const backward = analyzeHost(json, options).findings;
    let reparsed = 0;
    for (const f of [...backward].reverse()) {
      const read = counted(() => f.fixes);
      assert.ok(read.hostReparsed <= Math.max(1, f.fixes?.length ?? 0), `${f.ruleId}: ${read.hostReparsed} re-parses for one finding`);
      reparsed += read.hostReparsed;
    }
    assert.ok(reparsed >= 1, 'structural fixes were checked on the whole text');
    assert.equal(JSON.stringify(backward), JSON.stringify(findings));
    const f = fixable[0];
    const after = applyEdits(json, f.fixes![0].edits);
    assert.ok(!analyzeHost(after, options).findings.some((g) => g.ruleId === f.ruleId && g.message === f.message), 'the finding is gone');
  });
});

describe('guardOnRequest', () => {
  const finding = (n: number, fixes?: string[]): Finding => ({ ruleId: 'r', severity: 'warning', message: `m${n}`, range: { start: n, end: n + 1 }, fixes: fixes?.map((title) => ({ title, edits: [] })) });

  it('settles in the given order, each once, and leaves plain values', () => {
    const findings = [finding(0, ['a']), finding(1), finding(2, ['b', 'c']), finding(3, ['d'])];
    const seen: string[] = [];
    let done = 0;
    guardOnRequest(findings, (fixes) => (seen.push(fixes[0].title), fixes.slice(1).length ? fixes.slice(1) : undefined), () => done++);
    assert.deepEqual(seen, [], 'nothing checked before a read');
    assert.deepEqual(findings[2].fixes?.map((f) => f.title), ['c']);
    assert.deepEqual(seen, ['a', 'b'], 'the finding before it first');
    assert.equal(findings[0].fixes, undefined);
    assert.equal(done, 0);
    assert.equal(findings[3].fixes, undefined);
    assert.deepEqual(seen, ['a', 'b', 'd']);
    assert.equal(done, 1);
    assert.equal(findings[1].fixes, undefined, 'a finding without fixes is left alone');
    assert.deepEqual(Object.keys(findings[2]), ['ruleId', 'severity', 'message', 'range', 'fixes'], 'the keys keep their order');
    assert.equal(typeof Object.getOwnPropertyDescriptor(findings[2], 'fixes')?.get, 'undefined', 'a plain value once read');
  });

  it('a copy and a second guard take the pending fixes over without settling them', () => {
    const findings = [finding(0, ['a', 'b'])];
    const seen: string[] = [];
    guardOnRequest(findings, (fixes) => (seen.push('first'), fixes.slice(1)));
    const copy = copyFinding(findings[0], { message: 'named' });
    guardOnRequest([copy], (fixes) => (seen.push('second'), fixes.map((f) => ({ ...f, title: f.title.toUpperCase() }))));
    assert.deepEqual(seen, []);
    assert.deepEqual(Object.keys(copy), ['ruleId', 'severity', 'message', 'range', 'fixes']);
    assert.equal(copy.message, 'named');
    assert.deepEqual(copy.fixes?.map((f) => f.title), ['B']);
    assert.deepEqual(seen, ['first', 'second']);
    assert.deepEqual(findings[0].fixes?.map((f) => f.title), ['b'], 'the original keeps the first guard\'s fixes');
  });
});

describe('fixes on request: what the pending fixes keep', () => {
  it('a JSON template\'s findings with unread fixes do not keep its parse tree alive', async () => {
    const service = createPolicyService();
    const options = { path: '/fixtures/on-request/kept.json' };
    const analyse = () => {
      const doc = service.parse(generatedJsonTemplate(20 * 1024), options);
      const findings = service.analyze(doc).findings;
      return { findings, tree: new WeakRef(doc.host.json!.root!) };
    };
    const { findings, tree } = analyse();
    assert.ok(findings.some((f) => Object.getOwnPropertyDescriptor(f, 'fixes')?.get), 'fixes still pending');
    // The JSON reader keeps the last tree of each path (parse/jsonReuse.ts, bounded): forgotten
    // here, so that only the findings could still hold it.
    clearJsonReuse();
    await collectGarbage();
    assert.equal(tree.deref(), undefined, 'the tree was collected');
    assert.ok(withFixes(findings).length > 0, 'and the fixes can still be read');
  });
});
