// The shape of a rule. A rule reads the policy model and reports findings through its context;
// it never formats output and never decides severity (the engine applies settings).
import { PolicyDocument } from '../parse/policyModel';
import { Finding, RuleMeta } from '../types';

/** What a rule reports: a finding without its ruleId and severity (the engine adds both). */
export type Report = Omit<Finding, 'ruleId' | 'severity'>;

export interface RuleContext {
  doc: PolicyDocument;
  report(finding: Report): void;
}

export interface Rule extends RuleMeta {
  check(ctx: RuleContext): void;
}
