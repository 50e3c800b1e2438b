// `connect-iam-lint` run in-process through its `run()`: arguments, files, output formats, exit
// codes (the child-process checks are in cliProcess.test.ts). Assertions depend only on the strict-JSON rules (a comment is always an error) and on what the
// engine promises (a policy IAM accepts gets no error), not on the other rules that exist.
import { after, before, describe, it } from 'node:test';
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import type * as Sarif from 'sarif';
import { allRules } from '../../server/src/engine';
import { ROOT, SEED_FILES } from '../helpers';
import { assertValidSarif, runCliHere } from './cliHelpers';

const FIX = path.join('test', 'fixtures', 'cli');
const fx = (name: string) => path.join(FIX, name);
const COMMENT = fx('comment.policy.json');
const VALID = fx('valid.policy.json');
const SEVERITIES = ['error', 'warning', 'information', 'hint'];
const MESSAGE_KEYS = ['ruleId', 'severity', 'message', 'line', 'column', 'endLine', 'endColumn'];

interface JsonMessage {
  ruleId: string;
  severity: string;
  message: string;
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
}
interface JsonResult {
  filePath: string;
  messages: JsonMessage[];
}

/** Runs with --format json and checks the shape on the way. */
async function runJson(args: string[], opts?: { cwd?: string }): Promise<{ status: number | null; results: JsonResult[]; stderr: string }> {
  const r = await runCliHere(['--format', 'json', ...args], opts);
  const results = JSON.parse(r.stdout) as JsonResult[];
  for (const file of results) {
    assert.deepEqual(Object.keys(file), ['filePath', 'messages']);
    assert.ok(path.isAbsolute(file.filePath));
    for (const m of file.messages) {
      assert.deepEqual(Object.keys(m), MESSAGE_KEYS);
      assert.ok(SEVERITIES.includes(m.severity));
      for (const k of ['line', 'column', 'endLine', 'endColumn'] as const) assert.ok(Number.isInteger(m[k]) && m[k] >= 1);
    }
  }
  return { status: r.status, results, stderr: r.stderr };
}

const all = (results: JsonResult[]) => results.flatMap((r) => r.messages);
const ofRule = (results: JsonResult[], id: string) => all(results).filter((m) => m.ruleId === id);
const hasError = (results: JsonResult[]) => all(results).some((m) => m.severity === 'error');

/** The text a 1-based, end-exclusive single-line span covers. */
function spanText(text: string, m: JsonMessage): string {
  return text.split(/\r\n|\r|\n/)[m.line - 1].slice(m.column - 1, m.endColumn - 1);
}

describe('connect-iam-lint: options', { concurrency: true }, () => {
  it('--help prints usage, the options and the exit codes', async () => {
    const r = await runCliHere(['--help']);
    assert.equal(r.status, 0);
    for (const s of ['Usage: connect-iam-lint', '--format', '--max-warnings', '--rule', '--quiet', '--output', '--fix', '--fix-dry-run', '--stdin', '--stdin-filename', 'Exit codes']) assert.ok(r.stdout.includes(s), s);
  });

  it('--version prints the package version and the reference data version', async () => {
    const r = await runCliHere(['--version']);
    const pkg = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8'));
    assert.equal(r.status, 0);
    assert.match(r.stdout, new RegExp(`^connect-iam-lint ${pkg.version.replace(/\./g, '\\.')} \\(AWS reference data \\S+, \\d{4}-\\d\\d-\\d\\d\\)\\n$`));
  });

  for (const [args, message] of [
    [['--rule', 'no-such-rule=off', COMMENT], /Unknown rule "no-such-rule"/],
    [['--rule', 'json-comment=loud', COMMENT], /Unknown level "loud"/],
    [['--format', 'xml', COMMENT], /Unknown format "xml"/],
    [[], /No files given/],
  ] as [string[], RegExp][]) {
    it(`exits 2 on a usage error: ${args.join(' ') || '(no arguments)'}`, async () => {
      const r = await runCliHere(args);
      assert.equal(r.status, 2);
      assert.match(r.stderr, message);
      assert.match(r.stderr, /--help/);
      assert.equal(r.stdout, '');
    });
  }
});

describe('connect-iam-lint: findings and exit codes', { concurrency: true }, () => {
  it('prints ESLint-like text lines and a summary, without colour when not a terminal, and exits 1 on an error', async () => {
    const r = await runCliHere([COMMENT]);
    assert.equal(r.status, 1);
    const line = `${COMMENT}:3:3  error  `;
    assert.ok(r.stdout.split('\n').some((l) => l.startsWith(line) && l.endsWith('  json-comment')), r.stdout);
    assert.match(r.stdout, /\n\d+ problems? \([1-9]\d* errors?, \d+ warnings?, \d+ information\)\n$/);
    assert.ok(!r.stdout.includes('\x1b'));
  });

  it('--format json points at the comment with 1-based positions', async () => {
    const { status, results } = await runJson([COMMENT]);
    assert.equal(status, 1);
    assert.deepEqual(results.map((r) => r.filePath), [path.join(ROOT, COMMENT)]);
    const [m] = ofRule(results, 'json-comment');
    assert.deepEqual({ ...m, message: '' }, { ruleId: 'json-comment', severity: 'error', message: '', line: 3, column: 3, endLine: 3, endColumn: 23 });
    assert.equal(spanText(fs.readFileSync(path.join(ROOT, COMMENT), 'utf8'), m), '// recordings bucket');
  });

  it('--rule json-comment=off silences the rule, leaving a valid policy without errors (exit 0)', async () => {
    const { status, results } = await runJson(['--rule', 'json-comment=off', COMMENT]);
    assert.deepEqual(ofRule(results, 'json-comment'), []);
    assert.equal(hasError(results), false);
    assert.equal(status, 0);
  });

  it('--max-warnings fails the run only when warnings exceed it', async () => {
    const demote = ['--rule', 'json-comment=warning', COMMENT];
    const { status, results } = await runJson(demote);
    assert.equal(status, 0);
    assert.equal(ofRule(results, 'json-comment')[0].severity, 'warning');
    const warnings = all(results).filter((m) => m.severity === 'warning').length;
    assert.equal((await runCliHere([...demote, '--max-warnings', String(warnings)])).status, 0);
    const over = await runCliHere([...demote, '--max-warnings', String(warnings - 1)]);
    assert.equal(over.status, 1);
    assert.match(over.stderr, new RegExp(`${warnings} warning\\(s\\), more than --max-warnings ${warnings - 1}`));
  });

  it('--quiet reports errors only, but warnings still count for --max-warnings', async () => {
    const { status, results } = await runJson(['-q', '--rule', 'json-comment=warning', COMMENT]);
    assert.equal(status, 0);
    assert.deepEqual(all(results), []);
    const loud = await runJson(['-q', COMMENT]);
    assert.deepEqual(all(loud.results).map((m) => m.severity).filter((s) => s !== 'error'), []);
    assert.equal(ofRule(loud.results, 'json-comment').length, 1);
    assert.equal((await runCliHere(['-q', '--rule', 'json-comment=warning', '--max-warnings', '0', COMMENT])).status, 1);
  });

  it('exits 0 on a policy IAM accepts', async () => {
    const { status, results } = await runJson([VALID]);
    assert.equal(hasError(results), false);
    assert.equal(status, 0);
  });

  it('lints the seed examples verbatim: every finding points at real text, the placeholders among them', async () => {
    const { status, results } = await runJson(['examples']);
    assert.deepEqual(results.map((r) => r.filePath), SEED_FILES.map((f) => path.join(ROOT, 'examples', f)).sort());
    assert.equal(status, hasError(results) ? 1 : 0);
    for (const r of results) {
      const text = fs.readFileSync(r.filePath, 'utf8');
      const spans = r.messages.filter((m) => m.line === m.endLine).map((m) => spanText(text, m));
      assert.ok(spans.every((s) => s.length > 0), r.filePath);
      // `account-id` stands in for the account in all three examples.
      assert.ok(spans.some((s) => s.includes('account-id')), `${r.filePath}: ${spans.join(', ')}`);
    }
  });

  it('--format sarif is a valid SARIF 2.1.0 log with every rule, relative URIs and related locations', async () => {
    const r = await runCliHere(['--format', 'sarif', 'examples', fx('duplicate-key.policy.json')]);
    assert.equal(r.status, 1);
    const log = JSON.parse(r.stdout) as Sarif.Log;
    assertValidSarif(log);
    const run = log.runs[0];
    assert.deepEqual(run.tool.driver.rules!.slice(0, allRules.length).map((d) => d.id), allRules.map((x) => x.id));
    const dup = run.results!.find((x) => x.ruleId === 'json-duplicate-key')!;
    assert.equal(dup.level, 'error');
    assert.deepEqual(dup.locations![0].physicalLocation, {
      artifactLocation: { uri: 'test/fixtures/cli/duplicate-key.policy.json', uriBaseId: '%SRCROOT%' },
      region: { startLine: 8, startColumn: 7, endLine: 8, endColumn: 17 },
    });
    assert.deepEqual(dup.relatedLocations![0].physicalLocation!.region, { startLine: 7, startColumn: 7, endLine: 7, endColumn: 17 });
    const uris = new Set(run.results!.map((x) => x.locations![0].physicalLocation!.artifactLocation!.uri));
    for (const f of SEED_FILES) assert.ok(uris.has(`examples/${f}`), f);
  });

  it('--output writes the report to a file instead of standard output', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cli-out-'));
    try {
      const out = path.join(dir, 'report.json');
      const r = await runCliHere(['--format', 'json', '-o', out, COMMENT]);
      assert.equal(r.status, 1);
      assert.equal(r.stdout, '');
      assert.equal(ofRule(JSON.parse(fs.readFileSync(out, 'utf8')), 'json-comment').length, 1);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('connect-iam-lint: files, directories, globs and input problems', () => {
  let tmp: string;
  const write = (rel: string, content: string | Buffer) => {
    fs.mkdirSync(path.dirname(path.join(tmp, rel)), { recursive: true });
    fs.writeFileSync(path.join(tmp, rel), content);
  };
  const commentPolicy = fs.readFileSync(path.join(ROOT, COMMENT), 'utf8');
  // BOM and CRLF: the comment sits on line 3 at column 3 as the user sees it.
  const bomCrlf = Buffer.from('\ufeff' + commentPolicy.replace(/\n/g, '\r\n'), 'utf8');

  before(() => {
    tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'cli-tree-'));
    write('policies/comment.policy.json', commentPolicy);
    write('policies/config.json', '{ "name": "not a policy" }');
    write('policies/notes.json', 'Version: 2012-10-17\n');
    write('bom-crlf.json', bomCrlf);
    write('node_modules/dep/dep.policy.json', commentPolicy);
    write('.git/hooks/x.policy.json', commentPolicy);
    write('other/config.json', '{ "name": "not a policy either" }');
    fs.mkdirSync(path.join(tmp, 'empty'));
  });
  after(() => fs.rmSync(tmp, { recursive: true, force: true }));

  it('walks a directory for *.json, skipping node_modules, .git and JSON that is not a policy, quietly', async () => {
    const { status, results, stderr } = await runJson(['.'], { cwd: tmp });
    assert.deepEqual(results.map((r) => path.relative(tmp, r.filePath)), ['bom-crlf.json', path.join('policies', 'comment.policy.json')]);
    // Only the file that does not parse is mentioned (it could be a broken policy); config.json is not.
    assert.equal(stderr, `connect-iam-lint: note: ${path.join('policies', 'notes.json')}: skipped: the file is not JSON.\n`);
    assert.equal(status, 1);
  });

  it('reads a file with a byte-order mark and CRLF line ends at the positions an editor shows', async () => {
    const r = await runCliHere(['bom-crlf.json'], { cwd: tmp });
    assert.equal(r.status, 1);
    assert.ok(r.stdout.split('\n').some((l) => l.startsWith('bom-crlf.json:3:3  error  ') && l.endsWith('json-comment')), r.stdout);
    const { results } = await runJson(['bom-crlf.json'], { cwd: tmp });
    assert.deepEqual(ofRule(results, 'json-comment').map((m) => [m.line, m.column, m.endLine, m.endColumn]), [[3, 3, 3, 23]]);
    assert.deepEqual(ofRule(results, 'json-syntax'), []);
  });

  it('expands a quoted glob itself, still skipping node_modules', async () => {
    const { status, results } = await runJson(['**/*.policy.json'], { cwd: tmp });
    assert.deepEqual(results.map((r) => path.relative(tmp, r.filePath)), [path.join('policies', 'comment.policy.json')]);
    assert.equal(status, 1);
  });

  it('exits 2 for a glob without matches or a directory without policies, and lints the rest', async () => {
    const { status, results, stderr } = await runJson(['nothing/*.json', 'empty', 'other', 'other/*.json', 'policies'], { cwd: tmp });
    assert.equal(status, 2);
    assert.match(stderr, /nothing\/\*\.json: no files match this glob/);
    assert.match(stderr, /empty: no \*\.json files in this directory/);
    assert.match(stderr, /other: no IAM policy among the 1 file\(s\) found in this directory/);
    assert.match(stderr, /other\/\*\.json: no IAM policy among the 1 file\(s\) matched by this glob/);
    assert.equal(ofRule(results, 'json-comment').length, 1);
  });

  it('exits 2 for a missing path and a file that is not JSON, yet reports the findings in the others', async () => {
    const r = await runCliHere(['missing.json', path.join('policies', 'notes.json'), path.join('policies', 'comment.policy.json')], { cwd: tmp });
    assert.equal(r.status, 2);
    assert.match(r.stderr, /missing\.json: no such file or directory/);
    assert.match(r.stderr, /notes\.json: not linted: the file is not JSON/);
    assert.ok(r.stdout.includes('json-comment'));
  });

  it('notes a named JSON file that is not a policy without failing, unless nothing was linted', async () => {
    const withPolicy = await runCliHere([path.join('policies', 'config.json'), path.join(ROOT, VALID)], { cwd: tmp });
    assert.match(withPolicy.stderr, /note: policies.config\.json: skipped: valid JSON but not an IAM policy/);
    assert.equal(withPolicy.status, 0);
    const alone = await runCliHere([path.join('policies', 'config.json')], { cwd: tmp });
    assert.match(alone.stderr, /No IAM policy was linted/);
    assert.equal(alone.status, 2);
  });

  it('lints a file reached twice (two arguments, a symbolic link) once', { skip: process.platform === 'win32' }, async () => {
    fs.symlinkSync('policies', path.join(tmp, 'linked'), 'dir');
    const { results } = await runJson(['policies', 'linked', path.join('policies', 'comment.policy.json')], { cwd: tmp });
    assert.deepEqual(results.map((r) => path.relative(tmp, r.filePath)), [path.join('policies', 'comment.policy.json')]);
  });

  it('exits 2 for a path that cannot be read, and still lints the others', { skip: process.platform === 'win32' }, async () => {
    fs.symlinkSync('loop.json', path.join(tmp, 'loop.json'));
    const r = await runCliHere(['loop.json', 'bom-crlf.json'], { cwd: tmp });
    assert.equal(r.status, 2);
    assert.match(r.stderr, /loop\.json: cannot be accessed \(a loop of symbolic links\)/);
    assert.ok(r.stdout.includes('bom-crlf.json:3:3'));
  });

  it('exits 2 for a file without read permission', { skip: process.platform === 'win32' || process.getuid?.() === 0 }, async () => {
    write('locked.policy.json', commentPolicy);
    fs.chmodSync(path.join(tmp, 'locked.policy.json'), 0o000);
    const r = await runCliHere(['locked.policy.json', 'bom-crlf.json'], { cwd: tmp });
    assert.equal(r.status, 2);
    assert.match(r.stderr, /locked\.policy\.json: cannot be read \(permission denied\)/);
  });
});

describe('connect-iam-lint: colour', () => {
  // In-process, to present a terminal that a child process's pipe cannot.
  async function textOut(env: NodeJS.ProcessEnv, tty: boolean, extra: string[] = []): Promise<string> {
    return (await runCliHere([...extra, COMMENT], { env, tty })).stdout;
  }

  it('colours text for a terminal unless NO_COLOR is set to something', async () => {
    assert.ok((await textOut({}, true)).includes('\x1b[31merror'));
    assert.ok((await textOut({ NO_COLOR: '' }, true)).includes('\x1b['));
    assert.ok(!(await textOut({ NO_COLOR: '1' }, true)).includes('\x1b'));
    assert.ok(!(await textOut({}, false)).includes('\x1b'));
  });

  it('never colours a report written to a file', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cli-color-'));
    try {
      const out = path.join(dir, 'report.txt');
      assert.equal(await textOut({}, true, ['-o', out]), '');
      const written = fs.readFileSync(out, 'utf8');
      assert.ok(written.includes('json-comment') && !written.includes('\x1b'));
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
