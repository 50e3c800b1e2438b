import { ruleTester } from '../../ruleTester';
import { grammarCases } from './grammar.cases';

ruleTester.runAll(grammarCases);
