import { describe, expect, it } from 'vitest';
import { renderDocument } from '../../src/liquid/render-document.js';
import { parseHighlightMarkup } from '../../src/liquid/tag-highlight.js';
import { highlightCode } from '../../src/markdown/highlight.js';
import { all, attr, classes, one, parseFragment, text } from '../helpers/html.js';
import { FAKE_HOOKS, fixtureEngine, render } from './engine-fixture.js';

describe('parseHighlightMarkup', () => {
  it.each([
    ['c', { lang: 'c', linenos: false, markLines: [] }],
    [' Shell linenos ', { lang: 'shell', linenos: true, markLines: [] }],
    ['c++ linenos mark_lines="1 3"', { lang: 'c++', linenos: true, markLines: [1, 3] }],
    ['ruby mark_lines="2"', { lang: 'ruby', linenos: false, markLines: [2] }],
    ['c linenos=table', { lang: 'c', linenos: true, markLines: [] }],
    ['', undefined],
    ['c mark_lines="a b"', undefined],
    ['c {{ x }}', undefined],
  ])('%j → %j', (markup, expected) => {
    expect(parseHighlightMarkup(markup)).toEqual(expected);
  });
});

describe('{% highlight %}', () => {
  it('passes the code without surrounding blank lines, the language and the options to the hook, in Jekyll’s figure', async () => {
    const { engine } = await fixtureEngine();
    const out = await render(engine, '{% highlight C linenos mark_lines="2" %}\n\nint x;\nint y;\n\n{% endhighlight %}');
    expect(out).toBe('<figure class="highlight"><pre><code data-lang="c" class="language-c">[linenos 2]int x;\nint y;</code></pre></figure>');
  });

  it('evaluates Liquid in the body as Jekyll does, so {% raw %} keeps Liquid examples', async () => {
    const { engine } = await fixtureEngine();
    const out = await render(engine, '{% highlight liquid %}\n{{ page.title }} {% raw %}{{ post.url }}{% endraw %}\n{% endhighlight %}', {
      page: { title: '标题' },
    });
    expect(out).toContain('[]标题 {{ post.url }}</code>');
  });

  it('renders real shiki output with line numbers and marked lines', async () => {
    const { engine } = await fixtureEngine({ hooks: { ...FAKE_HOOKS, highlight: highlightCode } });
    const root = parseFragment(await render(engine, '{% highlight c linenos mark_lines="2" %}\nint a;\nint b; // 中文\n{% endhighlight %}'));
    const pre = one(root, 'figure.highlight > pre.shiki');
    expect(classes(pre)).toContain('linenos');
    expect(attr(one(pre, 'code'), 'dataLang')).toBe('c');
    const lines = all(pre, 'span.line');
    expect(lines.map((l) => attr(l, 'dataLine'))).toEqual(['1', '2']);
    expect(lines.map((l) => classes(l).includes('highlighted'))).toEqual([false, true]);
    expect(text(pre)).toBe('int a;\nint b; // 中文');
  });

  it('shows an unknown language as escaped plain code', async () => {
    const { engine } = await fixtureEngine({ hooks: { ...FAKE_HOOKS, highlight: highlightCode } });
    const out = await render(engine, '{% highlight nosuchlang %}\na < b && c\n{% endhighlight %}');
    expect(out).toBe('<figure class="highlight"><pre><code data-lang="nosuchlang" class="language-nosuchlang">a &lt; b &amp;&amp; c</code></pre></figure>');
  });

  it('refuses markup Jekyll refuses, and an unclosed block', async () => {
    const { engine } = await fixtureEngine();
    expect(() => engine.parse('{% highlight %}x{% endhighlight %}')).toThrow(/highlight: cannot read "" \(expected \{% highlight <lang>/);
    expect(() => engine.parse('{% highlight c %}\nx')).toThrow(/not closed/);
  });
});

describe('{% highlight %} as literal code', () => {
  it('keeps the body exactly as written when the render asks for literal code', async () => {
    const { engine } = await fixtureEngine();
    const body = '{% highlight yaml %}\nimage: {{ .Values.image }}\n{% for x in list %}{{ x }}\n{% raw %}kept{% endraw %}\n{% endhighlight %}';
    const out = await renderDocument(engine, body, { page: { title: '标题' } }, 'posts/x.md', { literalCode: true });
    expect(out.text).toBe(
      '<figure class="highlight"><pre><code data-lang="yaml" class="language-yaml">[]image: {{ .Values.image }}\n{% for x in list %}{{ x }}\n{% raw %}kept{% endraw %}</code></pre></figure>',
    );
  });

  it('evaluates the same body as Jekyll would otherwise, and reports its errors then', async () => {
    const { engine } = await fixtureEngine();
    const body = 'a\n{% highlight yaml %}\n{% for x in list %}{{ x }}\n{% endhighlight %}';
    await expect(renderDocument(engine, body, {}, 'posts/x.md')).rejects.toMatchObject({ line: 3 });
  });
});
