#!/usr/bin/env node
// Entry point of `connect-iam-language-server` (bundled to dist/server.js). The transport comes
// from the command line as with every vscode-languageserver: `--node-ipc` (the VS Code client),
// `--stdio` (any other editor), `--socket=<port>` or `--pipe=<name>`. Without one, stdio is used.
import { isMainThread } from 'node:worker_threads';
import { createConnection, ProposedFeatures } from 'vscode-languageserver/node';
import { describeError } from './guard';
import { startServer } from './server';

// The analysis worker (analysisWorker.ts) runs this same bundle: only the main thread serves LSP.
if (isMainThread) main();

function main(): void {
  const TRANSPORTS = ['--node-ipc', '--stdio', '--socket', '--pipe'];

  if (process.argv.includes('--help') || process.argv.includes('-h')) {
    process.stdout.write('Usage: connect-iam-language-server [--stdio | --node-ipc | --socket=<port> | --pipe=<name>]\n' +
      'Language server (LSP) for AWS IAM policy documents, with Amazon Connect knowledge. Default transport: --stdio.\n');
    process.exit(0);
  }
  if (!process.argv.some((a) => TRANSPORTS.some((t) => a === t || a.startsWith(t + '=')))) process.argv.push('--stdio');

  const connection = createConnection(ProposedFeatures.all);
  // Last line of defence: an unexpected error is logged, and the editor keeps its language server.
  process.on('uncaughtException', (err) => connection.console.error(`Connect IAM: unexpected error: ${describeError(err)}`));
  process.on('unhandledRejection', (err) => connection.console.error(`Connect IAM: unhandled rejection: ${describeError(err)}`));
  startServer(connection);
}
