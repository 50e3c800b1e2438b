// Edit-to-diagnostics of a 1 MB CloudFormation template (YAML and JSON) against a 1 MB policy:
// the engine's analysis time, median of a few runs (what the server spends after the debounce).
// Run: node --import tsx scripts/bench/template.ts
import { analyze, analyzeHost } from '../../server/src/engine';
import { generatedPolicy } from '../../test/corpus';

/** A template of `size` characters: buckets, functions and roles whose inline policies use
 *  `!Sub` ARNs, `!GetAtt`, flow and block style, and one misspelled action per role (findings
 *  with fixes, as while editing). */
export function generatedTemplate(size: number): string {
  const parts = ['AWSTemplateFormatVersion: "2010-09-09"', 'Resources:'];
  let length = parts.join('\n').length;
  for (let i = 0; length < size; i++) {
    const block = `  Bucket${i}:
    Type: AWS::S3::Bucket
  Fn${i}:
    Type: AWS::Lambda::Function
  Role${i}:
    Type: AWS::IAM::Role
    Properties:
      AssumeRolePolicyDocument:
        Version: 2012-10-17
        Statement:
          - Effect: Allow
            Principal: { Service: lambda.amazonaws.com }
            Action: sts:AssumeRole
      Policies:
        - PolicyName: p${i}
          PolicyDocument:
            Version: 2012-10-17
            Statement:
              - Effect: Allow
                Action: [s3:GetObject, s3:PutObject, s3:GetObjet]
                Resource: !Sub arn:\${AWS::Partition}:s3:::\${Bucket${i}}/*
              - Effect: Allow
                Action:
                  - connect:AssociateLambdaFunction
                  - lambda:AddPermission
                Resource:
                  - !GetAtt Fn${i}.Arn
                  - !Sub arn:\${AWS::Partition}:connect:\${AWS::Region}:\${AWS::AccountId}:instance/\${InstanceId}
`;
    parts.push(block);
    length += block.length + 1;
  }
  return parts.join('\n');
}

/** The same template in JSON (long-form intrinsic functions). */
export function generatedJsonTemplate(size: number): string {
  const resources: Record<string, unknown> = {};
  let length = 0;
  for (let i = 0; length < size; i++) {
    const role = {
      Type: 'AWS::IAM::Role',
      Properties: {
        AssumeRolePolicyDocument: { Version: '2012-10-17', Statement: [{ Effect: 'Allow', Principal: { Service: 'lambda.amazonaws.com' }, Action: 'sts:AssumeRole' }] },
        Policies: [{
          PolicyName: `p${i}`,
          PolicyDocument: {
            Version: '2012-10-17',
            Statement: [
              { Effect: 'Allow', Action: ['s3:GetObject', 's3:PutObject', 's3:GetObjet'], Resource: { 'Fn::Sub': `arn:\${AWS::Partition}:s3:::\${Bucket${i}}/*` } },
              { Effect: 'Allow', Action: ['connect:AssociateLambdaFunction', 'lambda:AddPermission'], Resource: [{ 'Fn::GetAtt': [`Fn${i}`, 'Arn'] }, { 'Fn::Sub': 'arn:${AWS::Partition}:connect:${AWS::Region}:${AWS::AccountId}:instance/${InstanceId}' }] },
            ],
          },
        }],
      },
    };
    resources[`Bucket${i}`] = { Type: 'AWS::S3::Bucket' };
    resources[`Fn${i}`] = { Type: 'AWS::Lambda::Function' };
    resources[`Role${i}`] = role;
    length += JSON.stringify(role, null, 2).length + 120;
  }
  return JSON.stringify({ AWSTemplateFormatVersion: '2010-09-09', Resources: resources }, null, 2);
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)];
}

function time(fn: () => unknown, runs = 3): number {
  fn(); // warm-up: reference data loaded, JIT settled
  const out: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    fn();
    out.push(performance.now() - t0);
  }
  return median(out);
}

if (require.main === module) {
  const size = 1024 * 1024;
  const yaml = generatedTemplate(size);
  const policy = generatedPolicy(size);
  const p = time(() => analyze(policy));
  const y = time(() => analyzeHost(yaml, { path: 'template.yaml' }));
  const r = analyzeHost(yaml, { path: 'template.yaml' });
  const json = generatedJsonTemplate(size);
  const j = time(() => analyzeHost(json, { path: 'template.json' }));
  console.log(`1 MB policy: ${p.toFixed(0)} ms`);
  console.log(`1 MB JSON template (${(json.length / 1024).toFixed(0)} KB, ${analyzeHost(json, { path: 'template.json' }).policies.length} policies): ${j.toFixed(0)} ms (${(j / p).toFixed(1)}x)`);
  console.log(`1 MB YAML template (${r.policies.length} policies, ${r.findings.length} findings): ${y.toFixed(0)} ms (${(y / p).toFixed(1)}x)`);
}
