// The language status item of JSON editors: is the server running, and how old is the AWS
// reference data it checks against.
import * as vscode from 'vscode';
import { dataVersion } from '../../server/src/engine/reference/iamData';
import { DOCUMENT_SELECTOR } from './server';

export type ServerStatus = 'starting' | 'running' | 'stopped' | 'disabled' | 'failed';

export class StatusItem implements vscode.Disposable {
  private readonly item = vscode.languages.createLanguageStatusItem('connectIam.status', DOCUMENT_SELECTOR);
  private readonly dataDate: string;

  constructor() {
    const data = dataVersion();
    this.dataDate = data.date;
    this.item.name = 'Connect IAM';
    this.item.command = { title: 'Show output', command: 'connectIam.showOutput' };
    this.set('starting');
  }

  set(status: ServerStatus, error?: string): void {
    const text: Record<ServerStatus, string> = {
      starting: '$(sync~spin) Connect IAM: starting',
      running: '$(check) Connect IAM',
      stopped: '$(debug-stop) Connect IAM: stopped',
      disabled: '$(circle-slash) Connect IAM: disabled',
      failed: '$(error) Connect IAM: failed',
    };
    this.item.text = text[status];
    this.item.busy = status === 'starting';
    this.item.severity = status === 'failed' ? vscode.LanguageStatusSeverity.Error : vscode.LanguageStatusSeverity.Information;
    this.item.detail = error ?? `AWS reference data of ${this.dataDate}`;
    this.item.accessibilityInformation = { label: `Connect IAM ${status}, AWS reference data of ${this.dataDate}` };
  }

  dispose(): void {
    this.item.dispose();
  }
}
