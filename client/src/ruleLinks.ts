// The pure part of the rule actions (no `vscode`, so unit tests and build scripts load it): the
// command link to a rule's page, and the setting values that turn a rule off.

export const SHOW_RULE_DOCS_COMMAND = 'connectIam.showRuleDocs';
export const DISABLE_RULE_COMMAND = 'connectIam.disableRule';
export const GO_TO_LOCATION_COMMAND = 'connectIam.goToLocation';

/** A `command:` link that opens the rule's page inside VS Code (Markdown preview). VS Code opens
 *  a diagnostic's code link, and settings' Markdown links, with command links allowed. */
export function ruleDocsCommandUri(ruleId: string): string {
  return `command:${SHOW_RULE_DOCS_COMMAND}?${encodeURIComponent(JSON.stringify([ruleId]))}`;
}

/** Rule IDs are kebab-case words: anything else must not become a path. */
export function isRuleId(value: unknown): value is string {
  return typeof value === 'string' && /^[a-z0-9]+(-[a-z0-9]+)*$/.test(value);
}

/** The page of a rule inside the extension folder, as path segments. */
export function ruleDocsSegments(ruleId: string): string[] {
  return ['docs', 'rules', `${ruleId}.md`];
}

type RuleLevels = Readonly<Record<string, unknown>>;

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** `connectIam.rules` with the rule turned off, keeping everything else the user wrote. */
export function rulesWithRuleOff(current: unknown, ruleId: string): RuleLevels {
  return { ...(isRecord(current) ? current : {}), [ruleId]: 'off' };
}

/** A path as a glob that matches only itself (picomatch: a backslash escapes the next character). */
export function globForPath(path: string): string {
  return path.replace(/[\\*?[\]{}()!+@]/g, (c) => `\\${c}`);
}

/** `connectIam.fileRules` with the rule turned off for the glob, keeping everything else. */
export function fileRulesWithRuleOff(current: unknown, glob: string, ruleId: string): Record<string, RuleLevels> {
  const all = isRecord(current) ? (current as Record<string, RuleLevels>) : {};
  return { ...all, [glob]: rulesWithRuleOff(all[glob], ruleId) };
}
