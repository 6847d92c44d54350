/** The command line: what `inkstone` accepts, parsed into a Command. */
import { parseArgs } from 'node:util';
import type { BuildOptions } from '../build.js';

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
