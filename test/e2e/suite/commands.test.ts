// The insert commands: a whole policy into an empty document, statements merged into an existing
// policy (the user's text kept, Sids made unique), fields from the instance ARN filled in and the
// rest left as tab stops. Arguments stand in for the input box and quick pick.
import * as assert from 'assert';
import * as vscode from 'vscode';
import { closeAllEditors, INSTANCE_ARN, openFile, openUntitled, readRepoFile, selectionTexts } from './helpers';

type Statement = { Sid: string; Action: string | string[]; Resource: string | string[]; Condition?: unknown };
type Policy = { Version: string; Statement: Statement[] };

const INSTANCE_ID = INSTANCE_ARN.split('/')[1];

describe('insert commands', () => {
  afterEach(closeAllEditors);

  it('inserts the whole S3 policy into an empty document, with Region and account from the ARN', async () => {
    const editor = await openUntitled('');
    assert.ok(await vscode.commands.executeCommand('connectIam.insertS3Policy', { instance: INSTANCE_ARN }));
    const policy = JSON.parse(editor.document.getText()) as Policy;
    assert.strictEqual(policy.Statement[0].Resource, INSTANCE_ARN);
    assert.deepStrictEqual(policy.Statement[1].Resource, ['arn:aws:iam::480219637511:role/aws-service-role/connect.amazonaws.com/*', 'arn:aws:s3:::bucket-name']);
    // What the ARN cannot tell stays a tab stop: the storage type (a choice), then the bucket.
    assert.deepStrictEqual(selectionTexts(editor), ['CALL_RECORDINGS']);
    await vscode.commands.executeCommand('jumpToNextSnippetPlaceholder');
    assert.deepStrictEqual(selectionTexts(editor), ['bucket-name']);
  });

  it('takes the partition from the Region when no ARN is given, leaving account and instance as tab stops', async () => {
    const editor = await openUntitled('');
    await vscode.commands.executeCommand('connectIam.insertLambdaPolicy', { instance: '', region: 'us-gov-west-1' });
    const policy = JSON.parse(editor.document.getText()) as Policy;
    assert.deepStrictEqual(policy.Statement[0].Resource, [
      'arn:aws-us-gov:connect:us-gov-west-1:account-id:instance/instance-id',
      'arn:aws-us-gov:lambda:us-gov-west-1:account-id:function:function-name',
    ]);
    assert.deepStrictEqual(selectionTexts(editor), ['account-id', 'account-id']);
    await vscode.commands.executeCommand('type', { text: '480219637511' });
    assert.ok(editor.document.getText().includes('arn:aws-us-gov:lambda:us-gov-west-1:480219637511:function:'), 'typing once did not fill both accounts');
  });

  it('merges the Kinesis statements into an existing policy, keeping its text', async () => {
    const original = readRepoFile('examples', 's3-call-recordings.policy.json');
    const editor = await openFile('commands/merge.policy.json', original);
    await vscode.commands.executeCommand('connectIam.insertKinesisPolicy', { instance: INSTANCE_ARN });
    const text = editor.document.getText();
    const lastStatementEnd = original.lastIndexOf('}', original.lastIndexOf(']'));
    assert.strictEqual(text.slice(0, lastStatementEnd + 1), original.slice(0, lastStatementEnd + 1), 'the existing statements were rewritten');
    const policy = JSON.parse(text) as Policy;
    assert.deepStrictEqual(policy.Statement.map((s) => s.Sid), [
      'VisualEditor0', 'VisualEditor1', 'VisualEditor2', 'ConnectStorageConfig', 'ConnectKinesisStream', 'ListStreamsInConsole',
    ]);
    assert.ok(text.includes(`instance/${INSTANCE_ID}`));
    assert.deepStrictEqual(selectionTexts(editor), ['CONTACT_TRACE_RECORDS']);
  });

  it('makes Sids unique when the same policy is merged twice', async () => {
    const editor = await openUntitled('');
    await vscode.commands.executeCommand('connectIam.insertS3Policy', { instance: INSTANCE_ARN });
    await vscode.commands.executeCommand('leaveSnippet');
    await vscode.commands.executeCommand('connectIam.insertS3Policy', { instance: INSTANCE_ARN });
    const sids = (JSON.parse(editor.document.getText()) as Policy).Statement.map((s) => s.Sid);
    assert.deepStrictEqual(sids, ['ConnectStorageConfig', 'ConnectS3Bucket', 'ListBucketsInConsole', 'ConnectStorageConfig2', 'ConnectS3Bucket2', 'ListBucketsInConsole2']);
  });

  it('refuses to write into JSON that is not a policy, leaving it untouched', async () => {
    const editor = await openUntitled('{ "name": "not a policy" }');
    // The warning offers a new document; nobody answers it here.
    void vscode.commands.executeCommand('connectIam.insertS3Policy', { instance: INSTANCE_ARN });
    await new Promise((r) => setTimeout(r, 500));
    assert.strictEqual(editor.document.getText(), '{ "name": "not a policy" }');
  });

  it('"New Connect policy" opens an untitled JSON document with the chosen policy', async () => {
    await vscode.commands.executeCommand('connectIam.newPolicy', { template: 'lambda', instance: INSTANCE_ARN });
    const doc = vscode.window.activeTextEditor!.document;
    assert.strictEqual(doc.isUntitled, true);
    assert.strictEqual(doc.languageId, 'json');
    const policy = JSON.parse(doc.getText()) as Policy;
    assert.deepStrictEqual(policy.Statement[0].Action, ['connect:AssociateLambdaFunction', 'lambda:AddPermission']);
    assert.strictEqual((policy.Statement[0].Resource as string[])[0], INSTANCE_ARN);
  });

  it('"New Connect policy" fills the empty editor in front instead of opening another', async () => {
    const editor = await openUntitled('');
    const before = vscode.workspace.textDocuments.filter((d) => d.isUntitled).length;
    assert.ok(await vscode.commands.executeCommand('connectIam.newPolicy', { template: 's3', instance: INSTANCE_ARN }));
    assert.strictEqual(vscode.window.activeTextEditor?.document, editor.document, 'another editor was opened');
    assert.strictEqual(vscode.workspace.textDocuments.filter((d) => d.isUntitled).length, before);
    assert.strictEqual((JSON.parse(editor.document.getText()) as Policy).Statement[0].Resource, INSTANCE_ARN);
  });

  it('inserting into a policy takes partition, Region, account and instance from it, without asking', async () => {
    const host = readRepoFile('test', 'fixtures', 'seed-real', 's3-call-recordings.policy.json');
    const editor = await openFile('commands/context.policy.json', host);
    // No arguments: a prompt would keep the command from finishing.
    const done = vscode.commands.executeCommand('connectIam.insertLambdaPolicy');
    const result = await Promise.race([done, new Promise((r) => setTimeout(() => r('asked'), 5_000))]);
    assert.strictEqual(result, true, 'the command asked for the instance although the policy names it');
    const lambda = (JSON.parse(editor.document.getText()) as Policy).Statement.find((s) => s.Sid === 'ConnectLambdaFunction')!;
    assert.deepStrictEqual(lambda.Resource, [
      'arn:aws:connect:us-east-1:111122223333:instance/a1b2c3d4-5678-90ab-cdef-111122223333',
      'arn:aws:lambda:us-east-1:111122223333:function:function-name',
    ]);
    assert.deepStrictEqual(selectionTexts(editor), ['function-name']);
  });
});
