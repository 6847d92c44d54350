/**
 * The command line, parsed: argv → a Command, or the one problem with it as a Diagnostic. Pure (the
 * disk is checked by preflight.ts); never throws, and Node's own parser messages never show.
 */
import type { BuildOptions } from '../build.js';
import { type Diagnostic, error } from '../diagnostics.js';
import { didYouMean } from '../suggest.js';
import { COMMANDS, longNameOf, OPTIONS, type OptionSpec, VALUE_NAMES, type ValueKind } from './options.js';

/** Parsed command line. */
export interface Command {
  name: 'build' | 'dev' | 'help' | 'version';
  build: BuildOptions & { url?: string };
  verbose: boolean;
  port: number | undefined;
  host: string | undefined;
  /** dev: fail instead of taking the next free port. */
  strictPort: boolean;
}

/** A parsed command line, or what is wrong with it. */
export type ParseResult = { ok: true; command: Command } | { ok: false; problem: Diagnostic };

/** A usage problem, printed as `inkstone: message` (the program's name stands where a file would). */
export function usageProblem(message: string): Diagnostic {
  return error('inkstone', message);
}

class Problem {
  constructor(readonly message: string) {}
}

const LONG_NAMES = Object.keys(OPTIONS);
const dashed = (name: string) => `--${name}`;

/** A value that is really the next option (`--workers --strict`), not a value (`--workers -1`, `--base -`). */
const isOptionLike = (arg: string) => arg.length > 1 && arg.startsWith('-') && !/^-\d/.test(arg);

function unknownOption(arg: string): Problem {
  if (arg.startsWith('--')) return new Problem(`unknown option "${arg}"${didYouMean(arg.slice(2), LONG_NAMES, dashed)}`);
  // `-p` → the one long option starting with that letter, if there is exactly one.
  const matches = LONG_NAMES.filter((name) => name.startsWith(arg.slice(1, 2)));
  const guess = arg.length === 2 && matches.length === 1 ? ` (did you mean "--${matches[0]}"?)` : '';
  return new Problem(`unknown option "${arg}"${guess}`);
}

/** Splits argv into option values and positionals. */
function scan(argv: readonly string[]): { values: Map<string, string | true>; positionals: string[] } {
  const values = new Map<string, string | true>();
  const positionals: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (arg === '--') {
      positionals.push(...argv.slice(i + 1));
      break;
    }
    if (!isOptionLike(arg)) {
      positionals.push(arg);
      continue;
    }
    const eq = arg.startsWith('--') ? arg.indexOf('=') : -1;
    const written = eq < 0 ? arg : arg.slice(0, eq);
    const name = written.startsWith('--') ? written.slice(2) : longNameOf(written.slice(1));
    const spec: OptionSpec | undefined = name === undefined ? undefined : OPTIONS[name];
    if (name === undefined || spec === undefined) throw unknownOption(written);
    if (spec.kind === 'flag') {
      if (eq >= 0) throw new Problem(`${written} takes no value (got "${arg}")`);
      values.set(name, true);
      continue;
    }
    let value = eq >= 0 ? arg.slice(eq + 1) : argv[i + 1];
    if (eq < 0) {
      if (value === undefined || isOptionLike(value)) throw new Problem(`${written} needs a value: ${VALUE_NAMES[spec.kind]}`);
      i++;
    }
    value ??= '';
    values.set(name, value);
  }
  return { values, positionals };
}

/** A checked option value, or a Problem naming the option, what it needs and what it got. */
function checkValue(name: string, kind: Exclude<ValueKind, 'flag'>, value: string): string | number {
  const wrong = (hint = '') => new Problem(`--${name} must be ${VALUE_NAMES[kind]} (got "${value}")${hint}`);
  switch (kind) {
    case 'count':
      if (!/^\d+$/.test(value)) throw wrong();
      return Number(value);
    case 'port':
      if (!/^\d+$/.test(value) || Number(value) > 65535) throw wrong();
      return Number(value);
    case 'folder':
    case 'host':
      if (value.trim() === '') throw wrong();
      return value;
    case 'path':
      if (/^[a-z][a-z0-9+.-]*:\/\/|^\/\//i.test(value.trim())) throw wrong('; the address goes in --url');
      return value;
    case 'url': {
      if (value === '') return value;
      if (isWebUrl(value)) return value;
      throw wrong(!/^[a-z][a-z0-9+.-]*:/i.test(value) && isWebUrl(`https://${value}`) ? ` (did you mean "https://${value}"?)` : '');
    }
  }
}

function isWebUrl(text: string): boolean {
  try {
    const url = new URL(text);
    return (url.protocol === 'https:' || url.protocol === 'http:') && url.hostname !== '';
  } catch {
    return false;
  }
}

/** Parses argv (without node and script). `--help` and `--version` win over anything else on the line. */
export function parseCommand(argv: readonly string[]): ParseResult {
  const asked = argv.slice(0, argv.includes('--') ? argv.indexOf('--') : argv.length);
  if (asked.includes('--help') || asked.includes('-h')) return { ok: true, command: commandOf('help', new Map()) };
  if (asked.includes('--version') || asked.includes('-v')) return { ok: true, command: commandOf('version', new Map()) };
  try {
    const { values, positionals } = scan(argv);
    const name = positionals[0] ?? 'help';
    if (!(COMMANDS as readonly string[]).includes(name)) throw new Problem(`unknown command "${name}"${didYouMean(name, COMMANDS)}`);
    const extra = positionals[1];
    if (extra !== undefined) {
      const hint = name === 'help' || values.has('src') || extra.startsWith('-') ? '' : ` (did you mean "--src ${extra}"?)`;
      throw new Problem(`unexpected argument "${extra}"${hint}`);
    }
    const checked = new Map<string, string | number | true>();
    for (const [option, value] of values) {
      const spec = OPTIONS[option]!;
      if (spec.devOnly && name === 'build') throw new Problem(`--${option} is only for "inkstone dev"`);
      checked.set(option, value === true || spec.kind === 'flag' ? true : checkValue(option, spec.kind, value));
    }
    return { ok: true, command: commandOf(name as Command['name'], checked) };
  } catch (thrown) {
    if (thrown instanceof Problem) return { ok: false, problem: usageProblem(thrown.message) };
    throw thrown;
  }
}

function commandOf(name: Command['name'], values: ReadonlyMap<string, string | number | true>): Command {
  const text = (key: string) => values.get(key) as string | undefined;
  const number = (key: string) => values.get(key) as number | undefined;
  const flag = (key: string) => values.get(key) === true;
  return {
    name,
    verbose: flag('verbose'),
    port: number('port'),
    host: text('host'),
    strictPort: flag('strict-port'),
    build: {
      root: text('src'),
      outDir: text('out'),
      baseurl: text('base'),
      url: text('url'),
      drafts: flag('drafts') || undefined,
      future: flag('future') || undefined,
      unpublished: flag('unpublished') || undefined,
      strict: flag('strict') || undefined,
      workers: number('workers'),
      cache: !flag('no-cache'),
    },
  };
}
