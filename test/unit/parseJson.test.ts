// The JSON reader (server/src/engine/parse/jsonDocument.ts): its tree builder counts the nesting
// depth while it parses (no separate pass over the text) and must build exactly jsonc-parser's tree.
import { describe, it } from 'node:test';
import * as assert from 'node:assert/strict';
import * as fs from 'fs';
import * as path from 'path';
import { Node, parseTree, ParseError } from 'jsonc-parser';
import { MAX_DEPTH, parseJson } from '../../server/src/engine/parse/jsonDocument';

/** A tree as plain data: every field, the parent as its offset (the tree is cyclic). */
const plain = (root: Node | undefined) => JSON.stringify(root, (k, v) => (k === 'parent' ? (v ? `${v.type}@${v.offset}` : v) : v));

function corpusTexts(): string[] {
  const dir = path.join(__dirname, '..', 'fixtures', 'realworld');
  const out: string[] = [];
  for (const source of fs.readdirSync(dir, { withFileTypes: true }).filter((e) => e.isDirectory())) {
    for (const name of fs.readdirSync(path.join(dir, source.name)).filter((n) => n.endsWith('.json'))) out.push(fs.readFileSync(path.join(dir, source.name, name), 'utf8'));
  }
  return out;
}

describe('parseJson', () => {
  it('builds the tree jsonc-parser builds, on the corpus and on broken variants of it', () => {
    let broken = 0;
    for (const text of corpusTexts()) {
      const cut = Math.floor(text.length / 2);
      for (const variant of [text, text.slice(0, cut), text.slice(0, cut) + '}' + text.slice(cut), text.slice(0, cut) + '[' + text.slice(cut), text.slice(0, cut) + '/* x */' + text.slice(cut)]) {
        const errors: ParseError[] = [];
        const expected = parseTree(variant, errors, { allowTrailingComma: false, disallowComments: true, allowEmptyContent: true });
        const doc = parseJson(variant);
        if (errors.length) broken++;
        assert.equal(plain(doc.root), plain(expected));
      }
    }
    assert.ok(broken > 100, 'the broken variants are broken');
  });

  it('reports the first bracket past the limit, in valid and in broken JSON, without overflowing the stack', () => {
    const valid = '['.repeat(MAX_DEPTH + 1) + ']'.repeat(MAX_DEPTH + 1);
    assert.equal(parseJson(valid).tooDeepAt, MAX_DEPTH);
    assert.equal(parseJson('['.repeat(MAX_DEPTH) + ']'.repeat(MAX_DEPTH)).tooDeepAt, undefined);
    // 100,000 levels: the parse stops at the limit instead of recursing on.
    assert.equal(parseJson('{"a":'.repeat(100_000)).tooDeepAt, MAX_DEPTH * 5);
    // After a syntax error the parser skips brackets it cannot place; they still count.
    const mismatched = '{"Statement": [' + '[}'.repeat(300) + ']}';
    assert.equal(parseJson(mismatched).tooDeepAt, 15 + 2 * (MAX_DEPTH - 2));
    const afterError = '{"a" 1, "b": ' + '['.repeat(300);
    assert.equal(parseJson(afterError).tooDeepAt, 13 + MAX_DEPTH - 1);
    // Brackets in strings and comments are no nesting.
    assert.equal(parseJson(`{"a": "${'['.repeat(500)}" /* ${'{'.repeat(500)} */}`).tooDeepAt, undefined);
  });
});
