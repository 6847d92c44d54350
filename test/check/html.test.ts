import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Element } from 'hast';
import { fromHtml } from 'hast-util-from-html';
import { visit } from 'unist-util-visit';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { build } from '../../src/build.js';
import { decodeEntities, scanHtml } from '../../src/check/html.js';
import { REPO } from '../helpers/site.js';

const urls = (html: string) => scanHtml(html).refs.map((r) => `${r.tag}[${r.attribute}]=${r.url}`);

describe('scanHtml', () => {
  it.each([
    ['<a href="/x/">x</a>', ['a[href]=/x/']],
    ["<a href='/single'>x</a>", ['a[href]=/single']],
    ['<a href=/unquoted>x</a>', ['a[href]=/unquoted']],
    ['<A HREF="/upper">x</A>', ['a[href]=/upper']],
    ['<a href="a.md?x=1&#x26;y=2">q</a>', ['a[href]=a.md?x=1&y=2']],
    ['<a href="?a=1&amp;b=2">q</a>', ['a[href]=?a=1&b=2']],
    ['<a title="x > y" href="/after-gt">q</a>', ['a[href]=/after-gt']],
    ['<a href="/first" href="/second">q</a>', ['a[href]=/first']],
    ['<img src="a.png" srcset="a-1x.png 1x, a-2x.png 2x">', ['img[src]=a.png', 'img[srcset]=a-1x.png', 'img[srcset]=a-2x.png']],
    ['<link rel="stylesheet" href="/s.css"><script src="/app.js"></script>', ['link[href]=/s.css', 'script[src]=/app.js']],
    ['<video src="v.mp4" poster="p.jpg"><source src="v.webm"></video>', ['video[src]=v.mp4', 'video[poster]=p.jpg', 'source[src]=v.webm']],
    ['<!-- <a href="/commented"> --><a href="/real">r</a>', ['a[href]=/real']],
    ['<script>var s = "<a href=\\"/in-script\\">";</script><a href="/after">a</a>', ['a[href]=/after']],
    ['<code>&#x3C;a href="/text">x&#x3C;/a></code>', []],
    ['<textarea><a href="/in-textarea"></textarea>', []],
    ['<div data-href="/not-a-link" class="x">y</div>', []],
    ['<a name="old-anchor">x</a><span id="s&amp;t">y</span>', []],
  ])('%s', (html, expected) => {
    expect(urls(html)).toEqual(expected);
  });

  it('finds ids and <a name> anchors, decoded', () => {
    expect(scanHtml('<h2 id="内核抢占">x</h2><a name="legacy">y</a><p id="a&#x26;b"></p><div name="not-an-anchor"></div>').ids).toEqual([
      '内核抢占',
      'legacy',
      'a&b',
    ]);
  });

  it('gives the exact offsets of each raw value', () => {
    const html = '<p><a class="c" href="x.md#%E5%86%85">t</a> <img src=\'i.png\'></p>';
    for (const ref of scanHtml(html).refs) expect(decodeEntities(html.slice(ref.start, ref.end))).toBe(ref.url);
    expect(scanHtml(html).refs[0]!.classes).toEqual(['c']);
  });

  it('stays linear on hostile input', () => {
    const hostile = '<a ' + 'x="'.repeat(20000) + '<a b ' + 'c '.repeat(50000);
    const started = performance.now();
    scanHtml(hostile);
    expect(performance.now() - started).toBeLessThan(2000);
  });
});

describe('helpers', () => {
  it('decodes character references', () => {
    expect(decodeEntities('a&#x26;b&#38;c&amp;d&lt;&gt;&quot;&#39;&unknown;&#x1F600;')).toBe('a&b&c&d<>"\'&unknown;😀');
  });
});

/** What a real HTML parser finds: every URL attribute the scanner looks at, and every id. */
function parsed(html: string): { refs: string[]; ids: string[] } {
  const refs: string[] = [];
  const ids: string[] = [];
  const attributes: Record<string, string[]> = {
    a: ['href'],
    link: ['href'],
    img: ['src'],
    script: ['src'],
    source: ['src'],
    video: ['src', 'poster'],
    iframe: ['src'],
  };
  visit(fromHtml(html), 'element', (el: Element) => {
    if (typeof el.properties.id === 'string' && el.properties.id) ids.push(el.properties.id);
    if (el.tagName === 'a' && typeof el.properties.name === 'string') ids.push(el.properties.name);
    for (const name of attributes[el.tagName] ?? []) {
      const value = el.properties[name];
      if (typeof value === 'string') refs.push(`${el.tagName}[${name}]=${value.trim()}`);
    }
  });
  return { refs, ids };
}

describe('scanHtml agrees with a real parser on every page of the built sample blog', () => {
  let out: string;
  beforeAll(async () => {
    out = await mkdtemp(path.join(tmpdir(), 'inkstone-scan-'));
    const report = await build({ root: REPO, outDir: out, baseurl: '/notes', workers: 0, cache: false });
    expect(report.ok).toBe(true);
  });
  afterAll(() => rm(out, { recursive: true, force: true }));

  it('finds the same links, images and ids as hast-util-from-html', async () => {
    const pages = (await readdir(out, { recursive: true })).filter((f) => f.endsWith('.html'));
    expect(pages.length).toBeGreaterThan(10);
    for (const page of pages) {
      const html = await readFile(path.join(out, page), 'utf8');
      const scanned = scanHtml(html);
      expect({ page, refs: scanned.refs.map((r) => `${r.tag}[${r.attribute}]=${r.url}`), ids: scanned.ids }).toEqual({ page, ...parsed(html) });
    }
  });
});
