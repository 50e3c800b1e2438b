// Turns the command line's paths into files: a file is taken as given, a directory is searched
// for *.json policies and *.yaml, *.yml, *.template templates, anything else that looks like a
// glob is expanded with tinyglobby. Also reads a file's
// text, whatever Unicode encoding an editor or a shell redirect gave it.
import * as fs from 'node:fs';
import * as path from 'node:path';
// `import … = require` on purpose: the bundler then picks tinyglobby's CommonJS build. Its ESM
// build pulls in fdir's, which calls createRequire(import.meta.url), undefined in our CJS bundle.
import tinyglobby = require('tinyglobby');
import { displayPath } from './paths';

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
/** What a directory walk lints: JSON policies and templates (CloudFormation and SAM in JSON or
 *  YAML, `*.template`, serverless.yml, cdk.out's `*.template.json`), and Terraform files. */
const LINTED_EXTENSIONS = ['.json', '.yaml', '.yml', '.template', '.tf'];

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
      const walk = walkDirectory(abs, (dir) => displayPath(dir, cwd));
      operands.push({ arg, origin: 'directory', files: walk.files });
      problems.push(...walk.problems);
    } else if (stat) {
      // Named explicitly: taken as given, so a FIFO or a device is refused by readText with a
      // clear message instead of being skipped.
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

/** Names skipped by directory walks (see IGNORE). */
const SKIPPED_DIRECTORIES = new Set(['node_modules', '.git']);
/** Files a directory walk picks up. */
const isPolicyFileName = (name: string) => LINTED_EXTENSIONS.some((ext) => name.endsWith(ext));
/** Bound on the directories one walk visits: a walk never runs away, whatever the tree. */
const MAX_DIRECTORIES = 100_000;

/**
 * Every policy file under `root`, sorted, with the problems met on the way. Written out rather than
 * left to a glob library because the walk must (a) report a subdirectory it cannot read instead of
 * skipping it silently, and (b) follow a symbolic link only when its target lies inside `root`: a
 * link to `/` or to a home directory must not turn `lint policies/` into a scan of the disk.
 * Iterative, each real directory visited once (symbolic-link loops end), bounded in size.
 */
export function walkDirectory(root: string, show: (dir: string) => string = (d) => d): { files: string[]; problems: string[] } {
  const files: string[] = [];
  const problems: string[] = [];
  const rootReal = realOrUndefined(root) ?? root;
  const visited = new Set<string>([rootReal]);
  const pending = [root];
  while (pending.length) {
    const dir = pending.pop()!;
    let entries: fs.Dirent[];
    try {
      entries = fs.readdirSync(dir, { withFileTypes: true });
    } catch (err) {
      problems.push(`${show(dir)}: directory cannot be read (${describeIoError(err)}); its files were not linted.`);
      continue;
    }
    for (const entry of entries) {
      const full = path.join(dir, entry.name);
      let isDir = entry.isDirectory();
      let isFile = entry.isFile();
      if (entry.isSymbolicLink()) {
        const target = realOrUndefined(full);
        if (!target || !isInside(target, rootReal)) continue; // dangling, or outside the named tree
        const stat = statOrUndefined(full);
        isDir = !!stat?.isDirectory();
        isFile = !!stat?.isFile();
        if (isDir && visited.has(target)) continue;
        if (isDir) visited.add(target);
      } else if (isDir) {
        const real = realOrUndefined(full) ?? full;
        if (visited.has(real)) continue;
        visited.add(real);
      }
      if (isDir) {
        if (SKIPPED_DIRECTORIES.has(entry.name)) continue;
        if (visited.size > MAX_DIRECTORIES) {
          problems.push(`${show(root)}: more than ${MAX_DIRECTORIES} directories; the walk stopped there.`);
          pending.length = 0;
          break;
        }
        pending.push(full);
      } else if (isFile && isPolicyFileName(entry.name)) {
        files.push(path.normalize(full));
      }
    }
  }
  return { files: files.sort(), problems };
}

function isInside(target: string, root: string): boolean {
  const rel = path.relative(root, target);
  return rel === '' || (!rel.startsWith('..') && !path.isAbsolute(rel));
}

function realOrUndefined(p: string): string | undefined {
  try {
    return fs.realpathSync(p);
  } catch {
    return undefined;
  }
}

function statOrUndefined(p: string): fs.Stats | undefined {
  try {
    return fs.statSync(p);
  } catch {
    return undefined;
  }
}

/** Largest file the CLI reads. IAM's own limits are far lower (a managed policy holds at most
 *  6,144 characters, resource policies some tens of KB); past this the file is not a policy and
 *  reading it whole would only cost memory. */
export const MAX_FILE_BYTES = 10 * 1024 * 1024;

/** A file the CLI refuses to read, with the reason in words (exit code 2 for that file). */
export class InputFileError extends Error {}

/** How a file's text was stored, so that `--fix` writes it back the same way. */
export type TextEncodingName = 'utf8' | 'utf16le' | 'utf16be';

export interface TextFile {
  /** The text without its byte-order mark. */
  text: string;
  encoding: TextEncodingName;
  /** Whether the file started with a byte-order mark. */
  bom: boolean;
}

/** Reads a file as text. Only regular files, at most MAX_FILE_BYTES: a FIFO would block forever
 *  and a link to /dev/zero would never end. The file is opened without blocking and checked on its
 *  descriptor, so it cannot be swapped for something else between the check and the read.
 *  UTF-8 is the norm (invalid UTF-8 is refused, not silently replaced); a UTF-16 byte-order mark
 *  (what Windows PowerShell 5 writes on `>`) selects UTF-16. The byte-order mark itself is
 *  dropped: editors do not show it or count it as a column, so positions computed without it
 *  match what the user sees. */
export function readText(file: string): string {
  return readTextFile(file).text;
}

/** `readText` with the encoding and byte-order mark the file had. */
export function readTextFile(file: string): TextFile {
  return decodeText(readRegularFile(file));
}

/** One strict decoder for every file (a decode without `stream` starts afresh each time). */
const utf8 = new TextDecoder('utf-8', { fatal: true });

/** Decodes a file's or standard input's bytes (see readText). */
export function decodeText(bytes: Buffer): TextFile {
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return { text: bytes.toString('utf16le', 2), encoding: 'utf16le', bom: true };
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return { text: new TextDecoder('utf-16be').decode(bytes.subarray(2)), encoding: 'utf16be', bom: true };
  let text: string;
  try {
    // The decoder drops a leading byte-order mark itself (ignoreBOM: false).
    text = utf8.decode(bytes);
  } catch {
    throw new InputFileError(`not valid UTF-8 text (the first invalid byte is at offset ${firstInvalidUtf8(bytes)}); save it as UTF-8`);
  }
  const bom = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf;
  return { text, encoding: 'utf8', bom };
}

/** The bytes of `text` stored as `file` was (the inverse of decodeText). */
export function encodeText(text: string, file: Pick<TextFile, 'encoding' | 'bom'>): Buffer {
  const body = file.bom ? '\ufeff' + text : text;
  if (file.encoding === 'utf8') return Buffer.from(body, 'utf8');
  const le = Buffer.from(body, 'utf16le');
  return file.encoding === 'utf16le' ? le : le.swap16();
}

/** Reads standard input whole, bounded like a file: at most MAX_FILE_BYTES (reading stops one
 *  chunk past the cap, so an endless pipe cannot exhaust memory). */
export async function readStdin(stdin: AsyncIterable<Buffer | string>): Promise<TextFile> {
  const chunks: Buffer[] = [];
  let length = 0;
  for await (const chunk of stdin) {
    const bytes = typeof chunk === 'string' ? Buffer.from(chunk, 'utf8') : chunk;
    chunks.push(bytes);
    length += bytes.length;
    if (length > MAX_FILE_BYTES) throw new InputFileError(tooLarge(length));
  }
  return decodeText(Buffer.concat(chunks, length));
}

function readRegularFile(file: string): Buffer {
  // O_NONBLOCK: opening a FIFO without a writer must not hang (the flag does not exist on Windows,
  // where FIFOs do not either).
  const fd = fs.openSync(file, fs.constants.O_RDONLY | (fs.constants.O_NONBLOCK ?? 0));
  try {
    const stat = fs.fstatSync(fd);
    if (!stat.isFile()) throw new InputFileError(`not a regular file (${kindOf(stat)}); only files are linted`);
    if (stat.size > MAX_FILE_BYTES) throw new InputFileError(tooLarge(stat.size));
    // Read at most one byte past the cap, whatever the size said: the file may grow meanwhile.
    // Not zero-filled: only the bytes read are returned.
    const buffer = Buffer.allocUnsafe(Math.min(stat.size, MAX_FILE_BYTES) + 1);
    let length = 0;
    for (;;) {
      const n = fs.readSync(fd, buffer, length, buffer.length - length, null);
      if (n === 0) break;
      length += n;
      if (length === buffer.length) {
        if (length > MAX_FILE_BYTES) throw new InputFileError(tooLarge(length));
        break;
      }
    }
    return buffer.subarray(0, length);
  } finally {
    fs.closeSync(fd);
  }
}

const tooLarge = (size: number) => `larger than ${MAX_FILE_BYTES / 1024 / 1024} MB (${size} bytes or more); no IAM policy is that large`;

function kindOf(stat: fs.Stats): string {
  if (stat.isFIFO()) return 'a named pipe';
  if (stat.isCharacterDevice() || stat.isBlockDevice()) return 'a device';
  if (stat.isSocket()) return 'a socket';
  if (stat.isDirectory()) return 'a directory';
  return 'not a plain file';
}

/** Offset of the first byte that does not start a valid UTF-8 sequence, for the message. */
function firstInvalidUtf8(bytes: Buffer): number {
  // Halve the prefix until it decodes: O(n log n) decodes at worst, only on a failing file.
  let lo = 0;
  let hi = bytes.length;
  const ok = (n: number) => {
    try {
      new TextDecoder('utf-8', { fatal: true }).decode(bytes.subarray(0, n), { stream: true });
      return true;
    } catch {
      return false;
    }
  };
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (ok(mid)) lo = mid;
    else hi = mid - 1;
  }
  // The longest decodable prefix may end in the first bytes of a sequence that never completes:
  // then the error starts at that sequence's lead byte.
  for (let k = lo - 1; k >= Math.max(0, lo - 3); k--) if (bytes[k] >= 0xc0) return k;
  return lo;
}

/** A file-system error in words a user acts on. */
export function describeIoError(err: unknown): string {
  if (err instanceof InputFileError) return err.message;
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
    case 'ENXIO':
      return 'a device or socket that cannot be opened';
    default:
      return e?.message ?? String(err);
  }
}
