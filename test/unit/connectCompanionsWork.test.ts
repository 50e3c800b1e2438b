// The companion rules judge each Connect row from what the document grants (rules/connect/
// companions.ts): a judgement, with its messages, is kept across analyses and reused while the
// grants it read are the same, so an edit that changes no grant assesses nothing again.
import { strict as assert } from 'node:assert';
import { describe, it } from 'node:test';
import { analyze } from '../../server/src/engine';
import { withoutStatementCache } from '../helpers';
import { analyzeDocument } from '../../server/src/engine/analyze';
import { parsePolicy } from '../../server/src/engine/parse/policyModel';
import { clearStatementFacts } from '../../server/src/engine/connect/statementFacts';
import { companionWork } from '../../server/src/engine/rules/connect/companions';
import { generatedPolicy } from '../corpus';

const json = (r: { findings: unknown[] }) => JSON.stringify(r.findings);

function assessed(run: () => void): number {
  const before = companionWork.assessed;
  run();
  return companionWork.assessed - before;
}

describe('Connect companion judgements', () => {
  const text = generatedPolicy(30 * 1024);

  it('an edit that changes no grant assesses no row again, with the same findings', () => {
    clearStatementFacts();
    const first = assessed(() => analyze(text));
    assert.ok(first > 0, 'the first analysis assesses the rows its statements name');
    const edited = text.replace('"Sid": "Statement7"', '"Sid": "Statement7x"');
    let found: ReturnType<typeof analyze> | undefined;
    assert.equal(assessed(() => (found = analyze(edited))), 0);
    assert.ok(found!.findings.some((f) => f.ruleId === 'connect-permissions-suggested'));
    assert.equal(json(found!), json(withoutStatementCache(() => analyze(edited))));
  });

  it('assesses again when an edit changes what is granted', () => {
    analyze(text);
    // Every grant of s3:GetBucketAcl gone: the storage rows' judgements no longer hold.
    const fewer = text.replace(/"s3:GetBucketAcl",?/g, '').replace(/,(\s*)\]/g, '$1]');
    assert.notEqual(fewer, text);
    let found: ReturnType<typeof analyze> | undefined;
    assert.ok(assessed(() => (found = analyze(fewer))) > 0);
    assert.ok(found!.findings.some((f) => f.ruleId === 'connect-permissions-missing' && f.message.includes('s3:GetBucketAcl')));
    assert.equal(json(found!), json(withoutStatementCache(() => analyze(fewer))));
    // And back: the earlier judgements are still kept.
    assert.equal(assessed(() => analyze(text)), 0);
  });

  it('forgets the judgements with the statement facts', () => {
    analyze(text);
    clearStatementFacts();
    assert.ok(assessed(() => analyze(text)) > 0);
  });
});

describe('Connect companion judgements and memory', () => {
  it('a kept judgement does not keep the document it was made for alive', async () => {
    const v8 = await import('node:v8');
    const vm = await import('node:vm');
    v8.setFlagsFromString('--expose-gc');
    const gc = vm.runInNewContext('gc') as () => void;
    clearStatementFacts();
    const text = generatedPolicy(6 * 1024);
    // The first document of these grants makes the judgements (and their drafts and messages).
    const ref = (() => {
      const doc = parsePolicy(text.replace('"Sid": "Statement1"', '"Sid": "Statement1a"'));
      assert.ok(analyzeDocument(doc).findings.some((f) => f.ruleId === 'connect-permissions-suggested'));
      return new WeakRef(doc);
    })();
    // Another version reuses them.
    assert.equal(assessed(() => analyze(text.replace('"Sid": "Statement1"', '"Sid": "Statement1b"'))), 0);
    await new Promise((resolve) => setImmediate(resolve));
    gc();
    gc();
    assert.equal(ref.deref(), undefined, 'the first document is still alive');
  });
});
