// action-redundant and resource-redundant: an entry of Action/NotAction or Resource/NotResource
// that another entry of the same statement already covers (s3:GetObject beside s3:Get*, a repeated
// ARN). Access Analyzer's "Redundant action" and "Redundant resource". Removing it changes nothing
// the statement grants or denies, so the fix is safe. Actions compare case-insensitively (as IAM
// matches them), resources case-sensitively. Values with policy variables are left alone: what
// they cover is known only at request time, and so are template values (a CloudFormation !Sub
// whose parameters are masked): two masked values may name different things.
import { hostFacts, ValueItem } from '../../parse/policyModel';
import { patternCovers } from '../../reference/wildcard';
import { Rule } from '../rule';
import { removeArrayElementEdit } from '../security/arrayEdits';

/** The largest list compared pairwise (AWS managed policies list up to a few hundred actions). */
const MAX_ITEMS = 2000;

/** Work done, for the scaling tests: patterns weighed against a value. */
export const redundantWork = { candidates: 0 };

/** Entries covered by another entry: for two equal entries, the later one. Linear in the entries'
 *  characters and the patterns that can cover them: a pattern covers a value only if the value
 *  starts with the pattern's text before its first wildcard, so the patterns are filed by that
 *  text and each value looks up its own beginnings (one lookup per literal length) instead of meeting
 *  every pattern of the list (a statement of 2,000 actions, half of them wildcards, made a million
 *  such tests). */
function redundant(items: ValueItem[], caseInsensitive: boolean): { item: ValueItem; by: ValueItem }[] {
  const norm = (v: string) => (caseInsensitive ? v.toLowerCase() : v);
  const strings = items
    .filter((i): i is ValueItem & { value: string } => typeof i.value === 'string' && !i.value.includes('${') && !hostFacts(i.node).masked && !hostFacts(i.node).intrinsic)
    .map((item, index) => ({ item, index, v: norm(item.value) }));
  if (strings.length < 2 || strings.length > MAX_ITEMS) return [];
  const patterns = strings.filter((x) => /[*?]/.test(x.v)).map((x) => ({ ...x, literal: x.v.split(/[*?]/)[0] }));
  const byLiteral = new Map<string, typeof patterns>();
  for (const p of patterns) {
    const list = byLiteral.get(p.literal);
    if (list) list.push(p);
    else byLiteral.set(p.literal, [p]);
  }
  // Only beginnings as long as some pattern's literal text can be one (a slice and a lookup per
  // character of every value was most of this rule's time), shortest first.
  const lengths = [...new Set(patterns.map((p) => p.literal.length))].sort((a, b) => a - b);
  /** The patterns whose literal text begins `v`, in list order (the order `find` met them in). */
  const candidates = (v: string) => {
    let out: typeof patterns | undefined;
    let lists = 0;
    for (const k of lengths) {
      if (k > v.length) break;
      const list = byLiteral.get(k === v.length ? v : v.slice(0, k));
      if (!list) continue;
      out = lists++ === 0 ? list : [...out!, ...list];
    }
    if (lists > 1) out!.sort((a, b) => a.index - b.index);
    redundantWork.candidates += out?.length ?? 0;
    return out ?? [];
  };
  const first = new Map<string, ValueItem>();
  const out: { item: ValueItem; by: ValueItem }[] = [];
  for (const { item, index, v } of strings) {
    const twin = first.get(v);
    if (twin) {
      out.push({ item, by: twin });
      continue;
    }
    first.set(v, item);
    // Two patterns that cover each other (`a*`, `a**`): only the later one is redundant, so that
    // removing every redundant entry never removes both.
    const by = candidates(v).find((p) => p.v !== v && patternCovers(p.v, v, caseInsensitive)
      && !(patternCovers(v, p.v, caseInsensitive) && p.index > index));
    if (by) out.push({ item, by: by.item });
  }
  return out;
}

function redundantRule(id: string, what: 'action' | 'resource'): Rule {
  return {
    id,
    scope: 'statement',
    defaultSeverity: 'information',
    category: 'reference',
    title: `${what === 'action' ? 'An action' : 'A resource'} entry that another entry of the same statement already covers.`,
    fix: { summary: 'remove the entry', safe: true },
    check({ doc, report }) {
      for (const s of doc.statements) {
        const items = what === 'action' ? s.actions : s.resources;
        for (const { item, by } of redundant(items, what === 'action')) {
          const edit = removeArrayElementEdit(item.node);
          report({
            message: `${item.text} is redundant. ${by.text === item.text ? 'It is listed twice' : `${by.text} already covers it`}: remove it.`,
            range: item.range,
            related: [{ range: by.range, message: by.text }],
            tags: ['unnecessary'],
            fixes: edit ? [{ title: `Remove ${item.text}`, edits: [edit], isPreferred: true, safe: true }] : undefined,
          });
        }
      }
    },
  };
}

export const actionRedundant = redundantRule('action-redundant', 'action');
export const resourceRedundant = redundantRule('resource-redundant', 'resource');
