import { ruleTester } from '../../ruleTester';
import { denyCases } from './deny.cases';

ruleTester.runAll(denyCases);
