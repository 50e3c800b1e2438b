// Fixes settled on request. The fix guards (guard.ts on broken JSON, hosts/fixGuard.ts in
// templates) verify a fix by parsing the text it would give, which on a large document costs more
// than a rule: a broken 1 MB policy is parsed twice again, a template once per structural fix. Most
// analyses (every keystroke) have no fix read at all; the editor asks for the fixes of the
// finding under the cursor, the CLI only with --fix. So a guarded finding's `fixes` is an
// enumerable getter: its first read runs the guard and leaves a plain value in its place.
//
// The guards share budgets (characters re-parsed per analysis, entries read), spent in the order
// the analysis used to check the findings. To give exactly the fixes the analysis used to give,
// reading one finding's fixes settles first every finding before it in that order that is still
// pending: the guard then runs the same checks in the same order, only later. (Reading the last
// finding therefore costs what the whole guard used to cost; no more.)
import { Finding, Fix } from '../types';

/** Work counts (tests): findings whose fixes were settled by their guard. */
export const fixesOnRequestWork = { settled: 0 };

/** What a guard does with one finding's fixes: those to keep (undefined: none). `index` is the
 *  finding's place in the array `guardOnRequest` was given. */
export type SettleFixes = (fixes: Fix[], finding: Finding, index: number) => Fix[] | undefined;

/** The pending fixes of findings whose `fixes` is a getter of this module, as a function that
 *  settles them: a second guard (or a copy) takes it over without reading the fixes. */
const pendingOf = new WeakMap<Finding, () => Fix[] | undefined>();

/** Makes `finding.fixes` an enumerable getter whose first read computes them (once, memoised) and
 *  leaves a plain value in its place, unless a later layer has taken the getter over. Returns the
 *  memoised computation. */
function fixesOnRead(finding: Finding, compute: () => Fix[] | undefined): () => Fix[] | undefined {
  let done = false;
  let value: Fix[] | undefined;
  const read = () => {
    if (!done) {
      value = compute();
      done = true;
      if (pendingOf.get(finding) === read) setFixes(finding, value);
    }
    return value;
  };
  pendingOf.set(finding, read);
  Object.defineProperty(finding, 'fixes', { configurable: true, enumerable: true, get: read, set: (v: Fix[] | undefined) => setFixes(finding, v) });
  return read;
}

/** A plain `fixes` in place of the getter (the same place among the keys: it is redefined). */
function setFixes(finding: Finding, fixes: Fix[] | undefined): void {
  pendingOf.delete(finding);
  Object.defineProperty(finding, 'fixes', { configurable: true, enumerable: true, writable: true, value: fixes });
}

/** Makes the fixes of every finding of `findings` that has some (or pending ones) settle on first
 *  read by `settle`, in the order of `findings`. `done` is called once every one has settled (a
 *  guard lets go of what it kept for them). */
export function guardOnRequest(findings: readonly Finding[], settle: SettleFixes, done?: () => void): void {
  const queue: (() => Fix[] | undefined)[] = [];
  let next = 0;
  const upTo = (position: number) => {
    if (next > position) return;
    while (next <= position) queue[next++]();
    if (next === queue.length) done?.();
  };
  findings.forEach((finding, index) => {
    const pending = pendingOf.get(finding);
    const value = pending ? undefined : finding.fixes;
    if (!pending && !value?.length) return;
    const position = queue.length;
    // Its own check, run once, by the queue (as part of a later finding's prefix) or by the getter.
    let settled: { fixes: Fix[] | undefined } | undefined;
    queue.push(() => {
      if (!settled) {
        const before = pending ? pending() : value;
        fixesOnRequestWork.settled++;
        settled = { fixes: before?.length ? settle(before, finding, index) : before };
      }
      return settled.fixes;
    });
    fixesOnRead(finding, () => {
      upTo(position);
      return queue[position]();
    });
  });
  if (queue.length === 0) done?.();
}

/** `{ ...finding, ...changes }` without settling its fixes: a copy whose fixes, when read, are the
 *  original's (settled then, once for both). */
export function copyFinding(finding: Finding, changes: Partial<Finding>): Finding {
  const pending = pendingOf.get(finding);
  if (!pending) return { ...finding, ...changes };
  const out = {} as Record<string, unknown>;
  for (const key of Object.keys(finding) as (keyof Finding)[]) {
    if (key === 'fixes') fixesOnRead(out as unknown as Finding, pending);
    else out[key] = key in changes ? changes[key] : finding[key];
  }
  for (const key of Object.keys(changes) as (keyof Finding)[]) if (!(key in out)) out[key] = changes[key];
  return out as unknown as Finding;
}
