// Public types of the analysis engine. The engine takes text and returns plain data: nothing here
// knows about LSP or VS Code, so the CLI, the language server and the tests share one vocabulary.

/** Severity policy: error = IAM rejects it or it can never work; warning = almost surely a
 *  mistake or a security risk; information = a suggestion. */
export type Severity = 'error' | 'warning' | 'information' | 'hint';

/** A per-rule setting: a severity, or `off`. */
export type RuleSetting = Severity | 'off';

/** Half-open character range [start, end) in the document text (UTF-16 offsets). */
export interface OffsetRange {
  start: number;
  end: number;
}

export interface TextEdit {
  range: OffsetRange;
  newText: string;
}

export interface Fix {
  /** What the fix does, shown as the quick-fix title. */
  title: string;
  edits: TextEdit[];
  /** The best fix for its finding (one per finding at most). */
  isPreferred?: boolean;
  /** Safe to apply without looking (used by fix-all): it cannot change what the policy grants
   *  beyond what the finding's message says. */
  safe?: boolean;
}

export interface RelatedLocation {
  range: OffsetRange;
  message: string;
}

export type FindingTag = 'unnecessary' | 'deprecated';

export interface Finding {
  /** Stable kebab-case identifier; also the docs page name `docs/rules/<ruleId>.md`. */
  ruleId: string;
  severity: Severity;
  /** Names the exact offending thing and what to do about it. */
  message: string;
  /** The offending token (a key or a value, or a field inside an ARN), never a whole statement. */
  range: OffsetRange;
  related?: RelatedLocation[];
  fixes?: Fix[];
  tags?: FindingTag[];
  /** Extra machine-readable facts (e.g. suggested value) for tools. */
  data?: Record<string, unknown>;
}

export type PolicyKind = 'identity' | 'resource';

export interface AnalyzeOptions {
  /** Per-rule severity overrides or `off`. */
  rules?: Record<string, RuleSetting>;
  /** Force the document kind; by default a statement with Principal/NotPrincipal makes a
   *  resource policy, anything else an identity policy. */
  kind?: PolicyKind;
  /** Analyse even when the root object has no `Statement` (e.g. the user's glob says it is a
   *  policy). Non-policy JSON is otherwise left alone. */
  forcePolicy?: boolean;
  /** Asked before each rule runs (on each statement, for statement rules): true abandons the
   *  analysis, which then throws `AnalysisStopped`. The language server's worker passes a flag
   *  the main thread sets when a newer version of the document supersedes this one. */
  shouldStop?: () => boolean;
}

export interface AnalysisResult {
  /** False for JSON that is not a policy: then `findings` is empty. */
  isPolicy: boolean;
  kind: PolicyKind;
  findings: Finding[];
}

export type RuleCategory =
  | 'syntax'
  | 'grammar'
  | 'reference'
  | 'values'
  | 'security'
  | 'connect'
  | 'deny';

/** The quick fix a rule offers, as its docs page header says it. */
export interface RuleFixMeta {
  /** What the fix does, in a few lower-case words ("remove the comma"). */
  summary: string;
  /** Whether fix-all applies it (its fixes are marked `safe`): `true` always, `false` never (the
   *  user chooses), or the condition under which it does ("when only the letter case differs"). */
  safe: boolean | string;
}

/** Metadata of one rule, the single source of what the docs page headers, the README rule table,
 *  the `connectIam.rules` setting and the CLI's SARIF output say about it (`npm run sync`
 *  regenerates them; test/unit/ruleCatalog.test.ts fails when one is stale). */
export interface RuleMeta {
  /** Kebab-case; also the docs page `docs/rules/<id>.md` and the setting's key. */
  id: string;
  defaultSeverity: Severity;
  /** The family: the folder `rules/<family>/` (the host rules keep the family of what they judge). */
  category: RuleCategory;
  /** One sentence: what the rule finds (README table, settings, the docs page's summary line). */
  title: string;
  /** The quick fix it offers; absent when it offers none. */
  fix?: RuleFixMeta;
  /** Why it offers no quick fix, when that is worth saying ("the ARNs are yours to name"). */
  noFix?: string;
  /** `statement`: the rule's findings on a document are the union of its findings on each
   *  statement alone, so the engine may judge (and cache) statements one by one
   *  (engine/incremental/statementCache.ts). Default `document`: the rule reads several
   *  statements or the document itself. */
  scope?: RuleScope;
}

/** How much of a document a rule reads to judge one place (see RuleMeta.scope). */
export type RuleScope = 'statement' | 'document';
