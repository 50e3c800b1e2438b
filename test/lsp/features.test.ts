// Hover and completion over a real connection: the engine's answers arrive as LSP (positions,
// markdown, text edits), only for policies.
import { after, before, describe, it } from 'node:test';
import * as assert from 'node:assert/strict';
import { CompletionItemKind, InsertTextFormat, MarkupContent, MarkupKind, TextEdit } from 'vscode-languageserver/node';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { completionsAt } from '../../server/src/engine';
import { hoverAt } from '../../server/src/engine';
import { SEED_S3 } from './fixtures';
import { fileUri, LspClient } from './lspClient';

describe('LSP hover', { timeout: 30_000 }, () => {
  let client: LspClient;
  before(async () => {
    client = await LspClient.start({ settings: { debounceMs: 0 } });
  });
  after(async () => {
    await client.stop();
  });

  it('advertises hover', () => {
    assert.equal(client.capabilities.hoverProvider, true);
  });

  it('shows the engine’s markdown for the action under the cursor, on the action’s range', async () => {
    const uri = fileUri('hover.json');
    await client.open(uri, SEED_S3);
    const offset = SEED_S3.indexOf('s3:GetBucketAcl') + 4;
    const expected = hoverAt(SEED_S3, offset);
    assert.ok(expected, 'the engine describes the action');
    const hover = await client.hover(uri, client.doc(uri).positionAt(offset));
    assert.ok(hover);
    const contents = hover.contents as MarkupContent;
    assert.equal(contents.kind, MarkupKind.Markdown);
    assert.equal(contents.value, expected.contents);
    assert.equal(client.doc(uri).getText(hover.range!), '"s3:GetBucketAcl"');
  });

  it('answers null between tokens and in JSON that is not a policy', async () => {
    const uri = fileUri('hover-empty.json');
    await client.open(uri, SEED_S3);
    assert.equal(await client.hover(uri, { line: 0, character: 0 }), null);
    const other = fileUri('tsconfig.json');
    const text = '{ "Action": "s3:GetBucketAcl" }';
    await client.open(other, text);
    assert.equal(await client.hover(other, client.doc(other).positionAt(text.indexOf('s3:') + 2)), null);
  });
});

describe('LSP completion', { timeout: 30_000 }, () => {
  let client: LspClient;
  before(async () => {
    client = await LspClient.start({ settings: { debounceMs: 0 } });
  });
  after(async () => {
    await client.stop();
  });

  const policyWith = (statementBody: string) => `{\n  "Version": "2012-10-17",\n  "Statement": [{${statementBody}}]\n}`;

  it('advertises completion with the trigger characters " : /', () => {
    assert.deepEqual(client.capabilities.completionProvider, { triggerCharacters: ['"', ':', '/'] });
  });

  it('completes actions of a service as text edits over the typed token, and accepting one gives valid JSON', async () => {
    const uri = fileUri('complete-action.json');
    const text = policyWith('"Effect": "Allow", "Action": "s3:GetBuck", "Resource": "*"');
    await client.open(uri, text);
    const offset = text.indexOf('s3:GetBuck') + 's3:GetBuck'.length;
    const list = await client.completion(uri, client.doc(uri).positionAt(offset));
    assert.ok(list);
    const engine = completionsAt(text, offset);
    assert.equal(list.items.length, engine.items.length);
    assert.equal(list.isIncomplete, engine.isIncomplete);
    const item = list.items.find((i) => i.label === 's3:GetBucketAcl');
    assert.ok(item, 's3:GetBucketAcl is offered');
    assert.equal(item.kind, CompletionItemKind.Function);
    const edit = item.textEdit as TextEdit;
    assert.equal(client.doc(uri).getText(edit.range), '"s3:GetBuck"');
    const accepted = TextDocument.applyEdits(client.doc(uri), [edit]);
    assert.deepEqual(JSON.parse(accepted).Statement[0].Action, 's3:GetBucketAcl');
    const fromEngine = engine.items.find((i) => i.label === 's3:GetBucketAcl')!;
    assert.deepEqual(item.documentation, { kind: MarkupKind.Markdown, value: fromEngine.documentation });
    assert.equal(item.detail, fromEngine.detail);
  });

  it('marks snippet items as snippets (statement element names with a tab stop)', async () => {
    const uri = fileUri('complete-key.json');
    const text = policyWith('"Effect": "Allow", "Action": "s3:GetObject", "Resource": "*", ""');
    await client.open(uri, text);
    const offset = text.indexOf('""') + 1;
    const list = await client.completion(uri, client.doc(uri).positionAt(offset));
    const engine = completionsAt(text, offset);
    assert.ok(list && list.items.length > 0);
    assert.deepEqual(
      list.items.map((i) => [i.label, i.insertTextFormat, (i.textEdit as TextEdit).newText]),
      engine.items.map((i) => [i.label, i.isSnippet ? InsertTextFormat.Snippet : InsertTextFormat.PlainText, i.insertText]),
    );
    assert.ok(list.items.some((i) => i.insertTextFormat === InsertTextFormat.Snippet && i.kind === CompletionItemKind.Property));
  });

  it('offers nothing in JSON that is not a policy', async () => {
    const uri = fileUri('complete-other.json');
    const text = '{ "name": "x", "Action": "s3:" }';
    await client.open(uri, text);
    const list = await client.completion(uri, client.doc(uri).positionAt(text.indexOf('s3:') + 3));
    assert.deepEqual(list?.items ?? [], []);
  });
});
