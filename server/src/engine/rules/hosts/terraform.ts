// Rules that only Terraform files need. `terraform-syntax` is reported by analyzeHost for the whole
// file (HCL errors, and JSON errors of heredoc policies); `tf-ref-not-arn` reads the reference
// facts hclValues.ts leaves on unknown values (`intrinsic.fn` `terraform`, `arg` the traversal).
import { hostFacts } from '../../parse/policyModel';
import { Rule } from '../rule';
import { hostSyntaxRule, NOT_ARN_WHAT, resourceValues } from './ruleParts';

/** Resource attributes that are a name, URL or ID, not the ARN (the resource's `arn` attribute
 *  is). Curated from the "Attribute Reference" sections of the Terraform AWS provider's resource
 *  pages (hashicorp/terraform-provider-aws, website/docs/r/<type>.html.markdown). Types whose `id`
 *  IS the ARN (aws_iam_policy, aws_sns_topic, aws_secretsmanager_secret, aws_kinesis_stream,
 *  aws_kinesis_firehose_delivery_stream) list only their name attributes. */
export const TF_NOT_ARN: Readonly<Record<string, Readonly<Record<string, 'name' | 'URL' | 'ID'>>>> = {
  aws_s3_bucket: { id: 'name', bucket: 'name' },
  aws_sqs_queue: { id: 'URL', url: 'URL', name: 'name' },
  aws_kms_key: { id: 'ID', key_id: 'ID' },
  aws_lambda_function: { id: 'name', function_name: 'name' },
  aws_kinesis_stream: { name: 'name' },
  aws_kinesis_firehose_delivery_stream: { name: 'name' },
  aws_dynamodb_table: { id: 'name', name: 'name' },
  aws_iam_role: { id: 'name', name: 'name', unique_id: 'ID' },
  aws_iam_user: { id: 'name', name: 'name', unique_id: 'ID' },
  aws_iam_group: { id: 'name', name: 'name', unique_id: 'ID' },
  aws_iam_policy: { name: 'name', policy_id: 'ID' },
  aws_sns_topic: { name: 'name' },
  aws_secretsmanager_secret: { name: 'name' },
  aws_cloudwatch_log_group: { id: 'name', name: 'name' },
  aws_ecr_repository: { id: 'name', name: 'name', repository_url: 'URL' },
  aws_ssm_parameter: { id: 'name', name: 'name' },
  aws_connect_instance: { id: 'ID' },
};

export const terraformSyntax = hostSyntaxRule('terraform-syntax', 'A Terraform file is not valid HCL, or a policy in it is not valid JSON.');

export const tfRefNotArn: Rule = {
  id: 'tf-ref-not-arn',
  scope: 'statement',
  defaultSeverity: 'warning',
  category: 'reference',
  title: 'A Resource is a Terraform reference to a name, URL or ID attribute, not an ARN.',
  fix: { summary: 'use the resource\'s `arn` attribute', safe: true },
  check({ doc, report }) {
    if (doc.embedded?.syntax !== 'hcl') return;
    const seen = new Set<number>();
    for (const node of resourceValues(doc)) {
      const intrinsic = hostFacts(node).intrinsic;
      if (intrinsic?.fn !== 'terraform' || !intrinsic.arg || seen.has(intrinsic.range.start)) continue;
      const names = intrinsic.arg.split('.');
      // `aws_s3_bucket.b.id`, or `aws_s3_bucket.b[0].id` is not read (an index is no plain traversal).
      if (names.length !== 3) continue;
      const [type, name, attribute] = names;
      const what = TF_NOT_ARN[type]?.[attribute];
      if (!what) continue;
      seen.add(intrinsic.range.start);
      const attrRange = { start: intrinsic.range.end - attribute.length, end: intrinsic.range.end };
      report({
        message: `${type}.${name}.${attribute} is ${NOT_ARN_WHAT[what]} of the ${type}, not its ARN, so this Resource matches nothing. Use ${type}.${name}.arn.`,
        range: intrinsic.range,
        fixes: [{ title: `Use the ARN: ${type}.${name}.arn`, edits: [{ range: attrRange, newText: 'arn' }], isPreferred: true, safe: true }],
        data: { resourceType: type, suggestion: `${type}.${name}.arn` },
      });
    }
  },
};
