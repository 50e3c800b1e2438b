// The examples of the value and security rules' docs pages stay true: the first example triggers
// its rule, the corrected one does not.
import { describe, it } from 'node:test';
import * as assert from 'node:assert/strict';
import { findingsOf, readFixture } from '../helpers';
import { valueRules } from '../../server/src/engine/rules/values';
import { securityRules } from '../../server/src/engine/rules/security';

function examples(ruleId: string): string[] {
  const md = readFixture('docs', 'rules', `${ruleId}.md`);
  return [...md.matchAll(/```json\n([\s\S]*?)```/g)].map((m) => m[1]);
}

describe('docs examples of the value and security rules', () => {
  for (const rule of [...valueRules, ...securityRules]) {
    it(`${rule.id}: the example triggers the rule and the corrected one does not`, () => {
      const [bad, good] = examples(rule.id);
      assert.ok(bad && good, 'two json examples');
      assert.ok(findingsOf(bad, rule.id).length > 0, 'example triggers');
      assert.deepEqual(findingsOf(good, rule.id).map((f) => f.message), []);
    });
  }
});
