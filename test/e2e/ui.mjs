// The UI test: the packaged .vsix installed into code-server (`--install-extension`), and the
// workbench driven through Chromium the way a user would: open a policy with Quick Open, read the
// Problems panel, go to the problem, open the lightbulb menu, apply the fix, save. Screenshots of
// each step go to test-results/ (copies of good ones are in images/ for the README).
import assert from 'node:assert/strict';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { launchBrowser } from '../../scripts/e2e/browser.mjs';
import { codeServerCli, prepareProfile, startCodeServer } from '../../scripts/e2e/codeServer.mjs';
import { repoRoot } from '../../scripts/e2e/paths.mjs';

const EDITOR_SETTINGS = {
  'workbench.colorTheme': 'Default Dark Modern',
  'editor.fontSize': 15,
  'editor.lightbulb.enabled': 'on',
  'workbench.activityBar.location': 'top',
};

const COMMENT = '// IAM rejects comments';
const INSTANCE_ARN = 'arn:aws:connect:eu-west-2:480219637511:instance/6a1b2c3d-1234-4abc-9def-0123456789ab';

/** A workspace with the seed's S3 policy (placeholders and all) plus a comment. */
function makeWorkspace(workspace) {
  const seed = readFileSync(join(repoRoot, 'examples', 's3-call-recordings.policy.json'), 'utf8');
  const policy = seed.replace('"Version": "2012-10-17",', `"Version": "2012-10-17", ${COMMENT}`);
  assert.notEqual(policy, seed, 'the seed policy changed: the comment could not be placed');
  const file = join(workspace, 'policies', 'call-recordings.json');
  mkdirSync(join(workspace, 'policies'), { recursive: true });
  writeFileSync(file, policy);
  writeFileSync(join(workspace, 'settings-not-policy.json'), '{ "name": "not a policy" }\n');
  return file;
}

export async function runUiTest({ vsix, dir, env, resultsDir }) {
  const workspace = join(dir, 'workspace');
  const file = makeWorkspace(workspace);
  const profile = prepareProfile(dir, EDITOR_SETTINGS);
  const log = join(dir, 'code-server.log');
  await codeServerCli(['--install-extension', vsix], { profile, env, log });
  const server = await startCodeServer({ profile, env, log });
  const browser = await launchBrowser(dir, env);
  const shot = async (page, name) => page.screenshot({ path: join(resultsDir, `ui-${name}.png`) });
  let page;
  try {
    page = browser.pages()[0] ?? (await browser.newPage());
    await page.goto(`${server.base}/?folder=${encodeURIComponent(workspace)}`);
    await page.locator('.monaco-workbench').waitFor({ timeout: 60_000 });
    await page.locator('.explorer-folders-view').waitFor({ timeout: 60_000 });

    // Open the policy with Quick Open.
    await page.keyboard.press('Control+P');
    await page.locator('.quick-input-widget input').waitFor();
    await page.keyboard.type('call-recordings.json');
    await page.locator('.quick-input-list .monaco-list-row', { hasText: 'call-recordings.json' }).first().waitFor();
    await page.keyboard.press('Enter');
    await page.locator('.monaco-editor .view-lines', { hasText: '2012-10-17' }).waitFor();

    // The Problems panel lists the comment once: VS Code's JSON support reports it in a .json file,
    // so the server does not repeat it; the placeholders are the server's.
    await page.keyboard.press('Control+Shift+M');
    const commentRow = page.locator('.markers-panel .monaco-list-row', { hasText: 'Comments are not permitted in JSON' });
    await commentRow.first().waitFor({ timeout: 30_000 });
    await page.locator('.markers-panel .monaco-list-row', { hasText: 'placeholder-value' }).first().waitFor({ timeout: 30_000 });
    const rows = await page.locator('.markers-panel .monaco-list-row').allInnerTexts();
    assert.ok(!rows.some((r) => /json-comment/.test(r)), `the comment is reported twice: ${rows.join(' | ')}`);
    await page.waitForTimeout(500);
    await shot(page, 'problems');

    // The language status (the {} next to "JSON" in the status bar) shows that the server runs and
    // the date of the AWS reference data.
    await page.locator('[id="status.languageStatus"]').click();
    const languageStatus = page.locator('.monaco-hover', { hasText: 'AWS reference data of' });
    await languageStatus.first().waitFor({ timeout: 15_000 });
    const statusText = await languageStatus.first().innerText();
    assert.match(statusText, /Connect IAM: 1 policy, \d+ problems[\s\S]*AWS reference data of \d{4}-\d{2}-\d{2}/);
    assert.doesNotMatch(statusText, /starting|failed|stopped/, `the server is not running: ${statusText}`);
    await shot(page, 'status');
    await page.keyboard.press('Escape');
    await page.locator('.monaco-editor textarea').first().focus();

    // The lightbulb on one of the server's problems: its page, turning the rule off.
    await page.locator('.markers-panel .monaco-list-row', { hasText: 'placeholder-value' }).first().click();
    await page.waitForTimeout(300);
    await page.locator('.monaco-editor textarea').first().focus();
    await page.keyboard.press('Control+.');
    const docsAction = page.locator('.action-widget .monaco-list-row', { hasText: 'Show documentation for placeholder-value' });
    await docsAction.first().waitFor({ timeout: 15_000 });
    for (const title of ['Disable placeholder-value in this workspace', 'Disable placeholder-value for this file']) {
      await page.locator('.action-widget .monaco-list-row', { hasText: title }).first().waitFor({ timeout: 5_000 });
    }
    await page.waitForTimeout(300);
    await shot(page, 'lightbulb');
    // The rule's page, shipped in the .vsix, in the Markdown preview.
    // The first entry is focused: Enter runs it, as a keyboard user does.
    assert.match(await page.locator('.action-widget .monaco-list-row.focused').first().innerText(), /Show documentation for placeholder-value/);
    await page.keyboard.press('Enter');
    const previewTab = page.locator('.tabs-container .tab', { hasText: 'placeholder-value' });
    await previewTab.first().waitFor({ timeout: 15_000 });
    await waitUntilAsync(async () => {
      for (const frame of page.frames()) {
        if (await frame.locator('h1, h2', { hasText: /placeholder/i }).count().catch(() => 0)) return true;
      }
      return false;
    }, 'the rule page did not render in the preview');
    await page.waitForTimeout(500);
    await shot(page, 'rule-docs');
    await page.keyboard.press('Control+W');
    await page.locator('.monaco-editor .view-lines', { hasText: '2012-10-17' }).first().waitFor();
    // The rule ID in the Problems panel is a link to the same page.
    await page.locator('.markers-panel .monaco-list-row', { hasText: 'connect-permissions-suggested' }).locator('a.monaco-link').first().click();
    const suggestedTab = page.locator('.tabs-container .tab', { hasText: 'connect-permissions-suggested' }).first();
    await suggestedTab.waitFor({ timeout: 15_000 });
    await suggestedTab.click(); // focus the editor area (the panel has it), then close the preview
    await page.keyboard.press('Control+W');
    await page.locator('.monaco-editor .view-lines', { hasText: '2012-10-17' }).first().waitFor();

    // Go to the problem and open the lightbulb menu on it.
    await commentRow.first().click();
    await page.waitForTimeout(300);
    await page.locator('.monaco-editor textarea').first().focus();
    await page.keyboard.press('Control+.');
    const fix = page.locator('.action-widget .monaco-list-row', { hasText: 'Remove the comment' });
    await fix.first().waitFor({ timeout: 15_000 });
    await page.waitForTimeout(300);
    await shot(page, 'quick-fix');
    // The focused (preferred) entry is applied with Enter, as a keyboard user does.
    await page.keyboard.press('Enter');

    // Saved, the policy is strict JSON without the comment, and the problem is gone.
    await page.keyboard.press('Control+S');
    await waitUntil(() => !readFileSync(file, 'utf8').includes(COMMENT), 'the fix was not applied to the file');
    JSON.parse(readFileSync(file, 'utf8'));
    await commentRow.first().waitFor({ state: 'detached', timeout: 15_000 });
    await shot(page, 'fixed');

    // Hovering an action shows what the reference says about it.
    await page.keyboard.press('Control+Shift+M'); // close the panel: room for the hover
    await page.locator('.view-lines span', { hasText: 's3:GetBucketAcl' }).last().hover();
    await page.locator('.monaco-hover', { hasText: 'GetBucketAcl' }).first().waitFor({ timeout: 15_000 });
    await page.waitForTimeout(300);
    await shot(page, 'hover');
    await page.mouse.move(5, 850);
    await page.keyboard.press('Escape');
    await page.locator('.monaco-hover', { hasText: 'GetBucketAcl' }).first().waitFor({ state: 'hidden', timeout: 10_000 });

    // "New Connect policy…" from the command palette: the quick pick, the instance ARN prompt,
    // then the policy as a snippet sitting on its first open field (the storage type choice).
    await page.keyboard.press('F1');
    await page.keyboard.type('Connect IAM: New Connect Policy');
    await page.locator('.quick-input-list .monaco-list-row', { hasText: 'New Connect Policy' }).first().waitFor();
    await page.keyboard.press('Enter');
    await page.locator('.quick-input-list .monaco-list-row', { hasText: 'S3 bucket for call recordings' }).waitFor();
    await page.waitForTimeout(300);
    await shot(page, 'new-policy');
    await page.keyboard.press('Enter');
    await page.locator('.quick-input-widget', { hasText: 'Amazon Connect instance' }).waitFor();
    // The prompt says what is wrong while the user types.
    await page.keyboard.type(INSTANCE_ARN.replace('480219637511', '48021963'));
    await page.locator('.quick-input-widget', { hasText: 'The account ID must be 12 digits; "48021963" is not.' }).waitFor();
    await page.keyboard.press('Control+A');
    await page.keyboard.type(INSTANCE_ARN);
    await page.keyboard.press('Enter');
    await page.locator('.view-lines', { hasText: INSTANCE_ARN }).waitFor({ timeout: 15_000 });
    await page.locator('.suggest-widget', { hasText: 'CHAT_TRANSCRIPTS' }).waitFor({ timeout: 15_000 });
    await page.waitForTimeout(300);
    await shot(page, 'inserted');
    await page.keyboard.press('Escape');

    // Without an ARN, the Region is picked by name.
    await page.keyboard.press('F1');
    await page.keyboard.type('Connect IAM: New Connect Policy');
    await page.locator('.quick-input-list .monaco-list-row', { hasText: 'New Connect Policy' }).first().waitFor();
    await page.keyboard.press('Enter');
    await page.locator('.quick-input-list .monaco-list-row', { hasText: 'Lambda function' }).waitFor();
    await page.keyboard.type('Lambda');
    await page.keyboard.press('Enter');
    await page.locator('.quick-input-widget', { hasText: 'Amazon Connect instance' }).waitFor();
    await page.keyboard.press('Control+A');
    await page.keyboard.press('Backspace');
    await page.keyboard.press('Enter');
    await page.locator('.quick-input-list .monaco-list-row', { hasText: 'US East (N. Virginia) us-east-1' }).waitFor({ timeout: 15_000 });
    await page.waitForTimeout(300);
    await shot(page, 'region-pick');
    await page.keyboard.type('London');
    await page.locator('.quick-input-list .monaco-list-row', { hasText: 'Europe (London) eu-west-2' }).waitFor();
    await page.keyboard.press('Enter');
    await page.locator('.view-lines', { hasText: 'arn:aws:lambda:eu-west-2:' }).waitFor({ timeout: 15_000 });
    await page.keyboard.press('Escape');

    // A JSON file that is not a policy is refused before any question.
    await page.keyboard.press('Control+P');
    await page.locator('.quick-input-widget input').waitFor();
    await page.keyboard.type('settings-not-policy.json');
    await page.locator('.quick-input-list .monaco-list-row', { hasText: 'settings-not-policy.json' }).first().waitFor();
    await page.keyboard.press('Enter');
    await page.locator('.monaco-editor .view-lines', { hasText: 'not a policy' }).first().waitFor();
    await page.keyboard.press('F1');
    await page.keyboard.type('Connect IAM: Insert S3 Call-Recording Bucket Policy');
    await page.locator('.quick-input-list .monaco-list-row', { hasText: 'Insert S3 Call-Recording Bucket Policy' }).first().waitFor();
    await page.keyboard.press('Enter');
    await page.locator('.notifications-toasts', { hasText: 'is neither empty nor a policy' }).first().waitFor({ timeout: 15_000 });
    assert.equal(await page.locator('.quick-input-widget', { hasText: 'Amazon Connect instance' }).isVisible(), false, 'asked for the instance first');
    await page.waitForTimeout(300);
    await shot(page, 'refused');

    // The Extensions view shows the user page, its pictures loaded from the package (offline).
    await page.keyboard.press('F1');
    await page.keyboard.type('Notifications: Clear All Notifications');
    await page.locator('.quick-input-list .monaco-list-row', { hasText: 'Clear All Notifications' }).first().waitFor();
    await page.keyboard.press('Enter');
    await page.keyboard.press('Control+J'); // the panel: room for the page
    await page.keyboard.press('Control+Shift+X');
    // The view opens with its search box focused.
    await page.locator('.extensions-viewlet').waitFor({ timeout: 15_000 });
    await page.waitForTimeout(500);
    await page.keyboard.type('@installed Connect IAM');
    await page.locator('.extensions-viewlet .monaco-list-row', { hasText: 'Connect IAM' }).first().click({ timeout: 30_000 });
    let loaded;
    await waitUntilAsync(async () => {
      for (const frame of page.frames()) {
        if (!(await frame.locator('h2', { hasText: 'What it does' }).count().catch(() => 0))) continue;
        loaded = await frame.evaluate(() => [...document.images].map((i) => ({ src: i.getAttribute('src'), ok: i.complete && i.naturalWidth > 0 }))).catch(() => undefined);
        if (loaded?.length && loaded.every((i) => i.ok)) return true;
      }
      return false;
    }, 'the extension page or its pictures did not load', 30_000).catch((err) => {
      throw new Error(`${err.message}: ${JSON.stringify(loaded)}`);
    });
    await page.mouse.move(900, 700);
    await page.waitForTimeout(800);
    await shot(page, 'extension-page');
    console.log('[e2e] UI test passed: Problems panel (one entry per problem), status counts, lightbulb actions, rule page, quick fix, hover, New Connect Policy with its prompts and the Region pick, refusal of a non-policy, extension page with its pictures');
  } catch (err) {
    if (page) await shot(page, 'failure').catch(() => {});
    throw err;
  } finally {
    await browser.close().catch(() => {});
    server.stop();
  }
}

async function waitUntilAsync(check, message, timeoutMs = 15_000) {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(message);
    await new Promise((r) => setTimeout(r, 250));
  }
}

async function waitUntil(check, message, timeoutMs = 15_000) {
  const deadline = Date.now() + timeoutMs;
  while (!check()) {
    if (Date.now() > deadline) throw new Error(message);
    await new Promise((r) => setTimeout(r, 200));
  }
}
