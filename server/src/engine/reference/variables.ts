// Policy variables (`${aws:username}`, `${aws:PrincipalTag/team, 'none'}`, the escapes `${*}`,
// `${?}`, `${$}`): the one reading of `${…}` in a string. The syntax rule (unclosed, empty,
// spaces, unquoted default), the unknown-variable and placeholder rules, the Resource matcher and
// the Connect ARN rules all take variables from here, so they agree on where one starts and ends
// and on what it is.
//
// Syntax as in the IAM User Guide, "IAM policy elements: Variables and tags"
// (docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_variables.html): a variable ends at
// the first `}`; a default value follows a comma and is in single quotes.
import type { TextSpan } from './placeholders';

/** `${*}`, `${?}` and `${$}` stand for the character itself. */
export const ESCAPED_CHARACTERS: Readonly<Record<string, string>> = { '${*}': '*', '${?}': '?', '${$}': '$' };

export type VariableProblem = 'unclosed' | 'empty' | 'space' | 'quote';

/** One `${…}` of a string, with what IAM makes of it. */
export interface VariableSpan extends TextSpan {
  /** `special` = `${*}`, `${?}`, `${$}`; `variable` = `${prefix:key}` (the name may still be
   *  unknown); `placeholder` = anything else, e.g. `${InstanceId}` from a reference ARN format. */
  kind: 'special' | 'variable' | 'placeholder';
  /** The variable name without the braces, without a default value (`, 'x'`) and trimmed. */
  name: string;
  /** Index of the name's first character in the string. */
  nameStart: number;
  /** The name as written (before the comma of a default value, spaces kept), from `start + 2`. */
  rawName: string;
  /** The default value as written after the comma (leading space kept), and where it starts. */
  fallback?: { start: number; text: string };
  /** What IAM rejects in it, if anything; `unclosed` spans run to the end of the string. */
  problem?: VariableProblem;
}

/** One colon between a service-like prefix and a key. `${AWS::AccountId}` (CloudFormation) has
 *  two and is a template placeholder, not a policy variable. The prefix may be a service (`aws`,
 *  `s3`), `saml`, or an identity provider's host name (`cognito-identity.amazonaws.com`,
 *  `accounts.google.com`, an OIDC provider URL such as `oidc.eks.….amazonaws.com/id/…`): all
 *  documented variable forms. */
const VARIABLE_NAME = /^[A-Za-z0-9][A-Za-z0-9.\-/]*:(?!:)\S+$/;

function kindOf(name: string): VariableSpan['kind'] {
  if (name === '*' || name === '?' || name === '$') return 'special';
  return VARIABLE_NAME.test(name) ? 'variable' : 'placeholder';
}

/** Every `${` of a string, closed or not, with what is wrong with it. One pass, bounded by the
 *  length of the text. */
export function scanVariables(text: string): VariableSpan[] {
  const out: VariableSpan[] = [];
  for (let open = text.indexOf('${'); open >= 0; open = text.indexOf('${', open + 2)) {
    const close = text.indexOf('}', open + 2);
    const inner = text.slice(open + 2, close < 0 ? text.length : close);
    const comma = close < 0 ? -1 : inner.indexOf(',');
    const rawName = comma < 0 ? inner : inner.slice(0, comma);
    const name = rawName.trim();
    const span = {
      start: open, end: close < 0 ? text.length : close + 1, text: text.slice(open, close < 0 ? text.length : close + 1),
      kind: kindOf(name), name, nameStart: open + 2 + (rawName.length - rawName.trimStart().length), rawName,
    };
    if (close < 0) {
      out.push({ ...span, problem: 'unclosed' });
      break;
    }
    const fallback = comma < 0 ? undefined : inner.slice(comma + 1).trim();
    const unquoted = fallback !== undefined && !(fallback.length >= 2 && fallback.startsWith("'") && fallback.endsWith("'"));
    const problem = inner.trim() === '' ? 'empty' : /\s/.test(rawName) ? 'space' : unquoted ? 'quote' : undefined;
    out.push({ ...span, problem, fallback: comma < 0 ? undefined : { start: open + 3 + comma, text: inner.slice(comma + 1) } });
    open = close - 1;
  }
  return out;
}

/** The closed `${…}` of a string (an unclosed one is no variable: IAM rejects it, and the syntax
 *  rule says so). */
export function variableSpans(text: string): VariableSpan[] {
  return scanVariables(text).filter((v) => v.problem !== 'unclosed');
}

/** Does the text hold a policy variable (or what starts one)? A quick test, for values whose
 *  meaning a variable leaves open. */
export function hasPolicyVariable(text: string): boolean {
  return text.includes('${');
}

/** Does the text have a `*` or `?` that is a wildcard, not inside the escapes `${*}` and `${?}`? */
export function hasUnescapedWildcard(text: string): boolean {
  let rest = text;
  for (const v of variableSpans(text).reverse()) if (v.kind === 'special') rest = rest.slice(0, v.start) + rest.slice(v.end);
  return rest.includes('*') || rest.includes('?');
}
