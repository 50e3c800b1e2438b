// Value rules: the fields of ARNs (partition, Region, account), placeholders left from examples,
// and policy variables.
import { Rule } from '../rule';
import { arnExampleAccount, arnInvalidAccount } from './account';
import { arnInvalidPartition } from './partition';
import { placeholderName, placeholderValue } from './placeholder';
import { arnRegionPartitionMismatch, arnUnknownRegion } from './region';
import { unknownPolicyVariable } from './variable';

export const valueRules: Rule[] = [
  arnInvalidPartition,
  arnUnknownRegion,
  arnRegionPartitionMismatch,
  arnInvalidAccount,
  arnExampleAccount,
  placeholderValue,
  placeholderName,
  unknownPolicyVariable,
];
