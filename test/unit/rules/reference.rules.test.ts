import { ruleTester } from '../../ruleTester';
import { referenceCases } from './reference.cases';

ruleTester.runAll(referenceCases);
