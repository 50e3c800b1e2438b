// The JSON schemas of an IAM policy document, written once and emitted twice by
// scripts/sync.ts (`npm run sync`):
// - schemas/iam-policy.schema.json: for any JSON editor. Structural and permissive: JSON types,
//   the Version and Effect values, descriptions; unknown elements are not rejected.
// - schemas/iam-policy.vscode.schema.json: contributed to VS Code (jsonValidation), where the
//   language server already reports every one of those problems with a precise message and a quick
//   fix. It keeps the descriptions (hovers), the element names and values (completions, the value
//   lists as `examples`) and rejects nothing, so no problem is ever underlined twice.

type Schema = { [key: string]: unknown };

const el = (markdownDescription: string, schema: Schema): Schema => ({ ...schema, markdownDescription });
const strings: Schema = { $ref: '#/definitions/stringOrStrings' };

export const policySchema: Schema = {
  $schema: 'http://json-schema.org/draft-07/schema#',
  title: 'AWS IAM policy document',
  description: 'An AWS IAM policy (identity-based or resource-based): JSON types and the values of Version and Effect. The Connect IAM linter (connect-iam-lint, or the VS Code extension) checks everything else: actions, ARNs, condition keys, unknown elements.',
  type: 'object',
  properties: {
    Version: el('The policy language version. Use `2012-10-17`: the older `2008-10-17` does not support policy variables such as `${aws:username}`.', {
      type: 'string', enum: ['2012-10-17', '2008-10-17'], markdownEnumDescriptions: ['Current version (use this)', 'Old version: no policy variables'],
    }),
    Id: el('An optional identifier for the policy (some services, e.g. SQS and SNS, expect one).', { type: 'string' }),
    Statement: el('One statement (an object) or a list of statements.', {
      anyOf: [{ $ref: '#/definitions/statement' }, { type: 'array', items: { $ref: '#/definitions/statement' } }],
    }),
  },
  definitions: {
    stringOrStrings: { anyOf: [{ type: 'string' }, { type: 'array', items: { type: 'string' } }] },
    principal: {
      anyOf: [
        { type: 'string', enum: ['*'], markdownDescription: 'Everyone, including anonymous callers.' },
        {
          type: 'object',
          defaultSnippets: [{ label: 'AWS account or role', body: { AWS: '${1:arn:aws:iam::111122223333:root}' } }, { label: 'AWS service', body: { Service: '${1:connect.amazonaws.com}' } }],
          properties: {
            AWS: el('Account IDs, account root ARNs, IAM role or user ARNs, or `*`.', strings),
            Service: el('Service principals such as `connect.amazonaws.com`.', strings),
            Federated: el('Identity providers: `cognito-identity.amazonaws.com`, a SAML or OIDC provider ARN.', strings),
            CanonicalUser: el('S3 canonical user IDs.', strings),
          },
        },
      ],
    },
    conditionValue: { type: ['string', 'number', 'boolean'] },
    condition: {
      type: 'object',
      markdownDescription: 'Condition operators (e.g. `StringEquals`), each mapping condition keys (e.g. `connect:StorageResourceType`) to a value or a list of values.',
      additionalProperties: {
        type: 'object',
        additionalProperties: { anyOf: [{ $ref: '#/definitions/conditionValue' }, { type: 'array', items: { $ref: '#/definitions/conditionValue' } }] },
      },
    },
    statement: {
      type: 'object',
      defaultSnippets: [{ label: 'New statement', body: { Sid: '$1', Effect: '${2|Allow,Deny|}', Action: ['$3'], Resource: ['$4'] } }],
      properties: {
        Sid: el('A statement ID: letters and digits only, unique within the policy.', { type: 'string' }),
        Effect: el('`Allow` or `Deny` (case-sensitive). An explicit `Deny` always wins over an `Allow`.', {
          type: 'string', enum: ['Allow', 'Deny'], markdownEnumDescriptions: ['Grant the actions', 'Refuse the actions, overriding any Allow'],
        }),
        Principal: el('Who the statement applies to: only in resource-based policies (bucket policies, trust policies, …).', { $ref: '#/definitions/principal' }),
        NotPrincipal: el('Everyone except these principals: only in resource-based policies, and only with `Deny`.', { $ref: '#/definitions/principal' }),
        Action: el('Actions as `service:Action` (e.g. `connect:AssociateLambdaFunction`); wildcards `*` and `?` allowed.', strings),
        NotAction: el('Every action except these: with `Allow`, this usually grants far more than intended.', strings),
        Resource: el('Resource ARNs the actions apply to, or `*`.', strings),
        NotResource: el('Every resource except these.', strings),
        Condition: el('When the statement applies: operator → condition key → value(s).', { $ref: '#/definitions/condition' }),
      },
    },
  },
};

/** The same schema without a single constraint: types dropped, value lists turned into
 *  `examples` (still offered as completions). */
export function hintsOnly(schema: unknown): unknown {
  if (Array.isArray(schema)) return schema.map(hintsOnly);
  if (!schema || typeof schema !== 'object') return schema;
  const out: Schema = {};
  for (const [key, value] of Object.entries(schema as Schema)) {
    if (key === 'type' || key === 'markdownEnumDescriptions' || key === 'enumDescriptions') continue;
    if (key === 'defaultSnippets' || key === 'examples') out[key] = value;
    else if (key === 'enum') out.examples = value;
    else out[key] = hintsOnly(value);
  }
  return out;
}

export function vscodeSchema(): unknown {
  const hints = hintsOnly(policySchema) as Schema;
  return {
    ...hints,
    description: 'Hovers and completions for IAM policies in VS Code. It rejects nothing: the Connect IAM language server reports every problem (with a quick fix where it can), so none is underlined twice. For other editors use iam-policy.schema.json.',
  };
}
