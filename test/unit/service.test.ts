// The policy service (engine/service.ts): a document is read once, and analysis, hover,
// completion and fixes all work on that one parsed document, in a JSON policy, a CloudFormation
// YAML template and a Terraform file alike.
import { before, describe, it } from 'node:test';
import * as assert from 'node:assert/strict';
import { analyzeHost, applyEdits, createPolicyService, fixAll, loadHclParser, parseHost, ParseOptions } from '../../server/src/engine';
import { WITH_COMMENT_AND_COMMA } from '../lsp/fixtures';

before(() => loadHclParser());

/** A service whose host reader counts its calls. */
function countingService() {
  const reads: string[] = [];
  const service = createPolicyService({ readHost: (text, hint) => (reads.push(text), parseHost(text, hint)) });
  return { service, reads };
}

const YAML_TEMPLATE = `AWSTemplateFormatVersion: "2010-09-09"
Resources:
  Bucket:
    Type: AWS::S3::Bucket
  Role:
    Type: AWS::IAM::Role
    Properties:
      AssumeRolePolicyDocument:
        Version: 2012-10-17
        Statement:
          - Effect: Allow
            Principal: { Service: connect.amazonaws.com }
            Action: sts:AssumeRole
      Policies:
        - PolicyName: p
          PolicyDocument:
            Version: 2012-10-17
            Statement:
              - Effect: Allow
                Action: [s3:PutObject, connect:DescribeInst]
                Resource: !Sub arn:\${AWS::Partition}:s3:::\${Bucket}/*
  Queue:
    Type: AWS::SQS::Queue
`;

const TERRAFORM = `resource "aws_iam_policy" "p" {
  policy = jsonencode({ Version = "2012-10-17", Statement = [{ Effect = "Allow", Action = "s3:GetObjct", Resource = "*" }] })
}
resource "aws_iam_policy" "h" {
  policy = <<EOF
{"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": "kms:Decrypt", "Resource": "*"}]}
EOF
}
`;

const CASES: { name: string; text: string; options: ParseOptions; hoverOn: string; completeAfter: string; expectItem: string }[] = [
  { name: 'a JSON policy', text: WITH_COMMENT_AND_COMMA, options: { languageId: 'json', path: 'file:///p.json' }, hoverOn: 's3:GetBucketAcl', completeAfter: '"s3:GetBucketA', expectItem: 's3:GetBucketAcl' },
  { name: 'a CloudFormation YAML template', text: YAML_TEMPLATE, options: { languageId: 'yaml', path: 'file:///template.yaml' }, hoverOn: 's3:PutObject', completeAfter: 'connect:DescribeInst', expectItem: 'connect:DescribeInstance' },
  { name: 'a Terraform file', text: TERRAFORM, options: { languageId: 'terraform', path: 'file:///main.tf' }, hoverOn: 'kms:Decrypt', completeAfter: '"kms:Decr', expectItem: 'kms:Decrypt' },
];

describe('the policy service', () => {
  for (const c of CASES) {
    describe(c.name, () => {
      it('reads the text once for analysis, hovers, completions and fixes, and only when first needed', () => {
        const { service, reads } = countingService();
        const doc = service.parse(c.text, c.options);
        assert.equal(reads.length, 0, 'parse alone reads nothing yet');
        const analysis = service.analyze(doc);
        for (let i = 0; i < 5; i++) service.hover(doc, c.text.indexOf(c.hoverOn) + 2 + i);
        service.complete(doc, c.text.indexOf(c.completeAfter) + c.completeAfter.length);
        for (const f of analysis.findings) service.fixes(doc, f);
        service.analyze(doc, { rules: { 'json-comment': 'off' } });
        assert.equal(reads.length, 1);
      });

      it('finds what analyzeHost finds on the text', () => {
        const service = createPolicyService();
        const analysis = service.analyze(service.parse(c.text, c.options));
        const byText = analyzeHost(c.text, c.options);
        assert.ok(analysis.isPolicy);
        assert.deepEqual(analysis, byText);
      });

      it('hovers on the action under the cursor, on its exact range', () => {
        const service = createPolicyService();
        const doc = service.parse(c.text, c.options);
        const hover = service.hover(doc, c.text.indexOf(c.hoverOn) + 3);
        assert.ok(hover, 'a hover');
        assert.ok(hover.contents.includes(c.hoverOn.split(':')[1]), hover.contents);
        assert.equal(c.text.slice(hover.range.start, hover.range.end).replace(/"/g, ''), c.hoverOn);
      });

      it('completes the action being typed', () => {
        const service = createPolicyService();
        const doc = service.parse(c.text, c.options);
        const list = service.complete(doc, c.text.indexOf(c.completeAfter) + c.completeAfter.length);
        assert.ok(list.items.some((i) => i.label === c.expectItem), list.items.slice(0, 5).map((i) => i.label).join(', '));
      });
    });
  }

  it('answers from the parsed document, never from a second reading of the text', () => {
    // A reader that hands back another text's host (one action renamed, same length): whatever
    // analysis, hover and completion say about the renamed action came from the parsed document.
    for (const c of CASES) {
      const renamed = c.text.split(c.hoverOn).join(c.hoverOn.replace(/.$/, 'Q'));
      const service = createPolicyService({ readHost: (_text, hint) => parseHost(renamed, hint) });
      const doc = service.parse(c.text, c.options);
      const at = c.text.indexOf(c.hoverOn);
      const hover = service.hover(doc, at + 3);
      assert.ok(hover && !hover.contents.includes(c.hoverOn) && hover.contents.includes(c.hoverOn.replace(/.$/, 'Q')), `${c.name}: ${hover?.contents}`);
      const unknown = service.analyze(doc).findings.filter((f) => f.range.start <= at + 3 && at + 3 <= f.range.end && f.message.includes(c.hoverOn.split(':')[1].replace(/.$/, 'Q')));
      assert.ok(unknown.length > 0, `${c.name}: the renamed action is judged`);
    }
  });

  it('answers nothing outside the policies of a template', () => {
    const service = createPolicyService();
    const doc = service.parse(YAML_TEMPLATE, { path: 'template.yaml' });
    const offset = YAML_TEMPLATE.indexOf('AWS::SQS::Queue') + 3;
    assert.equal(service.hover(doc, offset), undefined);
    assert.deepEqual(service.complete(doc, offset).items, []);
  });

  it('reads a JSON document as a policy when parse is told to (the files globs), and only then', () => {
    const service = createPolicyService();
    const text = '{\n  "Version": "2012-10-17"\n}';
    const forced = service.parse(text, { forcePolicy: true });
    const plain = service.parse(text);
    assert.ok(service.analyze(forced).findings.some((f) => f.ruleId === 'statement-missing' || /Statement/.test(f.message)));
    assert.equal(service.analyze(plain).isPolicy, false);
    assert.deepEqual(service.analyze(plain).findings, []);
    const offset = text.indexOf('Version') + 2;
    assert.match(service.hover(forced, offset)?.contents ?? '', /^\*\*Version\*\*/);
    assert.equal(service.hover(plain, offset), undefined);
  });

  it('fixes(doc, finding) gives the fixes an editor offers; applying one removes the finding', () => {
    const service = createPolicyService();
    const doc = service.parse(WITH_COMMENT_AND_COMMA, { languageId: 'json' });
    const finding = service.analyze(doc).findings.find((f) => f.ruleId === 'json-trailing-comma');
    assert.ok(finding, 'the trailing comma is found');
    const [fix] = service.fixes(doc, finding);
    assert.ok(fix, 'it has a fix');
    const fixed = applyEdits(doc.text, fix.edits);
    const after = service.analyze(service.parse(fixed, { languageId: 'json' }));
    assert.ok(after.isPolicy);
    assert.ok(!after.findings.some((f) => f.ruleId === 'json-trailing-comma'));
  });

  it('fixAll goes to a fixed point, as the engine fix-all does on the text', () => {
    const service = createPolicyService();
    const doc = service.parse(WITH_COMMENT_AND_COMMA, { languageId: 'json' });
    const result = service.fixAll(doc);
    assert.ok(result.converged);
    assert.ok(result.fixed >= 2, `fixed ${result.fixed}`);
    assert.deepEqual(result, fixAll(doc.text, { languageId: 'json' }));
    const again = service.fixAll(service.parse(result.text, { languageId: 'json' }));
    assert.equal(again.fixed, 0, 'nothing safe left to fix');
    // With the findings the caller already has, the same result.
    assert.deepEqual(service.fixAll(doc, { findings: service.analyze(doc).findings }), result);
  });
});
