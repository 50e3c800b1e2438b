// The generated part of each rule's docs page (docs/rules/<id>.md): its heading and header, from
// the rule's metadata (server/src/engine/types.ts RuleMeta). `npm run sync` rewrites the header
// and leaves the hand-written sections (What it finds, Why it matters, How to fix, Example) alone;
// test/unit/ruleCatalog.test.ts fails when a header is stale.
import * as fs from 'fs';
import * as path from 'path';
import { Rule } from '../server/src/engine/rules/rule';

export const RULE_DOCS = path.join(__dirname, '..', 'docs', 'rules');

/** The families' names as the README table and the page headers show them. */
export const FAMILY_NAMES: Record<Rule['category'], string> = {
  syntax: 'Strict JSON',
  grammar: 'IAM grammar',
  reference: 'AWS reference data',
  values: 'Values (ARN fields, placeholders)',
  security: 'Security',
  connect: 'Amazon Connect',
  deny: 'Explicit Deny',
};

const START = '<!-- header:start: generated from the rule\'s metadata by `npm run sync`; edit the rule, not these lines -->';
const END = '<!-- header:end -->';

/** The header's "Quick fix" part: what the fix does and whether fix-all applies it. */
export function quickFixText(rule: Rule): string {
  if (!rule.fix) return rule.noFix ? `none (${rule.noFix})` : 'none';
  const { summary, safe } = rule.fix;
  if (safe === true) return `${summary} (*Fix all safely* applies it)`;
  if (safe) return `${summary} (*Fix all safely* applies it ${safe})`;
  return summary;
}

/** The page's generated top: heading, the rule's one-sentence summary, severity, family, quick fix. */
export function pageHeader(rule: Rule): string {
  return [
    `# ${rule.id}`,
    '',
    START,
    rule.title,
    '',
    `**Default severity:** ${rule.defaultSeverity} · **Family:** ${FAMILY_NAMES[rule.category]} · **Quick fix:** ${quickFixText(rule)}`,
    END,
  ].join('\n');
}

/** `page` with a fresh header. A page without the markers (a new page) gets the header in place of
 *  whatever precedes its first `## ` section. */
export function withPageHeader(page: string, rule: Rule): string {
  const end = page.indexOf(END);
  let rest: string;
  if (end >= 0) rest = page.slice(end + END.length);
  else {
    const firstSection = page.search(/^## /m);
    rest = firstSection < 0 ? `\n${page}` : `\n\n${page.slice(firstSection)}`;
  }
  return `${pageHeader(rule)}${rest}`;
}

export const pagePath = (ruleId: string) => path.join(RULE_DOCS, `${ruleId}.md`);

/** The ids of the pages in docs/rules/. */
export function documentedIds(): string[] {
  return fs.readdirSync(RULE_DOCS).filter((f) => f.endsWith('.md')).map((f) => f.slice(0, -'.md'.length)).sort();
}

/** A page's example and its corrected version: the first fenced block of its Example section,
 *  and the first one after its "Corrected" line, with the file name their fence language implies
 *  (for analyzeHost). */
export interface PageExample {
  lang: string;
  path: string;
  example: string;
  corrected?: string;
}

const PATH_OF_LANG: Record<string, string> = { json: 'policy.json', jsonc: 'policy.jsonc', yaml: 'template.yaml', hcl: 'main.tf' };

export function pageExample(page: string): PageExample | undefined {
  const start = page.search(/^## Example\b/m);
  if (start < 0) return undefined;
  const section = page.slice(start).split(/^## (?!Example)/m)[0];
  const blocks = [...section.matchAll(/^```(\w*)\n([\s\S]*?)^```/gm)];
  if (!blocks.length) return undefined;
  const correctedAt = section.search(/^Corrected\b/m);
  const corrected = correctedAt < 0 ? undefined : blocks.find((b) => (b.index ?? 0) > correctedAt);
  const lang = blocks[0][1];
  return { lang, path: PATH_OF_LANG[lang] ?? 'policy.json', example: blocks[0][2], corrected: corrected?.[2] };
}
