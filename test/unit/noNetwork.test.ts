// Security: the extension, the language server and the CLI make no network requests and run
// nothing from the workspace. Checked on the sources (every import of a networking or
// process-spawning module, and `fetch`/`eval`) so a new dependency on them is a conscious choice.
import { describe, it } from 'node:test';
import * as assert from 'node:assert/strict';
import * as fs from 'fs';
import * as path from 'path';
import { ROOT } from '../helpers';

function sources(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = path.join(dir, e.name);
    return e.isDirectory() ? sources(p) : p.endsWith('.ts') ? [p] : [];
  });
}

/** Imports allowed from a networking module: `net`'s pure address validators; and the language
 *  server's analysis worker thread (issue 11), which runs the server's own file and nothing else. */
const ALLOWED = [
  /import \{ isIPv4, isIPv6 \} from 'net';/,
  /^import \{ isMainThread, parentPort, Worker, workerData \} from 'node:worker_threads';$/,
  /^import \{ isMainThread \} from 'node:worker_threads';$/,
];
const FORBIDDEN = /\b(from\s+'(node:)?(http|https|http2|net|tls|dgram|child_process|worker_threads|vm)'|require\(\s*'(node:)?(http|https|http2|net|tls|dgram|child_process|vm)'\s*\)|\bfetch\s*\(|\beval\s*\(|new Function\s*\()/;

describe('no network, no code execution', () => {
  for (const dir of ['server/src', 'client/src']) {
    it(`${dir} imports no networking or process-spawning module and evaluates no code`, () => {
      const offenders: string[] = [];
      for (const file of sources(path.join(ROOT, dir))) {
        fs.readFileSync(file, 'utf8').split('\n').forEach((line, i) => {
          if (FORBIDDEN.test(line) && !ALLOWED.some((a) => a.test(line.trim()))) offenders.push(`${path.relative(ROOT, file)}:${i + 1}: ${line.trim()}`);
        });
      }
      assert.deepEqual(offenders, []);
    });
  }

  it('declares untrusted-workspace support (it executes nothing from the workspace; the settings that cost time are restricted)', () => {
    const pkg = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8'));
    assert.equal(pkg.capabilities?.untrustedWorkspaces?.supported, 'limited');
    assert.deepEqual(pkg.capabilities.untrustedWorkspaces.restrictedConfigurations, ['connectIam.files', 'connectIam.maxDocumentSize', 'connectIam.debounceMs']);
    assert.ok(pkg.capabilities?.virtualWorkspaces, 'virtual workspace support declared');
  });
});
