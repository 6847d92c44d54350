#!/usr/bin/env node
// inkstone's launcher: runs the TypeScript sources compiled to plain JavaScript in dist/.
// Compiling once (esbuild, ~0.1 s, only when a source changed) spares every run — and every render
// worker — the per-import cost of an on-the-fly TypeScript loader. esbuild itself is loaded only
// when there is something to compile.
import { readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const src = path.join(root, 'src');
const dist = path.join(root, 'dist');
const stamp = path.join(dist, '.sources');

const sources = readdirSync(src, { recursive: true })
  .filter((name) => name.endsWith('.ts'))
  .sort();
const fingerprint = sources.map((name) => `${name}:${statSync(path.join(src, name)).mtimeMs}`).join('\n');

let current = '';
try {
  current = readFileSync(stamp, 'utf8');
} catch {
  // No compiled copy yet.
}
if (current !== fingerprint) {
  rmSync(dist, { recursive: true, force: true });
  const { build } = await import('esbuild');
  await build({
    entryPoints: sources.map((name) => path.join(src, name)),
    outdir: dist,
    outbase: src,
    format: 'esm',
    platform: 'node',
    target: 'node20',
    logLevel: 'error',
  });
  writeFileSync(stamp, fingerprint);
}

const { main } = await import(pathToFileURL(path.join(dist, 'cli', 'main.js')).href);
process.exitCode = await main(process.argv.slice(2));
