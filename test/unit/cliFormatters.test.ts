// The CLI's pure parts: position conversion, reading encodings, the three formatters, exit codes.
import { describe, it } from 'node:test';
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import type * as Sarif from 'sarif';
import { RuleMeta } from '../../server/src/engine';
import { readText } from '../../server/src/cli/files';
import { formatJson } from '../../server/src/cli/formatters/json';
import { buildSarif, SarifOptions } from '../../server/src/cli/formatters/sarif';
import { formatText, summary } from '../../server/src/cli/formatters/text';
import { countBySeverity, errorsOnly, exitCode, LintResult, toLintResult } from '../../server/src/cli/results';
import { lint } from '../helpers';
import { assertValidSarif } from './cliHelpers';

const CWD = path.resolve(os.tmpdir(), 'project');
const file = (...parts: string[]) => path.join(CWD, ...parts);

const results: LintResult[] = [
  {
    filePath: file('policies', 'a.json'),
    messages: [
      { ruleId: 'rule-e', severity: 'error', message: 'Bad key', line: 3, column: 5, endLine: 3, endColumn: 9, related: [{ message: 'First key', line: 2, column: 5, endLine: 2, endColumn: 9 }] },
      { ruleId: 'rule-w', severity: 'warning', message: 'Odd value', line: 12, column: 17, endLine: 12, endColumn: 30 },
    ],
  },
  { filePath: file('clean.json'), messages: [] },
  { filePath: file('b c.json'), messages: [{ ruleId: 'rule-i', severity: 'information', message: 'Maybe', line: 1, column: 1, endLine: 1, endColumn: 2 }] },
];

describe('CLI positions and input', () => {
  const crlf = '{\r\n  "Version": "2012-10-17",\r\n  /* note */\r\n  "Statement": []\r\n}\r\n';

  it('converts finding ranges to 1-based, end-exclusive line/column with CRLF line ends', () => {
    const r = toLintResult('/p.json', crlf, lint(crlf));
    const m = r.messages.find((x) => x.ruleId === 'json-comment');
    assert.deepEqual({ ...m, message: undefined }, { ruleId: 'json-comment', severity: 'error', message: undefined, line: 3, column: 3, endLine: 3, endColumn: 13 });
  });

  it('drops a UTF-8 byte-order mark and decodes UTF-16 files', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cli-read-'));
    try {
      const utf8 = path.join(dir, 'bom.json');
      fs.writeFileSync(utf8, '\ufeff' + crlf, 'utf8');
      assert.equal(readText(utf8), crlf);
      const utf16 = path.join(dir, 'utf16.json');
      fs.writeFileSync(utf16, Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(crlf, 'utf16le')]));
      assert.equal(readText(utf16), crlf);
      const utf16be = path.join(dir, 'utf16be.json');
      fs.writeFileSync(utf16be, Buffer.concat([Buffer.from([0xfe, 0xff]), Buffer.from(crlf, 'utf16le').swap16()]));
      assert.equal(readText(utf16be), crlf);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('text formatter', () => {
  it('prints path:line:col, severity, message and rule, aligned per file, then the summary', () => {
    const out = formatText(results, { color: false, cwd: CWD });
    const a = path.join('policies', 'a.json');
    assert.equal(
      out,
      [
        `${a}:3:5    error    Bad key  rule-e`,
        `${a}:12:17  warning  Odd value  rule-w`,
        '',
        'b c.json:1:1  information  Maybe  rule-i',
        '',
        '3 problems (1 error, 1 warning, 1 information)',
        '',
      ].join('\n'),
    );
  });

  it('copes with a file with hundreds of thousands of findings', () => {
    const messages = Array.from({ length: 300_000 }, (_, i) => ({ ...results[0].messages[1], line: i + 1 }));
    const out = formatText([{ filePath: file('big.json'), messages }], { color: false, cwd: CWD });
    assert.ok(out.endsWith('\n300000 problems (0 errors, 300000 warnings, 0 information)\n'));
  });

  it('prints nothing when there is nothing to report', () => {
    assert.equal(formatText([{ filePath: file('x.json'), messages: [] }], { color: false, cwd: CWD }), '');
  });

  it('shows the absolute path of a file outside the current directory', () => {
    const outside = path.resolve(CWD, '..', 'elsewhere.json');
    const out = formatText([{ filePath: outside, messages: results[2].messages }], { color: false, cwd: CWD });
    assert.ok(out.startsWith(`${outside}:1:1  `));
  });

  it('colours severities only when asked', () => {
    assert.ok(formatText(results, { color: true, cwd: CWD }).includes('\x1b[31merror'));
    assert.ok(!formatText(results, { color: false, cwd: CWD }).includes('\x1b'));
  });

  it('counts in the summary with singular and plural, hints only when present', () => {
    assert.equal(summary({ error: 1, warning: 0, information: 2, hint: 0 }), '3 problems (1 error, 0 warnings, 2 information)');
    assert.equal(summary({ error: 0, warning: 1, information: 0, hint: 0 }), '1 problem (0 errors, 1 warning, 0 information)');
    assert.equal(summary({ error: 0, warning: 0, information: 0, hint: 2 }), '2 problems (0 errors, 0 warnings, 0 information, 2 hints)');
  });
});

describe('JSON formatter', () => {
  it('keeps the documented shape exactly, files without findings included', () => {
    const parsed = JSON.parse(formatJson(results));
    assert.equal(parsed.length, 3);
    assert.deepEqual(parsed[0], {
      filePath: file('policies', 'a.json'),
      messages: [
        { ruleId: 'rule-e', severity: 'error', message: 'Bad key', line: 3, column: 5, endLine: 3, endColumn: 9 },
        { ruleId: 'rule-w', severity: 'warning', message: 'Odd value', line: 12, column: 17, endLine: 12, endColumn: 30 },
      ],
    });
    assert.deepEqual(parsed[1], { filePath: file('clean.json'), messages: [] });
  });
});

describe('SARIF formatter', () => {
  const rules: RuleMeta[] = [
    { id: 'rule-e', title: 'Finds bad keys.', defaultSeverity: 'error', category: 'syntax' },
    { id: 'rule-w', title: 'Finds odd values.', defaultSeverity: 'warning', category: 'values' },
    { id: 'rule-unused', title: 'Finds nothing here.', defaultSeverity: 'information', category: 'security' },
  ];
  const options: SarifOptions = { rules, toolName: 'connect-iam-lint', toolVersion: '9.8.7', docsBase: 'https://example.com/docs/rules/', cwd: CWD };
  const log = buildSarif(results, options);
  const run = log.runs[0];

  it('is a structurally valid SARIF 2.1.0 log', () => {
    assertValidSarif(log);
    assert.equal(run.tool.driver.name, 'connect-iam-lint');
    assert.equal(run.tool.driver.version, '9.8.7');
  });

  it('describes every rule with its title, docs page and default level', () => {
    const unused = run.tool.driver.rules!.find((r) => r.id === 'rule-unused');
    assert.deepEqual(unused?.shortDescription, { text: 'Finds nothing here.' });
    assert.equal(unused?.defaultConfiguration?.level, 'note');
    assert.equal(unused?.helpUri, 'https://example.com/docs/rules/rule-unused.md');
  });

  it('links no rule page without a docs base (rather than a dead link)', () => {
    const bare = buildSarif(results, { ...options, docsBase: undefined });
    assert.ok(bare.runs[0].tool.driver.rules!.every((r) => r.helpUri === undefined));
    assert.equal(bare.runs[0].tool.driver.informationUri, undefined);
  });

  it('maps severities to levels and points at the file relative to %SRCROOT%, URI-encoded', () => {
    const [e, w, i] = run.results!;
    assert.deepEqual([e.level, w.level, i.level], ['error', 'warning', 'note']);
    assert.deepEqual(e.locations![0].physicalLocation, {
      artifactLocation: { uri: 'policies/a.json', uriBaseId: '%SRCROOT%' },
      region: { startLine: 3, startColumn: 5, endLine: 3, endColumn: 9 },
    });
    assert.equal(i.locations![0].physicalLocation!.artifactLocation!.uri, 'b%20c.json');
    assert.equal(run.originalUriBaseIds!['%SRCROOT%'].uri, `file://${CWD.startsWith('/') ? '' : '/'}${CWD.split(path.sep).join('/')}/`);
  });

  it('carries related ranges as relatedLocations', () => {
    const e = run.results![0];
    assert.deepEqual(e.relatedLocations, [
      {
        id: 1,
        message: { text: 'First key' },
        physicalLocation: { artifactLocation: { uri: 'policies/a.json', uriBaseId: '%SRCROOT%' }, region: { startLine: 2, startColumn: 5, endLine: 2, endColumn: 9 } },
      },
    ]);
    assert.equal(run.results![1].relatedLocations, undefined);
  });

  it('gives a finding of an unlisted rule its own descriptor', () => {
    const internal: LintResult = { filePath: file('x.json'), messages: [{ ruleId: 'internal-error', severity: 'information', message: 'Rule failed', line: 1, column: 1, endLine: 1, endColumn: 1 }] };
    const l = buildSarif([internal], options);
    assertValidSarif(l);
    assert.equal(l.runs[0].tool.driver.rules![l.runs[0].results![0].ruleIndex!].id, 'internal-error');
  });

  it('uses an absolute file URI for a file outside the current directory', () => {
    const outside = path.resolve(CWD, '..', 'elsewhere.json');
    const l = buildSarif([{ filePath: outside, messages: results[2].messages }], options);
    const artifact = l.runs[0].results![0].locations![0].physicalLocation!.artifactLocation as Sarif.ArtifactLocation;
    assert.match(artifact.uri!, /^file:\/\/.*\/elsewhere\.json$/);
    assert.equal(artifact.uriBaseId, undefined);
  });

  it('reports input problems as a failed invocation', () => {
    const l = buildSarif(results, { ...options, problems: ['x.json: cannot be read (permission denied).'] });
    assert.equal(l.runs[0].invocations![0].executionSuccessful, false);
    assert.equal(l.runs[0].invocations![0].toolExecutionNotifications![0].message.text, 'x.json: cannot be read (permission denied).');
  });
});

describe('exit code and --quiet', () => {
  const counts = (error: number, warning: number) => ({ error, warning, information: 3, hint: 0 });
  it('is 0 without errors, 1 with errors or too many warnings, 2 with input problems', () => {
    assert.equal(exitCode(counts(0, 5), { inputProblems: 0 }), 0);
    assert.equal(exitCode(counts(1, 0), { inputProblems: 0 }), 1);
    assert.equal(exitCode(counts(0, 2), { maxWarnings: 2, inputProblems: 0 }), 0);
    assert.equal(exitCode(counts(0, 3), { maxWarnings: 2, inputProblems: 0 }), 1);
    assert.equal(exitCode(counts(4, 0), { inputProblems: 1 }), 2);
  });

  it('keeps errors only and leaves the counts of the full results alone', () => {
    const quiet = errorsOnly(results);
    assert.deepEqual(quiet.map((r) => r.messages.map((m) => m.ruleId)), [['rule-e'], [], []]);
    assert.deepEqual(countBySeverity(results), { error: 1, warning: 1, information: 1, hint: 0 });
  });
});
