// The engine the benchmark times: bundled and minified as dist/ ships it (scripts/build.mjs
// bundleFile), not the sources through tsx. tsx's transform keeps every function's name with a
// call made each time a closure is created; a 6 KB edit's analysis timed 40 % slower that way
// (642–733 µs against 451–514 µs bundled, three runs each), which is the transform, not the engine.
// `npm run bench` builds the bundle once and passes its path to every child (BENCH_ENGINE); a
// figure run alone (node --import tsx scripts/bench/scaling.ts) times the sources and says so.
import * as path from 'path';

export type BenchEngine = typeof import('./engineEntry');

/** Where the parent writes the bundle. */
export const ENGINE_BUNDLE = path.join(__dirname, '..', '..', '.cache', 'bench', 'engine.js');

let loaded: BenchEngine | undefined;

/** The bundled engine when the bench's parent built it, else the sources. */
export function engine(): BenchEngine {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  return (loaded ??= (process.env.BENCH_ENGINE ? require(process.env.BENCH_ENGINE) : require('./engineEntry')) as BenchEngine);
}

/** Which engine `engine()` runs, for the report. */
export function engineLabel(): string {
  return process.env.BENCH_ENGINE ? 'the bundled engine (as dist/ ships it)' : 'the engine sources through tsx (slower than the bundle)';
}
