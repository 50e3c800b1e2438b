// Fixes in a host document. The rules build their edits for JSON; in a template an edit must be
// right in the host's syntax, or it is not offered:
// 1. an edit that touches template text the policy model masked (a `${...}` of an `Fn::Sub`, a
//    Serverless variable) or rewrote (a whole `Fn::Sub` string) is dropped: the rule only saw the
//    mask;
// 2. in YAML, a value replaced as a JSON string keeps the scalar's style: a plain scalar stays
//    plain when the new value may be written plain there, a single-quoted one stays single-quoted
//    (a double-quoted JSON string is also a valid YAML scalar, the fallback);
// 3. an edit inside one scalar (a value, a field of an ARN) is checked on that scalar alone: its
//    new text must read back as one scalar (YAML) or one JSON value;
// 4. in YAML, an edit inside one policy is checked on the one block-mapping entry it changes,
//    when that entry provably reads alone as it reads in the whole text (yamlReuse.ts);
// 5. any other fix gets the generic guard: it is applied to the host text, the text is parsed
//    again, and the fix is kept only if the host has no new syntax error and the embedded policy is
//    still found. Re-parses are bounded per analysis (REPARSE_BUDGET characters, and none for a
//    template over REPARSE_MAX_TEXT); past the bound such fixes are not offered.
import { findNodeAtOffset, Node } from 'jsonc-parser';
import { parseDocument } from 'yaml';
import { applyEdits } from '../textEdits';
import { Finding, Fix, OffsetRange, TextEdit } from '../types';
import { REPARSE_BUDGET } from '../fixes/guard';
import { guardOnRequest } from '../fixes/onRequest';
import { parseJson } from '../parse/jsonDocument';
import { HostDocument, HostHint, parseHost } from './host';
import { oneScalarValue } from './yamlCst';
import { editReadsAlone } from './yamlReuse';

/** Templates larger than this are never re-parsed for a fix (a parse of a megabyte of YAML takes
 *  about a second): their structural fixes are not offered. */
export const REPARSE_MAX_TEXT = 300_000;

/** Work counts (tests): whole texts parsed again for a fix, fixes checked on their entry. */
export const fixGuardWork = { reparsed: 0, entries: 0 };

/** A fix's check before any whole re-parse: right, wrong, or to be re-parsed. */
type Verdict = boolean | 'reparse';

const overlaps = (a: OffsetRange, b: OffsetRange) => a.start < b.end && b.start < a.end;
const inside = (a: OffsetRange, b: OffsetRange) => a.start >= b.start && a.end <= b.end;

/**
 * The fix guard of one analysis of a host document. It runs when the fixes are read
 * (fixes/onRequest.ts), possibly long after the analysis, so it keeps only what the checks read
 * (the text, scalar styles, masks, policy names and ranges), not the host's trees: a JSON host's
 * tree is parsed again the first time a scalar edit asks for it, and let go once every finding
 * has settled. The entry check reads the YAML tree the reuse keeps for the path (yamlReuse.ts):
 * fixes read before the path's next version is parsed (the CLI, fix-all, the language server's
 * code actions on the version it analysed) are checked exactly as during the analysis; read
 * later, a check the entry cannot answer falls back to the whole re-parse, within its budget.
 */
export class FixGuard {
  private budget = REPARSE_BUDGET;
  private readonly text: string;
  private readonly syntax: HostDocument['syntax'];
  private readonly kind: HostDocument['kind'];
  private readonly hint: HostHint;
  private readonly errorCount: number;
  private readonly policyRanges: Map<string, OffsetRange>;
  private readonly scalars: HostDocument['scalars'];
  private readonly rawMasks: readonly OffsetRange[];
  private readonly rawValues: readonly OffsetRange[];

  constructor(host: HostDocument, hint: HostHint) {
    this.text = host.text;
    this.syntax = host.syntax;
    this.kind = host.kind;
    this.hint = { languageId: hint.languageId, path: hint.path };
    this.errorCount = errorsOf(host);
    // By name (the last of a name wins, as it always did; the re-parse compares names only).
    this.policyRanges = new Map(host.policies.map((p) => [p.name, p.range]));
    this.scalars = host.scalars;
    this.rawMasks = host.masks.map((m) => m.range);
    this.rawValues = host.maskedValues;
  }

  /** Makes the findings' fixes, when read, only those that are right in the host (rewritten
   *  where needed): `policyNames[i]` is the policy of `findings[i]`. */
  guard(findings: readonly Finding[], policyNames: readonly (string | undefined)[]): void {
    guardOnRequest(findings, (fixes, _finding, i) => this.check(fixes, policyNames[i]), () => (this.json = undefined));
  }

  /** The fixes that are right in the host (rewritten where needed), undefined when none; or a
   *  function that tells them by re-parsing a JSON host, when some fix needs that. */
  private check(fixes: Fix[], policyName: string | undefined): Fix[] | undefined | (() => Fix[] | undefined) {
    const checked: { fix: Fix; verdict: Verdict }[] = [];
    for (const fix of fixes) {
      const edits = this.restyle(fix.edits);
      const verdict = edits ? this.valid(edits, policyName) : false;
      if (verdict) checked.push({ fix: { ...fix, edits: edits! }, verdict });
    }
    const kept = () => {
      const out = checked.filter(({ fix, verdict }) => verdict === true || this.reparseValid(fix.edits, policyName)).map(({ fix }) => fix);
      return out.length ? out : undefined;
    };
    return checked.some(({ verdict }) => verdict === 'reparse') ? kept : kept();
  }

  /** Masked template parts and masked values, sorted by start (looked up per edit). */
  private masksByStart: OffsetRange[] | undefined;
  private valuesByStart: OffsetRange[] | undefined;

  /** Edits in the host's style, or undefined when one touches masked text. */
  private restyle(edits: TextEdit[]): TextEdit[] | undefined {
    const byStart = (a: OffsetRange, b: OffsetRange) => a.start - b.start;
    const masks = (this.masksByStart ??= [...this.rawMasks].sort(byStart));
    const values = (this.valuesByStart ??= [...this.rawValues].sort(byStart));
    const out: TextEdit[] = [];
    for (const e of edits) {
      if (touching(masks, e.range).some((m) => overlaps(m, e.range) || (e.range.start === e.range.end && e.range.start > m.start && e.range.start < m.end))) return undefined;
      const value = touching(values, e.range).find((v) => overlaps(v, e.range) || (e.range.start === e.range.end && e.range.start > v.start && e.range.start < v.end));
      // Inside a masked value only an edit of its unmasked characters is sound (checked above);
      // replacing the whole value would write the rule's masked copy.
      if (value && !(inside(e.range, value) && e.range.start > value.start && e.range.end < value.end)) return undefined;
      out.push(this.syntax === 'yaml' ? yamlStyled(this.scalars, e) : e);
    }
    return out;
  }

  /** Right, wrong, or to be told by re-parsing the whole text (its budget spent now). A JSON host
   *  is re-parsed only when the fix is read: nothing of that parse touches the other checks. A
   *  YAML one now: its parse goes through the tree reuse (yamlReuse.ts), which the entry checks
   *  of the findings after it read. */
  private valid(edits: TextEdit[], policyName: string | undefined): Verdict {
    if (edits.every((e) => this.scalarEditValid(e))) return true;
    if (this.entryEditValid(edits, policyName)) return true;
    const size = this.text.length;
    if (size > REPARSE_MAX_TEXT || this.budget < size) return false;
    this.budget -= size;
    return this.syntax === 'json' ? 'reparse' : this.reparseValid(edits, policyName);
  }

  private reparseValid(edits: TextEdit[], policyName: string | undefined): boolean {
    fixGuardWork.reparsed++;
    const after = parseHost(applyEdits(this.text, edits), this.hint);
    if (after.kind !== this.kind || errorsOf(after) > this.errorCount) return false;
    return !(policyName && this.policyRanges.has(policyName) && !after.policies.some((p) => p.name === policyName));
  }

  /** Characters the entry checks may read in this analysis (the re-parse budget's counterpart). */
  private readonly entryBudget = { chars: REPARSE_BUDGET };

  /** A YAML edit inside one policy, checked on the one block-mapping entry it changes
   *  (yamlReuse.ts editReadsAlone): the whole text then reads without error and the policy's
   *  document is where it was. Only ever says yes; otherwise the whole text is read again. */
  private entryEditValid(edits: TextEdit[], policyName: string | undefined): boolean {
    if (this.syntax !== 'yaml' || policyName === undefined || this.errorCount > 0) return false;
    const range = this.policyRanges.get(policyName);
    if (!range || edits.some((e) => e.range.start <= range.start || e.range.end > range.end)) return false;
    const alone = editReadsAlone(this.hint.path, this.text, edits, range.start, this.entryBudget) === true;
    if (alone) fixGuardWork.entries++;
    return alone;
  }

  /** The JSON host's tree, parsed again for the scalar checks (the analysis's is not kept). */
  private json: { root: Node | undefined } | undefined;

  /** Scalar start offsets, sorted (built on first use). */
  private starts: number[] | undefined;

  /** An edit inside one scalar whose new text, alone, reads as one scalar of the same kind. */
  private scalarEditValid(e: TextEdit): boolean {
    if (/[\r\n]/.test(e.newText)) return false;
    if (this.syntax === 'json') {
      const root = (this.json ??= { root: parseJson(this.text).root }).root;
      const node = root ? findNodeAtOffset(root, e.range.start, true) : undefined;
      if (!node || node.children || node.offset > e.range.start || e.range.end > node.offset + node.length) return false;
      const token = this.text.slice(node.offset, e.range.start) + e.newText + this.text.slice(e.range.end, node.offset + node.length);
      try {
        JSON.parse(token);
        return true;
      } catch {
        return false;
      }
    }
    const scalars = this.scalars;
    if (!scalars) return false;
    this.starts ??= [...scalars.keys()].sort((a, b) => a - b);
    // The last scalar starting at or before the edit.
    let lo = 0;
    let hi = this.starts.length - 1;
    let found = -1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      if (this.starts[mid] <= e.range.start) {
        found = mid;
        lo = mid + 1;
      } else hi = mid - 1;
    }
    if (found < 0) return false;
    const start = this.starts[found];
    const s = scalars.get(start)!;
    if (e.range.end > s.end) return false;
    const token = this.text.slice(start, e.range.start) + e.newText + this.text.slice(e.range.end, s.end);
    return readsAsOneScalar(token, s.inFlow);
  }
}

/** The ranges (sorted by start) that touch `r`. Masks and masked values do not overlap one
 *  another (a value may be listed twice), so the few starting last before `r` ends are enough. */
function touching(sorted: OffsetRange[], r: OffsetRange): OffsetRange[] {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (sorted[mid].start <= r.end) lo = mid + 1;
    else hi = mid;
  }
  const out: OffsetRange[] = [];
  for (let i = lo - 1, seen = 0; i >= 0 && seen < 16; i--, seen++) {
    if (sorted[i].end >= r.start) out.push(sorted[i]);
  }
  return out;
}

function errorsOf(host: HostDocument): number {
  if (host.syntax !== 'json') return host.errors.length;
  const j = host.json;
  return j ? j.errors.length + j.comments.length + j.trailingCommas.length + (j.tooDeepAt !== undefined ? 1 : 0) : 0;
}

/** A whole-scalar replacement written as a JSON string, in the scalar's own style. */
function yamlStyled(scalars: HostDocument['scalars'], e: TextEdit): TextEdit {
  const scalar = scalars?.get(e.range.start);
  if (!scalar || scalar.end !== e.range.end || !e.newText.startsWith('"')) return e;
  let value: unknown;
  try {
    value = JSON.parse(e.newText);
  } catch {
    return e;
  }
  if (typeof value !== 'string') return e;
  if (scalar.style === 'PLAIN' && readsBack(value, value, scalar.inFlow)) return { ...e, newText: value };
  if (scalar.style === 'QUOTE_SINGLE') {
    const quoted = `'${value.replace(/'/g, "''")}'`;
    if (readsBack(quoted, value, scalar.inFlow)) return { ...e, newText: quoted };
  }
  return e;
}

/** Does `written`, as a scalar in this context, read back as the string `value`? */
function readsBack(written: string, value: string, inFlow: boolean): boolean {
  if (written === '' || /[\r\n]/.test(written)) return false;
  const text = inFlow ? `[${written}]` : `k: ${written}`;
  const fast = oneScalarValue(text, inFlow);
  if (fast) return fast.value === value;
  try {
    const doc = parseDocument(text);
    if (doc.errors.length) return false;
    const js = doc.toJS() as unknown;
    const got = inFlow ? (js as unknown[])?.[0] : (js as Record<string, unknown>)?.k;
    return typeof got === 'string' && got === value && (!inFlow || (js as unknown[]).length === 1);
  } catch {
    return false;
  }
}

/** Does a scalar's text, alone in its context, read as one scalar (no new structure)? */
function readsAsOneScalar(token: string, inFlow: boolean): boolean {
  if (token.trim() === '') return false;
  const text = inFlow ? `[${token}]` : `k: ${token}`;
  if (oneScalarValue(text, inFlow)) return true;
  try {
    const doc = parseDocument(text);
    if (doc.errors.length) return false;
    const js = doc.toJS() as unknown;
    if (inFlow) return Array.isArray(js) && js.length === 1 && (js[0] === null || typeof js[0] !== 'object');
    const v = (js as Record<string, unknown> | null)?.k;
    return js !== null && Object.keys(js as object).length === 1 && (v === null || typeof v !== 'object');
  } catch {
    return false;
  }
}
