// The two roads from YAML text to the host tree: the fast one built on the yaml parser's tokens
// (server/src/engine/hosts/yamlCst.ts) and the full `Document` (yamlTree.ts, the reference). The
// fast road may decline a text (it then goes the full way), but what it builds must be the full
// way's tree node for node — values, offsets, scalar styles — and the findings on it the same
// findings, messages and fixes. Texts: the real templates of test/fixtures (sources in their
// SOURCES.md), mutations of them, YAML forms written here, and hostile input.
import { describe, it } from 'node:test';
import * as assert from 'node:assert/strict';
import { analyzeHost } from '../../server/src/engine';
import { HostNode, parseYaml, parseYamlDocument, yamlReading, YamlTree } from '../../server/src/engine/hosts/yamlTree';
import { parseYamlCst } from '../../server/src/engine/hosts/yamlCst';
import { readYamlFixture, yamlFixtures } from '../helpers';
import { seeded } from './hostHelpers';

const FIXTURES = yamlFixtures();
const read = readYamlFixture;

/** A tree without parent links (they make cycles), scalars in offset order. */
function comparable(tree: YamlTree) {
  const strip = (n: HostNode | undefined): unknown => n && { ...n, parent: undefined, children: n.children?.map(strip) };
  return { root: strip(tree.root as HostNode | undefined), scalars: [...tree.scalars].sort((a, b) => a[0] - b[0]), errors: tree.errors };
}

/** The full way's findings and the fast way's, on one text. */
function bothFindings(text: string, file: string) {
  const hint = { path: file.endsWith('.template') ? 'x.template' : 'template.yaml' };
  yamlReading.full = true;
  try {
    const full = analyzeHost(text, hint);
    yamlReading.full = false;
    return { full, fast: analyzeHost(text, hint) };
  } finally {
    yamlReading.full = false;
  }
}

describe('the fast YAML road against the full Document', () => {
  it('every YAML fixture takes the fast road and gets exactly the full way\'s tree', () => {
    assert.ok(FIXTURES.length >= 14, `${FIXTURES.length} YAML fixtures`);
    for (const f of FIXTURES) {
      const text = read(f);
      const fast = parseYamlCst(text);
      assert.ok(fast, `${f}: the fast road takes it`);
      assert.deepStrictEqual(comparable(fast), comparable(parseYamlDocument(text)), f);
    }
  });

  it('every YAML fixture gets the same findings either way: ids, ranges, messages, fixes', () => {
    let findings = 0;
    for (const f of FIXTURES) {
      const { full, fast } = bothFindings(read(f), f);
      assert.deepStrictEqual(fast, full, f);
      findings += full.findings.length;
    }
    assert.ok(findings > 20, `${findings} findings compared`);
  });

  it('mutated fixtures: the fast road builds only what the full way builds, without errors; else it declines', () => {
    // Small deterministic edits as typing makes them: a character of YAML syntax inserted or
    // deleted, a line indented, dedented or repeated (a duplicate key).
    const inserts = [' ', '\t', ':', ': ', '-', '- ', '#', '"', "'", '[', ']', '{', '}', ',', '&a ', '*a', '!Sub ', '!Bogus ', '\n', '? ', '|', '>', '%', '@', '`', '\\', '---\n', '...\n'];
    const random = seeded(14);
    let taken = 0;
    let declined = 0;
    for (const f of FIXTURES) {
      const text = read(f);
      for (let i = 0; i < 24; i++) {
        const at = random(text.length);
        const lineStart = text.lastIndexOf('\n', at) + 1;
        const lineEnd = text.indexOf('\n', at) < 0 ? text.length : text.indexOf('\n', at) + 1;
        const mutated = [
          () => text.slice(0, at) + inserts[random(inserts.length)] + text.slice(at),
          () => text.slice(0, at) + text.slice(at + 1),
          () => text.slice(0, lineStart) + '  ' + text.slice(lineStart),
          () => text.slice(0, lineStart) + text.slice(lineStart).replace(/^ /, ''),
          () => text.slice(0, lineEnd) + text.slice(lineStart, lineEnd) + text.slice(lineEnd),
        ][i % 5]();
        const full = parseYamlDocument(mutated);
        const fast = parseYamlCst(mutated);
        const where = `${f}, mutation ${i} at ${at}: ${JSON.stringify(mutated.slice(Math.max(0, at - 30), at + 30))}`;
        if (fast) {
          taken++;
          assert.deepStrictEqual(full.errors, [], `${where}: the fast road took a text with errors`);
          assert.deepStrictEqual(comparable(fast), comparable(full), where);
        } else declined++;
        // And what the host reads (either road, the tokens reused) is always the full way's.
        assert.deepStrictEqual(comparable(parseYaml(mutated)), comparable(full), where);
      }
    }
    assert.ok(taken > 50 && declined > 50, `taken ${taken}, declined ${declined}`);
  });
});

describe('YAML forms on the fast road', () => {
  const wrap = (body: string) => `AWSTemplateFormatVersion: "2010-09-09"\nResources:\n${body}`;
  /** Texts the fast road takes (and must read exactly as the full way). */
  const TAKEN: Record<string, string> = {
    'YAML 1.1 dates and numbers stay what the core schema reads': 'a: 2012-10-17\nb: 0x1F\nc: 0o17\nd: 1e3\ne: .inf\nf: -.5\ng: 017\nh: +12\ni: 1_000\n',
    'booleans, nulls, empty values': 'a: true\nb: False\nc: yes\nd: ~\ne: null\nf:\ng: # comment\nh: NULL\n',
    'quoted scalars with escapes': 'a: "tab\\there \\u0041 \\x41 \\\\ \\" \\\n  continued"\nb: \'it\'\'s\'\nc: "s3:Get*"\nd: \'\'\ne: ""\n',
    'block scalars': 'a: |\n  line 1\n   line 2\n\nb: >-\n  folded\n  text\n\n  para\nc: |+\n  keep\n\nd: |2\n    indented\ne: >\n  x\n',
    'multi-line plain scalars': 'a: one\n  two\n\n  three\nb: [x\n  y, z]\n',
    'anchors and aliases, redefined and nested': 'a: &x 1\nb: &y [*x, &x 2, *x]\nc: *y\nd: &m {k: *x}\ne: *m\n',
    'an alias to a tagged node': 'a: &s !Sub "arn:${AWS::Partition}:s3:::b"\nb: *s\n',
    'flow collections, nested, with trailing commas and comments': 'a: { b: [1, 2, ], c: {d: e}, }\nf: [ # c\n  g,\n  { h: i } ]\n',
    'pairs in a flow sequence': 'a: ["Fn::GetAtt": [x, y], k: v, "/*"]\n',
    'short-form tags in every shape': wrap('  R:\n    Type: AWS::IAM::Policy\n    Properties:\n      A: !Sub\n        - "${X}"\n        - X: !Ref Y\n      B: !If [c, !GetAtt F.Arn, !Ref AWS::NoValue]\n      C: !GetAZs\n      D: !Join ["", [a, !Select [0, !Split [",", !ImportValue v]]]]\n      E: !Sub |\n        arn:${AWS::Partition}:s3:::x\n      F: !Base64 { "Fn::Sub": x }\n      G:\n        - !GetAZs\n'),
    'a document start, comments around it, CRLF lines': '# head\n\n---\na: 1\r\nb:\r\n  - c # x\r\n# tail\n',
    'quoted and numeric keys': '"a b": 1\n\'c\': 2\n3: three\ntrue: t\n',
    'sequences under keys without indentation': 'a:\n- b\n- c: d\n  e: f\n-\n- - nested\n',
    'unicode, and a byte order mark': '\ufeffa: "é ü ✓"\nb: 日本\n',
  };
  for (const [name, text] of Object.entries(TAKEN)) {
    it(name, () => {
      const fast = parseYamlCst(text);
      assert.ok(fast, 'the fast road takes it');
      assert.deepStrictEqual(comparable(fast), comparable(parseYamlDocument(text)));
    });
  }

  /** Texts the fast road leaves to the full way, which reports their errors (or reads what the
   *  fast road does not handle). */
  const DECLINED: Record<string, [string, RegExp | undefined]> = {
    'a duplicate key': ['a: 1\nb: 2\na: 3\n', /Map keys must be unique/],
    'a tab as indentation': ['a:\n\tb: 1\n', /Tabs are not allowed|tab/i],
    'an unclosed flow sequence': ['a: [1, 2\nb: 3\n', /flow sequence|Flow sequence/i],
    'an unclosed quote': ['a: "abc\n', /quote/i],
    'a bad escape': ['a: "\\q"\n', /Invalid escape/],
    'a key without a value': ['a: 1\nb\nc: 2\n', /Implicit map keys|map values|Implicit keys/],
    'two documents': ['a: 1\n---\nb: 2\n', /multiple documents/],
    'an explicit key': ['? a\n: 1\n', undefined],
    'a directive': ['%YAML 1.2\n---\na: 1\n', undefined],
    'an unknown tag': ['a: !Bogus x\n', undefined],
    'an alias to no anchor': ['a: *nowhere\n', undefined],
    'a key over 1024 characters': [`${'k'.repeat(1100)}: v\n`, /1024/],
    'bad indentation': ['a:\n    b: 1\n  c: 2\n', /indent|column/i],
  };
  for (const [name, [text, error]] of Object.entries(DECLINED)) {
    it(`declines ${name}`, () => {
      assert.equal(parseYamlCst(text), undefined);
      const tree = parseYaml(text);
      assert.deepStrictEqual(comparable(tree), comparable(parseYamlDocument(text)));
      if (error) assert.ok(tree.errors.some((e) => error.test(e.message)), JSON.stringify(tree.errors));
    });
  }

  it('a yaml-syntax finding is the same either way, at the same place', () => {
    const text = wrap('  P:\n    Type: AWS::IAM::Policy\n    Properties:\n      PolicyDocument:\n        Statement:\n          - Effect: Allow\n            Action: [s3:GetObject\n            Resource: "*"\n');
    const { full, fast } = bothFindings(text, 't.yaml');
    assert.deepStrictEqual(fast, full);
    assert.ok(fast.findings.some((f) => f.ruleId === 'yaml-syntax'));
  });
});

describe('hostile YAML is bounded on the fast road too', () => {
  const policy = (value: string) => `Resources:\n  P:\n    Type: AWS::IAM::Policy\n    Properties:\n      PolicyDocument: ${value}\n`;

  it('deep flow nesting: reported, not a stack overflow', () => {
    const text = policy('['.repeat(20_000) + ']'.repeat(20_000));
    assert.equal(parseYamlCst(text), undefined);
    const tree = parseYaml(text);
    assert.ok(tree.errors.some((e) => /nests more than 200 levels/.test(e.message)), JSON.stringify(tree.errors));
    const r = analyzeHost(text, { path: 't.yaml' });
    assert.ok(r.findings.some((f) => f.ruleId === 'yaml-syntax'));
  });

  it('deep block nesting: reported, not a stack overflow', () => {
    const text = Array.from({ length: 600 }, (_, i) => `${' '.repeat(i)}k${i}:`).join('\n') + ' v\n';
    assert.equal(parseYamlCst(text), undefined);
    assert.ok(parseYaml(text).errors.some((e) => /nests more than 200 levels/.test(e.message)));
  });

  it('a huge flow sequence of actions is read on the fast road, every element at its place', () => {
    const actions = Array.from({ length: 50_000 }, (_, i) => `s3:GetObject${i % 2 ? '' : 'x'}`);
    const text = `Resources:\n  P:\n    Type: AWS::IAM::ManagedPolicy\n    Properties:\n      PolicyDocument:\n        Version: "2012-10-17"\n        Statement:\n          - Effect: Allow\n            Resource: "*"\n            Action: [${actions.join(', ')}]\n`;
    const fast = parseYamlCst(text);
    assert.ok(fast);
    const r = analyzeHost(text, { path: 't.yaml' });
    const unknown = r.findings.filter((f) => f.ruleId === 'action-unknown');
    assert.equal(unknown.length, 25_000);
    assert.equal(text.slice(unknown[0].range.start, unknown[0].range.end), 's3:GetObjectx');
  });

  it('an alias bomb ("billion laughs") stops at the expansion cap, on either road', () => {
    let bomb = 'AWSTemplateFormatVersion: x\na: &a [x, x, x, x, x, x, x, x, x]\n';
    for (let i = 0; i < 9; i++) bomb += `${String.fromCharCode(98 + i)}: &${String.fromCharCode(98 + i)} [${Array(9).fill('*' + String.fromCharCode(97 + i)).join(', ')}]\n`;
    const t0 = Date.now();
    assert.equal(parseYamlCst(bomb), undefined);
    const tree = parseYaml(bomb);
    assert.ok(tree.errors.some((e) => /Aliases here expand to far more nodes/.test(e.message)), JSON.stringify(tree.errors));
    assert.ok(Date.now() - t0 < 20_000);
  });

  it('an alias inside its own anchor is cut at the depth guard', () => {
    const text = 'a: &a [1, *a]\n';
    assert.equal(parseYamlCst(text), undefined);
    assert.deepStrictEqual(comparable(parseYaml(text)), comparable(parseYamlDocument(text)));
  });
});
