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
// pending: the guard then runs the same checks in the same order, only later. A guard whose costly
// check has no effect on the others but its share of the budget (a re-parse of JSON) only books
// it for the findings before, and runs it for the finding read (SettleFixes may answer with a
// function). Reading the last finding costs at most what the whole guard used to cost.
import { Finding, Fix } from '../types';
import { ObjectCache } from '../objectCache';

/** Work counts (tests): findings whose fixes were settled by their guard. */
export const fixesOnRequestWork = { settled: 0 };

/** What a guard does with one finding's fixes: those to keep (undefined: none), or a function
 *  that tells them, called only when this finding's fixes are read (its budget is spent when the
 *  guard answers). `index` is the finding's place in the array `guardOnRequest` was given. */
export type SettleFixes = (fixes: Fix[], finding: Finding, index: number) => Fix[] | undefined | (() => Fix[] | undefined);

/** Fixes not settled yet: `settle()` computes them once (and settles what must come first). */
interface Pending {
  settle(): Fix[] | undefined;
}

/** The pending fixes of findings whose `fixes` is the getter below: a second guard (or a copy)
 *  takes them over without reading them. */
const pendingOf = new ObjectCache<Finding, Pending>();

// One getter and one setter for every finding (no closure per finding: an analysis may have
// thousands), reading the finding's pending fixes from the map.
function readFixes(this: Finding): Fix[] | undefined {
  const fixes = pendingOf.get(this)?.settle();
  setFixes(this, fixes);
  return fixes;
}
function writeFixes(this: Finding, fixes: Fix[] | undefined): void {
  setFixes(this, fixes);
}
const ON_READ: PropertyDescriptor = { configurable: true, enumerable: true, get: readFixes, set: writeFixes };

/** Makes `finding.fixes` settle on first read (a plain value then takes its place). */
function fixesOnRead(finding: Finding, pending: Pending): void {
  pendingOf.set(finding, pending);
  Object.defineProperty(finding, 'fixes', ON_READ);
}

/** A plain `fixes` in place of the getter (the same place among the keys: it is redefined). */
function setFixes(finding: Finding, fixes: Fix[] | undefined): void {
  pendingOf.delete(finding);
  Object.defineProperty(finding, 'fixes', { configurable: true, enumerable: true, writable: true, value: fixes });
}

/** One finding in a guard's queue. */
class Queued implements Pending {
  private checked = false;
  private outcome: ReturnType<SettleFixes>;
  private result: { fixes: Fix[] | undefined } | undefined;
  constructor(
    private readonly queue: GuardQueue,
    readonly position: number,
    private readonly finding: Finding,
    private readonly index: number,
    /** Its fixes before this guard: a value, or a lower guard's pending fixes. */
    private readonly before: Fix[] | Pending | undefined,
  ) {}

  settle(): Fix[] | undefined {
    this.queue.upTo(this.position);
    if (!this.result) {
      const outcome = this.outcome;
      this.result = { fixes: typeof outcome === 'function' ? outcome() : outcome };
    }
    return this.result.fixes;
  }

  /** This guard's check of this finding alone (the queue calls it in order). */
  check(): void {
    if (this.checked) return;
    const before = Array.isArray(this.before) || this.before === undefined ? this.before : this.before.settle();
    fixesOnRequestWork.settled++;
    this.outcome = before?.length ? this.queue.settleFixes(before, this.finding, this.index) : before;
    this.checked = true;
  }
}

class GuardQueue {
  readonly items: Queued[] = [];
  private next = 0;
  constructor(readonly settleFixes: SettleFixes, private readonly done?: () => void) {}

  /** Every finding up to `position` checked, in order. */
  upTo(position: number): void {
    if (this.next > position) return;
    while (this.next <= position) this.items[this.next++].check();
    if (this.next === this.items.length) this.done?.();
  }
}

/** Makes the fixes of every finding of `findings` that has some (or pending ones) settle on first
 *  read by `settle`, in the order of `findings`. `done` is called once every one has settled (a
 *  guard lets go of what it kept for them). */
export function guardOnRequest(findings: readonly Finding[], settle: SettleFixes, done?: () => void): void {
  const queue = new GuardQueue(settle, done);
  findings.forEach((finding, index) => {
    const pending = pendingOf.get(finding);
    const value = pending ? undefined : finding.fixes;
    if (!pending && !value?.length) return;
    const item = new Queued(queue, queue.items.length, finding, index, pending ?? value);
    queue.items.push(item);
    fixesOnRead(finding, item);
  });
  if (queue.items.length === 0) done?.();
}

/** `{ ...finding, ...changes }` without settling its fixes: a copy whose fixes, when read, are the
 *  original's (settled then, once for both). */
export function copyFinding(finding: Finding, changes: Partial<Finding>): Finding {
  const pending = pendingOf.get(finding);
  if (!pending) return { ...finding, ...changes };
  const out = {} as Record<string, unknown>;
  for (const key of Object.keys(finding) as (keyof Finding)[]) {
    // The same pending fixes: settled once, the same array for both (as a spread gave).
    if (key === 'fixes') fixesOnRead(out as unknown as Finding, pending);
    else out[key] = key in changes ? changes[key] : finding[key];
  }
  for (const key of Object.keys(changes) as (keyof Finding)[]) if (!(key in out)) out[key] = changes[key];
  return out as unknown as Finding;
}
