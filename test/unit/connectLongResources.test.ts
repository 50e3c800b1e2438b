// A statement whose Resource element lists thousands of ARNs (generated policies, one statement
// per team): what it grants to the Connect rules is found by weighing only the resources whose
// service can meet each format (connect/grants.ts servicesOf). The findings must be those of the
// same policy without the other services' ARNs, wherever the fitting resource sits in the list.
import { strict as assert } from 'node:assert';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { describe, it } from 'node:test';
import { analyze } from '../../server/src/engine';
import { coverageWork } from '../../server/src/engine/connect/grants';
import { clearStatementFacts } from '../../server/src/engine/connect/statementFacts';

const ROOT = path.join(__dirname, '..', '..');
const POLICIES = [
  ...fs.readdirSync(path.join(ROOT, 'examples')).map((f) => path.join(ROOT, 'examples', f)),
  path.join(ROOT, 'test', 'fixtures', 'connect', 'common-mistakes.policy.json'),
];

type Json = { Statement: Record<string, unknown>[] };

/** ARNs of a service the Connect table has no resource of, naming no Region and no account
 *  (fixes write the policy's own). */
const otherArns = (n: number, from = 0) => Array.from({ length: n }, (_, i) => `arn:aws:route53:::hostedzone/Z${from + i}`);

/** The policy with `n` Route 53 hosted zone ARNs before and after the resources of each Allow
 *  statement that has a Resource element (and `first` before them), laid out as JSON.stringify
 *  does (so that fixes, which follow the layout, compare). */
function padded(text: string, n: number, first: string[] = []): string {
  const doc = JSON.parse(text) as Json;
  for (const s of doc.Statement) {
    if (s.Effect !== 'Allow' || s.Resource === undefined) continue;
    s.Resource = [...first, ...otherArns(n), ...[s.Resource].flat(), ...otherArns(n, n)];
  }
  return JSON.stringify(doc, null, 2);
}

/** The Connect findings without their ranges (padding moves them); for the companion rules, with
 *  the statements their fixes add (which reuse the policy's own resources). */
const connectFindings = (text: string) =>
  analyze(text)
    .findings.filter((f) => f.ruleId.startsWith('connect-'))
    .map((f) => {
      const added = f.ruleId.startsWith('connect-permissions-') ? (f.fixes ?? []).map((x) => x.edits.map((e) => e.newText).join('|')).join(' / ') : '';
      return `${f.ruleId}: ${f.message}${added ? ` => ${added}` : ''}`;
    })
    .sort();

describe('Connect grants of a long Resource element', () => {
  for (const file of POLICIES) {
    it(`${path.basename(file)}: the same Connect findings with 2 × 40 other ARNs around each statement's resources`, () => {
      const text = fs.readFileSync(file, 'utf8');
      const expected = connectFindings(padded(text, 0));
      assert.ok(expected.length > 0 || !file.includes('common-mistakes'), 'the fixture has Connect findings to keep');
      assert.deepEqual(connectFindings(padded(text, 40)), expected);
    });
  }

  it('counts a resource whose service field is a policy variable, as in a short list', () => {
    const text = fs.readFileSync(path.join(ROOT, 'examples', 's3-call-recordings.policy.json'), 'utf8');
    const withVariable = text.replace('"arn:aws:s3:::s3-bucket-name"', '"arn:aws:${aws:PrincipalTag/storage}:::s3-bucket-name"');
    assert.notEqual(withVariable, text);
    assert.deepEqual(connectFindings(padded(withVariable, 40)), connectFindings(padded(withVariable, 0)));
  });

  it('names the same near miss (the first resource of the action\'s service) as in a short list', () => {
    const text = fs.readFileSync(path.join(ROOT, 'examples', 's3-call-recordings.policy.json'), 'utf8');
    // An object ARN where the bucket ARN belongs: the warning quotes it.
    const objects = text.replace('"arn:aws:s3:::s3-bucket-name"', '"arn:aws:s3:::s3-bucket-name/*", "arn:aws:s3:::other-bucket/*"');
    const expected = connectFindings(padded(objects, 0));
    assert.ok(expected.some((m) => m.includes('arn:aws:s3:::s3-bucket-name/*')), expected.join('\n'));
    assert.deepEqual(connectFindings(padded(objects, 40)), expected);
  });

  it('fixes reuse the first resource without wildcards that fits, as in a short list', () => {
    // Without s3:GetBucketAcl, whose fix adds it on the policy's bucket.
    const text = fs.readFileSync(path.join(ROOT, 'examples', 's3-call-recordings.policy.json'), 'utf8').replace('"s3:GetBucketAcl",', '');
    // Buckets with wildcards first (they fit, but a fix does not copy a wildcard), then the
    // padding, then the policy's own bucket: the fixes still write that one.
    const wild = ['arn:aws:s3:::logs-*', 'arn:aws:s3:::archive-?'];
    const expected = connectFindings(padded(text, 0, wild));
    assert.ok(expected.some((m) => m.includes('s3:GetBucketAcl') && m.includes('=> ') && m.includes('"arn:aws:s3:::s3-bucket-name"')), expected.join('\n'));
    assert.deepEqual(connectFindings(padded(text, 40, wild)), expected);
  });

  it('weighs no ARN of a service the table has no format for', () => {
    const text = fs.readFileSync(path.join(ROOT, 'examples', 's3-call-recordings.policy.json'), 'utf8');
    const weighedIn = (policy: string) => {
      clearStatementFacts();
      const before = coverageWork.weighed;
      analyze(policy);
      return coverageWork.weighed - before;
    };
    const plain = weighedIn(text);
    assert.ok(plain > 0);
    // 4,000 hosted zone ARNs in each statement: none of them is weighed against a format (nor
    // are the statement's own ARNs of other services than the format's, as a short list's are).
    const long = weighedIn(padded(text, 2000));
    assert.ok(long <= plain, `${long} weighed, against ${plain} without the hosted zone ARNs`);
  });
});
