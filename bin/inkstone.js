#!/usr/bin/env node
// inkstone's launcher: runs the bundles compiled from the TypeScript sources into dist/
// (bin/compile.js), compiling first when a source, the lock file or the compiler changed. esbuild
// itself is loaded only when there is something to compile.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const src = path.join(root, 'src');
const dist = path.join(root, 'dist');

const stampOf = (file) => {
  const s = statSync(file, { throwIfNoEntry: false });
  return s ? `${s.size}:${s.mtimeMs}` : 'none';
};
const sources = readdirSync(src, { recursive: true })
  .filter((name) => name.endsWith('.ts'))
  .sort();
const fingerprint = [
  ...sources.map((name) => `${name}:${stampOf(path.join(src, name))}`),
  ...['package-lock.json', 'node_modules/.package-lock.json', 'bin/compile.js'].map((name) => `${name}:${stampOf(path.join(root, name))}`),
].join('\n');

let current = '';
try {
  current = readFileSync(path.join(dist, '.sources'), 'utf8');
} catch {
  // No compiled copy yet.
}
if (current !== fingerprint) {
  const { compile } = await import('./compile.js');
  await compile(root, fingerprint);
}

const { main } = await import(pathToFileURL(path.join(dist, 'cli', 'main.js')).href);
process.exitCode = await main(process.argv.slice(2));
