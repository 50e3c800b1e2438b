// Command-line parsing and validation. Node's `util.parseArgs` does the parsing; this module turns
// its loose strings into checked options and reports every mistake as a UsageError (exit code 2).
import { parseArgs } from 'node:util';
import { allRules, closestMatch, ruleById, RuleSetting } from '../engine';
import type { FixMode } from './fix';

export const FORMATS = ['text', 'json', 'sarif'] as const;
export type Format = (typeof FORMATS)[number];

/** The levels `--rule` accepts: the editor's. A `hint` is reported (JSON, SARIF "note", text) but,
 *  like information, never fails the run. */
const RULE_LEVELS: readonly RuleSetting[] = ['off', 'error', 'warning', 'information', 'hint'];

export interface CliOptions {
  /** Files, directories and globs, in the order given (none with `--stdin`). */
  paths: string[];
  /** `--fix` writes the fixed files; `--fix-dry-run` puts the fixed text in the JSON report. */
  fix?: FixMode;
  /** `--stdin`: lint the document on standard input instead of files. */
  stdin: boolean;
  /** `--stdin-filename`: the name standard input stands for (decides the kind of document). */
  stdinFilename?: string;
  format: Format;
  /** Exit with 1 when there are more warnings than this; undefined = no limit. */
  maxWarnings?: number;
  rules: Record<string, RuleSetting>;
  quiet: boolean;
  output?: string;
  /** Where the rule pages are published (`<base><ruleId>.md`); default: the installed copy. */
  docsBaseUrl?: string;
  help: boolean;
  version: boolean;
}

export class UsageError extends Error {}

export const HELP = `Usage: connect-iam-lint [options] <file|directory|glob>...
       connect-iam-lint [options] --stdin [--stdin-filename <path>]

Lints AWS IAM policy documents (JSON) offline, with knowledge of what Amazon Connect needs, also
inside CloudFormation/SAM/Serverless templates (JSON, YAML) and Terraform files.
Directories are searched recursively for *.json, *.yaml, *.yml, *.template and *.tf files
(node_modules and .git are skipped); files found there that hold no IAM policy are skipped
quietly, *.json files that are not valid JSON with a note.
Quote globs so the linter, not the shell, expands them: 'policies/**/*.json'.

Options:
  -f, --format <text|json|sarif>   Output format (default: text)
      --max-warnings <n>           Exit with 1 when there are more than n warnings
      --rule <id>=<level>          Set a rule's level: off, error, warning, information or
                                   hint (repeatable)
      --fix                        Apply the safe fixes to the files (the editor's "Fix all"),
                                   then report the problems that remain
      --fix-dry-run                Fix without writing: the JSON report holds each fixed text
                                   as "output"
      --stdin                      Lint the document on standard input
      --stdin-filename <path>      The file name standard input stands for (decides whether
                                   it is a policy, a template or a Terraform file)
  -q, --quiet                      Report errors only
  -o, --output <file>              Write the report to a file instead of standard output
      --docs-base-url <url>        Link rule pages as <url><ruleId>.md in SARIF (default: the
                                   docs/rules folder of the installed package, as a file URI)
  -h, --help                       Show this help
  -v, --version                    Show the version and the date of the AWS reference data

Environment:
  CONNECT_IAM_LINT_THREADS         Threads that lint files (a number; default auto: one per
                                   core, at most 4; at most one per 100 files).
                                   The report is the same either way. --fix uses one.

Exit codes:
  0  no errors, and no more warnings than --max-warnings allows (with --fix: among the
     problems that remain after fixing)
  1  at least one error, or too many warnings
  2  usage error, or an input problem: a path that is missing, unreadable or not JSON, a
     directory or glob without any policy, a fixed file that cannot be written, or no policy
     linted at all. Input problems take precedence over findings (the other files are still
     linted and reported).
`;

const OPTIONS = {
  format: { type: 'string', short: 'f' },
  'max-warnings': { type: 'string' },
  rule: { type: 'string', multiple: true },
  quiet: { type: 'boolean', short: 'q' },
  output: { type: 'string', short: 'o' },
  'docs-base-url': { type: 'string' },
  fix: { type: 'boolean' },
  'fix-dry-run': { type: 'boolean' },
  stdin: { type: 'boolean' },
  'stdin-filename': { type: 'string' },
  help: { type: 'boolean', short: 'h' },
  version: { type: 'boolean', short: 'v' },
} as const;

/** "Unknown option --fromat: did you mean --format?" for the first option parseArgs does not know
 *  (found by parsing again, leniently, for its tokens). */
function unknownOption(argv: readonly string[]): string | undefined {
  const { tokens } = parseArgs({ args: [...argv], allowPositionals: true, strict: false, tokens: true, options: OPTIONS });
  const token = tokens.find((t) => t.kind === 'option' && !(t.name in OPTIONS) && !Object.values(OPTIONS).some((o) => 'short' in o && o.short === t.name));
  if (!token || token.kind !== 'option') return undefined;
  const long = Object.keys(OPTIONS);
  // Compare short names with short names, long with long; at most a third of the name wrong.
  const near = token.rawName.startsWith('--') ? nearest(token.name, long) : undefined;
  const hint = near ? ` Did you mean --${near}?` : '';
  return `Unknown option ${token.rawName}.${hint} (A path that starts with "-" goes after "--".)`;
}

/** The engine's one "did you mean" (reference/closest.ts). */
const nearest = (name: string, candidates: readonly string[]) => closestMatch(name, candidates);

export function parseCliArgs(argv: readonly string[]): CliOptions {
  let parsed;
  try {
    parsed = parseArgs({ args: [...argv], allowPositionals: true, strict: true, options: OPTIONS });
  } catch (err) {
    const unknown = (err as NodeJS.ErrnoException).code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION' ? unknownOption(argv) : undefined;
    // parseArgs' other messages (a missing value, a value given to a switch) name the option.
    throw new UsageError(unknown ?? (err as Error).message);
  }
  const { values, positionals } = parsed;
  // An empty argument (an unset shell variable in "$DIR") would resolve to the current directory
  // and lint something the user never named.
  if (positionals.some((p) => p === '')) throw new UsageError('An empty path was given: name a policy file, directory or glob.');
  const help = values.help ?? false;
  const version = values.version ?? false;
  const stdin = values.stdin ?? false;
  const stdinFilename = values['stdin-filename'];
  // The combinations ESLint refuses, refused with its reasons.
  if (values.fix && values['fix-dry-run']) throw new UsageError('--fix and --fix-dry-run cannot be used together.');
  if (stdin && values.fix) throw new UsageError('--fix cannot write to standard input: use --fix-dry-run with --format json to get the fixed text.');
  if (stdinFilename !== undefined && !stdin) throw new UsageError('--stdin-filename names the document read with --stdin: add --stdin.');
  if (stdinFilename === '') throw new UsageError('--stdin-filename needs a file name, such as template.yaml.');
  if (stdin && positionals.length) throw new UsageError(`--stdin reads one document from standard input: do not name files as well (got ${positionals[0]}).`);
  if (!help && !version && !stdin && positionals.length === 0) {
    throw new UsageError('No files given: name at least one policy file, directory or glob (or use --stdin).');
  }
  return {
    paths: positionals,
    fix: values.fix ? 'write' : values['fix-dry-run'] ? 'dry-run' : undefined,
    stdin,
    stdinFilename,
    format: parseFormat(values.format),
    maxWarnings: parseMaxWarnings(values['max-warnings']),
    rules: parseRuleSettings(values.rule ?? []),
    quiet: values.quiet ?? false,
    output: values.output,
    docsBaseUrl: parseDocsBaseUrl(values['docs-base-url']),
    help,
    version,
  };
}

function parseFormat(value: string | undefined): Format {
  if (value === undefined) return 'text';
  if ((FORMATS as readonly string[]).includes(value)) return value as Format;
  throw new UsageError(`Unknown format "${value}": use one of ${FORMATS.join(', ')}.`);
}

function parseDocsBaseUrl(value: string | undefined): string | undefined {
  if (value === undefined) return undefined;
  try {
    return new URL(value).href;
  } catch {
    throw new UsageError(`--docs-base-url needs an absolute URL such as https://example.com/docs/rules/, not "${value}".`);
  }
}

function parseMaxWarnings(value: string | undefined): number | undefined {
  if (value === undefined) return undefined;
  if (!/^\d+$/.test(value)) throw new UsageError(`--max-warnings needs a whole number of 0 or more, not "${value}".`);
  return Number(value);
}

function parseRuleSettings(values: readonly string[]): Record<string, RuleSetting> {
  const rules: Record<string, RuleSetting> = {};
  for (const value of values) {
    const eq = value.lastIndexOf('=');
    if (eq <= 0) throw new UsageError(`--rule needs <id>=<level>, e.g. json-comment=off; got "${value}".`);
    const id = value.slice(0, eq).trim();
    const level = value.slice(eq + 1).trim();
    if (!ruleById(id)) throw new UsageError(`Unknown rule "${id}" in --rule ${value}.${suggestRule(id)}`);
    if (!RULE_LEVELS.includes(level as RuleSetting)) {
      throw new UsageError(`Unknown level "${level}" in --rule ${value}: use one of ${RULE_LEVELS.join(', ')}.`);
    }
    rules[id] = level as RuleSetting;
  }
  return rules;
}

/** " Did you mean …?" for a near miss, else a pointer to where the IDs are listed. */
function suggestRule(id: string): string {
  const ids = allRules.map((r) => r.id);
  const best = closestMatch(id, ids, Math.max(2, Math.floor(id.length / 4)));
  if (best) return ` Did you mean "${best}"?`;
  return ' The rules are described in the docs/rules folder of the package (one page per rule).';
}
