// Compiles inkstone's TypeScript sources into three bundles in dist/ — the command line, the
// render worker and the watch worker — with the npm packages they use bundled in, and code they
// share (or load only on demand: the build, dev, the Markdown pipeline) split into chunks. One
// bundle per thread spares each of them resolving and loading hundreds of small modules.
// Run by bin/inkstone.js when a source, the lock file or this file changed; writes a new dist/
// beside the old one and swaps it in, so a concurrent run never sees half of one.
import { renameSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { build } from 'esbuild';

/** The threads' entry modules, relative to src/ (their bundles keep these paths below dist/). */
export const ENTRY_POINTS = ['cli/main.ts', 'render-service/worker.ts', 'dev/watch-worker.ts'];

/**
 * Packages left out of the bundles and loaded from node_modules: sass (large, loaded only for
 * Sass pages), shiki (loads its grammars and themes as separate modules on demand), chokidar and
 * fsevents (platform-specific), and what only tests and the bench use.
 */
export const EXTERNAL = ['sass', 'shiki', '@shikijs/*', 'chokidar', 'fsevents', 'esbuild', 'tsx', 'playwright-core', 'pagefind'];

/** Compiles `root`/src into `root`/dist, recording `fingerprint` (see bin/inkstone.js) in dist/.sources. */
export async function compile(root, fingerprint) {
  const dist = path.join(root, 'dist');
  const next = `${dist}.${process.pid}.tmp`;
  rmSync(next, { recursive: true, force: true });
  await build({
    entryPoints: ENTRY_POINTS.map((name) => path.join(root, 'src', name)),
    outdir: next,
    outbase: path.join(root, 'src'),
    bundle: true,
    splitting: true,
    chunkNames: 'chunks/[name]-[hash]',
    external: EXTERNAL,
    format: 'esm',
    platform: 'node',
    target: 'node20',
    // Some bundled CommonJS packages call require(); give the ESM bundles one.
    banner: { js: "import { createRequire as __inkstoneRequire } from 'node:module'; const require = __inkstoneRequire(import.meta.url);" },
    logLevel: 'error',
  });
  writeFileSync(path.join(next, '.sources'), fingerprint);
  const old = `${dist}.${process.pid}.old`;
  try {
    renameSync(dist, old);
  } catch {
    // No dist/ yet.
  }
  try {
    renameSync(next, dist);
  } catch {
    // Another run swapped its own in first: keep that one.
    rmSync(next, { recursive: true, force: true });
  }
  rmSync(old, { recursive: true, force: true });
}
