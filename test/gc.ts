// Full garbage collections for the tests that check what an analysis leaves alive (a WeakRef that
// must empty, a heap that must not grow).
import * as v8 from 'node:v8';
import * as vm from 'node:vm';

v8.setFlagsFromString('--expose-gc');
const gc = vm.runInNewContext('gc') as () => void;

const turn = () => new Promise<void>((resolve) => setTimeout(resolve, 10));

/** Three full collections, the event loop turning before each. A WeakRef's target lives to the
 *  end of the job that made or read it; and two collections back to back, right after an
 *  analysis, now and then left a WeakRef'd tree alive (1 of ~14 suite runs) or the old space
 *  counting ~6 MB that a heap snapshot taken at that moment did not hold (3 of 70 runs; none of
 *  70 with the turns). */
export async function collectGarbage(): Promise<void> {
  for (let i = 0; i < 3; i++) {
    await turn();
    gc();
  }
}
