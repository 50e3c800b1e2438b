// What the tests of host documents (templates, Terraform files) share: a finding as
// `ruleId line:column`, the findings that count (errors and warnings), the check that every fix
// keeps the host parseable, and the mutation of a real file at a known place.
import * as assert from 'node:assert/strict';
import { analyzeHost, applyEdits, Finding, LineIndex, parseHost } from '../../server/src/engine';

export function at(text: string, f: Finding): string {
  const p = new LineIndex(text).positionAt(f.range.start);
  return `${f.ruleId} ${p.line + 1}:${p.character + 1}`;
}

export const serious = (fs: Finding[]) => fs.filter((f) => f.severity === 'error' || f.severity === 'warning');

/** Apply each fix of each finding: the host must keep its kind, still parse, still hold every
 *  policy, and have fewer findings of that rule. Returns how many fixes were checked. */
export function checkEveryFix(name: string, text: string, hint: { path: string }): number {
  const before = analyzeHost(text, hint);
  const host = parseHost(text, hint);
  let fixes = 0;
  for (const f of before.findings) {
    for (const fix of f.fixes ?? []) {
      fixes++;
      const after = applyEdits(text, fix.edits);
      const reparsed = parseHost(after, hint);
      assert.equal(reparsed.kind, host.kind, `${name}: ${fix.title} keeps the ${host.kind} a ${host.kind}`);
      assert.ok(reparsed.errors.length <= host.errors.length, `${name}: ${fix.title} leaves valid ${host.syntax.toUpperCase()}: ${after.slice(Math.max(0, fix.edits[0].range.start - 80), fix.edits[0].range.start + 80)}`);
      assert.equal(reparsed.policies.length, host.policies.length, `${name}: ${fix.title} keeps every policy`);
      const count = (fs: Finding[]) => fs.filter((x) => x.ruleId === f.ruleId).length;
      assert.ok(count(analyzeHost(after, hint).findings) < count(before.findings), `${name}: ${fix.title} removes the ${f.ruleId} finding`);
    }
  }
  return fixes;
}

/** Mutate the first occurrence of `from` in a real file (read by `read`) and expect `ruleId` at
 *  `skip` characters into it, on the text `expected`; every fix of the mutated file is checked,
 *  and there is at least one. */
export function mutation(read: (file: string) => string, file: string, from: string, to: string, ruleId: string, expected: string, skip = 0) {
  const text = read(file);
  const i = text.indexOf(from);
  assert.ok(i >= 0, `${from} in ${file}`);
  const mutated = text.slice(0, i) + to + text.slice(i + from.length);
  const r = analyzeHost(mutated, { path: file });
  const hit = r.findings.find((f) => f.ruleId === ruleId && f.range.start === i + skip);
  const pos = new LineIndex(mutated).positionAt(i + skip);
  assert.ok(hit, `${ruleId} at ${pos.line + 1}:${pos.character + 1} in ${file}; got ${r.findings.map((f) => at(mutated, f)).join(', ')}`);
  assert.equal(mutated.slice(hit.range.start, hit.range.end), expected);
  assert.ok(checkEveryFix(`${file} mutated`, mutated, { path: file }) > 0, 'the mutation has a fix, checked');
  return { mutated, hit };
}

/** A chain of `steps` edits of `text` (mostly of the last version, as in an editing session; now
 *  and then of the original again), each handed to `step`. An invalid version is not kept: the
 *  next edit is of the last valid one, as the tree readers' reuse keeps the last valid tree. */
export function editChain(text: string, steps: number, edit: (t: string) => string, valid: (t: string) => boolean, step: (next: string, i: number) => void): void {
  let current = text;
  for (let i = 0; i < steps; i++) {
    const next = edit(i % 10 === 9 ? text : current);
    step(next, i);
    if (valid(next)) current = next;
  }
}

/** The analysis of `text` under `key` while a tree reader reuses the last version's tree equals
 *  the one with that reuse off (`reuse.enabled`: the reader's switch). */
export function assertReuseKeepsFindings(text: string, key: string, reuse: { enabled: boolean }, where: string): void {
  const reused = analyzeHost(text, { path: key });
  reuse.enabled = false;
  try {
    assert.deepStrictEqual(reused, analyzeHost(text, { path: key }), `${where}: findings`);
  } finally {
    reuse.enabled = true;
  }
}

/** A repeatable pseudo-random source: `random(n)` is in [0, n). */
export function seeded(seed: number): (n: number) => number {
  return (n) => {
    seed = (seed * 1103515245 + 12345) % 2 ** 31;
    return seed % n;
  };
}

/** An edit of a YAML text as typing makes it: a character typed or deleted, a word replaced, a
 *  line indented, dedented, repeated or removed, a piece of YAML syntax typed. */
export function yamlTypingEdit(text: string, random: (n: number) => number): string {
  const inserts = ['x', ' ', ':', ': ', '-', '- ', '#', '"', "'", '[', ']', '{', '}', ',', '&a ', '*a', '!Sub ', '!Ref ', '\n', '\n  ', '? ', '|', '>', '---\n', '...\n', '\t', 'Type: AWS::IAM::Role\n', '  Dup:\n    Type: x\n'];
  const at = random(text.length);
  const lineStart = text.lastIndexOf('\n', at - 1) + 1;
  const lineEnd = text.indexOf('\n', at) < 0 ? text.length : text.indexOf('\n', at) + 1;
  switch (random(7)) {
    case 0:
    case 1:
      return text.slice(0, at) + inserts[random(inserts.length)] + text.slice(at);
    case 2:
      return text.slice(0, at) + text.slice(at + 1 + random(3));
    case 3:
      return text.slice(0, lineStart) + '  ' + text.slice(lineStart);
    case 4:
      return text.slice(0, lineStart) + text.slice(lineStart).replace(/^ /, '');
    case 5:
      return text.slice(0, lineEnd) + text.slice(lineStart, lineEnd) + text.slice(lineEnd);
    default:
      return text.slice(0, lineStart) + text.slice(lineEnd);
  }
}

/** The YAML lines of a template resource: an IAM role `name` that Lambda may assume, with one
 *  inline policy (`storage`) of the statements `statements` (lines from `- Effect: …` on, at the
 *  statement list's own indentation). */
export function roleWithInlinePolicy(name: string, statements: string[]): string[] {
  return [
    `  ${name}:`,
    '    Type: AWS::IAM::Role',
    '    Properties:',
    '      AssumeRolePolicyDocument: {Version: "2012-10-17", Statement: [{Effect: Allow, Principal: {Service: lambda.amazonaws.com}, Action: sts:AssumeRole}]}',
    '      Policies:',
    '        - PolicyName: storage',
    '          PolicyDocument:',
    '            Version: "2012-10-17"',
    '            Statement:',
    ...statements.map((line) => `              ${line}`),
  ];
}
