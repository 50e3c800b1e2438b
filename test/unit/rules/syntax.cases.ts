// Harness cases of the JSON syntax rules (server/src/engine/rules/syntax).
import { CaseTable } from '../../ruleTester';

const base = '{\n  "Version": "2012-10-17",\n  "Statement": [{"Effect": "Allow", "Action": "s3:ListAllMyBuckets", "Resource": "*"}]\n}';
const statement = (s: string) => `{"Version": "2012-10-17", "Statement": [${s}]}`;

export const syntaxCases: CaseTable = {
  'json-syntax': {
    valid: [
      base,
      { name: 'brackets inside strings and comments are not nesting', text: `{"Version": "2012-10-17", /* ${'['.repeat(500)} */ "Statement": [{"Sid": "${'['.repeat(500)}", "Effect": "Allow", "Action": "s3:GetObject", "Resource": "*"}]}` },
      { name: 'a trailing comma is the trailing-comma rule’s', text: base.replace('"*"}', '"*",}') },
    ],
    invalid: [
      { name: 'a missing comma', text: base.replace('"Effect": "Allow",', '"Effect": "Allow"'), findings: [{ text: '"Action"', message: 'A comma is expected here.' }], output: null },
      { name: 'nesting too deep is reported, not a stack overflow', text: '{"Statement": ' + '['.repeat(5000) + ']'.repeat(5000) + '}', findings: [{ text: '[', at: '1:214', message: 'The JSON nests more than 200 levels deep here; no IAM policy does, so the document is not analysed.' }], output: null },
      { name: 'an error at the end of the text stays inside it', text: '{"Statement": [', findings: [{ text: '', at: '1:16', message: 'A closing bracket ] is expected.' }], output: null },
      { name: 'a comma before a closer of the other kind (found by the fuzz test)', text: statement('{"Effect": "Allow", "Action": ["s3:GetObject",}\n"s3:PutObject"], "Resource": "*"}'), findings: [{ text: '}', message: 'A value is expected here.' }], output: null },
      { name: 'a comma after a colon is a missing value', text: '{"Statement": [{"Effect":,}]}', findings: [{ text: ',', message: 'A value is expected here.' }], output: null },
      { name: 'a comma after an opening bracket is a missing value', text: '{"Statement": [,]}', findings: [{ text: ',', message: 'A value is expected here.' }], output: null },
    ],
  },
  'json-comment': {
    valid: [base, { name: 'comment marks inside a string', text: statement('{"Sid": "a // b /* c */", "Effect": "Allow", "Action": "s3:GetObject", "Resource": "*"}') }],
    invalid: [
      {
        name: 'a line comment',
        text: base.replace('"Version"', '// recordings\n  "Version"'),
        findings: [{ text: '// recordings', message: 'IAM rejects comments: policies are strict JSON.' }],
        output: base.replace('"Version"', '\n  "Version"'),
      },
      {
        name: 'a block comment',
        text: base.replace('"Effect"', '/* why */ "Effect"'),
        findings: [{ text: '/* why */', message: 'IAM rejects comments: policies are strict JSON.' }],
        output: base.replace('"Effect"', ' "Effect"'),
      },
    ],
  },
  'json-trailing-comma': {
    valid: [base, { name: 'a comma after a colon is a missing value, not a trailing comma', text: '{"Statement": [{"Effect":,}]}' }, { text: '{"Statement": [,]}' },
      { name: 'a comma before a closer of the other kind is a syntax error', text: statement('{"Effect": "Allow", "Action": ["s3:GetObject",}\n"s3:PutObject"], "Resource": "*"}') },
    ],
    invalid: [
      { text: base.replace('"*"}', '"*",}'), findings: [{ text: ',', message: 'Trailing comma: IAM policies are strict JSON.' }], output: base },
      { name: 'a run of commas is one finding', text: base.replace('"*"}', '"*",, /* two */ ,}'), findings: [{ text: ',, /* two */ ,', message: '3 commas before a closing bracket' }], output: base.replace('"*"}', '"*" /* two */ }') },
    ],
  },
  'json-duplicate-key': {
    valid: [base, { name: 'the same statement twice is no duplicate key', text: statement('{"Effect": "Allow", "Action": "s3:GetObject", "Resource": "*"}, {"Effect": "Allow", "Action": "s3:GetObject", "Resource": "*"}') }],
    invalid: [
      { name: 'the second key is reported', text: base.replace('"Resource": "*"', '"Resource": "*", "Resource": "arn:aws:s3:::b"'), findings: [{ text: '"Resource"', at: '3:87', message: 'Duplicate key "Resource": IAM rejects a policy with duplicate keys.', related: ['"Resource"'] }], output: null },
    ],
  },
};
