// Every family's case table, for the coverage test (each family's own test file runs its table).
import { CaseTable } from '../../ruleTester';

export const families: Record<string, CaseTable> = {};
