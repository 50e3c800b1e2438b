// Fixes on a document that does not parse. Where the JSON is broken, the tree after the first
// error is the parser's guess: an "Add a statement" computed from it can land inside an
// unterminated string or after the root object, and turn a half-typed policy into garbage. On a
// document with syntax errors a fix is therefore kept only when all its edits lie in the part
// that parsed as written (before the first error) and the result has no more errors than the
// input. Valid documents are untouched (and the fuzz test checks that their fixes keep them
// valid). The position test is what makes the guard work (the part before the first error is
// parsed exactly as on a valid document, so fixes computed from it behave as they do there); the
// re-parse is a second line of defence, bounded so a large broken document stays fast, and run
// only when the fixes are read (onRequest.ts).
import { parseJson } from '../parse/jsonDocument';
import { applyEdits } from '../textEdits';
import { Finding, TextEdit } from '../types';
import { JsonDocument } from '../parse/jsonDocument';
import { guardOnRequest } from './onRequest';

/** Characters re-parsed per analysis at most to check fixes (a few parses of a large document);
 *  the host documents' fix guard (hosts/fixGuard.ts) has the same budget. */
export const REPARSE_BUDGET = 2_000_000;

/** Work counts (tests): whole texts parsed again to check a fix on broken JSON. */
export const brokenJsonGuardWork = { reparsed: 0 };

/** Makes the findings' fixes drop, when read, those that would make a broken document worse
 *  (onRequest.ts: checked in the order of `findings`). Valid documents are left alone. */
export function dropFixesOnBrokenJson(json: JsonDocument, findings: Finding[]): void {
  if (json.errors.length === 0) return;
  // What the checks read of the document, and nothing more: the findings may be kept long after
  // the analysis (the language server's code actions), the parse tree need not.
  const text = json.text;
  let firstError = Infinity;
  for (const e of json.errors) firstError = Math.min(firstError, e.offset);
  const before = json.errors.length;
  let budget = REPARSE_BUDGET;
  // Whether the re-parse is granted depends on the budget alone (not on what earlier re-parses
  // found): granted when the finding is checked, run when its fixes are read.
  const granted = () => {
    if (budget < text.length) return false;
    budget -= text.length;
    return true;
  };
  const noWorse = (edits: TextEdit[]) => {
    brokenJsonGuardWork.reparsed++;
    return parseJson(applyEdits(text, edits)).errors.length <= before;
  };
  // Deleting a comment or a trailing comma may happen anywhere: the scanner, not the parser's
  // guess, says what they are (in badly broken text, though, the parser's recovery can still come
  // out worse without them, which the re-parse catches).
  const { comments, trailingCommas } = json;
  let trivia: Set<string> | undefined;
  const isTriviaRemoval = (e: TextEdit) => e.newText === '' && trivia!.has(`${e.range.start}:${e.range.end}`);
  guardOnRequest(findings, (fixes) => {
    trivia ??= new Set<string>([...comments, ...trailingCommas.flatMap((t) => t.commas)].map((r) => `${r.start}:${r.end}`));
    // Per fix: dropped, kept without a re-parse (past the budget), or re-parsed.
    const verdicts = fixes.map((fix) => (!(fix.edits.every(isTriviaRemoval) || fix.edits.every((e) => e.range.end < firstError)) ? 'drop' : granted() ? 'parse' : 'keep'));
    const kept = () => {
      const out = fixes.filter((fix, i) => verdicts[i] === 'keep' || (verdicts[i] === 'parse' && noWorse(fix.edits)));
      if (out.length === fixes.length) return fixes;
      if (out.length && !out.some((x) => x.isPreferred) && fixes.find((x) => x.isPreferred)) out[0] = { ...out[0], isPreferred: true };
      return out.length ? out : undefined;
    };
    return verdicts.includes('parse') ? kept : kept();
  });
}
