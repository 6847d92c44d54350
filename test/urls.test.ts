import { describe, expect, it } from 'vitest';
import { candidateFiles, encodeHref, isExternal, resolveHref, safeDecode, splitHref, urlOfOutputPath, withBase, withoutBase } from '../src/urls.js';

describe('isExternal', () => {
  it.each([
    ['https://example.com/', true],
    ['mailto:a@b.c', true],
    ['//cdn.example.com/x.js', true],
    ['/notes/x.html', false],
    ['./x.md', false],
    ['#内核', false],
    ['', false],
  ])('%s → %s', (href, expected) => expect(isExternal(href)).toBe(expected));
});

describe('safeDecode', () => {
  it.each([
    ['%E5%86%85%E6%A0%B8', '内核'],
    ['内核', '内核'],
    ['100%', '100%'],
    ['%E5%86%85%ZZ', '内%ZZ'],
    ['e\u0301', '\u00e9'],
  ])('%s → %s', (input, expected) => expect(safeDecode(input)).toBe(expected));
});

describe('resolveHref', () => {
  it.each([
    ['#%E5%86%85%E6%A0%B8', '/notes/a/b.html', '/notes/a/b.html', '内核'],
    ['#内核', '/notes/a/b.html', '/notes/a/b.html', '内核'],
    ['../c/', '/notes/a/b.html', '/notes/c/', undefined],
    ['img/x%20y.png', '/notes/a/b.html', '/notes/a/img/x y.png', undefined],
    ['/notes/tags/笔记/', '/notes/', '/notes/tags/笔记/', undefined],
    ['?q=1#', '/notes/a.html', '/notes/a.html', ''],
  ])('%s on %s', (href, page, path, fragment) => {
    expect(resolveHref(href, page)).toEqual({ path, fragment });
  });
});

describe('base paths and files', () => {
  it('adds and removes the base path', () => {
    expect(withBase('/notes', '/a/')).toBe('/notes/a/');
    expect(withBase('', '/a/')).toBe('/a/');
    expect(withoutBase('/notes', '/notes/a/')).toBe('/a/');
    expect(withoutBase('/notes', '/notes')).toBe('/');
    expect(withoutBase('/notes', '/notesx/a')).toBeUndefined();
    expect(withoutBase('/notes', '/a/')).toBeUndefined();
    expect(withoutBase('', '/a/')).toBe('/a/');
  });

  it('maps site paths to files the way GitHub Pages serves them', () => {
    expect(candidateFiles('/')).toEqual(['index.html']);
    expect(candidateFiles('/tags/')).toEqual(['tags/index.html']);
    expect(candidateFiles('/about')).toEqual(['about', 'about.html', 'about/index.html']);
    expect(urlOfOutputPath('index.html')).toBe('/');
    expect(urlOfOutputPath('tags/x/index.html')).toBe('/tags/x/');
    expect(urlOfOutputPath('a/b.html')).toBe('/a/b.html');
  });

  it('splits and encodes hrefs', () => {
    expect(splitHref('a.md?x=1#f?g')).toEqual({ path: 'a.md', query: '?x=1', hash: '#f?g' });
    expect(encodeHref('#内核 抢占%20')).toBe('#%E5%86%85%E6%A0%B8%20%E6%8A%A2%E5%8D%A0%20');
  });
});
