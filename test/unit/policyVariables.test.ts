// Policy variables have one reader (reference/variables.ts): the syntax rule, the unknown-variable
// rule, the placeholder rule and the Resource matcher see the same `${…}` spans.
import { describe, it } from 'node:test';
import * as assert from 'node:assert/strict';
import { findingsOf, policy, rangeText } from '../helpers';
import { hasUnescapedWildcard, scanVariables, variableSpans } from '../../server/src/engine/reference/variables';
import { resourcePatternMatches } from '../../server/src/engine/reference/wildcard';

const res = (Resource: string) => policy({ Effect: 'Allow', Action: 's3:GetObject', Resource });

describe('policy variables: one reader', () => {
  it('reads name, default value, escapes and placeholders', () => {
    const text = "home/${aws:PrincipalTag/team, 'shared'}/${ aws:username }/${*}/${InstanceId}";
    assert.deepEqual(variableSpans(text).map((v) => [v.text, v.kind, v.name, text.slice(v.nameStart, v.nameStart + v.name.length), v.problem]), [
      ["${aws:PrincipalTag/team, 'shared'}", 'variable', 'aws:PrincipalTag/team', 'aws:PrincipalTag/team', undefined],
      ['${ aws:username }', 'variable', 'aws:username', 'aws:username', 'space'],
      ['${*}', 'special', '*', '*', undefined],
      ['${InstanceId}', 'placeholder', 'InstanceId', 'InstanceId', undefined],
    ]);
  });

  it('an unclosed variable runs to the end and is no variable for the other readers', () => {
    assert.deepEqual(scanVariables('a/${b}/${aws:username').map((v) => [v.text, v.problem]), [['${b}', undefined], ['${aws:username', 'unclosed']]);
    assert.deepEqual(variableSpans('a/${b}/${aws:username').map((v) => v.text), ['${b}']);
  });

  it('the syntax rule and the unknown-variable rule point at the same span', () => {
    const text = res('arn:aws:s3:::bucket/${aws:usernme }/*');
    const syntax = findingsOf(text, 'policy-variable-syntax');
    const unknown = findingsOf(text, 'unknown-policy-variable');
    assert.equal(syntax.length, 1);
    assert.equal(unknown.length, 1);
    assert.equal(rangeText(text, syntax[0]), '${aws:usernme }');
    assert.equal(rangeText(text, unknown[0]), rangeText(text, syntax[0]));
  });

  it('escapes are literal characters for the matcher and for the wildcard rules', () => {
    assert.equal(resourcePatternMatches('arn:aws:s3:::b/${*}', 'arn:aws:s3:::b/*'), true);
    assert.equal(resourcePatternMatches('arn:aws:s3:::b/${*}', 'arn:aws:s3:::b/x'), false);
    assert.equal(hasUnescapedWildcard('a${*}b${?}'), false);
    assert.equal(hasUnescapedWildcard('a${*}b*'), true);
  });
});
