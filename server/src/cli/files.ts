// Turns the command line's paths into files: a file is taken as given, a directory is searched
// for *.json policies and *.yaml, *.yml, *.template templates, anything else that looks like a
// glob is expanded with tinyglobby. Also reads a file's
// text, whatever Unicode encoding an editor or a shell redirect gave it.
import * as fs from 'node:fs';
import * as path from 'node:path';
// `import … = require` on purpose: the bundler then picks tinyglobby's CommonJS build. Its ESM
// build pulls in fdir's, which calls createRequire(import.meta.url), undefined in our CJS bundle.
import tinyglobby = require('tinyglobby');

/** How a file was named: explicitly, or found by a directory walk or a glob (then files that are
 *  not policies are skipped quietly, because a glob for every JSON file also matches package.json
 *  and friends). */
export type Origin = 'file' | 'directory' | 'glob';

export interface Operand {
  /** The argument as the user typed it (used in messages). */
  arg: string;
  origin: Origin;
  /** Absolute paths, sorted for a stable report order. */
  files: string[];
}

/** Found in a directory: JSON policies, and CloudFormation/SAM/Serverless templates (JSON, YAML,
 *  `*.template`, CDK's `cdk.out/*.template.json`); files that are neither are skipped. */
const DIRECTORY_PATTERNS = ['**/*.json', '**/*.yaml', '**/*.yml', '**/*.template', '**/*.tf'];

/** Never searched: dependencies and version-control internals are not the user's policies. */
const IGNORE = ['**/node_modules/**', '**/.git/**'];

export function expandPaths(args: readonly string[], cwd: string): { operands: Operand[]; problems: string[] } {
  const operands: Operand[] = [];
  const problems: string[] = [];
  for (const arg of args) {
    const abs = path.resolve(cwd, arg);
    let stat: fs.Stats | undefined;
    try {
      stat = fs.statSync(abs);
    } catch (err) {
      const code = (err as NodeJS.ErrnoException).code;
      // Only a path that does not exist may be a glob; any other failure (a symbolic-link loop,
      // no permission on a parent directory) is a real I/O problem with a real path.
      if (code !== 'ENOENT' && code !== 'ENOTDIR') {
        problems.push(`${arg}: cannot be accessed (${describeIoError(err)}).`);
        continue;
      }
    }
    if (stat?.isDirectory()) {
      operands.push({ arg, origin: 'directory', files: search(DIRECTORY_PATTERNS, abs) });
    } else if (stat) {
      operands.push({ arg, origin: 'file', files: [abs] });
    } else if (tinyglobby.isDynamicPattern(arg)) {
      const files = search([arg], cwd);
      if (files.length) operands.push({ arg, origin: 'glob', files });
      else problems.push(`${arg}: no files match this glob.`);
    } else {
      problems.push(`${arg}: no such file or directory.`);
    }
  }
  return { operands, problems };
}

function search(patterns: string[], cwd: string): string[] {
  const found = tinyglobby.globSync(patterns, { cwd, absolute: true, dot: true, onlyFiles: true, expandDirectories: false, ignore: IGNORE });
  return found.map((f) => path.normalize(f)).sort();
}

/** Reads a file as text. UTF-8 is the norm; a UTF-16 byte-order mark (what Windows PowerShell 5
 *  writes on `>`) selects UTF-16. The byte-order mark itself is dropped: editors do not show it or
 *  count it as a column, so positions computed without it match what the user sees. */
export function readText(file: string): string {
  const bytes = fs.readFileSync(file);
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return bytes.toString('utf16le', 2);
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return new TextDecoder('utf-16be').decode(bytes.subarray(2));
  const text = bytes.toString('utf8');
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}

/** A file-system error in words a user acts on. */
export function describeIoError(err: unknown): string {
  const e = err as NodeJS.ErrnoException;
  switch (e?.code) {
    case 'EACCES':
    case 'EPERM':
      return 'permission denied';
    case 'ENOENT':
      return 'it no longer exists';
    case 'ELOOP':
      return 'a loop of symbolic links';
    case 'EISDIR':
      return 'it is a directory';
    default:
      return e?.message ?? String(err);
  }
}
