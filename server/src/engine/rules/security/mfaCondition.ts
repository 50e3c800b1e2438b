// deny-mfa-bool-without-if-exists: a Deny on `"Bool": {"aws:MultiFactorAuthPresent": "false"}`.
// Requests signed with long-term access keys carry no aws:MultiFactorAuthPresent at all, so Bool
// finds no "false" to match and the Deny lets them through. AWS recommends BoolIfExists here
// (IAM User Guide, "AWS global condition context keys", aws:MultiFactorAuthPresent).
import { Rule } from '../rule';
import { renameOperatorFix } from '../grammar/conditionValues';
import { keyRange } from './statements';

export const denyMfaBoolWithoutIfExists: Rule = {
  id: 'deny-mfa-bool-without-if-exists',
  scope: 'statement',
  defaultSeverity: 'warning',
  category: 'security',
  title: 'A Deny tests aws:MultiFactorAuthPresent "false" with Bool instead of BoolIfExists.',
  fix: { summary: 'change `Bool` to `BoolIfExists` (when the key is alone under its operator)', safe: false },
  check({ doc, report }) {
    for (const s of doc.statements) {
      if (s.effect?.value !== 'Deny') continue;
      for (const c of s.conditions) {
        if (c.operator.name !== 'Bool' || c.key.name.toLowerCase() !== 'aws:multifactorauthpresent') continue;
        if (!c.values.some((v) => v.text.toLowerCase() === 'false')) continue;
        const fix = renameOperatorFix(s, c, 'BoolIfExists');
        report({
          message: 'This Deny misses requests made with long-term access keys: they carry no aws:MultiFactorAuthPresent. Use BoolIfExists, so that requests without the key are denied too.',
          range: keyRange(c.operator),
          related: [{ range: keyRange(c.key), message: c.key.name }],
          fixes: fix ? [fix] : undefined,
        });
      }
    }
  },
};
