/** argv → command; exit codes; no logic of its own. */
import { parseArgs } from 'node:util';
import { build, type BuildOptions } from './build.js';
import { formatDiagnostic, type Diagnostic } from './diagnostics.js';

/** `inkstone --help`. */
export const HELP = `inkstone — build a blog from Jekyll-style Markdown notes

Usage:
  inkstone build [options]   build posts/ into public/
  inkstone dev [options]     build, watch, and preview with live reload
  inkstone --help            show this help

Options:
  --src DIR        site root holding _config.yml, posts/ and layouts/ (default: .)
  --out DIR        output folder (default: public, or "destination" in _config.yml)
  --base PATH      base path for project pages, e.g. /repo/ (default: "baseurl" in _config.yml)
  --url URL        site URL for the feed, sitemap and canonical links (default: "url")
  --drafts         also build posts/_drafts/ (dated by file modification time)
  --future         also build posts dated in the future
  --unpublished    also build posts with "published: false"
  --strict         treat broken links as errors
  --workers N      render threads (default: one per CPU core; 0 renders in the main thread)
  --no-cache       ignore and do not fill the build cache (.cache/inkstone/)
  --verbose        print stack traces for internal errors
  --port N         dev: preview port (default 4000, next free one if taken)
  --host HOST      dev: address to bind (default 127.0.0.1)
  -h, --help       show this help

Exit codes: 0 built, 1 the site has errors (nothing was written), 2 bad usage.
`;

const OPTIONS = {
  src: { type: 'string' },
  out: { type: 'string' },
  base: { type: 'string' },
  url: { type: 'string' },
  drafts: { type: 'boolean' },
  future: { type: 'boolean' },
  unpublished: { type: 'boolean' },
  strict: { type: 'boolean' },
  workers: { type: 'string' },
  'no-cache': { type: 'boolean' },
  verbose: { type: 'boolean' },
  port: { type: 'string' },
  host: { type: 'string' },
  help: { type: 'boolean', short: 'h' },
} as const;

/** Parsed command line. */
export interface Command {
  name: 'build' | 'dev' | 'help';
  build: BuildOptions & { url?: string };
  verbose: boolean;
  port: number | undefined;
  host: string | undefined;
}

/** Parses argv (without node and script); throws an Error with a usage message when it is wrong. */
export function parseCommand(argv: string[]): Command {
  const { values, positionals } = parseArgs({ args: argv, options: OPTIONS, allowPositionals: true, strict: true });
  const name = values.help ? 'help' : (positionals[0] ?? 'help');
  if (name !== 'build' && name !== 'dev' && name !== 'help') throw new Error(`unknown command "${name}"`);
  if (positionals.length > 1) throw new Error(`unexpected argument "${positionals[1]}"`);
  const integer = (flag: string, text: string | undefined): number | undefined => {
    if (text === undefined) return undefined;
    if (!/^\d+$/.test(text)) throw new Error(`--${flag} needs a whole number, got "${text}"`);
    return Number(text);
  };
  return {
    name,
    verbose: values.verbose ?? false,
    port: integer('port', values.port),
    host: values.host,
    build: {
      root: values.src,
      outDir: values.out,
      baseurl: values.base,
      url: values.url,
      drafts: values.drafts,
      future: values.future,
      unpublished: values.unpublished,
      strict: values.strict,
      workers: integer('workers', values.workers),
      cache: !values['no-cache'],
    },
  };
}

/** Prints diagnostics to stderr, one `path:line: message` per line. */
export function printDiagnostics(list: readonly Diagnostic[]): void {
  for (const d of list) process.stderr.write(formatDiagnostic(d) + '\n');
}

function progress(enabled: boolean): ((done: number, total: number) => void) | undefined {
  if (!enabled) return undefined;
  return (done, total) => {
    process.stderr.write(`\rrendering ${done}/${total}`);
    if (done === total) process.stderr.write('\r\x1b[K');
  };
}

async function runBuild(command: Command): Promise<number> {
  const report = await build({ ...command.build, onProgress: progress(Boolean(process.stderr.isTTY)) });
  printDiagnostics(report.diagnostics);
  const errors = report.diagnostics.filter((d) => d.severity === 'error').length;
  if (!report.ok) {
    process.stderr.write(`build failed: ${errors} error${errors === 1 ? '' : 's'}; ${report.outDir} was left untouched\n`);
    return 1;
  }
  const s = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;
  process.stdout.write(`built ${s(report.posts, 'post')}, ${s(report.pages, 'page')} in ${Math.round(report.durationMs)} ms\n`);
  if (command.verbose) {
    const write = report.write ? `${report.write.written} written, ${report.write.unchanged} unchanged; ` : '';
    process.stdout.write(`${write}peak memory ${Math.round(process.resourceUsage().maxRSS / 1024)} MiB\n`);
  }
  return 0;
}

/** Runs the command line and returns the exit code. */
export async function main(argv: string[]): Promise<number> {
  let command: Command;
  try {
    command = parseCommand(argv);
  } catch (thrown) {
    process.stderr.write(`inkstone: ${(thrown as Error).message}\n\n${HELP}`);
    return 2;
  }
  try {
    if (command.name === 'help') {
      process.stdout.write(HELP);
      return 0;
    }
    if (command.name === 'dev') {
      const { runDev } = await import('./dev/run.js');
      return await runDev(command);
    }
    return await runBuild(command);
  } catch (thrown) {
    process.stderr.write(`inkstone: internal error: ${(thrown as Error).message}\n`);
    if (command.verbose && thrown instanceof Error) process.stderr.write(`${thrown.stack}\n`);
    return 1;
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  process.exitCode = await main(process.argv.slice(2));
}
