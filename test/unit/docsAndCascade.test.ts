// Rule pages link to the installed copy (or a configured base URL, or nowhere), and one syntax
// break gives one syntax error.
import { describe, it } from 'node:test';
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import { fileURLToPath } from 'node:url';
import type * as Sarif from 'sarif';
import { docsBase, installedDocsDir, ruleDocsUrl } from '../../server/src/engine/docsUrl';
import { allRules, analyze } from '../../server/src/engine';
import { runCli } from './cliHelpers';
import { ROOT } from '../helpers';

describe('rule documentation links', () => {
  it('point at the docs/rules page of the installed package, which exists for every rule', () => {
    assert.ok(installedDocsDir(), 'docs/rules not found from the engine');
    for (const r of allRules) {
      const url = ruleDocsUrl(r.id)!;
      assert.match(url, /^file:\/\//);
      assert.ok(fs.existsSync(fileURLToPath(url)), `${r.id}: ${url} does not exist`);
    }
  });

  it('use a configured base URL, adding the slash it needs', () => {
    assert.equal(ruleDocsUrl('json-comment', docsBase('https://docs.example.com/iam')), 'https://docs.example.com/iam/json-comment.md');
    assert.equal(ruleDocsUrl('json-comment', null), undefined);
  });

  const policy = `${ROOT}/examples/s3-call-recordings.policy.json`;

  it('CLI: SARIF links the installed pages by default and --docs-base-url pages when given', () => {
    const local = JSON.parse(runCli(['-f', 'sarif', policy]).stdout) as Sarif.Log;
    const helpUri = local.runs[0].tool.driver.rules!.find((r) => r.id === 'placeholder-value')?.helpUri ?? '';
    assert.ok(fs.existsSync(fileURLToPath(helpUri)), helpUri);
    const remote = JSON.parse(runCli(['-f', 'sarif', '--docs-base-url', 'https://docs.example.com/rules/', policy]).stdout) as Sarif.Log;
    const rules = remote.runs[0].tool.driver.rules!;
    assert.equal(rules.find((r) => r.id === 'placeholder-value')?.helpUri, 'https://docs.example.com/rules/placeholder-value.md');
  });

  it('CLI: a --docs-base-url that is not a URL is a usage error', () => {
    const r = runCli(['--docs-base-url', 'docs/rules', policy]);
    assert.equal(r.status, 2);
    assert.match(r.stderr, /--docs-base-url needs an absolute URL/);
  });
});

describe('syntax errors do not cascade', () => {
  const policy = (statements: string) => `{\n  "Version": "2012-10-17",\n  "Statement": [\n${statements}\n  ]\n}\n`;
  const s1 = '    {\n      "Effect": "Allow",\n      "Action": "s3:GetObject",\n      "Resource": "arn:aws:s3:::bucket/*"\n    }';
  const s2 = s1.replace('GetObject', 'PutObject');
  const syntax = (text: string) => analyze(text).findings.filter((f) => f.ruleId.startsWith('json-'));

  it('a statement without its closing brace gives one error, no duplicate keys from the next one', () => {
    const text = policy(`${s1.slice(0, s1.lastIndexOf('}'))},\n${s2}`.replace('*"\n    },', '*"\n    ,'));
    assert.notEqual(text, policy(`${s1},\n${s2}`));
    const found = syntax(text);
    assert.deepEqual(found.map((f) => f.ruleId), ['json-syntax'], found.map((f) => f.message).join(' | '));
  });

  it('the last statement without its closing brace gives one error at the break', () => {
    const text = policy(`${s1},\n${s2.slice(0, s2.lastIndexOf('}'))}`);
    const found = syntax(text);
    assert.equal(found.length, 1, found.map((f) => f.message).join(' | '));
    assert.equal(found[0].ruleId, 'json-syntax');
    assert.equal(text.slice(found[0].range.start, found[0].range.end), ']');
  });

  it('a duplicate key before the break is still reported', () => {
    const text = policy(`${s1.replace('"Effect": "Allow",', '"Effect": "Allow", "Effect": "Allow",')},\n${s2.slice(0, s2.lastIndexOf('}'))}`);
    assert.deepEqual(syntax(text).map((f) => f.ruleId).sort(), ['json-duplicate-key', 'json-syntax']);
  });
});
