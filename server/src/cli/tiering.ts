// How soon V8 optimises the CLI's functions. A lint run calls the same rule code for thousands of
// small documents, and V8's default tier-up (tuned for code that runs briefly) sends much of it
// to the optimising compiler several times over as its feedback settles: on the 1,594 AWS managed
// policies about 0.9 s of the run's 3.5 s of CPU was that compiling, on the second core, and the
// main thread waited on the code it replaced. A larger interrupt budget (the bytecode executed
// between tier-up checks) lets the feedback settle first: the same run took 2.11–2.23 s wall and
// 2.6 s of CPU against 2.34–2.40 s and 3.5 s (docs/performance.md, tenth round). The value is read
// each time a function's budget is reset, so setting it as the command starts is early enough.
// Only the command does this (a process that imports the CLI or the engine keeps its settings),
// and not when the user gave Node an interrupt budget of their own.
import * as v8 from 'node:v8';

/** Bytecode executed between tier-up checks (V8's default: 66 KB). */
export const INTERRUPT_BUDGET = 512 * 1024;

/** Raise V8's interrupt budget for this process unless its command line sets one; whether it did. */
export function tuneTiering(execArgv: readonly string[] = process.execArgv, setFlags: (flags: string) => void = v8.setFlagsFromString): boolean {
  // The flag itself, in either spelling (V8 reads - and _ alike), with or without =value; not
  // flags that merely start with its name (--interrupt-budget-for-feedback-allocation).
  if (execArgv.some((a) => a.split('=')[0].replaceAll('_', '-') === '--interrupt-budget')) return false;
  setFlags(`--interrupt-budget=${INTERRUPT_BUDGET}`);
  return true;
}
