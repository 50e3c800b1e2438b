// The language status item of JSON editors: is the server running, how many open documents it
// analyses as policies and how many problems they have, and how old the AWS reference data is.
import * as vscode from 'vscode';
import { dataVersion } from '../../server/src/engine';
import type { DocumentStatus } from '../../server/src/lsp/protocol';
import { DOCUMENT_SELECTOR } from './server';
import { policySummary } from './statusText';

export type ServerStatus = 'starting' | 'running' | 'stopped' | 'disabled' | 'failed';

export class StatusItem implements vscode.Disposable {
  private readonly item = vscode.languages.createLanguageStatusItem('connectIam.status', DOCUMENT_SELECTOR);
  private readonly dataDate: string;
  private status: ServerStatus = 'starting';
  private error: string | undefined;
  /** Documents the server analyses as policies (still open in the extension host). */
  private readonly policies = new Set<string>();
  private readonly subscriptions: vscode.Disposable[];

  constructor() {
    const data = dataVersion();
    this.dataDate = data.date;
    this.item.name = 'Connect IAM';
    this.item.command = { title: 'Show output', command: 'connectIam.showOutput' };
    this.subscriptions = [
      vscode.workspace.onDidCloseTextDocument((doc) => this.policies.delete(doc.uri.toString()) && this.render()),
      vscode.languages.onDidChangeDiagnostics((e) => {
        if (e.uris.some((u) => this.policies.has(u.toString()))) this.render();
      }),
      // A document stays open in the extension host a while after its editor closed: what the
      // user calls open is what has a tab.
      vscode.window.tabGroups.onDidChangeTabs(() => this.render()),
    ];
    this.render();
  }

  set(status: ServerStatus, error?: string): void {
    this.status = status;
    this.error = error;
    if (status !== 'running') this.policies.clear();
    this.render();
  }

  /** What the server said after analysing a document. */
  document(s: DocumentStatus): void {
    const had = this.policies.has(s.uri);
    if (s.isPolicy) this.policies.add(s.uri);
    else this.policies.delete(s.uri);
    if (had !== s.isPolicy || s.isPolicy) this.render();
  }

  /** The policies with a tab in the editor area. */
  private openPolicies(): string[] {
    const tabs = new Set<string>();
    for (const group of vscode.window.tabGroups.all) {
      for (const tab of group.tabs) if (tab.input instanceof vscode.TabInputText) tabs.add(tab.input.uri.toString());
    }
    return [...this.policies].filter((uri) => tabs.has(uri));
  }

  /** The problems VS Code shows for those policies (ours and the JSON support's alike). */
  private static problemCount(uris: readonly string[]): number {
    let n = 0;
    for (const uri of uris) n += vscode.languages.getDiagnostics(vscode.Uri.parse(uri)).length;
    return n;
  }

  private render(): void {
    const text: Record<ServerStatus, string> = {
      starting: '$(sync~spin) Connect IAM: starting',
      running: '$(check) Connect IAM',
      stopped: '$(debug-stop) Connect IAM: stopped',
      disabled: '$(circle-slash) Connect IAM: disabled',
      failed: '$(error) Connect IAM: failed',
    };
    const open = this.status === 'running' ? this.openPolicies() : [];
    const summary = policySummary(open.length, StatusItem.problemCount(open));
    this.item.text = text[this.status] + (summary ? `: ${summary}` : '');
    this.item.busy = this.status === 'starting';
    this.item.severity = this.status === 'failed' ? vscode.LanguageStatusSeverity.Error : vscode.LanguageStatusSeverity.Information;
    this.item.detail = this.error ?? `AWS reference data of ${this.dataDate}`;
    this.item.accessibilityInformation = { label: `Connect IAM ${this.status}${summary ? `, ${summary}` : ''}, AWS reference data of ${this.dataDate}` };
  }

  /** What the item shows (for tests, through the extension's API). */
  get text(): string {
    return this.item.text;
  }

  dispose(): void {
    this.item.dispose();
    for (const s of this.subscriptions) s.dispose();
  }
}
