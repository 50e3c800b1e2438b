// Is a condition value of the type its operator compares? Numbers, dates, booleans and IP
// addresses as IAM reads them. Each check returns undefined when the value fits, or what was
// expected (for the message).
import { isIPv4, isIPv6 } from 'net';
import { ValueItem } from '../../parse/policyModel';
import { ValueKind } from '../../reference/operators';

const NUMBER = /^[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?$/;
/** ISO 8601 date or date-time, extended (`2026-01-31T12:00:00Z`) or basic (`20260131T120000Z`).
 *  One-digit months and days (`2026-1-31`) are not ISO 8601, but IAM accepts the policy and
 *  Access Analyzer only warns that such a date "might not resolve as expected": with no proof
 *  that it never matches, it is not reported as an error here. */
const ISO_DATE = /^(\d{4})(?:-(\d{1,2})-(\d{1,2})|(\d{2})(\d{2}))(T\d{2}(:?\d{2}(:?\d{2}([.,]\d+)?)?)?(Z|[+-]\d{2}(:?\d{2})?)?)?$/;
const ISO_MONTH = /^\d{4}(-\d{2})?$/;

function isDate(text: string): boolean {
  if (/^\d+$/.test(text) || ISO_MONTH.test(text)) return true; // epoch seconds, year, year-month
  const m = ISO_DATE.exec(text);
  if (!m) return false;
  const month = +(m[2] ?? m[4]);
  const day = +(m[3] ?? m[5]);
  return month >= 1 && month <= 12 && day >= 1 && day <= 31;
}

function isIpOrCidr(text: string): boolean {
  const [addr, bits, ...more] = text.split('/');
  if (more.length) return false;
  const v4 = isIPv4(addr);
  if (!v4 && !isIPv6(addr)) return false;
  if (bits === undefined) return true;
  return /^\d{1,3}$/.test(bits) && +bits <= (v4 ? 32 : 128);
}

/** Can the value match an ARN? It starts with arn:, or its text before the first wildcard could
 *  begin one (`*`, `arn*`). Everything else (`YOUR_CONNECT_INSTANCE_ARN`, a bare account ID) never
 *  matches an ARN. */
function isArnPattern(item: ValueItem): boolean {
  if (typeof item.value !== 'string') return false;
  const literal = item.value.split(/[*?]/)[0];
  const wild = literal.length < item.value.length;
  return literal.startsWith('arn:') || (wild && 'arn:'.startsWith(literal));
}

const isBool = (item: ValueItem) => typeof item.value === 'boolean' || /^(true|false)$/i.test(item.text);

const CHECKS: Partial<Record<ValueKind, { fits: (item: ValueItem) => boolean; expected: string }>> = {
  Numeric: { fits: (i) => typeof i.value === 'number' || NUMBER.test(i.text), expected: 'a number (such as 3600 or "3600")' },
  Date: { fits: (i) => typeof i.value === 'number' || isDate(i.text), expected: 'an ISO 8601 date (such as "2026-12-31T23:59:59Z") or epoch seconds' },
  Bool: { fits: isBool, expected: '"true" or "false"' },
  Null: { fits: isBool, expected: '"true" (the key is absent) or "false" (the key is present)' },
  IPAddress: { fits: (i) => typeof i.value === 'string' && isIpOrCidr(i.value), expected: 'an IPv4 or IPv6 address or CIDR range (such as "203.0.113.0/24")' },
  ARN: { fits: isArnPattern, expected: 'an ARN (such as arn:aws:connect:us-east-1:111122223333:instance/id) or an ARN pattern' },
};

/** What the operator expects when `item` does not fit it; undefined when it fits (or the operator
 *  compares strings, which any value is). Values with a policy variable are judged only after
 *  substitution, so they always pass here. */
export function valueMismatch(kind: ValueKind, item: ValueItem): string | undefined {
  const check = CHECKS[kind];
  if (!check || item.value === null || item.text.includes('${')) return undefined;
  return check.fits(item) ? undefined : check.expected;
}
