// The parts of the extension's manifest that are generated from code (written by scripts/sync.ts,
// compared by its test and the e2e suite): snippets from the templates, the rule
// list of the `connectIam.rules` setting, the JSON schemas.
import { allRules } from '../server/src/engine';
import { ruleDocsCommandUri } from '../client/src/ruleLinks';
import { policyJson, statementsJson, TEMPLATES, toSnippet } from '../client/src/templates';
import { managedPolicyYaml } from '../client/src/cfnTemplates';
import { policySchema, vscodeSchema } from './policySchema';

export { policySchema, vscodeSchema };

const SEVERITIES = ['off', 'error', 'warning', 'information', 'hint'];

export function snippetsFile(): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const t of TEMPLATES) {
    // Snippets use tabs: VS Code turns them into the editor's indentation on insertion.
    const fixed = { partition: 'aws' };
    out[`Connect IAM: ${t.label} (policy)`] = {
      scope: 'json,jsonc',
      prefix: t.snippetPrefix,
      description: `A whole IAM policy: ${t.detail.charAt(0).toLowerCase()}${t.detail.slice(1)}.`,
      body: toSnippet(policyJson(t, '\t'), t, fixed).split('\n'),
    };
    out[`Connect IAM: ${t.label} (statements)`] = {
      scope: 'json,jsonc',
      prefix: `${t.snippetPrefix}-statements`,
      description: `The statements only, for inside an existing "Statement" array: ${t.detail.charAt(0).toLowerCase()}${t.detail.slice(1)}.`,
      body: toSnippet(statementsJson(t, '\t'), t, fixed).split('\n'),
    };
  }
  return out;
}

/** YAML snippets: each template as an `AWS::IAM::ManagedPolicy` resource with `!Sub` ARNs, typed
 *  under a CloudFormation or SAM template's `Resources` (spaces: YAML allows no tabs). */
export function cloudFormationSnippetsFile(): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const t of TEMPLATES) {
    out[`Connect IAM: ${t.label} (CloudFormation managed policy)`] = {
      scope: 'yaml',
      prefix: `${t.snippetPrefix}-cfn`,
      description: `An AWS::IAM::ManagedPolicy resource with !Sub ARNs: ${t.detail.charAt(0).toLowerCase()}${t.detail.slice(1)}.`,
      body: toSnippet(managedPolicyYaml(t, 0), t).split('\n'),
    };
  }
  return out;
}

export function ruleSettingProperties(): Record<string, unknown> {
  const props: Record<string, unknown> = {};
  for (const r of allRules) {
    props[r.id] = {
      type: 'string',
      enum: SEVERITIES,
      default: r.defaultSeverity,
      markdownDescription: `${r.title} (default: \`${r.defaultSeverity}\`; [docs](${ruleDocsCommandUri(r.id)}))`,
    };
  }
  return props;
}

/** File name → expected content, for the generated files other than package.json. */
export function generatedFiles(): Record<string, string> {
  return {
    'schemas/iam-policy.schema.json': JSON.stringify(policySchema, null, 2) + '\n',
    'schemas/iam-policy.vscode.schema.json': JSON.stringify(vscodeSchema(), null, 2) + '\n',
    'snippets/connect-iam.code-snippets': JSON.stringify(snippetsFile(), null, '\t') + '\n',
    'snippets/connect-iam-cloudformation.code-snippets': JSON.stringify(cloudFormationSnippetsFile(), null, '\t') + '\n',
  };
}
