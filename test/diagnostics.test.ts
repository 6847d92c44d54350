import { describe, expect, it } from 'vitest';
import { type Diagnostic, diagnosticFrom, error, formatDiagnostic, hasErrors, LocatedError, messageOf, sortDiagnostics, warning } from '../src/diagnostics.js';

describe('error / warning', () => {
  it('make plain records', () => {
    expect(error('posts/a.md', 'bad', 3)).toEqual({ file: 'posts/a.md', line: 3, message: 'bad', severity: 'error' });
    expect(warning('posts/a.md', 'meh')).toEqual({ file: 'posts/a.md', line: undefined, message: 'meh', severity: 'warning' });
  });
});

describe('formatDiagnostic', () => {
  it.each<[Diagnostic, string]>([
    [
      error('posts/2020-01-01-x.md', 'invalid front matter: Missing closing "quote', 4),
      'posts/2020-01-01-x.md:4: invalid front matter: Missing closing "quote',
    ],
    [error('posts/x.md', 'file is not valid UTF-8 text'), 'posts/x.md: file is not valid UTF-8 text'],
    [error('posts/x.md', 'no line zero', 0), 'posts/x.md: no line zero'],
    [warning('posts/future.md', 'skipped: dated in the future', 1), 'posts/future.md:1: warning: skipped: dated in the future'],
    [warning('_config.yml', 'odd'), '_config.yml: warning: odd'],
    [error('posts/内核 笔记.md', '坏了', 12), 'posts/内核 笔记.md:12: 坏了'],
  ])('%j → %s', (d, expected) => {
    expect(formatDiagnostic(d)).toBe(expected);
  });
});

describe('sortDiagnostics', () => {
  it('puts errors first, then orders by file and line', () => {
    const list: Diagnostic[] = [
      warning('posts/a.md', 'w-a', 1),
      error('posts/b.md', 'e-b-10', 10),
      error('posts/b.md', 'e-b-2', 2),
      error('posts/a.md', 'e-a'),
      warning('_config.yml', 'w-config'),
      error('_config.yml', 'e-config', 3),
      error('posts/b.md', 'e-b-none'),
    ];
    expect(sortDiagnostics(list).map((d) => d.message)).toEqual(['e-config', 'e-a', 'e-b-none', 'e-b-2', 'e-b-10', 'w-config', 'w-a']);
  });

  it('does not mutate its input and keeps equal records in input order', () => {
    const list: Diagnostic[] = [warning('x', 'second', 1), error('x', 'first', 1), error('x', 'also first', 1)];
    const copy = [...list];
    expect(sortDiagnostics(list).map((d) => d.message)).toEqual(['first', 'also first', 'second']);
    expect(list).toEqual(copy);
  });

  it('sorts an empty list', () => {
    expect(sortDiagnostics([])).toEqual([]);
  });
});

describe('hasErrors / messageOf', () => {
  it('hasErrors is true only with an error', () => {
    expect(hasErrors([])).toBe(false);
    expect(hasErrors([warning('a', 'w')])).toBe(false);
    expect(hasErrors([warning('a', 'w'), error('a', 'e')])).toBe(true);
  });

  it('messageOf returns a message without a stack', () => {
    expect(messageOf(new Error('boom'))).toBe('boom');
    expect(messageOf(new TypeError('type'))).toBe('type');
    expect(messageOf('plain')).toBe('plain');
    expect(messageOf(42)).toBe('42');
    expect(messageOf(undefined)).toBe('undefined');
  });
});

describe('diagnosticFrom', () => {
  it.each<[unknown, Diagnostic]>([
    [new LocatedError('bad key', 'layouts/post.html', 7), { file: 'layouts/post.html', line: 7, message: 'bad key', severity: 'error' }],
    [new LocatedError('no file known', '', 3), { file: 'posts/a.md', line: 3, message: 'no file known', severity: 'error' }],
    [new LocatedError('no line known'), { file: 'posts/a.md', line: 1, message: 'no line known', severity: 'error' }],
    [new Error('plain'), { file: 'posts/a.md', line: 1, message: 'plain', severity: 'error' }],
    ['a string', { file: 'posts/a.md', line: 1, message: 'a string', severity: 'error' }],
  ])('%s', (thrown, expected) => {
    expect(diagnosticFrom(thrown, { file: 'posts/a.md', line: 1 })).toEqual(expected);
  });

  it('puts a prefix before the message and can make a warning', () => {
    expect(diagnosticFrom(new Error('x'), { file: 'a' }, 'invalid front matter: ', 'warning')).toEqual({
      file: 'a',
      line: undefined,
      message: 'invalid front matter: x',
      severity: 'warning',
    });
  });
});
