// Policies in Terraform files: real public files (test/fixtures/terraform, sources in SOURCES.md)
// stay clean or show only their real findings; mutations of heredoc, jsonencode and
// aws_iam_policy_document policies are reported at the exact line and column; every fix applied
// leaves a file that parses and loses the finding; Terraform values (interpolations, references,
// function calls) are never reported as malformed; $${…} and &{…} are IAM policy variables.
import { before, test } from 'node:test';
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { analyzeHost, applyEdits, Finding, hoverAt, loadHclParser, parseHost, ruleById } from '../../server/src/engine';
import { expandPaths } from '../../server/src/cli/files';
import { ROOT } from '../helpers';
import { at, checkEveryFix, mutation as mutateAt, serious } from './hostHelpers';

const DIR = path.join(ROOT, 'test', 'fixtures', 'terraform');
const FIXTURES = fs.readdirSync(DIR).filter((f) => f.endsWith('.tf')).sort();
const read = (f: string) => fs.readFileSync(path.join(DIR, f), 'utf8');

before(() => loadHclParser());

/** Real findings in the real files (see SOURCES.md), as `ruleId line:column`. */
const EXPECTED: Record<string, string[]> = {
  'connect-gitlab--amzconnect-instance_terraform_instance_storage_configs.tf': ['action-unknown 208:7', 'action-unknown 211:7'],
  'connect-gitlab--gitlab-terraform-setup_sdlc_accounts_main.tf': [
    'allow-with-not-action 40:9', 'iam-privilege-escalation 51:11', 'iam-role-privilege-escalation 55:11',
    'iam-role-privilege-escalation 56:11', 'iam-role-privilege-escalation 57:11', 'iam-privilege-escalation 62:11',
    'iam-privilege-escalation 80:11', 'iam-create-slr-unrestricted 82:11',
  ],
  'tam-iam--modules_iam-role-for-service-accounts_policies.tf': ['iam-privilege-escalation 62:7'],
  'tam-s3--examples_complete_main.tf': ['arn-malformed 77:7'],
};

/** Files whose documents are all generated (dynamic blocks, source documents): no policy. */
const NO_POLICY = new Set([
  'connect-gitlab--amzconnect-supporting-infra_lexbot_module_main.tf',
  'tam-iam--modules_iam-group_main.tf',
  'tam-iam--modules_iam-read-only-policy_main.tf',
  'tam-iam--modules_iam-role_main.tf',
]);



test('there are enough real Terraform files, with heredoc, jsonencode and aws_iam_policy_document policies', () => {
  assert.ok(FIXTURES.length >= 8, `${FIXTURES.length} fixtures`);
  const sources = fs.readFileSync(path.join(DIR, 'SOURCES.md'), 'utf8');
  for (const f of FIXTURES) assert.ok(sources.includes(`| ${f} |`), `${f} is in SOURCES.md`);
  const policies = FIXTURES.flatMap((f) => {
    const text = read(f);
    return parseHost(text, { path: f }).policies.map((p) => text.slice(p.range.start, p.range.start + 40));
  });
  assert.ok(policies.some((p) => p.startsWith('data "aws_iam_policy_document"')), 'aws_iam_policy_document');
  assert.ok(FIXTURES.some((f) => read(f).includes('jsonencode({') && parseHost(read(f), { path: f }).policies.some((p) => p.name.endsWith('.policy') && read(f)[p.range.start - 1] === '(')), 'jsonencode');
  assert.ok(FIXTURES.some((f) => /<<-?EO[FT]/.test(read(f)) && parseHost(read(f), { path: f }).policies.some((p) => read(f)[p.range.start] === '{' && !p.name.startsWith('data.'))), 'heredoc');
  // An Amazon Connect deployment (instance, storage, Lex bots, pipeline roles) in Terraform.
  assert.ok(FIXTURES.filter((f) => sources.split('\n').some((l) => l.startsWith(`| ${f} | aws-samples/amazon-connect-`))).length >= 5, 'Amazon Connect');
});

for (const f of FIXTURES) {
  test(`real Terraform file ${f}: only its known findings are reported`, () => {
    const text = read(f);
    const r = analyzeHost(text, { path: f });
    if (NO_POLICY.has(f)) {
      assert.equal(r.isPolicy, false);
      assert.deepEqual(r.findings, []);
      return;
    }
    assert.ok(r.isPolicy && r.policies.length > 0, 'policies found');
    assert.equal(r.host, 'terraform');
    assert.deepEqual(serious(r.findings).map((x) => at(text, x)), EXPECTED[f] ?? []);
    assert.ok(!r.findings.some((x) => x.ruleId === 'internal-error' || x.ruleId === 'terraform-syntax'));
    for (const x of r.findings) assert.match(x.message, /\(in (data|aws_|module\.)/, 'messages name the embedded policy');
  });
}


test('every fix offered on the real files leaves a file that parses and loses the finding', () => {
  let fixes = 0;
  for (const f of FIXTURES) fixes += checkEveryFix(f, read(f), { path: f });
  assert.ok(fixes > 0, 'some fixes were checked');
});

const mutation = (file: string, from: string, to: string, ruleId: string, expected: string, skip = 0) => mutateAt(read, file, from, to, ruleId, expected, skip);

test('mutations are reported at the exact line and column (heredoc, jsonencode, aws_iam_policy_document)', () => {
  // Heredoc JSON.
  mutation('tam-iam--examples_iam-policy_main.tf', '"ec2:Describe*"', '"ec2:DescribeInstancez"', 'action-unknown', '"ec2:DescribeInstancez"');
  mutation('tam-iam--examples_iam-policy_main.tf', '"Effect": "Allow"', '"Effect": "allow"', 'effect-invalid', '"allow"', 10);
  // jsonencode({ … }).
  mutation('connect-gitlab--gitlab-terraform-setup_devops_account_main.tf', '"sts:AssumeRole"', '"sts:AssumeRol"', 'action-unknown', '"sts:AssumeRol"');
  // aws_iam_policy_document.
  mutation('connect-gitlab--amzconnect-supporting-infra_lexbot_module_data.tf', '"polly:SynthesizeSpeech"', '"polly:SynthesiseSpeech"', 'action-unknown', '"polly:SynthesiseSpeech"');
  mutation('tam-iam--modules_iam-assumable-role_main.tf', 'effect = "Allow"', 'effect = "Alow"', 'effect-invalid', '"Alow"', 9);
});

test('a jsonencode Effect fix writes an HCL string, and the file still parses', () => {
  const text = `resource "aws_iam_policy" "p" {
  policy = jsonencode({
    Version   = "2012-10-17"
    Statement = [{ Effect = "allow", Action = "s3:GetObject", Resource = "arn:aws:s3:::b/*" }]
  })
}
`;
  const r = analyzeHost(text, { path: 'main.tf' });
  const f = r.findings.find((x) => x.ruleId === 'effect-invalid');
  assert.ok(f, r.findings.map((x) => x.ruleId).join());
  assert.equal(text.slice(f.range.start, f.range.end), '"allow"');
  assert.equal(at(text, f), 'effect-invalid 4:29');
  const fixed = applyEdits(text, f.fixes![0].edits);
  assert.ok(fixed.includes('Effect = "Allow"'));
  assert.deepEqual(analyzeHost(fixed, { path: 'main.tf' }).findings.map((x) => x.ruleId), []);
});

const tf = (statements: string) => `data "aws_caller_identity" "current" {}
resource "aws_s3_bucket" "b" {}
resource "aws_sqs_queue" "q" {}
resource "aws_kms_key" "k" {}
data "aws_iam_policy_document" "d" {
${statements}
}
resource "aws_iam_policy" "p" {
  policy = data.aws_iam_policy_document.d.json
}
`;

const lint = (text: string) => analyzeHost(text, { path: 'main.tf' }).findings;
const shown = (text: string, fs: Finding[]) => fs.map((f) => `${f.ruleId} ${text.slice(f.range.start, f.range.end)}`);

test('interpolations, references and function calls are unknown values; $${…} and &{…} are policy variables', () => {
  const text = tf(`  statement {
    actions   = ["s3:GetObject", "s3:PutObject"]
    resources = [
      "\${aws_s3_bucket.b.arn}/*",
      "arn:aws:s3:::\${aws_s3_bucket.b.bucket}/home/$\${aws:username}/*",
      "arn:aws:s3:::\${var.bucket}/&{aws:username}/*",
      aws_s3_bucket.b.arn,
      local.arns,
      format("arn:aws:s3:::%s/*", var.bucket),
    ]
  }
  statement {
    actions   = ["sqs:SendMessage"]
    resources = ["arn:aws:sqs:\${var.region}:\${data.aws_caller_identity.current.account_id}:queue"]
    condition {
      test     = "StringEquals"
      variable = "aws:PrincipalTag/team"
      values   = ["&{aws:PrincipalTag/team}"]
    }
  }`);
  assert.deepEqual(shown(text, serious(lint(text))), []);
  const broken = text.replace(':${var.region}:${data.aws_caller_identity.current.account_id}:', ':${var.region}${data.aws_caller_identity.current.account_id}:');
  const f = lint(broken).find((x) => x.ruleId === 'arn-malformed');
  assert.ok(f, shown(broken, lint(broken)).join());
  assert.ok(!f.message.includes('___'), 'the message never shows the mask');
});

test('an unknown policy variable written $${…} in a heredoc is reported; a Terraform ${…} is not', () => {
  const text = `resource "aws_iam_role_policy" "p" {
  role   = aws_iam_role.r.id
  policy = <<-EOF
    {
      "Version": "2012-10-17",
      "Statement": [{
        "Effect": "Allow",
        "Action": "s3:GetObject",
        "Resource": ["arn:aws:s3:::\${var.bucket}/$\${aws:usrname}/*", "\${aws_s3_bucket.b.arn}/*", \${jsonencode(var.more)}]
      }]
    }
  EOF
}
`;
  const found = lint(text);
  assert.ok(found.some((x) => x.message.includes('aws:usrname')), shown(text, found).join());
  assert.ok(!found.some((x) => x.message.includes('var.bucket') || x.message.includes('jsonencode')), shown(text, found).join());
});

test('a policy in a quoted JSON string: findings on the escaped text, no fix that would break the HCL string', () => {
  const text = `resource "aws_iam_role_policy" "p" {
  role   = aws_iam_role.r.id
  policy = "{\\"Version\\": \\"2012-10-17\\", \\"Statement\\": [{\\"Effect\\": \\"allow\\", \\"Action\\": \\"s3:GetObjet\\", \\"Resource\\": \\"arn:aws:s3:::\${var.b}/$\${aws:username}\\"}]}"
}
`;
  const found = serious(lint(text));
  assert.deepEqual(found.map((f) => `${at(text, f)} ${text.slice(f.range.start, f.range.end)}`), ['effect-invalid 3:72 \\"allow\\"', 'action-unknown 3:95 \\"s3:GetObjet\\"']);
  checkEveryFix('quoted JSON', text, { path: 'main.tf' });
  for (const f of found) for (const fix of f.fixes ?? []) for (const e of fix.edits) assert.ok(!e.newText.includes('"'), `${fix.title} writes no bare quote into the HCL string`);
});

test('tf-ref-not-arn: a name, URL or ID attribute in resources is reported, with the .arn fix', () => {
  const text = tf(`  statement {
    actions   = ["s3:GetObject", "sqs:SendMessage", "kms:Decrypt"]
    resources = [aws_s3_bucket.b.id, "\${aws_sqs_queue.q.url}", aws_kms_key.k.key_id, aws_s3_bucket.b.arn, "arn:aws:s3:::\${aws_s3_bucket.b.id}/*"]
  }`);
  const found = lint(text).filter((f) => f.ruleId === 'tf-ref-not-arn');
  assert.deepEqual(shown(text, found), ['tf-ref-not-arn aws_s3_bucket.b.id', 'tf-ref-not-arn aws_sqs_queue.q.url', 'tf-ref-not-arn aws_kms_key.k.key_id']);
  assert.equal(ruleById('tf-ref-not-arn')?.defaultSeverity, 'warning');
  assert.match(found[1].message, /the URL of the aws_sqs_queue/);
  let fixed = text;
  for (const f of [...found].reverse()) fixed = applyEdits(fixed, f.fixes![0].edits);
  assert.ok(fixed.includes('resources = [aws_s3_bucket.b.arn, "${aws_sqs_queue.q.arn}", aws_kms_key.k.arn, aws_s3_bucket.b.arn, "arn:aws:s3:::${aws_s3_bucket.b.id}/*"]'));
  assert.deepEqual(lint(fixed).filter((f) => f.ruleId === 'tf-ref-not-arn'), []);
  checkEveryFix('tf-ref-not-arn', text, { path: 'main.tf' });
});

test('aws_iam_policy_document: effect defaults to Allow; principals and conditions map to the policy model', () => {
  const text = `data "aws_iam_policy_document" "trust" {
  statement {
    actions = ["sts:AssumeRole"]
    principals {
      type        = "Service"
      identifiers = ["connect.amazonaws.com"]
    }
    condition {
      test     = "StringEquals"
      variable = "aws:SourceAccount"
      values   = [var.account_id]
    }
  }
}
resource "aws_iam_role" "r" {
  assume_role_policy = data.aws_iam_policy_document.trust.json
}
`;
  const host = parseHost(text, { path: 'main.tf' });
  assert.deepEqual(host.policies.map((p) => `${p.name} ${p.kind}`), ['data.aws_iam_policy_document.trust trust']);
  const s = host.policies[0].doc.statements[0];
  assert.equal(s.effect?.value, 'Allow');
  assert.deepEqual(serious(lint(text)), []);
  // A condition operator that does not exist is reported on its test value.
  const bad = text.replace('"StringEquals"', '"StringEqual"');
  const f = serious(lint(bad))[0];
  assert.ok(f, 'a finding');
  assert.equal(bad.slice(f.range.start, f.range.end), '"StringEqual"');
});

test('HCL syntax errors and invalid heredoc JSON are terraform-syntax errors; no crash on bad input', () => {
  const broken = 'resource "aws_iam_policy" "p" {\n  policy = jsonencode({ Version = "2012-10-17", Statement = [] })\n}\nresource "x" {\n  a = = 1\n}\n';
  const r = analyzeHost(broken, { path: 'main.tf' });
  assert.ok(r.findings.some((f) => f.ruleId === 'terraform-syntax' && f.severity === 'error'), r.findings.map((f) => f.ruleId).join());
  const heredoc = 'resource "aws_iam_policy" "p" {\n  policy = <<EOF\n{"Version": "2012-10-17", "Statement": [}\nEOF\n}\n';
  const h = analyzeHost(heredoc, { path: 'main.tf' });
  const e = h.findings.find((f) => f.ruleId === 'terraform-syntax');
  assert.ok(e, h.findings.map((f) => f.ruleId).join());
  assert.match(e.message, /not valid JSON/);
  assert.equal(at(heredoc, e), 'terraform-syntax 3:41');
  for (const text of ['', '{{{{', 'x = "${', '<<EOF', 'a'.repeat(1000), '['.repeat(5000), 'data "aws_iam_policy_document" "d" {' + ' statement {'.repeat(500)]) {
    analyzeHost(text, { path: 'main.tf' });
  }
});

test('a Terraform file without policies is not a policy document', () => {
  const r = analyzeHost('resource "aws_connect_instance" "this" {\n  instance_alias = "x"\n}\n', { path: 'main.tf' });
  assert.equal(r.isPolicy, false);
  assert.equal(r.host, 'none');
});

test('the CLI finds *.tf files in directories', () => {
  const { operands } = expandPaths([DIR], ROOT);
  const files = operands[0].files.map((f) => path.basename(f));
  for (const f of FIXTURES) assert.ok(files.includes(f), f);
});

test('hover works inside the policies of a .tf file (heredoc, jsonencode, aws_iam_policy_document), and nowhere else', () => {
  const text = `resource "aws_iam_policy" "p" {
  policy = jsonencode({ Version = "2012-10-17", Statement = [{ Effect = "Allow", Action = "s3:GetObject", Resource = "*" }] })
}
data "aws_iam_policy_document" "d" {
  statement {
    actions = ["sts:AssumeRole"]
  }
}
resource "aws_iam_policy" "h" {
  policy = <<EOF
{"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": "kms:Decrypt", "Resource": "*"}]}
EOF
}
`;
  for (const action of ['s3:GetObject', 'sts:AssumeRole', 'kms:Decrypt']) {
    const h = hoverAt(text, text.indexOf(action) + 4, { languageId: 'terraform' });
    assert.ok(h && JSON.stringify(h.contents).includes(action), `hover on ${action}`);
  }
  assert.equal(hoverAt(text, text.indexOf('resource') + 2, { languageId: 'terraform' }), undefined);
});
