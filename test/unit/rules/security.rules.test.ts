import { ruleTester } from '../../ruleTester';
import { securityCases } from './security.cases';

ruleTester.runAll(securityCases);
