// The companion rules judge each Connect row from what the document grants (rules/connect/
// companions.ts): a judgement, with its messages, is kept across analyses and reused while the
// grants it read are the same, so an edit that changes no grant assesses nothing again.
import { strict as assert } from 'node:assert';
import { describe, it } from 'node:test';
import { analyze } from '../../server/src/engine';
import { applyFix, withoutStatementCache } from '../helpers';
import { collectGarbage } from '../gc';
import { analyzeDocument } from '../../server/src/engine/analyze';
import { parsePolicy } from '../../server/src/engine/parse/policyModel';
import { clearStatementFacts } from '../../server/src/engine/connect/statementFacts';
import { companionWork } from '../../server/src/engine/rules/connect/companions';
import { companionFixWork } from '../../server/src/engine/connect/edits';
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

/** Companion fixes laid out (their statements' text built, not reused) during `run`. */
function laidOut(run: () => void): number {
  const before = companionFixWork.laidOut;
  run();
  return companionFixWork.laidOut - before;
}

const suggested = (r: ReturnType<typeof analyze>) => r.findings.filter((f) => f.ruleId === 'connect-permissions-suggested' && f.fixes?.length);

/** The same findings, fixes included, as an analysis that reuses nothing. */
function sameAsFresh(text: string, found: ReturnType<typeof analyze>) {
  assert.equal(json(found), json(withoutStatementCache(() => analyze(text))));
}

/** The text with one space more at the start of the last statement's line (it indents from it). */
function reindentLast(text: string): string {
  const last = text.lastIndexOf('\n    {');
  assert.ok(last > 0);
  return `${text.slice(0, last + 1)} ${text.slice(last + 1)}`;
}

describe('Connect companion fixes across versions', () => {
  const text = generatedPolicy(30 * 1024);

  it('an edit elsewhere lays out no fix again: the same statements are added, moved by the edit', () => {
    clearStatementFacts();
    const before = analyze(text);
    assert.ok(suggested(before).length > 0, 'the policy draws suggestions with fixes');
    const edited = text.replace('"Sid": "Statement7"', '"Sid": "Statement7Longer"');
    let found: ReturnType<typeof analyze> | undefined;
    assert.equal(laidOut(() => (found = analyze(edited))), 0);
    sameAsFresh(edited, found!);
    // Each fix is the one before, after the edit's 6 characters.
    const was = suggested(before)[suggested(before).length - 1].fixes![0].edits[0];
    const now = suggested(found!)[suggested(found!).length - 1].fixes![0].edits[0];
    assert.equal(now.range.start, was.range.start + 'Longer'.length);
    assert.equal(now.newText, was.newText);
    // Applied, it adds what it suggests: the finding is gone and nothing new is wrong.
    const f = suggested(found!)[0];
    const fixed = applyFix(edited, f);
    const after = analyze(fixed);
    assert.ok(!after.findings.some((g) => g.ruleId === f.ruleId && g.message === f.message && g.range.start === f.range.start));
    assert.ok(!after.findings.some((g) => g.severity === 'error'));
  });

  it('an edit elsewhere builds no fix again; one that changes the ARNs a fix writes does', () => {
    analyze(text);
    const built = (run: () => void) => {
      const before = companionFixWork.built;
      run();
      return companionFixWork.built - before;
    };
    let found: ReturnType<typeof analyze> | undefined;
    const edited = text.replace('"Sid": "Statement3"', '"Sid": "Statement3Edited"');
    assert.equal(built(() => (found = analyze(edited))), 0);
    sameAsFresh(edited, found!);
    // Another account everywhere: the same grants (the judgements are kept), other ARNs to write.
    const moved = text.replaceAll('111122223333', '444455556666');
    assert.notEqual(moved, text);
    assert.ok(built(() => (found = analyze(moved))) > 0);
    sameAsFresh(moved, found!);
    const kms = suggested(found!).find((f) => f.message.includes('on the KMS key'));
    assert.ok(kms, 'a KMS key suggestion');
    assert.match(kms.fixes![0].edits[0].newText, /arn:aws:kms:us-east-1:444455556666:key\//);
  });

  it('lays the statements out again when the last statement is indented differently', () => {
    analyze(text);
    const edited = reindentLast(text);
    let found: ReturnType<typeof analyze> | undefined;
    assert.ok(laidOut(() => (found = analyze(edited))) > 0);
    sameAsFresh(edited, found!);
    assert.match(suggested(found!)[0].fixes![0].edits[0].newText, /\n {5}\{/, 'indented like the last statement');
  });

  it('lays them out again for another line break, and reuses nothing with the statement cache off', () => {
    analyze(text);
    const crlf = text.replace(/\n/g, '\r\n');
    let found: ReturnType<typeof analyze> | undefined;
    assert.ok(laidOut(() => (found = analyze(crlf))) > 0);
    sameAsFresh(crlf, found!);
    assert.ok(suggested(found!)[0].fixes![0].edits[0].newText.includes('\r\n'));
    analyze(text);
    assert.ok(laidOut(() => withoutStatementCache(() => analyze(text))) > 0);
  });
});

describe('Connect companion judgements and memory', () => {
  it('a kept judgement does not keep the document it was made for alive', async () => {
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
    await collectGarbage();
    assert.equal(ref.deref(), undefined, 'the first document is still alive');
  });
});
