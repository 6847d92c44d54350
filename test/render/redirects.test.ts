import { fromHtml } from 'hast-util-from-html';
import { select } from 'hast-util-select';
import { describe, expect, it } from 'vitest';
import { redirectFromOf, redirectHtml, redirectsOf, redirectToOf } from '../../src/render/redirects.js';
import { makePost } from '../helpers/site.js';

const settings = { url: 'https://example.github.io', baseurl: '/notes' };

describe('redirects', () => {
  it('writes jekyll-redirect-from pages: refresh, canonical, link', () => {
    const doc = fromHtml(redirectHtml('https://example.github.io/notes/a%20b.html?x=1&y=2'));
    expect(select('meta[http-equiv=refresh]', doc)?.properties.content).toBe('0; url=https://example.github.io/notes/a%20b.html?x=1&y=2');
    expect(select('link[rel=canonical]', doc)?.properties.href).toBe('https://example.github.io/notes/a%20b.html?x=1&y=2');
    expect(select('a', doc)?.properties.href).toBe('https://example.github.io/notes/a%20b.html?x=1&y=2');
    expect(select('meta[name=robots]', doc)?.properties.content).toBe('noindex');
  });

  it('reads redirect_from and redirect_to', () => {
    expect(redirectFromOf({ redirect_from: '/old.html' })).toEqual(['/old.html']);
    expect(redirectFromOf({ redirect_from: ['a/', '/b.html', 3] })).toEqual(['/a/', '/b.html']);
    expect(redirectToOf({ redirect_to: '/new/' }, settings)).toBe('https://example.github.io/notes/new/');
    expect(redirectToOf({ redirect_to: 'https://elsewhere.example/' }, settings)).toBe('https://elsewhere.example/');
    expect(redirectToOf({}, settings)).toBeUndefined();
  });

  it('redirects the old paths of documents, and the URLs Jekyll gave shifted posts', () => {
    const post = { ...makePost('2020-05-20-oom.md', { redirect_from: ['/oom.html', '/kernel/oom/'] }), jekyllUrl: '/2020/05/21/oom.html' };
    expect(redirectsOf([post], settings)).toEqual([
      { path: 'oom.html', to: 'https://example.github.io/notes/2020/05/20/oom.html', source: 'posts/2020-05-20-oom.md' },
      { path: 'kernel/oom/index.html', to: 'https://example.github.io/notes/2020/05/20/oom.html', source: 'posts/2020-05-20-oom.md' },
      { path: '2020/05/21/oom.html', to: 'https://example.github.io/notes/2020/05/20/oom.html', source: 'posts/2020-05-20-oom.md' },
    ]);
  });
});
