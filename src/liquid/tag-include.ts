/**
 * Jekyll's includes. `{% include file.html key=value %}` is liquidjs's own (`jekyllInclude`), with
 * Jekyll's refusal of `..` in names and a clear message when the file is missing.
 * `{% include_relative file key=value %}` reads a file next to the document being rendered (the
 * folder of `page.path`, a site-root-relative source path, as Jekyll sets it), never outside the
 * site root.
 */
import { readdirSync, readFileSync, realpathSync, statSync } from 'node:fs';
import path from 'node:path';
import { type Context, type Emitter, Hash, IncludeTag, type Liquid, type Parser, Tag, type TagToken, type Template, type TopLevelToken } from 'liquidjs';
import { toSlashes } from '../fs/list-tree.js';
import { didYouMean } from '../suggest.js';
import { lenientGet, type TagClass } from './tag-support.js';

/** Jekyll's INVALID_SEQUENCES: `..`, `./`, `//` and the like are never part of an include name. */
const INVALID_SEQUENCES = /[./]{2,}/;

/** `root`-relative display of a folder, for messages. */
const shown = (root: string, dir: string): string => {
  const rel = toSlashes(path.relative(root, dir));
  return rel && !rel.startsWith('..') ? rel : dir;
};

/** Every file under `dirs`, as names an include could use. */
function includeNames(dirs: readonly string[]): string[] {
  const names = new Set<string>();
  for (const dir of dirs) {
    try {
      for (const entry of readdirSync(dir, { recursive: true, withFileTypes: true })) {
        if (entry.isFile()) names.add(toSlashes(path.relative(dir, path.join(entry.parentPath, entry.name))));
      }
    } catch {
      // A folder that does not exist has nothing to suggest.
    }
  }
  return [...names];
}

/** The include tag class: liquidjs's Jekyll-style include with Jekyll's name rules and messages naming the file and the folders. */
export function includeTag(includeDirs: readonly string[], root: string): TagClass {
  return class JekyllIncludeTag extends IncludeTag {
    constructor(token: TagToken, remainTokens: TopLevelToken[], liquid: Liquid, parser: Parser) {
      super(token, remainTokens, liquid, parser);
      const file = (this as unknown as { file: unknown }).file;
      if (typeof file === 'string' && INVALID_SEQUENCES.test(file)) {
        throw new Error(
          `include: "${file}" is not allowed (an include name has no "..", "./" or "//"; includes come from ${includeDirs.map((d) => shown(root, d)).join(', ')})`,
        );
      }
    }

    override *render(ctx: Context, emitter: Emitter): Generator<unknown, void, unknown> {
      try {
        yield* super.render(ctx, emitter);
      } catch (thrown) {
        const missing = /^ENOENT: Failed to lookup "(.*)" in/.exec((thrown as Error | undefined)?.message ?? '');
        if (!missing) throw thrown;
        const name = missing[1]!;
        const hint = didYouMean(name, includeNames(includeDirs));
        throw new Error(`include: no file "${name}" in ${includeDirs.map((d) => shown(root, d)).join(', ')}${hint}`);
      }
    }
  };
}

/** Parsed include_relative files, reused while their text is unchanged. */
type ParsedFiles = Map<string, { text: string; templates: Template[] }>;

/** The include_relative tag class, reading files under `root` only (and noting each in `reads`). */
export function includeRelativeTag(root: string, reads?: Set<string>): TagClass {
  const parsed: ParsedFiles = new Map();
  const realRoot = (() => {
    try {
      return realpathSync(root);
    } catch {
      return path.resolve(root);
    }
  })();

  return class IncludeRelativeTag extends Tag {
    private readonly fileName: Template[];
    private readonly hash: Hash;

    constructor(token: TagToken, remainTokens: TopLevelToken[], liquid: Liquid, parser: Parser) {
      super(token, remainTokens, liquid);
      this.fileName = parser.parseTokens([...this.tokenizer.readFileNameTemplate(liquid.options)]);
      if (this.fileName.length === 0) throw new Error('include_relative: a file name is needed ({% include_relative snippet.md %})');
      this.hash = new Hash(this.tokenizer, true);
    }

    /** The file `name` names, next to the document being rendered; throws when it is outside the site or missing. */
    private *locate(ctx: Context, name: string): Generator<unknown, string, unknown> {
      if (INVALID_SEQUENCES.test(name))
        throw new Error(`include_relative: "${name}" is not allowed (no "..", "./" or "//": only files in the page's folder or below)`);
      const pagePath = (yield* lenientGet(ctx, ['page', 'path'])) as unknown;
      const page = typeof pagePath === 'string' ? pagePath.replace(/\/#excerpt$/, '') : '';
      const folder = path.dirname(path.join(root, page || 'index'));
      const file = path.join(folder, name);
      const where = shown(root, folder) || '.';
      let real: string;
      try {
        real = realpathSync(file);
      } catch {
        throw new Error(`include_relative: no file "${name}" in ${where === '.' ? 'the site root' : `${where}/`}${page ? ` (next to ${page})` : ''}`);
      }
      const rel = path.relative(realRoot, real);
      if (rel.startsWith('..') || path.isAbsolute(rel)) throw new Error(`include_relative: "${name}" is outside the site`);
      if (!statSync(real).isFile()) throw new Error(`include_relative: "${name}" in ${where} is not a file`);
      return real;
    }

    *render(ctx: Context, emitter: Emitter): Generator<unknown, void, unknown> {
      const name = String(yield this.liquid.renderer.renderTemplates(this.fileName, ctx)).trim();
      const file = yield* this.locate(ctx, name);
      const text = readFileSync(file, 'utf8');
      reads?.add(file);
      let entry = parsed.get(file);
      if (entry?.text !== text) parsed.set(file, (entry = { text, templates: this.liquid.parse(text, file) }));
      const params = (yield this.hash.render(ctx)) as Record<string, unknown>;
      ctx.push(Object.keys(params).length ? { include: params } : {});
      try {
        yield this.liquid.renderer.renderTemplates(entry.templates, ctx, emitter);
      } finally {
        ctx.pop();
      }
    }
  };
}
