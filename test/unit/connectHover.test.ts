// The hover on a Connect action says what else must be allowed, from the same table as the rules
// (connect/dependencies.ts through services/connectInfo.ts).
import { describe, it } from 'node:test';
import * as assert from 'node:assert/strict';
import { hoverAt } from '../../server/src/engine';
import { policy } from '../helpers';
import { allow, INSTANCE } from './connectHelpers';

function hoverOnAction(action: string, resource = INSTANCE): string {
  const text = policy(allow(action, resource));
  const h = hoverAt(text, text.indexOf(`"${action}"`) + 1);
  assert.ok(h, `no hover on ${action}`);
  return h.contents;
}

describe('connect: hover on a Connect action', () => {
  it('lists the required permissions of CreateInstance and what applies only in some cases', () => {
    const h = hoverOnAction('connect:CreateInstance', '*');
    assert.match(h, /Amazon Connect: for this call to succeed, also allow/);
    assert.match(h, /- `ds:CheckAlias`, `ds:CreateDirectory`, `ds:CreateIdentityPoolDirectory` and `ds:DescribeDirectories` on `\*`/);
    assert.match(h, /`iam:CreateServiceLinkedRole` and `iam:PutRolePolicy` on the Amazon Connect service-linked role/);
    assert.match(h, /if needed: `logs:CreateLogGroup` on the Connect log group .* — if flow logs are turned on/);
  });

  it('shows the options of a choice: Lex V2 or V1 for AssociateBot, the attribute for UpdateInstanceAttribute', () => {
    const bot = hoverOnAction('connect:AssociateBot');
    assert.match(bot, /one bot version's permissions: for a Lex V2 bot: `lex:CreateResourcePolicy`.*bot-alias\/\$\{BotId\}\/\$\{BotAliasId\}.* · for a Lex V1 bot: `lex:GetBot`/);
    const attr = hoverOnAction('connect:UpdateInstanceAttribute');
    assert.match(attr, /depending on the instance attribute \(the statement's `connect:AttributeType` condition tells which\): for flow logs \(CONTACTFLOW_LOGS\): `logs:CreateLogGroup`/);
  });

  it('names the source of each line, and says nothing for actions that need nothing else', () => {
    assert.match(hoverOnAction('connect:CreatePrompt'), /`s3:GetObject` and `s3:GetObjectAcl` on the S3 objects .*_\(reference, Dec 2025, CloudFormation\)_/);
    assert.doesNotMatch(hoverOnAction('connect:AssociateApprovedOrigin'), /for this call to succeed/);
  });
});
