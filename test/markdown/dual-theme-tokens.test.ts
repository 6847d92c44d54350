/**
 * One tokenization for light and dark gives exactly the HTML of shiki's two runs: real shiki, the
 * real themes, code in the languages our users write (and some that embed others, or that style
 * backgrounds and font styles), compared byte for byte with an unpatched highlighter.
 */
import { createHighlighter, type Highlighter } from 'shiki';
import { beforeAll, describe, expect, it } from 'vitest';
import { tokenizeOnceForThemes } from '../../src/markdown/dual-theme-tokens.js';
import { THEMES } from '../../src/markdown/highlight.js';

const SAMPLES: Record<string, string> = {
  c: '#include <linux/preempt.h>\n#define PREEMPT_BITS\t8\n\nstatic inline int preempt_count(void)\n{\n\treturn READ_ONCE(current_thread_info()->preempt_count); /* 抢占计数 */\n}\n',
  shellsession: '$ uname -r\n6.1.0-13-amd64\n# echo 1 > /proc/sys/kernel/sysrq\n$ cat /proc/buddyinfo | head -n 2\nNode 0, zone      DMA      1      1\n',
  bash: 'for f in *.md; do\n  [[ -f "$f" ]] && echo "$(basename "$f" .md)" | tr a-z A-Z\ndone 2>/dev/null\ncat <<EOF\nheredoc $HOME\nEOF\n',
  diff: '--- a/mm/page_alloc.c\n+++ b/mm/page_alloc.c\n@@ -1,3 +1,3 @@\n-int order = 0;\n+int order = 1;\n context\n',
  markdown: '# 标题\n\n*斜体* **粗体** `code`\n\n```c\nint x = 1;\n```\n\n> 引用 [链接](http://example.com)\n',
  html: '<!doctype html>\n<style>body { color: red; }</style>\n<script>const a = 1 + 2; // c\n</script>\n<p class="x">文本</p>\n',
  python: 'import os\n\nclass A(object):\n    """Doc."""\n    def f(self, x: int = 3) -> str:\n        return f"{x!r:>10}"  # comment\n',
  rust: 'fn main() {\n    let v: Vec<u8> = vec![1, 2];\n    println!("{:?}", v);\n}\n',
  yaml: 'title: 笔记\ntags: [a, b]\nnested:\n  - key: "v"\n    n: 1.5\n',
  json: '{"a": [1, true, null, "s\\n"], "b": {"c": -1e5}}\n',
  asm: 'movq %rsp, %rbp\n  call schedule\n  ret\n',
  typescript: 'export interface X<T> { a?: T }\nconst f = async <T,>(x: T): Promise<T> => x as T;\n',
  makefile: 'obj-m += hello.o\nall:\n\tmake -C /lib/modules/$(shell uname -r)/build M=$(PWD) modules\n',
};

describe('tokenizeOnceForThemes', () => {
  let plain: Highlighter;
  let once: Highlighter;
  beforeAll(async () => {
    const langs = Object.keys(SAMPLES);
    plain = await createHighlighter({ themes: [THEMES.light, THEMES.dark], langs });
    once = tokenizeOnceForThemes(await createHighlighter({ themes: [THEMES.light, THEMES.dark], langs: ['c'] }), THEMES);
    await once.loadLanguage(...(langs as Parameters<Highlighter['loadLanguage']>));
  });

  it.each(Object.entries(SAMPLES))('%s: the same HTML as two tokenizations', (lang, code) => {
    const options = { lang, themes: THEMES };
    const expected = plain.codeToHtml(code, options);
    expect(once.codeToHtml(code, options)).toBe(expected);
    // Again, with the grammar's caches warm and the other highlighter's state interleaved.
    expect(once.codeToHtml(code, options)).toBe(expected);
  });

  it('tokenizes each line once for both themes, where shiki alone tokenizes it twice', () => {
    /** How many times `highlighter`'s C grammar tokenizes a line (tokenizeLine2 runs _tokenize once per line) while highlighting SAMPLES.c. */
    const linesTokenized = (highlighter: Highlighter) => {
      const grammar = highlighter.getInternalContext().getLanguage('c') as unknown as Record<string, (...args: unknown[]) => unknown>;
      const tokenize = grammar._tokenize!;
      let calls = 0;
      grammar._tokenize = function (this: unknown, ...args: unknown[]) {
        calls++;
        return tokenize.apply(this, args);
      };
      try {
        highlighter.codeToHtml(SAMPLES.c!, { lang: 'c', themes: THEMES });
      } finally {
        delete grammar._tokenize;
      }
      return calls;
    };
    const lines = SAMPLES.c!.split('\n').filter(Boolean).length;
    expect(linesTokenized(plain)).toBe(2 * lines);
    expect(linesTokenized(once)).toBe(lines);
  });

  it('leaves single-theme highlighting as it was', () => {
    for (const [lang, code] of Object.entries(SAMPLES)) {
      for (const theme of [THEMES.light, THEMES.dark]) expect(once.codeToHtml(code, { lang, theme })).toBe(plain.codeToHtml(code, { lang, theme }));
    }
  });
});
