// `--fix`, `--fix-dry-run`, `--stdin` / `--stdin-filename` and `--rule ID=hint`, in-process through
// the CLI's run(). The files are copies (in a temporary directory) of the example policies and of
// fixtures: real templates and Terraform files, some with one value mutated into a mistake that
// has a safe fix, and real-world policies that have fixable findings as published.
import { after, before, describe, it, mock } from 'node:test';
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import type * as Sarif from 'sarif';
import { parseDocument } from 'yaml';
import { analyzeHost, fixAll, loadHclParser, parseHost, safeFixOf } from '../../server/src/engine';
import { fixDocument, keepForm } from '../../server/src/cli/fix';
import { MAX_FILE_BYTES } from '../../server/src/cli/files';
import { ROOT } from '../helpers';
import { assertValidSarif, runCliHere } from './cliHelpers';

const fixture = (...p: string[]) => path.join(ROOT, 'test', 'fixtures', ...p);
const COMMENT = fixture('cli', 'comment.policy.json');
const read = (file: string) => fs.readFileSync(file, 'utf8');
// The module's own export object (what the code under test reads at call time), for mocking.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const realFs: typeof fs = require('node:fs');

interface JsonResult {
  filePath: string;
  messages: { ruleId: string; severity: string; line: number; column: number }[];
  output?: string;
}

/** Replaces the first `from` in the text of `file`, failing when it is not there. */
function mutate(file: string, from: string, to: string): string {
  const text = read(file);
  assert.ok(text.includes(from), `${file} holds ${from}`);
  return text.replace(from, to);
}

/** name in the temporary tree → its original content. */
const TREE: Record<string, () => string | Buffer> = {
  // The examples have no safe fix: --fix must leave them alone.
  ...Object.fromEntries(fs.readdirSync(path.join(ROOT, 'examples')).map((f) => [`examples/${f}`, () => read(path.join(ROOT, 'examples', f))])),
  'policies/comment.policy.json': () => read(COMMENT),
  // Byte-order mark and CRLF line ends must survive the fix.
  'policies/bom-crlf.policy.json': () => Buffer.from('\ufeff' + read(COMMENT).replace(/\n/g, '\r\n'), 'utf8'),
  'templates/policy-builder.yaml': () => read(fixture('templates', 'connect-vmx3-policy-builder.yaml')),
  'templates/core.yaml': () => mutate(fixture('templates', 'connect-vmx3-core.yaml'), 'Effect: Allow', 'Effect: allow'),
  'templates/codepipeline.json': () => mutate(fixture('templates', 'codepipeline.json'), '"Effect": "Allow"', '"Effect": "allow"'),
  'templates/config.yaml': () => read(fixture('templates', 'config.yaml')),
  'terraform/main.tf': () => mutate(fixture('terraform', 'tam-iam--examples_iam-policy_main.tf'), '"Effect": "Allow"', '"Effect": "allow"'),
  'terraform/role.tf': () => read(fixture('terraform', 'tam-iam--examples_iam-role_main.tf')),
  'realworld/kms-key-policy.json': () => read(fixture('realworld', 'aws-samples-access-analyzer-samples', '03-no-iac_policies_resource_kms_key-policy.json')),
  'realworld/connect-vpc-endpoint.json': () => read(fixture('realworld', 'awsdocs-amazon-connect-admin-guide', 'vpc-interface-endpoints-1.json')),
  'realworld/sns-topic-policy.json': () => read(fixture('realworld', 'aws-samples-access-analyzer-samples', '03-no-iac_policies_resource_sns_topic-policy.json')),
};
/** The files --fix must change (each has at least one safe fix); all others must stay as they are. */
const FIXABLE = ['policies/comment.policy.json', 'policies/bom-crlf.policy.json', 'templates/policy-builder.yaml', 'templates/core.yaml', 'templates/codepipeline.json', 'terraform/main.tf', 'realworld/kms-key-policy.json', 'realworld/connect-vpc-endpoint.json', 'realworld/sns-topic-policy.json'];

/** An old modification time, so that a rewrite (even within the same second) shows. */
const OLD = new Date('2020-01-02T03:04:05Z');

function makeTree(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cli-fix-'));
  for (const [rel, content] of Object.entries(TREE)) {
    const file = path.join(dir, rel);
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.writeFileSync(file, content());
    fs.utimesSync(file, OLD, OLD);
  }
  return dir;
}

/** Bytes and modification time of every file in the tree. */
function snapshot(dir: string): Map<string, { bytes: Buffer; mtimeMs: number }> {
  return new Map(Object.keys(TREE).map((rel) => [rel, { bytes: fs.readFileSync(path.join(dir, rel)), mtimeMs: fs.statSync(path.join(dir, rel)).mtimeMs }]));
}

/** What the editor's "Fix all" writes for the file's text (the same facade function), without
 *  the byte-order mark an editor does not show either. */
function editorFixAll(text: string, file: string): string {
  return fixAll(text.replace(/^\ufeff/, ''), { path: file }).text;
}

/** The document still parses as what it was: JSON, YAML or HCL without a syntax error. */
function assertParses(file: string, text: string): void {
  if (file.endsWith('.json')) assert.doesNotThrow(() => JSON.parse(text), file);
  else if (file.endsWith('.yaml')) assert.deepEqual(parseDocument(text).errors, [], file);
  else {
    const host = parseHost(text, { path: file });
    assert.equal(host.kind, 'terraform');
    assert.deepEqual(host.errors, [], file);
  }
}

before(() => loadHclParser());

describe('connect-iam-lint --fix', () => {
  let dir: string;
  let original: ReturnType<typeof snapshot>;
  let results: JsonResult[];
  let status: number | null;
  before(async () => {
    dir = makeTree();
    fs.chmodSync(path.join(dir, 'templates', 'core.yaml'), 0o640);
    original = snapshot(dir);
    const r = await runCliHere(['--fix', '--format', 'json', '.'], { cwd: dir });
    assert.equal(r.stderr, '');
    status = r.status;
    results = JSON.parse(r.stdout);
  });
  after(() => fs.rmSync(dir, { recursive: true, force: true }));
  const result = (rel: string) => results.find((r) => r.filePath === path.join(dir, rel))!;

  it('writes exactly what the editor\'s fix-all writes, and the files still parse', () => {
    for (const rel of FIXABLE) {
      const file = path.join(dir, rel);
      const source = original.get(rel)!.bytes.toString('utf8');
      const written = read(file).replace(/^\ufeff/, '');
      const expected = editorFixAll(source, file);
      assert.notEqual(expected, source.replace(/^\ufeff/, ''), `${rel} has a safe fix`);
      assert.equal(written, expected, rel);
      assertParses(rel, written);
    }
  });

  it('leaves no safe fix behind, and reports what remains, from the fixed text', () => {
    for (const rel of FIXABLE) {
      const file = path.join(dir, rel);
      const remaining = analyzeHost(read(file).replace(/^\ufeff/, ''), { path: file }).findings;
      assert.deepEqual(remaining.filter((f) => safeFixOf(f)).map((f) => f.ruleId), [], rel);
      assert.deepEqual(result(rel).messages.map((m) => m.ruleId), remaining.map((f) => f.ruleId), rel);
      assert.equal(result(rel).output, read(file).replace(/^\ufeff/, ''), `${rel}: output is the fixed text`);
    }
    // The only error of the tree was the comment, fixed in both copies: the run passes.
    assert.equal(results.some((r) => r.messages.some((m) => m.severity === 'error')), false);
    assert.equal(status, 0);
  });

  it('does not touch a file with nothing to fix: same bytes, same modification time, no output', () => {
    const untouched = Object.keys(TREE).filter((rel) => !FIXABLE.includes(rel));
    for (const rel of untouched) {
      const file = path.join(dir, rel);
      assert.ok(fs.readFileSync(file).equals(original.get(rel)!.bytes), rel);
      assert.equal(fs.statSync(file).mtimeMs, original.get(rel)!.mtimeMs, rel);
      assert.equal(result(rel).output, undefined, rel);
    }
  });

  it('keeps the byte-order mark, the CRLF line ends and the permissions, and leaves no temporary file', () => {
    const bytes = fs.readFileSync(path.join(dir, 'policies', 'bom-crlf.policy.json'));
    assert.deepEqual([...bytes.subarray(0, 3)], [0xef, 0xbb, 0xbf]);
    const text = bytes.toString('utf8');
    assert.equal(text.split('\n').length, text.split('\r\n').length, 'no bare LF');
    assert.equal(fs.statSync(path.join(dir, 'templates', 'core.yaml')).mode & 0o777, 0o640);
    for (const sub of ['policies', 'templates', 'terraform', 'realworld', 'examples']) {
      assert.deepEqual(fs.readdirSync(path.join(dir, sub)).filter((f) => f.startsWith('.')), [], sub);
    }
  });

  it('writes a UTF-16 file back as UTF-16 with its byte-order mark', async () => {
    const file = path.join(dir, 'utf16.policy.json');
    fs.writeFileSync(file, Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(read(COMMENT), 'utf16le')]));
    assert.equal((await runCliHere(['--fix', file], { cwd: dir })).status, 0);
    const bytes = fs.readFileSync(file);
    assert.deepEqual([...bytes.subarray(0, 2)], [0xff, 0xfe]);
    assert.equal(bytes.toString('utf16le', 2), editorFixAll(read(COMMENT), file));
  });

  it('fixes the target of a symbolic link and keeps the link', { skip: process.platform === 'win32' }, async () => {
    const target = path.join(dir, 'linked-target.json');
    fs.writeFileSync(target, read(COMMENT));
    const link = path.join(dir, 'link.json');
    fs.symlinkSync(target, link);
    assert.equal((await runCliHere(['--fix', link], { cwd: dir })).status, 0);
    assert.ok(fs.lstatSync(link).isSymbolicLink());
    assert.equal(read(target), editorFixAll(read(COMMENT), target));
  });

  it('exits 2 when a fixed file cannot be written, leaving it unchanged and no temporary file behind', async () => {
    const locked = fs.mkdtempSync(path.join(os.tmpdir(), 'cli-fix-ro-'));
    // The rename is what fails (as on a read-only directory; as root no mode stops it, so simulated).
    const spy = mock.method(realFs, 'renameSync', () => {
      throw Object.assign(new Error('EACCES: permission denied'), { code: 'EACCES' });
    });
    try {
      fs.writeFileSync(path.join(locked, 'p.json'), read(COMMENT));
      const r = await runCliHere(['--fix', 'p.json'], { cwd: locked });
      assert.equal(r.status, 2);
      assert.match(r.stderr, /p\.json: cannot write the fixed file \(permission denied\); it was left unchanged\./);
      assert.equal(read(path.join(locked, 'p.json')), read(COMMENT));
      assert.deepEqual(fs.readdirSync(locked), ['p.json']);
      // Reported as it stands: the comment error is still there.
      assert.match(r.stdout, /json-comment/);
    } finally {
      spy.mock.restore();
      fs.rmSync(locked, { recursive: true, force: true });
    }
  });
});

describe('connect-iam-lint --fix: errors that remain', () => {
  it('exits 1 when an error without a safe fix remains, and reports it at its place in the fixed text', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cli-fix-rest-'));
    try {
      // A comment (fixed) above an Effect no fix can guess.
      fs.writeFileSync(path.join(dir, 'p.json'), '{\n  // note\n  "Version": "2012-10-17",\n  "Statement": [{ "Effect": "Maybe", "Action": "s3:GetObject", "Resource": "*" }]\n}\n');
      const r = await runCliHere(['--fix', '--format', 'json', 'p.json'], { cwd: dir });
      const [res] = JSON.parse(r.stdout) as JsonResult[];
      assert.equal(r.status, 1);
      assert.deepEqual(res.messages.filter((m) => m.ruleId === 'json-comment'), []);
      const effect = res.messages.find((m) => m.ruleId === 'effect-invalid')!;
      assert.equal(read(path.join(dir, 'p.json')).split('\n')[effect.line - 1].slice(effect.column - 1, effect.column + 6), '"Maybe"');
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('connect-iam-lint --fix-dry-run', () => {
  it('writes nothing, and puts the fixed text as "output" in the JSON report, only where it differs', async () => {
    const dir = makeTree();
    try {
      const before = snapshot(dir);
      const r = await runCliHere(['--fix-dry-run', '--format', 'json', '.'], { cwd: dir });
      assert.equal(r.status, 0);
      const results = JSON.parse(r.stdout) as JsonResult[];
      for (const [rel, { bytes, mtimeMs }] of before) {
        const file = path.join(dir, rel);
        assert.ok(fs.readFileSync(file).equals(bytes), rel);
        assert.equal(fs.statSync(file).mtimeMs, mtimeMs, rel);
        const res = results.find((x) => x.filePath === file)!;
        if (FIXABLE.includes(rel)) assert.equal(res.output, keepForm(bytes.toString('utf8').replace(/^\ufeff/, ''), editorFixAll(bytes.toString('utf8'), file)), rel);
        else assert.equal(res.output, undefined, rel);
      }
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  it('cannot be combined with --fix', async () => {
    const r = await runCliHere(['--fix', '--fix-dry-run', COMMENT]);
    assert.equal(r.status, 2);
    assert.match(r.stderr, /--fix and --fix-dry-run cannot be used together/);
  });
});

describe('the re-parse before writing', () => {
  const policy = read(COMMENT);
  const findings = analyzeHost(policy, { path: COMMENT }).findings;
  const returning = (text: string): typeof fixAll => () => ({ text, fixed: 1, converged: true });

  it('refuses a fixed text that would not parse, or would no longer be a policy', () => {
    assert.deepEqual(fixDocument(policy, { path: COMMENT }, findings, returning(policy.replace('"Statement": [', '"Statement": [[,'))), { kind: 'refused', reason: 'the fixed text would not parse' });
    assert.deepEqual(fixDocument(policy, { path: COMMENT }, findings, returning('{ "Version": "2012-10-17" }\n')), { kind: 'refused', reason: 'the fixed text would no longer read as an IAM policy' });
  });

  it('refuses a template fix that loses an embedded policy', () => {
    const file = fixture('templates', 'connect-vmx3-core.yaml');
    const template = read(file);
    const host = parseHost(template, { path: file });
    assert.ok(host.policies.length > 1);
    const first = host.policies[0].range;
    // A scalar where the policy was: still valid YAML, one policy fewer.
    const without = template.slice(0, first.start) + 'x' + template.slice(first.end);
    const r = fixDocument(template, { path: file }, [], returning(without));
    assert.equal(r.kind, 'refused');
    assert.match((r as { reason: string }).reason, /would hold \d+ policies instead of \d+/);
  });

  it('accepts the engine\'s own fix', () => {
    assert.deepEqual(fixDocument(policy, { path: COMMENT }, findings), { kind: 'fixed', text: fixAll(policy, { path: COMMENT }).text, fixed: 1 });
  });
});

describe('keeping the file\'s form', () => {
  it('writes the line ends of a CRLF file, and keeps a final newline', () => {
    assert.equal(keepForm('{\r\n  "a": 1\r\n}\r\n', '{\r\n  "a": 1,\n  "b": 2\r\n}'), '{\r\n  "a": 1,\r\n  "b": 2\r\n}\r\n');
    assert.equal(keepForm('{\n}\n', '{\r\n}'), '{\n}\n');
    // Mixed line ends: left as the fixes wrote them; no final newline added where none was.
    assert.equal(keepForm('a\r\nb\nc', 'a\r\nb\nc\nd'), 'a\r\nb\nc\nd');
  });
});

describe('connect-iam-lint --stdin', () => {
  const commentText = read(COMMENT);
  const template = read(fixture('templates', 'connect-vmx3-core.yaml')).replace('Effect: Allow', 'Effect: Alow');

  it('lints a policy from standard input, named <text> as in ESLint', async () => {
    const r = await runCliHere(['--stdin'], { stdin: commentText });
    assert.equal(r.status, 1);
    assert.ok(r.stdout.split('\n').some((l) => l.startsWith('<text>:3:3  error  ') && l.endsWith('json-comment')), r.stdout);
    const json = JSON.parse((await runCliHere(['--stdin', '-f', 'json'], { stdin: commentText })).stdout) as JsonResult[];
    assert.deepEqual(json.map((x) => x.filePath), ['<text>']);
  });

  it('reads a YAML template from standard input, with and without --stdin-filename', async () => {
    const named = await runCliHere(['--stdin', '--stdin-filename', 'stacks/core.yaml', '-f', 'json'], { stdin: template });
    const [res] = JSON.parse(named.stdout) as JsonResult[];
    assert.equal(res.filePath, path.join(ROOT, 'stacks', 'core.yaml'));
    const invalid = res.messages.filter((m) => m.ruleId === 'effect-invalid');
    assert.equal(invalid.length, 1);
    assert.equal(template.split('\n')[invalid[0].line - 1].slice(invalid[0].column - 1, invalid[0].column + 3), 'Alow');
    assert.equal(named.status, 1);
    // Unnamed, the text is still recognised as a template (it does not start with a brace).
    const [bare] = JSON.parse((await runCliHere(['--stdin', '-f', 'json'], { stdin: template })).stdout) as JsonResult[];
    assert.deepEqual(bare.messages, res.messages);
  });

  it('decides the kind of document by --stdin-filename: a Terraform file', async () => {
    const tf = mutate(fixture('terraform', 'tam-iam--examples_iam-policy_main.tf'), '"ec2:Describe*"', '"ec2:DescribeInstancez"');
    const r = await runCliHere(['--stdin', '--stdin-filename', 'main.tf', '-f', 'json'], { stdin: tf });
    const [res] = JSON.parse(r.stdout) as JsonResult[];
    assert.deepEqual(res.messages.filter((m) => m.ruleId === 'action-unknown').length, 1);
    // The same text without the name is neither JSON nor a template: nothing is linted.
    const bare = await runCliHere(['--stdin'], { stdin: tf });
    assert.equal(bare.status, 2);
    assert.match(bare.stderr, /No IAM policy was linted/);
  });

  it('--fix-dry-run gives the fixed text of standard input; --fix is refused with it, as in ESLint', async () => {
    const r = await runCliHere(['--stdin', '--fix-dry-run', '-f', 'json'], { stdin: commentText });
    const [res] = JSON.parse(r.stdout) as JsonResult[];
    assert.equal(res.output, fixAll(commentText, {}).text);
    assert.equal(r.status, 0);
    const refused = await runCliHere(['--stdin', '--fix'], { stdin: commentText });
    assert.equal(refused.status, 2);
    assert.match(refused.stderr, /--fix cannot write to standard input: use --fix-dry-run/);
  });

  it('refuses invalid UTF-8 and input over the size cap, as for files', async () => {
    const latin1 = await runCliHere(['--stdin'], { stdin: Buffer.from('{"Statement": [{"Sid": "caf\xe9"}]}', 'latin1') });
    assert.equal(latin1.status, 2);
    assert.match(latin1.stderr, /standard input: not linted: not valid UTF-8 text \(the first invalid byte is at offset 27\)/);
    const big = await runCliHere(['--stdin', '--stdin-filename', 'big.json'], { stdin: Buffer.alloc(MAX_FILE_BYTES + 1, 0x20) });
    assert.equal(big.status, 2);
    assert.match(big.stderr, /big\.json: not linted: larger than 10 MB/);
  });

  it('is a usage error with file arguments, and --stdin-filename needs --stdin', async () => {
    for (const [args, message] of [
      [['--stdin', COMMENT], /do not name files as well/],
      [['--stdin-filename', 'a.json', COMMENT], /add --stdin/],
    ] as [string[], RegExp][]) {
      const r = await runCliHere(args, { stdin: commentText });
      assert.equal(r.status, 2);
      assert.match(r.stderr, message);
    }
  });

  it('gives a valid SARIF log for unnamed standard input', async () => {
    const log = JSON.parse((await runCliHere(['--stdin', '-f', 'sarif'], { stdin: commentText })).stdout) as Sarif.Log;
    assertValidSarif(log);
    assert.equal(log.runs[0].results![0].locations![0].physicalLocation!.artifactLocation!.uri, '%3Ctext%3E');
  });
});

describe('connect-iam-lint --rule ID=hint', () => {
  it('reports the finding as a hint (SARIF note) that does not fail the run', async () => {
    const json = await runCliHere(['--rule', 'json-comment=hint', '-f', 'json', COMMENT]);
    const [res] = JSON.parse(json.stdout) as JsonResult[];
    assert.deepEqual(res.messages.filter((m) => m.ruleId === 'json-comment').map((m) => m.severity), ['hint']);
    assert.equal(json.status, 0);
    const sarif = JSON.parse((await runCliHere(['--rule', 'json-comment=hint', '-f', 'sarif', COMMENT])).stdout) as Sarif.Log;
    assert.deepEqual(sarif.runs[0].results!.filter((x) => x.ruleId === 'json-comment').map((x) => x.level), ['note']);
    const text = await runCliHere(['--rule', 'json-comment=hint', COMMENT]);
    assert.match(text.stdout, /:3:3 +hint +.*json-comment\n/);
    assert.match(text.stdout, /, 1 hint\)\n$/);
    assert.equal(text.status, 0);
  });
});
