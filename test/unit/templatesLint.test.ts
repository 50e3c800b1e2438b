// Every policy the extension writes (the insert commands' templates, whole or merged into a
// policy, and every contributed snippet) draws no error and no warning from our own rules once
// its fields hold real values.
import { describe, it } from 'node:test';
import * as assert from 'node:assert/strict';
import { analyze } from '../../server/src/engine';
import { planInsertion, valuesFromPolicy } from '../../client/src/insertPlan';
import { FieldValues, PolicyTemplate, TEMPLATES, placeholderText } from '../../client/src/templates';
import { readFixture } from '../helpers';

/** Real-looking values (the account is not one of AWS's documentation examples). */
const VALUES: FieldValues = { partition: 'aws', region: 'eu-west-2', account: '480219637511', instanceId: '6a1b2c3d-1234-4abc-9def-0123456789ab', resourceName: 'acme-contact-records', keyId: '1234abcd-12ab-34cd-56ef-1234567890ab' };

/** A real-looking name for the template's resource: a Lex V2 alias is bot ID / alias ID, an
 *  assistant a UUID, anything else a plain name. */
function resourceNameFor(template: PolicyTemplate): string {
  if (template.resourceName.includes('/')) return 'ABCDEFGHIJ/TSTALIASID';
  if (template.resourceName.endsWith('-id')) return '0c1d2e3f-4a5b-4c6d-8e7f-901234567890';
  return VALUES.resourceName!;
}

/** Snippet text with every tab stop resolved: a value for each named field, a choice's first
 *  option, and literal text unescaped. */
function resolveSnippet(snippet: string, byPlaceholder: Record<string, string>): string {
  return snippet
    .replace(/\$\{\d+\|([^,|]+)[^|]*\|\}/g, (_, first: string) => first)
    .replace(/\$\{(\d+):([^}]*)\}/g, (_, n: string, text: string) => {
      byPlaceholder[n] = byPlaceholder[text] ?? text;
      return byPlaceholder[n];
    })
    .replace(/\$\{?(\d+)\}?/g, (_, n: string) => byPlaceholder[n] ?? '')
    .replace(/\\([\\$}])/g, '$1');
}

function problems(text: string): string[] {
  JSON.parse(text); // strict JSON
  return analyze(text).findings.filter((f) => f.severity === 'error' || f.severity === 'warning').map((f) => `${f.ruleId}: ${f.message}`);
}

const LAYOUT = { unit: '  ', eol: '\n' };

describe('what the extension inserts passes its own rules', () => {
  for (const template of TEMPLATES) {
    const storage = template.storageTypes?.[0];
    const values = { ...VALUES, resourceName: resourceNameFor(template), ...(storage ? { storageType: storage } : {}) };

    it(`${template.label}: the whole policy, filled from an instance ARN`, () => {
      const plan = planInsertion('', template, values, LAYOUT);
      assert.equal(plan.kind, 'whole');
      assert.deepEqual(problems(resolveSnippet((plan as { snippet: string }).snippet, {})), []);
    });

    it(`${template.label}: merged into a policy, with the values the policy names`, () => {
      const host = readFixture('test', 'fixtures', 'seed-real', 's3-call-recordings.policy.json');
      const known = valuesFromPolicy(host);
      const plan = planInsertion(host, template, { ...known, resourceName: resourceNameFor(template), keyId: VALUES.keyId, ...(storage ? { storageType: storage } : {}) }, LAYOUT);
      assert.equal(plan.kind, 'merge');
      const p = plan as { range: { start: number; end: number }; snippet: string };
      const text = host.slice(0, p.range.start) + resolveSnippet(p.snippet, {}) + host.slice(p.range.end);
      assert.deepEqual(problems(text), []);
    });
  }

  it('every contributed snippet, with its fields typed in', () => {
    const snippets = JSON.parse(readFixture('snippets', 'connect-iam.code-snippets')) as Record<string, { prefix: string; body: string[] }>;
    const typed: Record<string, string> = {};
    for (const t of TEMPLATES) {
      for (const name of ['partition', 'region', 'account', 'instanceId', 'keyId'] as const) typed[placeholderText(name, t)] = VALUES[name]!;
      typed[placeholderText('resourceName', t)] = resourceNameFor(t);
    }
    for (const [name, s] of Object.entries(snippets)) {
      const body = s.body.join('\n');
      const text = s.prefix.endsWith('-statements') ? `{"Version": "2012-10-17", "Statement": [\n${resolveSnippet(body, { ...typed })}\n]}` : resolveSnippet(body, { ...typed });
      assert.ok(text.includes(VALUES.account!) && !text.includes('account-id'), `${name}: fields not typed in`);
      assert.deepEqual(problems(text), [], name);
    }
  });
});
