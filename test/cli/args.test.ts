/** The command-line parser: one literal case per bad input of issue 12, and what good input becomes. */
import { describe, expect, it } from 'vitest';
import { parseCommand } from '../../src/cli/args.js';
import { formatDiagnostic } from '../../src/diagnostics.js';

/** The one line printed for argv, or `ok <command>` when it parses. */
function outcome(argv: string[]): string {
  const parsed = parseCommand(argv);
  return parsed.ok ? `ok ${parsed.command.name}` : formatDiagnostic(parsed.problem);
}

describe('parseCommand: bad input gets one line naming the problem', () => {
  it.each([
    // issue 12: no "did you mean" for `biuld` or `--prot`
    [['biuld'], 'inkstone: unknown command "biuld" (did you mean "build"?)'],
    [['deve'], 'inkstone: unknown command "deve" (did you mean "dev"?)'],
    [['serve'], 'inkstone: unknown command "serve"'],
    // issue 12: `--prot 4000` printed Node's raw parser message plus 20 lines of help
    [['dev', '--prot', '4000'], 'inkstone: unknown option "--prot" (did you mean "--port"?)'],
    [['build', '--stirct'], 'inkstone: unknown option "--stirct" (did you mean "--strict"?)'],
    [['build', '--nocache'], 'inkstone: unknown option "--nocache" (did you mean "--no-cache"?)'],
    [['build', '--frobnicate'], 'inkstone: unknown option "--frobnicate"'],
    [['dev', '-p', '4000'], 'inkstone: unknown option "-p" (did you mean "--port"?)'],
    [['build', '-s', 'site'], 'inkstone: unknown option "-s"'],
    // issue 12: `--workers` without a value buried the message in the help
    [['build', '--workers'], 'inkstone: --workers needs a value: a whole number, 0 or more'],
    [['build', '--workers', '--strict'], 'inkstone: --workers needs a value: a whole number, 0 or more'],
    [['build', '--src'], 'inkstone: --src needs a value: a folder'],
    [['dev', '--port', '--host', '0.0.0.0'], 'inkstone: --port needs a value: a port number, 0–65535'],
    // issue 12: `dev --port abc`, `dev --port 70000`
    [['dev', '--port', 'abc'], 'inkstone: --port must be a port number, 0–65535 (got "abc")'],
    [['dev', '--port', '70000'], 'inkstone: --port must be a port number, 0–65535 (got "70000")'],
    [['dev', '--port=-1'], 'inkstone: --port must be a port number, 0–65535 (got "-1")'],
    [['dev', '--port', '4000.5'], 'inkstone: --port must be a port number, 0–65535 (got "4000.5")'],
    [['build', '--workers', '-1'], 'inkstone: --workers must be a whole number, 0 or more (got "-1")'],
    [['build', '--workers', 'two'], 'inkstone: --workers must be a whole number, 0 or more (got "two")'],
    [['build', '--src', ''], 'inkstone: --src must be a folder (got "")'],
    [['dev', '--host', ''], 'inkstone: --host must be an address such as 127.0.0.1 (got "")'],
    [
      ['build', '--url', 'example.github.io'],
      'inkstone: --url must be a URL such as https://user.github.io (got "example.github.io") (did you mean "https://example.github.io"?)',
    ],
    [['build', '--url', 'ftp://example.org'], 'inkstone: --url must be a URL such as https://user.github.io (got "ftp://example.org")'],
    [
      ['build', '--base', 'https://u.github.io/notes'],
      'inkstone: --base must be a path such as /repo/ (got "https://u.github.io/notes"); the address goes in --url',
    ],
    [['build', '--strict=yes'], 'inkstone: --strict takes no value (got "--strict=yes")'],
    [['build', '--port', '4000'], 'inkstone: --port is only for "inkstone dev"'],
    [['build', '--strict-port'], 'inkstone: --strict-port is only for "inkstone dev"'],
    [['build', 'mysite'], 'inkstone: unexpected argument "mysite" (did you mean "--src mysite"?)'],
    [['build', '--src', 'a', 'b'], 'inkstone: unexpected argument "b"'],
    [['build', '--', '--help'], 'inkstone: unexpected argument "--help"'],
  ])('%j → %s', (argv, line) => {
    expect(outcome(argv)).toBe(line);
  });
});

describe('parseCommand: good input', () => {
  it.each([
    [[], 'ok help'],
    [['help'], 'ok help'],
    [['--help'], 'ok help'],
    [['-h'], 'ok help'],
    [['build', '--prot', '1', '--help'], 'ok help'],
    [['--version'], 'ok version'],
    [['-v'], 'ok version'],
    [['dev', '--version'], 'ok version'],
    [['build'], 'ok build'],
    [['dev', '--port', '0'], 'ok dev'],
    [['dev', '--port', '65535', '--strict-port'], 'ok dev'],
    [['build', '--base', ''], 'ok build'],
    [['build', '--url', ''], 'ok build'],
  ])('%j → %s', (argv, line) => {
    expect(outcome(argv)).toBe(line);
  });

  it('turns every option into the Command', () => {
    const parsed = parseCommand([
      'dev',
      '--src=site',
      '--out',
      'dist',
      '--base',
      '/notes/',
      '--url',
      'https://u.github.io',
      '--drafts',
      '--future',
      '--unpublished',
      '--strict',
      '--workers',
      '0',
      '--no-cache',
      '--verbose',
      '--port',
      '8080',
      '--strict-port',
      '--host',
      '0.0.0.0',
    ]);
    expect(parsed).toEqual({
      ok: true,
      command: {
        name: 'dev',
        verbose: true,
        port: 8080,
        host: '0.0.0.0',
        strictPort: true,
        build: {
          root: 'site',
          outDir: 'dist',
          baseurl: '/notes/',
          url: 'https://u.github.io',
          drafts: true,
          future: true,
          unpublished: true,
          strict: true,
          workers: 0,
          cache: false,
        },
      },
    });
  });

  it('leaves what was not given undefined, so _config.yml decides', () => {
    const parsed = parseCommand(['build']);
    expect(parsed.ok && parsed.command).toEqual({
      name: 'build',
      verbose: false,
      port: undefined,
      host: undefined,
      strictPort: false,
      build: {
        root: undefined,
        outDir: undefined,
        baseurl: undefined,
        url: undefined,
        drafts: undefined,
        future: undefined,
        unpublished: undefined,
        strict: undefined,
        workers: undefined,
        cache: true,
      },
    });
  });

  it('takes the last of a repeated option', () => {
    const parsed = parseCommand(['dev', '--port', '1', '--port', '2']);
    expect(parsed.ok && parsed.command.port).toBe(2);
  });
});
