// The cases of single value rules (ranges, messages, fixes) are in test/unit/rules/values.cases.ts;
// what stays here checks the seed's placeholders, templates and the rules together.
import { describe, it } from 'node:test';
import * as assert from 'node:assert/strict';
import fc from 'fast-check';
import { applyFix, findingsOf, lint, policy, rangeText, seedReal, seedVerbatim } from '../helpers';
import { Finding } from '../../server/src/engine';
import { valueRules } from '../../server/src/engine/rules/values';

/** A one-statement policy allowing `action` on `resources`. */
const allow = (resources: string | string[], action = 's3:GetObject', extra: object = {}) =>
  policy({ Effect: 'Allow', Action: action, Resource: resources, ...extra });

/** The single finding of `ruleId` in `text`. */
function only(text: string, ruleId: string): Finding {
  const found = findingsOf(text, ruleId);
  assert.equal(found.length, 1, `expected one ${ruleId}, got ${found.map((f) => f.message).join(' | ')}`);
  return found[0];
}

/** Apply the preferred fix, check the JSON still parses and the finding is gone; return the text. */
function fixAndRelint(text: string, f: Finding): string {
  const fixed = applyFix(text, f);
  assert.doesNotThrow(() => JSON.parse(fixed));
  assert.deepEqual(findingsOf(fixed, f.ruleId), []);
  return fixed;
}

const silent = (text: string, ruleId: string) => assert.deepEqual(findingsOf(text, ruleId).map((f) => f.message), []);

/** Every occurrence of a seed placeholder, as a whole ARN field or path segment. */
const SEED_PLACEHOLDERS = ['region', 'account-id', 'instance-id', 's3-bucket-name', 'stream-name', 'my-function'];
/** Those that are valid names (example-like, information); the others cannot be real (warning). */
const SEED_NAMES = new Set(['s3-bucket-name', 'stream-name', 'my-function']);
function seedOccurrences(text: string): { name: string; offset: number }[] {
  const out: { name: string; offset: number }[] = [];
  for (const name of SEED_PLACEHOLDERS) {
    const re = new RegExp(`(?<=[:/])${name}(?=[:/"])`, 'g');
    for (let m = re.exec(text); m; m = re.exec(text)) out.push({ name, offset: m.index });
  }
  return out;
}

describe('placeholder-value', () => {
  it('flags each placeholder of the seed\'s three policies on its own field, warning only where it cannot be real', () => {
    let total = 0;
    for (const { name, text } of seedVerbatim()) {
      const found = [...findingsOf(text, 'placeholder-value'), ...findingsOf(text, 'placeholder-name')];
      const occurrences = seedOccurrences(text);
      assert.ok(occurrences.length >= 4, `${name}: the seed has placeholders`);
      for (const o of occurrences) {
        const f = found.find((x) => x.range.start === o.offset);
        assert.ok(f, `${name}: \`${o.name}\` at ${o.offset} is not flagged`);
        assert.equal(rangeText(text, f), o.name);
        assert.equal(f.ruleId, SEED_NAMES.has(o.name) ? 'placeholder-name' : 'placeholder-value', o.name);
        assert.equal(f.severity, SEED_NAMES.has(o.name) ? 'information' : 'warning', o.name);
        assert.deepEqual(f.data, { placeholder: o.name });
      }
      assert.equal(found.length, occurrences.length, `${name}: nothing else is flagged`);
      total += occurrences.length;
      // No field is reported twice (as a placeholder and as an invalid Region/account).
      for (const id of ['arn-unknown-region', 'arn-invalid-account', 'arn-invalid-partition']) silent(text, id);
    }
    assert.equal(total, 15);
  });

  it('gives the seed with real values no error and no warning from any value rule', () => {
    const ids = new Set(valueRules.map((r) => r.id));
    for (const { name, text } of seedReal()) {
      const bad = lint(text).filter((f) => ids.has(f.ruleId) && (f.severity === 'error' || f.severity === 'warning'));
      assert.deepEqual(bad.map((f) => `${name}: ${f.ruleId} ${f.message}`), []);
    }
  });

  it('flags template placeholders: <…>, {{…}}, ${Name}, CloudFormation pseudo parameters, UPPER_SNAKE', () => {
    const cases: [string, string][] = [
      ['arn:aws:s3:::<bucket>/*', '<bucket>'],
      ['arn:aws:kinesis:us-east-1:<account-id>:stream/a', '<account-id>'],
      ['arn:aws:s3:::{{BucketName}}', '{{BucketName}}'],
      ['arn:aws:connect:us-east-1:210987654321:instance/${InstanceId}', '${InstanceId}'],
      ['arn:aws:kinesis:us-east-1:${AWS::AccountId}:stream/a', '${AWS::AccountId}'],
      ['arn:aws:kinesis:us-east-1:ACCOUNT_ID:stream/a', 'ACCOUNT_ID'],
      ['arn:aws:s3:::amzn-s3-demo-bucket/*', 'amzn-s3-demo-bucket'],
      ['arn:aws:s3:::DOC-EXAMPLE-BUCKET', 'DOC-EXAMPLE-BUCKET'],
    ];
    for (const [arn, expected] of cases) {
      const text = allow(arn);
      const f = only(text, 'placeholder-value');
      assert.equal(rangeText(text, f), expected, arn);
      assert.deepEqual(f.data, { placeholder: expected });
      for (const id of ['arn-invalid-account', 'unknown-policy-variable']) silent(text, id);
    }
  });

  it('reports valid names that read like examples as information, under placeholder-name', () => {
    const cases: [string, string][] = [
      ['arn:aws:dynamodb:us-east-1:210987654321:table/TABLE_NAME', 'TABLE_NAME'],
      ['arn:aws:lambda:us-east-1:210987654321:function:my-function', 'my-function'],
      ['arn:aws:s3:::my-bucket/*', 'my-bucket'],
      ['arn:aws:kinesis:us-east-1:210987654321:stream/stream-name', 'stream-name'],
    ];
    for (const [arn, expected] of cases) {
      const text = allow(arn);
      const f = only(text, 'placeholder-name');
      assert.equal(rangeText(text, f), expected, arn);
      assert.equal(f.severity, 'information');
      silent(text, 'placeholder-value');
    }
    silent(allow('arn:aws:s3:::my-connect-recording-bucket/*'), 'placeholder-name');
  });

  it('treats identity-provider variables as variables, not placeholders', () => {
    const text = allow([
      'arn:aws:s3:::app/${cognito-identity.amazonaws.com:sub}/*', 'arn:aws:s3:::app/${www.amazon.com:user_id}/*',
      'arn:aws:s3:::app/${graph.facebook.com:id}/*', 'arn:aws:s3:::app/${accounts.google.com:sub}/*',
      'arn:aws:s3:::app/${saml:sub}/*', 'arn:aws:s3:::app/${aws:userid}/*',
      'arn:aws:s3:::app/${token.actions.githubusercontent.com:sub}/*', 'arn:aws:s3:::app/${oidc.eks.us-east-1.amazonaws.com/id/EXAMPLE:sub}/*',
    ]);
    for (const id of ['placeholder-value', 'placeholder-name', 'unknown-policy-variable']) silent(text, id);
  });

  it('flags placeholders in condition values and principals', () => {
    const text = policy({
      Effect: 'Allow', Principal: { AWS: 'arn:aws:iam::account-id:root' }, Action: 's3:GetObject', Resource: 'arn:aws:s3:::b/*',
      Condition: { StringEquals: { 'aws:SourceAccount': '<your-account>' } },
    });
    // In a principal IAM rejects the policy: principal-value-invalid reports it, as an error.
    assert.deepEqual(findingsOf(text, 'placeholder-value').map((f) => rangeText(text, f)), ['<your-account>']);
    assert.deepEqual(findingsOf(text, 'principal-value-invalid').map((f) => rangeText(text, f)), ['"arn:aws:iam::account-id:root"']);
  });

  it('replaces an account placeholder with the account the policy uses elsewhere', () => {
    const text = allow(['arn:aws:kinesis:us-east-1:210987654321:stream/a', 'arn:aws:kinesis:us-east-1:account-id:stream/b'], 'kinesis:DescribeStream');
    const f = only(text, 'placeholder-value');
    assert.equal(rangeText(text, f), 'account-id');
    assert.match(f.message, /210987654321/);
    assert.match(fixAndRelint(text, f), /us-east-1:210987654321:stream\/b/);
  });

  it('replaces Region and Connect instance placeholders from the policy', () => {
    const instance = 'a1b2c3d4-5678-90ab-cdef-210987654321';
    const text = allow([`arn:aws:connect:eu-west-2:210987654321:instance/${instance}`, 'arn:aws:connect:region:210987654321:instance/instance-id/queue/*'], 'connect:DescribeQueue');
    const found = findingsOf(text, 'placeholder-value');
    assert.deepEqual(found.map((f) => rangeText(text, f)), ['region', 'instance-id']);
    const once = applyFix(text, found[0]);
    const second = only(once, 'placeholder-value');
    const fixed = fixAndRelint(once, second);
    assert.match(fixed, new RegExp(`arn:aws:connect:eu-west-2:210987654321:instance/${instance}/queue/\\*`));
  });

  it('offers no fix when the policy does not hold the real value', () => {
    const { text } = seedVerbatim()[1];
    const found = findingsOf(text, 'placeholder-value');
    assert.ok(found.length > 0);
    for (const f of found) assert.equal(f.fixes, undefined);
  });

  it('stays silent on real names, policy variables and special characters', () => {
    const text = allow([
      'arn:aws:s3:::my-connect-recording-bucket/${aws:username}/*', 'arn:aws:s3:::b/${aws:PrincipalTag/team, \'shared\'}/*',
      'arn:aws:lambda:us-east-1:210987654321:function:get-user-by-id', 'arn:aws:s3:::b/${*}/${?}/${$}',
      'arn:aws:iam::210987654321:role/aws-service-role/connect.amazonaws.com/*', 'arn:aws:kinesis:*:210987654321:stream/connect-contact-records',
      'arn:aws:ssm:us-east-1:210987654321:parameter/region',
      'arn:aws:autoscaling:*:*:scalingPolicy:*:autoScalingGroupName/web:policyName/scale-out',
    ]);
    silent(text, 'placeholder-value');
  });
});

describe('unknown-policy-variable', () => {
  it('reports a misspelt variable and fixes it', () => {
    const text = allow('arn:aws:s3:::home/${aws:usrname}/*');
    const f = only(text, 'unknown-policy-variable');
    assert.equal(rangeText(text, f), '${aws:usrname}');
    assert.match(fixAndRelint(text, f), /home\/\$\{aws:username\}\/\*/);
  });

  it('keeps the tag key when fixing a tag variable', () => {
    const text = allow('arn:aws:s3:::home/${aws:PrincipalTags/team}/*');
    assert.match(fixAndRelint(text, only(text, 'unknown-policy-variable')), /\$\{aws:PrincipalTag\/team\}/);
  });

  it('reports unknown variables in condition values too', () => {
    const text = allow('arn:aws:s3:::home', 's3:ListBucket', { Condition: { StringLike: { 's3:prefix': '${aws:userName2}/*' } } });
    assert.equal(rangeText(text, only(text, 'unknown-policy-variable')), '${aws:userName2}');
  });

  it('reads a variable whose tag key holds a colon as one variable', () => {
    const text = allow('arn:aws:ec2:*:*:volume/*', 'ec2:CreateTags', { Condition: { StringEquals: { 'aws:RequestTag/eks:cluster': '${aws:PrincipalTag/eks:cluster}' } } });
    silent(text, 'unknown-policy-variable');
    silent(text, 'placeholder-value');
  });

  it('stays silent on known variables, service keys, defaults and placeholders', () => {
    const text = allow(['arn:aws:s3:::home/${aws:username}/*', 'arn:aws:s3:::home/${aws:PrincipalTag/team, \'x\'}/*', 'arn:aws:s3:::home/${s3:prefix}', 'arn:aws:s3:::home/${InstanceId}']);
    silent(text, 'unknown-policy-variable');
  });
});

describe('ARN fields with policy variables', () => {
  it('splits fields outside ${…}, so variables holding colons are judged as a whole', () => {
    const text = allow('arn:aws:secretsmanager:${aws:RequestedRegion}:${aws:PrincipalAccount}:secret:app-*', 'secretsmanager:GetSecretValue');
    for (const id of ['arn-unknown-region', 'arn-invalid-account', 'placeholder-value', 'unknown-policy-variable']) silent(text, id);
  });

  it('flags a CloudFormation pseudo parameter in the partition field, and only that', () => {
    const text = allow('arn:${AWS::Partition}:s3:::recordings');
    assert.equal(rangeText(text, only(text, 'placeholder-value')), '${AWS::Partition}');
    silent(text, 'arn-invalid-partition');
  });
});

describe('value rules on generated ARNs', () => {
  it('every fix parses, removes its finding, and no field is reported by two value rules', () => {
    const field = (...xs: string[]) => fc.constantFrom(...xs);
    const arn = fc.tuple(
      field('aws', 'AWS', 'aws-cn', 'aws-us-gove', 'amazon', '', '*', 'partition', '${AWS::Partition}'),
      field('s3', 'kinesis', 'connect', 'lambda', 'iam'),
      field('us-east-1', 'us-east1', 'cn-north-1', 'us-gov-west-1', '', '*', 'us-*', 'region', '<region>', 'eu-west-9'),
      field('210987654321', '2109-8765-4321', '12345', 'account-id', 'ACCOUNT_ID', '', '*', 'aws', '111122223333', '{{Account}}'),
      field('stream/stream-name', 'instance/instance-id', 'function:my-function', 'bucket/${aws:usrname}/*', 'role/*', 'x/${InstanceId}', 'real-name'),
    ).map((parts) => `arn:${parts.join(':')}`);
    const ids = new Set(valueRules.map((r) => r.id));
    fc.assert(fc.property(fc.array(arn, { minLength: 1, maxLength: 3 }), (arns) => {
      const text = allow(arns);
      const mine = lint(text).filter((f) => ids.has(f.ruleId));
      const ranges = mine.filter((f) => f.ruleId !== 'arn-example-account').map((f) => `${f.range.start}-${f.range.end}`);
      assert.equal(new Set(ranges).size, ranges.length, 'one finding per field');
      for (const f of mine) {
        for (const fix of f.fixes ?? []) {
          const fixed = applyFix(text, f, f.fixes!.indexOf(fix));
          assert.doesNotThrow(() => JSON.parse(fixed));
          assert.ok(findingsOf(fixed, f.ruleId).length < findingsOf(text, f.ruleId).length, `${f.ruleId}: ${fix.title}`);
        }
      }
    }), { numRuns: 300 });
  });
});
