// Policies inside CloudFormation, SAM and Serverless templates (JSON and YAML): real public
// templates (test/fixtures/templates, sources in SOURCES.md) stay clean or show only their real
// mistakes; mutations are reported at the exact line and column; every fix applied leaves a
// template that parses and loses the finding; template values (!Sub, !Ref, !If, Serverless
// variables) are never reported as malformed.
import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { analyzeHost, applyEdits, parseHost, ruleById, isTemplatePath } from '../../server/src/engine';
import { ROOT } from '../helpers';
import { at, checkEveryFix, mutation as mutateAt, serious } from './hostHelpers';

const DIR = path.join(ROOT, 'test', 'fixtures', 'templates');
const FIXTURES = fs.readdirSync(DIR, { recursive: true }).map(String).filter((f) => /\.(ya?ml|json|template)$/.test(f)).sort();
const read = (f: string) => fs.readFileSync(path.join(DIR, f), 'utf8');

/** Real mistakes in the real templates (see SOURCES.md), as `ruleId line:column`. */
const EXPECTED: Record<string, string[]> = {
  // Lines 224, 226, 285 and 287 (execution actions on the state machine ARN) are real mistakes
  // that are not caught yet: the !Sub parts are masked with *, and a * ending the Region or
  // account field may span colons, so stateMachine:* could be an execution ARN (SOURCES.md).
  'connect-sam-power-dialer.yaml': ['action-unknown 336:21'],
  'connect-voicemail-copy-artifacts.template': ['version-missing 77:9', 'action-unknown 137:21'],
  'connect-voicemail-serverless.yml': [
    'allow-with-not-resource 557:19', 'action-unknown 587:23', 'action-unknown 978:23',
    'action-needs-wildcard-resource 982:23', 'action-unknown 1093:23',
  ],
  's3-compliant-bucket.json': ['action-unknown 369:33'],
  'serverless-dynamo-stream-to-es/serverless.yml': [
    'action-needs-wildcard-resource 14:15', 'action-resource-not-listed 16:15', 'action-needs-wildcard-resource 17:15',
    'action-resource-not-listed 18:15', 'action-needs-wildcard-resource 23:15', 'action-needs-wildcard-resource 24:15',
    'action-resource-not-listed 25:15',
  ],
};



test('there are enough real templates of every kind', () => {
  assert.ok(FIXTURES.length >= 15, `${FIXTURES.length} fixtures`);
  const kinds = FIXTURES.map((f) => analyzeHost(read(f), { path: f }).host);
  assert.ok(kinds.filter((k) => k === 'cloudformation').length >= 10);
  assert.ok(kinds.filter((k) => k === 'serverless').length >= 3);
  assert.ok(FIXTURES.some((f) => f.endsWith('.json')) && FIXTURES.some((f) => f.endsWith('.yaml')));
  assert.ok(FIXTURES.filter((f) => read(f).includes('AWS::Serverless')).length >= 3, 'SAM templates');
  assert.ok(FIXTURES.filter((f) => read(f).includes('connect:')).length >= 6, 'Amazon Connect templates');
  const sources = fs.readFileSync(path.join(DIR, 'SOURCES.md'), 'utf8');
  for (const f of FIXTURES) assert.ok(sources.includes(f), `${f} is in SOURCES.md`);
});

for (const f of FIXTURES) {
  test(`real template ${f}: only its known mistakes are reported`, () => {
    const text = read(f);
    const r = analyzeHost(text, { path: f });
    assert.ok(r.isPolicy && r.policies.length > 0, 'policies found');
    assert.deepEqual(serious(r.findings).map((x) => at(text, x)), EXPECTED[f] ?? []);
    assert.ok(!r.findings.some((x) => x.ruleId === 'internal-error'));
    for (const x of r.findings) assert.match(x.message, /\(in (Resources|resources|provider)\./, 'messages name the embedded policy');
  });
}


test('every fix offered on the real templates leaves a template that parses and loses the finding', () => {
  let fixes = 0;
  for (const f of FIXTURES) fixes += checkEveryFix(f, read(f), { path: f });
  assert.ok(fixes > 0, 'some fixes were checked');
});

const mutation = (file: string, from: string, to: string, ruleId: string, expected: string, skip = 0) => mutateAt(read, file, from, to, ruleId, expected, skip);

test('mutations of real templates are reported at the exact line and column (YAML and JSON)', () => {
  mutation('connect-vmx3-core.yaml', '- sts:AssumeRole', '- sts:AssumeRol', 'action-unknown', 'sts:AssumeRol', 2);
  mutation('connect-vmx3-core.yaml', 'Effect: Allow', 'Effect: Alow', 'effect-invalid', 'Alow', 8);
  mutation('codepipeline.json', '"s3:GetObject"', '"s3:GetObjet"', 'action-unknown', '"s3:GetObjet"');
  mutation('serverless-http-api-dynamodb/serverless.yml', '- dynamodb:Query', '- dynamodb:Qeury', 'action-unknown', 'dynamodb:Qeury', 2);
  mutation('connect-vmx3-policy-builder.yaml', 'Effect: Allow', 'Effect: allow', 'effect-invalid', 'allow', 8);
});

test('a misspelled action in a YAML plain scalar is fixed in YAML style (still plain)', () => {
  const { mutated, hit } = mutation('connect-vmx3-core.yaml', '- sts:AssumeRole', '- sts:AssumeRol', 'action-unknown', 'sts:AssumeRol', 2);
  const fix = hit.fixes?.find((x) => x.isPreferred);
  assert.ok(fix);
  const fixed = applyEdits(mutated, fix.edits);
  assert.ok(fixed.includes('- sts:AssumeRole\n') || fixed.includes('- sts:AssumeRole\r\n'));
  assert.ok(!fixed.includes('"sts:AssumeRole"'));
});

const template = (body: string) => `AWSTemplateFormatVersion: "2010-09-09"
Resources:
  Bucket:
    Type: AWS::S3::Bucket
  Queue:
    Type: AWS::SQS::Queue
  Topic:
    Type: AWS::SNS::Topic
  Fn:
    Type: AWS::Lambda::Function
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
${body}`;

const lintYaml = (text: string) => analyzeHost(text, { path: 'template.yaml' }).findings;

test('Sub ARNs: pseudo parameters and template parameters are any value; a missing colon is still caught', () => {
  const clean = template(`              - Effect: Allow
                Action: [s3:GetObject, logs:PutLogEvents]
                Resource:
                  - !Sub arn:\${AWS::Partition}:s3:::\${Bucket}/*
                  - !Sub "arn:\${AWS::Partition}:logs:\${AWS::Region}:\${AWS::AccountId}:log-group:/x:*"
                  - Fn::Sub: arn:aws:s3:::\${Bucket}/\${!aws:username}/*
                  - !Sub
                    - arn:\${AWS::Partition}:s3:::\${Name}/*
                    - Name: !Ref Bucket
              - Effect: Allow
                Action: sqs:SendMessage
                Resource: !Sub arn:\${AWS::Partition}:sqs:\${AWS::Region}:\${AWS::AccountId}:\${Queue.QueueName}
`);
  assert.deepEqual(lintYaml(clean).map((f) => f.ruleId), []);
  const broken = clean.replace(':sqs:${AWS::Region}:${AWS::AccountId}', ':sqs:${AWS::Region}${AWS::AccountId}');
  const f = lintYaml(broken).find((x) => x.ruleId === 'arn-malformed');
  assert.ok(f, lintYaml(broken).map((x) => x.ruleId).join());
  assert.ok(!f.message.includes('___'), 'the message never shows the mask');
  assert.ok(broken.slice(f.range.start, f.range.end).includes('${AWS::Region}${AWS::AccountId}'), 'the finding sits on the template text');
});

test('Ref, GetAtt, Join, If, Select and ImportValue are unknown values, never malformed; If branches are both checked', () => {
  const text = template(`              - Effect: Allow
                Action: [sqs:SendMessage, lambda:InvokeFunction, sns:Publish, s3:GetObject]
                Resource:
                  - !GetAtt Queue.Arn
                  - !GetAtt [Fn, Arn]
                  - !Ref Topic
                  - !Join ['', ['arn:aws:s3:::', !Ref Bucket, '/*']]
                  - !Select [0, !Split [',', !ImportValue Shared]]
                  - !ImportValue SharedArn
                  - !If [IsProd, !Sub 'arn:aws:s3:::\${Bucket}/*', !Ref AWS::NoValue]
              - Effect: Allow
                Action: !If [IsProd, s3:ListBucket, s3:ListBukcet]
                Resource: !GetAtt Bucket.Arn
`);
  const found = lintYaml(text);
  assert.deepEqual(found.filter((f) => f.severity === 'error' || f.severity === 'warning').map((f) => `${f.ruleId} ${text.slice(f.range.start, f.range.end)}`), ['action-unknown s3:ListBukcet']);
});

test('cfn-ref-not-arn: a Ref that is a name, URL or ID in a Resource is reported, with the GetAtt fix (YAML and JSON)', () => {
  const text = template(`              - Effect: Allow
                Action: [s3:GetObject, sqs:SendMessage, sns:Publish]
                Resource:
                  - !Ref Bucket
                  - Ref: Queue
                  - !Ref Topic
`);
  const found = lintYaml(text).filter((f) => f.ruleId === 'cfn-ref-not-arn');
  assert.deepEqual(found.map((f) => text.slice(f.range.start, f.range.end)), ['!Ref Bucket', 'Ref: Queue']);
  assert.match(found[0].message, /^Ref Bucket gives the name of the AWS::S3::Bucket resource, not its ARN/);
  assert.match(found[1].message, /the URL of the AWS::SQS::Queue/);
  let fixed = text;
  for (const f of [...found].reverse()) fixed = applyEdits(fixed, f.fixes![0].edits);
  assert.ok(fixed.includes('- !GetAtt Bucket.Arn') && fixed.includes('- !GetAtt Queue.Arn'));
  assert.deepEqual(lintYaml(fixed).filter((f) => f.ruleId === 'cfn-ref-not-arn'), []);
  assert.equal(parseHost(fixed, { path: 'template.yaml' }).errors.length, 0);

  const json = JSON.stringify({
    Resources: {
      Bucket: { Type: 'AWS::S3::Bucket' },
      P: { Type: 'AWS::IAM::ManagedPolicy', Properties: { PolicyDocument: { Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: 's3:GetObject', Resource: { Ref: 'Bucket' } }] } } },
    },
  }, null, 2);
  const jf = analyzeHost(json, { path: 't.json' }).findings.find((f) => f.ruleId === 'cfn-ref-not-arn');
  assert.ok(jf);
  const jfixed = applyEdits(json, jf.fixes![0].edits);
  assert.deepEqual(JSON.parse(jfixed).Resources.P.Properties.PolicyDocument.Statement[0].Resource, { 'Fn::GetAtt': ['Bucket', 'Arn'] });
  assert.ok(ruleById('cfn-ref-not-arn'));
});

test('YAML quirks: unquoted Version, anchors and aliases, flow and block style', () => {
  const text = `AWSTemplateFormatVersion: 2010-09-09
Resources:
  P:
    Type: AWS::IAM::ManagedPolicy
    Properties:
      PolicyDocument:
        Version: 2012-10-17
        Statement:
          - &read {Effect: Allow, Action: [s3:GetObject], Resource: 'arn:aws:s3:::bucket/*'}
          - Effect: Allow
            Action:
              - s3:PutObject
            Resource: "arn:aws:s3:::bucket/*"
  Q:
    Type: AWS::IAM::ManagedPolicy
    Properties:
      PolicyDocument:
        Version: '2012-10-17'
        Statement:
          - *read
`;
  assert.deepEqual(lintYaml(text).filter((f) => f.severity !== 'information' && f.severity !== 'hint').map((f) => f.ruleId), []);
  const bad = text.replace('Action: [s3:GetObject]', 'Action: [s3:GetObjet]');
  const found = lintYaml(bad).filter((f) => f.ruleId === 'action-unknown');
  // The alias stands for the anchored node: one finding, at the anchor.
  assert.deepEqual(found.map((f) => bad.slice(f.range.start, f.range.end)), ['s3:GetObjet']);
  checkEveryFix('flow style', bad, { path: 'template.yaml' });
  const fixed = applyEdits(bad, found[0].fixes!.find((x) => x.isPreferred)!.edits);
  assert.ok(fixed.includes('Action: [s3:GetObject]'), 'a plain scalar in a flow sequence stays plain');
});

test('SAM Policies: inline documents and bare statements are checked; policy templates and managed names are skipped', () => {
  const text = `Transform: AWS::Serverless-2016-10-31
Resources:
  Table:
    Type: AWS::DynamoDB::Table
  Fn:
    Type: AWS::Serverless::Function
    Properties:
      Handler: index.handler
      Runtime: nodejs20.x
      Policies:
        - AWSLambdaBasicExecutionRole
        - S3ReadPolicy:
            BucketName: !Ref Bucket
        - DynamoDBCrudPolicy: {TableName: !Ref Table}
        - Statement:
            - Effect: Allow
              Action: dynamodb:GetItm
              Resource: !GetAtt Table.Arn
        - Effect: Allow
          Action: connect:DescribeInstanse
          Resource: '*'
`;
  const r = analyzeHost(text, { path: 'template.yaml' });
  assert.equal(r.host, 'cloudformation');
  assert.deepEqual(r.policies.map((p) => p.name), ['Resources.Fn.Policies[3]', 'Resources.Fn.Policies[4]']);
  assert.deepEqual(serious(r.findings).map((f) => `${f.ruleId} ${text.slice(f.range.start, f.range.end)}`), ['version-missing S', 'action-unknown dynamodb:GetItm', 'action-unknown connect:DescribeInstanse']);
  checkEveryFix('SAM', text, { path: 'template.yaml' });
});

test('Serverless Framework: provider.iam.role.statements and iamRoleStatements, variables are any value', () => {
  const text = `service: x
provider:
  name: aws
  iam:
    role:
      statements:
        - Effect: Allow
          Action: [s3:GetObject]
          Resource: "arn:aws:s3:::\${self:custom.bucket}/*"
        - Effect: Allow
          Action: kinesis:PutRecord
          Resource: arn:aws:kinesis:\${aws:region}:\${aws:accountId}:stream/\${opt:stage}-calls
  iamRoleStatements:
    - Effect: Allow
      Action: sqs:SendMesage
      Resource: !GetAtt Queue.Arn
resources:
  Resources:
    Queue:
      Type: AWS::SQS::Queue
`;
  const r = analyzeHost(text, { path: 'serverless.yml' });
  assert.equal(r.host, 'serverless');
  assert.deepEqual(r.policies.map((p) => p.name), ['provider.iam.role.statements', 'provider.iamRoleStatements']);
  assert.deepEqual(serious(r.findings).map((f) => `${f.ruleId} ${text.slice(f.range.start, f.range.end)}`), ['action-unknown sqs:SendMesage']);
});

test('Connect rules judge all the policies of one role together', () => {
  const text = (extra: string) => `AWSTemplateFormatVersion: "2010-09-09"
Resources:
  Fn:
    Type: AWS::Lambda::Function
  Role:
    Type: AWS::IAM::Role
    Properties:
      Policies:
        - PolicyName: associate
          PolicyDocument:
            Version: 2012-10-17
            Statement:
              - Effect: Allow
                Action: connect:AssociateLambdaFunction
                Resource: !Sub arn:\${AWS::Partition}:connect:\${AWS::Region}:\${AWS::AccountId}:instance/\${InstanceId}
${extra}`;
  const attached = `  Extra:
    Type: AWS::IAM::Policy
    Properties:
      PolicyName: extra
      Roles: [!Ref Role]
      PolicyDocument:
        Version: 2012-10-17
        Statement:
          - Effect: Allow
            Action: lambda:AddPermission
            Resource: !GetAtt Fn.Arn
`;
  const connect = (t: string) => lintYaml(t).filter((f) => ruleById(f.ruleId)?.category === 'connect' && f.severity === 'warning');
  const alone = connect(text(''));
  assert.ok(alone.some((f) => /lambda:AddPermission/.test(f.message)), 'without the attached policy the companion is missing');
  assert.deepEqual(connect(text(attached)).filter((f) => /lambda:AddPermission/.test(f.message)), []);
});

test('host documents: what is a template, what is not', () => {
  assert.ok(isTemplatePath('infra/stack.yaml') && isTemplatePath('a.yml') && isTemplatePath('x.template') && isTemplatePath('cdk.out/Stack.template.json'));
  assert.ok(!isTemplatePath('policy.json'));
  const workflow = 'name: ci\non: push\njobs:\n  build:\n    runs-on: ubuntu-latest\n';
  assert.equal(analyzeHost(workflow, { path: '.github/workflows/ci.yml' }).isPolicy, false);
  const broken = 'AWSTemplateFormatVersion: "2010-09-09"\nResources:\n  P:\n    Type: AWS::IAM::Policy\n    Properties: {PolicyDocument: [\n';
  const f = analyzeHost(broken, { path: 't.yaml' }).findings.find((x) => x.ruleId === 'yaml-syntax');
  assert.ok(f && f.severity === 'error');
  assert.equal(analyzeHost('{"Version":"2012-10-17","Statement":[]}', { path: 'p.json' }).host, 'policy');
});

test('hostile templates: deep nesting and alias bombs do not hang or crash', () => {
  const deep = 'Resources:\n  P:\n    Type: AWS::IAM::Policy\n    Properties:\n      PolicyDocument: ' + '['.repeat(5000) + ']'.repeat(5000) + '\n';
  const t0 = Date.now();
  analyzeHost(deep, { path: 't.yaml' });
  let bomb = 'AWSTemplateFormatVersion: x\na: &a [x, x, x, x, x, x, x, x, x]\n';
  for (let i = 0; i < 8; i++) bomb += `${String.fromCharCode(98 + i)}: &${String.fromCharCode(98 + i)} [${Array(9).fill('*' + String.fromCharCode(97 + i)).join(', ')}]\n`;
  analyzeHost(bomb, { path: 't.yaml' });
  assert.ok(Date.now() - t0 < 10_000);
});

test('hover and completion work inside an embedded YAML policy, with template offsets', async () => {
  const { hoverAt, completionsAt } = await import('../../server/src/engine');
  const text = template(`              - Effect: Allow
                Action: [s3:PutObject, connect:DescribeInst]
                Resource: !Sub arn:\${AWS::Partition}:s3:::\${Bucket}/*
`);
  const h = hoverAt(text, text.indexOf('s3:PutObject') + 4, { path: 'template.yaml' });
  assert.ok(h && /PutObject/.test(h.contents));
  assert.equal(text.slice(h.range.start, h.range.end), 's3:PutObject');
  const offset = text.indexOf('connect:DescribeInst') + 'connect:DescribeInst'.length;
  const c = completionsAt(text, offset, { path: 'template.yaml' });
  const item = c.items.find((i) => i.label === 'connect:DescribeInstance');
  assert.ok(item, 'the action is offered');
  assert.equal(item.insertText, 'connect:DescribeInstance', 'written as a plain scalar, like the rest of the flow sequence');
  assert.equal(text.slice(item.range.start, item.range.end), 'connect:DescribeInst');
  // Outside any policy of the template: nothing.
  assert.equal(hoverAt(text, text.indexOf('AWS::SQS::Queue') + 3, { path: 'template.yaml' }), undefined);
  assert.deepEqual(completionsAt(text, text.indexOf('AWS::SQS::Queue') + 3, { path: 'template.yaml' }).items, []);
});

test('the CLI finds templates in a directory and lints their policies', async () => {
  const { expandPaths } = await import('../../server/src/cli/files');
  const { lintOperands } = await import('../../server/src/cli/lint');
  const { operands, problems } = expandPaths([DIR], ROOT);
  assert.deepEqual(problems, []);
  const run = lintOperands(operands, {}, ROOT);
  const linted = run.results.map((r) => path.relative(DIR, r.filePath).split(path.sep).join('/')).sort();
  assert.deepEqual(linted, FIXTURES, 'every template found and linted');
  assert.deepEqual(run.problems, []);
  const yml = run.results.find((r) => r.filePath.endsWith(path.join('serverless-dynamo-stream-to-es', 'serverless.yml')));
  assert.ok(yml?.messages.some((m) => /\(in provider\.iam\.role\.statements\)/.test(m.message)), 'the message names the embedded policy');
});

test('GetAtt ARNs stand for an ARN of their type: an object action on a bucket ARN is still reported, in template words', () => {
  const text = template(`              - Effect: Allow
                Action: s3:GetObject
                Resource: !GetAtt Bucket.Arn
              - Effect: Allow
                Action: [lambda:InvokeFunction, sqs:SendMessage]
                Resource: [!GetAtt Fn.Arn, !GetAtt Queue.Arn]
`);
  const found = serious(lintYaml(text));
  assert.deepEqual(found.map((f) => `${f.ruleId} ${text.slice(f.range.start, f.range.end)}`), ['action-resource-not-listed s3:GetObject', 'resource-not-applicable !GetAtt Bucket.Arn']);
  for (const f of found) assert.ok(!/cfn-/.test(f.message), f.message);
});

test('a hover on a Sub ARN shows the template text of its parts', async () => {
  const { hoverAt } = await import('../../server/src/engine');
  const text = template(`              - Effect: Allow
                Action: s3:GetObject
                Resource: !Sub arn:\${AWS::Partition}:s3:::\${Bucket}/*
`);
  const h = hoverAt(text, text.indexOf('s3:::') + 1, { path: 'template.yaml' });
  assert.ok(h && h.contents.includes('${AWS::Partition}') && !h.contents.includes('****'), h?.contents);
});

test('an Amazon Connect role with GetAtt and Sub ARNs draws no warning; messages use logical IDs, not stand-ins', () => {
  const text = `AWSTemplateFormatVersion: "2010-09-09"
Parameters:
  InstanceId: {Type: String}
Resources:
  Recordings:
    Type: AWS::S3::Bucket
  Key:
    Type: AWS::KMS::Key
  Fn:
    Type: AWS::Lambda::Function
  Admin:
    Type: AWS::IAM::Role
    Properties:
      Policies:
        - PolicyName: connect
          PolicyDocument:
            Version: 2012-10-17
            Statement:
              - Effect: Allow
                Action: connect:AssociateInstanceStorageConfig
                Resource: !Sub arn:\${AWS::Partition}:connect:\${AWS::Region}:\${AWS::AccountId}:instance/\${InstanceId}
                Condition:
                  StringEquals:
                    connect:StorageResourceType: CALL_RECORDINGS
              - Effect: Allow
                Action: connect:AssociateLambdaFunction
                Resource: !Sub arn:\${AWS::Partition}:connect:\${AWS::Region}:\${AWS::AccountId}:instance/\${InstanceId}
              - Effect: Allow
                Action: [s3:GetBucketLocation, s3:GetBucketAcl]
                Resource: !GetAtt Recordings.Arn
              - Effect: Allow
                Action: s3:PutObject
                Resource: !Sub '\${Recordings.Arn}/*'
              - Effect: Allow
                Action: iam:PutRolePolicy
                Resource: !Sub arn:\${AWS::Partition}:iam::\${AWS::AccountId}:role/aws-service-role/connect.amazonaws.com/*
              - Effect: Allow
                Action: [kms:CreateGrant, kms:DescribeKey]
                Resource: !GetAtt Key.Arn
              - Effect: Allow
                Action: lambda:AddPermission
                Resource: !GetAtt Fn.Arn
`;
  const found = lintYaml(text);
  assert.deepEqual(serious(found).map((f) => f.ruleId), []);
  for (const f of found) assert.ok(!/cfn-/.test(f.message) && !/\*\*\*/.test(f.message), f.message);
});

test('JSON templates: Fn::Sub (string and list), Fn::If, Fn::Join and Ref in the long form', () => {
  const json = JSON.stringify({
    AWSTemplateFormatVersion: '2010-09-09',
    Resources: {
      Bucket: { Type: 'AWS::S3::Bucket' },
      P: {
        Type: 'AWS::IAM::ManagedPolicy',
        Properties: {
          PolicyDocument: {
            Version: '2012-10-17',
            Statement: [
              { Effect: 'Allow', Action: ['s3:GetObject'], Resource: [{ 'Fn::Sub': 'arn:${AWS::Partition}:s3:::${Bucket}/*' }, { 'Fn::Sub': ['arn:aws:s3:::${B}/*', { B: { Ref: 'Bucket' } }] }, { 'Fn::Join': ['', ['arn:aws:s3:::', { Ref: 'Bucket' }, '/*']] }] },
              { Effect: 'Allow', Action: { 'Fn::If': ['C', 's3:ListBucket', 's3:ListBuckett'] }, Resource: { 'Fn::GetAtt': ['Bucket', 'Arn'] } },
            ],
          },
        },
      },
    },
  }, null, 2);
  const found = serious(analyzeHost(json, { path: 'template.json' }).findings);
  assert.deepEqual(found.map((f) => `${f.ruleId} ${json.slice(f.range.start, f.range.end)}`), ['action-unknown "s3:ListBuckett"']);
  checkEveryFix('JSON template', json, { path: 'template.json' });
});

test('the CloudFormation snippets: each Connect policy as a managed policy resource with Sub ARNs, clean once filled in', async () => {
  const { cloudFormationSnippetsFile } = await import('../../scripts/contributes');
  const snippets = Object.values(cloudFormationSnippetsFile()) as { body: string[]; scope: string }[];
  const { TEMPLATES } = await import('../../client/src/templates');
  assert.equal(snippets.length, TEMPLATES.length);
  // A real-looking value per field: IDs are UUIDs, a Lex V2 alias is bot ID / alias ID.
  const valueFor = (placeholder: string) => placeholder.includes('/') ? 'ABCDEFGHIJ/TSTALIASID'
    : placeholder.endsWith('-id') ? '6a1b2c3d-1234-4abc-9def-0123456789ab' : 'recordings-480219637511';
  for (const s of snippets) {
    assert.equal(s.scope, 'yaml');
    // What VS Code inserts once the fields are filled: tab stops get values, choices their first.
    const seen = new Map<string, string>();
    const body = s.body.join('\n')
      .replace(/\$\{(\d+)\|([^,|]+)[^|]*\|\}/g, (_, n, first) => { seen.set(n, first); return first; })
      .replace(/\$\{(\d+):([^}]*)\}/g, (_, n, placeholder) => { const v = valueFor(placeholder); seen.set(n, v); return v; })
      .replace(/\$\{(\d+)\}/g, (_, n) => seen.get(n) ?? '')
      .replace(/\\\$/g, '$');
    const text = `AWSTemplateFormatVersion: "2010-09-09"\nResources:\n${body.split('\n').map((l) => `  ${l}`).join('\n')}\n`;
    const r = analyzeHost(text, { path: 'template.yaml' });
    assert.equal(parseHost(text, { path: 'template.yaml' }).errors.length, 0, text);
    assert.equal(r.policies.length, 1);
    assert.ok(text.includes('!Sub arn:${AWS::Partition}:'), text);
    assert.deepEqual(serious(r.findings).map((f) => `${f.ruleId} ${text.slice(f.range.start, f.range.end)}`), [], text);
  }
});
