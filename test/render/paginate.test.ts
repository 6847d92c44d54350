import { describe, expect, it } from 'vitest';
import { pagerUrl, paginate } from '../../src/render/paginate.js';

describe('paginate', () => {
  it('splits posts into index pages with jekyll-paginate paginators', () => {
    const pagers = paginate(['a', 'b', 'c', 'd', 'e'], 2, '/page:num/');
    expect(pagers.map((p) => [p.url, p.outputPath])).toEqual([
      ['/', 'index.html'],
      ['/page2/', 'page2/index.html'],
      ['/page3/', 'page3/index.html'],
    ]);
    expect(pagers[1]!.paginator).toEqual({
      page: 2,
      per_page: 2,
      posts: ['c', 'd'],
      total_posts: 5,
      total_pages: 3,
      previous_page: 1,
      previous_page_path: '/',
      next_page: 3,
      next_page_path: '/page3/',
    });
    expect(pagers[2]!.paginator).toMatchObject({ posts: ['e'], next_page: null, next_page_path: null });
  });

  it('always makes one page, and follows paginate_path', () => {
    expect(paginate([], 5, '/page:num/')).toHaveLength(1);
    expect(pagerUrl(3, 'blog/page:num', '/blog/')).toBe('/blog/page3');
    expect(pagerUrl(1, 'blog/page:num', '/blog/')).toBe('/blog/');
  });
});
