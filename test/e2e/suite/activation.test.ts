// The extension activates on a JSON document, starts its server and contributes its commands.
import * as assert from 'assert';
import * as vscode from 'vscode';
import { activateExtension, closeAllEditors, EXTENSION_ID, openUntitled } from './helpers';

describe('activation', () => {
  after(closeAllEditors);

  it('activates on a JSON document and starts the language server', async () => {
    await openUntitled('{}');
    const ext = vscode.extensions.getExtension(EXTENSION_ID)!;
    const api = await activateExtension();
    assert.strictEqual(ext.isActive, true);
    assert.ok(api.client?.isRunning(), 'the language client is not running');
    assert.ok(api.client?.initializeResult?.capabilities.textDocumentSync !== undefined, 'the server did not answer initialize');
  });

  it('registers every contributed command', async () => {
    const contributed: { command: string }[] = vscode.extensions.getExtension(EXTENSION_ID)!.packageJSON.contributes.commands;
    const registered = new Set(await vscode.commands.getCommands(true));
    assert.deepStrictEqual(contributed.map((c) => c.command).filter((c) => !registered.has(c)), []);
  });

  it('restarts the server on "Restart server"', async () => {
    const api = await activateExtension();
    const before = api.client;
    await vscode.commands.executeCommand('connectIam.restartServer');
    await api.ready();
    assert.notStrictEqual(api.client, before, 'the client was not replaced');
    assert.ok(api.client?.isRunning());
  });
});
