// The curated Amazon Connect table and what is derived from it (`table.ts`), read by the Connect
// rules (rules/connect/), hover, completion, the client's templates and the docs generator.
// Helpers the rules share stay here too: `grants.ts` (what a policy allows) and `edits.ts` (fixes).
export * from './table';
