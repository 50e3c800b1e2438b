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
}

export function parseJson(text: string): JsonDocument {
  const errors: ParseError[] = [];
  const root = parseTree(text, errors, { allowTrailingComma: true, disallowComments: false, allowEmptyContent: true });
  const { comments, trailingCommas } = scanTrivia(text);
  return { text, root, errors, comments, trailingCommas };
}

/** One scanner pass over the text: every comment, and every comma that is followed (past
 *  trivia) by a closing bracket or brace. */
function scanTrivia(text: string): { comments: OffsetRange[]; trailingCommas: OffsetRange[] } {
  const comments: OffsetRange[] = [];
  const trailingCommas: OffsetRange[] = [];
  const scanner = createScanner(text, false);
  let pendingComma: OffsetRange | undefined;
  for (let kind = scanner.scan(); kind !== SyntaxKind.EOF; kind = scanner.scan()) {
    switch (kind) {
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
        if (pendingComma) trailingCommas.push(pendingComma);
        break;
    }
    pendingComma = undefined;
  }
  return { comments, trailingCommas };
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
