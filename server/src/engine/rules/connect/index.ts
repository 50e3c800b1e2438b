// Amazon Connect rules: what no general IAM linter knows. They read the curated Connect table
// (engine/connect/, also read by hover, completion and the client) and judge the whole document,
// since the permissions an association needs are often split across statements.
import { Rule } from '../rule';
import { arnRules } from './arns';
import { companionRules } from './companions';
import { lambdaRules } from './lambda';
import { roleRules } from './roles';
import { enumValueRules } from './enumValues';
import { storageKindRules } from './storageKinds';
import { storageTypeRules } from './storageType';

export const connectRules: Rule[] = [...enumValueRules, ...storageTypeRules, ...companionRules, ...storageKindRules, ...lambdaRules, ...roleRules, ...arnRules];
