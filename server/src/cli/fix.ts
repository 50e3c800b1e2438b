// `--fix` and `--fix-dry-run`: the fixed text of one document, and writing it back. The fixes are
// the engine's fix-all (the function behind the editor's "Fix all" code action), so the command
// line and the editor make the same edits; this module only keeps the file's form (line ends,
// final newline, encoding), re-checks that the result still parses, and writes it atomically.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { Finding, fixAll, HostAnalyzeOptions, HostDocument, parseHost } from '../engine';
import { encodeText, TextFile } from './files';

/** `write`: `--fix`; `dry-run`: `--fix-dry-run` (the fixed text goes to the JSON report only). */
export type FixMode = 'write' | 'dry-run';

export type FixOutcome =
  /** Nothing to fix (no safe fix applied, or the fixes gave back the same text). */
  | { kind: 'unchanged' }
  | { kind: 'fixed'; text: string; fixed: number }
  /** The fixed text would not parse as the original did: not used (a bug worth reporting). */
  | { kind: 'refused'; reason: string };

/** The fixed text of `text`, in the original's form. `findings` are the ones already computed
 *  for `text` (fix-all starts from them instead of analysing again). `fix` is the engine's fixAll;
 *  tests pass one that breaks the document. */
export function fixDocument(text: string, options: HostAnalyzeOptions, findings: readonly Finding[], fix: typeof fixAll = fixAll): FixOutcome {
  const result = fix(text, options, findings);
  if (result.fixed === 0 || result.text === text) return { kind: 'unchanged' };
  const fixed = keepForm(text, result.text);
  if (fixed === text) return { kind: 'unchanged' };
  const reason = breakage(parseHost(text, options), parseHost(fixed, options));
  return reason ? { kind: 'refused', reason } : { kind: 'fixed', text: fixed, fixed: result.fixed };
}

/** The fixed text with the original's line ends and final newline. An edit's new text is written
 *  with LF; in a file that uses CRLF throughout, those become CRLF (as an editor does when it
 *  applies an edit to a CRLF document). Mixed files are left as the fixes wrote them. */
export function keepForm(original: string, fixed: string): string {
  const eol = lineEnding(original);
  let out = fixed;
  if (eol === '\r\n') out = out.replace(/\r?\n/g, '\r\n');
  else if (eol === '\n') out = out.replace(/\r\n/g, '\n');
  const endsWithEol = /\r?\n$/.test(original);
  if (endsWithEol && !/\r?\n$/.test(out)) out += eol ?? '\n';
  return out;
}

/** `\r\n` or `\n` when every line break of `text` is that one; undefined when mixed or none. */
function lineEnding(text: string): '\r\n' | '\n' | undefined {
  const crlf = text.split('\r\n').length - 1;
  const lf = text.split('\n').length - 1;
  if (lf === 0) return undefined;
  if (crlf === lf) return '\r\n';
  return crlf === 0 ? '\n' : undefined;
}

/** Why `after` is not a sound replacement for `before`, or undefined when it is: the document must
 *  stay the same kind (a policy stays a policy, a template a template), keep every embedded
 *  policy, and have no more syntax errors than before. */
function breakage(before: HostDocument, after: HostDocument): string | undefined {
  if (after.kind !== before.kind) return `the fixed text would no longer read as ${describeKind(before.kind)}`;
  if (after.policies.length < before.policies.length) return `the fixed text would hold ${after.policies.length} policies instead of ${before.policies.length}`;
  if (syntaxErrors(after) > syntaxErrors(before)) return 'the fixed text would not parse';
  return undefined;
}

function syntaxErrors(host: HostDocument): number {
  if (host.syntax !== 'json') return host.errors.length;
  return (host.json?.errors.length ?? 0) + (host.json?.tooDeepAt !== undefined ? 1 : 0);
}

function describeKind(kind: HostDocument['kind']): string {
  switch (kind) {
    case 'policy':
      return 'an IAM policy';
    case 'terraform':
      return 'a Terraform file';
    case 'serverless':
      return 'a Serverless Framework file';
    case 'cloudformation':
      return 'a CloudFormation template';
    default:
      return 'what it was';
  }
}

/**
 * Replaces `file` with `text`, stored as the file was (encoding, byte-order mark, permissions),
 * atomically: the text goes to a new file in the same directory, which is then renamed over the
 * original, so a crash or a full disk never leaves a half-written policy. A symbolic link is
 * followed: its target is replaced and the link stays a link.
 */
export function writeFixed(file: string, text: string, form: Pick<TextFile, 'encoding' | 'bom'>): void {
  const target = fs.realpathSync(file);
  const mode = fs.statSync(target).mode & 0o7777;
  const dir = path.dirname(target);
  const temp = path.join(dir, `.${path.basename(target)}.${process.pid}.${Date.now().toString(36)}.fix-tmp`);
  // 'wx': never reuse (or follow) something already at the temporary name.
  const fd = fs.openSync(temp, 'wx', mode);
  try {
    try {
      fs.writeFileSync(fd, encodeText(text, form));
      fs.fsyncSync(fd);
    } finally {
      fs.closeSync(fd);
    }
    fs.renameSync(temp, target);
  } catch (err) {
    fs.rmSync(temp, { force: true });
    throw err;
  }
}
