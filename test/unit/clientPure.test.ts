// The pure parts of the VS Code client: command links to rule pages, the setting values the
// "Disable …" actions write, the status words, and what the insert commands accept as an
// Amazon Connect instance.
import { describe, it } from 'node:test';
import * as assert from 'node:assert/strict';
import { fileRulesWithRuleOff, globForPath, isRuleId, ruleDocsCommandUri, rulesWithRuleOff } from '../../client/src/ruleLinks';
import { policySummary } from '../../client/src/statusText';
import { FileGlobs } from '../../server/src/lsp/fileGlobs';
import { parseInstanceInput, partitionOfRegion, regionChoices } from '../../client/src/instanceArn';
import { REGIONS } from '../../server/src/engine';
import { lint, policy } from '../helpers';

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

describe('client: the instance the insert commands accept is one the engine accepts', () => {
  const ID = '6a1b2c3d-1234-4abc-9def-0123456789ab';
  const arnIn = (region: string, partition = partitionOfRegion(region)) => `arn:${partition}:connect:${region}:111122223333:instance/${ID}`;
  /** What the engine says about the Region and partition of a Connect ARN (the rules that would
   *  flag a policy the insert command wrote). */
  const WHERE_RULES = new Set(['connect-region-unavailable', 'arn-unknown-region', 'arn-region-partition-mismatch', 'arn-invalid-partition']);
  const engineFlags = (arn: string) => lint(policy({ Effect: 'Allow', Action: 'connect:DescribeInstance', Resource: arn }))
    .filter((f) => WHERE_RULES.has(f.ruleId)).map((f) => f.ruleId);
  const refusal = (input: string) => {
    const parsed = parseInstanceInput(input);
    assert.equal(parsed.kind, 'error', `${input} was accepted`);
    return (parsed as { message: string }).message;
  };

  it('refuses an aws-cn instance ARN, saying Connect does not run there', () => {
    const message = refusal(arnIn('cn-north-1'));
    assert.match(message, /^Amazon Connect does not run in the aws-cn partition \(China\)\. Give the ARN of an instance in aws or aws-us-gov\.$/);
    assert.deepEqual(engineFlags(arnIn('cn-north-1')), ['connect-region-unavailable']);
  });

  it('refuses a Region of the aws partition where Connect does not run, and a Region of another partition', () => {
    assert.match(refusal(arnIn('eu-west-1')), /^Amazon Connect does not run in eu-west-1\. Give the ARN of an instance in a Region where it runs, such as us-east-1/);
    assert.match(refusal(arnIn('us-gov-west-1', 'aws')), /^us-gov-west-1 is in the aws-us-gov partition, so its ARNs start with arn:aws-us-gov: rather than arn:aws:\.$/);
    assert.match(refusal(arnIn('us-east-1', 'aws-iso')), /^Amazon Connect does not run in the aws-iso partition\./);
  });

  it('offers only Regions the engine accepts for Connect, each with its name', () => {
    const offered = regionChoices();
    assert.ok(offered.length >= 10 && offered.some((r) => r.code === 'us-gov-west-1'), offered.map((r) => r.code).join(', '));
    for (const { code, label } of offered) {
      assert.deepEqual(engineFlags(arnIn(code)), [], code);
      assert.equal(parseInstanceInput(arnIn(code)).kind, 'arn', code);
      assert.ok(label.endsWith(code) && label.length > code.length, label);
    }
  });

  it('accepts an instance ARN exactly when the engine raises nothing about its Region or partition', () => {
    for (const region of REGIONS) {
      const arn = arnIn(region);
      assert.equal(parseInstanceInput(arn).kind === 'arn', engineFlags(arn).length === 0, `${arn}: ${engineFlags(arn).join(', ')}`);
    }
  });

  it('gives the fields of an accepted ARN', () => {
    assert.deepEqual(parseInstanceInput(` ${arnIn('us-gov-west-1')} `), {
      kind: 'arn', values: { partition: 'aws-us-gov', region: 'us-gov-west-1', account: '111122223333', instanceId: ID },
    });
  });
});
