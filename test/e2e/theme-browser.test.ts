/**
 * The default theme's script in a real browser (Debian's Chromium, driven by playwright-core): what
 * each code block's copy button puts on the clipboard (no prompts, no output of a session, no line
 * numbers, no lines a diff removes), by mouse and by keyboard; and the table of contents following
 * the section being read on a wide screen, collapsed at the top on a phone. Skipped only where
 * Chromium is missing.
 */
import { existsSync } from 'node:fs';
import { readFile, rm, stat } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { type Browser, type BrowserContext, chromium } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { build } from '../../src/build.js';
import { makeSite, post } from '../helpers/site.js';

// Code passed to page.evaluate runs in the browser; the project compiles without the DOM library.
declare const window: any;
declare const document: any;
declare const navigator: any;

const CHROMIUM = '/usr/bin/chromium';
const TYPES: Record<string, string> = { '.html': 'text/html; charset=utf-8', '.css': 'text/css', '.js': 'text/javascript', '.svg': 'image/svg+xml' };

const fence = (info: string, code: string) => `\`\`\`${info}\n${code}\n\`\`\`\n`;
const CODE_POST = [
  fence('console', '$ make -j8 \\\n> V=1\n  CC kernel/sched/core.o\n[root@localhost ~]# insmod mymod.ko\n'),
  fence('c linenos', 'int a;\n\tint b;'),
  fence('c', 'int a;\nint b; // [!code highlight]\nint c;'),
  fence('c', 'old(); // [!code --]\nnew(); // [!code ++]\nsame();'),
  fence('kconfig-ish', 'CONFIG_PREEMPT=y'),
  fence('shell', '(gdb) bt\n(gdb) c'),
  // Jekyll's tag: numbered and marked lines, through the same box and copy button.
  '{% highlight c linenos mark_lines="2" %}\nint a;\n\tint b;\n{% endhighlight %}\n',
  '{% highlight console %}\n$ uname -r\n6.1.0\n{% endhighlight %}\n',
].join('\n');
const LONG = Array.from({ length: 8 }, (_, i) => `## 第 ${i + 1} 节\n\n${'为了让页面足够长，可以滚动。'.repeat(40)}\n`).join('\n');

async function serve(dir: string): Promise<{ origin: string; server: Server }> {
  const server = createServer((req, res) => {
    void (async () => {
      const rel = decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname).slice(1);
      let file = path.join(dir, rel);
      if (rel === '' || rel.endsWith('/')) file = path.join(file, 'index.html');
      if (
        !(await stat(file).then(
          (s) => s.isFile(),
          () => false,
        ))
      )
        return res.writeHead(404).end();
      res.writeHead(200, { 'content-type': TYPES[path.extname(file)] ?? 'application/octet-stream' }).end(await readFile(file));
    })();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { origin: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, server };
}

describe.skipIf(!existsSync(CHROMIUM))('the default theme in Chromium', () => {
  let root: string;
  let origin: string;
  let server: Server;
  let browser: Browser;
  let context: BrowserContext;

  beforeAll(async () => {
    root = await makeSite({
      '_config.yml': 'title: 测试\nlang: zh-CN\n',
      'posts/2024-01-01-code.md': post({ title: '代码' }, CODE_POST),
      'posts/2024-01-02-long.md': post({ title: '长文' }, LONG),
    });
    expect((await build({ root, workers: 0, cache: false })).ok).toBe(true);
    ({ origin, server } = await serve(path.join(root, 'public')));
    browser = await chromium.launch({ executablePath: CHROMIUM, args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking'] });
    context = await browser.newContext({ viewport: { width: 1400, height: 800 }, permissions: ['clipboard-read', 'clipboard-write'] });
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
    await new Promise<void>((resolve) => (server ? server.close(() => resolve()) : resolve()));
    await rm(root, { recursive: true, force: true });
  });

  it('copies what each block means to copy, and says so', async () => {
    const page = await context.newPage();
    await page.goto(`${origin}/2024/01/01/code.html`);
    const buttons = page.locator('.code-block .copy-button');
    expect(await buttons.count()).toBe(8);
    expect(await buttons.first().textContent()).toBe('复制');
    const copied: string[] = [];
    for (let i = 0; i < 8; i++) {
      await page.evaluate(() => navigator.clipboard.writeText('(nothing)'));
      await buttons.nth(i).click();
      await expect.poll(() => page.evaluate(() => navigator.clipboard.readText())).not.toBe('(nothing)');
      copied.push(await page.evaluate(() => navigator.clipboard.readText()));
    }
    expect(copied).toEqual([
      // A session: its commands (a continued one on two lines), without prompts or output.
      'make -j8 \\\nV=1\ninsmod mymod.ko',
      // Line numbers are drawn by CSS; the tab is kept.
      'int a;\n\tint b;',
      // A highlighted line is copied without its notation comment.
      'int a;\nint b;\nint c;',
      // A diff gives the new version.
      'new();\nsame();',
      'CONFIG_PREEMPT=y',
      'bt\nc',
      // {% highlight c linenos %}: neither the numbers nor the mark are copied.
      'int a;\n\tint b;',
      // {% highlight console %}: a session there too.
      'uname -r',
    ]);
    expect(await buttons.first().textContent()).toBe('已复制');
    await page.close();
  });

  it('copies from the keyboard too', async () => {
    const page = await context.newPage();
    await page.goto(`${origin}/2024/01/01/code.html`);
    await page.evaluate(() => navigator.clipboard.writeText('(nothing)'));
    const button = page.locator('.code-block .copy-button').nth(4);
    await button.focus();
    expect(await page.evaluate(() => document.activeElement.className)).toBe('copy-button');
    await page.keyboard.press('Enter');
    await expect.poll(() => page.evaluate(() => navigator.clipboard.readText())).toBe('CONFIG_PREEMPT=y');
    await page.close();
  });

  it('keeps prompts and line numbers out of a selection', async () => {
    const page = await context.newPage();
    await page.goto(`${origin}/2024/01/01/code.html`);
    const selectable = await page.evaluate(() => [...document.querySelectorAll('.prompt')].map((el: any) => window.getComputedStyle(el).userSelect));
    expect(selectable.length).toBe(6);
    expect(new Set(selectable)).toEqual(new Set(['none']));
    const number = await page.evaluate(() => window.getComputedStyle(document.querySelector('.linenos .line'), '::before').content);
    expect(number).toBe('"1"');
    const figure = await page.evaluate(() => {
      const lines = [...document.querySelectorAll('figure.highlight.code-block .linenos .line')];
      return lines.map((el: any) => [window.getComputedStyle(el, '::before').content, el.classList.contains('highlighted')]);
    });
    expect(figure).toEqual([
      ['"1"', false],
      ['"2"', true],
    ]);
    expect(await page.evaluate(() => window.getComputedStyle(document.querySelector('pre')).tabSize)).toBe('8');
    await page.close();
  });

  it('marks the section being read in the sidebar table of contents', async () => {
    const page = await context.newPage();
    await page.goto(`${origin}/2024/01/02/long.html`);
    const side = page.locator('.toc-side .toc');
    expect(await side.isVisible()).toBe(true);
    expect(await page.locator('details.toc-inline').isVisible()).toBe(false);
    const current = () => page.evaluate(() => document.querySelector('.toc-side [aria-current]')?.textContent ?? null);
    expect(await current()).toBe('第 1 节');
    await page.evaluate(() => document.getElementById('第-5-节').scrollIntoView());
    await expect.poll(current).toBe('第 5 节');
    // The sidebar stays in view while the post scrolls.
    const box = await side.boundingBox();
    expect(box!.y).toBeGreaterThanOrEqual(0);
    expect(box!.y).toBeLessThan(100);
    await page.evaluate(() => window.scrollTo(0, document.documentElement.scrollHeight));
    await expect.poll(current).toBe('第 8 节');
    await page.close();
  });

  it('collapses the table of contents at the top of the post on a phone', async () => {
    const phone = await browser.newContext({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true });
    const page = await phone.newPage();
    await page.goto(`${origin}/2024/01/02/long.html`);
    expect(await page.locator('.toc-side').isVisible()).toBe(false);
    const details = page.locator('details.toc-inline');
    expect(await details.isVisible()).toBe(true);
    expect(await details.evaluate((el: any) => el.open)).toBe(false);
    await page.locator('details.toc-inline summary').click();
    expect(await details.evaluate((el: any) => el.open)).toBe(true);
    await page.locator('details.toc-inline a', { hasText: '第 3 节' }).click();
    await expect.poll(() => page.evaluate(() => decodeURIComponent(window.location.hash))).toBe('#第-3-节');
    expect(await details.evaluate((el: any) => el.open)).toBe(false);
    await phone.close();
  });
});
