// The generated parts of the extension (snippets, schemas) match their sources, and the
// `connectIam.rules` setting offers the rules that exist, with their real default severities.
import * as assert from 'assert';
import * as vscode from 'vscode';
import { allRules } from '../../../server/src/engine';
import { generatedFiles } from '../../../scripts/contributes';
import { EXTENSION_ID, readRepoFile } from './helpers';

describe('manifest', () => {
  for (const [file, expected] of Object.entries(generatedFiles())) {
    it(`${file} is up to date (npm run sync)`, () => {
      assert.strictEqual(readRepoFile(file), expected);
    });
  }

  it('lists rules in connectIam.rules with their default severities', () => {
    const listed: Record<string, { default: string }> =
      vscode.extensions.getExtension(EXTENSION_ID)!.packageJSON.contributes.configuration.properties['connectIam.rules'].properties;
    const mismatched = Object.entries(listed).filter(([id, p]) => allRules.find((r) => r.id === id)?.defaultSeverity !== p.default);
    assert.deepStrictEqual(mismatched.map(([id]) => id), [], 'listed rules that do not exist or have another default');
  });
});
