// Where policies live in a template: which resource types hold a policy document under which
// property, the SAM `Policies` forms, the Serverless Framework's role statements, and which
// principal (role, user, group, function) each identity policy gives permissions to.
import { Node } from 'jsonc-parser';
import { STATEMENT_ELEMENTS } from '../reference/elements';
import { propertiesOf } from '../parse/policyModel';
import { propertyKey, propertyValue } from '../parse/jsonDocument';
import { intrinsicName } from './intrinsics';

export type EmbeddedKind = 'identity' | 'resource' | 'trust';

/** A policy document found in the host tree (before normalisation). */
export interface PolicyLocation {
  /** For messages: `Resources.ConnectRole.Policies[0].PolicyDocument`. */
  name: string;
  kind: EmbeddedKind;
  /** The policy document's node, or the statement(s) of an implied policy. */
  node: Node;
  /** The node is one statement (SAM allows them in `Policies`) or a list of statements (the
   *  Serverless role statements): the policy around it is implied, as the tool writes it. */
  implied?: 'statement' | 'statements';
  /** Logical IDs of the principals whose permissions this identity policy sets. */
  principals: string[];
}

/** Resource types → properties that hold one policy document, and its kind. From the
 *  CloudFormation resource reference (the properties typed "Json" that take an IAM policy). */
const DOCUMENT_PROPERTIES: Record<string, [string, EmbeddedKind][]> = {
  'AWS::IAM::Policy': [['PolicyDocument', 'identity']],
  'AWS::IAM::ManagedPolicy': [['PolicyDocument', 'identity']],
  'AWS::IAM::RolePolicy': [['PolicyDocument', 'identity']],
  'AWS::IAM::UserPolicy': [['PolicyDocument', 'identity']],
  'AWS::IAM::GroupPolicy': [['PolicyDocument', 'identity']],
  'AWS::IAM::Role': [['AssumeRolePolicyDocument', 'trust']],
  'AWS::SSO::PermissionSet': [['InlinePolicy', 'identity']],
  'AWS::S3::BucketPolicy': [['PolicyDocument', 'resource']],
  'AWS::SQS::QueuePolicy': [['PolicyDocument', 'resource']],
  'AWS::SNS::TopicPolicy': [['PolicyDocument', 'resource']],
  'AWS::KMS::Key': [['KeyPolicy', 'resource']],
  'AWS::KMS::ReplicaKey': [['KeyPolicy', 'resource']],
  'AWS::SecretsManager::ResourcePolicy': [['ResourcePolicy', 'resource']],
  'AWS::ECR::Repository': [['RepositoryPolicyText', 'resource']],
  'AWS::OpenSearchService::Domain': [['AccessPolicies', 'resource']],
  'AWS::Elasticsearch::Domain': [['AccessPolicies', 'resource']],
  'AWS::EFS::FileSystem': [['FileSystemPolicy', 'resource']],
  'AWS::Backup::BackupVault': [['AccessPolicy', 'resource']],
  'AWS::ApiGateway::RestApi': [['Policy', 'resource']],
  'AWS::Serverless::Api': [],
  'AWS::Serverless::Function': [['AssumeRolePolicyDocument', 'trust']],
  'AWS::Serverless::StateMachine': [],
};

/** Resource types whose `Policies` is a list of `{PolicyName, PolicyDocument}` (inline policies of
 *  the principal itself). */
const INLINE_POLICY_LISTS = new Set(['AWS::IAM::Role', 'AWS::IAM::User', 'AWS::IAM::Group']);

/** SAM resources whose `Policies` takes managed policy names, SAM policy templates, inline
 *  documents and statements. */
const SAM_POLICIES = new Set(['AWS::Serverless::Function', 'AWS::Serverless::StateMachine', 'AWS::Serverless::Connector']);

/** Policy resources attach to principals through these properties. */
const ATTACHMENTS = ['Roles', 'Users', 'Groups'];

/** The logical ID a `Ref` names (`{"Ref": "X"}` or `!Ref X`), or undefined. */
export function refTarget(node: Node | undefined): string | undefined {
  if (intrinsicName(node) !== 'Ref') return undefined;
  const arg = node!.children![0].children?.[1];
  return typeof arg?.value === 'string' ? arg.value : undefined;
}

/** The value of the first property `name` of an object (propertiesOf's first match, without
 *  building the property list: a template is asked a few names per resource on every edit). */
export function prop(obj: Node | undefined, name: string): Node | undefined {
  if (!obj || obj.type !== 'object' || !obj.children) return undefined;
  for (const p of obj.children) {
    if (p.type !== 'property' || !p.children?.length) continue;
    if (String(propertyKey(p).value) === name) return propertyValue(p);
  }
  return undefined;
}

function items(node: Node | undefined): Node[] {
  if (!node) return [];
  return node.type === 'array' ? node.children ?? [] : [node];
}

/** The template's resources: logical ID → `Type`. */
export function resourceTypes(resources: Node | undefined): Map<string, string> {
  const out = new Map<string, string>();
  for (const r of propertiesOf(resources)) {
    const type = prop(r.value, 'Type')?.value;
    if (typeof type === 'string') out.set(r.name, type);
  }
  return out;
}

/** Every policy document of a CloudFormation (or SAM) `Resources` map. `prefix` names the map
 *  for messages (`Resources`, or `resources.Resources` in a Serverless file). */
export function templatePolicies(resources: Node | undefined, prefix: string): PolicyLocation[] {
  const out: PolicyLocation[] = [];
  // Managed policies a role lists in ManagedPolicyArns by `Ref`: policy ID → role IDs.
  const attachedByRole = new Map<string, string[]>();
  for (const r of propertiesOf(resources)) {
    const type = prop(r.value, 'Type')?.value;
    if (!INLINE_POLICY_LISTS.has(String(type))) continue;
    for (const arn of items(prop(prop(r.value, 'Properties'), 'ManagedPolicyArns'))) {
      const target = refTarget(arn);
      if (target) attachedByRole.set(target, [...(attachedByRole.get(target) ?? []), r.name]);
    }
  }
  for (const r of propertiesOf(resources)) {
    const type = prop(r.value, 'Type')?.value;
    const props = prop(r.value, 'Properties');
    if (typeof type !== 'string' || props?.type !== 'object') continue;
    const base = `${prefix}.${r.name}`;
    const attached = [...ATTACHMENTS.flatMap((a) => items(prop(props, a)).map(refTarget).filter((t): t is string => !!t)), ...(attachedByRole.get(r.name) ?? [])];
    for (const [property, kind] of DOCUMENT_PROPERTIES[type] ?? []) {
      const node = prop(props, property);
      if (node && (node.type === 'object' || intrinsicName(node) === 'Fn::If')) {
        out.push({ name: `${base}.${property}`, kind, node, principals: kind === 'identity' ? attached : [] });
      }
    }
    if (INLINE_POLICY_LISTS.has(type)) {
      items(prop(props, 'Policies')).forEach((p, i) => {
        const doc = prop(p, 'PolicyDocument');
        if (doc && doc.type === 'object') out.push({ name: `${base}.Policies[${i}].PolicyDocument`, kind: 'identity', node: doc, principals: [r.name] });
      });
    }
    if (SAM_POLICIES.has(type)) out.push(...samPolicies(prop(props, 'Policies'), `${base}.Policies`, r.name));
  }
  return out;
}

/** Elements only a statement has: an object with one of them in SAM `Policies` is a statement. */
const STATEMENT_KEYS: readonly string[] = STATEMENT_ELEMENTS;

/** SAM `Policies`: a managed policy name or ARN (skipped), a SAM policy template such as
 *  `S3ReadPolicy: {BucketName: …}` (skipped: SAM expands it into a policy it writes itself), an
 *  inline document (`Statement`), or one bare statement. */
function samPolicies(node: Node | undefined, name: string, principal: string): PolicyLocation[] {
  const out: PolicyLocation[] = [];
  if (!node) return out;
  const list = node.type === 'array' ? node.children ?? [] : [node];
  list.forEach((p, i) => {
    if (p.type !== 'object' || intrinsicName(p)) return;
    const keys = propertiesOf(p).map((x) => x.name);
    const itemName = node.type === 'array' ? `${name}[${i}]` : name;
    if (keys.includes('Statement')) out.push({ name: itemName, kind: 'identity', node: p, principals: [principal] });
    else if (keys.some((k) => STATEMENT_KEYS.includes(k))) out.push({ name: itemName, kind: 'identity', node: p, implied: 'statement', principals: [principal] });
  });
  return out;
}

/** A Serverless Framework file: the provider role's statements (both the current
 *  `provider.iam.role.statements` and the older `provider.iamRoleStatements`), and the
 *  CloudFormation resources under `resources.Resources`. */
export function serverlessPolicies(root: Node): PolicyLocation[] {
  const out: PolicyLocation[] = [];
  const provider = prop(root, 'provider');
  const role = prop(prop(provider, 'iam'), 'role');
  for (const [node, name] of [[prop(role, 'statements'), 'provider.iam.role.statements'], [prop(provider, 'iamRoleStatements'), 'provider.iamRoleStatements']] as const) {
    if (node?.type === 'array') out.push({ name, kind: 'identity', node, implied: 'statements', principals: ['provider'] });
  }
  out.push(...templatePolicies(prop(prop(root, 'resources'), 'Resources'), 'resources.Resources'));
  return out;
}
