// `Sid`: unique across the policy, only letters and digits in identity policies, not empty.
import { ValueItem } from '../../parse/policyModel';
import { replaceValueFix } from '../../fixes/edits';
import { Rule } from '../rule';

const IDENTITY_SID = /^[A-Za-z0-9]*$/;

/** `Read call-recordings` → `ReadCallRecordings`: the words kept readable without separators. */
function camelCase(sid: string): string {
  return sid.split(/[^A-Za-z0-9]+/).map((w, i) => (i === 0 ? w : w.charAt(0).toUpperCase() + w.slice(1))).join('');
}

export const sidDuplicate: Rule = {
  id: 'sid-duplicate',
  defaultSeverity: 'error',
  category: 'grammar',
  title: 'Two statements have the same Sid.',
  check({ doc, report }) {
    const seen = new Map<string, ValueItem>();
    for (const s of doc.statements) {
      const sid = s.sid;
      if (!sid || typeof sid.value !== 'string' || sid.value === '') continue; // empty: sid-empty
      const first = seen.get(sid.value);
      if (!first) {
        seen.set(sid.value, sid);
        continue;
      }
      report({
        message: `Sid "${sid.value}" is already used by an earlier statement. IAM requires every Sid in a policy to be unique: rename this one.`,
        range: sid.range,
        related: [{ range: first.range, message: `First Sid "${sid.value}"` }],
      });
    }
  },
};

export const sidInvalidCharacters: Rule = {
  id: 'sid-invalid-characters',
  defaultSeverity: 'error',
  category: 'grammar',
  title: 'A Sid of an identity policy has characters other than ASCII letters and digits.',
  fix: { summary: 'remove the characters a Sid may not have, when no other statement has that Sid', safe: true },
  check({ doc, report }) {
    // Resource policies (S3, SNS, SQS…) accept spaces and punctuation in Sids.
    if (doc.kind !== 'identity') return;
    // Built on the first Sid to fix only: nearly every document has none.
    let taken: Set<unknown> | undefined;
    for (const s of doc.statements) {
      const sid = s.sid;
      if (!sid || typeof sid.value !== 'string' || IDENTITY_SID.test(sid.value)) continue;
      const cleaned = camelCase(sid.value);
      const bad = [...new Set(sid.value.replace(/[A-Za-z0-9]/g, ''))].map((c) => (c === ' ' ? 'a space' : `${c}`));
      report({
        message: `Sid "${sid.value}" contains ${bad.join(', ')}, and IAM rejects the policy. In identity policies a Sid may hold only ASCII letters and digits.${cleaned ? ` Use "${cleaned}".` : ''}`,
        range: sid.range,
        // A Sid is a label: changing it cannot change what the policy grants.
        fixes: cleaned && !(taken ??= new Set(doc.statements.map((t) => t.sid?.value))).has(cleaned) ? [replaceValueFix(`Change the Sid to "${cleaned}"`, sid, cleaned, { safe: true })] : undefined,
      });
    }
  },
};

export const sidEmpty: Rule = {
  id: 'sid-empty',
  scope: 'statement',
  defaultSeverity: 'information',
  category: 'grammar',
  title: 'A Sid is an empty string.',
  check({ doc, report }) {
    for (const s of doc.statements) {
      if (s.sid?.value !== '') continue;
      report({
        message: 'The Sid is empty: it labels nothing. Give the statement a descriptive Sid (e.g. "AllowRecordingUploads") or remove the Sid element.',
        range: s.sid.range,
      });
    }
  },
};
