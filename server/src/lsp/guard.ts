// A handler must never throw to the client: a bug in one request (or one odd document) is logged to
// the connection's console and answered with an empty result, and the server keeps running.
import { Connection } from 'vscode-languageserver/node';

export function describeError(err: unknown): string {
  return err instanceof Error ? err.stack ?? err.message : String(err);
}

export function guard<A extends unknown[], R>(
  connection: Connection,
  name: string,
  fallback: R,
  handler: (...args: A) => R | Promise<R>,
): (...args: A) => Promise<R> {
  return async (...args: A) => {
    try {
      return await handler(...args);
    } catch (err) {
      connection.console.error(`Connect IAM: ${name} failed: ${describeError(err)}`);
      return fallback;
    }
  };
}
