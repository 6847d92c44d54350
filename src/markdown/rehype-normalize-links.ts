/**
 * rehype plugin: links normalized where they are parsed (as VitePress does), and recorded.
 *
 * - A link to another post's file — `[see](./2020-01-01-some-drafts.md#内核抢占)`, `../x/y.md`,
 *   or `/posts/y.md` from the site root or the posts folder — becomes the target's URL with the
 *   base path, keeping `?query` and `#fragment`. A file that is not a post of this build is left
 *   as written and recorded with the path it named, for the link check to report.
 * - A root-relative URL outside the base path (`/assets/x.png` on a project site under `/repo`)
 *   gets the base path, so it still lands.
 *
 * Every `a[href]` (heading self-links aside) and `img[src]` is recorded in `file.data.links` with
 * its source line. Reads `file.data.linkContext` (and `bodyLine`); without a context, links are
 * only recorded.
 */

import path from 'node:path';
import type { Root } from 'hast';
import type { VFile } from 'vfile';
import { encodeHref, isExternal, relativeUrl, safeDecode, splitHref, withoutBase } from '../urls.js';
import type { LinkContext, LinkRef } from './file-data.js';
import { visitUrls } from './hast-urls.js';

/** Links to Markdown files: the ones that name posts. */
export const MARKDOWN_FILE = /\.(?:md|markdown)$/i;

/** The source paths a `.md` link may name, most likely first: relative to the post, or from the site root or posts folder. */
export function postLinkCandidates(decodedPath: string, context: Pick<LinkContext, 'source' | 'postsFolder'>): string[] {
  const candidates = decodedPath.startsWith('/')
    ? [decodedPath.slice(1), path.posix.join(context.postsFolder, decodedPath)]
    : [path.posix.join(path.posix.dirname(context.source), decodedPath)];
  return candidates.map((c) => path.posix.normalize(c));
}

/** The normalized form of one URL: the new URL (undefined when it stays) and, for a post link that names no post, the path it named. */
export function normalizeUrl(url: string, context: LinkContext): { url?: string; missingPost?: string } {
  if (!url || url.startsWith('#') || isExternal(url)) return {};
  const { path: filePath, query, hash } = splitHref(url);
  if (MARKDOWN_FILE.test(filePath)) {
    const candidates = postLinkCandidates(safeDecode(filePath), context);
    for (const candidate of candidates) {
      const target = context.posts[candidate];
      if (target !== undefined) return { url: relativeUrl(target, context.baseurl) + query + hash };
    }
    return { missingPost: candidates[0]! };
  }
  if (filePath.startsWith('/') && context.baseurl && withoutBase(context.baseurl, safeDecode(filePath)) === undefined) {
    return { url: encodeHref(context.baseurl) + url };
  }
  return {};
}

const isSelfLink = (className: unknown) => Array.isArray(className) && className.includes('anchor');

/** The plugin (no options; the context comes with each file). */
export default function rehypeNormalizeLinks() {
  return (tree: Root, file: VFile) => {
    const context = file.data.linkContext;
    const bodyLine = file.data.bodyLine ?? 1;
    const lineMap = file.data.lineMap;
    const links: LinkRef[] = [];
    visitUrls(tree, (url, element, attribute) => {
      const result = context ? normalizeUrl(url, context) : {};
      const recorded =
        (element.tagName === 'a' && attribute === 'href' && !isSelfLink(element.properties.className)) || (element.tagName === 'img' && attribute === 'src');
      if (recorded) {
        const at = element.position?.start.line;
        const line = at === undefined ? undefined : (lineMap?.[at] ?? at) + bodyLine - 1;
        const link: LinkRef = { kind: element.tagName === 'img' ? 'image' : 'link', url: result.url ?? url, line };
        if (result.url !== undefined) link.written = url;
        if (result.missingPost !== undefined) {
          link.written = url;
          link.missingPost = result.missingPost;
        }
        links.push(link);
      }
      return result.url;
    });
    file.data.links = links;
  };
}
