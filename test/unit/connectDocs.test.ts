// The examples on the Connect rules' docs pages are real: the first policy triggers the rule, the
// corrected one does not.
import { describe, it } from 'node:test';
import * as assert from 'node:assert/strict';
import { connectRules } from '../../server/src/engine/rules/connect';
import { findingsOf, readFixture } from '../helpers';

describe('connect rule docs', () => {
  for (const rule of connectRules) {
    it(`${rule.id}: the example fires and the corrected example does not`, () => {
      const page = readFixture('docs', 'rules', `${rule.id}.md`);
      assert.ok(page.includes(`**Default severity:** ${rule.defaultSeverity}`));
      const blocks = [...page.matchAll(/```json\n([\s\S]*?)\n```/g)].map((m) => m[1]);
      assert.equal(blocks.length, 2);
      const [bad, good] = blocks;
      assert.ok(findingsOf(bad, rule.id).length > 0, `example does not trigger ${rule.id}`);
      assert.deepEqual(findingsOf(good, rule.id).map((f) => f.message), []);
    });
  }
});

describe('docs/connect-coverage.md', () => {
  it('is the table generated from the Connect table (run `npm run sync`)', () => {
    // Imported lazily: the script is not part of the engine.
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const { coveragePage } = require('../../scripts/connectCoverage') as typeof import('../../scripts/connectCoverage');
    assert.equal(readFixture('docs', 'connect-coverage.md'), coveragePage());
  });

  it('is summed up in the README, generated from the same table (run `npm run sync`)', () => {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const { coverageSummary } = require('../../scripts/connectCoverage') as typeof import('../../scripts/connectCoverage');
    const readme = readFixture('README.md');
    const summary = coverageSummary();
    assert.ok(readme.includes(`<!-- connect:start -->\n${summary}\n<!-- connect:end -->`), 'README.md Connect summary is stale: run npm run sync');
    assert.match(summary, /\| `connect:CreateInstance` \| `ds:CheckAlias`/);
  });

  it('names every action of the table and both levels', () => {
    const page = readFixture('docs', 'connect-coverage.md');
    for (const a of ['connect:CreateInstance', 'connect:AssociateBot', 'connect:UpdateInstanceAttribute', 'connect:ImportPhoneNumber']) assert.ok(page.includes(`\`${a}\``), a);
    assert.match(page, /\| required \|/);
    assert.match(page, /\| conditional: /);
  });
});
