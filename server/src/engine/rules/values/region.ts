// arn-unknown-region and arn-region-partition-mismatch: the Region field of an ARN must be a
// Region code of the ARN's partition. An empty Region is left to the reference rules, which know
// whether the service needs one.
import { replaceInStringFix, spanSuggestion } from '../../fixes/edits';
import { subRange } from '../../parse/policyModel';
import { policyContext } from '../../policyContext';
import { hasWildcard } from '../../reference/arn';
import { closestMatch } from '../../reference/closest';
import { isPartition, regionPartition, REGIONS } from '../../reference/regions';
import { Rule } from '../rule';
import { arnStrings, fieldDeferred, fieldNeverUsed } from './strings';

export const arnUnknownRegion: Rule = {
  id: 'arn-unknown-region',
  scope: 'statement',
  defaultSeverity: 'error',
  category: 'values',
  title: 'The Region field of an ARN is not a known AWS Region code.',
  fix: { summary: 'change to the nearest Region', safe: false },
  check({ doc, report }) {
    for (const { s, arn, facts } of arnStrings(doc)) {
      const field = arn.region;
      const value = field.value;
      // Patterns (`us-*`, `*`) are fine; so is an empty Region here.
      if (value === '' || hasWildcard(value) || fieldDeferred(facts, field) || regionPartition(value) || fieldNeverUsed(arn, 'region')) continue;
      const ctxRegion = policyContext(doc).region;
      const suggestion = closestMatch(value, REGIONS) ?? (ctxRegion && regionPartition(ctxRegion) ? ctxRegion : undefined);
      report({
        message: `${value} is not an AWS Region code, so this ARN matches nothing.${suggestion ? ` Did you mean ${suggestion}?` : ' Use a code such as us-east-1, or *.'}`,
        ...spanSuggestion(s.item, field.start, field.end, suggestion, (v) => `Change the Region to ${v}`),
      });
    }
  },
};

export const arnRegionPartitionMismatch: Rule = {
  id: 'arn-region-partition-mismatch',
  scope: 'statement',
  defaultSeverity: 'error',
  category: 'values',
  title: 'The Region of an ARN belongs to another partition than the ARN names.',
  fix: { summary: 'change the partition to the Region\'s', safe: false },
  check({ doc, report }) {
    for (const { s, arn } of arnStrings(doc)) {
      const partition = arn.partition.value;
      const regionOwner = regionPartition(arn.region.value);
      if (!regionOwner || !isPartition(partition) || regionOwner === partition || fieldNeverUsed(arn, 'region')) continue;
      report({
        message: `Region ${arn.region.value} is in the ${regionOwner} partition, but this ARN says ${partition}: no resource has this ARN. Change the partition to ${regionOwner} or use a Region of ${partition}.`,
        range: subRange(s.item, arn.region.start, arn.region.end),
        related: [{ range: subRange(s.item, arn.partition.start, arn.partition.end), message: `Partition ${partition}` }],
        data: { partition: regionOwner },
        fixes: [replaceInStringFix(`Change the partition to ${regionOwner}`, s.item, arn.partition.start, arn.partition.end, regionOwner)],
      });
    }
  },
};
