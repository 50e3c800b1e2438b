// docs/access-analyzer-coverage.md maps every IAM Access Analyzer policy check to our rules. These
// tests keep it honest: every check has exactly its rows, every linked rule exists, the summary
// counts are the table's, and a sample of "implemented" rows is proven by linting a policy.
import { describe, it } from 'node:test';
import * as assert from 'node:assert/strict';
import * as fs from 'fs';
import { allRules } from '../../server/src/engine';
import { findingsOf, policy, readFixture } from '../helpers';

/** Access Analyzer's check names by its severity groups, as listed in its policy check reference
 *  (three names appear twice in its Error list). The source of truth for the coverage page. */
const CHECKS: Record<string, string[]> = {
  'Error': [
    'ARN account not allowed', 'ARN Region not allowed', 'Data type mismatch', 'Duplicate keys with different case',
    'Invalid action', 'Invalid ARN account', 'Invalid ARN prefix', 'Invalid ARN Region', 'Invalid ARN resource',
    'Invalid ARN service case', 'Invalid condition data type', 'Invalid condition key format',
    'Invalid condition multiple Boolean', 'Invalid condition operator', 'Invalid effect', 'Invalid global condition key',
    'Invalid partition', 'Invalid policy element', 'Invalid principal format', 'Invalid principal key', 'Invalid Region',
    'Invalid service', 'Invalid service condition key', 'Invalid service in action', 'Invalid variable for operator',
    'Invalid version', 'Json syntax error', 'Json syntax error', 'Missing action', 'Missing ARN field',
    'Missing ARN Region', 'Missing effect', 'Missing principal', 'Missing qualifier', 'Missing resource',
    'Missing statement', 'Null with if exists', 'SCP syntax error action wildcard', 'SCP syntax error allow condition',
    'SCP syntax error allow NotAction', 'SCP syntax error allow resource', 'SCP syntax error NotResource',
    'SCP syntax error principal', 'Unique Sids required', 'Unsupported action in policy',
    'Unsupported element combination', 'Unsupported global condition key', 'Unsupported principal',
    'Unsupported resource ARN in policy', 'Unsupported Sid', 'Unsupported wildcard in principal',
    'Missing brace in variable', 'Missing quote in variable', 'Unsupported space in variable', 'Empty variable',
    'Variable unsupported in element', 'Variable unsupported in version', 'Private IP address', 'Private NotIpAddress',
    'Policy size exceeds SCP quota', 'Invalid service principal format', 'Missing tag key in condition',
    'Invalid vpc format', 'Invalid vpce format', 'Federated principal not supported',
    'Unsupported action for condition key', 'Unsupported action in policy', 'Unsupported resource ARN in policy',
    'Unsupported condition key for service principal', 'Role trust policy syntax error notprincipal',
    'Role trust policy unsupported wildcard in principal', 'Role trust policy syntax error resource',
    'Missing action for condition key', 'Invalid federated principal syntax in role trust policy',
    'Mismatched action for principal', 'Missing action for roles anywhere trust policy',
  ],
  'Security Warning': [
    'Allow with NotPrincipal', 'ForAllValues with single valued key', 'Pass role with NotResource',
    'Pass role with star in action and NotResource', 'Pass role with NotAction and NotResource',
    'Pass role with star in resource', 'Pass role with star in action and resource',
    'Pass role with star in resource and NotAction', 'Missing paired condition keys',
    'Deny with unsupported tag condition key for service', 'Deny NotAction with unsupported tag condition key for service',
    'Restrict access to service principal', 'Missing condition key for oidc principal', 'Missing github repo condition key',
  ],
  'General Warning': [
    'Create SLR with NotResource', 'Create SLR with star in action and NotResource', 'Create SLR with NotAction and NotResource',
    'Create SLR with star in resource', 'Create SLR with star in action and resource',
    'Create SLR with star in resource and NotAction', 'Deprecated global condition key', 'Invalid date value',
    'Invalid role reference', 'Invalid user reference', 'Missing version', 'Unique Sids recommended',
    'Wildcard without like operator', 'Policy size exceeds identity policy quota', 'Policy size exceeds resource policy quota',
    'Type mismatch', 'Type mismatch Boolean', 'Type mismatch date', 'Type mismatch IP range', 'Type mismatch number',
    'Type mismatch string', 'Specific github repo and branch recommended', 'Policy size exceeds role trust policy quota',
  ],
  'Suggestion': [
    'Empty array action', 'Empty array condition', 'Empty array condition ForAllValues', 'Empty array condition ForAnyValue',
    'Empty array condition IfExists', 'Empty array principal', 'Empty array resource', 'Empty object condition',
    'Empty object principal', 'Empty Sid value', 'Improve IP range', 'Null with qualifier', 'Private IP address subset',
    'Private NotIpAddress subset', 'Redundant action', 'Redundant condition value num', 'Redundant resource',
    'Redundant statement', 'Wildcard in service name', 'Allow with unsupported tag condition key for service',
    'Allow NotAction with unsupported tag condition key for service', 'Recommended condition key for service principal',
    'Irrelevant condition key in policy', 'Redundant principal in role trust policy', 'Confirm audience claim type',
  ],
};

const STATUSES = ['implemented', 'partly', 'not applicable', 'not yet'] as const;
type Status = (typeof STATUSES)[number];

/** The shared domain file the names were taken from; present only on the machine it lives on. */
const SHARED_CHECKS = '/work/shared/docs/access-analyzer-checks.md';

interface Row {
  section: string;
  check: string;
  status: string;
  rules: string[];
  /** The third cell without its links: what a partial or missing check lacks. */
  note: string;
}

const LINK = /\[([^\]]*)\]\(rules\/([^)]*)\.md\)/g;

const page = readFixture('docs', 'access-analyzer-coverage.md');

/** `## Error (76)` → its table rows, for the four severity sections. */
function parseRows(text: string): { rows: Row[]; headingCounts: Map<string, number> } {
  const rows: Row[] = [];
  const headingCounts = new Map<string, number>();
  let section: string | undefined;
  for (const line of text.split(/\r?\n/)) {
    const heading = /^## (.+?) \((\d+)\)$/.exec(line);
    if (heading) {
      section = heading[1] in CHECKS ? heading[1] : undefined;
      if (section) headingCounts.set(section, Number(heading[2]));
      continue;
    }
    if (line.startsWith('## ')) section = undefined;
    if (!section || !line.startsWith('|') || /^\| (Check|---)/.test(line)) continue;
    const cells = line.slice(1, -1).split(' | ').map((c) => c.trim());
    assert.equal(cells.length, 3, `a row needs three cells: ${line}`);
    const [check, status, third] = cells;
    const rules = [...third.matchAll(LINK)].map((m) => m[2]);
    const note = third.replace(LINK, '').replace(/^[\s,;]+|[\s,;]+$/g, '');
    rows.push({ section, check, status, rules, note });
  }
  return { rows, headingCounts };
}

const { rows, headingCounts } = parseRows(page);

describe('Access Analyzer coverage page', () => {
  it('embeds the same check names as the shared reference list', (t) => {
    if (!fs.existsSync(SHARED_CHECKS)) {
      t.skip(`${SHARED_CHECKS} is not on this machine`);
      return;
    }
    const shared = fs.readFileSync(SHARED_CHECKS, 'utf8');
    const groups = [...shared.matchAll(/^## (.+?) \(\d+\)\n(.+)$/gm)];
    assert.deepEqual(Object.fromEntries(groups.map((g) => [g[1], g[2].split(',').map((n) => n.trim())])), CHECKS);
  });

  it('has one row per check occurrence, in its severity section', () => {
    assert.equal(Object.values(CHECKS).flat().length, 138);
    for (const [section, names] of Object.entries(CHECKS)) {
      const listed = rows.filter((r) => r.section === section).map((r) => r.check);
      assert.deepEqual([...listed].sort(), [...names].sort(), `rows of section ${section}`);
      assert.equal(headingCounts.get(section), names.length, `heading count of section ${section}`);
    }
  });

  it('gives every row a known status, rule links where covered and a reason where not', () => {
    for (const r of rows) {
      assert.ok((STATUSES as readonly string[]).includes(r.status), `${r.check}: unknown status "${r.status}"`);
      if (r.status === 'implemented' || r.status === 'partly') assert.ok(r.rules.length > 0, `${r.check}: ${r.status} without a rule`);
      else assert.deepEqual(r.rules, [], `${r.check}: ${r.status} but links a rule`);
      if (r.status !== 'implemented') assert.ok(r.note.length > 0, `${r.check}: ${r.status} without saying why`);
    }
  });

  it('links only rules that exist, each by its own id', () => {
    const ids = new Set(allRules.map((r) => r.id));
    const links = [...page.matchAll(LINK)];
    assert.ok(links.length > 0);
    for (const [, text, id] of links) {
      assert.ok(ids.has(id), `docs/access-analyzer-coverage.md links unknown rule ${id}`);
      assert.equal(text, id);
    }
  });

  it('has summary counts that match the table', () => {
    const summary = (status: string) => {
      const m = new RegExp(`^\\| ${status} \\| (\\d+) \\|$`, 'm').exec(page);
      assert.ok(m, `summary row for ${status}`);
      return Number(m[1]);
    };
    for (const s of STATUSES) assert.equal(summary(s), rows.filter((r) => r.status === s).length, `summary count of ${s}`);
    assert.equal(summary('total'), rows.length);
  });
});

/** Policies that Access Analyzer reports under a check the page calls implemented: one of the
 *  rules the row links must fire on it. A sample across families, not every row. */
const allow = (extra: object) => ({ Effect: 'Allow', Action: 's3:GetObject', Resource: '*', ...extra });
const EXAMPLES: Record<string, string> = {
  'ARN account not allowed': policy(allow({ Resource: 'arn:aws:s3::111122223333:amzn-bucket/key' })),
  'Invalid action': policy(allow({ Action: 's3:GetObjectt' })),
  'Invalid ARN prefix': policy(allow({ Action: 'sqs:SendMessage', Resource: 'aws:sqs:us-east-1:111122223333:queue1' })),
  'Invalid ARN Region': policy(allow({ Action: 'sqs:SendMessage', Resource: 'arn:aws:sqs:us-east-9:111122223333:queue1' })),
  'Invalid condition operator': policy(allow({ Condition: { StringEqual: { 'aws:SourceAccount': '111122223333' } } })),
  'Invalid service in action': policy(allow({ Action: 's4:GetObject' })),
  'Unsupported Sid': policy(allow({ Sid: 'read-objects' })),
  'Missing brace in variable': policy(allow({ Resource: 'arn:aws:s3:::bucket/${aws:username' })),
  'Unsupported element combination': policy(allow({ NotAction: 's3:PutObject' })),
  'ForAllValues with single valued key': policy(allow({ Condition: { 'ForAllValues:StringEquals': { 'aws:SourceAccount': '111122223333' } } })),
  'Pass role with star in resource': policy(allow({ Action: 'iam:PassRole' })),
  'Pass role with NotAction and NotResource': policy({ Effect: 'Allow', NotAction: 's3:*', NotResource: 'arn:aws:s3:::bucket' }),
  'Invalid condition multiple Boolean': policy(allow({ Condition: { Bool: { 'aws:SecureTransport': ['true', 'false'] } } })),
  'Missing qualifier': policy(allow({ Condition: { StringEquals: { 'aws:TagKeys': 'team' } } })),
  'Missing quote in variable': policy(allow({ Resource: 'arn:aws:s3:::bucket/${aws:username, none}' })),
  'Private IP address': policy(allow({ Condition: { IpAddress: { 'aws:SourceIp': '10.0.0.0/8' } } })),
  'Invalid service principal format': policy(allow({ Principal: { Service: 'lambda.amazon.com' } })),
  'Restrict access to service principal': policy(allow({ Principal: { Service: 'connect.amazonaws.com' } })),
  'Create SLR with star in resource': policy(allow({ Action: 'iam:CreateServiceLinkedRole' })),
  'Wildcard without like operator': policy(allow({ Condition: { StringEquals: { 's3:prefix': 'home/*' } } })),
  'Redundant action': policy(allow({ Action: ['s3:GetObject', 's3:Get*'] })),
  'Redundant resource': policy(allow({ Resource: ['arn:aws:s3:::b/*', 'arn:aws:s3:::b/x/*'] })),
  'Type mismatch IP range': policy(allow({ Condition: { IpAddress: { 'aws:SourceIp': '300.1.1.1' } } })),
  'Empty array condition IfExists': policy(allow({ Condition: { StringEqualsIfExists: { 'aws:SourceAccount': [] } } })),
  'Empty object principal': policy(allow({ Principal: {} })),
};

describe('Access Analyzer coverage page: implemented rows hold', () => {
  for (const [check, text] of Object.entries(EXAMPLES)) {
    it(check, () => {
      const row = rows.find((r) => r.check === check);
      assert.equal(row?.status, 'implemented' as Status);
      const fired = row!.rules.filter((id) => findingsOf(text, id).length > 0);
      assert.ok(fired.length > 0, `none of ${row!.rules.join(', ')} fires on\n${text}`);
    });
  }
});
