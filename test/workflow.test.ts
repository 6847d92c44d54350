/**
 * The GitHub Pages workflow (.github/workflows/pages.yml): valid against GitHub's workflow schema
 * (checked offline by @action-validator/core, which bundles SchemaStore's github-workflow schema),
 * only GitHub's own Pages actions at pinned major versions, the README's commands, and a build
 * command the CLI really accepts.
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { validateWorkflow } from '@action-validator/core';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { parseCommand } from '../src/cli/args.js';
import { resolveConfig } from '../src/config/config.js';
import { cacheDirOf as cacheDirFor } from '../src/config/site-paths.js';
import { REPO } from './helpers/site.js';

const FILE = path.join(REPO, '.github/workflows/pages.yml');
const SOURCE = readFileSync(FILE, 'utf8');

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
  steps: Step[];
}
interface Workflow {
  on: { push: { branches: string[] }; workflow_dispatch: unknown };
  permissions: Record<string, string>;
  concurrency: { group: string; 'cancel-in-progress': boolean };
  jobs: Record<string, Job>;
}

const workflow = parse(SOURCE) as Workflow;
const build = workflow.jobs.build!;
const deploy = workflow.jobs.deploy!;
const allSteps = Object.values(workflow.jobs).flatMap((job) => job.steps);
const stepUsing = (job: Job, action: string) => job.steps.find((s) => s.uses?.split('@')[0] === action);
const indexOf = (predicate: (s: Step) => boolean) => build.steps.findIndex(predicate);

/** Splits a shell command line into words, honouring single and double quotes. */
function shellWords(line: string): string[] {
  const words: string[] = [];
  for (const m of line.matchAll(/"((?:[^"\\]|\\.)*)"|'([^']*)'|(\S+)/g)) words.push(m[1] ?? m[2] ?? m[3]!);
  return words;
}

/** The npm commands of the README's quick start (`npm ci`, `npm run build`, `npm test`), or those three if there is no README yet. */
function readmeCommands(): string[] {
  const readme = path.join(REPO, 'README.md');
  if (!existsSync(readme)) return ['npm ci', 'npm run build', 'npm test'];
  const text = readFileSync(readme, 'utf8');
  const section = text.split(/^## /m).find((s) => /^quick start/i.test(s)) ?? '';
  const block = /```(?:sh|shell|bash|console)?\n([\s\S]*?)```/.exec(section)?.[1] ?? '';
  return block
    .split('\n')
    .map((line) => line.replace(/#.*$/, ''))
    .flatMap((line) => line.split('&&'))
    .map((command) => command.trim().replace(/^\$\s*/, ''))
    .filter((command) => command.startsWith('npm '));
}

describe('the Pages workflow', () => {
  it('is valid against GitHub’s workflow schema', () => {
    expect(validateWorkflow(SOURCE).errors).toEqual([]);
  });

  it('is checked by a validator that does catch mistakes (offline)', () => {
    const broken = SOURCE.replace('runs-on: ubuntu-latest', 'run-on: ubuntu-latest');
    expect(broken).not.toBe(SOURCE);
    expect(validateWorkflow(broken).errors.length).toBeGreaterThan(0);
    expect(validateWorkflow('on: [push\n').errors.map((e) => e.code)).toEqual(['parse_error']);
  });

  it('runs on pushes to main and by hand', () => {
    expect(workflow.on.push.branches).toEqual(['main']);
    expect('workflow_dispatch' in workflow.on).toBe(true);
  });

  it('asks only for the permissions Pages needs', () => {
    expect(workflow.permissions).toEqual({ contents: 'read', pages: 'write', 'id-token': 'write' });
  });

  it('never runs two deployments at once, and never cancels one halfway', () => {
    expect(workflow.concurrency).toEqual({ group: 'pages', 'cancel-in-progress': false });
  });

  it('uses only GitHub’s own actions, pinned to a major version', () => {
    const expected: Record<string, string> = {
      'actions/checkout': 'v4',
      'actions/setup-node': 'v4',
      'actions/cache': 'v4',
      'actions/configure-pages': 'v5',
      'actions/upload-pages-artifact': 'v3',
      'actions/deploy-pages': 'v4',
    };
    const used = allSteps.filter((s) => s.uses).map((s) => s.uses!);
    for (const uses of used) expect(uses).toMatch(/^actions\/[a-z-]+@v\d+$/);
    expect(Object.fromEntries(used.map((u) => u.split('@') as [string, string]))).toEqual(expected);
  });

  it('sets up Node 22 with the npm cache', () => {
    expect(stepUsing(build, 'actions/setup-node')!.with).toEqual({ 'node-version': 22, cache: 'npm' });
  });

  it('restores and saves the build cache folder, keyed on the OS, the lock file and the content', () => {
    const cache = stepUsing(build, 'actions/cache')!;
    expect(cache.with!.path).toBe(path.relative(REPO, cacheDirFor(REPO)).split(path.sep).join('/'));
    const key = String(cache.with!.key);
    const expressions = [...key.matchAll(/\$\{\{\s*(.*?)\s*\}\}/g)].map((m) => m[1]);
    expect(expressions).toEqual(['runner.os', "hashFiles('package-lock.json')", "hashFiles('posts/**', 'layouts/**', '_config.yml')"]);
    expect(indexOf((s) => s.uses?.startsWith('actions/cache@') ?? false)).toBeLessThan(indexOf((s) => s.run?.startsWith('npm run build') ?? false));
  });

  it('runs the README’s commands: install from the lock file first, test, then build', () => {
    const runs = build.steps.filter((s) => s.run).map((s) => s.run!.trim());
    const commands = readmeCommands();
    expect(commands).toEqual(expect.arrayContaining(['npm ci', 'npm run build', 'npm test']));
    const position = (command: string) => runs.findIndex((r) => r === command || r.startsWith(`${command} -- `));
    for (const command of commands) expect(position(command), command).toBeGreaterThanOrEqual(0);
    expect(position('npm ci')).toBe(0);
    expect(position('npm ci')).toBeLessThan(position('npm test'));
    expect(position('npm test')).toBeLessThan(position('npm run build'));
  });

  it('builds strictly, with the base path and origin configure-pages reports', () => {
    const configure = stepUsing(build, 'actions/configure-pages')!;
    expect(configure.id).toBe('pages');
    const buildStep = build.steps.find((s) => s.run?.startsWith('npm run build'))!;
    expect(indexOf((s) => s === configure)).toBeLessThan(indexOf((s) => s === buildStep));
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
    expect(indexOf((s) => s === upload)).toBe(build.steps.length - 1);
  });

  it('deploys in a second job, to the github-pages environment, with the deployment URL', () => {
    expect(deploy.needs).toBe('build');
    const step = stepUsing(deploy, 'actions/deploy-pages')!;
    expect(deploy.environment).toEqual({ name: 'github-pages', url: `\${{ steps.${step.id}.outputs.page_url }}` });
    expect(deploy.steps).toHaveLength(1);
  });
});
