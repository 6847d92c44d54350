/** What the command line accepts, as data: the commands and every option with the value it takes. */

/** The commands `inkstone` runs (besides `--help` and `--version`). */
export const COMMANDS = ['build', 'dev', 'help'] as const;

/** A command name. */
export type CommandName = (typeof COMMANDS)[number];

/** The kind of value an option takes, which decides how it is checked. */
export type ValueKind = 'flag' | 'folder' | 'path' | 'url' | 'count' | 'port' | 'host';

/** One option: its long name, the value it takes, and whether only `dev` accepts it. */
export interface OptionSpec {
  kind: ValueKind;
  /** One-letter alias (`-h`). */
  short?: string;
  /** Accepted by `dev` only (a build has no server). */
  devOnly?: boolean;
}

/** Every option, by long name (without the leading `--`). */
export const OPTIONS: Readonly<Record<string, OptionSpec>> = {
  src: { kind: 'folder' },
  out: { kind: 'folder' },
  base: { kind: 'path' },
  url: { kind: 'url' },
  drafts: { kind: 'flag' },
  future: { kind: 'flag' },
  unpublished: { kind: 'flag' },
  strict: { kind: 'flag' },
  workers: { kind: 'count' },
  'no-cache': { kind: 'flag' },
  verbose: { kind: 'flag' },
  port: { kind: 'port', devOnly: true },
  'strict-port': { kind: 'flag', devOnly: true },
  host: { kind: 'host', devOnly: true },
  help: { kind: 'flag', short: 'h' },
  version: { kind: 'flag', short: 'v' },
};

/** What a value of each kind is, for messages: `--workers needs a value: a whole number, 0 or more`. */
export const VALUE_NAMES: Readonly<Record<Exclude<ValueKind, 'flag'>, string>> = {
  folder: 'a folder',
  path: 'a path such as /repo/',
  url: 'a URL such as https://user.github.io',
  count: 'a whole number, 0 or more',
  port: 'a port number, 0–65535',
  host: 'an address such as 127.0.0.1',
};

/** The long name a one-letter alias stands for, if any. */
export function longNameOf(short: string): string | undefined {
  return Object.entries(OPTIONS).find(([, spec]) => spec.short === short)?.[0];
}
