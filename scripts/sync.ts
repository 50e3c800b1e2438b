// `npm run sync`: regenerates everything that is derived from the code, so adding a rule is one
// rule file, its docs page and its test. From the rules' metadata: each docs page's header
// (docs/rules/<id>.md, between its markers), the README's rule table and the `connectIam.rules`
// setting in package.json. From the Connect table: docs/connect-coverage.md and the README's
// Connect summary. From the templates: the snippets and the JSON schemas.
// `--check` writes nothing and exits 1 when anything is stale; test/unit/ruleCatalog.test.ts runs
// the same comparison (`staleParts`), so a stale file fails `npm test`.
import * as fs from 'fs';
import * as path from 'path';
import { allRules } from '../server/src/engine';
import { coveragePage, coverageSummary } from './connectCoverage';
import { generatedFiles, ruleSettingProperties } from './contributes';
import { documentedIds, pagePath, withPageHeader } from './ruleDocs';
import { withGenerated, withRuleTable } from './ruleTable';

const ROOT = path.join(__dirname, '..');

/** One generated file or part of one: its next content given its current one. */
export interface GeneratedPart {
  /** Relative to the repository root. */
  file: string;
  update(current: string): string;
}

export function generatedParts(): GeneratedPart[] {
  return [
    // Pages that exist only: a missing page is written by hand (see `problems`).
    ...allRules.filter((r) => fs.existsSync(pagePath(r.id))).map((r) => ({
      file: path.relative(ROOT, pagePath(r.id)),
      update: (page: string) => withPageHeader(page, r),
    })),
    { file: 'README.md', update: (readme: string) => withGenerated(withRuleTable(readme), 'connect', coverageSummary()) },
    { file: 'docs/connect-coverage.md', update: () => coveragePage() },
    ...Object.entries(generatedFiles()).map(([file, content]) => ({ file, update: () => content })),
    { file: 'package.json', update: withRuleSettings },
  ];
}

/** package.json with the `connectIam.rules` setting listing exactly the rules there are. */
function withRuleSettings(current: string): string {
  const pkg = JSON.parse(current);
  const rules = pkg.contributes?.configuration?.properties?.['connectIam.rules'];
  if (!rules) throw new Error('package.json has no contributes.configuration.properties["connectIam.rules"]');
  rules.properties = ruleSettingProperties();
  // npm's layout (2 spaces, final newline), so the diff shows only what changed.
  return JSON.stringify(pkg, null, 2) + '\n';
}

/** What sync cannot generate: a rule without a docs page, a page without a rule. */
export function problems(): string[] {
  const ids = new Set(allRules.map((r) => r.id));
  return [
    ...allRules.filter((r) => !fs.existsSync(pagePath(r.id))).map((r) => `docs/rules/${r.id}.md is missing: write the rule's page (What it finds, Why it matters, How to fix, Example)`),
    ...documentedIds().filter((id) => !ids.has(id)).map((id) => `docs/rules/${id}.md documents no rule: remove it, or rename it to the rule's id`),
  ];
}

const read = (file: string) => {
  const abs = path.join(ROOT, file);
  return fs.existsSync(abs) ? fs.readFileSync(abs, 'utf8') : '';
};

/** The files whose generated part is out of date. */
export function staleParts(): string[] {
  return generatedParts().filter((p) => { const current = read(p.file); return p.update(current) !== current; }).map((p) => p.file);
}

function main(check: boolean): number {
  let ok = true;
  for (const p of generatedParts()) {
    const current = read(p.file);
    const next = p.update(current);
    if (next === current) continue;
    if (check) {
      console.error(`${p.file} is out of date: run npm run sync`);
      ok = false;
    } else {
      fs.writeFileSync(path.join(ROOT, p.file), next);
      console.log(`updated ${p.file}`);
    }
  }
  for (const problem of problems()) {
    console.error(problem);
    ok = false;
  }
  return ok ? 0 : 1;
}

if (require.main === module) process.exitCode = main(process.argv.includes('--check'));
