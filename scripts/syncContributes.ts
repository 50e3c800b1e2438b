// Regenerates the parts of the extension's manifest that come from code (scripts/contributes.ts),
// so they cannot drift: the snippets, the JSON schemas, and the `connectIam.rules` setting's list
// of rule IDs. `--check` only reports whether the files are up to date (exit 1 if not).
// Run by `npm run package`; run it by hand after adding a rule or changing a template.
import * as fs from 'fs';
import * as path from 'path';
import { generatedFiles, ruleSettingProperties } from './contributes';

const root = path.join(__dirname, '..');
const check = process.argv.includes('--check');

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
  ...Object.entries(generatedFiles()).map(([file, content]) => sync(file, () => content)),
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
