// Edit-to-diagnostics of a 1 MB CloudFormation template (YAML and JSON) against a 1 MB policy:
// the engine's analysis time, median of a few runs (what the server spends after the debounce).
// Run: node --import tsx scripts/bench/template.ts
import { engine } from './engine';
import { generatedPolicy } from '../../test/corpus';
import { coldCache } from './coldCache';

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

/** Wall and CPU milliseconds of each case, the cases interleaved run by run (on a shared machine
 *  the load changes from second to second: interleaving lets it weigh on every case alike). */
function timeAll(cases: Record<string, () => unknown>, runs = 5): Record<string, { wall: number; cpu: number }> {
  const wall: Record<string, number[]> = {};
  const cpu: Record<string, number[]> = {};
  for (const [name, fn] of Object.entries(cases)) {
    fn(); // warm-up: reference data loaded, JIT settled
    wall[name] = [];
    cpu[name] = [];
  }
  for (let i = 0; i < runs; i++) {
    for (const [name, fn] of Object.entries(cases)) {
      const c0 = process.cpuUsage();
      const t0 = performance.now();
      fn();
      wall[name].push(performance.now() - t0);
      const c = process.cpuUsage(c0);
      cpu[name].push((c.user + c.system) / 1000);
    }
  }
  return Object.fromEntries(Object.keys(cases).map((n) => [n, { wall: median(wall[n]), cpu: median(cpu[n]) }]));
}

if (require.main === module) {
  const size = 1024 * 1024;
  const yaml = generatedTemplate(size);
  const policy = generatedPolicy(size);
  const json = generatedJsonTemplate(size);
  const runs = Number(process.env.RUNS ?? 5);
  const { analyze, analyzeHost } = engine();
  const t = timeAll({
    policy: () => coldCache(() => analyze(policy)),
    json: () => coldCache(() => analyzeHost(json, { path: 'template.json' })),
    yaml: () => coldCache(() => analyzeHost(yaml, { path: 'template.yaml' })),
  }, runs);
  const r = analyzeHost(yaml, { path: 'template.yaml' });
  const j = analyzeHost(json, { path: 'template.json' });
  const show = (name: string) => `${t[name].wall.toFixed(0)} ms (${(t[name].wall / t.policy.wall).toFixed(2)}x; CPU ${t[name].cpu.toFixed(0)} ms, ${(t[name].cpu / t.policy.cpu).toFixed(2)}x)`;
  console.log(`medians of ${runs} interleaved warm runs`);
  console.log(`1 MB policy: ${t.policy.wall.toFixed(0)} ms (CPU ${t.policy.cpu.toFixed(0)} ms)`);
  console.log(`1 MB JSON template (${(json.length / 1024).toFixed(0)} KB, ${j.policies.length} policies): ${show('json')}`);
  console.log(`1 MB YAML template (${r.policies.length} policies, ${r.findings.length} findings): ${show('yaml')}`);
}
