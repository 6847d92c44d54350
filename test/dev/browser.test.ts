/**
 * Live reload in a real browser (Debian's Chromium, driven by playwright-core): the open page
 * follows edits by itself, keeps its scroll position, leaves other pages alone, and shows build
 * errors as an overlay that the next good save removes, and warnings as a bar of their own that can
 * be dismissed. Skipped only where Chromium is missing.
 */
import { existsSync } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { type Browser, chromium, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { OVERLAY_ID, WARNINGS_ID } from '../../src/dev/client.js';
import { type DevHandle, startDev } from '../../src/dev/run.js';
import { fixtureSite, PAGES, postText, SOURCES } from './fixture.js';
import { removeDir } from './helpers.js';

// Code passed to page.evaluate runs in the browser; the project compiles without the DOM library.
declare const window: any;
declare const document: any;

const CHROMIUM = '/usr/bin/chromium';
const LONG = Array.from({ length: 120 }, (_, i) => `第 ${i + 1} 段：为了让页面足够长，可以滚动。`).join('\n\n');

describe.skipIf(!existsSync(CHROMIUM))('live reload in Chromium', () => {
  let root: string;
  let dev: DevHandle;
  let browser: Browser;
  let page: Page;
  const alpha = () => path.join(root, 'posts', SOURCES.alpha);
  const connected = (p: Page) => p.waitForFunction(() => (window as any).__inkstone?.source.readyState === 1, undefined, { timeout: 15_000 });

  beforeAll(async () => {
    root = await fixtureSite();
    await writeFile(alpha(), postText('Alpha 笔记', 'kernel', 'c', `\n${LONG}\n`));
    dev = await startDev({ root, port: 0, workers: 1, cache: false, log: () => {} });
    browser = await chromium.launch({
      executablePath: CHROMIUM,
      args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking'],
    });
    page = await browser.newPage({ viewport: { width: 800, height: 500 } });
    await page.goto(`${dev.origin}/${PAGES.alpha}`);
    await connected(page);
  });

  afterAll(async () => {
    await browser?.close();
    await dev?.close();
    await removeDir(root);
  });

  it('shows an edit without the test reloading the page, keeps the scroll position, leaves other pages alone', async () => {
    const other = await browser.newPage();
    await other.goto(`${dev.origin}/${PAGES.beta}`);
    await connected(other);
    await other.evaluate(() => ((window as any).__stillHere = true));

    await page.evaluate(() => window.scrollTo(0, 900));
    await page.waitForFunction(() => window.scrollY >= 900);
    await page.evaluate(() => ((window as any).__beforeReload = true));
    expect(await page.textContent('body')).not.toContain('浏览器里看到的新内容');

    await writeFile(alpha(), postText('Alpha 笔记', 'kernel', 'c', `\n${LONG}\n\n浏览器里看到的新内容。\n`));
    await page.waitForFunction(() => document.body.textContent!.includes('浏览器里看到的新内容'), undefined, { timeout: 15_000 });
    // The page reloaded itself (the marker is gone) and came back where it was.
    expect(await page.evaluate(() => (window as any).__beforeReload)).toBeUndefined();
    await page.waitForFunction(() => Math.abs(window.scrollY - 900) <= 2, undefined, { timeout: 5_000 });
    await connected(page);

    // The other page was told too, but its file did not change: it stayed as it was.
    expect(await other.evaluate(() => (window as any).__stillHere)).toBe(true);
    await other.close();
  });

  it('a broken save shows the error overlay; the fixed save removes it and shows the fix', async () => {
    await writeFile(alpha(), '---\ntitle: [broken\n---\n');
    const overlay = page.locator(`#${OVERLAY_ID}`);
    await overlay.waitFor({ state: 'visible', timeout: 15_000 });
    await expect.poll(() => overlay.locator('.inkstone-error-file').textContent()).toBe(`posts/${SOURCES.alpha}:2`);
    expect(await overlay.locator('.inkstone-error-message').textContent()).toMatch(/^invalid front matter: /);
    // The last good page is still what is shown under the overlay.
    expect(await page.textContent('body')).toContain('浏览器里看到的新内容');

    await writeFile(alpha(), postText('Alpha 笔记', 'kernel', 'c', `\n${LONG}\n\n修好之后的内容。\n`));
    await page.waitForFunction(() => document.body.textContent!.includes('修好之后的内容'), undefined, { timeout: 15_000 });
    await overlay.waitFor({ state: 'detached', timeout: 5_000 });
  });

  it('error text is shown as text, never as markup', async () => {
    await connected(page);
    dev.server.showErrors([{ file: 'posts/<b>x</b>.md', line: 1, message: '<img src=x onerror="window.__pwned = 1">', severity: 'error' }]);
    const overlay = page.locator(`#${OVERLAY_ID}`);
    await overlay.waitFor({ state: 'visible', timeout: 10_000 });
    expect(await overlay.locator('.inkstone-error-message').textContent()).toBe('<img src=x onerror="window.__pwned = 1">');
    expect(await overlay.locator('img, b').count()).toBe(0);
    expect(await page.evaluate(() => (window as any).__pwned)).toBeUndefined();
    dev.server.clearErrors();
    await overlay.waitFor({ state: 'detached', timeout: 10_000 });
  });

  it('a warning shows as a dismissible bar of its own, not the error overlay; dismissed, it stays away until the warnings change', async () => {
    await connected(page);
    // The host element has no box of its own; the bar is the fixed section in its shadow root.
    const bar = page.locator(`#${WARNINGS_ID} .bar`);
    const broken = (anchor: string) => postText('Alpha 笔记', 'kernel', 'c', `\n${LONG}\n\n## 内核抢占\n\n见 [上文](#${anchor})。\n`);
    const text = broken('内核抢战');
    const line = text.split('\n').findIndex((l) => l.includes('[上文]')) + 1;
    await writeFile(alpha(), text);
    await bar.waitFor({ state: 'visible', timeout: 15_000 });
    // Playwright's CSS locators see into the bar's open shadow root.
    expect(await bar.locator('.inkstone-warning-file').allTextContents()).toEqual([`posts/${SOURCES.alpha}:${line}`]);
    expect(await bar.locator('.inkstone-warning-message').textContent()).toBe(
      'link to "#内核抢战": no heading with id "内核抢战" on this page (did you mean "#内核抢占"?)',
    );
    expect(await bar.locator('.title').textContent()).toBe('⚠ inkstone: 1 warning for this page');
    expect(await page.locator(`#${OVERLAY_ID}`).count()).toBe(0);
    // The page itself was rebuilt and is shown: a warning never stands in for the page.
    expect(await page.textContent('body')).toContain('内核抢占');

    // Another page has no warnings of its own: no bar there, though the site has one warning.
    const other = await browser.newPage();
    await other.goto(`${dev.origin}/${PAGES.beta}`);
    await connected(other);
    expect(await other.locator(`#${WARNINGS_ID}`).count()).toBe(0);
    await other.close();

    await bar.locator('.inkstone-warnings-dismiss').click();
    await bar.waitFor({ state: 'detached', timeout: 5_000 });
    await page.reload();
    await connected(page);
    expect(await page.locator(`#${WARNINGS_ID}`).count()).toBe(0);

    // A different warning brings the bar back; fixing it takes the bar away by itself.
    await writeFile(alpha(), broken('内核抢站'));
    await bar.waitFor({ state: 'visible', timeout: 15_000 });
    expect(await bar.locator('.inkstone-warning-message').textContent()).toMatch(/^link to "#内核抢站": /);
    await writeFile(alpha(), broken('内核抢占'));
    await bar.waitFor({ state: 'detached', timeout: 15_000 });
  });
});
