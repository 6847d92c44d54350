/**
 * The link check of `inkstone dev`, kept between rebuilds. For every page it remembers what the
 * check found and which output files its links landed on, so a rebuild re-checks only the pages it
 * rendered and the pages whose links depend on what changed: links into a page whose ids may have
 * changed, links to a file that went away, and (when files came or went) every page that had a
 * broken link, which a new post may have fixed. `all` re-checks every page (the first build and the
 * background check). The reports are the build's own (check/links.ts), in the build's order.
 *
 * An update that keeps the same files (dev's fast path) costs what its few pages cost, not what
 * the site's thousand do: nothing here walks every page unless files came or went.
 */
import { checkPage, type LinkCheckOptions, mergeLayoutProblems, type PageCheck, type PageInfo, pageInfo, TargetChecker } from '../check/links.js';
import type { SiteConfig } from '../config/config.js';
import type { Diagnostic } from '../diagnostics.js';
import type { OutputFile } from '../output/write-output.js';
import type { RenderedPost } from '../render/context.js';
import type { PageSpec } from '../render/page-specs.js';
import type { Theme } from '../site/model.js';
import { checkPageOf } from '../stages/check-links.js';
import { pageBase, urlOfOutputPath, withBase } from '../urls.js';

/** A diagnostic with the output pages it shows on (`undefined`: the whole site, e.g. `_config.yml`). */
export interface DevDiagnostic extends Diagnostic {
  pages?: readonly string[];
  /** What makes it the same problem from one rebuild to the next, when file and message do not (`(on /a.html and 3 more pages)` changes as pages come). */
  key?: string;
}

/** One state of the site, as the link check needs it. */
export interface LinkCheckInput {
  config: Pick<SiteConfig, 'url' | 'baseurl' | 'strict'>;
  theme: Theme;
  /** Every page of the site, in the build's order. */
  specs: readonly PageSpec[];
  posts: readonly RenderedPost[];
  /** The pages this rebuild rendered (their text may be new). */
  rendered: readonly OutputFile[];
  /** Every other output path (static files, files beside posts); undefined: the site has the same files as last time, pages included. */
  others?: readonly string[];
  /** Re-check every page. */
  all?: boolean;
  /** Abandons the update (a save arrived): with `all`, the check stops between pages and resolves undefined. */
  signal?: AbortSignal | undefined;
}

/** A checked state, not yet the index's own. */
export interface LinkCheckUpdate {
  /** Every broken link of the site, as the build reports them. */
  diagnostics: DevDiagnostic[];
  /** How many pages were checked this time. */
  checked: number;
  /** Makes this state the index's (once the rebuild's output is on disk). */
  commit(): void;
}

interface Entry {
  /** The output path as the spec has it (not normalized). */
  path: string;
  info: PageInfo;
  check: PageCheck;
}

/** The site's files: every output path, and the HTML pages (the ones checked) in the build's order. */
interface Shape {
  outputs: Set<string>;
  /** HTML page (NFC) → its place in the build's order. */
  position: Map<string, number>;
  specs: Map<string, PageSpec>;
}

const NOTHING: PageCheck = { diagnostics: [], layoutProblems: [], targets: new Set(), fragmentTargets: new Set() };
const nfc = (p: string) => p.normalize('NFC');
const isHtml = (p: string) => /\.html?$/i.test(p);
const hasProblems = (check: PageCheck) => check.diagnostics.length > 0 || check.layoutProblems.length > 0;

/** Whether two sets hold the same items. */
function sameItems(a: ReadonlySet<string>, b: ReadonlySet<string>): boolean {
  if (a.size !== b.size) return false;
  for (const item of a) if (!b.has(item)) return false;
  return true;
}

/** Adds or removes `page` under each of `targets` in a reverse index. */
function link(index: Map<string, Set<string>>, targets: Iterable<string>, page: string, add: boolean): void {
  for (const target of targets) {
    const from = index.get(target);
    if (add) index.set(target, (from ?? new Set()).add(page));
    else if (from?.delete(page) && from.size === 0) index.delete(target);
  }
}

/** The shape of a site from its specs and other files. */
function shapeOf(specs: readonly PageSpec[], others: readonly string[]): Shape {
  const shape: Shape = { outputs: new Set(), position: new Map(), specs: new Map() };
  for (const spec of specs) {
    const p = nfc(spec.path);
    shape.outputs.add(p);
    if (!isHtml(p)) continue;
    shape.position.set(p, shape.position.size);
    shape.specs.set(p, spec);
  }
  for (const file of others) shape.outputs.add(nfc(file));
  return shape;
}

/** A page's URL under `baseurl` (what the check resolves its links against). */
function rebase(info: PageInfo, baseurl: string): PageInfo {
  const url = withBase(baseurl, info.page.url ?? urlOfOutputPath(info.page.path));
  return url === info.url ? info : { ...info, url, base: pageBase(url) };
}

/** The link check's memory of the site between rebuilds. */
export class LinkIndex {
  /** HTML page (NFC) → what is known of it. */
  private entries = new Map<string, Entry>();
  /** Output path (NFC) → the pages whose links land there. */
  private linkedFrom = new Map<string, Set<string>>();
  /** Output path (NFC) → the pages with a `#fragment` link checked against its ids. */
  private fragmentsFrom = new Map<string, Set<string>>();
  /** The pages with a broken link. */
  private broken = new Set<string>();
  private shape: Shape | undefined;
  private others: readonly string[] = [];
  private settings = '';

  /**
   * Checks what changed in `input` against the last committed state; changes nothing until
   * `commit()`. Checking every page yields to the event loop now and then (the watcher and the
   * server keep going), and stops when `input.signal` aborts.
   */
  async prepare(input: LinkCheckInput): Promise<LinkCheckUpdate | undefined> {
    const options: LinkCheckOptions = { url: input.config.url, baseurl: input.config.baseurl, strict: input.config.strict };
    const settings = JSON.stringify(options);
    const rebased = settings !== this.settings;
    const sameFiles = input.others === undefined && this.shape !== undefined;
    const others = input.others ?? this.others;
    const before = this.shape;
    const shape = sameFiles ? before! : shapeOf(input.specs, others);
    const removed = sameFiles || !before ? [] : [...before.outputs].filter((p) => !shape.outputs.has(p));
    const reshaped = removed.length > 0 || shape.outputs.size !== (before?.outputs.size ?? 0);

    // The specs of the pages rendered now (with the same files, only theirs can differ from last time).
    const renderedSpecs = new Map<string, PageSpec>();
    for (const file of input.rendered) {
      const spec = sameFiles ? input.specs.find((s) => s.path === file.path) : shape.specs.get(nfc(file.path));
      if (spec && isHtml(spec.path)) renderedSpecs.set(nfc(file.path), spec);
    }
    let bySource: Map<string, RenderedPost> | undefined;
    const postOf = (source: string) => {
      // A few pages: look them up; many: index the posts once.
      if (!bySource && renderedSpecs.size < 16 && !input.all) return input.posts.find((p) => p.post.source === source);
      return (bySource ??= new Map(input.posts.map((p) => [p.post.source, p]))).get(source);
    };

    // The new state, over the committed one: undefined marks a page that is gone.
    const staged = new Map<string, Entry | undefined>();
    const current = (p: string) => (staged.has(p) ? staged.get(p) : this.entries.get(p));
    if (!sameFiles) for (const p of this.entries.keys()) if (!shape.position.has(p)) staged.set(p, undefined);
    for (const file of input.rendered) {
      const p = nfc(file.path);
      const spec = renderedSpecs.get(p);
      const page = spec && checkPageOf(spec, file, input.theme, postOf);
      if (page) staged.set(p, { path: spec.path, info: pageInfo(page, options.baseurl), check: NOTHING });
    }
    const fresh = new Set(staged.keys());

    const everything = input.all || rebased;
    const recheck = new Set<string>(everything ? shape.position.keys() : fresh);
    if (!everything) {
      // Links into pages whose ids may differ now, links to files that are gone, and, when files came
      // or went, every broken link (a new post may be what it wanted; its suggestions may differ).
      for (const p of staged.keys()) for (const from of this.fragmentsFrom.get(p) ?? []) recheck.add(from);
      for (const p of removed) for (const from of this.linkedFrom.get(p) ?? []) recheck.add(from);
      if (reshaped) for (const p of this.broken) recheck.add(p);
    }

    const checker = new TargetChecker(shape.outputs, { get: (p) => current(p)?.info }, options);
    let checked = 0;
    for (const p of recheck) {
      const entry = current(p);
      if (!entry || !shape.position.has(p)) continue;
      // A page kept from before gets its post (its links' source lines) and URL (the base path) as they are now.
      const spec = shape.specs.get(p);
      const post = spec?.kind === 'post' && spec.source ? postOf(spec.source) : undefined;
      const kept = fresh.has(p) ? undefined : { ...entry.info.page, post };
      const info = kept ? rebase({ ...entry.info, page: kept }, options.baseurl) : entry.info;
      const next: Entry = { path: entry.path, info, check: NOTHING };
      staged.set(p, next);
      next.check = checkPage(info, checker, options);
      if (++checked % 128 === 0 && input.all) {
        await new Promise((resolve) => setImmediate(resolve));
        if (input.signal?.aborted) return undefined;
      }
    }

    // The pages with broken links now, in the build's order, give the build's report.
    const broken = new Set(this.broken);
    for (const [p, entry] of staged) {
      if (entry && hasProblems(entry.check)) broken.add(p);
      else broken.delete(p);
    }
    const order = [...broken].sort((a, b) => shape.position.get(a)! - shape.position.get(b)!);
    const diagnostics: DevDiagnostic[] = [];
    const withLayoutProblems: { url: string; path: string; check: PageCheck }[] = [];
    for (const p of order) {
      const entry = current(p)!;
      for (const d of entry.check.diagnostics) diagnostics.push({ ...d, pages: [entry.path] });
      if (entry.check.layoutProblems.length > 0) withLayoutProblems.push({ url: entry.info.url, path: entry.path, check: entry.check });
    }
    for (const { diagnostic, on, problem } of mergeLayoutProblems(withLayoutProblems, options.strict)) {
      diagnostics.push({ ...diagnostic, pages: on.map((o) => o.path), key: `${diagnostic.file}\0${problem}` });
    }

    return {
      diagnostics,
      checked,
      commit: () => {
        for (const [p, entry] of staged) {
          const old = this.entries.get(p);
          if (old && entry && sameItems(old.check.targets, entry.check.targets) && sameItems(old.check.fragmentTargets, entry.check.fragmentTargets)) {
            this.entries.set(p, entry);
            continue;
          }
          if (old) {
            link(this.linkedFrom, old.check.targets, p, false);
            link(this.fragmentsFrom, old.check.fragmentTargets, p, false);
          }
          if (!entry) {
            this.entries.delete(p);
            continue;
          }
          this.entries.set(p, entry);
          link(this.linkedFrom, entry.check.targets, p, true);
          link(this.fragmentsFrom, entry.check.fragmentTargets, p, true);
        }
        for (const [p, spec] of renderedSpecs) shape.specs.set(p, spec);
        this.broken = broken;
        this.shape = shape;
        this.others = others;
        this.settings = settings;
      },
    };
  }
}
