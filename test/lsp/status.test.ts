// What the server tells the client for its status: which open documents are policies (with how
// many problems were published), and progress while a large policy is analysed.
import { after, before, describe, it } from 'node:test';
import * as assert from 'node:assert/strict';
import { PROGRESS_MIN_LENGTH } from '../../server/src/lsp/analysisStatus';
import { SEED_S3 } from './fixtures';
import { fileUri, LspClient } from './lspClient';

describe('LSP status and progress', { timeout: 60_000 }, () => {
  let client: LspClient;
  before(async () => {
    client = await LspClient.start({ settings: { debounceMs: 0 }, workDoneProgress: true });
  });
  after(async () => {
    await client.stop();
  });

  const waitFor = async (probe: () => boolean) => {
    for (let i = 0; i < 200 && !probe(); i++) await new Promise((r) => setTimeout(r, 50));
    assert.ok(probe());
  };

  it('says after each analysis whether the document is a policy and how many problems it has', async () => {
    const policy = fileUri('status-policy.json');
    const other = fileUri('package.json');
    await client.open(policy, SEED_S3.replace('"s3:GetBucketAcl"', '"s3:GetBuckettAcl"'));
    await client.open(other, '{ "name": "x", "version": "1.0.0" }');
    const published = await client.current(policy);
    await waitFor(() => client.statuses.length >= 2);
    assert.deepEqual(client.statuses.find((s) => (s as { uri: string }).uri === policy), { uri: policy, isPolicy: true, problems: published.length });
    assert.ok(published.length > 0);
    assert.deepEqual(client.statuses.find((s) => (s as { uri: string }).uri === other), { uri: other, isPolicy: false, problems: 0 });
  });

  it('reports progress for a large policy only, begun and ended', async () => {
    const statement = JSON.parse(SEED_S3).Statement[0];
    const statements: unknown[] = [];
    let text = '';
    while (text.length < PROGRESS_MIN_LENGTH) {
      statements.push({ ...statement, Sid: `S${statements.length}` });
      text = JSON.stringify({ Version: '2012-10-17', Statement: statements }, null, 2);
    }
    assert.equal(client.progress.length, 0, 'no progress for the small documents');
    const uri = fileUri('large.json');
    await client.open(uri, text);
    await client.current(uri);
    await waitFor(() => client.progress.some((p) => p.kind === 'end'));
    assert.deepEqual(client.progress.map((p) => p.kind), ['begin', 'end']);
    assert.match(client.progress[0].message ?? '', /Analysing large\.json/);
    assert.equal(client.progress[0].cancellable, true);
  });

  it('stops the analysis when its progress is cancelled: that version publishes nothing, the next edit analyses again', async () => {
    const statement = JSON.parse(SEED_S3).Statement[0];
    const statements: unknown[] = [];
    let text = '';
    while (text.length < PROGRESS_MIN_LENGTH * 4) {
      statements.push({ ...statement, Sid: `C${statements.length}` });
      text = JSON.stringify({ Version: '2012-10-17', Statement: statements }, null, 2);
    }
    const uri = fileUri('cancelled.json');
    const since = client.progress.length;
    const publishedBefore = client.published.length;
    await client.open(uri, text);
    await waitFor(() => client.progress.slice(since).some((p) => p.kind === 'begin'));
    await client.cancelProgress(client.progress.slice(since).find((p) => p.kind === 'begin')!.token!);
    await waitFor(() => client.progress.slice(since).some((p) => p.kind === 'end'));
    await new Promise((r) => setTimeout(r, 500));
    assert.deepEqual(client.publishedFor(uri, publishedBefore).filter((p) => p.diagnostics.length > 0), [], 'a cancelled analysis published findings');
    // Typing again (a misspelt action) starts a new analysis, which publishes.
    const action = '"connect:AssociateInstanceStorageConfig"';
    const at = text.indexOf(action);
    await client.replace(uri, at, at + action.length, '"connect:AssociateInstanceStorageConfg"');
    const diagnostics = await client.current(uri, 60_000);
    assert.ok(diagnostics.some((d) => d.code === 'action-unknown'));
  });
});
