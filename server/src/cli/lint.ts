// Reads and lints every file the command line named, and collects what went wrong on the way
// (unreadable files, files that are not JSON, directories without policies) without stopping:
// one bad path must not hide the findings in the others.
import * as path from 'node:path';
import { printParseErrorCode } from 'jsonc-parser';
import { analyzeDocument, AnalyzeOptions, LineIndex, parsePolicy, PolicyDocument } from '../engine';
import { Operand, readText } from './files';
import { LintResult, toLintResult } from './results';

export interface LintRun {
  results: LintResult[];
  /** Remarks for stderr that do not change the exit code. */
  notes: string[];
  /** Input problems for stderr; any of them makes the exit code 2. */
  problems: string[];
}

export function lintOperands(operands: readonly Operand[], options: AnalyzeOptions, cwd: string): LintRun {
  const run: LintRun = { results: [], notes: [], problems: [] };
  // file → whether it was a policy; a file reached through two arguments is linted once.
  const seen = new Map<string, boolean>();
  for (const operand of operands) {
    let policies = 0;
    for (const file of operand.files) {
      if (!seen.has(file)) seen.set(file, lintFile(file, operand, options, displayPath(file, cwd), run));
      if (seen.get(file)) policies++;
    }
    if (operand.origin !== 'file' && policies === 0) {
      const what = operand.origin === 'directory' ? 'directory' : 'glob';
      run.problems.push(
        operand.files.length === 0
          ? `${operand.arg}: no *.json files in this ${what}.`
          : `${operand.arg}: none of the ${operand.files.length} JSON file(s) in this ${what} is an IAM policy (a JSON object with a top-level "Statement").`,
      );
    }
  }
  return run;
}

/** Lints one file into `run`; returns whether it was a policy. */
function lintFile(file: string, operand: Operand, options: AnalyzeOptions, shown: string, run: LintRun): boolean {
  let text: string;
  try {
    text = readText(file);
  } catch (err) {
    run.problems.push(`${shown}: cannot be read (${describeIoError(err)}).`);
    return false;
  }
  const doc = parsePolicy(text, { kind: options.kind });
  if (doc.isPolicy) {
    run.results.push(toLintResult(file, text, analyzeDocument(doc, options).findings));
    return true;
  }
  // Only a file named on its own deserves a word: directory walks and globs meet unrelated JSON.
  if (operand.origin === 'file') {
    const invalid = notJsonReason(doc);
    if (invalid) run.problems.push(`${shown}: not linted: ${invalid}.`);
    else run.notes.push(`${shown}: skipped: valid JSON but not an IAM policy (no top-level "Statement").`);
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

function describeIoError(err: unknown): string {
  const e = err as NodeJS.ErrnoException;
  switch (e?.code) {
    case 'EACCES':
    case 'EPERM':
      return 'permission denied';
    case 'ENOENT':
      return 'it no longer exists';
    case 'EISDIR':
      return 'it is a directory';
    default:
      return e?.message ?? String(err);
  }
}

/** Paths in messages: relative to the current directory when inside it, as the user would type them. */
export function displayPath(file: string, cwd: string): string {
  const rel = path.relative(cwd, file);
  return rel && !rel.startsWith('..') && !path.isAbsolute(rel) ? rel : file;
}
