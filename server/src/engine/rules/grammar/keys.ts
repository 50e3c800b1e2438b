// Shared helpers of the grammar rules: the exact token of a key, JSON type names for messages,
// and the classification of keys that are not among an object's allowed names (a case slip, a
// typo with a near name, or a case-variant duplicate of a key that is already there).
import { Node } from 'jsonc-parser';
import { nodeRange } from '../../parse/jsonDocument';
import { Property } from '../../parse/policyModel';
import { closestMatch } from '../../reference/closest';
import { Fix, OffsetRange } from '../../types';

export const keyRange = (p: Property): OffsetRange => nodeRange(p.key);

/** The opening brace of an object: the one exact token a "missing element" finding can point at. */
export const openBrace = (node: Node): OffsetRange => ({ start: node.offset, end: node.offset + 1 });

/** `a string`, `a number`, `an array`… for messages. */
export function typeName(node: Node): string {
  switch (node.type) {
    case 'object': return 'an object';
    case 'array': return 'an array';
    case 'string': return 'a string';
    case 'number': return 'a number';
    case 'boolean': return 'a boolean';
    default: return 'null';
  }
}

export type KeyVerdict =
  /** The key differs only in case from an allowed name that is also present: a duplicate. */
  | { kind: 'case-duplicate'; canonical: string; first: Property }
  /** Not an allowed name; `suggestion` is the nearest allowed one (a case slip or a typo). */
  | { kind: 'unknown'; suggestion?: string; caseOnly: boolean };

/** Judge every key of `props` that is not exactly one of `allowed`. */
export function judgeKeys(props: Property[], allowed: readonly string[]): { prop: Property; verdict: KeyVerdict }[] {
  const out: { prop: Property; verdict: KeyVerdict }[] = [];
  for (const prop of props) {
    if (allowed.includes(prop.name)) continue;
    const canonical = allowed.find((a) => a.toLowerCase() === prop.name.toLowerCase());
    const first = canonical ? props.find((p) => p.name === canonical) : undefined;
    if (canonical && first) {
      out.push({ prop, verdict: { kind: 'case-duplicate', canonical, first } });
      continue;
    }
    const suggestion = canonical ?? closestMatch(prop.name, allowed);
    out.push({ prop, verdict: { kind: 'unknown', suggestion, caseOnly: canonical !== undefined } });
  }
  return out;
}

/** Rename a key in place. Safe only for a case slip: IAM rejected the policy before, and with the
 *  right case the element means exactly what it was meant to. A different name changes what the
 *  policy says, so it is never applied blindly. */
export function renameKeyFix(prop: Property, newName: string, caseOnly: boolean): Fix {
  return {
    title: `Rename ${prop.name} to ${newName}`,
    edits: [{ range: keyRange(prop), newText: JSON.stringify(newName) }],
    isPreferred: true,
    safe: caseOnly,
  };
}

/** Message tail and fixes for an unknown key, given the object's own properties (no fix when the
 *  suggested name is already taken: renaming would create a duplicate key). */
export function suggestionFor(prop: Property, verdict: Extract<KeyVerdict, { kind: 'unknown' }>, props: Property[]): { hint: string; fixes?: Fix[] } {
  const s = verdict.suggestion;
  if (!s) return { hint: '' };
  const taken = props.some((p) => p.name === s);
  return {
    hint: verdict.caseOnly ? ` Element names are case-sensitive: write ${s}.` : ` Did you mean ${s}?`,
    fixes: taken ? undefined : [renameKeyFix(prop, s, verdict.caseOnly)],
  };
}

/** Is one of `names` among `props`, or meant by a misspelt key (`Actions`, `effect`, `Versoin`)?
 *  Then the misspelling is the finding, not a missing element. */
export function presentOrMeant(props: Property[], allowed: readonly string[], names: string[]): boolean {
  if (props.some((p) => names.includes(p.name))) return true;
  return judgeKeys(props, allowed).some(({ verdict }) => verdict.kind === 'unknown' && names.includes(verdict.suggestion ?? ''));
}
