import { describe, expect, it } from 'vitest';
import { postAssetFiles, relativeTarget } from '../../src/check/assets.js';
import { renderedPosts } from '../helpers/posts.js';

const asset = (relPath: string) => ({ relPath, absPath: `/site/posts/${relPath}` });

describe('postAssetFiles', () => {
  it('copies the files a post refers to relatively, beside its page', async () => {
    const posts = await renderedPosts({
      'kernel/2020-01-01-a.md':
        '---\ntitle: A\ncategory: kernel\n---\n![a](./img/a.png) [pdf](slides%20v2.pdf) ![up](../shared/logo.svg)\n\n<video src="clip.mp4" poster="img/poster.jpg"></video>\n',
      '2021-01-01-b.md':
        '---\ntitle: B\n---\n![a](kernel/img/a.png) ![gone](img/none.png) [post](./kernel/2020-01-01-a.md) ![abs](/assets/x.png) ![ext](https://e.x/a.png)\n',
    });
    const files = postAssetFiles(
      posts,
      ['kernel/img/a.png', 'kernel/slides v2.pdf', 'shared/logo.svg', 'kernel/clip.mp4', 'kernel/img/poster.jpg', 'kernel/img/unused.png'].map(asset),
    );
    expect(files).toEqual([
      { path: '2021/01/01/kernel/img/a.png', copyFrom: '/site/posts/kernel/img/a.png' },
      { path: 'kernel/2020/01/01/clip.mp4', copyFrom: '/site/posts/kernel/clip.mp4' },
      { path: 'kernel/2020/01/01/img/a.png', copyFrom: '/site/posts/kernel/img/a.png' },
      { path: 'kernel/2020/01/01/img/poster.jpg', copyFrom: '/site/posts/kernel/img/poster.jpg' },
      { path: 'kernel/2020/01/01/slides v2.pdf', copyFrom: '/site/posts/kernel/slides v2.pdf' },
      { path: 'kernel/2020/01/shared/logo.svg', copyFrom: '/site/posts/shared/logo.svg' },
    ]);
  });

  it('leaves paths taken by pages to the pages, and never climbs out of the output folder', async () => {
    const posts = await renderedPosts({ '2020-01-01-a.md': '---\ntitle: A\n---\n[x](other.html) ![y](../../../../../etc/passwd)\n' });
    expect(postAssetFiles(posts, [asset('other.html')], new Set(['2020/01/01/other.html']))).toEqual([]);
    expect(relativeTarget(posts[0]!.post, '../../../../../etc/passwd')).toBeUndefined();
  });

  it('is empty when there is nothing next to the posts', async () => {
    const posts = await renderedPosts({ '2020-01-01-a.md': '---\ntitle: A\n---\n![x](./x.png)\n' });
    expect(postAssetFiles(posts, [])).toEqual([]);
  });
});
