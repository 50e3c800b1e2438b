// Text → jsonc-parser tree, plus the things IAM rejects that a lenient JSON parser lets through:
// comments and trailing commas (IAM accepts strict JSON only). The tree is built leniently so a
// syntax error never stops the analysis of what did parse.
import { createScanner, Node, ParseError, parseTree, SyntaxKind } from 'jsonc-parser';
import { OffsetRange } from '../types';

export interface JsonDocument {
  text: string;
  root: Node | undefined;
  /** Parse errors other than comments and trailing commas (those are listed apart). */
  errors: ParseError[];
  comments: OffsetRange[];
  trailingCommas: OffsetRange[];
  /** Where nesting first went past MAX_DEPTH; the tree is then not built at all. */
  tooDeepAt?: number;
}

/** jsonc-parser's parser recurses once per nesting level, so hostile input (thousands of `[`)
 *  would overflow the stack. IAM policies nest six levels at most; anything past this limit is
 *  reported and not parsed. */
export const MAX_DEPTH = 200;

export function parseJson(text: string): JsonDocument {
  const errors: ParseError[] = [];
  const { comments, trailingCommas, tooDeepAt } = scanTrivia(text);
  const root = tooDeepAt === undefined
    ? parseTree(text, errors, { allowTrailingComma: true, disallowComments: false, allowEmptyContent: true })
    : undefined;
  return { text, root, errors, comments, trailingCommas, tooDeepAt };
}

/** One scanner pass over the text: every comment, every comma that is followed (past trivia) by
 *  a closing bracket or brace, and whether nesting goes past MAX_DEPTH. */
function scanTrivia(text: string): { comments: OffsetRange[]; trailingCommas: OffsetRange[]; tooDeepAt?: number } {
  const comments: OffsetRange[] = [];
  const trailingCommas: OffsetRange[] = [];
  const scanner = createScanner(text, false);
  let pendingComma: OffsetRange | undefined;
  let depth = 0;
  let tooDeepAt: number | undefined;
  for (let kind = scanner.scan(); kind !== SyntaxKind.EOF; kind = scanner.scan()) {
    switch (kind) {
      case SyntaxKind.OpenBraceToken:
      case SyntaxKind.OpenBracketToken:
        if (++depth > MAX_DEPTH && tooDeepAt === undefined) tooDeepAt = scanner.getTokenOffset();
        break;
      case SyntaxKind.LineCommentTrivia:
      case SyntaxKind.BlockCommentTrivia:
        comments.push({ start: scanner.getTokenOffset(), end: scanner.getTokenOffset() + scanner.getTokenLength() });
        continue;
      case SyntaxKind.Trivia:
      case SyntaxKind.LineBreakTrivia:
        continue;
      case SyntaxKind.CommaToken:
        pendingComma = { start: scanner.getTokenOffset(), end: scanner.getTokenOffset() + 1 };
        continue;
      case SyntaxKind.CloseBraceToken:
      case SyntaxKind.CloseBracketToken:
        depth--;
        if (pendingComma) trailingCommas.push(pendingComma);
        break;
    }
    pendingComma = undefined;
  }
  return { comments, trailingCommas, tooDeepAt };
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
