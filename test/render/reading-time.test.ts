import { describe, expect, it } from 'vitest';
import { countWords, readableText, readingStats } from '../../src/render/reading-time.js';

describe('countWords', () => {
  it.each([
    ['内核抢占', { cjk: 4, words: 0 }],
    ['Hello, kernel world', { cjk: 0, words: 3 }],
    ['调用 preempt_enable() 打开抢占', { cjk: 6, words: 2 }],
    ["don't stop v5.14 CONFIG-PREEMPT", { cjk: 0, words: 4 }],
    ['カーネル 커널', { cjk: 6, words: 0 }],
    ['', { cjk: 0, words: 0 }],
  ])('%j', (text, counts) => {
    expect(countWords(text)).toEqual(counts);
  });
});

describe('readableText', () => {
  it('leaves out code blocks and tags, keeps inline code', () => {
    const html =
      '<p>用 <code>set -o pipefail</code> 发现</p><div class="code-block"><pre class="shiki"><code><span>echo 一二三</span></code></pre></div><p>a &amp; b</p>';
    const text = readableText(html);
    expect(countWords(text)).toEqual({ cjk: 3, words: 5 });
    expect(text).not.toContain('一二三');
  });
});

describe('readingStats', () => {
  it('reads Chinese at about 350 characters a minute and English at about 220 words', () => {
    expect(readingStats('字'.repeat(1050))).toEqual({ words: 1050, minutes: 3 });
    expect(readingStats('word '.repeat(440))).toEqual({ words: 440, minutes: 2 });
    expect(readingStats('字'.repeat(700) + ' word'.repeat(220))).toEqual({ words: 920, minutes: 3 });
  });

  it('says at least one minute', () => {
    expect(readingStats('短')).toEqual({ words: 1, minutes: 1 });
    expect(readingStats('')).toEqual({ words: 0, minutes: 1 });
  });
});
