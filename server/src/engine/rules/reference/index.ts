import { Rule } from '../rule';

export const referenceRules: Rule[] = [];
