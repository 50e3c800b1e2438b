// Shared by the CLI tests: run the command line in-process through its `run()` (fast: one engine
// load for every test) or, for the few end-to-end checks, as a real child process through tsx; and
// check a SARIF log's structure the way a code-scanning uploader does (SARIF 2.1.0 required
// properties, plus resolvable rule indexes, relative forward-slash URIs and 1-based regions).
import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as path from 'node:path';
import { Readable } from 'node:stream';
import { pathToFileURL } from 'node:url';
import type * as Sarif from 'sarif';
import { ROOT } from '../helpers';
import { run } from '../../server/src/cli/main';

export const CLI_MAIN = path.join(ROOT, 'server', 'src', 'cli', 'main.ts');
// tsx by absolute URL, so the CLI can run with any working directory.
const TSX = pathToFileURL(require.resolve('tsx')).href;

export interface CliRun {
  status: number | null;
  stdout: string;
  stderr: string;
}

export interface RunOptions {
  cwd?: string;
  env?: NodeJS.ProcessEnv;
  /** What standard input holds (nothing: an empty stream). */
  stdin?: string | Buffer;
  /** Whether standard output is a terminal (in-process only). */
  tty?: boolean;
}

/** The CLI in this process, with its own standard streams; `status` is the exit code. */
export async function runCliHere(args: string[], opts: RunOptions = {}): Promise<CliRun> {
  let stdout = '';
  let stderr = '';
  const status = await run(args, {
    cwd: opts.cwd ?? ROOT,
    env: opts.env ?? {},
    stdoutIsTty: opts.tty ?? false,
    stdout: (t) => void (stdout += t),
    stderr: (t) => void (stderr += t),
    stdin: Readable.from(opts.stdin === undefined ? [] : [typeof opts.stdin === 'string' ? Buffer.from(opts.stdin) : opts.stdin]),
  });
  return { status, stdout, stderr };
}

/** The CLI as a child process (end-to-end: the bin's shebang, a real pipe, the process's exit code). */
export function runCli(args: string[], opts: RunOptions = {}): CliRun {
  const r = spawnSync(process.execPath, ['--import', TSX, CLI_MAIN, ...args], {
    cwd: opts.cwd ?? ROOT,
    env: { ...process.env, ...opts.env },
    encoding: 'utf8',
    input: opts.stdin,
  });
  if (r.error) throw r.error;
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

const LEVELS = ['none', 'note', 'warning', 'error'];

function assertRegion(region: Sarif.Region | undefined, where: string): void {
  assert.ok(region, `${where}: region missing`);
  for (const key of ['startLine', 'startColumn', 'endLine', 'endColumn'] as const) {
    assert.ok(Number.isInteger(region[key]) && region[key]! >= 1, `${where}: region.${key} must be an integer >= 1`);
  }
  const ordered = region.endLine! > region.startLine! || (region.endLine === region.startLine && region.endColumn! >= region.startColumn!);
  assert.ok(ordered, `${where}: region ends before it starts`);
}

function assertPhysicalLocation(run: Sarif.Run, loc: Sarif.PhysicalLocation | undefined, where: string): void {
  const artifact = loc?.artifactLocation;
  assert.equal(typeof artifact?.uri, 'string', `${where}: artifactLocation.uri missing`);
  assert.ok(!artifact!.uri!.includes('\\'), `${where}: URIs use forward slashes`);
  if (artifact!.uriBaseId !== undefined) {
    assert.ok(!/^[a-z]+:|^\//i.test(artifact!.uri!), `${where}: a URI with uriBaseId must be relative`);
    const base = run.originalUriBaseIds?.[artifact!.uriBaseId];
    assert.ok(base?.uri?.endsWith('/'), `${where}: uriBaseId ${artifact!.uriBaseId} must be defined with a URI ending in /`);
  }
  assertRegion(loc!.region, where);
}

export function assertValidSarif(log: Sarif.Log): void {
  assert.equal(log.version, '2.1.0');
  assert.match(log.$schema ?? '', /sarif-2\.1\.0(-rtm\.\d+)?\.json$/);
  assert.ok(Array.isArray(log.runs) && log.runs.length > 0, 'runs must be a non-empty array');
  for (const run of log.runs) {
    const driver = run.tool?.driver;
    assert.equal(typeof driver?.name, 'string', 'tool.driver.name is required');
    assert.ok(driver.version, 'tool.driver.version');
    if (driver.informationUri !== undefined) assert.ok(/^(https|file):$/.test(new URL(driver.informationUri).protocol), 'tool.driver.informationUri');
    const rules = driver.rules ?? [];
    assert.equal(new Set(rules.map((r) => r.id)).size, rules.length, 'rule ids must be unique');
    for (const rule of rules) {
      assert.equal(typeof rule.id, 'string');
      assert.ok(rule.shortDescription?.text, `rule ${rule.id}: shortDescription.text`);
      if (rule.helpUri !== undefined) assert.ok(/^(https|file):$/.test(new URL(rule.helpUri).protocol), `rule ${rule.id}: helpUri`);
      if (rule.defaultConfiguration?.level !== undefined) assert.ok(LEVELS.includes(rule.defaultConfiguration.level));
    }
    assert.ok(Array.isArray(run.results), 'run.results must be an array');
    run.results!.forEach((result, i) => {
      const where = `result ${i} (${result.ruleId})`;
      assert.ok(result.message?.text, `${where}: message.text is required`);
      assert.equal(typeof result.ruleId, 'string', `${where}: ruleId`);
      assert.ok(Number.isInteger(result.ruleIndex), `${where}: ruleIndex`);
      assert.equal(rules[result.ruleIndex!]?.id, result.ruleId, `${where}: ruleIndex must point at its rule`);
      assert.ok(LEVELS.includes(result.level!), `${where}: level`);
      assert.ok(result.locations?.length, `${where}: locations`);
      for (const loc of result.locations!) assertPhysicalLocation(run, loc.physicalLocation, where);
      for (const rel of result.relatedLocations ?? []) {
        assert.ok(rel.message?.text, `${where}: related location message`);
        assertPhysicalLocation(run, rel.physicalLocation, `${where} related`);
      }
    });
  }
}
