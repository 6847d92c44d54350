/**
 * The two workflows, checked offline against GitHub's workflow schema (@action-validator/core
 * bundles SchemaStore's github-workflow schema): pages.yml only builds (strictly, with the render
 * cache restored) and deploys, with GitHub's own Pages actions and a build command the CLI really
 * accepts; ci.yml runs install, typecheck, lint and the tests, on changes to the generator only.
 */
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { validateWorkflow } from '@action-validator/core';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { parseCommand } from '../src/cli/args.js';
import { resolveConfig } from '../src/config/config.js';
import { renderCacheDirOf } from '../src/config/site-paths.js';
import { REPO } from './helpers/site.js';

interface Step {
  id?: string;
  name?: string;
  uses?: string;
  run?: string;
  with?: Record<string, unknown>;
}
interface Job {
  'runs-on': string;
  needs?: string | string[];
  environment?: { name: string; url: string };
  strategy?: { matrix: Record<string, unknown[]>; 'fail-fast'?: boolean };
  steps: Step[];
}
interface Workflow {
  on: Record<string, { branches?: string[]; paths?: string[] } | null>;
  permissions: Record<string, string>;
  concurrency: { group: string; 'cancel-in-progress': boolean };
  jobs: Record<string, Job>;
}

const sourceOf = (name: string) => readFileSync(path.join(REPO, '.github/workflows', name), 'utf8');
const PAGES = sourceOf('pages.yml');
const CI = sourceOf('ci.yml');
const pages = parse(PAGES) as Workflow;
const ci = parse(CI) as Workflow;
const build = pages.jobs.build!;
const deploy = pages.jobs.deploy!;
const test = ci.jobs.test!;
const stepUsing = (job: Job, action: string) => job.steps.find((s) => s.uses?.split('@')[0] === action);
const runsOf = (job: Job) => job.steps.filter((s) => s.run).map((s) => s.run!.trim());
const indexIn = (job: Job, predicate: (s: Step) => boolean) => job.steps.findIndex(predicate);
const usedActions = (workflow: Workflow) => Object.values(workflow.jobs).flatMap((job) => job.steps.filter((s) => s.uses).map((s) => s.uses!));
const SCRIPTS = (JSON.parse(readFileSync(path.join(REPO, 'package.json'), 'utf8')) as { scripts: Record<string, string> }).scripts;

/** Splits a shell command line into words, honouring single and double quotes. */
function shellWords(line: string): string[] {
  const words: string[] = [];
  for (const m of line.matchAll(/"((?:[^"\\]|\\.)*)"|'([^']*)'|(\S+)/g)) words.push(m[1] ?? m[2] ?? m[3]!);
  return words;
}

/** The npm commands of the README's quick start (`npm ci`, `npm run build`, `npm test`). */
function readmeCommands(): string[] {
  const text = readFileSync(path.join(REPO, 'README.md'), 'utf8');
  const section = text.split(/^## /m).find((s) => /^quick start/i.test(s)) ?? '';
  const block = /```(?:sh|shell|bash|console)?\n([\s\S]*?)```/.exec(section)?.[1] ?? '';
  return block
    .split('\n')
    .map((line) => line.replace(/#.*$/, ''))
    .flatMap((line) => line.split('&&'))
    .map((command) => command.trim().replace(/^\$\s*/, ''))
    .filter((command) => command.startsWith('npm '));
}

/** GitHub's path filter globs (`*` within a folder name, `**` across folders) as a RegExp. */
function globToRegExp(glob: string): RegExp {
  const body = glob.replace(/[.+^${}()|[\]\\]/g, '\\$&').replace(/\*\*|\*/g, (star) => (star === '**' ? '.*' : '[^/]*'));
  return new RegExp(`^${body}$`);
}

const TRACKED = execFileSync('git', ['ls-files'], { cwd: REPO, encoding: 'utf8' }).split('\n').filter(Boolean);

/** What the generator is made of: every change here must run the checks. */
const GENERATOR_PATHS = [
  'src/**',
  'test/**',
  'layouts/**',
  'bench/**',
  'bin/**',
  'package*.json',
  'tsconfig.json',
  'vitest.config.ts',
  'biome.json',
  '.github/workflows/**',
];

describe.each([
  ['pages.yml', PAGES],
  ['ci.yml', CI],
])('%s', (_name, source) => {
  it('is valid against GitHub’s workflow schema', () => {
    expect(validateWorkflow(source).errors).toEqual([]);
  });

  it('is checked by a validator that does catch mistakes (offline)', () => {
    const broken = source.replace('runs-on: ubuntu-latest', 'run-on: ubuntu-latest');
    expect(broken).not.toBe(source);
    expect(validateWorkflow(broken).errors.length).toBeGreaterThan(0);
    expect(validateWorkflow('on: [push\n').errors.map((e) => e.code)).toEqual(['parse_error']);
  });

  it('uses only GitHub’s own actions, pinned to a major version', () => {
    for (const uses of usedActions(parse(source) as Workflow)) expect(uses).toMatch(/^actions\/[a-z-]+@v\d+$/);
  });

  it('runs only npm scripts that exist', () => {
    const workflow = parse(source) as Workflow;
    for (const job of Object.values(workflow.jobs)) {
      for (const run of runsOf(job)) {
        const script = /^npm run ([\w:-]+)/.exec(run)?.[1];
        if (script) expect(SCRIPTS, run).toHaveProperty(script);
      }
    }
  });
});

describe('the Pages workflow', () => {
  it('runs on pushes to main and by hand', () => {
    expect(pages.on.push).toEqual({ branches: ['main'] });
    expect('workflow_dispatch' in pages.on).toBe(true);
  });

  it('asks only for the permissions Pages needs', () => {
    expect(pages.permissions).toEqual({ contents: 'read', pages: 'write', 'id-token': 'write' });
  });

  it('never runs two deployments at once, and never cancels one halfway', () => {
    expect(pages.concurrency).toEqual({ group: 'pages', 'cancel-in-progress': false });
  });

  it('uses GitHub’s Pages actions at the expected major versions', () => {
    expect(Object.fromEntries(usedActions(pages).map((u) => u.split('@') as [string, string]))).toEqual({
      'actions/checkout': 'v4',
      'actions/setup-node': 'v4',
      'actions/cache': 'v4',
      'actions/configure-pages': 'v5',
      'actions/upload-pages-artifact': 'v3',
      'actions/deploy-pages': 'v4',
    });
  });

  it('sets up Node 22 with the npm cache', () => {
    expect(stepUsing(build, 'actions/setup-node')!.with).toEqual({ 'node-version': 22, cache: 'npm' });
  });

  it('restores the render cache before building, keyed on the OS, the lock file and the content', () => {
    const cache = stepUsing(build, 'actions/cache')!;
    expect(cache.with!.path).toBe(path.relative(REPO, renderCacheDirOf(REPO)).split(path.sep).join('/'));
    const key = String(cache.with!.key);
    const expressions = [...key.matchAll(/\$\{\{\s*(.*?)\s*\}\}/g)].map((m) => m[1]);
    expect(expressions).toEqual(['runner.os', "hashFiles('package-lock.json')", "hashFiles('posts/**', 'layouts/**', '_config.yml')"]);
    // Falls back to the newest cache of the same lock file, then of the same OS.
    expect(String(cache.with!['restore-keys']).trim().split('\n')).toEqual([
      "inkstone-render-${{ runner.os }}-${{ hashFiles('package-lock.json') }}-",
      'inkstone-render-${{ runner.os }}-',
    ]);
    expect(indexIn(build, (s) => s === cache)).toBeLessThan(indexIn(build, (s) => s.run?.startsWith('npm run build') ?? false));
  });

  it('only installs and builds: no test, lint or typecheck step', () => {
    expect(runsOf(build).map((run) => shellWords(run).slice(0, 3).join(' '))).toEqual(['npm ci', 'npm run build']);
    for (const run of Object.values(pages.jobs).flatMap(runsOf)) expect(run).not.toMatch(/\bnpm (test|t|run (test|lint|typecheck))\b|vitest|tsc|biome/);
  });

  it('runs the README’s install and build commands, installing from the lock file first', () => {
    const commands = readmeCommands();
    expect(commands).toEqual(expect.arrayContaining(['npm ci', 'npm run build', 'npm test']));
    const runs = runsOf(build);
    expect(runs[0]).toBe('npm ci');
    expect(runs.some((r) => r.startsWith('npm run build -- '))).toBe(true);
  });

  it('builds strictly, with the base path and origin configure-pages reports', () => {
    const configure = stepUsing(build, 'actions/configure-pages')!;
    expect(configure.id).toBe('pages');
    const buildStep = build.steps.find((s) => s.run?.startsWith('npm run build'))!;
    expect(indexIn(build, (s) => s === configure)).toBeLessThan(indexIn(build, (s) => s === buildStep));
    const words = shellWords(buildStep.run!);
    expect(words.slice(0, 4)).toEqual(['npm', 'run', 'build', '--']);
    const args = words.slice(4);
    expect(args).toEqual(['--strict', '--base', '${{ steps.pages.outputs.base_path }}', '--url', '${{ steps.pages.outputs.origin }}']);
    // What the CLI makes of it, for a project site and for a user site.
    const withOutputs = (basePath: string) =>
      args.map((a) => a.replace('${{ steps.pages.outputs.base_path }}', basePath).replace('${{ steps.pages.outputs.origin }}', 'https://octocat.github.io'));
    const project = parseCommand(['build', ...withOutputs('/my-repo')]);
    if (!project.ok) throw new Error(project.problem.message);
    const { name, build: options } = project.command;
    expect([name, options.strict, options.baseurl, options.url]).toEqual(['build', true, '/my-repo', 'https://octocat.github.io']);
    expect(resolveConfig({ baseurl: '/old' }, options).config.baseurl).toBe('/my-repo');
    const user = parseCommand(['build', ...withOutputs('')]);
    if (!user.ok) throw new Error(user.problem.message);
    expect(resolveConfig({ baseurl: '/old' }, user.command.build).config.baseurl).toBe('');
  });

  it('uploads the output folder the build writes', () => {
    const upload = stepUsing(build, 'actions/upload-pages-artifact')!;
    const outDir = resolveConfig({}, { root: REPO }).config.outDir;
    expect(upload.with).toEqual({ path: path.relative(REPO, outDir) });
    expect(indexIn(build, (s) => s === upload)).toBe(build.steps.length - 1);
  });

  it('deploys in a second job, to the github-pages environment, with the deployment URL', () => {
    expect(deploy.needs).toBe('build');
    const step = stepUsing(deploy, 'actions/deploy-pages')!;
    expect(deploy.environment).toEqual({ name: 'github-pages', url: `\${{ steps.${step.id}.outputs.page_url }}` });
    expect(deploy.steps).toHaveLength(1);
  });
});

describe('the CI workflow', () => {
  it('runs on pushes to main and on pull requests, for changes to the generator only', () => {
    expect(Object.keys(ci.on).sort()).toEqual(['pull_request', 'push']);
    expect(ci.on.push).toEqual({ branches: ['main'], paths: GENERATOR_PATHS });
    expect(ci.on.pull_request).toEqual({ paths: GENERATOR_PATHS });
  });

  it('does not run for a blog post, the site’s settings or the README', () => {
    const runsFor = (file: string) => GENERATOR_PATHS.some((glob) => globToRegExp(glob).test(file));
    for (const file of ['posts/2020-01-01-some-drafts.md', 'posts/_drafts/idea.md', '_config.yml', 'README.md']) expect(runsFor(file), file).toBe(false);
    for (const file of ['src/cli/args.ts', 'test/workflow.test.ts', 'layouts/post.html', 'package-lock.json', '.github/workflows/ci.yml']) {
      expect(runsFor(file), file).toBe(true);
    }
  });

  it('has no path filter that matches nothing in the repository (a typo)', () => {
    for (const glob of GENERATOR_PATHS)
      expect(
        TRACKED.some((file) => globToRegExp(glob).test(file)),
        glob,
      ).toBe(true);
  });

  it('installs from the lock file, then type-checks, lints and runs the tests, in that order', () => {
    expect(runsOf(test)).toEqual(['npm ci', 'npm run typecheck', 'npm run lint', 'npm test']);
    expect(readmeCommands()).toEqual(expect.arrayContaining(['npm ci', 'npm test']));
  });

  it('tests on the oldest supported Node and on the one the Pages workflow builds with', () => {
    const engines = (JSON.parse(readFileSync(path.join(REPO, 'package.json'), 'utf8')) as { engines: { node: string } }).engines.node;
    const oldest = Number(/\d+/.exec(engines)![0]);
    const pagesNode = stepUsing(build, 'actions/setup-node')!.with!['node-version'];
    expect(test.strategy!.matrix.node).toEqual([oldest, pagesNode]);
    expect(stepUsing(test, 'actions/setup-node')!.with).toEqual({ 'node-version': '${{ matrix.node }}', cache: 'npm' });
  });

  it('reads the repository only, and a newer push cancels a run still going', () => {
    expect(ci.permissions).toEqual({ contents: 'read' });
    expect(ci.concurrency).toEqual({ group: 'ci-${{ github.ref }}', 'cancel-in-progress': true });
  });
});
