// Text → jsonc-parser tree, plus the things IAM rejects that a lenient JSON parser lets through:
// comments and trailing commas (IAM accepts strict JSON only). The tree is built leniently so a
// syntax error never stops the analysis of what did parse.
import { createScanner, Node, ParseError, ParseErrorCode, SyntaxKind, visit } from 'jsonc-parser';
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
  // Parse strictly: on valid JSON (the usual case) that is the only pass over the text, the
  // nesting guard included (the tree builder counts the depth as it goes). Only when the parser
  // complains do we scan again to tell comments and trailing commas (reported by their own rules,
  // with fixes) from real syntax errors. The tree is the same either way: jsonc-parser reports
  // those two and carries on.
  const errors: ParseError[] = [];
  const tooDeep = (tooDeepAt: number): JsonDocument => ({ text, root: undefined, errors: [], comments: [], trailingCommas: [], tooDeepAt });
  let root: Node | undefined;
  try {
    root = guardedParseTree(text, errors);
  } catch (err) {
    if (!(err instanceof TooDeep)) throw err;
    // Without an error before it, every closer matched its opener, so the parser's depth is the
    // bracket count of deepNestingOffset and this is its offset. After an error the parser's
    // recovery may have skipped brackets that the count sees: count them as it does.
    return tooDeep(errors.length === 0 ? err.offset : deepNestingOffset(text) ?? err.offset);
  }
  if (errors.length === 0) return { text, root, errors, comments: [], trailingCommas: [] };
  const { comments, trailingCommas, explained, tooDeepAt } = scanTrivia(text);
  // The parser's recovery skips tokens: brackets it skipped still count (as in deepNestingOffset).
  if (tooDeepAt !== undefined) return tooDeep(tooDeepAt);
  const syntaxErrors = errors.filter((e) => e.error !== ParseErrorCode.InvalidCommentToken && !explained.has(e.offset));
  return { text, root, errors: syntaxErrors, comments, trailingCommas };
}

/** Thrown by the tree builder at the first bracket deeper than MAX_DEPTH: it stops the parser's
 *  recursion before it can overflow the stack. */
class TooDeep extends Error {
  constructor(readonly offset: number) {
    super('nesting too deep');
  }
}

const STRICT = { allowTrailingComma: false, disallowComments: true, allowEmptyContent: true };

/** jsonc-parser's parseTree (the same nodes, built by the same visitor callbacks as its own
 *  implementation) plus a depth count that stops the parse past MAX_DEPTH. parseTree takes no
 *  visitor of ours, and a separate pass to measure the depth first cost a scan of the whole text
 *  on every analysis. */
function guardedParseTree(text: string, errors: ParseError[]): Node | undefined {
  const result = buildTree(text, errors, 0, 0);
  if (result) delete (result as { parent?: Node }).parent;
  return result;
}

/** A value read on its own as it reads inside a larger text (jsonReuse.ts): `text` is the value's
 *  text, which starts at offset `base` of the larger one, `depth` containers deep in it. Every
 *  offset of the tree is one of the larger text; its root's parent is left for the caller to set.
 *  Undefined when the text is not exactly one value without a parse error, or nests too deep. */
export function parseValueAt(text: string, base: number, depth: number): Node | undefined {
  const errors: ParseError[] = [];
  let root: Node | undefined;
  try {
    root = buildTree(text, errors, base, depth);
  } catch (err) {
    if (err instanceof TooDeep) return undefined;
    throw err;
  }
  return errors.length === 0 && root && root.offset === base && root.length === text.length ? root : undefined;
}

/** The tree builder of guardedParseTree. Offsets are moved by `base`; the depth count starts at
 *  `depth`. The root keeps its link to the builder's artificial root. */
function buildTree(text: string, errors: ParseError[], base: number, depth: number): Node | undefined {
  interface Building {
    type: Node['type'];
    offset: number;
    length: number;
    parent: Building | undefined;
    children?: Building[];
    value?: unknown;
    colonOffset?: number;
  }
  let current: Building = { type: 'array', offset: -1, length: -1, children: [], parent: undefined }; // artificial root
  const ensurePropertyComplete = (endOffset: number) => {
    if (current.type === 'property') {
      current.length = endOffset - current.offset;
      current = current.parent!;
    }
  };
  const onValue = (node: Building) => {
    current.children!.push(node);
    return node;
  };
  const open = (type: 'object' | 'array', offset: number) => {
    if (++depth > MAX_DEPTH) throw new TooDeep(offset);
    current = onValue({ type, offset, length: -1, parent: current, children: [] });
  };
  const close = (offset: number, length: number) => {
    depth--;
    current.length = offset + length - current.offset;
    current = current.parent!;
    ensurePropertyComplete(offset + length);
  };
  visit(text, {
    onObjectBegin: (offset) => open('object', base + offset),
    onObjectProperty: (name, offset, length) => {
      current = onValue({ type: 'property', offset: base + offset, length: -1, parent: current, children: [] });
      current.children!.push({ type: 'string', value: name, offset: base + offset, length, parent: current });
    },
    onObjectEnd: (offset, length) => {
      ensurePropertyComplete(base + offset + length); // a property without a value ends with its object
      close(base + offset, length);
    },
    onArrayBegin: (offset) => open('array', base + offset),
    onArrayEnd: (offset, length) => close(base + offset, length),
    onLiteralValue: (value, offset, length) => {
      onValue({ type: literalType(value), offset: base + offset, length, parent: current, value });
      ensurePropertyComplete(base + offset + length);
    },
    onSeparator: (sep, offset) => {
      if (current.type !== 'property') return;
      if (sep === ':') current.colonOffset = base + offset;
      else if (sep === ',') ensurePropertyComplete(base + offset);
    },
    onError: (error, offset, length) => {
      errors.push({ error, offset: base + offset, length });
    },
  }, STRICT);
  return current.children![0] as Node | undefined;
}

/** The node type of a literal, as jsonc-parser's own getNodeType names it. */
function literalType(value: unknown): Node['type'] {
  switch (typeof value) {
    case 'boolean': return 'boolean';
    case 'number': return 'number';
    case 'string': return 'string';
    default: return 'null';
  }
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
function scanTrivia(text: string): { comments: OffsetRange[]; trailingCommas: TrailingCommas[]; explained: Set<number>; tooDeepAt?: number } {
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
        // Counted as deepNestingOffset counts (a closer pops only its own kind of opener).
        if (open.length >= MAX_DEPTH) return { comments, trailingCommas, explained, tooDeepAt: start };
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
