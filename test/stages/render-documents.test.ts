import { existsSync } from 'node:fs';
import path from 'node:path';
import type { Element } from 'hast';
import { describe, expect, it } from 'vitest';
import { build as runBuild } from '../../src/build.js';
import type { LinkRef as CheckedLink } from '../../src/markdown/pipeline.js';
import type { RenderedPost } from '../../src/render/context.js';
import { all, attr, one, parseFragment } from '../helpers/html.js';
import { renderedPosts } from '../helpers/posts.js';
import { makeSite, post, readHtml, text } from '../helpers/site.js';

const DRAFTS = `---
title: Some drafts
category: basic
---
## 内核抢占

body
`;
const PIPES = `---
title: Pipes
categories: [shell, linux]
---
text
`;

/** Renders `body` as `posts/2021-03-14-pipes.md` next to the drafts post, rewrites, and returns the pipes post. */
async function rewritten(body: string, baseurl = '/notes', extra: Record<string, string> = {}): Promise<RenderedPost> {
  const posts = await renderedPosts({ '2020-01-01-some-drafts.md': DRAFTS, '2021-03-14-pipes.md': PIPES.replace('text\n', body), ...extra }, baseurl);
  return posts.find((p) => p.post.relPath === '2021-03-14-pipes.md')!;
}

const hrefs = (html: string) => all(parseFragment(html), 'a, img').map((el: Element) => attr(el, el.tagName === 'a' ? 'href' : 'src'));

describe('relative links to post files', () => {
  it.each([
    ['[see](./2020-01-01-some-drafts.md)', '/notes/basic/2020/01/01/some-drafts.html'],
    ['[see](2020-01-01-some-drafts.md#内核抢占)', '/notes/basic/2020/01/01/some-drafts.html#%E5%86%85%E6%A0%B8%E6%8A%A2%E5%8D%A0'],
    [
      '[see](./2020-01-01-some-drafts.md#%E5%86%85%E6%A0%B8%E6%8A%A2%E5%8D%A0)',
      '/notes/basic/2020/01/01/some-drafts.html#%E5%86%85%E6%A0%B8%E6%8A%A2%E5%8D%A0',
    ],
    ['[see](/posts/2020-01-01-some-drafts.md)', '/notes/basic/2020/01/01/some-drafts.html'],
    ['[see](/2020-01-01-some-drafts.md)', '/notes/basic/2020/01/01/some-drafts.html'],
    ['[see](./2020-01-01-some-drafts.markdown)', './2020-01-01-some-drafts.markdown'],
    ['<a href="./2020-01-01-some-drafts.md#x">raw</a>', '/notes/basic/2020/01/01/some-drafts.html#x'],
  ])('%s → %s', async (markdown, expected) => {
    const { rendered } = await rewritten(`${markdown}\n`);
    expect(hrefs(rendered.html)).toEqual([expected]);
  });

  it('resolves ../ paths between folders', async () => {
    const [a, b] = await renderedPosts({
      'kernel/2020-01-01-a.md': '---\ntitle: A\n---\n[b](../shell/2021-01-01-b.md#top)\n',
      'shell/2021-01-01-b.md': '---\ntitle: B\n---\n[a](../kernel/2020-01-01-a.md)\n',
    });
    expect(hrefs(a!.rendered.html)).toEqual(['/2021/01/01/b.html#top']);
    expect(hrefs(b!.rendered.html)).toEqual(['/2020/01/01/a.html']);
  });

  it('keeps the link as written, with the reason, when no post matches', async () => {
    const { rendered } = await rewritten('[x](./2020-01-01-some-draft.md)\n');
    expect(hrefs(rendered.html)).toEqual(['./2020-01-01-some-draft.md']);
    const link = rendered.links[0] as CheckedLink;
    expect(link.problem).toBe('no post posts/2020-01-01-some-draft.md in this build (did you mean "./2020-01-01-some-drafts.md"?)');
    expect(link.line).toBe(5);
  });

  it('records what was written, and keeps source lines', async () => {
    const { rendered } = await rewritten('one\n\n[see](./2020-01-01-some-drafts.md#内核抢占)\n');
    expect(rendered.links).toEqual([
      {
        kind: 'link',
        url: '/notes/basic/2020/01/01/some-drafts.html#%E5%86%85%E6%A0%B8%E6%8A%A2%E5%8D%A0',
        written: './2020-01-01-some-drafts.md#%E5%86%85%E6%A0%B8%E6%8A%A2%E5%8D%A0',
        line: 7,
      },
    ]);
  });
});

describe('the base path', () => {
  it.each([
    [
      '/notes',
      '![x](/assets/x.png) [t](/tags/) [n](/notes/tags/) [e](https://example.com/a) [h](#内核) [r](img/a.png)',
      ['/notes/assets/x.png', '/notes/tags/', '/notes/tags/', 'https://example.com/a', '#%E5%86%85%E6%A0%B8', 'img/a.png'],
    ],
    ['', '![x](/assets/x.png) [t](/tags/)', ['/assets/x.png', '/tags/']],
  ])('base %j: %s', async (baseurl, markdown, expected) => {
    const { rendered } = await rewritten(`${markdown}\n`, baseurl);
    expect(hrefs(rendered.html)).toEqual(expected);
  });

  it('prefixes raw HTML media too', async () => {
    const { rendered } = await rewritten('<video src="/media/v.mp4" poster="p.jpg"></video>\n');
    expect(rendered.html).toMatch(/<video src="\/notes\/media\/v\.mp4" poster="p\.jpg">/);
  });
});

describe('excerpts', () => {
  it('makes relative links absolute, because list pages show them elsewhere', async () => {
    const { rendered } = await rewritten('See ![d](./img/d.png), [below](#内核) and [drafts](./2020-01-01-some-drafts.md).\n');
    expect(hrefs(rendered.excerptHtml)).toEqual([
      '/notes/shell/linux/2021/03/14/img/d.png',
      '/notes/shell/linux/2021/03/14/pipes.html#%E5%86%85%E6%A0%B8',
      '/notes/basic/2020/01/01/some-drafts.html',
    ]);
    expect(hrefs(rendered.html)).toEqual(['./img/d.png', '#%E5%86%85%E6%A0%B8', '/notes/basic/2020/01/01/some-drafts.html']);
  });
});

describe('Liquid in documents', () => {
  const build = async (files: Record<string, string>, config = 'title: 笔记\n') => {
    const root = await makeSite({ '_config.yml': config, ...files });
    const out = path.join(root, 'public');
    const report = await runBuild({ root, outDir: out, cache: false, workers: 0 });
    return { root, out, report };
  };
  const codeText = async (out: string, file: string) => all(await readHtml(out, file), 'pre').map((el) => text(el));

  it('runs in the prose of inkstone posts but never in their code (Helm, Jinja, Go templates stay as written)', async () => {
    const body = [
      '标题是 {{ page.title }}。',
      '',
      '```yaml',
      'image: "{{ .Values.image.repository }}:{{ .Values.image.tag }}"',
      '```',
      '',
      '```jinja',
      '{% for host in groups["web"] %}{{ host }}{% endfor %}',
      '```',
      '',
      'Go 模板写作 `{{ .Name }}`，不必加 raw。',
      '',
      '{% highlight go %}',
      'fmt.Println("{{ . }}")',
      '{% endhighlight %}',
      '',
    ].join('\n');
    const { out, report } = await build({ 'posts/2020-01-01-helm.md': post({ title: 'Helm 笔记' }, body) });
    expect(report.ok, JSON.stringify(report.diagnostics)).toBe(true);
    const doc = await readHtml(out, '2020/01/01/helm.html');
    const content = one(doc, '.post-content');
    expect(text(all(content, 'p')[0]!)).toBe('标题是 Helm 笔记。');
    expect(all(content, 'code').map((c) => text(c))).toContain('{{ .Name }}');
    expect(await codeText(out, '2020/01/01/helm.html')).toEqual([
      'image: "{{ .Values.image.repository }}:{{ .Values.image.tag }}"',
      '{% for host in groups["web"] %}{{ host }}{% endfor %}',
      'fmt.Println("{{ . }}")',
    ]);
  });

  it('runs everywhere in Jekyll posts, as Jekyll does, {% raw %} included', async () => {
    const body = '```yaml\nname: "{{ page.title }}"\nraw: "{% raw %}{{ x }}{% endraw %}"\n```\n';
    const { out, report } = await build({ '_posts/2020-01-01-ansible.md': post({ title: 'Ansible' }, body) });
    expect(report.ok, JSON.stringify(report.diagnostics)).toBe(true);
    expect(await codeText(out, '2020/01/01/ansible.html')).toEqual(['name: "Ansible"\nraw: "{{ x }}"']);
  });

  it('can be turned off per file, and its in-code mode chosen for the whole site', async () => {
    const files = {
      'posts/2020-01-01-off.md': post({ title: 'Off', render_with_liquid: 'false' }, '{{ page.title }}\n'),
      'posts/2020-01-02-code.md': post({ title: 'Code' }, '`{{ page.title }}`\n'),
    };
    const { out } = await build(files, 'liquid_in_code: true\n');
    expect(text(one(await readHtml(out, '2020/01/01/off.html'), '.post-content p'))).toBe('{{ page.title }}');
    expect(text(one(await readHtml(out, '2020/01/02/code.html'), '.post-content code'))).toBe('Code');
  });

  it('reports Liquid errors at the source line, every one in one run, and writes nothing', async () => {
    const { report, out } = await build({
      'posts/2020-01-01-a.md': post({ title: 'A' }, 'one\n\ntwo {% if %}\n'),
      'posts/2020-01-02-b.md': post({ title: 'B' }, '{% for i in (1..3) %}\nline {{ i }}\n{% endfor %}\n\n{% post_url 2020-01-01-aa %}\n'),
      'posts/2020-01-03-c.md': post({ title: 'C' }, '{{ page.title | no_such_filter }} {{ missing.value }}\n'),
    });
    expect(report.ok).toBe(false);
    expect(report.diagnostics.filter((d) => d.severity === 'error').map((d) => [d.file, d.line, d.message.slice(0, 60)])).toEqual([
      ['posts/2020-01-01-a.md', 6, expect.stringMatching(/^Liquid error: /)],
      ['posts/2020-01-02-b.md', 8, expect.stringMatching(/^Liquid error: post_url: no post named "2020-01-01-aa" \(did y/)],
    ]);
    expect(existsSync(out)).toBe(false);
  });

  it('makes undefined variables errors with liquid.strict_variables', async () => {
    const { report } = await build({ 'posts/2020-01-01-a.md': post({ title: 'A' }, '{{ missing.value }}\n') }, 'liquid:\n  strict_variables: true\n');
    expect(report.diagnostics.map((d) => [d.file, d.line, d.severity])).toEqual([['posts/2020-01-01-a.md', 4, 'error']]);
  });

  it('maps link lines through Liquid output that changed the line count', async () => {
    const body = '{% for i in (1..3) %}\n行 {{ i }}\n{% endfor %}\n\n[broken](#nowhere)\n';
    const { report } = await build({ 'posts/2020-01-01-a.md': post({ title: 'A' }, body) });
    expect(report.diagnostics.map((d) => [d.file, d.line, d.message.slice(0, 18)])).toEqual([['posts/2020-01-01-a.md', 8, 'link to "#nowhere"']]);
  });
});
