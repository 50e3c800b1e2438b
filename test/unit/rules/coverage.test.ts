// Every rule of the engine has harness cases: at least one valid and one invalid case in its
// family's table (test/unit/rules/<family>.cases.ts), which its runner
// (test/unit/rules/<family>.rules.test.ts) hands to the RuleTester; the RuleTester also runs the
// rule's docs example.
import { describe, it } from 'node:test';
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { allRules } from '../../../server/src/engine';
import { families } from './families';
import { docsExample } from '../../ruleTester';

describe('rule harness coverage', () => {
  const cases = new Map<string, { valid: number; invalid: number; families: string[] }>();
  for (const [family, table] of Object.entries(families)) {
    for (const [id, c] of Object.entries(table)) {
      const seen = cases.get(id);
      cases.set(id, { valid: (seen?.valid ?? 0) + c.valid.length, invalid: (seen?.invalid ?? 0) + c.invalid.length, families: [...(seen?.families ?? []), family] });
    }
  }

  it('every case table names rules of the engine, each in one family', () => {
    const ids = new Set(allRules.map((r) => r.id));
    assert.deepEqual([...cases.keys()].filter((id) => !ids.has(id)), [], 'no such rule');
    assert.deepEqual([...cases].filter(([, c]) => c.families.length > 1).map(([id, c]) => `${id}: ${c.families.join(', ')}`), [], 'cases in two families');
  });

  it('every rule has a valid and an invalid case', () => {
    const missing = allRules.filter((r) => !cases.get(r.id)?.valid || !cases.get(r.id)?.invalid).map((r) => r.id);
    assert.deepEqual(missing, [], 'rules without a valid and an invalid harness case');
  });

  it("a rule's fix metadata agrees with its cases: a rule with a fix has a case that shows its output, one without has none", () => {
    const outputs = new Map<string, number>();
    for (const table of Object.values(families)) {
      for (const [id, c] of Object.entries(table)) outputs.set(id, (outputs.get(id) ?? 0) + c.invalid.filter((x) => typeof x.output === 'string').length);
    }
    assert.deepEqual(allRules.filter((r) => r.fix && !outputs.get(r.id)).map((r) => r.id), [], 'rules whose metadata names a fix but no case applies it');
    assert.deepEqual(allRules.filter((r) => !r.fix && outputs.get(r.id)).map((r) => r.id), [], 'rules with a fix in their cases but none in their metadata');
  });

  it('every rule has a docs example, which its family runner checks', () => {
    assert.deepEqual(allRules.filter((r) => !docsExample(r.id)).map((r) => r.id), [], 'rules whose docs page has no Example block');
  });

  it('every family table has a runner that hands it to the RuleTester', () => {
    for (const family of Object.keys(families)) {
      const runner = path.join(__dirname, `${family}.rules.test.ts`);
      assert.ok(fs.existsSync(runner), `${family}.rules.test.ts`);
      const source = fs.readFileSync(runner, 'utf8');
      assert.ok(source.includes(`from './${family}.cases'`), `${family}.rules.test.ts imports ${family}.cases`);
      assert.match(source, /ruleTester\.runAll\(\w+Cases\)/, `${family}.rules.test.ts runs its cases`);
    }
  });
});
