/**
 * The link check: every internal link and image on every built page must land — the target page or
 * file exists (under the base path, served the way GitHub Pages serves it), and a `#fragment` names
 * an id on that page, compared decoded (`#%E5%86%85%E6%A0%B8` is `#内核`). Links in a post's body are
 * reported at the post's file and line; links from layouts at the layout, once for all the pages
 * they broke on. Broken links are warnings, or errors when `strict`.
 */
import path from 'node:path';
import { lineOfMention } from '../content/source-lines.js';
import { type Diagnostic, error, warning } from '../diagnostics.js';
import type { RenderedPost } from '../render/context.js';
import { closest } from '../suggest.js';
import { candidateFiles, isExternal, pageBase, resolveHref, safeDecode, splitHref, urlOfOutputPath, withBase, withoutBase } from '../urls.js';
import { postRefs, relativeTarget } from './assets.js';
import { type HtmlRef, scanHtml } from './html.js';

/** A built page to check. */
export interface CheckPage {
  /** Output path, relative to the output folder (`basic/2020/01/01/x.html`). */
  path: string;
  /** URL path without the base path; defaults to the one the output path is served at. */
  url?: string;
  html: string;
  /** The post this page shows: its body links are checked with source lines. */
  post?: RenderedPost;
  /** The page's layouts, innermost first: a broken link from a layout is reported at the one that holds it. */
  layouts?: readonly { file: string; source: string }[];
}

/** Site settings the check needs. */
export interface LinkCheckOptions {
  /** Scheme and host (`https://user.github.io`); absolute links to it are checked too. */
  url: string;
  /** Base path, `''` or `/repo`. */
  baseurl: string;
  /** Report broken links as errors instead of warnings. */
  strict: boolean;
}

/** What the check knows of one page: its URL, its ids and the links its layouts put around the body. */
export interface PageInfo {
  page: CheckPage;
  /** Full URL path (with base). */
  url: string;
  /** The same, to resolve links against. */
  base: URL;
  ids: Set<string>;
  /** Links that come from the layout, not the post body. */
  layoutRefs: HtmlRef[];
}

/** Pages by output path (NFC), for the ids a `#fragment` must name. */
export interface PageLookup {
  get(path: string): PageInfo | undefined;
}

/** A broken link from a layout on one page, before the reports of all pages are merged. */
export interface LayoutProblem {
  file: string;
  /** `link to "/x"`: what broke, the merge key with `file`. */
  what: string;
  message: string;
}

/** What checking one page found, and which output files its links landed on. */
export interface PageCheck {
  /** Problems in the post body, at its source file and line. */
  diagnostics: Diagnostic[];
  layoutProblems: LayoutProblem[];
  /** Output paths (NFC) the page's links resolved to. */
  targets: Set<string>;
  /** Of those, the pages whose ids a `#fragment` was checked against. */
  fragmentTargets: Set<string>;
}

/** Builds the page and file index and checks every page. */
export function checkLinks(pages: readonly CheckPage[], otherFiles: Iterable<string>, options: LinkCheckOptions): Diagnostic[] {
  const outputs = new Set<string>();
  for (const page of pages) outputs.add(page.path.normalize('NFC'));
  for (const file of otherFiles) outputs.add(file.normalize('NFC'));
  const infos = new Map<string, PageInfo>();
  for (const page of pages) if (/\.html?$/i.test(page.path)) infos.set(page.path.normalize('NFC'), pageInfo(page, options.baseurl));

  const checker = new TargetChecker(outputs, infos, options);
  const checks = [...infos.values()].map((info) => ({ url: info.url, check: checkPage(info, checker, options) }));
  return [...checks.flatMap((c) => c.check.diagnostics), ...mergeLayoutProblems(checks, options.strict).map((m) => m.diagnostic)];
}

/** Checks the links, images and files of one page against the site `checker` knows. */
export function checkPage(info: PageInfo, checker: TargetChecker, options: LinkCheckOptions): PageCheck {
  const { page } = info;
  const report = options.strict ? error : warning;
  const result: PageCheck = { diagnostics: [], layoutProblems: [], targets: new Set(), fragmentTargets: new Set() };
  if (page.post) {
    const { post, rendered } = page.post;
    for (const link of rendered.links) {
      const shown = link.written ?? link.url;
      const what = link.kind === 'image' ? `image "${displayHref(shown)}"` : `link to "${displayHref(shown)}"`;
      let problem = link.problem ?? checker.problem(link.url, info, shown, link.kind, result);
      if (!problem) continue;
      if (link.kind === 'image' && !link.problem && relativeTarget(post, link.url)) {
        // A relative image is copied from beside the post: name the file that is not there.
        problem = `no file ${path.posix.join(path.posix.dirname(post.source), safeDecode(splitHref(link.url).path))}`;
      }
      result.diagnostics.push(report(post.source, `${what}: ${problem}`, link.line));
    }
    const listed = new Set(rendered.links.map((l) => l.url));
    for (const url of postRefs(rendered)) {
      if (listed.has(url)) continue;
      const problem = checker.problem(url, info, url, 'image', result);
      if (problem) result.diagnostics.push(report(post.source, `file "${displayHref(url)}": ${problem}`, lineOfMention(post.body, url, post.bodyLine)));
    }
  }
  for (const ref of info.layoutRefs) {
    const problem = checker.problem(ref.url, info, ref.url, ref.tag === 'a' || ref.tag === 'area' ? 'link' : 'image', result);
    if (!problem) continue;
    const noun = ref.tag === 'a' || ref.tag === 'area' ? 'link to' : ref.tag === 'img' ? 'image' : ref.tag;
    const what = `${noun} "${displayHref(ref.url)}"`;
    result.layoutProblems.push({ file: layoutHolding(page, ref.url, options.baseurl), what, message: `${what}: ${problem}` });
  }
  return result;
}

/**
 * One report per layout and link, naming the first page (in the order given) it broke on and how
 * many more; each with the pages it broke on and its message without them (`problem`).
 */
export function mergeLayoutProblems<T extends { url: string; check: Pick<PageCheck, 'layoutProblems'> }>(
  checks: Iterable<T>,
  strict: boolean,
): { diagnostic: Diagnostic; on: T[]; problem: string }[] {
  const merged = new Map<string, { file: string; message: string; on: T[] }>();
  for (const item of checks) {
    for (const { file, what, message } of item.check.layoutProblems) {
      const key = `${file}\0${what}`;
      const entry = merged.get(key) ?? { file, message, on: [] };
      entry.on.push(item);
      merged.set(key, entry);
    }
  }
  const report = strict ? error : warning;
  return [...merged.values()].map(({ file, message, on }) => {
    const where = on.length > 1 ? ` (on ${on[0]!.url} and ${on.length - 1} more page${on.length > 2 ? 's' : ''})` : ` (on ${on[0]!.url})`;
    return { diagnostic: report(file, message + where), on, problem: message };
  });
}

/** The layout a link comes from: the innermost whose source holds it (with or without the base path), else the page's own. */
function layoutHolding(page: CheckPage, url: string, baseurl: string): string {
  const chain = page.layouts ?? [];
  const needles = new Set([url, displayHref(url)]);
  const { path: urlPath } = splitHref(url);
  const noBase = urlPath.startsWith('/') ? withoutBase(baseurl, safeDecode(urlPath)) : undefined;
  if (noBase && noBase !== '/') needles.add(noBase);
  for (const layout of chain) if ([...needles].some((n) => n && layout.source.includes(n))) return layout.file;
  return chain[0]?.file ?? page.path;
}

/** An href as a person wrote it: percent-escapes decoded (`#内核`, not `#%E5%86%85`). */
export function displayHref(href: string): string {
  return /%[0-9a-f]{2}/i.test(href) ? safeDecode(href) : href;
}

/** Ids and layout links of a page. A post page's body is known already, so only the rest is scanned. */
export function pageInfo(page: CheckPage, baseurl: string): PageInfo {
  const url = withBase(baseurl, page.url ?? urlOfOutputPath(page.path));
  const body = page.post?.rendered.html ?? '';
  const at = body ? page.html.indexOf(body) : -1;
  // The page around the body: scanned in two pieces (offsets are not needed here, so no concatenation).
  const parts = at >= 0 ? [scanHtml(page.html.slice(0, at)), scanHtml(page.html.slice(at + body.length))] : [scanHtml(page.html)];
  const ids = new Set<string>();
  for (const part of parts) for (const id of part.ids) ids.add(id.normalize('NFC'));
  if (at >= 0) for (const id of page.post!.rendered.ids) ids.add(id.normalize('NFC'));
  let layoutRefs = parts.flatMap((p) => p.refs);
  if (page.post && at < 0) {
    // The layout changed the content on its way in: check what the body links did not cover.
    const bodyUrls = new Set(page.post.rendered.links.map((l) => l.url));
    layoutRefs = layoutRefs.filter((r) => !bodyUrls.has(r.url));
  }
  return { page, url, base: pageBase(url), ids, layoutRefs };
}

/** What a file is called in a link: `a.html` → `a`, `tags/x/index.html` → `x/`. */
function fileLabel(file: string): string {
  if (file === 'index.html') return '/';
  if (file.endsWith('/index.html')) {
    const dir = file.slice(0, -'/index.html'.length);
    return dir.slice(dir.lastIndexOf('/') + 1) + '/';
  }
  return file.slice(file.lastIndexOf('/') + 1).replace(/\.html?$/, '');
}

/** The output files a page's links landed on (see PageCheck). */
type Landed = Pick<PageCheck, 'targets' | 'fragmentTargets'>;

/** Answers "where does this link go, and is it there?" for one state of the site. */
export class TargetChecker {
  private byDir: Map<string, string[]> | undefined;
  private byName: Map<string, string[]> | undefined;
  /** Verdicts on root-relative links without a fragment, which do not depend on the page they are on, with the file they landed on. */
  private readonly absolute = new Map<string, { problem: string | undefined; target: string | undefined }>();

  /** `outputs`: every output path (NFC); `infos`: the HTML pages among them. */
  constructor(
    private readonly outputs: ReadonlySet<string>,
    private readonly infos: PageLookup,
    private readonly options: LinkCheckOptions,
  ) {}

  /** Why `url` on `from` is broken, or undefined when it is fine (or not ours to check); records where it landed in `landed`. */
  problem(url: string, from: PageInfo, shown: string, kind: 'link' | 'image', landed?: Landed): string | undefined {
    const href = url.trim();
    if (!href) return undefined;
    if (href.startsWith('/') && !href.startsWith('//') && !href.includes('#')) {
      const key = `${kind}\0${href}`;
      let verdict = this.absolute.get(key);
      if (!verdict) {
        const seen: Landed = { targets: new Set(), fragmentTargets: new Set() };
        verdict = { problem: this.resolve(href, from, shown, kind, seen), target: [...seen.targets][0] };
        this.absolute.set(key, verdict);
      }
      if (verdict.target !== undefined) landed?.targets.add(verdict.target);
      return verdict.problem;
    }
    return this.resolve(href, from, shown, kind, landed);
  }

  private resolve(url: string, from: PageInfo, shown: string, kind: 'link' | 'image', landed?: Landed): string | undefined {
    let href = url;
    if (isExternal(href)) {
      const own = this.options.url;
      if (!own || !(href === own || href.startsWith(`${own}/`) || href.startsWith(`${own}#`) || href.startsWith(`${own}?`))) return undefined;
      href = href.slice(own.length) || '/';
    }
    let resolved: { path: string; fragment: string | undefined };
    try {
      resolved = resolveHref(href, from.base);
    } catch {
      return 'not a valid URL';
    }
    const { baseurl } = this.options;
    const sitePath = withoutBase(baseurl, resolved.path);
    if (sitePath === undefined) {
      const fix = this.find(resolved.path) ? withBase(baseurl, resolved.path) : undefined;
      return `${resolved.path} is outside the site's base path ${baseurl}/${fix ? ` (did you mean "${fix}"?)` : ''}`;
    }
    const target = this.find(sitePath);
    if (target) landed?.targets.add(target);
    if (!target) {
      const guess = this.suggestFile(sitePath);
      const noun = kind === 'image' ? 'file' : 'page';
      return `no ${noun} at ${resolved.path}${guess ? ` (did you mean "${withBase(baseurl, urlOfOutputPath(guess))}"?)` : ''}`;
    }
    const fragment = resolved.fragment;
    if (!fragment || fragment.toLowerCase() === 'top') return undefined;
    const info = this.infos.get(target);
    if (info) landed?.fragmentTargets.add(target);
    if (!info || info.ids.has(fragment)) return undefined;
    const where = info === from ? 'this page' : withBase(baseurl, urlOfOutputPath(target));
    const guess = closest(fragment, info.ids);
    const before = displayHref(shown).replace(/#.*$/s, '');
    return `no heading with id "${fragment}" on ${where}${guess ? ` (did you mean "${before}#${guess}"?)` : ''}`;
  }

  /** The output file a site path (no base) is served from. */
  private find(sitePath: string): string | undefined {
    return candidateFiles(sitePath).find((f) => this.outputs.has(f));
  }

  /** An existing output file close to the missing one: same file name elsewhere, or a close name in the same folder. */
  private suggestFile(sitePath: string): string | undefined {
    if (!this.byDir || !this.byName) {
      this.byDir = new Map();
      this.byName = new Map();
      for (const file of this.outputs) {
        const dir = file.slice(0, file.lastIndexOf('/') + 1);
        const name = fileLabel(file);
        this.byDir.set(dir, [...(this.byDir.get(dir) ?? []), file]);
        this.byName.set(name, [...(this.byName.get(name) ?? []), file]);
      }
    }
    const wanted = candidateFiles(sitePath)[0]!;
    const label = fileLabel(wanted);
    const sameName = this.byName.get(label);
    if (sameName?.length === 1) return sameName[0];
    const dir = wanted.endsWith('/index.html')
      ? wanted.slice(0, wanted.slice(0, -'/index.html'.length).lastIndexOf('/') + 1)
      : wanted.slice(0, wanted.lastIndexOf('/') + 1);
    const labels = new Map<string, string>();
    for (const file of this.byDir.get(dir) ?? []) labels.set(fileLabel(file), file);
    if (wanted.endsWith('/index.html')) {
      for (const file of this.outputs)
        if (file.startsWith(dir) && file.endsWith('/index.html') && file.slice(dir.length).split('/').length === 2) labels.set(fileLabel(file), file);
    }
    const guess = closest(label, labels.keys());
    return guess === undefined ? undefined : labels.get(guess);
  }
}
