// IAM wildcard matching: a policy pattern against a value, against a reference ARN format, and
// one pattern against another (the explicit-Deny analysis).
import { describe, it } from 'node:test';
import * as assert from 'node:assert/strict';
import { patternCovers, patternMatchesFormat, patternsIntersect, wildcardMatches } from '../../server/src/engine/reference/wildcard';

const BUCKET = 'arn:${Partition}:s3:::${BucketName}';
const OBJECT = 'arn:${Partition}:s3:::${BucketName}/${ObjectName}';
const ACCESS_POINT_OBJECT = 'arn:${Partition}:s3:${Region}:${Account}:accesspoint/${AccessPointName}/object/${ObjectName}';
const FUNCTION = 'arn:${Partition}:lambda:${Region}:${Account}:function:${FunctionName}';

describe('wildcardMatches', () => {
  it('matches `*` across `/` and `:`, `?` one character, actions case-insensitively', () => {
    assert.ok(wildcardMatches('arn:aws:s3:::b/*', 'arn:aws:s3:::b/x/y:z'));
    assert.ok(wildcardMatches('s3:Get?bject', 's3:GetObject'));
    assert.ok(!wildcardMatches('s3:Get?bject', 's3:GetObjectAcl'));
    assert.ok(wildcardMatches('S3:get*', 's3:GetObject', true));
    assert.ok(!wildcardMatches('S3:GetObject', 's3:getobject'), 'case-sensitive unless asked');
  });
});

describe('patternMatchesFormat', () => {
  it('tells buckets from objects', () => {
    assert.ok(patternMatchesFormat('arn:aws:s3:::b', BUCKET));
    assert.ok(!patternMatchesFormat('arn:aws:s3:::b/*', BUCKET), 'a bucket name has no `/`');
    assert.ok(patternMatchesFormat('arn:aws:s3:::b/*', OBJECT));
    assert.ok(!patternMatchesFormat('arn:aws:s3:::b', OBJECT));
  });

  it('keeps a variable inside its ARN field', () => {
    // `${Region}` and `${Account}` cannot swallow the `:` separators of an ARN with empty fields.
    assert.ok(!patternMatchesFormat('arn:aws:s3:::b/*', ACCESS_POINT_OBJECT));
    assert.ok(patternMatchesFormat('arn:aws:s3:us-east-1:111122223333:accesspoint/ap/object/*', ACCESS_POINT_OBJECT));
  });

  it('accepts wildcards in any field and rejects other resource words', () => {
    assert.ok(patternMatchesFormat('arn:aws:lambda:*:*:function:my-function', FUNCTION));
    assert.ok(patternMatchesFormat('*', FUNCTION));
    assert.ok(!patternMatchesFormat('arn:aws:lambda:us-east-1:111122223333:layer:x', FUNCTION));
  });
});

describe('patternsIntersect and patternCovers', () => {
  it('finds overlap between two patterns', () => {
    assert.ok(patternsIntersect('s3:Get*', 's3:*Acl', true));
    assert.ok(!patternsIntersect('s3:Get*', 's3:Put*', true));
  });

  it('decides coverage: every string of the inner pattern matches the outer', () => {
    assert.ok(patternCovers('s3:*', 's3:Get*', true));
    assert.ok(patternCovers('arn:aws:s3:::b/*', 'arn:aws:s3:::b/logs/*'));
    assert.ok(!patternCovers('s3:Get*', 's3:*'));
    assert.ok(!patternCovers('arn:aws:s3:::b/?', 'arn:aws:s3:::b/*'), '`?` cannot absorb a `*`');
  });

  it('stays fast on huge input by answering conservatively', () => {
    const huge = 'arn:aws:s3:::' + 'a'.repeat(2_000_000);
    const start = performance.now();
    assert.ok(patternMatchesFormat(huge, BUCKET));
    assert.ok(performance.now() - start < 1000);
  });
});
