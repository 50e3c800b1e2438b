// The pure parts of the LSP wiring: finding → diagnostic, settings, globs, code-action kinds.
import { describe, it } from 'node:test';
import * as assert from 'node:assert/strict';
import { DiagnosticSeverity, DiagnosticTag } from 'vscode-languageserver/node';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { Finding, ruleDocsUrl } from '../../server/src/engine';
import { kindRequested } from '../../server/src/lsp/codeActions';
import { toDiagnostic } from '../../server/src/lsp/diagnostics';
import { FileGlobs } from '../../server/src/lsp/fileGlobs';
import { DEFAULT_SETTINGS, normalizeSettings } from '../../server/src/lsp/settings';

describe('finding → diagnostic', () => {
  const text = '{\n  "Statement": [],\n  "Statement": []\n}';
  const doc = TextDocument.create('file:///p.json', 'json', 3, text);
  const second = text.lastIndexOf('"Statement"');
  const finding: Finding = {
    ruleId: 'json-duplicate-key',
    severity: 'hint',
    message: 'twice',
    range: { start: second, end: second + 11 },
    related: [{ range: { start: 4, end: 15 }, message: 'first' }],
    tags: ['unnecessary', 'deprecated'],
  };

  it('maps range, severity, code, docs link, related locations and tags', () => {
    const d = toDiagnostic(doc, finding);
    assert.deepEqual(d.range, { start: { line: 2, character: 2 }, end: { line: 2, character: 13 } });
    assert.equal(d.severity, DiagnosticSeverity.Hint);
    assert.equal(d.code, 'json-duplicate-key');
    assert.equal(d.codeDescription?.href, ruleDocsUrl('json-duplicate-key'));
    assert.deepEqual(d.relatedInformation, [
      { location: { uri: 'file:///p.json', range: { start: { line: 1, character: 2 }, end: { line: 1, character: 13 } } }, message: 'first' },
    ]);
    assert.deepEqual(d.tags, [DiagnosticTag.Unnecessary, DiagnosticTag.Deprecated]);
  });

  it('links no docs page for a report that is not a rule', () => {
    const d = toDiagnostic(doc, { ...finding, ruleId: 'internal-error', tags: undefined, related: undefined });
    assert.equal(d.codeDescription, undefined);
    assert.equal(d.tags, undefined);
    assert.equal(d.relatedInformation, undefined);
  });
});

describe('settings', () => {
  it('keeps valid values and replaces malformed ones with defaults', () => {
    const s = normalizeSettings({ enable: 'yes', rules: { a: 'Warning', b: 'loud', c: 3 }, files: ['x/*.json', 4, ''], maxDocumentSize: -1, debounceMs: 20 });
    assert.deepEqual(s, { enable: true, rules: { a: 'warning' }, fileRules: [], files: ['x/*.json'], maxDocumentSize: DEFAULT_SETTINGS.maxDocumentSize, debounceMs: 20 });
    assert.deepEqual(normalizeSettings(null), normalizeSettings({}));
  });
});

describe('connectIam.files globs', () => {
  const globs = new FileGlobs();
  globs.setFolders(['file:///home/u/ws']);

  it('matches paths relative to a workspace folder', () => {
    assert.equal(globs.matches('file:///home/u/ws/infra/roles/a.json', ['infra/**/*.json']), true);
    assert.equal(globs.matches('file:///home/u/other/infra/roles/a.json', ['infra/**/*.json']), false);
  });

  it('matches a pattern without a slash against the file name in any folder', () => {
    assert.equal(globs.matches('file:///home/u/ws/deep/x.policy.json', ['*.policy.json']), true);
    assert.equal(globs.matches('file:///home/u/ws/deep/x.json', ['*.policy.json']), false);
  });

  it('matches absolute patterns and ignores an empty list', () => {
    assert.equal(globs.matches('file:///etc/iam/p.json', ['/etc/iam/*.json']), true);
    assert.equal(globs.matches('file:///etc/iam/p.json', []), false);
  });
});

describe('code action kinds', () => {
  it('answers hierarchical `only` filters', () => {
    assert.equal(kindRequested('source.fixAll.connectIam', ['source.fixAll']), true);
    assert.equal(kindRequested('source.fixAll.connectIam', ['source']), true);
    assert.equal(kindRequested('source.fixAll.connectIam', ['quickfix']), false);
    assert.equal(kindRequested('source.fixAll.connectIam', undefined), false);
    assert.equal(kindRequested('quickfix', undefined), true);
    assert.equal(kindRequested('quickfix', ['source.fixAll']), false);
  });
});
