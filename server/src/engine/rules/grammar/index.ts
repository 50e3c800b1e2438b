// Grammar rules: the IAM policy grammar as IAM itself validates it (elements, their value types,
// condition operators and values, policy variable syntax).
import { Rule } from '../rule';
import {
  conditionInvalidStructure, conditionInvalidValue, conditionNullIfExists, conditionUnknownOperator, forAllValuesSingleValuedKey,
  forAnyValueSingleValuedKey,
} from './conditions';
import { actionMissing, conflictingElements, effectInvalid, effectMissing, elementInvalidType, resourceMissing } from './elements';
import { emptyValue } from './empty';
import { principalInvalid } from './principal';
import { principalMixed, principalValueInvalid } from './principalValues';
import { conditionValueRules } from './conditionValues';
import { sidDuplicate, sidEmpty, sidInvalidCharacters } from './sid';
import { duplicateKeyCase, statementInvalidType, statementMissing, statementUnknownElement } from './statement';
import { policyVariableNotAllowed, policyVariableSyntax } from './variables';
import { policyUnknownElement, versionInvalid, versionMissing, versionOutdated } from './version';

export const grammarRules: Rule[] = [
  versionMissing, versionInvalid, versionOutdated, policyUnknownElement,
  statementMissing, statementInvalidType, statementUnknownElement, duplicateKeyCase,
  sidDuplicate, sidInvalidCharacters, sidEmpty,
  effectMissing, effectInvalid, actionMissing, resourceMissing, conflictingElements, elementInvalidType,
  principalInvalid, principalMixed, principalValueInvalid, emptyValue,
  conditionInvalidStructure, conditionUnknownOperator, conditionNullIfExists, conditionInvalidValue, forAllValuesSingleValuedKey, forAnyValueSingleValuedKey,
  ...conditionValueRules,
  policyVariableSyntax, policyVariableNotAllowed,
];
