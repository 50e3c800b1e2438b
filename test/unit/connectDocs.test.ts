// The Connect rules' docs pages and the Connect coverage page.
import { describe, it } from 'node:test';
import * as assert from 'node:assert/strict';
import { allRules } from '../../server/src/engine';
import { readFixture } from '../helpers';

// The examples (the first policy triggers the rule, the corrected one does not) are checked for
// every rule by the RuleTester (test/ruleTester.ts).
describe('connect rule docs', () => {
  for (const rule of allRules.filter((r) => r.category === 'connect')) {
    it(`${rule.id}: the page gives the rule's default severity`, () => {
      const page = readFixture('docs', 'rules', `${rule.id}.md`);
      assert.ok(page.includes(`**Default severity:** ${rule.defaultSeverity}`));
    });
  }
});

describe('docs/connect-coverage.md', () => {
  it('is the table generated from the Connect table (run `npm run docs`)', () => {
    // Imported lazily: the script is not part of the engine.
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const { coveragePage } = require('../../scripts/connectCoverage') as typeof import('../../scripts/connectCoverage');
    assert.equal(readFixture('docs', 'connect-coverage.md'), coveragePage());
  });

  it('is summed up in the README, generated from the same table (run `npm run docs`)', () => {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const { coverageSummary } = require('../../scripts/connectCoverage') as typeof import('../../scripts/connectCoverage');
    const readme = readFixture('README.md');
    const summary = coverageSummary();
    assert.ok(readme.includes(`<!-- connect:start -->\n${summary}\n<!-- connect:end -->`), 'README.md Connect summary is stale: run npm run docs');
    assert.match(summary, /\| `connect:CreateInstance` \| `ds:CheckAlias`/);
  });

  it('names every action of the table and both levels', () => {
    const page = readFixture('docs', 'connect-coverage.md');
    for (const a of ['connect:CreateInstance', 'connect:AssociateBot', 'connect:UpdateInstanceAttribute', 'connect:ImportPhoneNumber']) assert.ok(page.includes(`\`${a}\``), a);
    assert.match(page, /\| required \|/);
    assert.match(page, /\| conditional: /);
  });
});
