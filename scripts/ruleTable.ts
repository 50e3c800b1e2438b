// The README's rule table, generated from the rules' metadata between the markers
// `<!-- rules:start -->` and `<!-- rules:end -->`. `npm run sync` (scripts/sync.ts) rewrites it;
// a unit test fails when the README is out of date, so the table never drifts from the code.
import * as path from 'path';
import { allRules } from '../server/src/engine';
import { Rule } from '../server/src/engine/rules/rule';
import { FAMILY_NAMES } from './ruleDocs';

export const README = path.join(__dirname, '..', 'README.md');

/** Whether the rule offers a quick fix and whether *Fix all safely* applies it (the rule's page says
 *  what it does and when). */
function fixCell(r: Rule): string {
  if (!r.fix) return '—';
  return r.fix.safe === true ? 'safe' : r.fix.safe ? 'yes, sometimes safe' : 'yes';
}

export function ruleTable(): string {
  const lines = ['| Rule | Default | Category | Quick fix | What it finds |', '|---|---|---|---|---|'];
  for (const r of allRules) {
    lines.push(`| [\`${r.id}\`](docs/rules/${r.id}.md) | ${r.defaultSeverity} | ${FAMILY_NAMES[r.category]} | ${fixCell(r)} | ${r.title.replace(/\|/g, '\\|')} |`);
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
