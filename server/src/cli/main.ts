#!/usr/bin/env node
// `connect-iam-lint`: lints IAM policy files from the command line. This module only wires the
// parts together (arguments → files → engine → formatter) and decides the exit code.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { isMainThread } from 'node:worker_threads';
import { allRules, dataVersion, docsBase, loadHclParser } from '../engine';
import { version as packageVersion } from '../../../package.json';
import { CliOptions, HELP, parseCliArgs, UsageError } from './args';
import { escapeControl } from './escape';
import { describeIoError, expandPaths, InputFileError, readStdin } from './files';
import { formatJson } from './formatters/json';
import { formatSarif } from './formatters/sarif';
import { formatText } from './formatters/text';
import { LintRun, lintOperands, lintStdin } from './lint';
import { lintOperandsInParallel, threadCount } from './parallel';
import { isTerraform } from './terraform';
import { tuneTiering } from './tiering';
import { countBySeverity, errorsOnly, EXIT_OK, EXIT_USAGE_OR_IO, exitCode, LintResult } from './results';

const TOOL_NAME = 'connect-iam-lint';

/** Everything the CLI touches outside the file system: tests pass their own and run it in-process. */
export interface Io {
  cwd: string;
  env: NodeJS.ProcessEnv;
  stdoutIsTty: boolean;
  stdout(text: string): void;
  stderr(text: string): void;
  /** Standard input, read only with `--stdin` (a process's `process.stdin`, a test's Readable). */
  stdin?: AsyncIterable<Buffer | string>;
}

/** The whole command line; resolves to the exit code (it never calls process.exit). */
export async function run(argv: readonly string[], io: Io): Promise<number> {
  let options: CliOptions;
  try {
    options = parseCliArgs(argv);
  } catch (err) {
    if (!(err instanceof UsageError)) throw err;
    io.stderr(`${TOOL_NAME}: ${escapeControl(err.message)}\nRun "${TOOL_NAME} --help" for usage.\n`);
    return EXIT_USAGE_OR_IO;
  }
  if (options.help) {
    io.stdout(HELP);
    return EXIT_OK;
  }
  if (options.version) {
    const data = dataVersion();
    io.stdout(`${TOOL_NAME} ${packageVersion} (AWS reference data ${data.version}, ${data.date})\n`);
    return EXIT_OK;
  }

  const lintOptions = { rules: options.rules, fix: options.fix };
  let linted: LintRun;
  let inputProblems: string[] = [];
  if (options.stdin) {
    if (options.stdinFilename !== undefined && isTerraform(options.stdinFilename)) await loadHclParser();
    linted = await lintStandardInput(options, lintOptions, io);
  } else {
    const expanded = expandPaths(options.paths, io.cwd);
    inputProblems = expanded.problems;
    if (expanded.operands.some((o) => o.files.some(isTerraform))) await loadHclParser();
    // Many files: on several threads (the same report, see parallel.ts); --fix writes files and
    // stays on this one.
    const files = expanded.operands.reduce((n, o) => n + o.files.length, 0);
    const threads = options.fix ? 1 : threadCount(files, io.env);
    linted = threads > 1 ? await lintOperandsInParallel(expanded.operands, lintOptions, io.cwd, threads) : lintOperands(expanded.operands, lintOptions, io.cwd);
  }
  const problems = [...inputProblems, ...linted.problems];
  if (linted.results.length === 0 && problems.length === 0) {
    // Only named files that are not policies: nothing was checked, which must not pass as clean.
    problems.push('No IAM policy was linted.');
  }

  const counts = countBySeverity(linted.results);
  const shown = options.quiet ? errorsOnly(linted.results) : linted.results;
  const report = format(shown, options, io, problems);
  if (options.output) {
    try {
      fs.writeFileSync(path.resolve(io.cwd, options.output), report);
    } catch (err) {
      problems.push(`${options.output}: cannot write the report (${(err as Error).message}).`);
    }
  } else if (report) {
    io.stdout(report);
  }

  // Notes and problems name files and arguments: escaped like the report.
  for (const note of linted.notes) io.stderr(`${TOOL_NAME}: note: ${escapeControl(note)}\n`);
  for (const problem of problems) io.stderr(`${TOOL_NAME}: error: ${escapeControl(problem)}\n`);
  if (options.maxWarnings !== undefined && counts.warning > options.maxWarnings) {
    io.stderr(`${TOOL_NAME}: ${counts.warning} warning(s), more than --max-warnings ${options.maxWarnings} allows.\n`);
  }
  return exitCode(counts, { maxWarnings: options.maxWarnings, inputProblems: problems.length });
}

async function lintStandardInput(options: CliOptions, lintOptions: Parameters<typeof lintStdin>[2], io: Io): Promise<LintRun> {
  const name = options.stdinFilename;
  const shown = name ?? 'standard input';
  try {
    if (!io.stdin) throw new InputFileError('no standard input');
    const read = await readStdin(io.stdin);
    return lintStdin(read, name === undefined ? undefined : path.resolve(io.cwd, name), lintOptions, io.cwd);
  } catch (err) {
    const why = err instanceof InputFileError ? err.message : `cannot be read (${describeIoError(err)})`;
    return { results: [], notes: [], problems: [`${shown}: not linted: ${why}.`] };
  }
}

function format(results: LintResult[], options: CliOptions, io: Io, problems: readonly string[]): string {
  switch (options.format) {
    case 'json':
      return formatJson(results);
    case 'sarif':
      return formatSarif(results, {
        rules: allRules,
        toolName: TOOL_NAME,
        toolVersion: packageVersion,
        docsBase: docsBase(options.docsBaseUrl),
        cwd: io.cwd,
        problems,
      });
    case 'text': {
      // Colour only for a person at a terminal (https://no-color.org: any non-empty NO_COLOR).
      const color = io.stdoutIsTty && !options.output && !io.env.NO_COLOR;
      return formatText(results, { color, cwd: io.cwd });
    }
  }
}

// In a worker thread the bundle is loaded again to lint (parallel.ts): not as the command.
if (require.main === module && isMainThread) {
  // A closed pipe (`connect-iam-lint … | head`) is not an error worth a stack trace.
  process.stdout.on('error', (err: NodeJS.ErrnoException) => {
    if (err.code !== 'EPIPE') throw err;
  });
  tuneTiering();
  runAsCommand(process.argv.slice(2));
}

/** Run with this process's streams and environment; the exit code becomes the process's. */
export function runAsCommand(argv: string[]): void {
  void run(argv, {
    cwd: process.cwd(),
    env: process.env,
    stdoutIsTty: !!process.stdout.isTTY,
    stdout: (text) => process.stdout.write(text),
    stderr: (text) => process.stderr.write(text),
    stdin: process.stdin,
  }).then((code) => {
    process.exitCode = code;
  });
}
