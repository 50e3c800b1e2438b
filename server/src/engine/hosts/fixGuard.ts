// Fixes in a host document. The rules build their edits for JSON; in a template an edit must be
// right in the host's syntax, or it is not offered:
// 1. an edit that touches template text the policy model masked (a `${...}` of an `Fn::Sub`, a
//    Serverless variable) or rewrote (a whole `Fn::Sub` string) is dropped: the rule only saw the
//    mask;
// 2. in YAML, a value replaced as a JSON string keeps the scalar's style: a plain scalar stays
//    plain when the new value may be written plain there, a single-quoted one stays single-quoted
//    (a double-quoted JSON string is also a valid YAML scalar, the fallback);
// 3. the generic guard: the fix is applied to the host text, the text is parsed again, and the fix
//    is kept only if the host has no new syntax error and the embedded policy is still found. The
//    re-parses are bounded per analysis (REPARSE_BUDGET characters); past the budget only fixes
//    whose edits stay inside one scalar (checked on the scalar alone) are kept.
import { parseDocument } from 'yaml';
import { applyEdits } from '../textEdits';
import { Finding, Fix, OffsetRange, TextEdit } from '../types';
import { HostDocument, HostHint, parseHost } from './host';

/** Characters re-parsed per analysis to check fixes: a few templates' worth. */
export const REPARSE_BUDGET = 4_000_000;

const overlaps = (a: OffsetRange, b: OffsetRange) => a.start < b.end && b.start < a.end;
const inside = (a: OffsetRange, b: OffsetRange) => a.start >= b.start && a.end <= b.end;

export class FixGuard {
  private budget = REPARSE_BUDGET;
  private readonly errorCount: number;
  private readonly names: Set<string>;

  constructor(private readonly host: HostDocument, private readonly hint: HostHint) {
    this.errorCount = errorsOf(host);
    this.names = new Set(host.policies.map((p) => p.name));
  }

  /** The finding with only the fixes that are right in the host (rewritten where needed). */
  check(finding: Finding, policyName: string | undefined): Finding {
    if (!finding.fixes?.length) return finding;
    const fixes: Fix[] = [];
    for (const fix of finding.fixes) {
      const edits = this.restyle(fix.edits);
      if (!edits || !this.valid(edits, policyName)) continue;
      fixes.push({ ...fix, edits });
    }
    return { ...finding, fixes: fixes.length ? fixes : undefined };
  }

  /** Edits in the host's style, or undefined when one touches masked text. */
  private restyle(edits: TextEdit[]): TextEdit[] | undefined {
    const out: TextEdit[] = [];
    for (const e of edits) {
      if (this.host.masks.some((m) => overlaps(m.range, e.range) || (e.range.start === e.range.end && e.range.start > m.range.start && e.range.start < m.range.end))) return undefined;
      const value = this.host.maskedValues.find((v) => overlaps(v, e.range) || (e.range.start === e.range.end && e.range.start > v.start && e.range.start < v.end));
      // Inside a masked value only an edit of its unmasked characters is sound (checked above);
      // replacing the whole value would write the rule's masked copy.
      if (value && !(inside(e.range, value) && e.range.start > value.start && e.range.end < value.end)) return undefined;
      out.push(this.host.syntax === 'yaml' ? yamlStyled(this.host, e) : e);
    }
    return out;
  }

  private valid(edits: TextEdit[], policyName: string | undefined): boolean {
    const size = this.host.text.length;
    if (this.budget >= size) {
      this.budget -= size;
      const after = parseHost(applyEdits(this.host.text, edits), this.hint);
      if (after.kind !== this.host.kind || errorsOf(after) > this.errorCount) return false;
      const names = new Set(after.policies.map((p) => p.name));
      if (policyName && this.names.has(policyName) && !names.has(policyName)) return false;
      return true;
    }
    // Out of budget: only edits that stay within one YAML scalar, checked on that scalar alone.
    if (this.host.syntax !== 'yaml') return edits.every((e) => !/[\r\n]/.test(e.newText));
    return edits.every((e) => scalarEditValid(this.host, e));
  }
}

function errorsOf(host: HostDocument): number {
  if (host.syntax === 'yaml') return host.errors.length;
  const j = host.json;
  return j ? j.errors.length + j.comments.length + j.trailingCommas.length + (j.tooDeepAt !== undefined ? 1 : 0) : 0;
}

/** A whole-scalar replacement written as a JSON string, in the scalar's own style. */
function yamlStyled(host: HostDocument, e: TextEdit): TextEdit {
  const scalar = host.scalars?.get(e.range.start);
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
  try {
    const doc = parseDocument(inFlow ? `[${written}]` : `k: ${written}`);
    if (doc.errors.length) return false;
    const js = doc.toJS() as unknown;
    const got = inFlow ? (js as unknown[])?.[0] : (js as Record<string, unknown>)?.k;
    return typeof got === 'string' && got === value && (!inFlow || (js as unknown[]).length === 1);
  } catch {
    return false;
  }
}

/** An edit inside one YAML scalar: the scalar's new text, alone, must read as one string. */
function scalarEditValid(host: HostDocument, e: TextEdit): boolean {
  if (/[\r\n]/.test(e.newText)) return false;
  for (const [start, s] of host.scalars ?? []) {
    if (e.range.start < start || e.range.end > s.end) continue;
    const token = host.text.slice(start, e.range.start) + e.newText + host.text.slice(e.range.end, s.end);
    try {
      const doc = parseDocument(s.inFlow ? `[${token}]` : `k: ${token}`);
      return doc.errors.length === 0;
    } catch {
      return false;
    }
  }
  return false;
}
