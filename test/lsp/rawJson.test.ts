// The worker's diagnostics travel as UTF-8 JSON and are spliced into the stdio message as they
// are (lsp/rawJson.ts): the bytes on the wire must be exactly those of the parsed value's JSON.
import { describe, it } from 'node:test';
import * as assert from 'node:assert/strict';
import { encodeMessage, RawJson } from '../../server/src/lsp/rawJson';

const diagnostics = [
  { range: { start: { line: 0, character: 1 }, end: { line: 0, character: 4 } }, severity: 2, code: 'x', source: 'connect-iam', message: 'Zoë’s "quoted" \u2028 value' },
  { range: { start: { line: 3, character: 0 }, end: { line: 3, character: 9 } }, message: 'second' },
];
const raw = new RawJson(new TextEncoder().encode(JSON.stringify(diagnostics)), diagnostics.length);
const message = (d: unknown) => ({ jsonrpc: '2.0', method: 'textDocument/publishDiagnostics', params: { uri: 'file:///r%C3%A9sum%C3%A9.json', version: 7, diagnostics: d } });

describe('raw JSON in an LSP message', () => {
  it('writes the bytes where the value would be serialised', () => {
    assert.equal(Buffer.from(encodeMessage(message(raw))).toString('utf8'), JSON.stringify(message(diagnostics)));
  });

  it('serialises as its value anywhere else (IPC, tracing)', () => {
    assert.equal(JSON.stringify(message(raw)), JSON.stringify(message(diagnostics)));
    assert.equal(raw.count, 2);
  });

  it('writes messages without raw parts as JSON', () => {
    const plain = { jsonrpc: '2.0', id: 1, result: { contents: 'ü' } };
    assert.equal(Buffer.from(encodeMessage(plain)).toString('utf8'), JSON.stringify(plain));
    assert.equal(Buffer.from(encodeMessage(message([]))).toString('utf8'), JSON.stringify(message([])));
  });
});
