// The rules' metadata is the single source of what the docs, the README and the settings say about
// them: every generated part is current (`npm run sync` regenerates them), in both directions (a
// rule without a page, a page without a rule, a setting for a removed rule), and what the metadata
// claims about quick fixes holds on each docs page's example.
import { before, describe, it } from 'node:test';
import * as assert from 'node:assert/strict';
import * as fs from 'fs';
import * as path from 'path';
import { allRules, analyzeHost, Finding, loadHclParser } from '../../server/src/engine';
import { Rule } from '../../server/src/engine/rules/rule';
import { documentedIds, pageExample, pageHeader, pagePath, withPageHeader } from '../../scripts/ruleDocs';
import { generatedParts, problems, staleParts } from '../../scripts/sync';
import { ruleTable } from '../../scripts/ruleTable';
import { readFixture, ROOT } from '../helpers';

/** Every rule a module under rules/ exports, alone or in a list (a rule is anything with an id and a check). */
function exportedRules(): { file: string; rule: Rule }[] {
  const dir = path.join(ROOT, 'server', 'src', 'engine', 'rules');
  const isRule = (v: unknown): v is Rule => typeof v === 'object' && v !== null && typeof (v as Rule).id === 'string' && typeof (v as Rule).check === 'function';
  const out: { file: string; rule: Rule }[] = [];
  for (const file of fs.readdirSync(dir, { recursive: true, encoding: 'utf8' }).filter((f) => f.endsWith('.ts')).sort()) {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const mod: Record<string, unknown> = require(path.join(dir, file));
    for (const value of Object.values(mod)) for (const v of Array.isArray(value) ? value : [value]) if (isRule(v)) out.push({ file, rule: v });
  }
  return out;
}

describe('rule catalogue', () => {
  it('has unique kebab-case ids', () => {
    const ids = allRules.map((r) => r.id);
    assert.equal(new Set(ids).size, ids.length, 'duplicate rule ids');
    for (const id of ids) assert.match(id, /^[a-z0-9]+(-[a-z0-9]+)*$/);
  });

  it('runs every rule a rule module exports (a new file is listed in its family\'s index.ts)', () => {
    // By id: the engine may hand out its rules with more metadata than a module exports.
    const registered = new Set(allRules.map((r) => r.id));
    const exported = exportedRules();
    assert.ok(exported.length >= allRules.length);
    assert.deepEqual(exported.filter((e) => !registered.has(e.rule.id)).map((e) => `${e.file}: ${e.rule.id}`), []);
  });

  it('has a docs page for every rule and a rule for every docs page', () => {
    assert.deepEqual(problems(), []);
    assert.deepEqual(documentedIds(), allRules.map((r) => r.id).sort());
  });

  it('documents every rule with what, why, how to fix and an example', () => {
    for (const r of allRules) {
      const text = fs.readFileSync(pagePath(r.id), 'utf8');
      for (const section of ['What it finds', 'Why it matters', 'How to fix', 'Example']) {
        assert.match(text, new RegExp(`^## ${section}$`, 'm'), `${r.id}.md lacks the section "${section}"`);
      }
    }
  });

  it('keeps every generated file current (run `npm run sync`)', () => {
    assert.deepEqual(staleParts(), []);
  });

  it('lists in the connectIam.rules setting exactly the rules there are, with their default severities', () => {
    const pkg = JSON.parse(readFixture('package.json'));
    const listed: Record<string, { default: string }> = pkg.contributes.configuration.properties['connectIam.rules'].properties;
    assert.deepEqual(Object.fromEntries(Object.entries(listed).map(([id, p]) => [id, p.default])), Object.fromEntries(allRules.map((r) => [r.id, r.defaultSeverity])));
  });

  it('writes each docs page header from the metadata and keeps the hand-written sections', () => {
    const rule = allRules.find((r) => r.id === 'action-unknown')!;
    const page = readFixture('docs', 'rules', 'action-unknown.md');
    assert.ok(page.startsWith(pageHeader(rule)), 'the page starts with its generated header');
    assert.match(pageHeader(rule), /\*\*Default severity:\*\* warning · \*\*Family:\*\* AWS reference data · \*\*Quick fix:\*\* change to the nearest action name/);
    // A stale header (another severity, the old hand-kept line) is replaced; the sections stay.
    const sections = page.slice(page.indexOf('## What it finds'));
    const edited = withPageHeader(page, { ...rule, defaultSeverity: 'error' });
    assert.match(edited, /\*\*Default severity:\*\* error/);
    assert.ok(edited.endsWith(sections));
    const handKept = `# action-unknown\n\n**Default severity:** warning · **Quick fix:** whatever\n\n${sections}`;
    assert.equal(withPageHeader(handKept, rule), page);
  });

  it('notices a stale part in each generated file', () => {
    // Each generated file, emptied of its generated part, would be rewritten: none is generated
    // from nothing by accident and none escapes the check.
    const files = generatedParts().map((p) => p.file);
    for (const f of ['README.md', 'package.json', 'docs/connect-coverage.md', 'docs/rules/action-unknown.md', 'snippets/connect-iam.code-snippets']) assert.ok(files.includes(f), f);
    const readme = generatedParts().find((p) => p.file === 'README.md')!;
    const current = readFixture('README.md');
    const table = ruleTable();
    assert.ok(current.includes(table));
    const withoutRow = current.replace(/^\| \[`tf-ref-not-arn`\].*\n/m, '');
    assert.notEqual(withoutRow, current);
    assert.equal(readme.update(withoutRow), current);
    const pkg = generatedParts().find((p) => p.file === 'package.json')!;
    const manifest = JSON.parse(readFixture('package.json'));
    manifest.contributes.configuration.properties['connectIam.rules'].properties['removed-rule'] = { type: 'string', default: 'warning' };
    assert.equal(pkg.update(JSON.stringify(manifest, null, 2) + '\n'), readFixture('package.json'));
  });
});

describe('quick-fix metadata against each docs example', () => {
  before(() => loadHclParser());

  const findingsOnExample = (r: Rule): Finding[] => {
    const ex = pageExample(fs.readFileSync(pagePath(r.id), 'utf8'));
    assert.ok(ex, `${r.id}.md has an example`);
    const findings = analyzeHost(ex.example, { path: ex.path }).findings.filter((f) => f.ruleId === r.id);
    assert.ok(findings.length > 0, `the example of ${r.id}.md draws no ${r.id} finding`);
    return findings;
  };

  for (const r of allRules) {
    it(`${r.id}: ${r.fix ? `offers a fix${r.fix.safe === true ? ' that fix-all applies' : r.fix.safe === false ? ' fix-all leaves alone' : ''}` : 'offers no fix'}`, () => {
      const findings = findingsOnExample(r);
      const fixes = findings.flatMap((f) => f.fixes ?? []).filter((x) => x.edits.length > 0);
      if (!r.fix) {
        assert.deepEqual(fixes.map((x) => x.title), [], `${r.id} offers a fix on its docs example but its metadata claims none: add \`fix\``);
        return;
      }
      assert.ok(fixes.length > 0, `${r.id} claims a fix ("${r.fix.summary}") but offers none on its docs example`);
      const safe = fixes.filter((x) => x.safe).map((x) => x.title);
      // A condition ("when only the letter case differs") is checked by the rule's own tests.
      if (r.fix.safe === true) assert.ok(findings.every((f) => !f.fixes?.length || f.fixes.some((x) => x.safe)), `${r.id} claims its fix is safe, but a fix on the example is not`);
      if (r.fix.safe === false) assert.deepEqual(safe, [], `${r.id} claims fix-all leaves its fix alone, but the example's fix is marked safe`);
    });
  }
});
