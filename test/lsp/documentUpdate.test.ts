// The worker's document of a new version is the previous one updated with the range that changed
// (lsp/documentUpdate.ts): its text and every position must be those of a document made afresh,
// and the diagnostics the worker publishes those of the engine's findings on the new text.
import { describe, it } from 'node:test';
import * as assert from 'node:assert/strict';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { analyze } from '../../server/src/engine';
import { toDiagnostic } from '../../server/src/lsp/diagnostics';
import { changedRange, updatedDocument } from '../../server/src/lsp/documentUpdate';
import { readDiagnostics, WorkerSession } from '../../server/src/lsp/workerSession';
import { generatedPolicy } from '../corpus';

/** Every offset's position (and back) in `doc` is the one a new document of its text gives. */
function assertSamePositions(doc: TextDocument, text: string) {
  const fresh = TextDocument.create(doc.uri, doc.languageId, doc.version, text);
  assert.equal(doc.getText(), text);
  assert.equal(doc.lineCount, fresh.lineCount);
  for (let offset = 0; offset <= text.length + 1; offset++) {
    const p = fresh.positionAt(offset);
    assert.deepEqual(doc.positionAt(offset), p, `offset ${offset}`);
    assert.equal(doc.offsetAt(p), fresh.offsetAt(p));
  }
}

const BASE = 'line one\nline two\n\naaaa\nlast';
const EDITS = [
  'line one\nline 2\n\naaaa\nlast', // within a line
  'line one\nline two\nnew\nlines\n\naaaa\nlast', // lines added
  'line one\naaaa\nlast', // lines removed
  'line one\nline two\n\naaa\nlast', // one of a run of equal characters removed
  'x' + BASE, // at the start
  BASE + '\n', // at the end
  '', // everything removed
  BASE.repeat(3000), // longer than a compared chunk
];

describe("the worker's document of a new version", () => {
  for (const [i, text] of EDITS.entries()) {
    it(`has the text and positions of a new document (edit ${i})`, () => {
      const previous = TextDocument.create('file:///a.json', 'json', 1, BASE);
      previous.positionAt(3); // its line offsets computed, as after its diagnostics
      assertSamePositions(updatedDocument(previous, 'file:///a.json', 'json', 2, text), text);
    });
  }

  it('is a new document for texts with carriage returns', () => {
    const previous = TextDocument.create('file:///a.json', 'json', 1, 'a\r\nb\r\nc');
    previous.positionAt(1);
    const text = 'a\r\n\r\nb\rc';
    const doc = updatedDocument(previous, 'file:///a.json', 'json', 2, text);
    assert.notEqual(doc, previous);
    assertSamePositions(doc, text);
  });

  it('finds the one changed range', () => {
    assert.deepEqual(changedRange('abcdef', 'abXYef'), { start: 2, end: 4, newText: 'XY' });
    assert.deepEqual(changedRange('aaaa', 'aaa'), { start: 3, end: 4, newText: '' });
    assert.deepEqual(changedRange('same', 'same'), { start: 4, end: 4, newText: '' });
  });

  it("publishes the engine's findings at their positions after lines were added above them", () => {
    const session = new WorkerSession();
    const job = (text: string, version: number) => ({ kind: 'analyze' as const, key: 'file:///p.json', version, languageId: 'json', text, options: {}, unpublished: [] });
    const text = generatedPolicy(20_000);
    session.analyze(1, job(text, 1));
    const at = text.indexOf('"Statement": [') + '"Statement": ['.length;
    const edited = text.slice(0, at) + '\n\n\n' + text.slice(at);
    const answer = session.analyze(2, job(edited, 2));
    const fresh = TextDocument.create('file:///p.json', 'json', 2, edited);
    const expected = analyze(edited).findings.map((f) => toDiagnostic(fresh, f));
    assert.ok(expected.length > 10);
    assert.deepEqual(readDiagnostics(answer), expected);
  });
});
