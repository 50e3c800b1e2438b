// The extension's entry point (bundled to dist/client.js): starts the language server, shows its
// state, and registers the commands. Everything that analyses policies lives in the server.
import * as vscode from 'vscode';
import { LanguageClient } from 'vscode-languageclient/node';
import { registerDisableRule } from './disableRule';
import { registerInsertCommands } from './insertCommands';
import { registerRuleActions } from './ruleActions';
import { registerRuleDocs } from './ruleDocs';
import { createClient, DOCUMENT_SELECTOR, isEnabled, SECTION, State } from './server';
import { StatusItem } from './statusItem';
import { DOCUMENT_STATUS_METHOD, DocumentStatus } from '../../server/src/lsp/protocol';

/** What activate() returns: lets tests (and other extensions) wait for the server. */
export interface ConnectIamApi {
  /** The running client, or undefined while `connectIam.enable` is false. */
  readonly client: LanguageClient | undefined;
  /** Resolves once the server has started (or failed to). */
  ready(): Promise<void>;
  /** The text of the language status item ("Connect IAM: 2 policies, 3 problems"). */
  statusText(): string;
}

let client: LanguageClient | undefined;
let starting: Promise<void> = Promise.resolve();

export function activate(context: vscode.ExtensionContext): ConnectIamApi {
  const output = vscode.window.createOutputChannel('Connect IAM');
  const status = new StatusItem();
  context.subscriptions.push(output, status);

  const start = () => {
    if (client) return starting;
    client = createClient(output);
    const started = client;
    context.subscriptions.push(
      started.onDidChangeState((e) => {
        if (client === started) status.set(e.newState === State.Running ? 'running' : e.newState === State.Starting ? 'starting' : 'stopped');
      }),
    );
    context.subscriptions.push(started.onNotification(DOCUMENT_STATUS_METHOD, (s: DocumentStatus) => client === started && status.document(s)));
    status.set('starting');
    starting = started.start().then(
      () => status.set('running'),
      (err: unknown) => {
        output.appendLine(`The Connect IAM language server failed to start: ${String(err)}`);
        status.set('failed', `The server failed to start: see the output (${String(err)})`);
      },
    );
    return starting;
  };
  const stop = async () => {
    const running = client;
    client = undefined;
    await stopClient(running);
  };

  context.subscriptions.push(
    vscode.commands.registerCommand('connectIam.restartServer', async () => {
      if (!isEnabled()) {
        void vscode.window.showInformationMessage('Connect IAM is disabled (setting connectIam.enable): nothing to restart.');
        return;
      }
      output.appendLine('Restarting the Connect IAM language server.');
      await stop();
      await start();
    }),
    vscode.commands.registerCommand('connectIam.showOutput', () => output.show(true)),
    vscode.workspace.onDidChangeConfiguration(async (e) => {
      // The server learns at start which problems VS Code's JSON validation reports itself.
      if (e.affectsConfiguration('json.validate.enable') && client && isEnabled()) {
        await stop();
        await start();
        return;
      }
      if (!e.affectsConfiguration(`${SECTION}.enable`)) return;
      if (isEnabled()) await start();
      else {
        await stop();
        status.set('disabled');
      }
    }),
  );
  registerInsertCommands(context);
  registerRuleDocs(context, () => client);
  registerDisableRule(context);
  registerRuleActions(context, DOCUMENT_SELECTOR);

  if (isEnabled()) void start();
  else status.set('disabled');

  return {
    get client() {
      return client;
    },
    ready: () => starting,
    statusText: () => status.text,
  };
}

export async function deactivate(): Promise<void> {
  const running = client;
  client = undefined;
  await stopClient(running);
}

/** Stop a client once its start has settled; a client whose start failed has nothing running
 *  (and refuses stop()). */
async function stopClient(running: LanguageClient | undefined): Promise<void> {
  await starting;
  if (running?.state === State.Running) await running.dispose();
}
