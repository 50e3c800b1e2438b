// Where each rule's documentation page is: `docs/rules/<ruleId>.md`, shipped in the npm package
// and in the .vsix. Links point at the installed copy (a file URI, works offline) or under a base
// URL the user configures (e.g. an internal mirror); with neither there is no link, never a link
// to a web page that may not exist.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';

/** A page every build has: tells the docs folder apart from an unrelated `docs/rules`. */
const MARKER_PAGE = 'json-syntax.md';

/** How many folders up from this module (or its bundle in dist/) the package root may be:
 *  dist/ → 1, server/src/engine/ → 3. */
const MAX_LEVELS_UP = 4;

let installed: string | null | undefined;
/** docsBase() of the installed folder, computed once (every diagnostic asks). */
let installedBase: { href: string | undefined } | undefined;

/** The folder of the installed rule pages, or undefined when the package ships none. */
export function installedDocsDir(): string | undefined {
  if (installed === undefined) {
    installed = null;
    let dir = __dirname;
    for (let i = 0; i <= MAX_LEVELS_UP; i++) {
      const candidate = path.join(dir, 'docs', 'rules');
      if (fs.existsSync(path.join(candidate, MARKER_PAGE))) {
        installed = candidate;
        break;
      }
      dir = path.dirname(dir);
    }
  }
  return installed ?? undefined;
}

/** The base every page link starts with: `baseUrl` when given (a trailing slash is added), else
 *  the installed folder as a file URI, else undefined. */
export function docsBase(baseUrl?: string): string | undefined {
  if (baseUrl) return baseUrl.endsWith('/') ? baseUrl : `${baseUrl}/`;
  const dir = installedDocsDir();
  return dir ? pathToFileURL(dir + path.sep).href : undefined;
}

/** The link to a rule's page under `base` (see docsBase; left out: the default base, null: no
 *  base), or undefined without a base. */
export function ruleDocsUrl(ruleId: string, base?: string | null): string | undefined {
  const prefix = base === undefined ? (installedBase ??= { href: docsBase() }).href : base ?? undefined;
  return prefix === undefined ? undefined : `${prefix}${encodeURIComponent(ruleId)}.md`;
}
