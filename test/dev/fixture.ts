/** A small site for the dev tests: five posts, CJK text, shell and C blocks, categories and tags. */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { BUILTIN_LAYOUTS } from '../../src/load/load-theme.js';
import { makeSite } from '../helpers/site.js';

const body = (title: string, extra = '') =>
  [
    `${title}的第一段：进程调度与抢占。`,
    '',
    `## ${title}：基本原理`,
    '',
    '* 触发条件',
    '\t* 中断返回',
    '',
    '```shell',
    'cat /proc/$$/status | grep ctxt',
    '```',
    '',
    '```c',
    'int main(void) { return 0; }',
    '```',
    extra,
  ].join('\n');

/** Output paths of the fixture posts. */
export const PAGES = {
  alpha: 'kernel/2021/01/01/alpha.html',
  beta: 'shell/2021/02/01/beta.html',
  gamma: 'kernel/2021/03/01/gamma.html',
  delta: 'misc/2021/04/01/delta.html',
  epsilon: 'kernel/2021/05/01/epsilon.html',
};

/** Source file names of the fixture posts. */
export const SOURCES = {
  alpha: '2021-01-01-alpha.md',
  beta: '2021-02-01-beta.md',
  gamma: '2021-03-01-gamma.md',
  delta: '2021-04-01-delta.md',
  epsilon: '2021-05-01-epsilon.md',
};

/** The text of a fixture post. */
export function postText(title: string, categories: string, tags: string, extra = ''): string {
  return `---\ntitle: "${title}"\ncategories: [${categories}]\ntags: [${tags}]\n---\n${body(title, extra)}\n`;
}

/**
 * Creates the fixture site. The feed carries the newest two posts (epsilon, delta), so an edit to
 * an older post touches its page only. `withLayouts` copies the built-in `post.html` into the
 * site's own `layouts/` so tests can edit it.
 */
export async function fixtureSite(withLayouts = false): Promise<string> {
  const files: Record<string, string> = {
    '_config.yml': 'title: 测试笔记\nurl: https://example.test\ntimezone: Asia/Shanghai\nfeed:\n  posts_limit: 2\n',
    [`posts/${SOURCES.alpha}`]: postText('Alpha 笔记', 'kernel', 'c'),
    [`posts/${SOURCES.beta}`]: postText('Beta 管道', 'shell', 'bash'),
    [`posts/${SOURCES.gamma}`]: postText('Gamma 调度', 'kernel', 'c, sched'),
    [`posts/${SOURCES.delta}`]: postText('Delta 杂记', 'misc', 'notes'),
    [`posts/${SOURCES.epsilon}`]: postText('Epsilon 内存', 'kernel', 'mm'),
  };
  if (withLayouts) files['layouts/post.html'] = await readFile(path.join(BUILTIN_LAYOUTS, 'post.html'), 'utf8');
  return makeSite(files);
}
