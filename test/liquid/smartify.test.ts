import { describe, expect, it } from 'vitest';
import { smartify } from '../../src/liquid/smartify.js';

// Every expected value is what Jekyll 4.3.1 (kramdown 2.4's SmartyPants parser) printed.
describe('smartify', () => {
  it.each([
    [`"Hello" -- it's 'x' --- wait... <b>bold</b> & co`, '“Hello” – it’s ‘x’ — wait… <b>bold</b> &amp; co'],
    [`中文“引号” "中文" 'single' 和 "双引号"`, '中文“引号” “中文” ‘single’ 和 “双引号”'],
    ['a < b > c & d &amp; &copy; &#169;', 'a &lt; b &gt; c &amp; d &amp; © ©'],
    [`He said, "'Quoted' words in a larger quote."`, 'He said, “‘Quoted’ words in a larger quote.”'],
    [`the '80s and rock 'n' roll`, 'the ’80s and rock ‘n’ roll'],
    [`<i>Custer</i>'s Last Stand.`, '<i>Custer</i>’s Last Stand.'],
    [`<a href="x'y">it's</a>`, '<a href="x\'y">it’s</a>'],
    ['<< guillemets >> and <<tight>> \\<< esc', '«\u00a0guillemets\u00a0» and «tight» &lt;&lt; esc'],
    [`"*emph*" and '_x_'`, '“*emph*” and ‘_x_’'],
    [`line one "a"\nline two 'b'`, 'line one “a”\nline two ‘b’'],
    ['back\\"slash', 'back\\“slash'],
    [`5'10" tall`, '5’10” tall'],
    [`"quoted." 'quoted,'`, '“quoted.” ‘quoted,’'],
    ['"', '”'],
    [`'tis`, '‘tis'],
    ['1-2 and 3----4 and ....', '1-2 and 3—-4 and ….'],
    [` "lead" `, ' “lead” '],
    [`He's "OK"?`, 'He’s “OK”?'],
    [`("paren") ['bracket']`, '(“paren”) [‘bracket’]'],
    ['x&nbsp;y &unknown; &#x4e2d;', 'x\u00a0y &amp;unknown; 中'],
    [`'中文' "中文"x`, '‘中文’ “中文”x'],
    ['<p>para</p>\n<p>two</p>', '<p>para</p>\n<p>two</p>'],
    ['', ''],
  ])('%j → %j', (input, expected) => {
    expect(smartify(input)).toBe(expected);
  });

  it('reads nil as empty and numbers as text', () => {
    expect(smartify(undefined)).toBe('');
    expect(smartify(2020)).toBe('2020');
  });
});
