import { describe, expect, it } from 'vitest';
import { extractSections, foldText } from '../../src/search/extract.js';

describe('extractSections', () => {
  it('splits a body at headings with ids, text before the first heading in a section of its own', () => {
    const html =
      '<p>开头一段。</p>\n<h2 id="内核抢占">内核抢占<a class="anchor" aria-label="Link to this section" href="#内核抢占">#</a></h2>\n<p>抢占计数器<code>preempt_count</code> = 0。</p>\n<h3 id="elf">ELF</h3><p>readelf -l</p>';
    expect(extractSections(html)).toEqual([
      ['', '', '开头一段。'],
      ['内核抢占', '内核抢占', '抢占计数器preempt_count = 0。'],
      ['elf', 'ELF', 'readelf -l'],
    ]);
  });

  it('keeps a post without headings as one section, and a heading without an id as text', () => {
    expect(extractSections('<h2>无 id</h2><p>正文</p>')).toEqual([['', '', '无 id\n正文']]);
    expect(extractSections('')).toEqual([]);
  });

  it('puts blocks on lines of their own, so text of two blocks never runs together', () => {
    const text = extractSections('<ul><li>伙伴系统</li><li>摘除</li></ul><table><tr><td>方案</td><td>优点</td></tr></table>')[0]![2];
    expect(text).toBe('伙伴系统\n摘除\n方案\n优点');
  });

  it('joins a soft line break between Chinese characters, keeps spaces between Latin words', () => {
    const text = extractSections('<p>抢占的\n时机是 interrupt\nreturn</p>')[0]![2];
    expect(text).toBe('抢占的时机是 interrupt return');
  });

  it('keeps code, line by line, and leaves out prompts, buttons, scripts and styles', () => {
    const html =
      '<div class="code-block" data-lang="console"><pre class="shiki"><code><span class="line command"><span class="prompt">$ </span><span style="color:#000">cat /proc/1/status</span></span>\n<span class="line output">Name:\tinit</span></code></pre><button type="button">复制</button></div><script>var x = "<p>no</p>";</script><style>p{}</style><p>after</p>';
    expect(extractSections(html)).toEqual([['', '', 'cat /proc/1/status\nName: init\nafter']]);
  });

  it('leaves out footnote marks and back-links, screen-reader labels, hidden and data-search-ignore elements', () => {
    const html =
      '<p>见 APUE<sup><a href="#user-content-fn-1" id="user-content-fnref-1" data-footnote-ref>1</a></sup>。</p><section data-footnotes class="footnotes"><h2 class="sr-only" id="footnote-label">Footnotes</h2><ol><li id="user-content-fn-1"><p>第 3 章 <a href="#user-content-fnref-1" data-footnote-backref aria-label="Back to reference 1">↩</a></p></li></ol></section><div data-search-ignore><div>不要索引</div></div><span aria-hidden="true">装饰</span><p hidden>藏起来</p><p title="hidden">看得见</p>';
    expect(extractSections(html)).toEqual([['', '', '见 APUE。\n第 3 章\n看得见']]);
  });

  it("leaves out kramdown's {:toc} list (the headings again, as links), and finds marks after other attributes", () => {
    const html =
      '<ul id="markdown-toc"><li><a href="#a" id="markdown-toc-a">甲</a></li></ul><h2 id="a">甲</h2><p>正文</p><div class="hidden-xs" data-search-ignore>不要</div><div class="hidden-xs">要</div>';
    expect(extractSections(html)).toEqual([['a', '甲', '正文\n要']]);
  });

  it('decodes character references in text and ids, and keeps a lone < as text', () => {
    expect(extractSections('<h2 id="a&amp;b">A &amp; B</h2><p>x &lt; y &#x26; 1 < 2 &nbsp;&copy;</p>')).toEqual([['a&b', 'A & B', 'x < y & 1 < 2 ©']]);
  });

  it('skips comments and nested elements of the skipped kind', () => {
    expect(extractSections('<!-- <p>注释</p> --><div aria-hidden="true"><div>内</div><div>层</div></div><p>剩下</p>')).toEqual([['', '', '剩下']]);
  });
});

describe('foldText', () => {
  it('folds spaces, drops blank lines, joins Chinese across a space', () => {
    expect(foldText('  a \t b \n\n\n 内核 抢占 \n c ')).toBe('a b\n内核抢占\nc');
  });
});
