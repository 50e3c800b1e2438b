// The `connectIam` settings as the server uses them. Clients send whatever the user typed, so every
// value is checked and replaced by its default when it has the wrong shape.
import { RuleSetting } from '../engine';
import { FileRules, normalizeFileRules } from './fileRules';

export interface Settings {
  enable: boolean;
  rules: Record<string, RuleSetting>;
  /** `connectIam.fileRules`: rule settings for the files a glob matches, over `rules`. */
  fileRules: FileRules;
  files: string[];
  /** Documents longer than this (in characters) are not analysed. */
  maxDocumentSize: number;
  debounceMs: number;
}

export const DEFAULT_SETTINGS: Readonly<Settings> = Object.freeze({
  enable: true,
  rules: {},
  fileRules: [],
  files: [],
  // What the server analyses within about half a second on a loaded 2-core machine (managed-policy
  // statements: 1.2 MB in 420 ms, 2.3 MB in 1.1 s, 4.7 MB in 5 s; see docs/performance.md).
  maxDocumentSize: 1_000_000,
  debounceMs: 150,
});

const RULE_SETTINGS: readonly string[] = ['off', 'error', 'warning', 'information', 'hint'];

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function nonNegative(value: unknown, fallback: number): number {
  return typeof value === 'number' && Number.isFinite(value) && value >= 0 ? value : fallback;
}

/** Settings from the raw `connectIam` section (any JSON value, possibly null). */
export function normalizeSettings(raw: unknown): Settings {
  const r = isRecord(raw) ? raw : {};
  return {
    enable: typeof r.enable === 'boolean' ? r.enable : DEFAULT_SETTINGS.enable,
    rules: normalizeRuleSettings(r.rules),
    fileRules: normalizeFileRules(r.fileRules),
    files: Array.isArray(r.files) ? r.files.filter((f): f is string => typeof f === 'string' && f.length > 0) : [],
    maxDocumentSize: nonNegative(r.maxDocumentSize, DEFAULT_SETTINGS.maxDocumentSize),
    debounceMs: nonNegative(r.debounceMs, DEFAULT_SETTINGS.debounceMs),
  };
}

/** A `{ ruleId: level }` object as typed by the user: unknown levels are dropped. */
export function normalizeRuleSettings(raw: unknown): Record<string, RuleSetting> {
  const rules: Record<string, RuleSetting> = {};
  if (!isRecord(raw)) return rules;
  for (const [id, value] of Object.entries(raw)) {
    // Accept `"Warning"` as well as `"warning"`: a capital letter should not silently do nothing.
    const v = typeof value === 'string' ? value.toLowerCase() : undefined;
    if (v !== undefined && RULE_SETTINGS.includes(v)) rules[id] = v as RuleSetting;
  }
  return rules;
}

/** The `connectIam` section inside a `workspace/didChangeConfiguration` payload or initialization
 *  options, which clients shape either as `{ connectIam: {...} }` or as the section itself. */
export function sectionOf(payload: unknown): unknown {
  if (!isRecord(payload)) return undefined;
  return isRecord(payload.connectIam) ? payload.connectIam : undefined;
}

/** Settings as an untrusted workspace may have them: its globs are ignored (a pattern is work the
 *  workspace makes the server do on every document), the size limit can only be lowered and the
 *  debounce only raised. Rules stay: turning a rule off or up costs nothing. */
export function restrictForUntrusted(s: Settings): Settings {
  return {
    ...s,
    files: [],
    maxDocumentSize: Math.min(s.maxDocumentSize, DEFAULT_SETTINGS.maxDocumentSize),
    debounceMs: Math.max(s.debounceMs, DEFAULT_SETTINGS.debounceMs),
  };
}
