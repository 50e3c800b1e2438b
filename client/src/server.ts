// The language client: runs the language server (dist/server.js, beside this bundle) as a child
// Node process over IPC, for JSON, JSONC and YAML documents on disk and untitled ones.
import * as path from 'path';
import * as vscode from 'vscode';
import { LanguageClient, LanguageClientOptions, ServerOptions, State, TransportKind } from 'vscode-languageclient/node';
import { clientReportedRules, withDocsCommandLinks } from './editorDiagnostics';

export const SECTION = 'connectIam';

// YAML for CloudFormation, SAM and Serverless Framework templates: the server analyses the ones
// that are templates and leaves other YAML alone. Terraform files by language (a Terraform
// extension names it) and by path (without one, VS Code knows *.tf as plain text).
export const DOCUMENT_SELECTOR = [
  ...['json', 'jsonc', 'yaml', 'terraform'].flatMap((language) => ['file', 'untitled'].map((scheme) => ({ language, scheme }))),
  { scheme: 'file', pattern: '**/*.tf' },
];

export function createClient(output: vscode.OutputChannel): LanguageClient {
  // The bundle lives in dist/ with the server: resolve from it, not from the extension root, so
  // the same code works from a .vsix and from a development checkout.
  const module = path.join(__dirname, 'server.js');
  const run = { module, transport: TransportKind.ipc };
  const serverOptions: ServerOptions = {
    run,
    debug: { ...run, options: { execArgv: ['--nolazy', '--inspect=6019'] } },
  };
  const clientOptions: LanguageClientOptions = {
    documentSelector: DOCUMENT_SELECTOR,
    synchronize: { configurationSection: SECTION },
    outputChannel: output,
    traceOutputChannel: output,
    diagnosticCollectionName: 'connect-iam',
    // What VS Code's JSON support reports already is not reported twice (see editorDiagnostics.ts).
    // In Restricted Mode the server holds costly settings to their defaults (package.json also
    // lists them as restrictedConfigurations, so VS Code ignores their workspace values).
    initializationOptions: { clientReportedRules: clientReportedRules(), workspaceTrusted: vscode.workspace.isTrusted },
    middleware: {
      handleDiagnostics: (uri, diagnostics, next) => next(uri, withDocsCommandLinks(diagnostics)),
    },
  };
  return new LanguageClient(SECTION, 'Connect IAM', serverOptions, clientOptions);
}

export function isEnabled(): boolean {
  return vscode.workspace.getConfiguration(SECTION).get<boolean>('enable', true);
}

export { State };
