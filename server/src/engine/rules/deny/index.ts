import { Rule } from '../rule';

export const denyRules: Rule[] = [];
