// Every family's case table, for the coverage test (each family's own test file runs its table).
import { CaseTable } from '../../ruleTester';
import { syntaxCases } from './syntax.cases';
import { grammarCases } from './grammar.cases';
import { referenceCases } from './reference.cases';
import { valueCases } from './values.cases';
import { securityCases } from './security.cases';
import { connectCases } from './connect.cases';
import { denyCases } from './deny.cases';
import { hostCases } from './hosts.cases';

export const families: Record<string, CaseTable> = {
  syntax: syntaxCases,
  grammar: grammarCases,
  reference: referenceCases,
  values: valueCases,
  security: securityCases,
  connect: connectCases,
  deny: denyCases,
  hosts: hostCases,
};
