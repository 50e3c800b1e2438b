// Dependent actions: the committed data file is exactly what the extraction script makes from the
// December 2025 snapshot of the reference, the lookup is case-insensitive, and hovers show them.
import { describe, it } from 'node:test';
import * as assert from 'node:assert/strict';
import * as fs from 'fs';
import { extractDependentActions, formatDependentActions, OUTPUT } from '../../scripts/dependentActions';
import { dependentActionsOf, dependentActionsSnapshot } from '../../server/src/engine/reference/dependentActions';
import { hoverAt } from '../../server/src/engine';
import { policy } from '../helpers';

function hoverOnAction(action: string): string {
  const text = policy({ Effect: 'Allow', Action: action, Resource: '*' });
  const h = hoverAt(text, text.indexOf(`"${action}"`) + 1);
  assert.ok(h, `no hover on ${action}`);
  return h.contents;
}

const ALSO_NEEDS = '**Also needs** (dependent actions, service authorization reference, December 2025): ';

describe('dependent actions data', () => {
  it('the committed file is what `npm run data:dependents` writes from the installed snapshot package', () => {
    const expected = formatDependentActions(extractDependentActions());
    assert.ok(fs.readFileSync(OUTPUT, 'utf8') === expected, 'server/src/engine/reference/data/dependent-actions.json is stale or was edited by hand: run npm run data:dependents');
  });

  it('comes from the December 2025 snapshot and covers many services', () => {
    const data = extractDependentActions();
    assert.equal(data.version, '0.15.202512061');
    assert.equal(dependentActionsSnapshot().month, 'December 2025');
    assert.ok(Object.keys(data.services).length > 100, 'dependent actions of more than a hundred services');
    for (const actions of Object.values(data.services)) {
      for (const deps of Object.values(actions)) {
        assert.ok(deps.length > 0);
        assert.deepEqual(deps, [...new Set(deps)].sort());
      }
    }
  });

  it('looks actions up case-insensitively and merges the per-resource-type lists', () => {
    // In the reference, AssociateInstanceStorageConfig lists these on its `instance` row.
    const deps = dependentActionsOf('CONNECT', 'associateinstancestorageconfig');
    assert.ok(deps.includes('ds:DescribeDirectories'));
    assert.ok(deps.includes('kms:CreateGrant'));
    assert.ok(deps.includes('s3:GetBucketLocation'));
    // s3:CreateJob lists iam:PassRole on its row without a resource type.
    assert.deepEqual(dependentActionsOf('s3', 'CreateJob'), ['iam:PassRole']);
  });

  it('returns nothing for actions without dependents, unknown actions and unknown services', () => {
    assert.deepEqual(dependentActionsOf('s3', 'GetObject'), []);
    assert.deepEqual(dependentActionsOf('s3', 'NoSuchAction'), []);
    assert.deepEqual(dependentActionsOf('no-such-service', 'CreateJob'), []);
    assert.deepEqual(dependentActionsOf('__proto__', 'constructor'), []);
    assert.deepEqual(dependentActionsOf('s3', 'constructor'), []);
  });
});

describe('hover: dependent actions', () => {
  it('on connect:AssociateInstanceStorageConfig lists them, dated', () => {
    const contents = hoverOnAction('connect:AssociateInstanceStorageConfig');
    const line = contents.split('\n').find((l) => l.startsWith(ALSO_NEEDS));
    assert.ok(line, contents);
    assert.equal(line, `${ALSO_NEEDS}${dependentActionsOf('connect', 'AssociateInstanceStorageConfig').map((d) => `\`${d}\``).join(', ')}`);
    assert.match(line, /`ds:DescribeDirectories`, `firehose:DescribeDeliveryStream`, `iam:AttachRolePolicy`/);
  });

  it('on an action of another service (lambda:CreateFunction needs iam:PassRole)', () => {
    const contents = hoverOnAction('lambda:CreateFunction');
    assert.ok(contents.includes(`${ALSO_NEEDS}\`iam:PassRole\``), contents);
  });

  it('says nothing about dependents for an action that has none', () => {
    const contents = hoverOnAction('s3:GetObject');
    assert.match(contents, /\*\*s3:GetObject\*\* · Read/);
    assert.doesNotMatch(contents, /Also needs|dependent actions/);
  });
});
