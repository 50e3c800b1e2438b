import { Rule } from '../rule';

export const valueRules: Rule[] = [];
