/**
 * Stage 3, render pages: page specs → files, through the Liquid layouts. A page whose inputs (its
 * spec hash) match what the previous build recorded, and whose file is untouched, is taken from
 * the previous output instead. Template errors are grouped, so one broken layout is reported once.
 */
import { readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import { type Diagnostic, diagnosticFrom } from '../diagnostics.js';
import type { Manifest } from '../output/manifest.js';
import type { OutputFile } from '../output/write-output.js';
import type { RenderContext } from '../render/context.js';
import { layoutChain, renderWithLayout } from '../render/liquid.js';
import type { PageSpec } from '../render/page-specs.js';
import type { Theme } from '../site/model.js';

/** Whether a page's layout chain can be rendered (`none`, or present and parsed). */
export function layoutUsable(theme: Theme, name: string): boolean {
  if (name === 'none') return true;
  const chain = layoutChain(theme, name);
  return chain.length > 0 && !chain.some((l) => l.parent && theme.broken.has(l.parent));
}

/** The specs that can be rendered: raw files, and pages whose layouts are usable (the others are reported by loading). */
export function renderableSpecs(specs: readonly PageSpec[], theme: Theme): PageSpec[] {
  return specs.filter((spec) => spec.kind === 'raw' || layoutUsable(theme, spec.layout));
}

/** Renders one page spec to its file contents. */
export async function renderPage(spec: PageSpec, theme: Theme, context: RenderContext): Promise<string> {
  if (spec.kind === 'raw') return spec.content;
  return renderWithLayout(theme, spec.layout, spec.content, {
    page: spec.page,
    site: context.siteDrop,
    ...(spec.paginator ? { paginator: spec.paginator } : {}),
  });
}

/** Renders page specs; template errors are grouped so one broken layout is reported once. */
export async function renderPages(
  specs: readonly PageSpec[],
  theme: Theme,
  context: RenderContext,
): Promise<{ files: OutputFile[]; diagnostics: Diagnostic[] }> {
  const failures = new Map<string, { diagnostic: Diagnostic; pages: string[] }>();
  const files: OutputFile[] = [];
  await Promise.all(
    specs.map(async (spec) => {
      try {
        files.push({ path: spec.path, content: await renderPage(spec, theme, context) });
      } catch (thrown) {
        const page = spec.kind !== 'raw' && spec.source ? spec.source : spec.path;
        const diagnostic = diagnosticFrom(thrown, { file: page });
        const key = `${diagnostic.file}:${diagnostic.line}:${diagnostic.message}`;
        const entry = failures.get(key) ?? { diagnostic, pages: [] };
        entry.pages.push(page);
        failures.set(key, entry);
      }
    }),
  );
  const diagnostics = [...failures.values()].map(({ diagnostic, pages }) => ({
    ...diagnostic,
    message: `${diagnostic.message} (while rendering ${pages[0]}${pages.length > 1 ? ` and ${pages.length - 1} more` : ''})`,
  }));
  return { files: files.sort((a, b) => (a.path < b.path ? -1 : 1)), diagnostics };
}

/**
 * Splits specs into pages taken from the previous output (same spec hash, file untouched) and
 * pages that must be rendered.
 */
export async function reusePages(
  specs: readonly PageSpec[],
  hashes: ReadonlyMap<string, string>,
  previous: { outDir: string; manifest: Manifest } | undefined,
): Promise<{ reused: OutputFile[]; stale: PageSpec[] }> {
  if (!previous) return { reused: [], stale: [...specs] };
  const reused: OutputFile[] = [];
  const stale: PageSpec[] = [];
  await Promise.all(
    specs.map(async (spec) => {
      const before = previous.manifest[spec.path];
      const hash = hashes.get(spec.path);
      if (before?.spec && hash === before.spec) {
        try {
          const file = path.join(previous.outDir, spec.path);
          const info = await stat(file);
          if (info.size === before.size && info.mtimeMs === before.mtimeMs) {
            reused.push({ path: spec.path, content: await readFile(file, 'utf8'), spec: hash, hash: before.hash });
            return;
          }
        } catch {
          // Gone: render it.
        }
      }
      stale.push(spec);
    }),
  );
  return { reused, stale };
}
