/**
 * `npm run bench:identical -- [REV]`: builds the sample blog and the 1000-post bench corpus with this
 * checkout and with git revision REV (default HEAD, i.e. the last commit, so uncommitted work is
 * compared with it), and fails unless every output file is byte-identical. Changes made only for
 * speed or structure must pass it.
 *
 *   npm run bench:identical              # working tree vs HEAD
 *   npm run bench:identical -- main~3    # working tree vs an older commit
 *   IDENTICAL_POSTS=250 npm run bench:identical
 */
import { execFile } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdtemp, readdir, readFile, rm, symlink } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { writeCorpus } from './corpus.js';

const run = promisify(execFile);
const REPO = path.resolve(import.meta.dirname, '..');

/** sha1 of every file below `dir`, by relative path. */
async function fingerprint(dir: string): Promise<Map<string, string>> {
  const out = new Map<string, string>();
  for (const entry of await readdir(dir, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile()) continue;
    const file = path.join(entry.parentPath, entry.name);
    out.set(
      path.relative(dir, file),
      createHash('sha1')
        .update(await readFile(file))
        .digest('hex'),
    );
  }
  return out;
}

/** Builds `site` (a folder) with the checkout at `checkout` into a fresh output folder; returns it. */
async function buildWith(checkout: string, site: string, label: string): Promise<string> {
  const out = await mkdtemp(path.join(os.tmpdir(), `inkstone-identical-${label}-`));
  await run(process.execPath, [path.join(checkout, 'bin/inkstone.js'), 'build', '--src', site, '--out', out, '--no-cache'], {
    cwd: checkout,
    maxBuffer: 64 << 20,
    env: { ...process.env, TZ: 'UTC' },
  });
  return out;
}

/** Lists the differences between two fingerprints (at most `limit`). */
function differences(a: Map<string, string>, b: Map<string, string>, limit = 20): string[] {
  const diffs: string[] = [];
  for (const [file, hash] of a) if (b.get(file) !== hash) diffs.push(b.has(file) ? `changed: ${file}` : `only in the new build: ${file}`);
  for (const file of b.keys()) if (!a.has(file)) diffs.push(`only in the old build: ${file}`);
  return diffs.slice(0, limit);
}

const rev = process.argv[2] ?? 'HEAD';
const posts = Number(process.env.IDENTICAL_POSTS ?? 1000);
const base = await mkdtemp(path.join(os.tmpdir(), 'inkstone-identical-base-'));
const corpus = await mkdtemp(path.join(os.tmpdir(), 'inkstone-identical-corpus-'));
let failed = false;
try {
  await run('git', ['worktree', 'add', '--detach', base, rev], { cwd: REPO });
  await symlink(path.join(REPO, 'node_modules'), path.join(base, 'node_modules'));
  await writeCorpus(corpus, posts);
  // The sample blog is each checkout itself (its posts, layouts and theme); the corpus is shared.
  for (const [label, oldSite, newSite] of [
    ['sample blog', base, REPO],
    [`${posts}-post corpus`, corpus, corpus],
  ] as const) {
    const before = await buildWith(base, oldSite, 'old');
    const after = await buildWith(REPO, newSite, 'new');
    const [a, b] = [await fingerprint(after), await fingerprint(before)];
    const diffs = differences(a, b);
    console.log(`${label}: ${a.size} files, ${diffs.length === 0 ? `identical to ${rev}` : `${diffs.length} differences from ${rev}`}`);
    for (const d of diffs) console.log(`  ${d}`);
    if (diffs.length) failed = true;
    await rm(before, { recursive: true, force: true });
    await rm(after, { recursive: true, force: true });
  }
} finally {
  await run('git', ['worktree', 'remove', '--force', base], { cwd: REPO }).catch(() => undefined);
  await rm(base, { recursive: true, force: true });
  await rm(corpus, { recursive: true, force: true });
}
process.exitCode = failed ? 1 : 0;
