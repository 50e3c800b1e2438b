// A policy with the mistakes people make when adapting the seed (fixtures/connect/): each is found
// on its token, and applying the preferred fixes one by one leaves no Connect error or warning.
import { describe, it } from 'node:test';
import * as assert from 'node:assert/strict';
import { lint, rangeText, readFixture } from '../helpers';
import { fixed } from './connectHelpers';

const text = readFixture('test', 'fixtures', 'connect', 'common-mistakes.policy.json');
const connectProblems = (t: string) => lint(t).filter((f) => f.ruleId.startsWith('connect-') && (f.severity === 'error' || f.severity === 'warning'));

describe('connect: common mistakes fixture', () => {
  it('reports each mistake on its token', () => {
    assert.deepEqual(connectProblems(text).map((f) => [f.ruleId, rangeText(text, f)]), [
      ['connect-permissions-missing', '"connect:UpdateInstanceStorageConfig"'],
      ['connect-condition-key-unsupported-action', '"connect:ListInstanceStorageConfigs"'],
      ['connect-arn-resource-word', 'instances'],
      ['connect-storage-kind-mismatch', '"CALL_RECORDINGS"'],
      ['connect-service-role-path', '"arn:aws:iam::111122223333:role/aws-service-role/connect.amazon.com/*"'],
      ['connect-permissions-missing', '"connect:AssociateLambdaFunction"'],
      ['connect-lambda-arn-missing-function', 'connect-lookup'],
    ]);
  });

  it('is clean of Connect errors and warnings after applying the preferred fixes', () => {
    let current = text;
    for (let i = 0; i < 10; i++) {
      const next = connectProblems(current).find((f) => f.fixes?.length);
      if (!next) break;
      current = fixed(current, next);
    }
    assert.deepEqual(connectProblems(current).map((f) => `${f.ruleId}: ${f.message}`), []);
  });
});
