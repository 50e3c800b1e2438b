// Shared by the connect*.test.ts files: policies built from the seed's values, and "apply the
// fix, re-lint" in one step.
import * as assert from 'node:assert/strict';
import { Finding } from '../../server/src/engine';
import { applyFix, findingsOf, lint } from '../helpers';

export const ACCOUNT = '111122223333';
export const INSTANCE = `arn:aws:connect:us-east-1:${ACCOUNT}:instance/a1b2c3d4-5678-90ab-cdef-111122223333`;
export const ROLE = `arn:aws:iam::${ACCOUNT}:role/aws-service-role/connect.amazonaws.com/*`;
export const BUCKET = 'arn:aws:s3:::my-connect-recording-bucket';
export const STREAM = `arn:aws:kinesis:us-east-1:${ACCOUNT}:stream/connect-contact-records`;
export const FUNCTION = `arn:aws:lambda:us-east-1:${ACCOUNT}:function:connect-lookup`;

export const STORAGE_ACTIONS = ['connect:UpdateInstanceStorageConfig', 'connect:AssociateInstanceStorageConfig'];

/** The storage-config statement of the seed, for `types` (a value or a list). */
export function storageStatement(types: string | string[], operator = 'StringEquals'): object {
  return { Effect: 'Allow', Action: STORAGE_ACTIONS, Resource: INSTANCE, Condition: { [operator]: { 'connect:StorageResourceType': types } } };
}

export const allow = (Action: string | string[], Resource: string | string[]) => ({ Effect: 'Allow', Action, Resource });

/** The only finding of `ruleId` (fails when there is not exactly one). */
export function only(text: string, ruleId: string): Finding {
  const found = findingsOf(text, ruleId);
  assert.equal(found.length, 1, `expected one ${ruleId}, got ${found.length}: ${found.map((f) => f.message).join(' | ')}`);
  return found[0];
}

/** Apply the finding's preferred fix; the result must still be JSON. Returns the new text. */
export function fixed(text: string, f: Finding, index?: number): string {
  const out = applyFix(text, f, index);
  assert.doesNotThrow(() => JSON.parse(out), `fix of ${f.ruleId} broke the JSON:\n${out}`);
  return out;
}

/** Errors and warnings of the whole engine (information is allowed). */
export function problems(text: string): Finding[] {
  return lint(text).filter((f) => f.severity === 'error' || f.severity === 'warning');
}
