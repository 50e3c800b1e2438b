// The reference rule family as a whole: the seed's policies with real values draw no error or
// warning from it, and the family's rules carry the severities their docs promise.
import { describe, it } from 'node:test';
import * as assert from 'node:assert/strict';
import { allRules } from '../../server/src/engine';
import { referenceRules } from '../../server/src/engine/rules/reference';
import { lint, seedReal } from '../helpers';

const ids = new Set(referenceRules.map((r) => r.id));

describe('reference rules', () => {
  it('are all registered with the engine', () => {
    for (const id of ids) assert.ok(allRules.some((r) => r.id === id), id);
  });

  it('give the seed policies with real values no error and no warning', () => {
    for (const { name, text } of seedReal()) {
      const loud = lint(text).filter((f) => ids.has(f.ruleId) && (f.severity === 'error' || f.severity === 'warning'));
      assert.deepEqual(loud.map((f) => `${f.ruleId}: ${f.message}`), [], name);
    }
  });

  it('keep errors for what IAM rejects or can never match, and warnings where the data may be older than AWS', () => {
    const severity = Object.fromEntries(referenceRules.map((r) => [r.id, r.defaultSeverity]));
    for (const id of ['action-malformed', 'arn-malformed', 'arn-field-not-allowed', 'arn-missing-region']) assert.equal(severity[id], 'error', id);
    for (const id of ['action-unknown-service', 'action-unknown', 'unknown-global-condition-key', 'unknown-service-condition-key', 'arn-unknown-service']) {
      assert.equal(severity[id], 'warning', id);
    }
  });
});
