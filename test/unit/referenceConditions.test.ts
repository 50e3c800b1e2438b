// Condition keys against the reference: unknown keys, keys the statement's actions do not
// support, and operators whose type does not fit the key.
import { describe, it } from 'node:test';
import * as assert from 'node:assert/strict';
import { applyFix, findingsOf, lint, policy, rangeText, seedReal } from '../helpers';

const cond = (action: string | string[], condition: object, resource: string | string[] = '*', key = 'Action') =>
  policy({ Effect: 'Allow', [key]: action, Resource: resource, Condition: condition });

describe('unknown-global-condition-key', () => {
  it('reports a misspelt aws: key with a fix to the closest global key', () => {
    const text = cond('s3:ListAllMyBuckets', { IpAddress: { 'aws:SourceIpp': '203.0.113.0/24' } });
    const [f] = findingsOf(text, 'unknown-global-condition-key');
    assert.equal(rangeText(text, f), '"aws:SourceIpp"');
    const fixed = applyFix(text, f);
    assert.ok('aws:SourceIp' in JSON.parse(fixed).Statement[0].Condition.IpAddress);
    assert.deepEqual(findingsOf(fixed, 'unknown-global-condition-key'), []);
  });

  it('keeps the tag key when correcting a key with a variable part', () => {
    const text = cond('ec2:StartInstances', { StringEquals: { 'aws:ResourceTags/Project': 'x' } });
    const [f] = findingsOf(text, 'unknown-global-condition-key');
    assert.ok('aws:ResourceTag/Project' in JSON.parse(applyFix(text, f)).Statement[0].Condition.StringEquals);
  });

  it('stays silent on global keys with variable parts and in any case', () => {
    const text = cond('ec2:StartInstances', { StringEquals: { 'aws:ResourceTag/Project': 'x', 'aws:PrincipalTag/team': 'y', 'AWS:sourceaccount': '111122223333' } });
    assert.deepEqual(findingsOf(text, 'unknown-global-condition-key'), []);
  });
});

describe('unknown-service-condition-key', () => {
  it('reports a key its service does not define, with the closest keys', () => {
    const text = cond('s3:ListBucket', { StringLike: { 's3:prefixx': 'home/' } }, 'arn:aws:s3:::b');
    const [f] = findingsOf(text, 'unknown-service-condition-key');
    assert.equal(rangeText(text, f), '"s3:prefixx"');
    assert.match(f.message, /Did you mean s3:prefix\b/);
    const fixed = applyFix(text, f);
    assert.deepEqual(findingsOf(fixed, 'unknown-service-condition-key'), []);
  });

  it('stays silent on real keys and on identity-provider keys the reference does not cover', () => {
    const text = cond('sts:AssumeRoleWithWebIdentity', { StringLike: { 'token.actions.githubusercontent.com:sub': 'repo:o/r:*', 'sts:RoleSessionName': 'x' } });
    assert.deepEqual(findingsOf(text, 'unknown-service-condition-key'), []);
  });
});

describe('condition-key-not-supported', () => {
  it('warns when no action of the statement supports a service key', () => {
    const text = cond('kinesis:DescribeStream', { StringLike: { 's3:prefix': 'home/' } }, 'arn:aws:kinesis:us-east-1:111122223333:stream/s');
    const [f] = findingsOf(text, 'condition-key-not-supported');
    assert.equal(f.severity, 'warning');
    assert.equal(rangeText(text, f), '"s3:prefix"');
    assert.match(f.message, /never matches/);
  });

  it('says the condition is ignored with an IfExists operator', () => {
    const text = cond('kinesis:DescribeStream', { StringLikeIfExists: { 's3:prefix': 'home/' } }, 'arn:aws:kinesis:us-east-1:111122223333:stream/s');
    const [f] = findingsOf(text, 'condition-key-not-supported');
    assert.match(f.message, /ignored/);
  });

  it('stays silent on global keys, supported keys, NotAction and `*`', () => {
    const text = policy(
      { Effect: 'Allow', Action: 'kinesis:DescribeStream', Resource: '*', Condition: { IpAddress: { 'aws:SourceIp': '203.0.113.0/24' } } },
      { Effect: 'Allow', Action: 's3:ListBucket', Resource: 'arn:aws:s3:::b', Condition: { StringLike: { 's3:prefix': 'home/' } } },
      { Effect: 'Deny', NotAction: 'kinesis:DescribeStream', Resource: '*', Condition: { StringLike: { 's3:prefix': 'home/' } } },
      { Effect: 'Deny', Action: '*', Resource: '*', Condition: { StringLike: { 's3:prefix': 'home/' } } },
    );
    assert.deepEqual(findingsOf(text, 'condition-key-not-supported'), []);
  });

  it('stays silent on credential context keys and on keys no action of their service lists', () => {
    const text = policy(
      { Effect: 'Deny', Action: 's3:GetObject', Resource: '*', Condition: { ArnNotLike: { 'ec2:SourceInstanceARN': 'arn:aws:ec2:*:*:instance/i-1' } } },
      { Effect: 'Allow', Action: 'dynamodb:GetItem', Resource: '*', Condition: { ArnLike: { 'lambda:SourceFunctionArn': 'arn:aws:lambda:*:*:function:f' } } },
      { Effect: 'Allow', Action: 's3:GetObject', Resource: '*', Condition: { StringEquals: { 'glue:RoleAssumedBy': 'glue.amazonaws.com' } } },
      { Effect: 'Allow', Action: 's3:GetObject', Resource: '*', Condition: { StringEquals: { 'a4b:amazonId': 'x' } } },
    );
    assert.deepEqual(findingsOf(text, 'condition-key-not-supported').map((f) => f.message), []);
  });

  it('finds nothing in the seed policies (connect:StorageResourceType on the storage actions)', () => {
    for (const { name, text } of seedReal()) {
      const ids = lint(text).filter((f) => f.ruleId.includes('condition')).map((f) => f.ruleId);
      assert.deepEqual(ids, [], name);
    }
  });
});

describe('condition-key-not-listed', () => {
  it('is only a suggestion for a key of the actions\' own service that the reference does not list for them', () => {
    const text = cond('s3:GetObject', { StringEquals: { 's3:x-amz-acl': 'private' } }, 'arn:aws:s3:::b/*');
    const [f, ...rest] = findingsOf(text, 'condition-key-not-listed');
    assert.equal(rest.length, 0);
    assert.equal(f.severity, 'information');
    assert.equal(rangeText(text, f), '"s3:x-amz-acl"');
    assert.deepEqual(findingsOf(text, 'condition-key-not-supported'), []);
  });

  it('stays silent on supported keys and leaves other services\' keys to condition-key-not-supported', () => {
    assert.deepEqual(findingsOf(cond('s3:PutObject', { StringEquals: { 's3:x-amz-acl': 'private' } }, 'arn:aws:s3:::b/*'), 'condition-key-not-listed'), []);
    const other = cond('kinesis:DescribeStream', { StringLike: { 's3:prefix': 'home/' } }, 'arn:aws:kinesis:us-east-1:111122223333:stream/s');
    assert.deepEqual(findingsOf(other, 'condition-key-not-listed'), []);
    assert.equal(findingsOf(other, 'condition-key-not-supported').length, 1);
  });
});

describe('condition-key-partly-supported', () => {
  it('names the actions a service key does not apply to', () => {
    const text = cond(['s3:ListBucket', 'kinesis:DescribeStream'], { StringLike: { 's3:prefix': 'home/' } }, ['arn:aws:s3:::b', 'arn:aws:kinesis:us-east-1:111122223333:stream/s']);
    const [f] = findingsOf(text, 'condition-key-partly-supported');
    assert.equal(f.severity, 'information');
    assert.equal(rangeText(text, f), '"s3:prefix"');
    assert.match(f.message, /For kinesis:DescribeStream the condition never matches/);
    assert.doesNotMatch(f.message, /s3:ListBucket/);
    assert.deepEqual(findingsOf(text, 'condition-key-not-supported'), []);
  });

  it('stays silent when every action supports the key', () => {
    const text = cond(['s3:ListBucket', 's3:ListBucketVersions'], { StringLike: { 's3:prefix': 'home/' } }, 'arn:aws:s3:::b');
    assert.deepEqual(findingsOf(text, 'condition-key-partly-supported'), []);
  });
});

describe('condition-type-mismatch', () => {
  it('reports an operator that can never match its key, on the operator', () => {
    const text = cond('s3:ListAllMyBuckets', { ArnLike: { 'aws:CurrentTime': 'arn:aws:*' } });
    const [f] = findingsOf(text, 'condition-type-mismatch');
    assert.equal(f.severity, 'warning');
    assert.equal(rangeText(text, f), '"ArnLike"');
    assert.match(f.message, /^ArnLike can never match aws:CurrentTime/);
    assert.equal(rangeText(text, { ...f, range: f.related![0].range }), '"aws:CurrentTime"');
  });

  it('reports Bool on an IP key, IpAddress on a Bool key and Numeric on a Date key', () => {
    const text = cond('s3:ListAllMyBuckets', {
      BoolIfExists: { 'aws:SourceIp': 'true' },
      IpAddress: { 'aws:SecureTransport': '203.0.113.0/24' },
      NumericLessThan: { 'aws:CurrentTime': '5' },
    });
    const ops = findingsOf(text, 'condition-type-mismatch').map((f) => rangeText(text, f));
    assert.deepEqual(ops, ['"BoolIfExists"', '"IpAddress"', '"NumericLessThan"']);
  });

  it('rewrites an ARN operator for a lone key, keeping its set prefix and IfExists', () => {
    const text = cond('s3:GetObject', {
      ArnEqualsIfExists: { 'aws:SecureTransport': 'true' },
      ArnNotEquals: { 'aws:SourceIp': '203.0.113.0/24' },
    }, 'arn:aws:s3:::b/*');
    const found = findingsOf(text, 'condition-type-mismatch');
    assert.equal(found.length, 2);
    let fixed = text;
    for (const f of [...found].reverse()) fixed = applyFix(fixed, f);
    assert.deepEqual(Object.keys(JSON.parse(fixed).Statement[0].Condition), ['BoolIfExists', 'NotIpAddress']);
    assert.deepEqual(findingsOf(fixed, 'condition-type-mismatch'), []);
  });

  it('offers no rewrite when other keys share the operator', () => {
    const text = cond('s3:ListAllMyBuckets', { ArnEquals: { 'aws:SecureTransport': 'true', 'aws:SourceArn': 'arn:aws:s3:::b' } });
    const [f] = findingsOf(text, 'condition-type-mismatch');
    assert.equal(f.fixes, undefined);
  });

  it('stays silent on conditions that evaluate as intended', () => {
    const text = cond('s3:ListAllMyBuckets', {
      ArnLike: {
        'aws:SourceArn': 'arn:aws:connect:*:111122223333:instance/*',
        // String keys that hold ARNs, as AWS managed policies use them.
        'kms:EncryptionContext:aws:s3:arn': 'arn:aws:s3:::b/*', 'aws:RequestTag/awsApplication': 'arn:aws:resource-groups:*',
      },
      StringLike: { 'aws:SourceArn': 'arn:aws:connect:*' },
      // String operators compare the text of any key: "true" on a Bool key, an IP as text.
      StringEquals: { 'aws:ViaAWSService': 'true', 'aws:SourceIp': '203.0.113.7' },
      DateGreaterThan: { 'aws:CurrentTime': '2026-01-01T00:00:00Z' },
      IpAddress: { 'aws:SourceIp': '203.0.113.0/24' },
      Bool: { 'aws:SecureTransport': 'true' },
      'ForAnyValue:StringEquals': { 'aws:TagKeys': 'team' },
      Null: { 'aws:CurrentTime': 'false' },
      NumericLessThan: { 'aws:EpochTime': '1767225600', 'aws:RequestTag/size': '5' },
    });
    assert.deepEqual(findingsOf(text, 'condition-type-mismatch'), []);
  });
});
