import { ruleTester } from '../../ruleTester';
import { syntaxCases } from './syntax.cases';

ruleTester.runAll(syntaxCases);
