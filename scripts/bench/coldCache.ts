// Every analysis the benchmark times starts from empty caches (the per-statement cache
// engine/incremental/statementCache.ts, the embedded-policy cache and the YAML and JSON tree
// reuse): repeating the analysis of one text would otherwise be all
// cache hits and time only the lookups. The edit figures (edit.ts, editEngine.ts) measure the
// cache on purpose; everything else is a first analysis with warm reference data.
import { statementCache } from '../../server/src/engine/incremental/statementCache';
import { policyCache } from '../../server/src/engine/incremental/policyCache';
import { clearYamlReuse } from '../../server/src/engine/hosts/yamlReuse';
import { clearJsonReuse } from '../../server/src/engine/parse/jsonReuse';

/** Run `fn` from empty caches: statements, embedded policies, and the last YAML and JSON tree of
 *  each path (a document analysed again under its path would otherwise not be parsed at all). */
export function coldCache<T>(fn: () => T): T {
  statementCache.clear();
  policyCache.clear();
  clearYamlReuse();
  clearJsonReuse();
  return fn();
}
