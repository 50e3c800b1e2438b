import { ruleTester } from '../../ruleTester';
import { valueCases } from './values.cases';

ruleTester.runAll(valueCases);
