/** Test helpers for the Liquid engine: a fixture site in a temp folder, an engine over it with fake hooks, one-line rendering. */
import path from 'node:path';
import type { Liquid } from 'liquidjs';
import { createJekyllEngine, type JekyllEngineOptions, type JekyllSiteHooks } from '../../src/liquid/engine.js';
import { makeSite } from '../helpers/site.js';

/** Posts the fake `post_url` hook knows, by Jekyll name. */
export const POSTS: Record<string, string> = {
  '2020-01-01-some-drafts': '/basic/2020/01/01/some-drafts.html',
  'kernel/2021-03-14-preempt-count': '/kernel/sched/2021/03/14/preempt-count.html',
  'linux/2020-08-10-cgroup-v2': '/linux/容器/2020/08/10/cgroup-v2.html',
};

/** Documents the fake `link` hook knows, by source path. */
export const DOCUMENTS: Record<string, string> = {
  '_posts/2020-01-01-some-drafts.md': '/basic/2020/01/01/some-drafts.html',
  'about.md': '/about/',
};

/** Hooks answering from POSTS and DOCUMENTS; highlight and markdownify show what they were given. */
export const FAKE_HOOKS: JekyllSiteHooks = {
  postUrl: (name) => (POSTS[name] ? { url: POSTS[name] } : { problem: `no post named "${name}"` }),
  link: (source) => (DOCUMENTS[source] ? { url: DOCUMENTS[source] } : { problem: `no document "${source}"` }),
  highlight: async (code, lang, options) =>
    `<pre><code class="language-${lang}">[${options.linenos ? 'linenos ' : ''}${options.markLines.join(',')}]${code}</code></pre>`,
  markdownify: async (text) => `<p>${text.replace(/\*\*(.+?)\*\*/g, '<strong>$1</strong>').replace(/\*(.+?)\*/g, '<em>$1</em>')}</p>\n`,
};

/** The fixture site: includes, a theme include folder, a page folder with a snippet. */
export const SITE_FILES: Record<string, string> = {
  '_includes/note.html': '<div class="note note-{{ include.type | default: "info" }}">{{ include.content }}</div>',
  '_includes/three.html': 'one\ntwo\nthree\n',
  '_includes/broken.html': 'fine\n{% if %}{% endif %}\n',
  '_includes/nested/deep.html': 'deep {{ include.n }}',
  'theme/_includes/footer.html': '<footer>{{ site.title }}</footer>',
  'notes/index.md': 'the page',
  'notes/snippet.md': '- 第一条 {{ include.who }}\n- {{ page.title }}',
  'notes/sub/more.md': 'more',
  'secret.txt': 'top secret',
};

/** An engine over a fresh fixture site; returns the engine and the site root. */
export async function fixtureEngine(options: Partial<JekyllEngineOptions> = {}): Promise<{ engine: Liquid; root: string }> {
  const root = await makeSite(SITE_FILES);
  const engine = createJekyllEngine({
    includeDirs: [path.join(root, '_includes'), path.join(root, 'theme/_includes')],
    layoutDirs: [path.join(root, '_layouts')],
    root,
    urls: { url: 'https://example.github.io', baseurl: '/notes' },
    hooks: FAKE_HOOKS,
    ...options,
  });
  return { engine, root };
}

/** Renders one template string. */
export async function render(engine: Liquid, template: string, scope: object = {}): Promise<string> {
  return String(await engine.parseAndRender(template, scope));
}
