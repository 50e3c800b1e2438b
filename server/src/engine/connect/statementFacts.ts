// What each statement contributes to the Connect document-level rules (what it grants, the
// companions its Connect actions demand, its storage-config actions…), computed once per distinct
// statement and kept across analyses, so that an edit of one statement of a large policy
// recomputes that statement's facts only; the rules then aggregate the facts over the document
// (an index per document), which is cheap.
//
// The facts are one part of the statement cache's entries (statementPart in
// incremental/statementCache.ts), an array with a slot per kind of fact: one key per statement
// (its text, and for a policy embedded in a template the facts of the host's tree that decide its
// values: masks, stand-in ARNs, the types of the resources an intrinsic names), one bound, one
// switch. Facts must hold nothing of the
// document: no ValueItem, no range, no string sliced from its text (memo.ts: that would keep every
// analysed version alive): indices into the statement's arrays and detached strings only.
import { statementCache, statementPart } from '../incremental/statementCache';
import { PolicyDocument, Statement } from '../parse/policyModel';
import { ObjectCache } from '../objectCache';

/** Work done, for the tests: statements whose Connect facts were first computed, facts computed. */
export const factsWork = { statements: 0, computed: 0 };

/** What else the Connect rules keep across analyses (built from the facts), cleared with them. */
const keptWithFacts: (() => void)[] = [];

/** Register a memo of a Connect rule kept across analyses, for clearStatementFacts. */
export function clearedWithFacts(clear: () => void): void {
  keptWithFacts.push(clear);
}

/** Forget every statement's facts (tests compare with and without them). */
export function clearStatementFacts(): void {
  statementCache.clear();
  for (const clear of keptWithFacts) clear();
}

/** With the statement cache off, a document's facts still are computed once per analysis. */
const unkept = new ObjectCache<Statement, Map<number, unknown>>();

let slots = 0;

/** A slot not computed yet (a fact may be `undefined` or `null`). */
const UNSET: unique symbol = Symbol('unset');

/** One array of fact slots per distinct statement, kept as one part of its statement cache entry
 *  (so an analysis looks a statement up once for all its facts, not once per kind of fact). */
type Slots = unknown[];

/** A statement's first fact marks it seen (the work count), on a miss only. */
function newSlots(): Slots {
  factsWork.statements++;
  return new Array<unknown>(slots).fill(UNSET);
}

/** The slot arrays of a document's statements, by statement index. (Not a WeakRef to the last
 *  document: V8 keeps a WeakRef's target alive to the end of the synchronous job, so a loop
 *  analysing many documents would keep every one of them.) */
const slotsByDocument = new ObjectCache<PolicyDocument, (Slots | undefined)[]>();

function slotsOf(doc: PolicyDocument, s: Statement): Slots {
  let all = slotsByDocument.get(doc);
  if (!all) slotsByDocument.set(doc, (all = []));
  let own = all[s.index];
  if (!own) all[s.index] = own = statementPart(doc, s, 'connect', newSlots);
  return own;
}

/**
 * A kind of statement fact: `compute(s)` must depend on the statement's values only and return
 * data detached from the document (see the head of this file). The returned function gives the
 * fact of a statement of a document, computed at most once per distinct statement.
 */
export function statementFact<T>(compute: (s: Statement) => T): (doc: PolicyDocument, s: Statement) => T {
  const slot = slots++;
  return (doc, s) => {
    // A statement that is not the document's own (a copy made by a caller) is computed afresh.
    if (doc.statements[s.index] !== s) return compute(s);
    if (!statementCache.enabled) {
      let own = unkept.get(s);
      if (!own) unkept.set(s, (own = new Map()));
      if (!own.has(slot)) {
        factsWork.computed++;
        own.set(slot, compute(s));
      }
      return own.get(slot) as T;
    }
    const own = slotsOf(doc, s);
    let value = own[slot];
    if (value === UNSET || slot >= own.length) {
      factsWork.computed++;
      own[slot] = value = compute(s);
    }
    return value as T;
  };
}
