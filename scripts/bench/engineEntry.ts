// What the benchmark's engine figures call, as one entry to bundle (engine.ts): the facade, and
// the caches a cold figure empties (coldCache.ts).
export * from '../../server/src/engine';
export { policyCache } from '../../server/src/engine/incremental/policyCache';
export { clearYamlReuse } from '../../server/src/engine/hosts/yamlReuse';
export { clearJsonReuse } from '../../server/src/engine/parse/jsonReuse';
