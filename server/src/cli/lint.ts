// Reads and lints every file the command line named, and collects what went wrong on the way
// (unreadable files, files that are not JSON, directories without policies) without stopping:
// one bad path must not hide the findings in the others.
import * as fs from 'node:fs';
import { printParseErrorCode } from 'jsonc-parser';
import { analyzeHost, AnalyzeOptions, LineIndex, parsePolicy, PolicyDocument } from '../engine';
import { describeIoError, InputFileError, Operand, readText } from './files';
import { displayPath } from './paths';
import { LintResult, toLintResult } from './results';

export interface LintRun {
  results: LintResult[];
  /** Remarks for stderr that do not change the exit code. */
  notes: string[];
  /** Input problems for stderr; any of them makes the exit code 2. */
  problems: string[];
}

/** `analyzeText` is the engine's analyzeHost; tests pass one that fails. */
export function lintOperands(operands: readonly Operand[], options: AnalyzeOptions, cwd: string, analyzeText: typeof analyzeHost = analyzeHost): LintRun {
  const run: LintRun = { results: [], notes: [], problems: [] };
  // real path → whether it was a policy: a file reached through two arguments, or twice through
  // symbolic links in a directory walk, is linted (and reported) once.
  const seen = new Map<string, boolean>();
  for (const operand of operands) {
    let policies = 0;
    for (const file of operand.files) {
      const key = realPath(file);
      if (!seen.has(key)) seen.set(key, lintFile(file, operand, options, displayPath(file, cwd), run, analyzeText));
      if (seen.get(key)) policies++;
    }
    if (operand.origin !== 'file' && policies === 0) {
      const where = operand.origin === 'directory' ? 'found in this directory' : 'matched by this glob';
      run.problems.push(
        operand.files.length === 0
          ? `${operand.arg}: no *.json files in this directory (nor *.yaml, *.yml, *.template templates or *.tf Terraform files).`
          : `${operand.arg}: no IAM policy among the ${operand.files.length} file(s) ${where} (a policy is a JSON object with a top-level "Statement").`,
      );
    }
  }
  return run;
}

/** Lints one file into `run`; returns whether it was a policy. */
function lintFile(file: string, operand: Operand, options: AnalyzeOptions, shown: string, run: LintRun, analyzeText: typeof analyzeHost): boolean {
  let text: string;
  try {
    text = readText(file);
  } catch (err) {
    run.problems.push(err instanceof InputFileError ? `${shown}: not linted: ${err.message}.` : `${shown}: cannot be read (${describeIoError(err)}).`);
    return false;
  }
  try {
    // A policy, or a template holding policies (messages name the embedded policy).
    const hosted = analyzeText(text, { ...options, path: file });
    if (hosted.isPolicy) {
      run.results.push(toLintResult(file, text, hosted.findings));
      return true;
    }
  } catch (err) {
    // A parser or engine bug on one file: report it for that file (exit code 2) and go on, so the
    // other files' results are not lost with it.
    run.problems.push(`${shown}: not linted: the linter failed on this file (${(err as Error)?.message ?? String(err)}). Please report it.`);
    return true; // whatever it was, "no policy in this directory" would be a second, wrong problem
  }
  if (!/\.json$/i.test(file)) {
    // YAML and *.template files that are no template: skipped quietly unless named explicitly.
    if (operand.origin === 'file') run.notes.push(`${shown}: skipped: not a CloudFormation, SAM or Serverless template, nor a Terraform file with policies.`);
    return false;
  }
  const doc = parsePolicy(text, { kind: options.kind });
  const invalid = notJsonReason(doc);
  if (operand.origin === 'file') {
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
