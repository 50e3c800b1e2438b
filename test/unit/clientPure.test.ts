// The pure parts of the VS Code client: command links to rule pages, the setting values the
// "Disable …" actions write, and the status words.
import { describe, it } from 'node:test';
import * as assert from 'node:assert/strict';
import { fileRulesWithRuleOff, globForPath, isRuleId, ruleDocsCommandUri, rulesWithRuleOff } from '../../client/src/ruleLinks';
import { policySummary } from '../../client/src/statusText';
import { FileGlobs } from '../../server/src/lsp/fileGlobs';

describe('client: rule links and disable settings', () => {
  it('links a rule page as a command URI with the rule ID as its JSON argument', () => {
    const uri = ruleDocsCommandUri('placeholder-value');
    assert.ok(uri.startsWith('command:connectIam.showRuleDocs?'));
    assert.deepEqual(JSON.parse(decodeURIComponent(uri.slice(uri.indexOf('?') + 1))), ['placeholder-value']);
  });

  it('accepts only kebab-case rule IDs (nothing that could climb out of docs/rules)', () => {
    assert.ok(isRuleId('json-comment'));
    for (const bad of ['../secrets', 'a/b', '', 'Json', 3, undefined]) assert.equal(isRuleId(bad), false, String(bad));
  });

  it('turns a rule off keeping the other levels the user wrote', () => {
    assert.deepEqual(rulesWithRuleOff({ 'json-comment': 'warning' }, 'placeholder-value'), { 'json-comment': 'warning', 'placeholder-value': 'off' });
    assert.deepEqual(rulesWithRuleOff('garbage', 'x'), { x: 'off' });
    assert.deepEqual(
      fileRulesWithRuleOff({ 'a.json': { x: 'warning' }, 'b.json': { y: 'off' } }, 'a.json', 'z'),
      { 'a.json': { x: 'warning', z: 'off' }, 'b.json': { y: 'off' } },
    );
  });

  it('writes a file path as a glob that the server matches to that file only', () => {
    const glob = globForPath('policies/legacy [old] (copy)*.json');
    const globs = new FileGlobs();
    globs.setFolders(['file:///ws']);
    assert.ok(globs.matches('file:///ws/policies/legacy%20%5Bold%5D%20(copy)*.json', [glob]));
    assert.ok(!globs.matches('file:///ws/policies/legacy o (copy)x.json', [glob]));
    assert.ok(!globs.matches('file:///ws/policies/legacy [old] (copy)-2.json', [glob]));
  });
});

describe('client: status words', () => {
  it('counts policies and problems, and says nothing without a policy', () => {
    assert.equal(policySummary(0, 3), '');
    assert.equal(policySummary(1, 0), '1 policy, no problems');
    assert.equal(policySummary(1, 1), '1 policy, 1 problem');
    assert.equal(policySummary(3, 5), '3 policies, 5 problems');
  });
});
