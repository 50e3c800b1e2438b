// The Connect document-level rules work from per-statement facts kept across analyses
// (server/src/engine/connect/statementFacts.ts): an edit of one statement recomputes that
// statement's facts only, and findings are the same with the facts kept or computed afresh.
import { strict as assert } from 'node:assert';
import { describe, it } from 'node:test';
import { analyze, analyzeHost } from '../../server/src/engine';
import { withoutStatementCache } from '../helpers';
import { clearStatementFacts, factsWork } from '../../server/src/engine/connect/statementFacts';
import { generatedPolicy } from '../corpus';
import { readFixture } from '../helpers';
import { roleWithInlinePolicy } from './hostHelpers';

/** Findings as the CLI and the editor get them (ids, ranges, messages, related ranges, fixes). */
const json = (r: { findings: unknown[] }) => JSON.stringify(r.findings);

/** The work an analysis does: statements first seen, facts computed. */
function workOf(run: () => void): { statements: number; computed: number } {
  const before = { ...factsWork };
  run();
  return { statements: factsWork.statements - before.statements, computed: factsWork.computed - before.computed };
}

/** The text with one character of the `n`th Sid changed. */
function editSid(text: string, n: number): string {
  let at = -1;
  for (let i = 0; i <= n; i++) at = text.indexOf('"Sid": "', at + 1);
  assert.ok(at >= 0);
  const c = at + '"Sid": "'.length;
  return text.slice(0, c) + 'X' + text.slice(c + 1);
}

describe('Connect statement facts', () => {
  // The seed's storage, Lambda and Kinesis statements repeated (about 120 statements): every
  // document-level Connect rule has statements to read, and the companion rules findings.
  const text = generatedPolicy(60 * 1024);
  const statements = JSON.parse(text).Statement.length;

  it('an edit of one statement recomputes the facts of that statement only', () => {
    clearStatementFacts();
    const first = workOf(() => analyze(text));
    assert.equal(first.statements, statements);
    assert.ok(first.computed >= statements, `${first.computed} facts for ${statements} statements`);
    // The same text again: nothing to compute.
    assert.deepEqual(workOf(() => analyze(text)), { statements: 0, computed: 0 });
    const edited = editSid(text, Math.floor(statements / 2));
    const edit = workOf(() => analyze(edited));
    assert.equal(edit.statements, 1);
    // One statement's facts: at most one of each kind (what it grants, its candidates, …).
    assert.ok(edit.computed >= 1 && edit.computed <= first.computed / statements + 8, `${edit.computed} facts computed`);
  });

  it('gives the same findings with facts kept across analyses as computed afresh', () => {
    const edited = editSid(text, 3);
    analyze(text);
    const kept = analyze(edited);
    assert.ok(kept.findings.some((f) => f.ruleId === 'connect-permissions-suggested'));
    assert.ok(kept.findings.some((f) => f.ruleId === 'connect-lambda-unqualified-arn'));
    assert.equal(json(kept), json(withoutStatementCache(() => analyze(edited))));
  });

  it('gives the same findings when a statement moves to another document or changes its grants', () => {
    // The bucket statement of the storage policy removed: its companions are no longer granted
    // though every other statement is the same (the facts of the others are reused).
    const seed = JSON.parse(readFixture('test', 'fixtures', 'seed-real', 's3-call-recordings.policy.json'));
    const full = JSON.stringify(seed, null, 2);
    const fewer = JSON.stringify({ ...seed, Statement: seed.Statement.filter((s: { Action?: unknown }) => !JSON.stringify(s.Action ?? '').includes('s3:GetBucket')) }, null, 2);
    assert.notEqual(fewer, full);
    analyze(full);
    const reused = analyze(fewer);
    assert.ok(reused.findings.some((f) => f.ruleId === 'connect-permissions-missing'), 'the bucket permissions are missing');
    assert.equal(json(reused), json(withoutStatementCache(() => analyze(fewer))));
    assert.equal(json(analyze(full)), json(withoutStatementCache(() => analyze(full))));
  });

  it('keys a policy in a template by its values, not its text', () => {
    // The same statement text in two templates, with Resource a GetAtt of resources of different
    // types: what it names (and so what it grants) differs.
    const template = (type: string) => [
      'Resources:',
      '  Bucket:',
      `    Type: ${type}`,
      ...roleWithInlinePolicy('Role', [
        '- Effect: Allow',
        '  Action: [connect:AssociateInstanceStorageConfig]',
        '  Resource: "*"',
        '  Condition: {StringEquals: {connect:StorageResourceType: CALL_RECORDINGS}}',
        '- Effect: Allow',
        '  Action: [s3:GetBucketAcl, s3:GetBucketLocation]',
        '  Resource: !GetAtt Bucket.Arn',
        '- Effect: Allow',
        '  Action: iam:PutRolePolicy',
        '  Resource: arn:aws:iam::111122223333:role/aws-service-role/connect.amazonaws.com/*',
        // More statements, so the policy is more than its Connect statements.
        ...['CreateLogGroup', 'CreateLogStream', 'PutLogEvents', 'DescribeLogGroups', 'DescribeLogStreams', 'GetLogEvents'].flatMap((a) => ['- Effect: Allow', `  Action: logs:${a}`, '  Resource: "*"']),
      ]),
      '',
    ].join('\n');
    const hint = { path: 'template.yaml', languageId: 'yaml' };
    const missing = (type: string) => {
      const t = template(type);
      const found = analyzeHost(t, hint);
      assert.equal(json(found), json(withoutStatementCache(() => analyzeHost(t, hint))), type);
      return found.findings.some((f) => f.ruleId === 'connect-permissions-missing');
    };
    // A bucket grants what S3 storage needs; a stream named where the bucket should be does not.
    assert.equal(missing('AWS::S3::Bucket'), false);
    assert.equal(missing('AWS::Kinesis::Stream'), true);
    assert.equal(missing('AWS::S3::Bucket'), false);
  });
});
