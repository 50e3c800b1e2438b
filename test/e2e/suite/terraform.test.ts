// A Terraform file in a real VS Code: the server reads the policies of a .tf file (with or without
// a Terraform extension: the client selects *.tf by path), shows diagnostics on the exact tokens
// of the heredoc, jsonencode and aws_iam_policy_document policies, and a quick fix repairs the
// HCL in place.
import * as assert from 'assert';
import * as vscode from 'vscode';
import { activateExtension, applyCodeAction, closeAllEditors, openFile, ourDiagnostics, pollFor, quickFixesFor } from './helpers';

const TF = `resource "aws_s3_bucket" "recordings" {}

resource "aws_iam_role" "connect" {
  assume_role_policy = data.aws_iam_policy_document.trust.json
  inline_policy {
    name = "recordings"
    policy = jsonencode({
      Version   = "2012-10-17"
      Statement = [{ Effect = "Allow", Action = ["s3:GetObjet"], Resource = "\${aws_s3_bucket.recordings.arn}/*" }]
    })
  }
}

data "aws_iam_policy_document" "trust" {
  statement {
    actions = ["sts:AssumeRole"]
    principals {
      type        = "Service"
      identifiers = ["connect.amazonaws.com"]
    }
  }
}

resource "aws_iam_policy" "kinesis" {
  policy = <<-EOF
    {
      "Version": "2012-10-17",
      "Statement": [{ "Effect": "Allow", "Action": "kinesis:PutRecrd", "Resource": "\${var.stream_arn}" }]
    }
  EOF
}
`;

describe('Terraform file', () => {
  before(activateExtension);
  afterEach(closeAllEditors);

  it('shows the findings of the policies of a .tf file on their exact tokens', async () => {
    const editor = await openFile('terraform/main.tf', TF);
    const doc = editor.document;
    const shown = await pollFor(
      () => ourDiagnostics(doc).map((d) => `${d.ruleId}: ${d.text}`).sort(),
      (l) => l.includes('action-unknown: "s3:GetObjet"') && l.includes('action-unknown: "kinesis:PutRecrd"'),
    );
    assert.deepStrictEqual(shown, ['action-unknown: "kinesis:PutRecrd"', 'action-unknown: "s3:GetObjet"']);
  });

  it('repairs the misspelled action in jsonencode with the quick fix', async () => {
    const editor = await openFile('terraform/fix.tf', TF);
    const doc = editor.document;
    const typo = (await pollFor(() => ourDiagnostics(doc), (l) => l.some((d) => d.text === '"s3:GetObjet"'))).find((d) => d.text === '"s3:GetObjet"');
    assert.ok(typo, 'no diagnostic for the misspelled action');
    const actions = await quickFixesFor(doc, typo.diagnostic.range);
    const fix = actions.find((a) => a.isPreferred) ?? actions[0];
    assert.ok(fix, 'no quick fix offered');
    await applyCodeAction(fix);
    assert.ok(doc.getText().includes('Action = ["s3:GetObject"]'), doc.getText());
    const after = await pollFor(() => ourDiagnostics(doc), (l) => !l.some((d) => d.text === '"s3:GetObjet"'));
    assert.ok(!after.some((d) => d.text === '"s3:GetObjet"'));
  });
});
