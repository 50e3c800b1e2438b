// The cases of single rules (ranges, messages, fixes) are in test/unit/rules/grammar.cases.ts; what
// stays here checks more than one rule at a time (the family silent after a fix, safe flags, seeds).
import { describe, it } from 'node:test';
import * as assert from 'node:assert/strict';
import { findingsOf, policy, readFixture, seedReal, seedVerbatim } from '../helpers';
import { grammarRules } from '../../server/src/engine/rules/grammar';
import { fixAndRelint, grammarIds, grammarSilent, only, silent } from './grammarHelpers';

const LIST = { Effect: 'Allow', Action: 's3:ListAllMyBuckets', Resource: '*' };
const TRUST = '{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":{"Service":"ec2.amazonaws.com"},"Action":"sts:AssumeRole"}]}';
const BUCKET_POLICY = policy({
  Sid: 'Allow Connect to write call recordings',
  Effect: 'Allow',
  Principal: { Service: 'connect.amazonaws.com' },
  Action: 's3:PutObject',
  Resource: 'arn:aws:s3:::connect-recordings-111122223333/*',
  Condition: { StringEquals: { 'aws:SourceAccount': '111122223333' } },
});

describe('grammar: policies IAM accepts get no grammar finding', () => {
  for (const { name, text } of [...seedReal(), ...seedVerbatim()]) {
    it(`seed policy ${name}`, () => grammarSilent(text));
  }
  it('a role trust policy (Principal, no Resource)', () => grammarSilent(TRUST));
  it('an S3 bucket policy with spaces in its Sid', () => grammarSilent(BUCKET_POLICY));
  it('a single statement object, Id, NotAction/NotResource and policy variables where allowed', () => grammarSilent(JSON.stringify({
    Version: '2012-10-17',
    Id: 'self-service',
    Statement: { Sid: 'OwnFolder1', Effect: 'Deny', NotAction: ['s3:Get*'], NotResource: 'arn:aws:s3:::home/${aws:username}/*' },
  }, null, 2)));
});

describe('version-missing', () => {
  it('reports the root brace and adds the version before the first element', () => {
    const text = '{\n  "Statement": [{"Effect": "Allow", "Action": "s3:ListAllMyBuckets", "Resource": "*"}]\n}';
    const f = only(text, 'version-missing', '{');
    assert.equal(f.fixes?.[0].safe, true);
    const fixed = fixAndRelint(text, f);
    assert.match(fixed, /^\{\n {2}"Version": "2012-10-17",\n {2}"Statement"/);
    grammarSilent(fixed);
  });
  it('does not call the fix safe when the policy has variables (they start being substituted)', () => {
    const text = JSON.stringify({ Statement: [{ ...LIST, Resource: 'arn:aws:s3:::home/${aws:username}' }] });
    assert.equal(only(text, 'version-missing', '{').fixes?.[0].safe, false);
    grammarSilent(fixAndRelint(text, findingsOf(text, 'version-missing')[0]));
  });
  it('stays silent with a version', () => silent(policy(LIST), 'version-missing'));
});

describe('version-invalid and version-outdated', () => {
  it('reports a wrong version string and fixes it to 2012-10-17', () => {
    const text = policy(LIST).replace('2012-10-17', '2012-10-18');
    fixAndRelint(text, only(text, 'version-invalid', '"2012-10-18"'));
  });
  it('reports a version that is not a string', () => {
    const text = policy(LIST).replace('"2012-10-17"', '2012');
    const fixed = fixAndRelint(text, only(text, 'version-invalid', '2012'));
    grammarSilent(fixed);
  });
  it('replaces a version that is an array', () => {
    const text = policy(LIST).replace('"2012-10-17"', '["2012-10-17"]');
    grammarSilent(fixAndRelint(text, only(text, 'version-invalid', '["2012-10-17"]')));
  });
  it('suggests 2012-10-17 over 2008-10-17 as information only', () => {
    const text = policy(LIST).replace('2012-10-17', '2008-10-17');
    silent(text, 'version-invalid');
    const f = only(text, 'version-outdated', '"2008-10-17"');
    assert.equal(f.severity, 'information');
    fixAndRelint(text, f);
  });
  it('stay silent on 2012-10-17', () => {
    silent(policy(LIST), 'version-invalid');
    silent(policy(LIST), 'version-outdated');
  });
});

describe('policy-unknown-element', () => {
  it('reports a misspelt top-level element with a fix to the nearest name', () => {
    const text = policy(LIST).replace('"Version"', '"Versoin"');
    silent(text, 'version-missing'); // the misspelling is the finding, not a missing Version
    const f = only(text, 'policy-unknown-element', '"Versoin"');
    assert.match(f.message, /Did you mean Version\?/);
    grammarSilent(fixAndRelint(text, f));
  });
  it('marks a case-only fix safe', () => {
    const text = policy(LIST).replace('"Version"', '"version"');
    assert.equal(only(text, 'policy-unknown-element', '"version"').fixes?.[0].safe, true);
  });
  it('reports an element with no near name, without a fix', () => {
    const text = policy(LIST).replace('"Version"', '"Description": "x",\n  "Version"');
    assert.equal(only(text, 'policy-unknown-element', '"Description"').fixes, undefined);
  });
  it('stays silent on Version, Id and Statement', () => silent(policy(LIST).replace('{', '{"Id": "a",'), 'policy-unknown-element'));
});

describe('statement-unknown-element', () => {
  it('reports `Actions` with a fix to `Action`, and no action-missing on top', () => {
    const text = policy({ Effect: 'Allow', Actions: 's3:ListAllMyBuckets', Resource: '*' });
    const f = only(text, 'statement-unknown-element', '"Actions"');
    assert.equal(f.fixes?.[0].safe, false);
    silent(text, 'action-missing');
    grammarSilent(fixAndRelint(text, f));
  });
  it('reports `effect` as a case mistake with a safe fix', () => {
    const text = policy({ effect: 'Allow', Action: 's3:ListAllMyBuckets', Resource: '*' });
    const f = only(text, 'statement-unknown-element', '"effect"');
    assert.equal(f.fixes?.[0].safe, true);
    silent(text, 'effect-missing');
    grammarSilent(fixAndRelint(text, f));
  });
  it('offers no rename when the suggested name is taken', () => {
    const text = policy({ ...LIST, Actions: 's3:GetObject' });
    assert.equal(only(text, 'statement-unknown-element', '"Actions"').fixes, undefined);
  });
  it('stays silent on the nine statement elements', () => silent(BUCKET_POLICY, 'statement-unknown-element'));
});

describe('duplicate-key-case', () => {
  it('reports `action` beside `Action` with the first as related location, once', () => {
    const text = policy({ ...LIST, action: 's3:GetObject' });
    const f = only(text, 'duplicate-key-case', '"action"');
    assert.equal(f.related?.length, 1);
    silent(text, 'statement-unknown-element');
  });
  it('reports condition keys that differ only in case', () => {
    const text = policy({ ...LIST, Condition: { StringEquals: { 'aws:SourceAccount': '111122223333', 'aws:sourceaccount': '444455556666' } } });
    only(text, 'duplicate-key-case', '"aws:sourceaccount"');
  });
  it('stays silent on distinct keys (and leaves exact repeats to json-duplicate-key)', () => {
    silent(BUCKET_POLICY, 'duplicate-key-case');
    silent(policy(LIST).replace('"Resource": "*"', '"Resource": "*", "Resource": "*"'), 'duplicate-key-case');
  });
});

describe('Sid rules', () => {
  const two = (a: string, b: string) => policy({ Sid: a, ...LIST }, { Sid: b, ...LIST, Action: 's3:GetObject' });
  it('sid-duplicate reports the repeat with the first as related location', () => {
    const text = two('ListAll', 'ListAll');
    const f = only(text, 'sid-duplicate', '"ListAll"');
    assert.ok(f.range.start > text.indexOf('"ListAll"'));
    assert.equal(text.slice(f.related![0].range.start, f.related![0].range.end), '"ListAll"');
    silent(two('ListAll', 'GetObjects'), 'sid-duplicate');
  });
  it('sid-invalid-characters reports spaces in an identity policy and fixes them safely', () => {
    const text = two('List all buckets', 'Get');
    const f = only(text, 'sid-invalid-characters', '"List all buckets"');
    assert.equal(f.fixes?.[0].safe, true);
    assert.match(fixAndRelint(text, f), /"Sid": "ListAllBuckets"/);
  });
  it('sid-invalid-characters stays silent in a resource policy', () => silent(BUCKET_POLICY, 'sid-invalid-characters'));
  it('sid-invalid-characters offers no fix that would duplicate another Sid', () => {
    const text = two('List-All', 'ListAll');
    assert.equal(only(text, 'sid-invalid-characters', '"List-All"').fixes, undefined);
  });
  it('sid-empty reports an empty Sid as information, and only that', () => {
    const text = two('', '');
    assert.equal(findingsOf(text, 'sid-empty').length, 2);
    assert.deepEqual(grammarIds(text), ['sid-empty', 'sid-empty']);
    silent(two('A', 'B'), 'sid-empty');
  });
});

describe('Effect', () => {
  it('effect-missing reports the statement brace', () => {
    const text = policy({ Action: 's3:ListAllMyBuckets', Resource: '*' });
    const f = only(text, 'effect-missing', '{');
    assert.equal(f.range.start, text.indexOf('{', 1));
    silent(policy(LIST), 'effect-missing');
  });
  it('effect-invalid fixes `allow` to `Allow` (preferred and safe)', () => {
    const text = policy({ ...LIST, Effect: 'allow' });
    const f = only(text, 'effect-invalid', '"allow"');
    assert.equal(f.fixes?.[0].isPreferred, true);
    assert.equal(f.fixes?.[0].safe, true);
    grammarSilent(fixAndRelint(text, f));
  });
  it('effect-invalid offers an unsafe fix for a misspelling and none for nonsense', () => {
    const text = policy({ ...LIST, Effect: 'Alow' });
    const f = only(text, 'effect-invalid', '"Alow"');
    assert.equal(f.fixes?.[0].safe, false);
    assert.match(fixAndRelint(text, f), /"Effect": "Allow"/);
    assert.equal(only(policy({ ...LIST, Effect: 'Grant' }), 'effect-invalid', '"Grant"').fixes, undefined);
  });
  it('effect-invalid stays silent on Allow and Deny', () => silent(policy(LIST, { ...LIST, Effect: 'Deny' }), 'effect-invalid'));
});

describe('principal-invalid', () => {
  const withPrincipal = (principal: unknown) => policy({ Effect: 'Allow', Principal: principal, Action: 's3:GetObject', Resource: 'arn:aws:s3:::b/*' });
  it('reports a plain string other than "*"', () => {
    only(withPrincipal('arn:aws:iam::111122223333:root'), 'principal-invalid', '"arn:aws:iam::111122223333:root"');
  });
  it('reports an unknown principal type with a fix to the nearest', () => {
    const text = withPrincipal({ Services: 'connect.amazonaws.com' });
    const f = only(text, 'principal-invalid', '"Services"');
    grammarSilent(fixAndRelint(text, f));
  });
  it('reports a value of the wrong type', () => {
    only(withPrincipal({ AWS: 111122223333 }), 'principal-invalid', '111122223333');
    only(withPrincipal(['*']), 'principal-invalid', '[\n        "*"\n      ]');
  });
  it('stays silent on "*", every principal type and string arrays', () => {
    silent(withPrincipal('*'), 'principal-invalid');
    silent(withPrincipal({ AWS: ['arn:aws:iam::111122223333:root', '444455556666'], Service: 'connect.amazonaws.com', Federated: 'cognito-identity.amazonaws.com', CanonicalUser: '79a59df900b949e55d96a1e698fbacedfd6e09d98eacf8f8d5218e7cd47ef2be' }), 'principal-invalid');
    silent(policy({ ...LIST, Effect: 'Deny', NotPrincipal: { AWS: 'arn:aws:iam::111122223333:root' }, Resource: 'arn:aws:s3:::b' }), 'principal-invalid');
  });
});

describe('grammar docs: each page\'s example triggers its rule and the corrected one does not', () => {
  for (const rule of grammarRules) {
    it(rule.id, () => {
      const page = readFixture('docs', 'rules', `${rule.id}.md`);
      const [bad, good] = [...page.matchAll(/```json\n([\s\S]*?)\n```/g)].map((m) => m[1]);
      assert.ok(findingsOf(bad, rule.id).length > 0, 'the example does not trigger the rule');
      // The corrected policy is clean for the whole family, not only for this rule.
      grammarSilent(good);
    });
  }
});
