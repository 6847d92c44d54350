/**
 * `npm run screenshots`: builds the sample blog (posts/, layouts/, _config.yml) into a temporary
 * folder, serves it the way GitHub Pages does, and takes full-page Chromium screenshots of the
 * index, the seed post, a category page, the archive, the search page (when the build wrote one)
 * and the 404 page — desktop and phone, light and dark (prefers-color-scheme emulation) — into
 * bench/screenshots/ (not committed). Look at them after every theme change.
 *
 *   npm run screenshots                 # every page, every variant
 *   npm run screenshots -- post archive # only these pages (names below)
 */
import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, readFile, rm, stat } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { chromium } from 'playwright-core';
import { build } from '../src/build.js';
import { formatDiagnostic } from '../src/diagnostics.js';

const REPO = path.resolve(import.meta.dirname, '..');
const OUT = path.join(REPO, 'bench/screenshots');
const CHROMIUM = process.env.CHROMIUM ?? '/usr/bin/chromium';

/** The pages shot, by name: their path on the site, and whether the build must have written them. */
const PAGES: { name: string; url: string; file: string; optional?: boolean }[] = [
  { name: 'index', url: '/', file: 'index.html' },
  { name: 'post', url: '/basic/2020/01/01/some-drafts.html', file: 'basic/2020/01/01/some-drafts.html' },
  { name: 'code', url: '/shell/linux/2021/03/14/shell-pipes.html', file: 'shell/linux/2021/03/14/shell-pipes.html' },
  { name: 'category', url: '/categories/kernel/', file: 'categories/kernel/index.html' },
  { name: 'archive', url: '/archive/', file: 'archive/index.html' },
  { name: 'search', url: '/search/?q=%E6%8A%A2%E5%8D%A0', file: 'search/index.html', optional: true },
  { name: '404', url: '/no-such-page/', file: '404.html' },
];

const VIEWPORTS = [
  { name: 'desktop', width: 1280, height: 800, scale: 1, mobile: false },
  { name: 'phone', width: 390, height: 844, scale: 2, mobile: true },
] as const;
const SCHEMES = ['light', 'dark'] as const;

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.css': 'text/css',
  '.js': 'text/javascript',
  '.svg': 'image/svg+xml',
  '.json': 'application/json',
  '.xml': 'application/xml',
  '.png': 'image/png',
};

/** A static server answering like GitHub Pages: `/a/` → `a/index.html`, the 404 page for anything missing. */
async function serve(dir: string): Promise<{ origin: string; server: Server }> {
  const isFile = (file: string) =>
    stat(file).then(
      (s) => s.isFile(),
      () => false,
    );
  const server = createServer((req, res) => {
    void (async () => {
      const rel = decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname).replace(/^\/+/, '');
      let file = path.resolve(dir, rel);
      if (!file.startsWith(dir)) file = dir;
      if (rel === '' || rel.endsWith('/')) file = path.join(file, 'index.html');
      if (!(await isFile(file)) && (await isFile(`${file}.html`))) file = `${file}.html`;
      if (!(await isFile(file))) {
        res.writeHead(404, { 'content-type': TYPES['.html']! }).end(await readFile(path.join(dir, '404.html')));
        return;
      }
      res.writeHead(200, { 'content-type': TYPES[path.extname(file)] ?? 'application/octet-stream' }).end(await readFile(file));
    })().catch(() => res.writeHead(500).end());
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { origin: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, server };
}

async function main(): Promise<void> {
  if (!existsSync(CHROMIUM)) throw new Error(`no Chromium at ${CHROMIUM} (set CHROMIUM=/path/to/chromium)`);
  const wanted = process.argv.slice(2);
  const site = await mkdtemp(path.join(tmpdir(), 'inkstone-screenshots-'));
  const report = await build({ root: REPO, outDir: site, cache: false });
  for (const d of report.diagnostics) console.error(formatDiagnostic(d));
  if (!report.ok) throw new Error('the sample blog did not build');
  await mkdir(OUT, { recursive: true });
  const { origin, server } = await serve(site);
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking'] });
  try {
    for (const page of PAGES) {
      if (wanted.length && !wanted.includes(page.name)) continue;
      if (!existsSync(path.join(site, page.file))) {
        if (!page.optional) throw new Error(`the build wrote no ${page.file}`);
        console.log(`${page.name}: not built, skipped`);
        continue;
      }
      for (const viewport of VIEWPORTS) {
        for (const scheme of SCHEMES) {
          const context = await browser.newContext({
            viewport: { width: viewport.width, height: viewport.height },
            deviceScaleFactor: viewport.scale,
            isMobile: viewport.mobile,
            hasTouch: viewport.mobile,
            colorScheme: scheme,
          });
          const tab = await context.newPage();
          await tab.goto(origin + page.url, { waitUntil: 'networkidle' });
          const file = path.join(OUT, `${page.name}-${viewport.name}-${scheme}.png`);
          await tab.screenshot({ path: file, fullPage: true });
          await context.close();
          console.log(path.relative(REPO, file));
        }
      }
    }
  } finally {
    await browser.close();
    server.close();
    await rm(site, { recursive: true, force: true });
  }
}

await main();
