// Action rules: shape, service prefix, action name and wildcard patterns against the reference.
import { describe, it } from 'node:test';
import * as assert from 'node:assert/strict';
import { applyFix, findingsOf, policy, rangeText } from '../helpers';

const stmt = (action: string | string[], resource: string | string[] = '*') => policy({ Effect: 'Allow', Action: action, Resource: resource });

describe('action-malformed', () => {
  it('reports an action without a service prefix as an error on the action', () => {
    const text = stmt(['GetObject', 's3:GetObject'], 'arn:aws:s3:::b/*');
    const [f, ...rest] = findingsOf(text, 'action-malformed');
    assert.equal(rest.length, 0);
    assert.equal(f.severity, 'error');
    assert.equal(rangeText(text, f), '"GetObject"');
    assert.match(f.message, /no service prefix/);
  });

  it('reports characters IAM rejects and offers to remove spaces', () => {
    const text = stmt('s3: GetObject', 'arn:aws:s3:::b/*');
    const [f] = findingsOf(text, 'action-malformed');
    assert.equal(rangeText(text, f), '"s3: GetObject"');
    const fixed = applyFix(text, f);
    assert.deepEqual(findingsOf(fixed, 'action-malformed'), []);
    assert.equal(JSON.parse(fixed).Statement[0].Action, 's3:GetObject');
  });

  it('stays silent on `*`, wildcards and any letter case', () => {
    assert.deepEqual(findingsOf(stmt(['*', 's3:Get*', 'S3:getobject', 'ec2:Describe?pcs']), 'action-malformed'), []);
  });
});

describe('action-unknown-service', () => {
  it('reports the prefix only, with the closest prefixes and a fix', () => {
    const text = stmt('s4:GetObject', 'arn:aws:s3:::b/*');
    const [f] = findingsOf(text, 'action-unknown-service');
    assert.equal(rangeText(text, f), 's4');
    assert.match(f.message, /Did you mean s3\b/);
    const fixed = applyFix(text, f);
    assert.equal(JSON.parse(fixed).Statement[0].Action, 's3:GetObject');
    assert.deepEqual(findingsOf(fixed, 'action-unknown-service'), []);
  });

  it('stays silent on known prefixes in any case', () => {
    assert.deepEqual(findingsOf(stmt(['KINESIS:ListStreams', 'kinesis:ListStreams']), 'action-unknown-service'), []);
  });
});

describe('action-unknown', () => {
  it('reports a misspelt action with the closest names and the data date', () => {
    const text = stmt('s3:GetObjekt', 'arn:aws:s3:::b/*');
    const [f] = findingsOf(text, 'action-unknown');
    assert.equal(f.severity, 'warning');
    assert.equal(rangeText(text, f), '"s3:GetObjekt"');
    assert.match(f.message, /\bs3:GetObject\b/);
    assert.match(f.message, /reference of \d{4}-\d{2}-\d{2}/);
    const fixed = applyFix(text, f);
    assert.equal(JSON.parse(fixed).Statement[0].Action, 's3:GetObject');
    assert.deepEqual(findingsOf(fixed, 'action-unknown'), []);
  });

  it('keeps the prefix as the user wrote it and a lower-case name in lower case', () => {
    const text = stmt('S3:getobjekt', 'arn:aws:s3:::b/*');
    const [f] = findingsOf(text, 'action-unknown');
    assert.equal(JSON.parse(applyFix(text, f)).Statement[0].Action, 'S3:getobject');
  });

  it('stays silent on real actions written in any case', () => {
    assert.deepEqual(findingsOf(stmt(['S3:getobject', 'connect:AssociateLambdaFunction'], ['arn:aws:s3:::b/*', 'arn:aws:connect:us-east-1:111122223333:instance/x']), 'action-unknown'), []);
  });
});

describe('action-pattern-matches-nothing', () => {
  it('reports a wildcard pattern that matches no action of the service', () => {
    const text = stmt('s3:Get*Foo', 'arn:aws:s3:::b/*');
    const [f] = findingsOf(text, 'action-pattern-matches-nothing');
    assert.equal(rangeText(text, f), '"s3:Get*Foo"');
    assert.deepEqual(findingsOf(text, 'action-unknown'), []);
  });

  it('stays silent on patterns that match actions, case-insensitively', () => {
    assert.deepEqual(findingsOf(stmt(['s3:get*', 's3:*Object', 'kinesis:List*']), 'action-pattern-matches-nothing'), []);
  });
});
