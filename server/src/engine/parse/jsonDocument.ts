// Text → jsonc-parser tree, plus the things IAM rejects that a lenient JSON parser lets through:
// comments and trailing commas (IAM accepts strict JSON only). The tree is built leniently so a
// syntax error never stops the analysis of what did parse.
import { createScanner, Node, ParseError, ParseErrorCode, parseTree, SyntaxKind } from 'jsonc-parser';
import { OffsetRange } from '../types';

export interface JsonDocument {
  text: string;
  root: Node | undefined;
  /** Parse errors other than comments and trailing commas (those are listed apart). */
  errors: ParseError[];
  comments: OffsetRange[];
  trailingCommas: TrailingCommas[];
  /** Where nesting first went past MAX_DEPTH; the tree is then not built at all. */
  tooDeepAt?: number;
}

/** A run of commas before a closing bracket or brace (`[1,]`, `[1,,]`, or commas with a comment between them): one
 *  finding, one fix that deletes every comma of the run (deleting only the last would expose the
 *  one before it). */
export interface TrailingCommas {
  /** From the first comma to the last. */
  range: OffsetRange;
  commas: OffsetRange[];
}

/** jsonc-parser's parser recurses once per nesting level, so hostile input (thousands of `[`)
 *  would overflow the stack. IAM policies nest six levels at most; anything past this limit is
 *  reported and not parsed. */
export const MAX_DEPTH = 200;

export function parseJson(text: string): JsonDocument {
  const tooDeepAt = deepNestingOffset(text);
  if (tooDeepAt !== undefined) return { text, root: undefined, errors: [], comments: [], trailingCommas: [], tooDeepAt };
  // Parse strictly: on valid JSON (the usual case) that is the only pass over the text. Only when
  // the parser complains do we scan again to tell comments and trailing commas (reported by their
  // own rules, with fixes) from real syntax errors. The tree is the same either way: jsonc-parser
  // reports those two and carries on.
  const errors: ParseError[] = [];
  const root = parseTree(text, errors, { allowTrailingComma: false, disallowComments: true, allowEmptyContent: true });
  if (errors.length === 0) return { text, root, errors, comments: [], trailingCommas: [] };
  const { comments, trailingCommas, explained } = scanTrivia(text);
  const syntaxErrors = errors.filter((e) => e.error !== ParseErrorCode.InvalidCommentToken && !explained.has(e.offset));
  return { text, root, errors: syntaxErrors, comments, trailingCommas };
}

/** Offset of the first bracket that nests deeper than MAX_DEPTH, or undefined.
 *
 *  Counted on jsonc-parser's own scanner tokens, so a `"` inside a comment, an unterminated
 *  string or brackets inside strings are seen exactly as the parser sees them (a character loop
 *  that tracked strings itself was fooled by both). A closer only pops an opener of its own kind:
 *  the parser skips a mismatched closer without leaving its container, so this count is never
 *  lower than the parser's recursion depth. Most texts have fewer brackets than the limit in
 *  all, and then need no scan at all. */
export function deepNestingOffset(text: string): number | undefined {
  if (bracketCount(text) <= MAX_DEPTH) return undefined;
  const scanner = createScanner(text, true);
  // The open containers as a string of kinds ('{' or '['), only ever MAX_DEPTH long.
  const open: number[] = [];
  for (let kind = scanner.scan(); kind !== SyntaxKind.EOF; kind = scanner.scan()) {
    if (kind === SyntaxKind.OpenBraceToken || kind === SyntaxKind.OpenBracketToken) {
      if (open.length >= MAX_DEPTH) return scanner.getTokenOffset();
      open.push(kind);
    } else if (kind === SyntaxKind.CloseBraceToken || kind === SyntaxKind.CloseBracketToken) {
      const opener = kind === SyntaxKind.CloseBraceToken ? SyntaxKind.OpenBraceToken : SyntaxKind.OpenBracketToken;
      if (open[open.length - 1] === opener) open.pop();
    }
  }
  return undefined;
}

/** How many `{` and `[` characters the text has (inside strings and comments too): an upper
 *  bound of the nesting depth that costs one tight loop. */
function bracketCount(text: string): number {
  let n = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 123 /* { */ || c === 91 /* [ */) n++;
  }
  return n;
}

/** A scanner pass over a text that did not parse strictly: every comment, every run of commas
 *  that follows a value and precedes (past trivia) a closing bracket or brace, and the offsets
 *  where the strict parser reports such a run (its commas and its closer), which the trailing-comma
 *  rule explains better than a generic syntax error. A run after `:`, `[` or `{` is no trailing
 *  comma but a missing value, and stays a syntax error. */
function scanTrivia(text: string): { comments: OffsetRange[]; trailingCommas: TrailingCommas[]; explained: Set<number> } {
  const comments: OffsetRange[] = [];
  const trailingCommas: TrailingCommas[] = [];
  const explained = new Set<number>();
  const scanner = createScanner(text, false);
  let run: OffsetRange[] = [];
  let afterValue = false;
  // Open brackets, innermost last: a comma before a closer of the other kind (`[1,}`) is no
  // trailing comma but a mismatched bracket, a syntax error of its own.
  const open: SyntaxKind[] = [];
  for (let kind = scanner.scan(); kind !== SyntaxKind.EOF; kind = scanner.scan()) {
    const start = scanner.getTokenOffset();
    switch (kind) {
      case SyntaxKind.LineCommentTrivia:
      case SyntaxKind.BlockCommentTrivia:
        comments.push({ start, end: start + scanner.getTokenLength() });
        continue;
      case SyntaxKind.Trivia:
      case SyntaxKind.LineBreakTrivia:
        continue;
      case SyntaxKind.CommaToken:
        if (afterValue || run.length) run.push({ start, end: start + 1 });
        afterValue = false;
        continue;
      case SyntaxKind.OpenBraceToken:
      case SyntaxKind.OpenBracketToken:
        open.push(kind);
        break;
      case SyntaxKind.CloseBraceToken:
      case SyntaxKind.CloseBracketToken: {
        const opener = kind === SyntaxKind.CloseBraceToken ? SyntaxKind.OpenBraceToken : SyntaxKind.OpenBracketToken;
        const matches = open[open.length - 1] === opener;
        if (matches) open.pop();
        if (run.length && matches) {
          trailingCommas.push({ range: { start: run[0].start, end: run[run.length - 1].end }, commas: run });
          for (const c of run) explained.add(c.start);
          explained.add(start);
        }
        break;
      }
    }
    run = [];
    afterValue = kind !== SyntaxKind.ColonToken && kind !== SyntaxKind.OpenBraceToken && kind !== SyntaxKind.OpenBracketToken && kind !== SyntaxKind.Unknown;
  }
  return { comments, trailingCommas, explained };
}

/** The string value of a string node, or undefined. */
export function stringValue(node: Node | undefined): string | undefined {
  return node && node.type === 'string' ? (node.value as string) : undefined;
}

export function nodeRange(node: Node): OffsetRange {
  return { start: node.offset, end: node.offset + node.length };
}

/** The key node of a property node. */
export function propertyKey(prop: Node): Node {
  return prop.children![0];
}

/** The value node of a property node (undefined while the user is still typing it). */
export function propertyValue(prop: Node): Node | undefined {
  return prop.children?.[1];
}
