#!/usr/bin/env node
// Entry point of `connect-iam-language-server` (bundled to dist/server.js). The transport comes
// from the command line as with every vscode-languageserver: `--node-ipc` (the VS Code client),
// `--stdio` (any other editor), `--socket=<port>` or `--pipe=<name>`. Without one, stdio is used.
import { isMainThread } from 'node:worker_threads';
import { format } from 'node:util';
import { createConnection, MessageReader, ProposedFeatures, StreamMessageWriter } from 'vscode-languageserver/node';
import { describeError } from './guard';
import { rawAwareJsonEncoder } from './rawJson';
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
  const isTransport = (a: string) => TRANSPORTS.some((t) => a === t || a.startsWith(t + '='));
  if (!process.argv.some(isTransport)) process.argv.push('--stdio');

  // Over stdio (most editors) the writer is ours, to put the worker's diagnostics into their
  // message as the JSON they already are (rawJson.ts); other transports serialise them as usual.
  const stdio = process.argv.find(isTransport) === '--stdio';
  // stdin goes in as the stream (its overloads name only stream pairs and reader-writer pairs, but
  // it wraps any stream it is given): given the stream, it exits when the editor closes it.
  const connection = stdio
    ? createConnection(ProposedFeatures.all, process.stdin as unknown as MessageReader, new StreamMessageWriter(process.stdout, { charset: 'utf-8', contentTypeEncoder: rawAwareJsonEncoder }))
    : createConnection(ProposedFeatures.all);
  // vscode-languageserver sends console output to the client's log when it opens stdio itself;
  // given the streams it does not, and a stray console.log would corrupt the protocol stream.
  if (stdio) {
    const to = (send: (message: string) => void) => (...args: unknown[]) => send(format(...args));
    console.log = console.info = console.debug = to((m) => connection.console.log(m));
    console.warn = to((m) => connection.console.warn(m));
    console.error = console.trace = to((m) => connection.console.error(m));
  }
  // Last line of defence: an unexpected error is logged, and the editor keeps its language server.
  process.on('uncaughtException', (err) => connection.console.error(`Connect IAM: unexpected error: ${describeError(err)}`));
  process.on('unhandledRejection', (err) => connection.console.error(`Connect IAM: unhandled rejection: ${describeError(err)}`));
  startServer(connection);
}
