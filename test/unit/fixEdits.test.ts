import { describe, it } from 'node:test';
import * as assert from 'node:assert/strict';
import { applyEdits, parsePolicy } from '../../server/src/engine';
import { addStatementEdits } from '../../server/src/engine/fixes/edits';

const added = { Sid: 'New', Effect: 'Allow', Action: 's3:GetBucketAcl', Resource: 'arn:aws:s3:::b' };

function add(text: string): string {
  const edits = addStatementEdits(parsePolicy(text), added);
  assert.ok(edits, 'expected edits');
  return applyEdits(text, edits);
}

describe('addStatementEdits', () => {
  it('appends to a multi-line Statement array with the same indentation', () => {
    const text = '{\n    "Version": "2012-10-17",\n    "Statement": [\n        {\n            "Effect": "Allow",\n            "Action": "s3:ListAllMyBuckets",\n            "Resource": "*"\n        }\n    ]\n}\n';
    const out = add(text);
    const parsed = JSON.parse(out);
    assert.equal(parsed.Statement.length, 2);
    assert.deepEqual(parsed.Statement[1], added);
    assert.match(out, /\n        \{\n            "Sid": "New",/);
    assert.ok(out.startsWith(text.slice(0, text.indexOf('        }') + 9)), 'existing text kept as is');
  });

  it('wraps a single Statement object into an array', () => {
    const text = '{\n  "Version": "2012-10-17",\n  "Statement": {\n    "Effect": "Allow",\n    "Action": "s3:ListAllMyBuckets",\n    "Resource": "*"\n  }\n}';
    const parsed = JSON.parse(add(text));
    assert.equal(parsed.Statement.length, 2);
    assert.equal(parsed.Statement[0].Action, 's3:ListAllMyBuckets');
  });

  it('keeps CRLF line ends and one-line arrays', () => {
    const crlf = '{\r\n  "Version": "2012-10-17",\r\n  "Statement": [\r\n    {"Effect": "Allow", "Action": "s3:ListAllMyBuckets", "Resource": "*"}\r\n  ]\r\n}';
    const out = add(crlf);
    assert.equal(out.replace(/\r\n/g, '').includes('\n'), false);
    assert.equal(JSON.parse(out).Statement.length, 2);
    const oneLine = '{"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": "s3:ListAllMyBuckets", "Resource": "*"}]}';
    assert.equal(JSON.parse(add(oneLine)).Statement.length, 2);
  });

  it('fills an empty Statement array', () => {
    assert.equal(JSON.parse(add('{"Version": "2012-10-17", "Statement": []}')).Statement.length, 1);
  });
});
