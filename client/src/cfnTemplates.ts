// The Connect policy templates (templates.ts) as CloudFormation: an `AWS::IAM::ManagedPolicy`
// resource in YAML whose ARNs are `!Sub` strings with the pseudo parameters `${AWS::Partition}`,
// `${AWS::Region}` and `${AWS::AccountId}`; the instance ID, resource name and storage type stay
// fields (snippet tab stops). Written by the `yaml` package, so quoting and the tags are YAML's.
//
// Pure: no `vscode` import, so build scripts and tests can load it.
import { Document, isScalar, visit } from 'yaml';
import { PolicyTemplate } from './templates';

const PSEUDO: Record<string, string> = {
  '{{partition}}': '${AWS::Partition}',
  '{{region}}': '${AWS::Region}',
  '{{account}}': '${AWS::AccountId}',
};

function withPseudoParameters(value: unknown): unknown {
  if (typeof value === 'string') return Object.entries(PSEUDO).reduce((s, [marker, pseudo]) => s.split(marker).join(pseudo), value);
  if (Array.isArray(value)) return value.map(withPseudoParameters);
  if (value && typeof value === 'object') return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, withPseudoParameters(v)]));
  return value;
}

/** The logical ID of the resource a template becomes (`ConnectS3Policy`). */
export function logicalId(t: PolicyTemplate): string {
  return `Connect${t.id === 's3' ? 'S3' : t.id.charAt(0).toUpperCase() + t.id.slice(1)}Policy`;
}

/** YAML text (with field markers) of the template as a managed policy resource, indented by
 *  `indent` spaces (2: under `Resources:`). */
export function managedPolicyYaml(t: PolicyTemplate, indent = 2): string {
  const resource = {
    [logicalId(t)]: {
      Type: 'AWS::IAM::ManagedPolicy',
      Properties: {
        Description: t.detail,
        PolicyDocument: { Version: '2012-10-17', Statement: withPseudoParameters(t.statements) },
      },
    },
  };
  const doc = new Document(resource);
  // Strings that use a pseudo parameter are `!Sub` strings.
  visit(doc, {
    Scalar(_, node) {
      if (isScalar(node) && typeof node.value === 'string' && node.value.includes('${AWS::')) node.tag = '!Sub';
    },
  });
  const text = doc.toString({ lineWidth: 0, defaultStringType: 'PLAIN', defaultKeyType: 'PLAIN' });
  const pad = ' '.repeat(indent);
  return text.trimEnd().split('\n').map((l) => pad + l).join('\n');
}
