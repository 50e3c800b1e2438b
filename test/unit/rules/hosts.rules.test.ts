import { ruleTester } from '../../ruleTester';
import { hostCases } from './hosts.cases';

ruleTester.runAll(hostCases);
