import { describe, it } from 'node:test';
import * as assert from 'node:assert/strict';
import { parseCliArgs, UsageError } from '../../server/src/cli/args';

describe('CLI arguments', () => {
  it('defaults to text output, no warning limit, no rule overrides', () => {
    assert.deepEqual(parseCliArgs(['a.json', 'policies']), {
      paths: ['a.json', 'policies'],
      fix: undefined,
      stdin: false,
      stdinFilename: undefined,
      format: 'text',
      maxWarnings: undefined,
      rules: {},
      quiet: false,
      output: undefined,
      docsBaseUrl: undefined,
      help: false,
      version: false,
    });
  });

  it('reads every option, short and long, and repeated --rule', () => {
    const o = parseCliArgs(['-f', 'sarif', '--max-warnings', '0', '--rule', 'json-comment=off', '--rule=json-trailing-comma=warning', '-q', '-o', 'out.sarif', 'p']);
    assert.equal(o.format, 'sarif');
    assert.equal(o.maxWarnings, 0);
    assert.deepEqual(o.rules, { 'json-comment': 'off', 'json-trailing-comma': 'warning' });
    assert.equal(o.quiet, true);
    assert.equal(o.output, 'out.sarif');
  });

  it('reads --fix, --fix-dry-run, --stdin and --stdin-filename, and accepts the hint level', () => {
    assert.equal(parseCliArgs(['--fix', 'p']).fix, 'write');
    assert.equal(parseCliArgs(['--fix-dry-run', 'p']).fix, 'dry-run');
    const stdin = parseCliArgs(['--stdin', '--stdin-filename', 'stack.yaml', '--fix-dry-run']);
    assert.deepEqual([stdin.stdin, stdin.stdinFilename, stdin.paths, stdin.fix], [true, 'stack.yaml', [], 'dry-run']);
    assert.deepEqual(parseCliArgs(['--rule', 'json-comment=hint', 'p']).rules, { 'json-comment': 'hint' });
  });

  it('takes a path that starts with a dash after --', () => {
    assert.deepEqual(parseCliArgs(['--', '-odd.json']).paths, ['-odd.json']);
  });

  it('needs no path for --help or --version, but does otherwise', () => {
    assert.equal(parseCliArgs(['--help']).help, true);
    assert.equal(parseCliArgs(['-v']).version, true);
    assert.throws(() => parseCliArgs([]), (e: Error) => e instanceof UsageError && /No files given/.test(e.message));
  });

  const rejects: [string[], RegExp][] = [
    [['--format', 'xml', 'a.json'], /Unknown format "xml"/],
    [['--max-warnings=-1', 'a.json'], /--max-warnings needs a whole number/],
    [['--max-warnings', '1.5', 'a.json'], /not "1\.5"/],
    [['--max-warnings', 'many', 'a.json'], /not "many"/],
    [['--rule', 'json-comment', 'a.json'], /<id>=<level>/],
    [['--rule', 'json-coment=off', 'a.json'], /Unknown rule "json-coment".*Did you mean "json-comment"\?/],
    [['--rule', 'no-such-rule-at-all=off', 'a.json'], /Unknown rule "no-such-rule-at-all".*docs\/rules/],
    [['--rule', 'json-comment=loud', 'a.json'], /Unknown level "loud".*off, error, warning, information, hint/],
    [['--fix', '--fix-dry-run', 'a.json'], /cannot be used together/],
    [['--stdin', '--fix'], /use --fix-dry-run/],
    [['--stdin', 'a.json'], /do not name files as well/],
    [['--stdin-filename', 'a.json', 'a.json'], /add --stdin/],
    [['--stdin', '--stdin-filename='], /needs a file name/],
    [['--fixx', 'a.json'], /Did you mean --fix\?/],
    [['--bogus', 'a.json'], /--bogus/],
    [['--format'], /--format/],
  ];
  for (const [args, message] of rejects) {
    it(`rejects ${args.join(' ')} with a usage error`, () => {
      assert.throws(() => parseCliArgs(args), (e: Error) => e instanceof UsageError && message.test(e.message));
    });
  }
});
