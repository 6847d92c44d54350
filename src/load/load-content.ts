/**
 * Pages and static files: every content file with front matter is a page (see content/page.ts),
 * every other one is copied as it is. Only the first bytes are read to tell them apart, so a
 * folder of images costs a few small reads.
 */
import { open } from 'node:fs/promises';
import { buildPage, type PageSettings } from '../content/page.js';
import { type Diagnostic, error } from '../diagnostics.js';
import type { Page, StaticFile } from '../site/model.js';
import { isDiagnostic, readSource } from './read-source.js';
import type { SiteFile } from './walk-site.js';

/** Jekyll's test for front matter: the first line is `---` (trailing spaces allowed). */
const FRONT_MATTER_START = /^(?:\uFEFF)?---[ \t]*\r?\n/;

/** Whether a file starts with front matter (reads its first bytes only). */
export async function hasFrontMatter(absPath: string): Promise<boolean> {
  const handle = await open(absPath, 'r');
  try {
    const buffer = Buffer.alloc(64);
    const { bytesRead } = await handle.read(buffer, 0, buffer.length, 0);
    return FRONT_MATTER_START.test(buffer.subarray(0, bytesRead).toString('utf8'));
  } finally {
    await handle.close();
  }
}

/** The site's pages and static files, every problem collected; pages claiming the same output path are errors. */
export async function loadContent(
  root: string,
  files: readonly SiteFile[],
  settings: PageSettings,
): Promise<{ pages: Page[]; staticFiles: StaticFile[]; diagnostics: Diagnostic[] }> {
  const pages: Page[] = [];
  const staticFiles: StaticFile[] = [];
  const diagnostics: Diagnostic[] = [];
  await Promise.all(
    files.map(async (file) => {
      let isPage: boolean;
      try {
        isPage = await hasFrontMatter(file.absPath);
      } catch (thrown) {
        diagnostics.push(error(file.sitePath, `cannot read file (${(thrown as NodeJS.ErrnoException).code ?? 'error'})`));
        return;
      }
      if (!isPage) {
        staticFiles.push({ path: file.sitePath, copyFrom: file.absPath });
        return;
      }
      const source = readSource(root, { relPath: file.sitePath, absPath: file.absPath });
      if (isDiagnostic(source)) {
        diagnostics.push(source);
        return;
      }
      const result = buildPage(source, settings);
      diagnostics.push(...result.diagnostics);
      // As in Jekyll, `published: false` keeps a page out of the site too.
      if (result.page && (result.page.data.published !== false || settings.unpublished)) pages.push(result.page);
    }),
  );
  pages.sort((a, b) => (a.source < b.source ? -1 : 1));
  staticFiles.sort((a, b) => (a.path < b.path ? -1 : 1));
  const byOutput = new Map<string, Page>();
  for (const page of pages) {
    const key = page.outputPath.normalize('NFC').toLowerCase();
    const other = byOutput.get(key);
    if (other) diagnostics.push(error(page.source, `URL ${page.url} is also claimed by ${other.source}`, 1));
    else byOutput.set(key, page);
  }
  return { pages: pages.filter((p) => byOutput.get(p.outputPath.normalize('NFC').toLowerCase()) === p), staticFiles, diagnostics };
}
