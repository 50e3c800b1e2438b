// What each statement contributes to the Connect document-level rules (what it grants, the
// companions its Connect actions demand, its storage-config actions…), computed once per distinct
// statement and kept across analyses, so that an edit of one statement of a large policy
// recomputes that statement's facts only; the rules then aggregate the facts over the document
// (an index per document), which is cheap.
//
// A statement's facts are a function of its values: for a plain JSON policy of its text, for a
// policy embedded in a template of the values the host's tree gives it (masks, stand-in ARNs), so
// that key is built from the values. Facts must hold nothing of the document: no ValueItem, no
// range, no string sliced from its text (memo.ts: that would keep every analysed version alive):
// indices into the statement's arrays and detached strings only.
import { detach } from '../memo';
import { statementCache } from '../incremental/statementCache';
import { PolicyDocument, Statement, ValueItem } from '../parse/policyModel';

/** The facts of one statement, one slot per kind of fact (filled on first use). */
type Facts = unknown[];

/** A bounded map from statement keys to their facts: cleared when it holds too many statements or
 *  characters (a document's own facts stay with the document's index meanwhile). */
class FactsMemo {
  private readonly map = new Map<string, Facts>();
  private chars = 0;
  constructor(private readonly maxEntries = 100_000, private readonly maxChars = 16_000_000) {}

  get(key: string): Facts {
    let facts = this.map.get(key);
    if (!facts) {
      facts = [];
      if (this.map.size >= this.maxEntries || this.chars + key.length > this.maxChars) this.clear();
      this.map.set(detach(key), facts);
      this.chars += key.length;
      factsWork.statements++;
    }
    return facts;
  }

  clear(): void {
    this.map.clear();
    this.chars = 0;
  }
}

const memo = new FactsMemo();

/** Work done, for the tests: statements first seen (a new key) and facts computed. */
export const factsWork = { statements: 0, computed: 0 };

/** Forget every statement's facts (tests compare with and without them). */
export function clearStatementFacts(): void {
  memo.clear();
}

/** A value as it goes into a key: strings as they are, anything else marked with its type. */
const valueKey = (v: ValueItem) => (typeof v.value === 'string' ? v.value : { t: typeof v.value, v: String(v.value) });

/** The key of a statement embedded in a template: everything the Connect facts read from it. */
function valuesKey(s: Statement): string {
  return JSON.stringify([
    s.effect ? valueKey(s.effect) : null,
    s.actionProperty ? 1 : 0, s.isNotAction, s.actions.map(valueKey),
    s.resourceProperty ? 1 : 0, s.isNotResource, s.resources.map(valueKey),
    s.conditions.map((c) => [c.operator.name, c.key.name, c.values.map(valueKey)]),
  ]);
}

/** Documents with fewer statements are not memoised. */
const MIN_STATEMENTS = 8;

/** The facts of each statement of the document, in order. */
const byDocument = new WeakMap<PolicyDocument, Facts[]>();

function factsOf(doc: PolicyDocument): Facts[] {
  let all = byDocument.get(doc);
  if (!all) {
    const text = doc.text;
    // The per-statement cache's switch is this memo's too: off, every analysis starts afresh.
    // A small document's facts are as cheap to find as to key (the CLI reads thousands of them
    // once each): only larger ones are kept.
    all = statementCache.enabled && doc.statements.length >= MIN_STATEMENTS
      ? doc.statements.map((s) => memo.get(doc.embedded ? valuesKey(s) : text.slice(s.node.offset, s.node.offset + s.node.length)))
      : doc.statements.map(() => []);
    byDocument.set(doc, all);
  }
  return all;
}

let slots = 0;

/**
 * A kind of statement fact: `compute(s)` must depend on the statement's values only and return
 * data detached from the document (see the head of this file). The returned function gives the
 * fact of a statement of a document, computed at most once per distinct statement.
 */
export function statementFact<T>(compute: (s: Statement) => T): (doc: PolicyDocument, s: Statement) => T {
  const slot = slots++;
  return (doc, s) => {
    const all = factsOf(doc);
    // A statement that is not the document's own (a copy made by a caller) is computed afresh.
    if (doc.statements[s.index] !== s) return compute(s);
    const facts = all[s.index];
    if (slot < facts.length && facts[slot] !== undefined) return facts[slot] as T;
    factsWork.computed++;
    const value = compute(s);
    facts[slot] = value;
    return value;
  };
}
