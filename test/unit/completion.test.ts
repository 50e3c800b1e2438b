import { describe, it } from 'node:test';
import * as assert from 'node:assert/strict';
import { CompletionEntry, completionsAt } from '../../server/src/engine';
import { applyEdits } from '../../server/src/engine';

/** Completions at the `|` in `marked`. */
function at(marked: string) {
  const offset = marked.indexOf('|');
  const text = marked.slice(0, offset) + marked.slice(offset + 1);
  const list = completionsAt(text, offset);
  const labels = list.items.map((i) => i.label);
  const item = (label: string) => {
    const found = list.items.find((i) => i.label === label);
    assert.ok(found, `no item ${label}`);
    return found;
  };
  return { text, list, labels, item };
}

/** The text after accepting an item, with snippet tab stops reduced to their placeholder text. */
function accept(text: string, e: CompletionEntry): string {
  const plain = e.isSnippet ? e.insertText.replace(/\$\{\d+(?::([^}]*))?\}|\$\d+/g, (_m, p: string | undefined) => p ?? '') : e.insertText;
  return applyEdits(text, [{ range: e.range, newText: plain }]);
}

const stmt = (body: string) => `{"Version": "2012-10-17", "Statement": [{${body}}]}`;

describe('completion: element names', () => {
  it('offers the statement elements not yet present', () => {
    const { labels } = at(stmt('"Effect": "Allow", "Action": "s3:GetObject", |'));
    for (const name of ['Sid', 'Resource', 'NotResource', 'Condition', 'Principal']) assert.ok(labels.includes(name), name);
    assert.ok(!labels.includes('Effect'));
    assert.ok(!labels.includes('Action'));
  });

  it('completes a half-typed key and keeps the text after it', () => {
    const { text, item } = at('{"Statement": [{"Effect": "Allow", "Res|\n}]}');
    const e = item('Resource');
    assert.equal(text.slice(e.range.start, e.range.end), '"Res');
    const after = accept(text, e);
    assert.ok(after.includes('"Resource": ""\n}]}'), after);
  });

  it('inserts only the key when a colon already follows', () => {
    const { text, item } = at('{"Statement": [{"Eff|": "Allow"}]}');
    const e = item('Effect');
    assert.equal(accept(text, e), '{"Statement": [{"Effect": "Allow"}]}');
  });

  it('offers Version, Id and Statement at the top level, without those present', () => {
    const { labels } = at('{"Version": "2012-10-17", |}');
    assert.deepEqual(labels.sort(), ['Id', 'Statement']);
    assert.deepEqual(at('{|}').labels.sort(), ['Id', 'Statement', 'Version']);
  });
});

describe('completion: values', () => {
  it('offers Allow and Deny for Effect, replacing the whole string', () => {
    const { text, labels, item } = at(stmt('"Effect": "Al|low"'));
    assert.deepEqual(labels, ['Allow', 'Deny']);
    assert.equal(accept(text, item('Deny')), stmt('"Effect": "Deny"'));
  });

  it('offers the policy language version', () => {
    assert.ok(at('{"Version": "|", "Statement": []}').labels.includes('2012-10-17'));
  });
});

describe('completion: actions', () => {
  it('offers service prefixes first, as an incomplete list', () => {
    const { list, item } = at(stmt('"Effect": "Allow", "Action": "s|"'));
    assert.equal(list.isIncomplete, true);
    assert.equal(item('s3:').kind, 'service');
    assert.equal(item('connect:').detail, 'Amazon Connect');
  });

  it('offers the actions of the typed service with access level and description, on half-typed text', () => {
    const { text, list, item } = at('{"Statement": [{"Effect": "Allow", "Action": "s3:Get|');
    assert.ok(list.items.every((i) => i.kind === 'action' && i.label.startsWith('s3:')));
    const e = item('s3:GetObject');
    assert.equal(e.detail, 'Read');
    assert.match(e.documentation ?? '', /object/i);
    assert.equal(text.slice(e.range.start, e.range.end), '"s3:Get');
    assert.equal(accept(text, e), '{"Statement": [{"Effect": "Allow", "Action": "s3:GetObject"');
  });

  it('works inside an Action array', () => {
    const { item } = at(stmt('"Effect": "Allow", "Action": ["s3:GetObject", "connect:Associate|"]'));
    assert.equal(item('connect:AssociateInstanceStorageConfig').detail, 'Write');
  });
});

describe('completion: conditions', () => {
  const cond = (inner: string) => stmt(`"Effect": "Allow", "Action": "connect:AssociateInstanceStorageConfig", "Resource": "*", "Condition": ${inner}`);

  it('offers condition operators, without ones present', () => {
    const { labels, item } = at(cond('{"StringEquals": {}, "|"}'));
    assert.ok(labels.includes('StringLike'));
    assert.ok(labels.includes('ForAnyValue:StringEquals'));
    assert.ok(!labels.includes('StringEquals'));
    assert.match(item('StringEqualsIfExists').documentation ?? '', /IfExists/);
  });

  it('offers the keys of the statement\'s actions before the global keys', () => {
    const { list, item } = at(cond('{"StringEquals": {"|"}}'));
    const labels = list.items.slice().sort((a, b) => (a.sortText ?? '').localeCompare(b.sortText ?? '')).map((i) => i.label);
    assert.ok(labels.indexOf('connect:StorageResourceType') < labels.indexOf('aws:PrincipalArn'));
    assert.ok(labels.includes('aws:SourceIp'));
    assert.ok(!labels.some((l) => l.startsWith('s3:')));
    assert.equal(item('connect:StorageResourceType').detail, 'String');
  });

  it('leaves out keys already in the operator', () => {
    const { labels } = at(cond('{"StringEquals": {"connect:InstanceId": "x", "|"}}'));
    assert.ok(!labels.includes('connect:InstanceId'));
    assert.ok(labels.includes('connect:StorageResourceType'));
  });

  it('offers the 13 storage resource types, without the ones already listed', () => {
    assert.equal(at(cond('{"StringEquals": {"connect:StorageResourceType": "|"}}')).labels.length, 13);
    const { labels, item } = at(cond('{"StringEquals": {"connect:StorageResourceType": ["CALL_RECORDINGS", "|"]}}'));
    assert.equal(labels.length, 12);
    assert.ok(!labels.includes('CALL_RECORDINGS'));
    assert.match(item('MEDIA_STREAMS').documentation ?? '', /kms:CreateGrant/);
  });

  it('offers connect:AttributeType values', () => {
    assert.ok(at(cond('{"StringEquals": {"connect:AttributeType": "C|"}}')).labels.includes('CONTACT_LENS'));
  });
});

describe('completion: resources', () => {
  it('offers ARN templates of the actions\' resource types as snippets with tab stops', () => {
    const { item } = at(stmt('"Effect": "Allow", "Action": "connect:AssociateInstanceStorageConfig", "Resource": "|"'));
    const e = item('arn:aws:connect:region:account-id:instance/instance-id');
    assert.equal(e.isSnippet, true);
    assert.equal(e.insertText, '"arn:${1:aws}:connect:${2:region}:${3:account-id}:instance/${4:instance-id}"');
  });

  it('fills in the partition, Region and account the policy already uses', () => {
    const text = `{"Version": "2012-10-17", "Statement": [
      {"Effect": "Allow", "Action": "kinesis:DescribeStream", "Resource": "arn:aws-us-gov:kinesis:us-gov-west-1:111122223333:stream/ctr"},
      {"Effect": "Allow", "Action": "s3:GetBucketAcl", "Resource": ["|"]}]}`;
    const { item, labels } = at(text);
    assert.ok(labels.includes('arn:aws-us-gov:s3:::bucket-name'), labels.join());
    const ap = item('arn:aws-us-gov:s3:us-gov-west-1:111122223333:accesspoint/access-point-name');
    assert.equal(ap.insertText, '"arn:aws-us-gov:s3:us-gov-west-1:111122223333:accesspoint/${1:access-point-name}"');
  });
});

describe('completion: non-policy JSON', () => {
  it('offers nothing', () => {
    assert.deepEqual(at('{"name": "x", "version": "1.0.0", |}').list.items, []);
    assert.deepEqual(at('{"name": "x", "Effect": "|"}').list.items, []);
    assert.deepEqual(at('[|]').list.items, []);
  });
});
