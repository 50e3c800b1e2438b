// Generates the README's rule table from the engine's rule list, between the markers
// `<!-- rules:start -->` and `<!-- rules:end -->`. `npm run docs` rewrites it; a unit test fails
// when the README is out of date, so the table never drifts from the code.
import * as fs from 'fs';
import * as path from 'path';
import { allRules } from '../server/src/engine';

const CATEGORY_NAMES: Record<string, string> = {
  syntax: 'Strict JSON',
  grammar: 'IAM grammar',
  reference: 'AWS reference data',
  values: 'Values (ARN fields, placeholders)',
  security: 'Security',
  connect: 'Amazon Connect',
  deny: 'Explicit Deny',
};

export const README = path.join(__dirname, '..', 'README.md');

export function ruleTable(): string {
  const lines = ['| Rule | Default | Category | What it finds |', '|---|---|---|---|'];
  for (const r of allRules) {
    lines.push(`| [\`${r.id}\`](docs/rules/${r.id}.md) | ${r.defaultSeverity} | ${CATEGORY_NAMES[r.category] ?? r.category} | ${r.title.replace(/\|/g, '\\|')} |`);
  }
  return lines.join('\n');
}

/** `text` with `body` between the markers `<!-- name:start -->` and `<!-- name:end -->`: the
 *  generated parts of the README (the rule table, the Connect summary). */
export function withGenerated(text: string, name: string, body: string): string {
  const [startMark, endMark] = [`<!-- ${name}:start -->`, `<!-- ${name}:end -->`];
  const start = text.indexOf(startMark);
  const end = text.indexOf(endMark);
  if (start < 0 || end < start) throw new Error(`README.md lacks the ${startMark} … ${endMark} markers`);
  return `${text.slice(0, start + startMark.length)}\n${body}\n${text.slice(end)}`;
}

/** The README text with a freshly generated table. */
export function withRuleTable(readme: string): string {
  return withGenerated(readme, 'rules', ruleTable());
}

if (require.main === module) {
  fs.writeFileSync(README, withRuleTable(fs.readFileSync(README, 'utf8')));
  console.log(`README.md: ${allRules.length} rules`);
}
