// `connectIam.fileRules`: rule levels for the files a glob matches, over `connectIam.rules`.
import { describe, it } from 'node:test';
import * as assert from 'node:assert/strict';
import { FileGlobs } from '../../server/src/lsp/fileGlobs';
import { rulesFor } from '../../server/src/lsp/fileRules';
import { normalizeSettings } from '../../server/src/lsp/settings';
import { readFixture } from '../helpers';
import { LspClient } from './lspClient';

describe('connectIam.fileRules', () => {
  const globs = new FileGlobs();
  globs.setFolders(['file:///ws']);
  const settings = normalizeSettings({
    rules: { 'placeholder-value': 'warning', 'json-comment': 'off' },
    fileRules: { 'legacy/*.json': { 'placeholder-value': 'off' }, 'legacy/old.json': { 'placeholder-value': 'Information' }, 'x.json': 'bad', '': {} },
  });

  it('keeps valid entries in order and drops malformed ones', () => {
    assert.deepEqual(settings.fileRules, [
      { glob: 'legacy/*.json', rules: { 'placeholder-value': 'off' } },
      { glob: 'legacy/old.json', rules: { 'placeholder-value': 'information' } },
      { glob: 'x.json', rules: {} },
    ]);
  });

  it('applies the matching globs over connectIam.rules, later ones winning', () => {
    assert.deepEqual(rulesFor('file:///ws/legacy/a.json', settings, globs), { 'placeholder-value': 'off', 'json-comment': 'off' });
    assert.deepEqual(rulesFor('file:///ws/legacy/old.json', settings, globs), { 'placeholder-value': 'information', 'json-comment': 'off' });
    assert.equal(rulesFor('file:///ws/current/a.json', settings, globs), settings.rules);
  });

  it('is honoured by the server for the file named, not for others', { timeout: 30_000 }, async () => {
    const root = '/tmp/connect-iam-file-rules';
    const client = await LspClient.start({ rootPath: root, settings: { debounceMs: 0, fileRules: { 'legacy/old.json': { 'placeholder-value': 'off' } } } });
    try {
      const off = `file://${root}/legacy/old.json`;
      const on = `file://${root}/legacy/new.json`;
      const withPlaceholders = readFixture('examples', 's3-call-recordings.policy.json');
      await client.open(off, withPlaceholders);
      await client.open(on, withPlaceholders);
      const codes = async (uri: string) => (await client.current(uri)).map((d) => d.code);
      assert.ok((await codes(on)).includes('placeholder-value'));
      assert.ok(!(await codes(off)).includes('placeholder-value'));
    } finally {
      await client.stop();
    }
  });
});
