// The `connectIam.fileRules` setting: rule levels for some files only, e.g.
//   "connectIam.fileRules": { "policies/legacy/*.json": { "placeholder-value": "off" } }
// Keys are globs written like `connectIam.files` (relative to the workspace folder; a pattern
// without a slash matches the file name in any folder). A file takes `connectIam.rules`, then the
// levels of every glob that matches it, in the order the setting lists them (later ones win).
import type { RuleSetting } from '../engine';
import { FileGlobs } from './fileGlobs';
import type { Settings } from './settings';
import { normalizeRuleSettings } from './settings';

export type FileRules = readonly { glob: string; rules: Readonly<Record<string, RuleSetting>> }[];

/** Bounded: a settings object is the user's, but nobody writes thousands of globs. */
const MAX_GLOBS = 1_000;

export function normalizeFileRules(raw: unknown): FileRules {
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) return [];
  return Object.entries(raw)
    .slice(0, MAX_GLOBS)
    .filter(([glob]) => glob.trim() !== '')
    .map(([glob, rules]) => ({ glob, rules: normalizeRuleSettings(rules) }));
}

/** The rule levels that apply to the document at `uri`. */
export function rulesFor(uri: string, settings: Settings, globs: FileGlobs): Record<string, RuleSetting> {
  const matching = settings.fileRules.filter((entry) => globs.matches(uri, [entry.glob]));
  return matching.length === 0 ? settings.rules : Object.assign({}, settings.rules, ...matching.map((m) => m.rules));
}
