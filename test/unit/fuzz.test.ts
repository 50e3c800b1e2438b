// Robustness: whatever the text, the engine never throws, never takes long, and every range it
// reports lies inside the document. Quick fixes applied to fuzzed documents keep them parseable
// and do not bring their finding back. Property-based with fast-check; bounded in time.
import { before, describe, it } from 'node:test';
import * as assert from 'node:assert/strict';
import fc from 'fast-check';
import { analyze, applyEdits, Finding } from '../../server/src/engine';
import { managedPolicies, generatedPolicy } from '../corpus';
import * as fs from 'fs';
import * as path from 'path';
import { ROOT, seedReal, seedVerbatim } from '../helpers';
import { fixAll } from '../../server/src/engine';

/** Time budget: generous so a loaded CI machine does not flake, tight enough to catch a
 *  quadratic blow-up (a 1 MB policy analyses in well under a second). The budgets time warm
 *  analyses only: `before` below loads the reference data of every service the inputs name once,
 *  so a first-time load (hundreds of milliseconds on a busy machine) is never charged to one input. */
const MS_PER_KB = 25;
const MS_FLOOR = 300;

function checkInvariants(text: string): Finding[] {
  const started = performance.now();
  const result = analyze(text, { forcePolicy: true });
  const elapsed = performance.now() - started;
  const budget = MS_FLOOR + (text.length / 1024) * MS_PER_KB;
  assert.ok(elapsed < budget, `analysis took ${elapsed.toFixed(0)} ms for ${text.length} chars (budget ${budget.toFixed(0)} ms)`);
  for (const f of result.findings) {
    assert.notEqual(f.ruleId, 'internal-error', `a rule threw: ${f.message}`);
    assert.ok(f.range.start >= 0 && f.range.start <= f.range.end && f.range.end <= text.length, `${f.ruleId} range ${f.range.start}-${f.range.end} outside 0-${text.length}`);
    for (const r of f.related ?? []) assert.ok(r.range.start >= 0 && r.range.end <= text.length, `${f.ruleId} related range outside the document`);
    for (const fix of f.fixes ?? []) for (const e of fix.edits) assert.ok(e.range.start >= 0 && e.range.start <= e.range.end && e.range.end <= text.length, `${f.ruleId} fix edit outside the document`);
  }
  return result.findings;
}

const parses = (text: string) => !analyze(text, { forcePolicy: true }).findings.some((f) => f.ruleId === 'json-syntax');

/** The start of `range` once `edits` are applied, or undefined when an edit touches the range. */
function shiftedStart(range: { start: number; end: number }, edits: readonly { range: { start: number; end: number }; newText: string }[]): number | undefined {
  let start = range.start;
  for (const e of edits) {
    if (e.range.start < range.end && e.range.end > range.start) return undefined;
    if (e.range.start === e.range.end && e.range.start > range.start && e.range.start < range.end) return undefined;
    if (e.range.end <= range.start) start += e.newText.length - (e.range.end - e.range.start);
  }
  return start;
}

/** Every fix of every finding: the result still parses where the input did, and the finding is
 *  gone from its token. (Not "fewer findings of the rule": choosing one of several alternatives,
 *  e.g. the integration type of a Connect integration, may rightly bring up that alternative's own
 *  suggestions, and removing one of two duplicates leaves the other redundant.) */
function checkFixes(text: string, findings: Finding[]): void {
  const inputParses = parses(text);
  for (const f of findings) {
    for (const fix of f.fixes ?? []) {
      const fixed = applyEdits(text, fix.edits);
      const after = checkInvariants(fixed);
      if (inputParses) assert.ok(parses(fixed), `fix "${fix.title}" (${f.ruleId}) broke the JSON`);
      // Where the finding's token is after the edits (an edit that touches the token removes or
      // rewrites it): the same finding there means the fix did not work.
      const at = shiftedStart(f.range, fix.edits);
      const stays = at !== undefined && after.some((x) => x.ruleId === f.ruleId && x.message === f.message && x.range.start === at);
      assert.ok(!stays, `fix "${fix.title}" did not remove its ${f.ruleId} finding`);
    }
  }
}

/** fc.assert, but the failure names the broken invariant and a short excerpt of the input
 *  (node's test reporter drops fast-check's error cause, and counterexamples can be huge). */
function assertProperty<T>(property: fc.IProperty<T>, numRuns: number): void {
  const details = fc.check(property, { numRuns });
  if (!details.failed) return;
  const input = JSON.stringify(details.counterexample);
  const reason = details.errorInstance instanceof Error ? details.errorInstance.message : String(details.errorInstance);
  throw new Error(`${reason}\n  input (${input.length} chars, seed ${details.seed}): ${input.slice(0, 400)}${input.length > 400 ? '…' : ''}`);
}

/** Every JSON fixture of the repository (examples and test fixtures, broken ones included). */
function fixtureTexts(): string[] {
  const walk = (dir: string): string[] =>
    fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? walk(path.join(dir, e.name)) : e.name.endsWith('.json') ? [path.join(dir, e.name)] : []));
  return [...walk(path.join(ROOT, 'examples')), ...walk(path.join(ROOT, 'test', 'fixtures'))].map((f) => fs.readFileSync(f, 'utf8'));
}

const realPolicies = () => [...seedVerbatim(), ...seedReal(), ...fixtureTexts(), ...managedPolicies()].map((p) => (typeof p === 'string' ? p : p.text));

/** Mutations a user (or a broken tool) makes: deletions, insertions, swaps, truncation. */
const mutation = (text: string) =>
  fc.oneof(
    fc.nat(text.length).map((i) => text.slice(0, i)),
    fc.tuple(fc.nat(text.length), fc.integer({ min: 1, max: 20 })).map(([i, n]) => text.slice(0, i) + text.slice(i + n)),
    fc.tuple(fc.nat(text.length), fc.constantFrom('"', '{', '}', '[', ']', ',', ':', '*', '${', '\\', '\u0000', '\ud800', '\r\n')).map(([i, s]) => text.slice(0, i) + s + text.slice(i)),
    fc.tuple(fc.nat(text.length), fc.nat(text.length)).map(([a, b]) => {
      const [i, j] = a < b ? [a, b] : [b, a];
      const mid = text.slice(i, j);
      return text.slice(0, i) + mid.split('').reverse().join('') + text.slice(j);
    }),
  );

/** Syntax errors of a text (json-syntax findings). */
const syntaxErrors = (text: string) => analyze(text, { forcePolicy: true }).findings.filter((f) => f.ruleId === 'json-syntax').length;

/** Every fix offered on a text that may be broken: wherever the input parsed the result parses,
 *  and on broken input no fix adds syntax errors. Fix-all reaches a fixed point. */
function checkFixesOnEdit(text: string): void {
  const findings = checkInvariants(text);
  const before = syntaxErrors(text);
  for (const f of findings) {
    for (const fix of f.fixes ?? []) {
      const after = syntaxErrors(applyEdits(text, fix.edits));
      if (before === 0) assert.equal(after, 0, `fix "${fix.title}" (${f.ruleId}) broke valid JSON`);
      else assert.ok(after <= before, `fix "${fix.title}" (${f.ruleId}) made broken JSON worse (${before} -> ${after} errors)`);
    }
  }
  const all = fixAll(text, { forcePolicy: true });
  assert.ok(all.converged, 'fix-all reached a fixed point');
  assert.equal(fixAll(all.text, { forcePolicy: true }).text, all.text, 'fix-all again changes nothing');
  if (before === 0) assert.equal(syntaxErrors(all.text), 0, 'fix-all kept the JSON valid');
}

before(() => {
  // Warm-up (see MS_PER_KB): the reference data of every service the real policies use.
  for (const text of realPolicies()) analyze(text, { forcePolicy: true });
});

describe('fuzzing the engine', () => {
  it('survives random JSON values', () => {
    assertProperty(fc.property(fc.json({ depthSize: 'medium' }), (json) => void checkInvariants(json)), 300);
  });

  it('survives random policy-shaped JSON', () => {
    const scalar = fc.oneof(fc.string(), fc.constantFrom('Allow', 'Deny', '*', 's3:*', 'connect:AssociateInstanceStorageConfig', 'arn:aws:s3:::b', 'arn:aws:connect:us-east-1:123456789012:instance/*', '${aws:username}', '${'), fc.integer(), fc.boolean(), fc.constant(null));
    const value = fc.oneof(scalar, fc.array(scalar, { maxLength: 4 }), fc.dictionary(fc.constantFrom('StringEquals', 'StringLike', 'ForAllValues:StringEquals', 'NullIfExists', 'connect:StorageResourceType', 'aws:SourceIp', 'AWS', 'x'), fc.oneof(scalar, fc.array(scalar, { maxLength: 3 }), fc.dictionary(fc.string(), scalar))));
    const statement = fc.dictionary(fc.constantFrom('Sid', 'Effect', 'Action', 'NotAction', 'Resource', 'NotResource', 'Condition', 'Principal', 'NotPrincipal', 'Actions'), value);
    const policy = fc.record({ Version: fc.constantFrom('2012-10-17', '2008-10-17', 'x'), Statement: fc.oneof(statement, fc.array(statement, { maxLength: 5 })) });
    assertProperty(fc.property(policy, (p) => {
      const text = JSON.stringify(p, null, 2);
      checkFixes(text, checkInvariants(text));
    }), 300);
  });

  it('survives random strings and bytes', () => {
    assertProperty(fc.property(fc.string({ unit: 'binary', maxLength: 400 }), (s) => void checkInvariants(s)), 300);
    assertProperty(fc.property(fc.uint8Array({ maxLength: 400 }), (bytes) => void checkInvariants(Buffer.from(bytes).toString('latin1'))), 200);
  });

  it('survives mutations of real policies, and their fixes keep the JSON parseable', () => {
    const texts = realPolicies();
    assertProperty(fc.property(fc.constantFrom(...texts).chain((t) => mutation(t)), (text) => void checkInvariants(text)), 400);
    for (const text of texts) checkFixes(text, checkInvariants(text));
  });
});

describe('fixes on documents being edited (issue 11)', () => {
  it('every offered fix on a truncated policy leaves it parsing no worse, and fix-all converges', () => {
    const texts = [...seedVerbatim(), ...seedReal()].map((p) => p.text);
    assertProperty(fc.property(fc.constantFrom(...texts).chain((t) => fc.nat(t.length).map((i) => t.slice(0, i))), (text) => checkFixesOnEdit(text)), 150);
  });

  it('every offered fix on a policy mid-edit (mutated) leaves it parsing no worse, and fix-all converges', () => {
    const texts = realPolicies().filter((t) => t.length < 20_000);
    assertProperty(fc.property(fc.constantFrom(...texts).chain((t) => mutation(t)), (text) => checkFixesOnEdit(text)), 150);
  });

  it('fix-all converges on every real policy and keeps it valid', () => {
    for (const text of [...seedVerbatim(), ...seedReal()].map((p) => p.text)) checkFixesOnEdit(text);
  });
});

describe('hostile and large input', () => {
  it('handles 10,000 levels of nesting', () => {
    checkInvariants('['.repeat(10_000) + ']'.repeat(10_000));
    checkInvariants('{"Statement": ' + '{"a":'.repeat(10_000) + '1' + '}'.repeat(10_000) + '}');
    checkInvariants('{"Statement": [' + '['.repeat(10_000));
  });

  it('handles a 100,000-element Action array and a huge string', () => {
    const actions = Array.from({ length: 100_000 }, (_, i) => `s3:GetObject${i % 10 === 0 ? 'Acl' : ''}`);
    checkInvariants(JSON.stringify({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: actions, Resource: '*' }] }));
    checkInvariants(JSON.stringify({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: 's3:GetObject', Resource: `arn:aws:s3:::${'a'.repeat(2_000_000)}` }] }));
  });

  it('handles invalid UTF-16, a BOM and CRLF line ends', () => {
    const [seed] = seedReal();
    checkInvariants('\ufeff' + seed.text);
    checkInvariants(seed.text.replace(/\n/g, '\r\n'));
    checkInvariants(seed.text.replace('VisualEditor0', 'Visual\ud800Editor\udfff0'));
  });

  it('analyses a generated 1 MB policy within the budget', () => {
    const text = generatedPolicy(1_000_000);
    assert.ok(text.length >= 1_000_000);
    checkInvariants(text);
  });
});
