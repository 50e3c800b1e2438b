// How file paths are shown: relative to the current directory in text (as the user would type
// them), and as URIs relative to the source root in SARIF (what code-scanning uploaders expect).
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';

/** The name of standard input read without `--stdin-filename` (ESLint's name for it). */
export const STDIN_PATH = '<text>';

/** The path relative to `cwd` when the file is inside it, else the absolute path. */
export function displayPath(file: string, cwd: string): string {
  if (file === STDIN_PATH) return file;
  const rel = relativeInside(file, cwd);
  return rel ?? file;
}

/** A SARIF artifact location: a percent-encoded URI with forward slashes, relative to
 *  `%SRCROOT%` (the current directory) when possible, else an absolute file URI. */
export function artifactLocation(file: string, cwd: string): { uri: string; uriBaseId?: string } {
  // Unnamed standard input has no place in the repository: a relative URI without a base.
  if (file === STDIN_PATH) return { uri: encodeURIComponent(file) };
  const rel = relativeInside(file, cwd);
  if (rel === undefined) return { uri: pathToFileURL(file).href };
  return { uri: rel.split(path.sep).map(encodeURIComponent).join('/'), uriBaseId: SRCROOT };
}

export const SRCROOT = '%SRCROOT%';

/** The directory as a file URI ending in a slash (SARIF's rule for `originalUriBaseIds`). */
export function directoryUri(dir: string): string {
  const href = pathToFileURL(dir).href;
  return href.endsWith('/') ? href : `${href}/`;
}

function relativeInside(file: string, cwd: string): string | undefined {
  const rel = path.relative(cwd, file);
  return rel && rel.split(path.sep)[0] !== '..' && !path.isAbsolute(rel) ? rel : undefined;
}
