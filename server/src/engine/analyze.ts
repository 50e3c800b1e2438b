// Runs every rule over the policy model and applies the user's rule settings.
import { dropFixesOnBrokenJson } from './fixes/guard';
import { parsePolicy, PolicyDocument } from './parse/policyModel';
import { allRules } from './rules';
import { Report } from './rules/rule';
import { AnalysisResult, AnalyzeOptions, Finding } from './types';

export function analyzeDocument(doc: PolicyDocument, options: AnalyzeOptions = {}): AnalysisResult {
  if (!doc.isPolicy) return { isPolicy: false, kind: doc.kind, findings: [] };
  const findings: Finding[] = [];
  for (const rule of allRules) {
    const setting = options.rules?.[rule.id];
    if (setting === 'off') continue;
    const severity = setting ?? rule.defaultSeverity;
    const report = (r: Report) => findings.push({ ruleId: rule.id, severity, ...r });
    try {
      rule.check({ doc, report });
    } catch (err) {
      // A rule bug must never take the whole analysis (or the editor) down with it.
      findings.push({
        ruleId: 'internal-error',
        severity: 'information',
        message: `Rule ${rule.id} failed on this document and was skipped: ${(err as Error)?.message ?? err}. Please report it.`,
        range: { start: 0, end: 0 },
      });
    }
  }
  dropFixesOnBrokenJson(doc.json, findings);
  findings.sort((a, b) => a.range.start - b.range.start || a.range.end - b.range.end);
  return { isPolicy: true, kind: doc.kind, findings };
}

/** Analyse policy text. Non-policy JSON gets `isPolicy: false` and no findings. */
export function analyze(text: string, options: AnalyzeOptions = {}): AnalysisResult {
  return analyzeDocument(parsePolicy(text, { forcePolicy: options.forcePolicy, kind: options.kind }), options);
}
