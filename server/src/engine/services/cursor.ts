// The cursor's place in text that is still being typed: the string token it is in (closed or
// not), the text it replaces, and jsonc-parser's location. An unclosed string (`"Action": "s3:Get`)
// swallows the rest of its line and, at the end of the text, hides the location altogether; a
// closing quote put at the cursor for the location query gives the path the user means.
import { createScanner, getLocation, Location, ScanError, SyntaxKind } from 'jsonc-parser';
import { deepNestingOffset } from '../parse/jsonDocument';
import { OffsetRange } from '../types';

export interface StringToken {
  start: number;
  end: number;
  unterminated: boolean;
}

export interface Cursor {
  /** The text to analyse: the document, with a closing quote at the cursor inside an unclosed
   *  string. */
  text: string;
  offset: number;
  location: Location;
  /** The string token the cursor is in, if any. */
  token?: StringToken;
  /** What an item replaces: the whole string token (quotes included; up to the cursor when it
   *  is not closed), or nothing at the cursor. */
  range: OffsetRange;
  /** The string's content before the cursor (`s3:Get`). */
  typed: string;
  /** Does a `:` already follow the token (so a key completion must not add one)? */
  colonFollows: boolean;
}

/** The string token that contains the offset (after its opening quote, before its closing one). */
export function stringTokenAt(text: string, offset: number): StringToken | undefined {
  const scanner = createScanner(text, false);
  for (let kind = scanner.scan(); kind !== SyntaxKind.EOF; kind = scanner.scan()) {
    const start = scanner.getTokenOffset();
    if (start >= offset) return undefined;
    const end = start + scanner.getTokenLength();
    if (kind !== SyntaxKind.StringLiteral) continue;
    const unterminated = scanner.getTokenError() === ScanError.UnexpectedEndOfString;
    if (offset < end || (unterminated && offset <= end)) return { start, end, unterminated };
  }
  return undefined;
}

/** The location reported in text nested too deeply to parse: jsonc-parser's getLocation recurses
 *  once per level (10,000 `[` overflow the stack), and no policy nests that deep, so the cursor is
 *  simply nowhere a service has anything to offer. */
const NOWHERE: Location = { path: [], isAtPropertyKey: false, previousNode: undefined, matches: () => false };

export function cursorAt(text: string, offset: number): Cursor {
  const token = stringTokenAt(text, offset);
  const patched = token?.unterminated ? `${text.slice(0, offset)}"${text.slice(offset)}` : text;
  const location = deepNestingOffset(patched) === undefined ? getLocation(patched, offset) : NOWHERE;
  const range = token ? { start: token.start, end: token.unterminated ? offset : token.end } : { start: offset, end: offset };
  const typed = token ? text.slice(token.start + 1, offset) : '';
  const after = token && !token.unterminated ? text.slice(token.end).trimStart() : '';
  return { text: patched, offset, location, token, range, typed, colonFollows: after.startsWith(':') };
}
