// Lambda functions associated with Amazon Connect: the scope and the ARNs of lambda:AddPermission.
import { describe, it } from 'node:test';
import * as assert from 'node:assert/strict';
import { findingsOf, policy, rangeText } from '../helpers';
import { ACCOUNT, allow, fixed, FUNCTION, INSTANCE, only } from './connectHelpers';

const associate = (...resources: string[]) => policy(allow(['connect:AssociateLambdaFunction', 'lambda:AddPermission'], [INSTANCE, ...resources]));

describe('connect-lambda-permission-broad', () => {
  it('reports lambda:AddPermission on every function', () => {
    const text = associate(`arn:aws:lambda:us-east-1:${ACCOUNT}:function:*`);
    const f = only(text, 'connect-lambda-permission-broad');
    assert.equal(f.severity, 'warning');
    assert.equal(rangeText(text, f), `"arn:aws:lambda:us-east-1:${ACCOUNT}:function:*"`);
  });

  it('reports lambda:AddPermission on *', () => {
    const text = policy(allow('connect:AssociateLambdaFunction', INSTANCE), allow('lambda:AddPermission', '*'));
    assert.equal(rangeText(text, only(text, 'connect-lambda-permission-broad')), '"*"');
  });

  it('stays silent on named functions, on prefixes, and without Connect', () => {
    assert.deepEqual(findingsOf(associate(FUNCTION, `arn:aws:lambda:us-east-1:${ACCOUNT}:function:connect-*`), 'connect-lambda-permission-broad'), []);
    assert.deepEqual(findingsOf(policy(allow('lambda:AddPermission', '*')), 'connect-lambda-permission-broad'), []);
  });
});

describe('connect-lambda-arn-missing-function', () => {
  it('reports a function ARN without `function:` and inserts it', () => {
    const text = associate(`arn:aws:lambda:us-east-1:${ACCOUNT}:my-contact-lookup`);
    const f = only(text, 'connect-lambda-arn-missing-function');
    assert.equal(f.severity, 'error');
    assert.equal(rangeText(text, f), 'my-contact-lookup');
    const after = fixed(text, f);
    assert.deepEqual(findingsOf(after, 'connect-lambda-arn-missing-function'), []);
    assert.match(after, /:function:my-contact-lookup"/);
  });

  it('stays silent on function, layer and wildcard ARNs', () => {
    const text = associate(FUNCTION, `${FUNCTION}:prod`, `arn:aws:lambda:us-east-1:${ACCOUNT}:layer:deps`, `arn:aws:lambda:*:${ACCOUNT}:*`);
    assert.deepEqual(findingsOf(text, 'connect-lambda-arn-missing-function'), []);
  });
});

describe('connect-lambda-unqualified-arn', () => {
  it('notes that an unqualified function ARN does not cover its aliases, and adds the qualified ARN', () => {
    const text = associate(FUNCTION);
    const f = only(text, 'connect-lambda-unqualified-arn');
    assert.equal(f.severity, 'information');
    assert.equal(rangeText(text, f), 'connect-lookup');
    const after = fixed(text, f);
    assert.deepEqual(findingsOf(after, 'connect-lambda-unqualified-arn'), []);
    assert.deepEqual(JSON.parse(after).Statement[0].Resource, [INSTANCE, FUNCTION, `${FUNCTION}:*`]);
  });

  it('keeps the note when the Region and account are wildcards (as in the seed)', () => {
    const text = associate('arn:aws:lambda:*:*:function:connect-lookup');
    assert.equal(rangeText(text, only(text, 'connect-lambda-unqualified-arn')), 'connect-lookup');
  });

  it('turns a single Resource into a list when adding the qualified ARN', () => {
    const text = policy(allow('connect:AssociateLambdaFunction', INSTANCE), allow('lambda:AddPermission', FUNCTION));
    const after = fixed(text, only(text, 'connect-lambda-unqualified-arn'));
    assert.deepEqual(JSON.parse(after).Statement[1].Resource, [FUNCTION, `${FUNCTION}:*`]);
  });

  it('stays silent on qualified ARNs and wildcards', () => {
    assert.deepEqual(findingsOf(associate(`${FUNCTION}:prod`, `arn:aws:lambda:us-east-1:${ACCOUNT}:function:other*`), 'connect-lambda-unqualified-arn'), []);
  });
});
