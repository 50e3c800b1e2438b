// Every analysis the benchmark times starts from an empty per-statement cache
// (engine/incremental/statementCache.ts): repeating the analysis of one text would otherwise be all
// cache hits and time only the lookups. The edit figures (edit.ts, editEngine.ts) measure the
// cache on purpose; everything else is a first analysis with warm reference data.
import { statementCache } from '../../server/src/engine/incremental/statementCache';

export function coldCache<T>(fn: () => T): T {
  statementCache.clear();
  return fn();
}
