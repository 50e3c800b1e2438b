// Reference rules: actions, ARNs, statement coverage and condition keys checked against the AWS
// service authorization reference (`reference/iamData.ts`).
import { Rule } from '../rule';
import { actionRules } from './actions';
import { arnRules } from './arns';
import { conditionKeyRules } from './conditions';
import { conditionTypeMismatch } from './conditionTypes';
import { coverageRules } from './coverage';
import { actionRedundant, resourceRedundant } from './redundant';

export const referenceRules: Rule[] = [...actionRules, ...arnRules, ...coverageRules, ...conditionKeyRules, conditionTypeMismatch, actionRedundant, resourceRedundant];
