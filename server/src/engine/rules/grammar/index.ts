import { Rule } from '../rule';

export const grammarRules: Rule[] = [];
