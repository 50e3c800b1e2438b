// What the values under a condition operator say, beyond their type: Boolean keys given both
// true and false, wildcards under an exact-match operator, multivalued keys compared without a
// set qualifier, and private addresses in aws:SourceIp (Access Analyzer's "Invalid condition
// multiple Boolean", "Wildcard without like operator", "Missing qualifier", "Private IP address").
import { isIPv4, isIPv6 } from 'net';
import { ConditionKeyEntry, propertiesOf, Statement } from '../../parse/policyModel';
import { findConditionKey } from '../../reference/iamData';
import { operatorName, parseOperator, patternBase } from '../../reference/operators';
import { Fix } from '../../types';
import { Rule } from '../rule';
import { hasUnescapedWildcard } from '../../reference/variables';
import { keyRange, renameKeyFix } from './keys';

/** Rename the operator of `c` to `newName`, when that changes nothing else: the key is alone
 *  under its operator and no operator of that name exists beside it (a second one would be a
 *  duplicate key). */
export function renameOperatorFix(s: Statement, c: ConditionKeyEntry, newName: string): Fix | undefined {
  const alone = propertiesOf(c.operator.value).length === 1;
  const taken = propertiesOf(s.conditionProperty?.value).some((p) => p.name === newName);
  return alone && !taken ? renameKeyFix(c.operator, newName, false) : undefined;
}

export const conditionMultipleBoolean: Rule = {
  id: 'condition-multiple-boolean-values',
  scope: 'statement',
  defaultSeverity: 'warning',
  category: 'grammar',
  title: 'A Bool or Null condition lists both true and false.',
  noFix: 'which value you meant is yours to say',
  check({ doc, report }) {
    for (const s of doc.statements) {
      for (const c of s.conditions) {
        const op = parseOperator(c.operator.name);
        if (!op || (op.kind !== 'Bool' && op.kind !== 'Null') || op.prefix) continue;
        const seen = new Set(c.values.map((v) => v.text.toLowerCase()));
        if (!seen.has('true') || !seen.has('false')) continue;
        report({
          message: `${c.key.name} is compared with both true and false, so the condition tests nothing. Keep the one value you mean.`,
          range: keyRange(c.key),
        });
      }
    }
  },
};

export const conditionWildcardWithoutLike: Rule = {
  id: 'condition-wildcard-without-like',
  scope: 'statement',
  defaultSeverity: 'warning',
  category: 'grammar',
  title: 'A value with * or ? under StringEquals, which compares them literally.',
  fix: { summary: 'change `StringEquals` to `StringLike` (`StringNotEquals` to `StringNotLike`), keeping `ForAllValues:`/`ForAnyValue:` and `IfExists`, when the key is alone under its operator', safe: false },
  check({ doc, report }) {
    for (const s of doc.statements) {
      for (const c of s.conditions) {
        const op = parseOperator(c.operator.name);
        const like = op && patternBase(op.base);
        // connect:StorageResourceType has a rule of its own (connect-condition-value-wildcard-literal).
        if (!op || !like || c.key.name.toLowerCase() === 'connect:storageresourcetype') continue;
        // `${*}` and `${?}` are the escaped literal characters: the author meant them literally.
        const wild = c.values.find((v) => typeof v.value === 'string' && hasUnescapedWildcard(v.value));
        if (!wild) continue;
        const renamed = operatorName({ ...op, base: like });
        const fix = renameOperatorFix(s, c, renamed);
        report({
          message: `${c.operator.name} compares ${wild.text} literally, so * and ? match only themselves. Use ${renamed} for a pattern.`,
          range: wild.range,
          related: [{ range: keyRange(c.operator), message: c.operator.name }],
          fixes: fix ? [fix] : undefined,
        });
      }
    }
  },
};

/** "Multivalued context keys require a condition set operator" (IAM User Guide, "Single-valued
 *  vs. multivalued context keys"); the reference marks them with its ArrayOf… types. */
export const conditionMissingQualifier: Rule = {
  id: 'condition-missing-set-qualifier',
  scope: 'statement',
  defaultSeverity: 'warning',
  category: 'grammar',
  title: 'A multivalued condition key is compared without ForAllValues: or ForAnyValue:.',
  fix: { summary: 'add `ForAnyValue:` to the operator, when the key is alone under it', safe: false },
  check({ doc, report }) {
    for (const s of doc.statements) {
      for (const c of s.conditions) {
        const op = parseOperator(c.operator.name);
        if (!op || op.prefix || op.kind === 'Null') continue;
        const info = findConditionKey(c.key.name);
        if (!info?.type.startsWith('ArrayOf')) continue;
        const anyValue = operatorName({ ...op, prefix: 'ForAnyValue' });
        const fix = renameOperatorFix(s, c, anyValue);
        report({
          message: `${c.key.name} can hold several values, but ${c.operator.name} compares a single one. Say how the values are matched: ${anyValue} (any of them) or ForAllValues:${c.operator.name} (every one).`,
          range: keyRange(c.key),
          related: [{ range: keyRange(c.operator), message: c.operator.name }],
          fixes: fix ? [fix] : undefined,
        });
      }
    }
  },
};

/** Private and other non-public ranges (RFC 1918, loopback, link-local, IPv6 unique local and
 *  link-local). aws:SourceIp holds the public address a request comes from; a request through a
 *  VPC endpoint carries aws:VpcSourceIp instead. */
function isPrivate(value: string): boolean {
  const [addr] = value.split('/');
  if (isIPv4(addr)) {
    const [a, b] = addr.split('.').map(Number);
    return a === 10 || a === 127 || (a === 172 && b >= 16 && b <= 31) || (a === 192 && b === 168) || (a === 169 && b === 254);
  }
  if (isIPv6(addr)) return /^f[cd]/i.test(addr) || /^fe[89ab]/i.test(addr) || addr === '::1';
  return false;
}

export const conditionPrivateSourceIp: Rule = {
  id: 'condition-private-source-ip',
  scope: 'statement',
  defaultSeverity: 'warning',
  category: 'grammar',
  title: 'A private IP range in aws:SourceIp, which holds public addresses only.',
  check({ doc, report }) {
    for (const s of doc.statements) {
      for (const c of s.conditions) {
        if (c.key.name.toLowerCase() !== 'aws:sourceip' || parseOperator(c.operator.name)?.kind !== 'IPAddress') continue;
        for (const v of c.values) {
          if (typeof v.value !== 'string' || !isPrivate(v.value)) continue;
          report({
            message: `${v.value} is a private range, but aws:SourceIp holds the public address of a request, so it never matches. For requests through a VPC endpoint, use aws:VpcSourceIp.`,
            range: v.range,
          });
        }
      }
    }
  },
};

export const conditionValueRules: Rule[] = [conditionMultipleBoolean, conditionWildcardWithoutLike, conditionMissingQualifier, conditionPrivateSourceIp];
