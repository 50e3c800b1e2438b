import { parsePolicy } from '../server/src/engine';
import { allRules } from '../server/src/engine/rules';
const stmts = [];
for (let i = 0; i < 4000; i++) stmts.push({ Sid: `S${i}`, Effect: 'Allow', Action: ['s3:GetObject', 's3:PutObject'], Resource: [`arn:aws:s3:::bucket-${i}/*`], Condition: { StringEquals: { 'aws:SourceAccount': '111122223333' } } });
const text = JSON.stringify({ Version: '2012-10-17', Statement: stmts }, null, 2);
const doc = parsePolicy(text);
console.log(text.length);
const times: [string, number][] = [];
for (const r of allRules) r.check({ doc, report: () => {} });
for (const r of allRules) { const t = performance.now(); r.check({ doc, report: () => {} }); times.push([r.id, performance.now() - t]); }
times.sort((a, b) => b[1] - a[1]); console.log(times.slice(0, 12).map(([a, b]) => `${a} ${b.toFixed(0)}`).join('\n'));
