/**
 * Drives the real VS Code workbench (code-server) in Chromium the way a writer
 * would: open a Swedish document, see the squiggle and the Problems row, apply a
 * quick fix with Ctrl+., watch the status bar score change while typing, open the
 * report and follow one of its links. Screenshots go to ARTIFACTS; look at them.
 *
 * Environment (set by scripts/e2e.sh): CS_URL, ARTIFACTS, CHROMIUM (the browser's path), and what the
 * CLI says of the same document: EXPECT_BAND, EXPECT_LIX.
 */
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type FrameLocator, type Locator, type Page } from 'playwright-core';

const url = requireEnv('CS_URL');
const artifacts = requireEnv('ARTIFACTS');
const expectedBand = requireEnv('EXPECT_BAND');
const expectedLix = requireEnv('EXPECT_LIX');
const executablePath = requireEnv('CHROMIUM');

/** Generous: the extension host starts cold on a 2-core CI machine. Not a speed check. */
const WAIT_MS = 90_000;

interface Step {
  name: string;
  run: (page: Page) => Promise<void>;
}

const results: Array<{ name: string; ok: boolean; detail: string }> = [];

const steps: Step[] = [
  {
    name: 'the workbench opens the Swedish document',
    async run(page) {
      await page.goto(url);
      await page.locator('.monaco-workbench').waitFor();
      await page.locator('.explorer-folders-view .monaco-list-row', { hasText: 'beslut.md' }).click();
      await editorLines(page).filter({ hasText: 'Vi har erhållit din ansökan' }).waitFor();
    },
  },
  {
    name: 'a squiggle marks the officialese',
    async run(page) {
      await page.locator('.monaco-editor [class*="squiggly-"]').first().waitFor();
      await page.screenshot({ path: join(artifacts, '01-squiggle.png') });
    },
  },
  {
    name: 'the Problems panel lists the finding at its line and column',
    async run(page) {
      await page.keyboard.press('Control+Shift+M');
      const row = page.locator('.markers-panel .monaco-list-row', { hasText: 'erhållit' }).first();
      await row.waitFor();
      const text = await row.innerText();
      // "erhållit" starts at column 8 of line 3; the heading and the blank line come first.
      expect(text.includes('Ln 3, Col 8'), `Problems row: ${text}`);
      expect(text.includes('sv/officialese/erhalla'), `Problems row names the rule: ${text}`);
      await page.screenshot({ path: join(artifacts, '02-problems.png') });
    },
  },
  {
    name: 'the status bar shows the difficulty band and LIX that klar check reports',
    async run(page) {
      const item = statusItem(page);
      await item.filter({ hasText: `${expectedBand} · LIX ${expectedLix}` }).waitFor();
    },
  },
  {
    name: 'Ctrl+. offers the replacement and applies it',
    async run(page) {
      await selectText(page, 'samt');
      await page.keyboard.press('Control+.');
      const menu = page.locator('.action-widget');
      await menu.locator('.monaco-list-row', { hasText: 'och' }).first().waitFor();
      await page.screenshot({ path: join(artifacts, '03-quick-fix-menu.png') });
      await focusRow(page, menu, /”och”|"och"|“och”/);
      await page.keyboard.press('Enter');
      await editorLines(page).filter({ hasText: 'hyresavtalet för år 2024 och lönebesked' }).waitFor();
      await page.screenshot({ path: join(artifacts, '04-after-fix.png') });
    },
  },
  {
    name: 'the status bar follows the text as the writer types',
    async run(page) {
      const item = statusItem(page);
      const before = (await item.innerText()).trim();
      await page.keyboard.press('Control+End');
      await page.keyboard.type(
        '\nUtbetalningsförutsättningarna förutsätter beslutsunderlagsinhämtning, myndighetsgemensam ' +
          'handläggningsprioritering och bostadskostnadsberäkningsunderlag enligt föreskrifterna.\n',
      );
      await page.waitForFunction(
        ([selector, previous]) => {
          const text = document.querySelector(selector as string)?.textContent?.trim() ?? '';
          return text.includes('LIX') && text !== previous;
        },
        [STATUS_SELECTOR, before],
        { timeout: WAIT_MS },
      );
      const after = (await item.innerText()).trim();
      expect(lixOf(after) > lixOf(before), `LIX rose after long words were typed: ${before} → ${after}`);
      await page.screenshot({ path: join(artifacts, '05-status-bar.png') });
    },
  },
  {
    name: 'clicking the status bar opens the report with sections, findings and working links',
    async run(page) {
      await statusItem(page).click();
      const report = await reportFrame(page);
      await report.locator('h1', { hasText: 'beslut.md' }).waitFor();
      const sectionRows = report.locator('.sections tbody tr');
      await sectionRows.nth(1).waitFor();
      expect((await sectionRows.count()) === 2, 'two sections: one per heading');
      expect((await report.locator('.sections rect.fill').count()) === 2, 'one bar per section');
      const officialese = report.locator('.findings details', { hasText: 'Officialese' });
      await officialese.waitFor();
      const findingsText = await officialese.innerText();
      expect(findingsText.includes('erhållit') && findingsText.includes('inkomma'), `officialese findings: ${findingsText}`);
      expect(!findingsText.includes('samt'), 'the fixed word is no longer a finding');
      // Room for the report: the Problems panel closes, the report scrolls to its lists.
      await page.keyboard.press('Control+J');
      await page.screenshot({ path: join(artifacts, '06-report.png') });
      await report.locator('.sentences').scrollIntoViewIfNeeded();
      await page.screenshot({ path: join(artifacts, '07-report-lists.png') });

      await officialese.locator('li', { hasText: 'inkomma' }).locator('a.jump').click();
      // The editor selects the word (7 letters, ending at column 15): VS Code's own status bar says so.
      await page.locator('.statusbar-item', { hasText: 'Ln 7, Col 15 (7 selected)' }).first().waitFor();
      await page.screenshot({ path: join(artifacts, '08-report-link.png') });
    },
  },
  {
    name: 'checking the whole workspace lists findings of a document nobody opened',
    async run(page) {
      await runCommand(page, 'klar: Check all documents in the workspace');
      // vedtak.txt is Norwegian: "foreta" follows "søknaden", so its column counts ø as one unit.
      const row = page.locator('.markers-panel .monaco-list-row', { hasText: 'nb/officialese/foreta' }).first();
      await row.waitFor();
      const text = await row.innerText();
      expect(text.includes('Ln 1, Col 43'), `Problems row: ${text}`);
      await page.locator('.markers-panel .monaco-list-row', { hasText: 'vedtak.txt' }).first().waitFor();
      await page.locator('.notification-toast', { hasText: 'klar checked 2 documents' }).waitFor();
      await page.screenshot({ path: join(artifacts, '09-workspace-check.png') });
    },
  },
];

async function main(): Promise<number> {
  mkdirSync(artifacts, { recursive: true });
  const profile = mkdtempSync(join(tmpdir(), 'klar-e2e-chromium-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath,
    headless: true,
    viewport: { width: 1400, height: 900 },
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
  const page = context.pages()[0] ?? (await context.newPage());
  page.setDefaultTimeout(WAIT_MS);
  try {
    for (const step of steps) {
      const started = Date.now();
      try {
        await step.run(page);
        results.push({ name: step.name, ok: true, detail: `${((Date.now() - started) / 1000).toFixed(1)} s` });
        console.log(`ok   ${step.name} (${((Date.now() - started) / 1000).toFixed(1)} s)`);
      } catch (error) {
        results.push({ name: step.name, ok: false, detail: error instanceof Error ? error.message : String(error) });
        console.log(`FAIL ${step.name}\n     ${String(error instanceof Error ? error.message : error).split('\n')[0]}`);
        await page.screenshot({ path: join(artifacts, 'failure.png') }).catch(() => undefined);
        break; // later steps build on this one
      }
    }
  } finally {
    await context.close().catch(() => undefined);
    rmSync(profile, { recursive: true, force: true });
  }
  const passed = results.filter((r) => r.ok).length;
  const failed = steps.length - passed;
  console.log(`e2e: ${passed} passed, ${failed} failed`);
  return failed === 0 ? 0 : 1;
}

const STATUS_SELECTOR = '.statusbar-item[id*="klar.readability"]';

function statusItem(page: Page): Locator {
  return page.locator(STATUS_SELECTOR);
}

function editorLines(page: Page): Locator {
  return page.locator('.monaco-editor .view-lines');
}

/** Selects the first occurrence of `text` in the editor with the find widget. */
async function selectText(page: Page, text: string): Promise<void> {
  await editorLines(page).first().click();
  await page.keyboard.press('Control+Home');
  await page.keyboard.press('Control+F');
  await page.keyboard.type(text);
  await page.keyboard.press('Enter');
  await page.keyboard.press('Escape');
}

/** Runs a command from the Command Palette, as a writer would. */
async function runCommand(page: Page, title: string): Promise<void> {
  await editorLines(page).first().click();
  await page.keyboard.press('Control+Shift+P');
  const input = page.locator('.quick-input-widget input');
  await input.waitFor();
  await input.fill(`>${title}`);
  await page.locator('.quick-input-list .monaco-list-row', { hasText: title.replace(/^klar: /, '') }).first().waitFor();
  await page.keyboard.press('Enter');
}

/** Moves the keyboard focus in a menu to the row whose text matches; a mouse click is swallowed by the menu's pointer block. */
async function focusRow(page: Page, menu: Locator, label: RegExp): Promise<void> {
  for (let i = 0; i < 12; i++) {
    const focused = await menu.locator('.monaco-list-row.focused').innerText().catch(() => '');
    if (label.test(focused)) return;
    await page.keyboard.press('ArrowDown');
  }
  throw new Error(`no quick fix matching ${label}; the menu shows: ${await menu.innerText()}`);
}

/** The report's document lives two frames deep: the webview's host frame, then its content. */
async function reportFrame(page: Page): Promise<FrameLocator> {
  await page.locator('.tab', { hasText: 'klar:' }).first().waitFor();
  return page.frameLocator('iframe.webview').frameLocator('iframe#active-frame');
}

function lixOf(statusText: string): number {
  const match = /LIX (\d+)/.exec(statusText);
  return match ? Number(match[1]) : Number.NaN;
}

function expect(condition: boolean, message: string): void {
  if (!condition) throw new Error(message);
}

function requireEnv(name: string): string {
  const value = process.env[name];
  if (!value) {
    console.error(`code-server.ts: ${name} is not set; run scripts/e2e.sh`);
    process.exit(2);
  }
  return value;
}

process.exitCode = await main();
