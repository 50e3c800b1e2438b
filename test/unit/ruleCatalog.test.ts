// Every rule is documented and listed: a docs page with the required sections, a unique
// kebab-case id, and a row in the README's generated table.
import { describe, it } from 'node:test';
import * as assert from 'node:assert/strict';
import * as fs from 'fs';
import * as path from 'path';
import { allRules } from '../../server/src/engine';
import { README, withRuleTable } from '../../scripts/ruleTable';
import { ROOT } from '../helpers';

describe('rule catalogue', () => {
  it('has unique kebab-case ids', () => {
    const ids = allRules.map((r) => r.id);
    assert.equal(new Set(ids).size, ids.length, 'duplicate rule ids');
    for (const id of ids) assert.match(id, /^[a-z0-9]+(-[a-z0-9]+)*$/);
  });

  it('documents every rule in docs/rules/<id>.md with what, why, how to fix and an example', () => {
    for (const r of allRules) {
      const file = path.join(ROOT, 'docs', 'rules', `${r.id}.md`);
      assert.ok(fs.existsSync(file), `missing ${path.relative(ROOT, file)}`);
      const text = fs.readFileSync(file, 'utf8');
      for (const section of ['What it finds', 'Why it matters', 'How to fix', 'Example']) {
        assert.ok(text.includes(section), `${r.id}.md lacks the section "${section}"`);
      }
    }
  });

  it('keeps the README rule table in step with the code (run `npm run docs`)', () => {
    const readme = fs.readFileSync(README, 'utf8');
    assert.equal(readme, withRuleTable(readme));
  });
});
