// The `connectIam.files` setting: globs of documents to analyse as policies even when they do not
// look like one. Patterns are written relative to a workspace folder (`infra/**/*.json`), so a
// document is matched by its path relative to each folder that holds it, and by its absolute path.
// Matching is linear-time (see glob.ts): the patterns may come from an untrusted workspace.
import { fileURLToPath } from 'node:url';
import { compileGlob, GlobError } from './glob';

/** The document's path with forward slashes, or undefined for URIs without a usable path. */
export function uriPath(uri: string): string | undefined {
  try {
    if (uri.startsWith('file:')) return fileURLToPath(uri).replace(/\\/g, '/');
    const path = new URL(uri).pathname;
    return path ? decodeURIComponent(path) : undefined;
  } catch {
    return undefined;
  }
}

export class FileGlobs {
  private matcher: ((path: string) => boolean) | undefined;
  private key = '';
  /** Patterns of the last list that were too large to use, with the reason (for the log). */
  rejected: string[] = [];

  constructor(private folders: string[] = []) {}

  /** Workspace folder URIs (from `initialize` or folder change events). */
  setFolders(folderUris: string[]): void {
    this.folders = folderUris.map(uriPath).filter((p): p is string => !!p).map((p) => p.replace(/\/+$/, ''));
  }

  matches(uri: string, patterns: readonly string[]): boolean {
    if (patterns.length === 0) return false;
    const path = uriPath(uri);
    if (!path) return false;
    const match = this.compile(patterns);
    if (match(path)) return true;
    return this.folders.some((folder) => path.startsWith(folder + '/') && match(path.slice(folder.length + 1)));
  }

  /** Compiled once per distinct pattern list (settings rarely change, documents often do). */
  private compile(patterns: readonly string[]): (path: string) => boolean {
    const key = JSON.stringify(patterns);
    if (!this.matcher || key !== this.key) {
      // A pattern without a slash (`*.policy.json`) matches the file name in any folder.
      const matchers: ((path: string) => boolean)[] = [];
      this.rejected = [];
      for (const p of patterns) {
        try {
          matchers.push(compileGlob(p.includes('/') ? p : `**/${p}`));
        } catch (err) {
          if (!(err instanceof GlobError)) throw err;
          this.rejected.push(`${p.slice(0, 80)}: ${err.message}`);
        }
      }
      this.matcher = (path) => matchers.some((m) => m(path));
      this.key = key;
    }
    return this.matcher;
  }
}
