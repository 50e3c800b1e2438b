// Hover and completion read the document as its analysis does (one parsed document per version,
// lsp/analyzer.ts): the connectIam.files globs that make a JSON file a policy for diagnostics
// make it one for hovers and completions too, and only while the settings say so.
import { describe, it } from 'node:test';
import * as assert from 'node:assert/strict';
import { MarkupContent } from 'vscode-languageserver/node';
import { fileUri, LspClient } from './lspClient';

/** A policy being started: no Statement yet, so only the files globs make it one. */
const STARTED = '{\n  "Version": "2012-10-17",\n  "Id": "x"\n}';
const ON_VERSION = { line: 1, character: 5 };

describe('LSP: hover and completion follow connectIam.files', { timeout: 30_000 }, () => {
  it('hovers in a file the globs name, not in the same JSON elsewhere, and stops when the glob goes', async () => {
    const client = await LspClient.start({ settings: { debounceMs: 0, files: ['*.iam.json'] } });
    try {
      const named = fileUri('started.iam.json');
      const other = fileUri('started.json');
      await client.open(named, STARTED);
      await client.open(other, STARTED);
      const hover = await client.hover(named, ON_VERSION);
      assert.ok(hover, 'a hover on Version in the file the globs name');
      assert.match((hover.contents as MarkupContent).value, /^\*\*Version\*\*/);
      assert.equal(client.doc(named).getText(hover.range!), '"Version"');
      assert.equal(await client.hover(other, ON_VERSION), null, 'the same text in a file the globs do not name is no policy');

      await client.setSettings({ debounceMs: 0, files: [] });
      assert.equal(await client.hover(named, ON_VERSION), null, 'without the glob the file is no policy any more');
    } finally {
      assert.equal(await client.stop(), 0);
    }
  });

  it('gets no hover in an untrusted workspace, whose globs are ignored', async () => {
    const client = await LspClient.start({ settings: { debounceMs: 0, files: ['*.iam.json'] }, initializationOptions: { workspaceTrusted: false } });
    try {
      const named = fileUri('started.iam.json');
      await client.open(named, STARTED);
      assert.equal(await client.hover(named, ON_VERSION), null);
    } finally {
      assert.equal(await client.stop(), 0);
    }
  });

  it('completes the top-level elements of JSON the globs call a policy, and only there', async () => {
    const client = await LspClient.start({ settings: { debounceMs: 0, files: ['*.iam.json'] } });
    try {
      // A key that is no policy element ("Owner") makes other JSON no policy for completion.
      const text = '{\n  "Version": "2012-10-17",\n  "Owner": "team",\n  "Id": "x"\n}';
      const onIdKey = { line: 3, character: 4 };
      const named = fileUri('typing.iam.json');
      const other = fileUri('typing.json');
      await client.open(named, text);
      await client.open(other, text);
      const labels = ((await client.completion(named, onIdKey))?.items ?? []).map((i) => i.label);
      assert.ok(labels.includes('Statement'), labels.join(', '));
      assert.ok(!labels.includes('Version'), 'Version is there already');
      assert.deepEqual((await client.completion(other, onIdKey))?.items ?? [], []);
    } finally {
      assert.equal(await client.stop(), 0);
    }
  });
});
