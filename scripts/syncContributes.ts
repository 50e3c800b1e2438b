// Regenerates the parts of the extension's manifest that come from code, so they cannot drift:
// - snippets/connect-iam.code-snippets from client/src/templates.ts;
// - the `connectIam.rules` setting's list of rule IDs (with titles) from the engine's allRules;
// - schemas/iam-policy.schema.json and schemas/iam-policy.vscode.schema.json from policySchema.ts.
// `--check` only reports whether the files are up to date (exit 1 if not).
// Run by `npm run package`; run it by hand after adding a rule or changing a template.
import * as fs from 'fs';
import * as path from 'path';
import { allRules, ruleDocsUrl } from '../server/src/engine';
import { policyJson, statementsJson, TEMPLATES, toSnippet } from '../client/src/templates';
import { policySchema, vscodeSchema } from './policySchema';

const root = path.join(__dirname, '..');
const check = process.argv.includes('--check');
const SEVERITIES = ['off', 'error', 'warning', 'information', 'hint'];

export function snippetsFile(): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const t of TEMPLATES) {
    // Snippets use tabs: VS Code turns them into the editor's indentation on insertion.
    const fixed = { partition: 'aws' };
    out[`Connect IAM: ${t.label} (policy)`] = {
      scope: 'json,jsonc',
      prefix: t.snippetPrefix,
      description: `A whole IAM policy: ${t.detail.charAt(0).toLowerCase()}${t.detail.slice(1)}.`,
      body: toSnippet(policyJson(t, '\t'), t, fixed).split('\n'),
    };
    out[`Connect IAM: ${t.label} (statements)`] = {
      scope: 'json,jsonc',
      prefix: `${t.snippetPrefix}-statements`,
      description: `The statements only, for inside an existing "Statement" array: ${t.detail.charAt(0).toLowerCase()}${t.detail.slice(1)}.`,
      body: toSnippet(statementsJson(t, '\t'), t, fixed).split('\n'),
    };
  }
  return out;
}

export function ruleSettingProperties(): Record<string, unknown> {
  const props: Record<string, unknown> = {};
  for (const r of allRules) {
    props[r.id] = {
      type: 'string',
      enum: SEVERITIES,
      default: r.defaultSeverity,
      markdownDescription: `${r.title} (default: \`${r.defaultSeverity}\`; [docs](${ruleDocsUrl(r.id)}))`,
    };
  }
  return props;
}

function sync(file: string, update: (current: string) => string): boolean {
  const abs = path.join(root, file);
  const current = fs.existsSync(abs) ? fs.readFileSync(abs, 'utf8') : '';
  const next = update(current);
  if (next === current) return true;
  if (check) {
    console.error(`${file} is out of date: run node --import tsx scripts/syncContributes.ts`);
    return false;
  }
  fs.writeFileSync(abs, next);
  console.log(`updated ${file}`);
  return true;
}

const ok = [
  sync('schemas/iam-policy.schema.json', () => JSON.stringify(policySchema, null, 2) + '\n'),
  sync('schemas/iam-policy.vscode.schema.json', () => JSON.stringify(vscodeSchema(), null, 2) + '\n'),
  sync('snippets/connect-iam.code-snippets', () => JSON.stringify(snippetsFile(), null, '\t') + '\n'),
  sync('package.json', (current) => {
    const pkg = JSON.parse(current);
    const rules = pkg.contributes?.configuration?.properties?.['connectIam.rules'];
    if (!rules) throw new Error('package.json has no contributes.configuration.properties["connectIam.rules"]');
    rules.properties = ruleSettingProperties();
    // Keep npm's layout (2 spaces, final newline) so the diff shows only what changed.
    return JSON.stringify(pkg, null, 2) + '\n';
  }),
].every(Boolean);
process.exitCode = ok ? 0 : 1;
