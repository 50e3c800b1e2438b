// Amazon Connect rules: what no general IAM linter knows. They read the curated table
// (`table.ts`, also exported for hover, completion and the language server) and judge the whole
// document, since the permissions an association needs are often split across statements.
import { Rule } from '../rules/rule';
import { arnRules } from './arns';
import { companionRules } from './companions';
import { lambdaRules } from './lambda';
import { roleRules } from './roles';
import { enumValueRules } from './enumValues';
import { storageKindRules } from './storageKinds';
import { storageTypeRules } from './storageType';

export const connectRules: Rule[] = [...enumValueRules, ...storageTypeRules, ...companionRules, ...storageKindRules, ...lambdaRules, ...roleRules, ...arnRules];

export * from './table';
