import { ruleTester } from '../../ruleTester';
import { connectCases } from './connect.cases';

ruleTester.runAll(connectCases);
