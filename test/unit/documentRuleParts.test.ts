// Document-level rules made incremental (statementPart in engine/incremental/statementCache.ts):
// each computes its part of a statement once per statement text and aggregates the parts per
// analysis. Work counts: an edit of one statement recomputes that statement's parts only, and the
// findings stay those of an analysis without the cache, on the edited statement and elsewhere.
import { describe, it } from 'node:test';
import * as assert from 'node:assert/strict';
import { analyzeHost } from '../../server/src/engine';
import { statementCache } from '../../server/src/engine/incremental/statementCache';
import { parsePolicy } from '../../server/src/engine/parse/policyModel';
import { Finding } from '../../server/src/engine/types';
import { generatedPolicy } from '../corpus';
import { withoutStatementCache } from '../helpers';

const PARTS = ['iam-privilege-escalation', 'iam-role-privilege-escalation', 'arn-example-account', 'json-duplicate-key', 'duplicate-key-case', 'element-invalid-type', 'policy-context'];
const hint = { path: 'policy.json' };

/** `text` with its statement number `index` replaced by `statement`. */
function withStatement(text: string, index: number, statement: string): string {
  const node = parsePolicy(text).statements[index].node;
  return text.slice(0, node.offset) + statement + text.slice(node.offset + node.length);
}

/** The parts computed while `run` runs, by name. */
function partsComputed(run: () => void): Record<string, number> {
  const before = new Map(statementCache.computed);
  run();
  return Object.fromEntries(PARTS.map((name) => [name, (statementCache.computed.get(name) ?? 0) - (before.get(name) ?? 0)]));
}

function uncached(text: string): Finding[] {
  return withoutStatementCache(() => analyzeHost(text, hint).findings);
}

const rangeText = (text: string, f: Finding) => text.slice(f.range.start, f.range.end);

describe('document-level rules, per statement', () => {
  const base = generatedPolicy(100 * 1024);
  const statements = parsePolicy(base).statements.length;

  it('an edit of one statement recomputes the parts of that statement only, and finds what a whole analysis finds', () => {
    assert.ok(statements > 200, `${statements} statements`);
    statementCache.clear();
    const first = partsComputed(() => analyzeHost(base, hint));
    for (const name of PARTS) assert.equal(first[name], statements, `${name}: every statement once on the first analysis`);

    // One statement that draws every one of these rules.
    const crafted = '{"Sid": "Crafted", "Effect": "Allow", "effect": "Allow", "Action": ["iam:PassRole", "iam:CreateAccessKey", 7], "Resource": "*", "Resource": "arn:aws:s3:::b", "Condition": {"ArnLike": {"aws:SourceArn": "arn:aws:sns:us-east-1:444455556666:topic"}}}';
    const edited = withStatement(base, Math.floor(statements / 2), crafted);
    let cached: Finding[] = [];
    const again = partsComputed(() => (cached = analyzeHost(edited, hint).findings));
    for (const name of PARTS) assert.equal(again[name], 1, `${name}: only the edited statement`);
    assert.deepEqual(cached, uncached(edited));

    const on = (ruleId: string) => cached.filter((f) => f.ruleId === ruleId).map((f) => rangeText(edited, f));
    assert.deepEqual(on('iam-role-privilege-escalation'), ['"iam:PassRole"']);
    assert.deepEqual(on('iam-privilege-escalation'), ['"iam:CreateAccessKey"']);
    assert.deepEqual(on('json-duplicate-key'), ['"Resource"']);
    assert.deepEqual(on('duplicate-key-case'), ['"effect"']);
    assert.deepEqual(on('element-invalid-type'), ['7']);
    // One finding for the document, its related ranges over every statement's example account.
    const example = cached.filter((f) => f.ruleId === 'arn-example-account');
    assert.equal(example.length, 1);
    assert.ok(example[0].related!.some((r) => edited.slice(r.range.start, r.range.end) === '444455556666'));
  });

  it('a finding on a statement that did not change follows an edit elsewhere (s3:* on every resource makes bucket-policy writes no escalation)', () => {
    const bucketPolicy = '{"Effect": "Allow", "Action": "s3:PutBucketPolicy", "Resource": "*"}';
    const text = withStatement(base, 10, bucketPolicy);
    statementCache.clear();
    const before = analyzeHost(text, hint).findings.filter((f) => f.ruleId === 'iam-privilege-escalation');
    assert.deepEqual(before.map((f) => rangeText(text, f)), ['"s3:PutBucketPolicy"']);

    const edited = withStatement(text, statements - 5, '{"Effect": "Allow", "Action": "s3:*", "Resource": "*"}');
    let after: Finding[] = [];
    const computed = partsComputed(() => (after = analyzeHost(edited, hint).findings));
    assert.equal(computed['iam-privilege-escalation'], 1);
    assert.deepEqual(after.filter((f) => f.ruleId === 'iam-privilege-escalation'), []);
    assert.deepEqual(after, uncached(edited));
  });

  it('parts follow the cache: cleared with it, not used when it is off', () => {
    statementCache.clear();
    assert.deepEqual(partsComputed(() => uncached(base)), Object.fromEntries(PARTS.map((n) => [n, 0])));
    analyzeHost(base, hint);
    statementCache.clear();
    const cold = partsComputed(() => analyzeHost(base, hint));
    assert.equal(cold['iam-privilege-escalation'], statements);
  });
});
