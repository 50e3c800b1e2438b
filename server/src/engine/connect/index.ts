import { Rule } from '../rules/rule';

export const connectRules: Rule[] = [];
