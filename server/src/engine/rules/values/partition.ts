// arn-invalid-partition: the partition field of an ARN must name an AWS partition.
import { spanSuggestion } from '../../fixes/edits';
import { subRange } from '../../parse/policyModel';
import { policyContext } from '../../policyContext';
import { hasWildcard } from '../../reference/arn';
import { closestMatch } from '../../reference/closest';
import { asPartition, isPartition, PARTITIONS, regionPartition } from '../../reference/regions';
import { wildcardMatches } from '../../reference/wildcard';
import { Rule } from '../rule';
import { arnStrings, fieldDeferred } from './strings';

const LIST = PARTITIONS.map((p) => `${p}`).join(', ');

export const arnInvalidPartition: Rule = {
  id: 'arn-invalid-partition',
  scope: 'statement',
  defaultSeverity: 'error',
  category: 'values',
  title: 'The partition field of an ARN is not an AWS partition.',
  fix: { summary: 'change to the nearest partition', safe: false },
  check({ doc, report }) {
    for (const { s, arn, facts } of arnStrings(doc)) {
      const field = arn.partition;
      const value = field.value;
      if (fieldDeferred(facts, field) || isPartition(value)) continue;
      const range = subRange(s.item, field.start, field.end);
      if (hasWildcard(value)) {
        // A pattern is fine as long as it can match some partition (`aws*`, `*`).
        if (PARTITIONS.some((p) => wildcardMatches(value, p))) continue;
        report({ message: `The partition pattern ${value} matches no AWS partition (${LIST}), so this ARN matches nothing.`, range });
        continue;
      }
      // Best guess: the same word in lower case, the partition of the ARN's own Region, a near
      // spelling, then the partition the rest of the policy uses.
      const lower = value.toLowerCase();
      const suggestion =
        (isPartition(lower) ? lower : undefined) ??
        regionPartition(arn.region.value) ??
        closestMatch(value, PARTITIONS) ??
        asPartition(policyContext(doc).partition) ??
        (value === '' ? 'aws' : undefined);
      const what = value === '' ? 'The partition field is empty' : `${value} is not an AWS partition`;
      report({
        message: `${what}: IAM rejects it. Use one of ${LIST}${suggestion ? ` (did you mean ${suggestion}?)` : ''}.`,
        ...spanSuggestion(s.item, field.start, field.end, suggestion, (v) => `Change the partition to ${v}`),
      });
    }
  },
};
