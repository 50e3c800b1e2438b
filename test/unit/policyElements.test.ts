// The element names have one list (reference/elements.ts): the grammar accepts exactly those, and
// hover and completion explain each of them.
import { describe, it } from 'node:test';
import * as assert from 'node:assert/strict';
import { findingsOf } from '../helpers';
import { STATEMENT_ELEMENTS, TOP_LEVEL_ELEMENTS } from '../../server/src/engine/reference/elements';
import { elementInfo, STATEMENT_ELEMENTS as STATEMENT_INFO } from '../../server/src/engine/services/elements';

const statementWith = (name: string) => JSON.stringify({ Version: '2012-10-17', Statement: [{ Effect: 'Deny', Action: 's3:GetObject', Resource: '*', [name]: 'x' }] });

describe('policy element names: one list', () => {
  it('every statement element is accepted by the grammar and explained by hover and completion', () => {
    for (const name of STATEMENT_ELEMENTS) {
      assert.deepEqual(findingsOf(statementWith(name), 'statement-unknown-element'), [], name);
      assert.ok(elementInfo(name)?.doc, name);
    }
    assert.deepEqual(STATEMENT_INFO.map((e) => e.name).sort(), [...STATEMENT_ELEMENTS].sort());
    for (const name of TOP_LEVEL_ELEMENTS) assert.ok(elementInfo(name)?.doc, name);
  });

  it('a name outside the list is unknown to the grammar and has no explanation', () => {
    assert.equal(findingsOf(statementWith('Principals'), 'statement-unknown-element').length, 1);
    assert.equal(elementInfo('Principals'), undefined);
  });
});
