// What the client's status shows: which open documents the server treats as policies (the
// `connectIam/documentStatus` notification, sent after each analysis), and progress while a
// large document is analysed (`window/workDoneProgress`, shown by VS Code in the status bar).
import { Connection, NotificationType } from 'vscode-languageserver/node';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { DOCUMENT_STATUS_METHOD, DocumentStatus } from './protocol';

export const DOCUMENT_STATUS = new NotificationType<DocumentStatus>(DOCUMENT_STATUS_METHOD);

/** Documents at least this long (characters) show progress: analysis takes a noticeable while.
 *  Measured on a shared 2-core machine with the seed's statements repeated: 20,000 characters
 *  125 ms, 100,000 characters 270 ms, 500,000 characters 730 ms (second run). Below this a
 *  progress indicator would only flicker. */
export const PROGRESS_MIN_LENGTH = 100_000;

export function sendStatus(connection: Connection, status: DocumentStatus): void {
  connection.sendNotification(DOCUMENT_STATUS, status).catch(() => {
    // A client that went away needs no status.
  });
}

/** Runs the analysis, inside a progress report when the document is large. Such documents are
 *  analysed off the main thread (analysisWorker.ts: the two thresholds are one), so the report is
 *  cancellable: `cancel` stops the analysis, and its version then publishes nothing. */
export async function withProgress<T>(connection: Connection, doc: TextDocument, analyse: () => Promise<T>, cancel: () => void): Promise<T> {
  if (doc.getText().length < PROGRESS_MIN_LENGTH) return analyse();
  let progress;
  try {
    // A client without progress support gets a reporter that does nothing.
    progress = await connection.window.createWorkDoneProgress();
  } catch {
    return analyse();
  }
  progress.begin('Connect IAM', undefined, `Analysing ${fileName(doc.uri)} (${Math.round(doc.getText().length / 1000)} k characters)`, true);
  const cancelled = progress.token.onCancellationRequested(cancel);
  try {
    return await analyse();
  } finally {
    cancelled.dispose();
    progress.done();
  }
}

function fileName(uri: string): string {
  const slash = uri.lastIndexOf('/');
  return decodeURIComponent(slash >= 0 ? uri.slice(slash + 1) : uri);
}
