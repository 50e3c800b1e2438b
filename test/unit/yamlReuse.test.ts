// Reading an edited YAML template from the last version's tree (server/src/engine/hosts/
// yamlReuse.ts): one entry read again and spliced in. Held to the whole read node for node —
// values, offsets, scalar styles — and findings for findings, on random edits of the YAML fixtures
// (sources in test/fixtures/**/SOURCES.md) and of the benchmark's generated template; where the
// splice is not provably the same, it must decline (and the whole text is read).
import { describe, it } from 'node:test';
import * as assert from 'node:assert/strict';
import { analyzeHost, applyEdits, createPolicyService, statementCache } from '../../server/src/engine';
import { fixGuardWork } from '../../server/src/engine/hosts/fixGuard';
import { policyCache } from '../../server/src/engine/incremental/policyCache';
import { treeFacts } from '../../server/src/engine/incremental/statementCache';
import { HostNode, parseYaml, YamlTree } from '../../server/src/engine/hosts/yamlTree';
import { clearYamlReuse, parseYamlReusing, yamlReuse } from '../../server/src/engine/hosts/yamlReuse';
import { generatedTemplate } from '../../scripts/bench/template';
import { readYamlFixture, withoutStatementCache, yamlFixtures } from '../helpers';
import { assertReuseKeepsFindings, editChain, seeded, yamlTypingEdit } from './hostHelpers';

const FIXTURES = yamlFixtures();
const read = readYamlFixture;

/** A tree without parent links (they make cycles) but with each node's parent checked, scalars in
 *  offset order. */
function comparable(tree: YamlTree) {
  const strip = (n: HostNode | undefined, parent: HostNode | undefined): unknown => {
    if (!n) return n;
    assert.equal(n.parent, parent, 'parent link');
    return { ...n, parent: undefined, children: n.children?.map((c) => strip(c, n)) };
  };
  return { root: strip(tree.root as HostNode | undefined, undefined), scalars: [...tree.scalars].sort((a, b) => a[0] - b[0]), errors: tree.errors };
}

const random = seeded(1414);
const edit = (text: string) => yamlTypingEdit(text, random);

/** Walk a chain of edits from `text`, checking each version's reused tree against the whole read
 *  (every `findingsEvery`th version: the findings of the analysis that reused the tree against
 *  those of a whole read). Returns how many versions were spliced and how many declined. */
function walk(name: string, text: string, steps: number, findingsEvery = 0) {
  clearYamlReuse();
  const key = `file:///${name}`;
  parseYamlReusing(text, key);
  const before = { spliced: yamlReuse.spliced, declined: yamlReuse.declined };
  editChain(text, steps, edit, (t) => parseYaml(t).errors.length === 0, (next, i) => {
    const where = `${name}, step ${i}`;
    if (findingsEvery && i % findingsEvery === findingsEvery - 1) {
      assertReuseKeepsFindings(next, key, yamlReuse, where);
      parseYamlReusing(next, key);
    } else {
      const reused = parseYamlReusing(next, key);
      assert.deepStrictEqual(comparable(reused), comparable(parseYaml(next)), where);
    }
  });
  return { spliced: yamlReuse.spliced - before.spliced, declined: yamlReuse.declined - before.declined };
}

describe('an edited YAML template read from the last version', () => {
  it('random edits of every YAML fixture: the spliced tree is the whole read, node for node; else it declines', () => {
    let spliced = 0;
    let declined = 0;
    assert.ok(FIXTURES.length >= 14);
    for (const f of FIXTURES) {
      const r = walk(f, read(f), 40, 8);
      spliced += r.spliced;
      declined += r.declined;
    }
    assert.ok(spliced > 150 && declined > 50, `spliced ${spliced}, declined ${declined}`);
  });

  it('random edits of the benchmark template (30 KB): the same', () => {
    const r = walk('bench.yaml', generatedTemplate(30 * 1024), 150, 50);
    assert.ok(r.spliced > 50, `spliced ${r.spliced}, declined ${r.declined}`);
  });

  it('a one-character edit of a 1 MB template reads one resource again, not the template', () => {
    const text = generatedTemplate(1024 * 1024);
    clearYamlReuse();
    parseYamlReusing(text, 'big.yaml');
    const at = text.indexOf('s3:GetObjet', text.length >> 1);
    const before = yamlReuse.parsedChars;
    const next = text.slice(0, at) + 'X' + text.slice(at + 1);
    const tree = parseYamlReusing(next, 'big.yaml');
    const read = yamlReuse.parsedChars - before;
    assert.ok(read > 0 && read < 2_000, `${read} characters read again`);
    assert.deepStrictEqual(comparable(tree), comparable(parseYaml(next)));
    // A character added (everything after moves) and then the line removed.
    const longer = next.slice(0, at) + 'ab' + next.slice(at);
    assert.deepStrictEqual(comparable(parseYamlReusing(longer, 'big.yaml')), comparable(parseYaml(longer)));
    assert.ok(yamlReuse.parsedChars - before < 4_000);
  });

  it('declines where a part cannot be read alone: anchors and aliases, an edit across entries, a new duplicate key', () => {
    const base = 'Resources:\n  A:\n    Type: AWS::S3::Bucket\n  B:\n    Type: AWS::S3::Bucket\n  C:\n    Type: x\n';
    const cases: [string, string, string][] = [
      ['an alias in the edited entry', base, base.replace('Type: AWS::S3::Bucket\n  B', 'Type: *x\n  B')],
      ['an anchor in the last version', base.replace('Type: x', 'Type: &x x'), base.replace('Type: x', 'Type: &x x').replace('S3::Bucket\n  B', 'S3::Buckets\n  B')],
      ['an edit across two entries', base, base.replace('Bucket\n  B:\n    Type: AWS::S3::Bucket', 'Bucke\n  B:\n    Type: AWS::S3::Buck')],
      ['a key renamed to its sibling', base, base.replace('  B:\n', '  A:\n')],
      ['a line dedented to the parent', base, base.replace('    Type: AWS::S3::Bucket\n  B', '  Type: AWS::S3::Bucket\n  B')],
      ['a document end typed inside', base, base.replace('  B:\n', '  B:\n...\n')],
    ];
    // The same edit where nothing stands in the way is spliced.
    clearYamlReuse();
    parseYamlReusing(base, 'k.yaml');
    parseYamlReusing(base.replace('S3::Bucket\n  B', 'S3::Buckets\n  B'), 'k.yaml');
    assert.equal(yamlReuse.spliced > 0, true);
    for (const [name, last, next] of cases) {
      clearYamlReuse();
      parseYamlReusing(last, 'k.yaml');
      const spliced = yamlReuse.spliced;
      const tree = parseYamlReusing(next, 'k.yaml');
      assert.equal(yamlReuse.spliced, spliced, `${name}: not spliced`);
      assert.deepStrictEqual(comparable(tree), comparable(parseYaml(next)), name);
    }
  });

  it('keeps nothing without a key, and a bounded number of documents', () => {
    clearYamlReuse();
    const text = 'Resources:\n  A:\n    Type: x\n  B:\n    Type: y\n';
    parseYamlReusing(text, undefined);
    const spliced = yamlReuse.spliced;
    parseYamlReusing(text.replace('x', 'z'), undefined);
    assert.equal(yamlReuse.spliced, spliced);
    for (let i = 0; i < 10; i++) parseYamlReusing(text, `d${i}.yaml`);
    parseYamlReusing(text.replace('x', 'z'), 'd0.yaml');
    assert.equal(yamlReuse.spliced, spliced, 'the first of ten documents was forgotten');
    parseYamlReusing(text.replace('x', 'z'), 'd9.yaml');
    assert.equal(yamlReuse.spliced, spliced + 1);
  });
});

describe('an edited template analysed from the caches', () => {
  it('the service reads a new version of a document from its last tree (the path is the key)', () => {
    clearYamlReuse();
    const service = createPolicyService();
    const text = generatedTemplate(20 * 1024);
    const at = text.indexOf('s3:GetObjet', text.length >> 1);
    const options = { languageId: 'yaml', path: 'file:///service.yaml' };
    assert.equal(service.parse(text, options).host.kind, 'cloudformation');
    const spliced = yamlReuse.spliced;
    const edited = text.slice(0, at) + 'x' + text.slice(at);
    const doc = service.parse(edited, options);
    assert.equal(doc.host.policies.length > 10, true);
    assert.equal(yamlReuse.spliced, spliced + 1);
    yamlReuse.enabled = false;
    try {
      assert.deepStrictEqual(service.analyze(doc), service.analyze(service.parse(edited, { ...options, path: 'file:///other.yaml' })));
    } finally {
      yamlReuse.enabled = true;
    }
  });

  it('a one-character edit of a template analyses the edited policy only, and finds what a whole analysis finds', () => {
    const text = generatedTemplate(60 * 1024);
    const hint = { path: 'file:///cached.yaml' };
    analyzeHost(text, hint);
    const at = text.indexOf('s3:GetObjet', text.length >> 1);
    const edited = text.slice(0, at) + 's3:GetObjectx' + text.slice(at + 'S3:GetObjet'.length);
    const { hits, misses } = policyCache;
    const cached = analyzeHost(edited, hint);
    const policies = cached.policies.length;
    assert.ok(policies > 50);
    assert.equal(policyCache.misses - misses, 1, 'one policy analysed');
    assert.equal(policyCache.hits - hits, policies - 1, 'every other policy from the cache');
    assert.deepStrictEqual(cached, withoutStatementCache(() => analyzeHost(edited, hint)));
    assert.ok(cached.findings.some((f) => f.ruleId === 'action-unknown' && edited.slice(f.range.start, f.range.end) === 's3:GetObjectx'));
  });

  it('different rule settings, another name or a resource of another type are other entries', () => {
    const template = (type: string, name: string) => `Resources:\n  B:\n    Type: ${type}\n  ${name}:\n    Type: AWS::IAM::ManagedPolicy\n    Properties:\n      PolicyDocument:\n        Version: "2012-10-17"\n        Statement:\n          - Effect: Allow\n            Action: s3:GetObject\n            Resource: !Ref B\n`;
    const hint = { path: 'file:///settings.yaml' };
    const bucket = analyzeHost(template('AWS::S3::Bucket', 'P'), hint);
    assert.ok(bucket.findings.some((f) => f.ruleId === 'cfn-ref-not-arn'));
    // The same policy text, but B is now a resource whose Ref is no name: no finding from the cache.
    const queue = analyzeHost(template('Custom::Thing', 'P'), hint);
    assert.ok(!queue.findings.some((f) => f.ruleId === 'cfn-ref-not-arn'), JSON.stringify(queue.findings.map((f) => f.ruleId)));
    const off = analyzeHost(template('AWS::S3::Bucket', 'P'), { ...hint, rules: { 'cfn-ref-not-arn': 'off' } });
    assert.ok(!off.findings.some((f) => f.ruleId === 'cfn-ref-not-arn'));
    const renamed = analyzeHost(template('AWS::S3::Bucket', 'Q'), hint);
    assert.ok(renamed.findings.every((f) => !f.message.includes('(in Resources.P.')));
  });
});

describe('the cache key of a policy in a template', () => {
  it('splits back into its entries: no value, whatever it holds, reads as a separator', () => {
    const host = createPolicyService().parse(
      JSON.stringify({
        Resources: {
          P: {
            Type: 'AWS::IAM::ManagedPolicy',
            Properties: { PolicyDocument: { Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: ['s3:Get\u0003Object', 's3:\u0002x', 's3:GetObject'], Resource: '*' }] } },
          },
        },
      }),
      { path: 'file:///separators.json' },
    ).host;
    const doc = host.policies[0].doc;
    const facts: string[] = [];
    treeFacts(doc.root!, doc.root!.offset, doc, facts, 0);
    assert.ok(facts.some((f) => f.includes('GetObject')));
    assert.equal(facts.join('\u0003').split('\u0003').length, facts.length);
    assert.ok(!facts.join('').includes('\u0002'));
  });
});

describe('fixes in a YAML template checked on the entry they change', () => {
  it('a structural fix is checked on its resource alone, and gives what the whole-text check gives', () => {
    const hint = { path: '/fixtures/holiday-calendar.yaml' };
    const text = readYamlFixture('templates/connect-scv-holiday-calendar.yaml');
    const json = (t: string) => JSON.stringify(analyzeHost(t, hint).findings);
    const counted = (run: () => string) => {
      const before = { ...fixGuardWork };
      const out = run();
      return { out, reparsed: fixGuardWork.reparsed - before.reparsed, entries: fixGuardWork.entries - before.entries };
    };
    clearYamlReuse();
    yamlReuse.enabled = false;
    statementCache.enabled = false;
    let whole;
    try {
      whole = counted(() => json(text));
    } finally {
      yamlReuse.enabled = true;
      statementCache.enabled = true;
    }
    assert.ok(whole.reparsed >= 1, 'the fixture has a fix the guard reads the whole template again for');
    json(text); // the last tree is kept under the path
    const entry = counted(() => json(text));
    assert.equal(entry.out, whole.out, 'the same findings and fixes');
    assert.equal(entry.reparsed, 0, 'no whole-template parse for the fix');
    assert.ok(entry.entries >= 1);
    // The fix so checked leaves a template that still reads, and its finding is gone.
    const fixed = analyzeHost(text, hint).findings.find((f) => f.fixes?.some((x) => x.edits.some((e) => e.newText.includes('\n'))));
    assert.ok(fixed, 'a fix that writes lines');
    const after = applyEdits(text, fixed.fixes![0].edits);
    const again = analyzeHost(after, { path: '/fixtures/other.yaml' }).findings;
    assert.ok(!again.some((f) => f.ruleId === 'yaml-syntax'), 'the fixed template reads');
    assert.ok(!again.some((f) => f.ruleId === fixed.ruleId && f.message === fixed.message), 'the finding is gone');
  });
});
