// Reading an edited JSON document from the last version's tree (server/src/engine/parse/
// jsonReuse.ts): the innermost object or array around the edit read again and the rest copied.
// Held to the whole read (parseJson) node for node and offset for offset, parent links included,
// and findings for findings, on random edits of the real-world JSON fixtures (sources in
// test/fixtures/realworld/SOURCES.md) and of the benchmark's generated policy; where the splice is
// not provably the same, it must decline (and the whole text is read).
import { describe, it } from 'node:test';
import * as assert from 'node:assert/strict';
import * as fs from 'fs';
import * as path from 'path';
import { Node } from 'jsonc-parser';
import { analyzeHost, statementCache } from '../../server/src/engine';
import { JsonDocument, MAX_DEPTH, parseJson } from '../../server/src/engine/parse/jsonDocument';
import { clearJsonReuse, jsonReuse, parseJsonReusing } from '../../server/src/engine/parse/jsonReuse';
import { sharedEnds } from '../../server/src/engine/parse/sharedEnds';
import { generatedPolicy } from '../corpus';
import { ROOT } from '../helpers';
import { collectGarbage } from '../gc';
import { assertReuseKeepsFindings, editChain, seeded } from './hostHelpers';

/** A document without parent links (they make cycles) but with each node's parent checked. */
function comparable(doc: JsonDocument) {
  const strip = (n: Node | undefined, parent: Node | undefined, depth: number): unknown => {
    if (!n) return n;
    assert.ok(depth <= 2 * MAX_DEPTH + 1, "a container and a property per level");
    assert.equal(n.parent, parent, 'parent link');
    return { ...n, parent: undefined, children: n.children?.map((c) => strip(c, n, depth + 1)) };
  };
  // The root has no parent key at all (as jsonc-parser's parseTree leaves it).
  if (doc.root) assert.ok(!('parent' in doc.root), 'the root has no parent key');
  return { ...doc, root: strip(doc.root, undefined, 0) };
}

/** Every real-world JSON fixture (policies and JSON templates), sorted. */
function jsonFixtures(): { name: string; text: string }[] {
  const dir = path.join(ROOT, 'test', 'fixtures', 'realworld');
  return (fs.readdirSync(dir, { recursive: true }) as string[])
    .map(String)
    .filter((f) => f.endsWith('.json'))
    .sort()
    .map((f) => ({ name: f, text: fs.readFileSync(path.join(dir, f), 'utf8') }));
}

const random = seeded(1313);

const STATEMENT = '{"Effect": "Allow", "Action": "s3:GetObject", "Resource": "*"}';

/** An edit as typing makes it: a character typed or deleted (in a string, between tokens, on a
 *  bracket), a word replaced, a line removed or repeated, a statement added or removed, a piece of
 *  JSON (or of what breaks it) typed. */
function edit(text: string): string {
  const inserts = ['x', 'Z', ' ', '\n', '"', '\\', '\\n', ',', ':', '{', '}', '[', ']', '1', '-1.5e3', 'true', 'null', '""', '"a": 1,', '/* c */', '// c\n', '[[[', ']]]', 'é', '\u2028', '\ud83d\ude00', '\r\n', '\ud83d', `${STATEMENT},`, `,${STATEMENT}`, '{}', '[]'];
  const at = random(text.length + 1);
  const lineStart = text.lastIndexOf('\n', at - 1) + 1;
  const lineEnd = text.indexOf('\n', at) < 0 ? text.length : text.indexOf('\n', at) + 1;
  switch (random(8)) {
    case 0:
    case 1:
    case 2:
      return text.slice(0, at) + inserts[random(inserts.length)] + text.slice(at);
    case 3:
      return text.slice(0, at) + text.slice(at + 1 + random(3));
    case 4:
      return text.slice(0, at) + 'abcdefgh'.slice(0, 1 + random(4)) + text.slice(at + 1 + random(4));
    case 5:
      return text.slice(0, lineEnd) + text.slice(lineStart, lineEnd) + text.slice(lineEnd);
    case 6:
      return text.slice(0, lineStart) + text.slice(lineEnd);
    default: {
      // A whole statement (or other container) removed or repeated, with its comma.
      const root = parseJson(text).root;
      const containers: Node[] = [];
      const stack = root ? [root] : [];
      while (stack.length && containers.length < 500) {
        const n = stack.pop()!;
        if (n !== root && (n.type === 'object' || n.type === 'array')) containers.push(n);
        for (const c of n.children ?? []) stack.push(c);
      }
      if (!containers.length) return text + ' ';
      const c = containers[random(containers.length)];
      const own = text.slice(c.offset, c.offset + c.length);
      const end = text.charCodeAt(c.offset + c.length) === 44 /* , */ ? c.offset + c.length + 1 : c.offset + c.length;
      return random(2) ? text.slice(0, c.offset) + text.slice(end) : text.slice(0, c.offset) + own + ',' + text.slice(c.offset);
    }
  }
}

/** Walk a chain of edits from `text`, checking each version's reused document against the whole
 *  read and that the last version's tree is left as it was (every `findingsEvery`th version: the
 *  findings of the analysis that reused the tree against those of a whole read). */
function walk(name: string, text: string, steps: number, findingsEvery = 0) {
  clearJsonReuse();
  const key = `file:///${name}`;
  let last = parseJsonReusing(text, key);
  let lastSeen = comparable(last);
  const before = { spliced: jsonReuse.spliced, declined: jsonReuse.declined };
  editChain(text, steps, edit, (t) => parseJson(t).errors.length === 0, (next, i) => {
    const where = `${name}, step ${i}`;
    if (findingsEvery && i % findingsEvery === findingsEvery - 1) {
      assertReuseKeepsFindings(next, key, jsonReuse, where);
    } else {
      const doc = parseJsonReusing(next, key);
      assert.deepStrictEqual(comparable(doc), comparable(parseJson(next)), where);
      assert.deepStrictEqual(comparable(last), lastSeen, `${where}: the last version's tree is unchanged`);
      last = doc;
      lastSeen = comparable(doc);
    }
  });
  return { spliced: jsonReuse.spliced - before.spliced, declined: jsonReuse.declined - before.declined };
}

describe('an edited JSON document read from the last version', () => {
  it('random edits of every real-world JSON fixture: the reused tree is the whole read, node for node; else it declines', () => {
    let spliced = 0;
    let declined = 0;
    const fixtures = jsonFixtures();
    assert.ok(fixtures.length >= 800);
    for (const f of fixtures) {
      const r = walk(f.name, f.text, 12, 6);
      spliced += r.spliced;
      declined += r.declined;
    }
    assert.ok(spliced > 1_000 && declined > 3_000, `spliced ${spliced}, declined ${declined}`);
  });

  it('random edits of the benchmark policy (30 KB): the same', () => {
    const r = walk('bench.json', generatedPolicy(30 * 1024), 300, 60);
    assert.ok(r.spliced > 60, `spliced ${r.spliced}, declined ${r.declined}`);
  });

  it('a one-character edit of a 1 MB policy reads one statement again, and the statement cache serves the others', () => {
    const text = generatedPolicy(1024 * 1024);
    const key = 'file:///big.json';
    clearJsonReuse();
    analyzeHost(text, { path: key });
    const at = text.indexOf('"Sid": "Statement', text.length >> 1) + '"Sid": "Statement'.length;
    const next = text.slice(0, at) + 'X' + text.slice(at + 1);
    const before = jsonReuse.parsedChars;
    const misses = statementCache.misses;
    const reused = analyzeHost(next, { path: key });
    const read = jsonReuse.parsedChars - before;
    assert.ok(read > 0 && read < 2_000, `${read} characters read again`);
    assert.equal(statementCache.misses - misses, 1, 'only the edited statement is analysed again');
    jsonReuse.enabled = false;
    try {
      assert.deepStrictEqual(reused, analyzeHost(next, { path: key }));
    } finally {
      jsonReuse.enabled = true;
    }
    // A character added (everything after it moves), then the same statement removed.
    clearJsonReuse();
    parseJsonReusing(next, key);
    const longer = next.slice(0, at) + 'ab' + next.slice(at);
    const chars = jsonReuse.parsedChars;
    assert.deepStrictEqual(comparable(parseJsonReusing(longer, key)), comparable(parseJson(longer)));
    assert.ok(jsonReuse.parsedChars - chars < 2_000);
  });

  it('declines where the value cannot be read alone: an error, a comment, an edit on the brackets, too deep', () => {
    const base = '{"Version": "2012-10-17", "Statement": [{"Sid": "A", "Action": ["s3:GetObject"]}, {"Sid": "B"}]}';
    const deep = `{"Statement": [${'['.repeat(MAX_DEPTH - 3)}1${']'.repeat(MAX_DEPTH - 3)}]}`;
    const cases: [string, string, string][] = [
      ['an unterminated string', base, base.replace('"A"', '"A')],
      ['a comment typed inside', base, base.replace('"Sid": "A"', '/* x */ "Sid": "A"')],
      ['a trailing comma', base, base.replace('"s3:GetObject"]', '"s3:GetObject",]')],
      ['a bracket deleted', base, base.replace('"B"}', '"B"')],
      ['a character after the root', base, `${base} `],
      ['an edit of most of the text', base, base.replace('"A"', '"X"').replace('"B"', '"Y"')],
      ['nesting past the limit', deep, deep.replace('1', '[[[1]]]')],
      ['an edit between the root properties', base, base.replace(', "Statement"', ',  "Statement"')],
    ];
    // Nesting near the limit, in objects (a property level between each two) and in arrays: an
    // edit at the bottom is spliced, and is the whole read.
    for (const nested of [`{"Statement": [{"A": ${'{"a": '.repeat(MAX_DEPTH - 3)}1${'}'.repeat(MAX_DEPTH - 3)}}]}`, deep]) {
      clearJsonReuse();
      parseJsonReusing(nested, 'k.json');
      const before = jsonReuse.spliced;
      const next = nested.replace('1', '23');
      assert.deepStrictEqual(comparable(parseJsonReusing(next, 'k.json')), comparable(parseJson(next)));
      assert.equal(jsonReuse.spliced, before + 1, 'deep nesting: spliced');
    }
    // An edit inside one statement, with nothing in its way, is spliced.
    clearJsonReuse();
    parseJsonReusing(base, 'k.json');
    const spliced = jsonReuse.spliced;
    parseJsonReusing(base.replace('"A"', '"AB"'), 'k.json');
    assert.equal(jsonReuse.spliced, spliced + 1);
    for (const [name, last, next] of cases) {
      clearJsonReuse();
      parseJsonReusing(last, 'k.json');
      const before = jsonReuse.spliced;
      const doc = parseJsonReusing(next, 'k.json');
      assert.equal(jsonReuse.spliced, before, `${name}: not spliced`);
      assert.deepStrictEqual(comparable(doc), comparable(parseJson(next)), name);
    }
  });

  it('keeps the last valid version: an edit that breaks the JSON and the one that mends it', () => {
    const text = generatedPolicy(30 * 1024);
    clearJsonReuse();
    parseJsonReusing(text, 'k.json');
    const at = text.indexOf('"Sid": "') + 8;
    const broken = text.slice(0, at) + '"' + text.slice(at);
    const mended = text.slice(0, at) + '"",' + text.slice(at);
    assert.ok(parseJsonReusing(broken, 'k.json').errors.length > 0);
    const before = jsonReuse.spliced;
    const doc = parseJsonReusing(text.slice(0, at) + 'x' + text.slice(at), 'k.json');
    assert.equal(jsonReuse.spliced, before + 1, 'compared with the last valid version');
    assert.deepStrictEqual(comparable(doc), comparable(parseJson(doc.text)));
    assert.deepStrictEqual(comparable(parseJsonReusing(mended, 'k.json')), comparable(parseJson(mended)));
  });

  it('finds the shared ends of two texts as a character loop does, the suffix never overlapping the prefix', () => {
    const naive = (a: string, b: string) => {
      const limit = Math.min(a.length, b.length);
      let prefix = 0;
      while (prefix < limit && a[prefix] === b[prefix]) prefix++;
      let suffix = 0;
      while (suffix < limit - prefix && a[a.length - 1 - suffix] === b[b.length - 1 - suffix]) suffix++;
      return { prefix, suffix };
    };
    // Long runs of a two-letter alphabet, so the ends are long and edits repeat what is around them.
    const base = Array.from({ length: 20_000 }, () => 'ab'[random(2)]).join('');
    for (let i = 0; i < 300; i++) {
      const at = random(base.length);
      const cut = random(3) === 0 ? random(5_000) : random(3);
      const typed = random(2) ? base.slice(at, at + random(300)) : 'ab'.slice(0, random(3));
      const next = base.slice(0, at) + typed + base.slice(at + cut);
      assert.deepStrictEqual(sharedEnds(base, next), naive(base, next), `edit ${i}`);
      assert.deepStrictEqual(sharedEnds(next, base), naive(next, base), `edit ${i}, reversed`);
    }
  });

  it('an edited document does not keep its old versions alive', async () => {
    // Each version's statement read again holds strings of its own text: were they slices of the
    // whole text (memo.ts), every edited version would stay in memory with the tree.
    const heap = async () => {
      await collectGarbage();
      return process.memoryUsage().heapUsed;
    };
    let text = generatedPolicy(512 * 1024);
    const key = 'file:///retained.json';
    clearJsonReuse();
    // Each edit renames a bucket of another statement (a string value of 13 characters or more).
    const edit = (i: number) => {
      const at = text.indexOf('recording-bucket-', (i * 7919) % text.length);
      text = at < 0 ? text : `${text.slice(0, at)}recording-bucket-v${i}${text.slice(at + 'recording-bucket-'.length)}`;
      return parseJsonReusing(text, key);
    };
    for (let i = 0; i < 5; i++) edit(i);
    const spliced = jsonReuse.spliced;
    const before = await heap();
    for (let i = 5; i < 35; i++) edit(i);
    const growth = (await heap()) - before;
    assert.ok(jsonReuse.spliced - spliced >= 25, 'the edits were spliced');
    // A retained copy per version would be 30 × 0.5 MB = 15 MB.
    assert.ok(growth < 5 * 2 ** 20, `heap grew by ${(growth / 2 ** 20).toFixed(1)} MB over 30 edited versions`);
    clearJsonReuse();
  });
});
