// Every analysis the benchmark times starts from empty caches (the per-statement cache
// engine/incremental/statementCache.ts, the embedded-policy cache and the YAML and JSON tree
// reuse): repeating the analysis of one text would otherwise be all cache hits and time only the
// lookups. The edit figures (edit.ts, editEngine.ts) measure the cache on purpose; everything
// else is a first analysis with warm reference data. The caches emptied are those of the engine
// the figures run (engine.ts).
import { engine } from './engine';

/** Run `fn` from empty caches: statements, embedded policies, and the last YAML and JSON tree of
 *  each path (a document analysed again under its path would otherwise not be parsed at all). */
export function coldCache<T>(fn: () => T): T {
  const e = engine();
  e.statementCache.clear();
  e.policyCache.clear();
  e.clearYamlReuse();
  e.clearJsonReuse();
  return fn();
}
