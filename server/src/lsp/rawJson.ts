// JSON already serialised elsewhere (the analysis worker's diagnostics, as UTF-8 bytes), carried
// inside an LSP message without being parsed on the main thread.
//
// Why: a 1 MB policy's diagnostics are ~3 MB of JSON. Parsed on the main thread (~4,000
// Diagnostic objects) and serialised again by the JSON-RPC writer, they cost the main thread
// a 3 MB string in, ~8 MB of short-lived objects and a 3 MB string out per edit: enough survives
// the young generation that its semi-spaces grow to their maximum and the old generation fills
// with garbage (main thread: 13 MB live, 70-90 MB committed, measured with scripts/bench/
// lspMemory.ts). With the stdio writer of main.ts the bytes go into the message as they are
// (`encodeMessage`); any other serialiser (the IPC transport's JSON.stringify, message tracing)
// calls `toJSON` and gets the parsed value, as before.
import type { ContentTypeEncoder } from 'vscode-languageserver/node';

/** A JSON value kept as its UTF-8 text. */
export class RawJson {
  /** `bytes`: UTF-8 JSON; `count`: the elements of the array it holds (read without parsing). */
  constructor(readonly bytes: Uint8Array, readonly count: number) {}

  /** The value itself, for serialisers that cannot take the text as it is. */
  toJSON(): unknown {
    return JSON.parse(new TextDecoder().decode(this.bytes));
  }
}

/** Stands for the raw part in the message serialised around it (no URI or message holds a NUL). */
const PLACEHOLDER = '\u0000connect-iam-raw-json\u0000';
const PLACEHOLDER_JSON = JSON.stringify(PLACEHOLDER);

/** A JSON-RPC message as UTF-8 bytes, a RawJson among its params' values (one level down, where
 *  publishDiagnostics carries its `diagnostics`) written as its bytes. */
export function encodeMessage(message: unknown): Uint8Array {
  const params = (message as { params?: unknown }).params;
  const key = params && typeof params === 'object' ? Object.keys(params).find((k) => (params as Record<string, unknown>)[k] instanceof RawJson) : undefined;
  if (key === undefined) return Buffer.from(JSON.stringify(message), 'utf8');
  const raw = (params as Record<string, RawJson>)[key];
  const text = JSON.stringify({ ...(message as object), params: { ...(params as object), [key]: PLACEHOLDER } });
  const at = text.indexOf(PLACEHOLDER_JSON);
  return Buffer.concat([Buffer.from(text.slice(0, at), 'utf8'), raw.bytes, Buffer.from(text.slice(at + PLACEHOLDER_JSON.length), 'utf8')]);
}

/** The JSON-RPC content encoder of the stdio writer (main.ts): `encodeMessage`, UTF-8. */
export const rawAwareJsonEncoder: ContentTypeEncoder = {
  name: 'application/json',
  encode: (message) => {
    try {
      return Promise.resolve(encodeMessage(message));
    } catch (err) {
      return Promise.reject(err);
    }
  },
};
