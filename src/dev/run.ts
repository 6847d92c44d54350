/**
 * `inkstone dev`: build once, then watch → rebuild what changed → tell open pages to reload.
 * Wires the rebuild session, the watcher and the preview server together, prints one line per
 * rebuild, and stops cleanly on Ctrl-C. Nothing here throws out of the loop: a failed rebuild is
 * reported and the last good output stays served.
 */
import { EventEmitter } from 'node:events';
import path from 'node:path';
import type { BuildOptions } from '../build.js';
import type { Command } from '../cli/args.js';
import { builtLine, folderLabel, progressPrinter } from '../cli/text.js';
import type { SiteConfig } from '../config/config.js';
import { SITE_DEFAULTS, WATCH_DEFAULTS } from '../config/defaults.js';
import { messageOf } from '../diagnostics.js';
import type { OutputChange } from './output-mirror.js';
import { BindError, type PreviewServer, type ReloadMessage, type ServedSite, startPreviewServer } from './server.js';
import { DevSession, type RebuildResult } from './session.js';
import { ShownDiagnostics } from './shown-diagnostics.js';
import { summaryLine, triggerLabel } from './summary.js';
import { targetsOf } from './watch-targets.js';
import { type RebuildPlan, type SiteWatcher, watchSite } from './watcher.js';

/** Options of a dev session: the build options plus server, watcher and output settings. */
export interface DevOptions extends BuildOptions {
  /** Address to bind (default 127.0.0.1). */
  host?: string;
  /** Port (default 4000, next free one when taken; 0 picks any). */
  port?: number;
  /** Fail (BindError) when the port is taken instead of taking the next free one. */
  strictPort?: boolean;
  /** Quiet time after a file event before rebuilding (ms). */
  quietMs?: number;
  /** Extra settle time for saves caught half-done (ms). */
  graceMs?: number;
  /** Quiet time after a fast rebuild before the background full check (ms). */
  checkDelayMs?: number;
  /** Where status lines go (default stdout). */
  log?: (line: string) => void;
  /** Where diagnostics go (default stderr, or `log` when given). */
  logError?: (line: string) => void;
}

/** A rebuild as reported to listeners. */
export interface DevRebuild extends RebuildResult {
  /** What triggered it, relative to the site root. */
  trigger: string;
  /** The watcher's plan (undefined for the first build). */
  plan?: RebuildPlan;
  /** Live-reload clients told about it. */
  notified: number;
  /** `performance.now()` when the reload (or error) event was sent. */
  announcedAt: number;
}

/** A running `inkstone dev`. Emits `rebuild` (DevRebuild) after each rebuild has been announced. */
export interface DevHandle extends EventEmitter {
  readonly session: DevSession;
  readonly server: PreviewServer;
  readonly watcher: SiteWatcher;
  /** The first build. */
  readonly initial: RebuildResult;
  /** `http://127.0.0.1:PORT` (no baseurl). */
  readonly origin: string;
  /** The address printed for people (`http://localhost:4000/repo/`). */
  readonly url: string;
  /** Resolves when no rebuild is waiting or running. */
  idle(): Promise<void>;
  /** Stops watcher, server (and its event streams) and render workers. */
  close(): Promise<void>;
}

/** The reload message for a rebuild's changes; `all` also when the settings changed. */
export function reloadMessage(baseurl: string, result: RebuildResult, settingsChanged = false): ReloadMessage {
  const changes: OutputChange[] = [...result.written, ...result.removed];
  const paths = changes.map((c) => c.path);
  const urls = new Set<string>();
  for (const p of paths) {
    urls.add(`${baseurl}/${p}`);
    if (p === 'index.html' || p.endsWith('/index.html')) urls.add(`${baseurl}/${p.slice(0, -'index.html'.length)}`);
  }
  return { paths, urls: [...urls], all: settingsChanged || result.full || changes.some((c) => c.kind === 'asset') };
}

/**
 * Starts `inkstone dev` in this process: preview server (first, so a taken or invalid port fails
 * before any work, with a BindError), first build, watcher.
 */
export async function startDev(options: DevOptions = {}): Promise<DevHandle> {
  const log = options.log ?? ((line: string) => process.stdout.write(line + '\n'));
  const logError = options.logError ?? (options.log ? options.log : (line: string) => process.stderr.write(line + '\n'));
  // What the server serves: the output folder's default until the first build has a configuration.
  let served = (): ServedSite => ({ outDir: path.resolve(options.root ?? '.', SITE_DEFAULTS.destination), baseurl: '' });
  const server: PreviewServer = await startPreviewServer({ host: options.host, port: options.port, strictPort: options.strictPort, site: () => served() });
  let session: DevSession;
  try {
    session = await DevSession.create(options);
  } catch (thrown) {
    await server.close();
    throw thrown;
  }
  const emitter = new EventEmitter();
  const shown = new ShownDiagnostics();
  let showingErrors = false;
  let watcher: SiteWatcher | undefined;
  const warningsOf = (result: RebuildResult) => result.diagnostics.filter((d) => d.severity === 'warning');

  let initial: RebuildResult;
  let config: SiteConfig;
  try {
    initial = await session.rebuild();
    for (const line of shown.update(initial.ok, initial.diagnostics).lines) logError(line);
    config = await session.config();
  } catch (thrown) {
    await server.close();
    await session.close();
    throw thrown;
  }
  served = () => ({ outDir: session.outDir ?? config.outDir, baseurl: config.baseurl });
  if (initial.ok) log(builtLine(initial, initial.outDir));
  else log(`first build failed; serving what is in ${folderLabel(config.outDir)} until the errors are fixed`);
  if (server.requestedPort !== 0 && server.port !== server.requestedPort) log(`port ${server.requestedPort} is in use; serving on ${server.port} instead`);

  try {
    if (!initial.ok) {
      server.showErrors(initial.diagnostics.filter((d) => d.severity === 'error'));
      showingErrors = true;
    } else {
      server.showWarnings(warningsOf(initial));
    }
    const checkDelayMs = options.checkDelayMs ?? WATCH_DEFAULTS.checkDelayMs;

    const onPlan = async (plan: RebuildPlan): Promise<void> => {
      const checkOnly = plan.check && plan.files.size === 0;
      // A check confirms fast rebuilds; after a full plan (good or bad) there is nothing to confirm.
      if (checkOnly && !session.checkDue) return;
      const trigger = checkOnly ? 'full check' : triggerLabel(config.root, plan);
      let result: RebuildResult;
      let notified = 0;
      let announcedAt = 0;
      try {
        result = await session.rebuild(checkOnly ? { check: true, signal: plan.signal } : { files: plan.files.keys(), full: plan.config });
        if (result.aborted) {
          if (session.checkDue) watcher?.requestCheck(checkDelayMs);
          return;
        }
        if (result.ok && result.needsCheck) watcher?.requestCheck(checkDelayMs);
        if (!result.ok) {
          notified = server.showErrors(result.diagnostics.filter((d) => d.severity === 'error'));
          announcedAt = performance.now();
          showingErrors = true;
        } else {
          const before = config;
          config = await session.config();
          if (showingErrors) {
            server.clearErrors();
            showingErrors = false;
          }
          // Before the reload: pages that reload get the new warnings in their first event.
          server.showWarnings(warningsOf(result));
          const message = reloadMessage(config.baseurl, result, plan.config);
          if (message.paths.length) notified = server.reload(message);
          announcedAt = performance.now();
          if (JSON.stringify(targetsOf(before)) !== JSON.stringify(targetsOf(config))) await watcher?.retarget(targetsOf(config));
        }
        // A background check that found everything in order stays quiet (but for warnings it saw come or go).
        const quiet = checkOnly && result.ok && result.written.length === 0 && result.removed.length === 0;
        const news = shown.update(result.ok, result.diagnostics);
        if (!quiet) log(summaryLine(trigger, result, news.sameErrors));
        for (const line of news.lines) logError(line);
      } catch (thrown) {
        logError(`inkstone dev: ${messageOf(thrown)} (still watching)`);
        return;
      }
      emitter.emit('rebuild', { ...result, trigger, plan, notified, announcedAt } satisfies DevRebuild);
    };

    watcher = await watchSite(targetsOf(config), {
      quietMs: options.quietMs,
      graceMs: options.graceMs,
      onPlan,
      // Start rendering an edited post while the save settles; the rebuild picks the result up.
      onEvent: (event, file, kind) => {
        if (kind === 'post' && (event === 'change' || event === 'add')) session.prefetch(file);
      },
      onError: (thrown) => logError(`inkstone dev: watcher: ${thrown.message}`),
    });
  } catch (thrown) {
    await watcher?.close();
    await server.close();
    await session.close();
    throw thrown;
  }

  let closing: Promise<void> | undefined;
  const handle = Object.assign(emitter, {
    session,
    server,
    watcher,
    initial,
    origin: server.origin,
    url: server.displayUrl(),
    idle: () => watcher!.idle(),
    close: () =>
      (closing ??= (async () => {
        await watcher!.close();
        await server.close();
        await session.close();
      })()),
  });
  return handle as DevHandle;
}

/** Runs `inkstone dev` until Ctrl-C (SIGINT) or SIGTERM; returns the exit code. */
export async function runDev(command: Command): Promise<number> {
  // Listen for the signals first: one arriving during the first build (or right after the
  // "serving" line) must stop the session cleanly, not kill the process with the default action.
  let onSignal!: (signal: NodeJS.Signals) => void;
  const stopped = new Promise<NodeJS.Signals>((resolve) => (onSignal = resolve));
  process.once('SIGINT', onSignal);
  process.once('SIGTERM', onSignal);
  const options: DevOptions = { ...command.build, host: command.host, port: command.port, strictPort: command.strictPort };
  options.onProgress = progressPrinter();
  try {
    let dev: DevHandle;
    try {
      dev = await startDev(options);
    } catch (thrown) {
      if (thrown instanceof BindError) {
        // Bad usage, said in one line: the port or host the command line asked for cannot be had.
        const advice = thrown.reason === 'in-use' && command.strictPort ? '; drop --strict-port to use the next free one' : '';
        process.stderr.write(`inkstone: ${thrown.message}${advice}\n`);
        return 2;
      }
      process.stderr.write(`inkstone dev: ${messageOf(thrown)}\n`);
      return 1;
    }
    // Later rebuilds print their own one-line summaries; progress is for the first build only.
    options.onProgress = undefined;
    process.stdout.write(`serving ${dev.url} — watching for changes (Ctrl-C to stop)\n`);
    const signal = await stopped;
    process.stdout.write(`\n${signal === 'SIGINT' ? 'stopping' : 'stopping (SIGTERM)'}…\n`);
    await dev.close();
    return 0;
  } finally {
    process.off('SIGINT', onSignal);
    process.off('SIGTERM', onSignal);
  }
}
