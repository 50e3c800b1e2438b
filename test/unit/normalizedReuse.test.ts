// An edited YAML template reuses the normalized policies of the version before where their node
// is unchanged and before the edit (hosts/normalizedReuse.ts). What the host holds, and what the
// analysis finds, must be what a template read afresh gives.
import { describe, it } from 'node:test';
import * as assert from 'node:assert/strict';
import { analyzeHost, parseHost } from '../../server/src/engine';
import { HostDocument } from '../../server/src/engine/hosts/host';
import { HostNode } from '../../server/src/engine/hosts/yamlTree';
import { clearYamlReuse, yamlReuse } from '../../server/src/engine/hosts/yamlReuse';
import { normalizedReuse } from '../../server/src/engine/hosts/normalizedReuse';
import { generatedTemplate } from '../../scripts/bench/template';
import { readYamlFixture, yamlFixtures } from '../helpers';
import { editChain, roleWithInlinePolicy, seeded, yamlTypingEdit } from './hostHelpers';

/** `run` with both the tree reuse and this one off: a reading from scratch that touches neither
 *  one's kept state. */
function afresh<T>(run: () => T): T {
  yamlReuse.enabled = false;
  normalizedReuse.enabled = false;
  try {
    return run();
  } finally {
    yamlReuse.enabled = true;
    normalizedReuse.enabled = true;
  }
}

/** What a host holds of its policies: their names and ranges, their roots without the parent
 *  links (each checked), and the masks, stand-ins and masked values normalizing them added. */
function held(host: HostDocument) {
  const strip = (n: HostNode | undefined, parent: HostNode | undefined): unknown => {
    if (!n) return n;
    assert.equal(n.parent, parent, 'parent link');
    return { ...n, parent: undefined, children: n.children?.map((c) => strip(c, n)) };
  };
  return {
    policies: host.policies.map((p) => ({ name: p.name, range: p.range, kind: p.kind, root: strip(p.doc.root as HostNode, undefined) })),
    masks: host.masks,
    standIns: host.standIns,
    maskedValues: host.maskedValues,
  };
}

const counted = (run: () => void) => {
  const before = { ...normalizedReuse };
  run();
  return { reused: normalizedReuse.reused - before.reused, normalized: normalizedReuse.normalized - before.normalized };
};

describe('normalized template policies kept from the version before', () => {
  const bench = generatedTemplate(30 * 1024);
  const hint = { path: 'file:///normalized/bench.yaml' };

  it('an edit reuses the policies before it and normalizes the rest, with the same host and findings', () => {
    clearYamlReuse();
    const first = counted(() => analyzeHost(bench, hint));
    assert.equal(first.reused, 0);
    const middle = bench.indexOf('Action: [s3:GetObject, s3:PutObject, ', bench.length >> 1);
    assert.ok(middle > 0);
    // A character typed into an action in the middle: the text after it moves.
    const at = middle + 'Action: [s3:GetObject'.length;
    const typed = `${bench.slice(0, at)}x${bench.slice(at)}`;
    const work = counted(() => {
      const found = analyzeHost(typed, hint);
      assert.deepStrictEqual(found, afresh(() => analyzeHost(typed, hint)));
    });
    assert.equal(work.reused + work.normalized, first.normalized, 'every policy, once');
    assert.ok(work.reused > first.normalized / 3 && work.normalized > first.normalized / 3, JSON.stringify(work));
    // Read again unchanged: every policy is the last version's, and the host is the same.
    const again = counted(() => assert.deepStrictEqual(held(parseHost(typed, hint)), held(afresh(() => parseHost(typed, hint)))));
    assert.deepStrictEqual(again, { reused: first.normalized, normalized: 0 });
  });

  it('a policy holding an edit of the same length is normalized again, though its node is kept', () => {
    clearYamlReuse();
    // A managed policy's document is a mapping under Properties: an edit in its Statement entry
    // (which has a sibling after it) is read again alone, below the policy's node, which stays at
    // the same place and length.
    const text = [
      'Resources:',
      '  Reader:',
      '    Type: AWS::IAM::ManagedPolicy',
      '    Properties:',
      '      PolicyDocument:',
      '        Statement:',
      '          - Effect: Allow',
      '            Action: s3:GetObject',
      '            Resource: "*"',
      '        Version: "2012-10-17"',
      '',
    ].join('\n');
    analyzeHost(text, hint);
    const typo = text.replace('s3:GetObject', 's3:GetObjecX');
    const spliced = yamlReuse.spliced;
    const found = analyzeHost(typo, hint);
    assert.equal(yamlReuse.spliced, spliced + 1, 'the tree is reused');
    assert.ok(found.findings.some((f) => typo.slice(f.range.start, f.range.end) === 's3:GetObjecX'), 'the typo is reported');
    assert.deepStrictEqual(found, afresh(() => analyzeHost(typo, hint)));
  });

  it('another resource type for a GetAtt normalizes every policy again', () => {
    clearYamlReuse();
    const text = [
      'Resources:',
      '  Role:',
      '    Type: AWS::IAM::Role',
      '    Properties:',
      '      AssumeRolePolicyDocument: {Version: "2012-10-17", Statement: [{Effect: Allow, Principal: {Service: lambda.amazonaws.com}, Action: sts:AssumeRole}]}',
      '      Policies:',
      '        - PolicyName: read',
      '          PolicyDocument:',
      '            Version: "2012-10-17"',
      '            Statement:',
      '              - Effect: Allow',
      '                Action: s3:GetObject',
      '                Resource: !GetAtt Store.Arn',
      '  Store:',
      '    Type: AWS::S3::Bucket',
      '',
    ].join('\n');
    const first = counted(() => analyzeHost(text, hint));
    // The policies lie before the edit, but what Store.Arn stands for has changed.
    const queue = text.replace('AWS::S3::Bucket', 'AWS::SQS::Queue');
    const work = counted(() => assert.deepStrictEqual(held(parseHost(queue, hint)), held(afresh(() => parseHost(queue, hint)))));
    assert.deepStrictEqual(work, { reused: 0, normalized: first.normalized });
    assert.deepStrictEqual(analyzeHost(queue, hint), afresh(() => analyzeHost(queue, hint)));
  });

  it('a policy kept from the version before is judged with the policies a later edit gives its role', () => {
    clearYamlReuse();
    // A Connect statement in the role's own policy; a policy after it, attached to another role,
    // grants what the first one lacks. Attaching it to the same role (the resource types stay)
    // makes the Connect rules read the two together.
    const other = [
      'Resources:',
      ...roleWithInlinePolicy('ConnectRole', ['- Effect: Allow', '  Action: connect:AssociateInstanceStorageConfig', '  Resource: arn:aws:connect:us-east-1:123456789012:instance/abc']),
      '  OtherRole:',
      '    Type: AWS::IAM::Role',
      '    Properties:',
      '      AssumeRolePolicyDocument: {Version: "2012-10-17", Statement: [{Effect: Allow, Principal: {Service: lambda.amazonaws.com}, Action: sts:AssumeRole}]}',
      '  More:',
      '    Type: AWS::IAM::Policy',
      '    Properties:',
      '      PolicyName: more',
      '      Roles: [!Ref OtherRole]',
      '      PolicyDocument:',
      '        Version: "2012-10-17"',
      '        Statement:',
      '          - Effect: Allow',
      '            Action: [iam:PutRolePolicy, s3:GetBucketAcl, s3:GetBucketLocation]',
      '            Resource: "*"',
      '  Queue:',
      '    Type: AWS::SQS::Queue',
      '',
    ].join('\n');
    const apart = analyzeHost(other, hint);
    const same = other.replace('Roles: [!Ref OtherRole]', 'Roles: [!Ref ConnectRole]');
    const work = counted(() => assert.deepStrictEqual(analyzeHost(same, hint), afresh(() => analyzeHost(same, hint))));
    assert.ok(work.reused > 0, 'the role\'s policy is kept');
    const messages = (r: { findings: { message: string }[] }) => r.findings.map((f) => f.message).join('\n');
    assert.notEqual(messages(analyzeHost(same, hint)), messages(apart), 'read together, the findings change');
  });

  it('chains of typing in every YAML fixture and in the benchmark template: each version as read afresh', () => {
    const random = seeded(2718);
    let reused = 0;
    const files = [...yamlFixtures().map((f) => ({ name: f, text: readYamlFixture(f) })), { name: 'bench.yaml', text: bench }];
    for (const { name, text } of files) {
      clearYamlReuse();
      const key = { path: `file:///normalized/${name}` };
      analyzeHost(text, key);
      editChain(text, 30, (t) => yamlTypingEdit(t, random), (t) => parseHost(t, {}).errors.length === 0, (next, i) => {
        const where = `${name}, step ${i}`;
        reused += counted(() => {
          if (i % 3 === 0) assert.deepStrictEqual(analyzeHost(next, key), afresh(() => analyzeHost(next, key)), `${where}: findings`);
          else assert.deepStrictEqual(held(parseHost(next, key)), held(afresh(() => parseHost(next, key))), `${where}: host`);
        }).reused;
      });
    }
    assert.ok(reused > 300, `${reused} policies reused`);
  });
});
