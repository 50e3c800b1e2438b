// What a jsonc-parser error means, in words: one home for the strict-JSON rule and for the JSON
// inside Terraform files (heredocs, JSON strings), so neither shows the parser's error code.
import { ParseErrorCode, printParseErrorCode } from 'jsonc-parser';

const MESSAGES: Record<string, string> = {
  InvalidSymbol: 'Unexpected character',
  InvalidNumberFormat: 'Invalid number',
  PropertyNameExpected: 'A property name in double quotes is expected here',
  ValueExpected: 'A value is expected here',
  ColonExpected: 'A colon is expected after the property name',
  CommaExpected: 'A comma is expected here',
  CloseBraceExpected: 'A closing brace } is expected',
  CloseBracketExpected: 'A closing bracket ] is expected',
  EndOfFileExpected: 'Nothing may follow the policy object',
  UnexpectedEndOfString: 'The string is not closed: add the closing double quote',
  UnexpectedEndOfNumber: 'The number ends unexpectedly',
  InvalidUnicode: 'Invalid \\u escape sequence',
  InvalidEscapeCharacter: 'Invalid escape character in string',
  InvalidCharacter: 'Invalid character in string (control characters must be escaped)',
};

/** The error in words (a sentence without its full stop). */
export function describeParseError(error: ParseErrorCode): string {
  const code = printParseErrorCode(error);
  return MESSAGES[code] ?? code;
}
