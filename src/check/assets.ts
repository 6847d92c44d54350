/**
 * Files next to posts (images, attachments): each one a post links to relatively is copied beside
 * that post's page, so `![](./img/a.png)` works on the built site exactly as it does in an editor.
 * Only referenced files are copied: a folder of 4000 posts sharing `img/` does not become 4000
 * copies of it.
 */
import path from 'node:path';
import type { OutputFile } from '../output/write-output.js';
import type { RenderedPost } from '../render/context.js';
import type { FoundFile } from '../site/model.js';
import { isExternal, safeDecode, splitHref } from '../urls.js';
import { scanHtml } from './html.js';

const MARKDOWN_FILE = /\.(?:md|markdown)$/i;
/** Raw HTML with URLs that Markdown's link list does not carry (rehype writes tag and attribute names in lowercase). */
const MEDIA = /<(?:video|audio|source|track|embed|object|iframe|input)[\s>/]|\ssrcset=/;
const mediaMemo = new WeakMap<object, boolean>();

/** Whether a rendered body may hold URLs beyond its `links` (raw HTML media); remembered per rendered post. */
export function hasMedia(rendered: Pick<RenderedPost['rendered'], 'html'>): boolean {
  let found = mediaMemo.get(rendered);
  if (found === undefined) mediaMemo.set(rendered, (found = MEDIA.test(rendered.html)));
  return found;
}

/** Every URL a post's body refers to: its links and images, plus raw HTML media sources. */
export function postRefs(rendered: RenderedPost['rendered']): string[] {
  const urls = rendered.links.map((l) => l.url);
  if (hasMedia(rendered)) {
    for (const ref of scanHtml(rendered.html).refs) if (ref.tag !== 'a' && !(ref.tag === 'img' && ref.attribute === 'src')) urls.push(ref.url);
  }
  return urls;
}

/** The output path a relative reference from `post` lands on, and the source file it names (both relative, `/`-separated). */
export function relativeTarget(post: RenderedPost['post'], url: string): { output: string; source: string } | undefined {
  if (!url || url.startsWith('#') || url.startsWith('/') || isExternal(url)) return undefined;
  const filePath = safeDecode(splitHref(url).path);
  if (!filePath || MARKDOWN_FILE.test(filePath)) return undefined;
  const source = path.posix.normalize(path.posix.join(path.posix.dirname(post.relPath), filePath));
  const output = path.posix.normalize(path.posix.join(path.posix.dirname(post.outputPath), filePath));
  if (source.startsWith('../') || source === '..' || output.startsWith('../') || output === '..' || output.endsWith('/')) return undefined;
  return { output, source };
}

/**
 * Output files for the assets posts refer to relatively, placed beside each referring post's page.
 * Paths already taken by pages are left to the pages.
 */
export function postAssetFiles(posts: readonly RenderedPost[], assets: readonly FoundFile[], taken: ReadonlySet<string> = new Set()): OutputFile[] {
  if (assets.length === 0) return [];
  const byRelPath = new Map(assets.map((a) => [a.relPath.normalize('NFC'), a]));
  const files = new Map<string, OutputFile>();
  for (const { post, rendered } of posts) {
    for (const url of postRefs(rendered)) {
      const target = relativeTarget(post, url);
      if (!target || files.has(target.output) || taken.has(target.output)) continue;
      const asset = byRelPath.get(target.source);
      if (asset) files.set(target.output, { path: target.output, copyFrom: asset.absPath });
    }
  }
  return [...files.values()].sort((a, b) => (a.path < b.path ? -1 : 1));
}
