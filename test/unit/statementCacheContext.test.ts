// The per-statement cache keys findings by the analysis's context (incremental/statementCache.ts
// contextKey: the document's kind and layout, its account/Region/partition, the rules that run and
// their settings). The context of the analysis before is reused when nothing of it changed: a
// change of the settings or of the document's layout between analyses must still be seen.
import { strict as assert } from 'node:assert';
import { describe, it } from 'node:test';
import { analyze } from '../../server/src/engine';
import { AnalyzeOptions } from '../../server/src/engine/types';
import { generatedPolicy } from '../corpus';
import { withoutStatementCache } from '../helpers';

const json = (r: { findings: unknown[] }) => JSON.stringify(r.findings);

function fresh(text: string, options: AnalyzeOptions): string {
  return json(withoutStatementCache(() => analyze(text, options)));
}

describe('statement cache context', () => {
  // A statement-scoped finding (action-unknown) in a policy of Connect statements.
  const policy = JSON.parse(generatedPolicy(6 * 1024));
  policy.Statement[0].Action = [policy.Statement[0].Action].flat().concat('s3:GetObjekt');
  const text = JSON.stringify(policy, null, 2);
  // The same statements in a document of another line break: the statements' own text is the
  // same (one line each), the context is not.
  const oneLine = { ...policy, Statement: policy.Statement.map((s: unknown) => JSON.parse(JSON.stringify(s))) };
  const lf = `{\n  "Version": "2012-10-17",\n  "Statement": [\n${oneLine.Statement.map((s: unknown) => `    ${JSON.stringify(s)}`).join(',\n')}\n  ]\n}`;
  const other = lf.replaceAll('\n', '\r\n');

  it('follows the rule settings, the rules and the layout from one analysis to the next', () => {
    const runs: [string, AnalyzeOptions][] = [
      [text, {}],
      [text, { rules: { 'action-unknown': 'off' } }],
      [text, { rules: { 'action-unknown': 'error' } }],
      [text, {}],
      [lf, {}],
      [other, {}],
      [lf, {}],
      [text, { kind: 'resource' }],
      [text, {}],
    ];
    const seen = new Set<string>();
    for (const [t, options] of runs) {
      const found = json(analyze(t, options));
      assert.equal(found, fresh(t, options), JSON.stringify(options));
      seen.add(found);
    }
    // The runs differ in what they find: the context did change.
    assert.ok(seen.size >= 5, `${seen.size} distinct results`);
  });

  it('follows settings changed in place between analyses (the rules selected are not kept stale)', () => {
    const options: AnalyzeOptions = { rules: {} };
    const unknown = (r: ReturnType<typeof analyze>) => r.findings.filter((f) => f.ruleId === 'action-unknown');
    const first = unknown(analyze(text, options));
    assert.equal(first.length, 1);
    assert.equal(first[0].severity, 'warning');
    options.rules!['action-unknown'] = 'error';
    assert.deepEqual(unknown(analyze(text, options)).map((f) => f.severity), ['error']);
    options.rules!['action-unknown'] = 'off';
    assert.equal(unknown(analyze(text, options)).length, 0);
    delete options.rules!['action-unknown'];
    assert.deepEqual(unknown(analyze(text, options)).map((f) => f.severity), ['warning']);
  });
});
