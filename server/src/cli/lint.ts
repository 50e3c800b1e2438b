// Reads and lints every file the command line named, and collects what went wrong on the way
// (unreadable files, files that are not JSON, directories without policies) without stopping:
// one bad path must not hide the findings in the others.
import * as fs from 'node:fs';
import { printParseErrorCode } from 'jsonc-parser';
import { analyzeHost, AnalyzeOptions, hostSyntax, LineIndex, parsePolicy, PolicyDocument } from '../engine';
import { describeIoError, InputFileError, Operand, readTextFile, TextFile } from './files';
import { fixDocument, FixMode, writeFixed } from './fix';
import { displayPath, STDIN_PATH } from './paths';
import { LintResult, toLintResult } from './results';

export interface LintRun {
  results: LintResult[];
  /** Remarks for stderr that do not change the exit code. */
  notes: string[];
  /** Input problems for stderr; any of them makes the exit code 2. */
  problems: string[];
}

export interface LintOptions extends AnalyzeOptions {
  /** `--fix` / `--fix-dry-run`; undefined: report only. */
  fix?: FixMode;
}

/** One file to lint, as planned from the operands: its path, how it was named (by its first
 *  operand), and the name the report shows. */
export interface PlannedFile {
  file: string;
  origin: Operand['origin'];
  shown: string;
}

/** What linting one file gave (`LintRun`'s parts for that file alone) and whether it held a
 *  policy. Files are linted independently, so outcomes can be computed in any order (or thread)
 *  and assembled afterwards. */
export interface FileOutcome extends LintRun {
  policy: boolean;
}

/** The files the operands name, each once, in report order; `byOperand[i]` lists operand i's
 *  files as indexes into `files`. A file reached through two arguments, or twice through symbolic
 *  links in a directory walk (same real path), is linted (and reported) once. */
export interface LintPlan {
  files: PlannedFile[];
  byOperand: number[][];
}

export function planFiles(operands: readonly Operand[], cwd: string): LintPlan {
  const files: PlannedFile[] = [];
  const index = new Map<string, number>(); // real path → index in files
  const byOperand = operands.map((operand) =>
    operand.files.map((file) => {
      const key = realPath(file);
      let i = index.get(key);
      if (i === undefined) {
        index.set(key, (i = files.length));
        files.push({ file, origin: operand.origin, shown: displayPath(file, cwd) });
      }
      return i;
    }),
  );
  return { files, byOperand };
}

/** The run's results, notes and problems from every file's outcome, in the order of the operands
 *  (the same order whatever order the outcomes were computed in), with the problem of an operand
 *  that named no policy after that operand's files. */
export function assemble(operands: readonly Operand[], plan: LintPlan, outcomes: readonly FileOutcome[]): LintRun {
  const run: LintRun = { results: [], notes: [], problems: [] };
  const added = new Set<number>();
  operands.forEach((operand, o) => {
    let policies = 0;
    for (const i of plan.byOperand[o]) {
      const outcome = outcomes[i];
      if (!added.has(i)) {
        added.add(i);
        run.results.push(...outcome.results);
        run.notes.push(...outcome.notes);
        run.problems.push(...outcome.problems);
      }
      if (outcome.policy) policies++;
    }
    if (operand.origin !== 'file' && policies === 0) {
      const where = operand.origin === 'directory' ? 'found in this directory' : 'matched by this glob';
      run.problems.push(
        operand.files.length === 0
          ? `${operand.arg}: no *.json files in this directory (nor *.yaml, *.yml, *.template templates or *.tf Terraform files).`
          : `${operand.arg}: no IAM policy among the ${operand.files.length} file(s) ${where} (a policy is a JSON object with a top-level "Statement").`,
      );
    }
  });
  return run;
}

/** `analyzeText` is the engine's analyzeHost; tests pass one that fails. */
export function lintOperands(operands: readonly Operand[], options: LintOptions, cwd: string, analyzeText: typeof analyzeHost = analyzeHost): LintRun {
  const plan = planFiles(operands, cwd);
  return assemble(operands, plan, plan.files.map((p) => lintPlannedFile(p, options, analyzeText)));
}

/** Reads one planned file: its text, or the outcome of a file that cannot be read. */
export function readPlannedFile(p: PlannedFile): TextFile | FileOutcome {
  try {
    return readTextFile(p.file);
  } catch (err) {
    const problem = err instanceof InputFileError ? `${p.shown}: not linted: ${err.message}.` : `${p.shown}: cannot be read (${describeIoError(err)}).`;
    return { policy: false, results: [], notes: [], problems: [problem] };
  }
}

/** Lints one planned file whose text was read. */
export function lintReadFile(p: PlannedFile, read: TextFile, options: LintOptions, analyzeText: typeof analyzeHost = analyzeHost): FileOutcome {
  const run: LintRun = { results: [], notes: [], problems: [] };
  const policy = lintText(read, p.file, p.origin, options, p.shown, run, analyzeText);
  return { policy, ...run };
}

function lintPlannedFile(p: PlannedFile, options: LintOptions, analyzeText: typeof analyzeHost): FileOutcome {
  const read = readPlannedFile(p);
  return 'policy' in read ? read : lintReadFile(p, read, options, analyzeText);
}

/** `--stdin`: the document read from standard input, named by `--stdin-filename` (an absolute
 *  path) or not at all. It is treated as a file named on the command line. */
export function lintStdin(read: TextFile, filename: string | undefined, options: LintOptions, cwd: string): LintRun {
  const run: LintRun = { results: [], notes: [], problems: [] };
  const file = filename ?? STDIN_PATH;
  lintText(read, filename, 'file', options, displayPath(file, cwd), run, analyzeHost);
  return run;
}

/** Lints (and with `options.fix`, fixes) one document; returns whether it was a policy. `file` is
 *  its path, undefined for standard input without a name. */
function lintText(read: TextFile, file: string | undefined, origin: Operand['origin'], options: LintOptions, shown: string, run: LintRun, analyzeText: typeof analyzeHost): boolean {
  const { fix, ...analyzeOptions } = options;
  const hostOptions = { ...analyzeOptions, path: file };
  const text = read.text;
  const filePath = file ?? STDIN_PATH;
  try {
    // A policy, or a template holding policies (messages name the embedded policy).
    const hosted = analyzeText(text, hostOptions);
    if (hosted.isPolicy) {
      const outcome = fix ? fixDocument(text, hostOptions, hosted.findings) : { kind: 'unchanged' as const };
      if (outcome.kind === 'refused') run.notes.push(`${shown}: not fixed: ${outcome.reason}; the file was left unchanged. Please report it.`);
      if (outcome.kind !== 'fixed') {
        run.results.push(toLintResult(filePath, text, hosted.findings));
        return true;
      }
      if (fix === 'write' && file !== undefined) {
        try {
          writeFixed(file, outcome.text, read);
        } catch (err) {
          run.problems.push(`${shown}: cannot write the fixed file (${describeIoError(err)}); it was left unchanged.`);
          run.results.push(toLintResult(filePath, text, hosted.findings));
          return true;
        }
      }
      // What remains is what the report shows and the exit code counts, as in ESLint.
      const remaining = analyzeText(outcome.text, hostOptions);
      run.results.push({ ...toLintResult(filePath, outcome.text, remaining.findings), output: outcome.text });
      return true;
    }
  } catch (err) {
    // A parser or engine bug on one file: report it for that file (exit code 2) and go on, so the
    // other files' results are not lost with it.
    run.problems.push(`${shown}: not linted: the linter failed on this file (${(err as Error)?.message ?? String(err)}). Please report it.`);
    return true; // whatever it was, "no policy in this directory" would be a second, wrong problem
  }
  // Unnamed standard input is JSON when it reads as JSON (a brace first), as for the engine.
  const json = file !== undefined ? /\.json$/i.test(file) : hostSyntax(text) === 'json';
  if (!json) {
    // YAML and *.template files that are no template: skipped quietly unless named explicitly.
    if (origin === 'file') run.notes.push(`${shown}: skipped: not a CloudFormation, SAM or Serverless template, nor a Terraform file with policies.`);
    return false;
  }
  const doc = parsePolicy(text, { kind: options.kind });
  const invalid = notJsonReason(doc);
  if (origin === 'file') {
    if (invalid) run.problems.push(`${shown}: not linted: ${invalid}.`);
    else run.notes.push(`${shown}: skipped: valid JSON but not an IAM policy (no top-level "Statement").`);
  } else if (invalid) {
    // Directory walks and globs meet unrelated JSON, skipped without a word; but a *.json file
    // that does not parse may be a policy broken beyond recognition, so it gets a note.
    run.notes.push(`${shown}: skipped: ${invalid}.`);
  }
  return false;
}

/** Why a document that is not a policy is not JSON either, or undefined when it is JSON. */
function notJsonReason(doc: PolicyDocument): string | undefined {
  if (!doc.root) return doc.text.trim() === '' ? 'the file is empty' : 'the file is not JSON';
  const first = doc.json.errors[0];
  if (!first) return undefined;
  const at = new LineIndex(doc.text).positionAt(first.offset);
  return `not valid JSON (${printParseErrorCode(first.error)} at line ${at.line + 1}, column ${at.character + 1})`;
}

function realPath(file: string): string {
  try {
    return fs.realpathSync(file);
  } catch {
    return file; // unreadable: lintFile reports it
  }
}
