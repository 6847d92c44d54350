/**
 * `{% highlight lang [linenos] [mark_lines="1 2"] %}…{% endhighlight %}`, as Jekyll 4.3's tag: the
 * body is Liquid (so `{% raw %}` inside works as in Jekyll) unless the render asks for literal code
 * (LITERAL_CODE_REGISTER, set by renderDocument's `literalCode`), leading and trailing line breaks are
 * dropped, the language is lowercased, and the highlighted HTML comes in Jekyll's
 * `<figure class="highlight">` wrapper with `data-lang` on its `code`.
 */
import { type Context, type Emitter, type Liquid, type Parser, Tag, type TagToken, type Template, TokenKind, type TopLevelToken } from 'liquidjs';
import { type JekyllSiteHooks, requireAsync } from './hooks.js';
import type { TagClass } from './tag-support.js';

/** Jekyll's syntax check: a language, then options `name`, `name=value` or `name="1 2 3"`. */
const SYNTAX = /^([a-zA-Z0-9.+#_-]+)((\s+\w+(=(\w+|"([0-9]+\s)*[0-9]+"))?)*)$/;
const OPTION = /(?:\w="[^"]*"|\w=\w|\w)+/g;

/** Options of a highlight tag as Jekyll reads them. */
export interface HighlightOptions {
  lang: string;
  linenos: boolean;
  markLines: number[];
}

/** Parses the tag's markup (`c linenos mark_lines="2 3"`); undefined when it is not valid Jekyll syntax. */
export function parseHighlightMarkup(markup: string): HighlightOptions | undefined {
  const match = SYNTAX.exec(markup.trim());
  if (!match) return undefined;
  const options = new Map<string, string | true>();
  for (const [option] of match[2]!.matchAll(OPTION)) {
    const [key, value] = option.split('=');
    options.set(key!, value === undefined ? true : value.replace(/"/g, ''));
  }
  const marks = options.get('mark_lines');
  return {
    lang: match[1]!.toLowerCase(),
    linenos: options.has('linenos') && options.get('linenos') !== 'false',
    markLines: typeof marks === 'string' ? marks.split(/\s+/).filter(Boolean).map(Number) : [],
  };
}

const escapeAttribute = (text: string): string => text.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;');

/**
 * The Context register that, when true, makes highlight bodies literal code (no Liquid inside, as
 * for inkstone's own posts where code stays code); otherwise the body is Liquid, as in Jekyll.
 */
export const LITERAL_CODE_REGISTER = 'inkstone:literal-code';

/** The highlight tag class, highlighting through `hooks.highlight`. */
export function highlightTag(hooks: Pick<JekyllSiteHooks, 'highlight'>): TagClass {
  return class HighlightTag extends Tag {
    private readonly options: HighlightOptions;
    /** The body's tokens, parsed on first Jekyll-mode render (a literal body is never parsed, so Jinja or Helm text in it cannot fail). */
    private readonly tokens: TopLevelToken[] = [];
    private readonly source: string;
    private readonly parser: Parser;
    private templates: Template[] | undefined;

    constructor(token: TagToken, remainTokens: TopLevelToken[], liquid: Liquid, parser: Parser) {
      super(token, remainTokens, liquid);
      const options = parseHighlightMarkup(token.args);
      if (!options) throw new Error(`highlight: cannot read "${token.args.trim()}" (expected {% highlight <lang> [linenos] [mark_lines="1 2"] %})`);
      this.options = options;
      this.parser = parser;
      while (remainTokens.length) {
        const next = remainTokens.shift()!;
        if (next.kind === TokenKind.Tag && (next as TagToken).name === 'endhighlight') {
          this.source = token.input.slice(token.end, next.begin);
          return;
        }
        this.tokens.push(next);
      }
      throw new Error(`tag ${token.getText()} not closed (no {% endhighlight %})`);
    }

    *render(ctx: Context, emitter: Emitter): Generator<unknown, void, unknown> {
      let body: string;
      if (ctx.getRegister(LITERAL_CODE_REGISTER) === true) body = this.source;
      else {
        this.templates ??= this.parser.parseTokens([...this.tokens]);
        body = String(yield this.liquid.renderer.renderTemplates(this.templates, ctx));
      }
      const code = body.replace(/^[\n\r]+|[\n\r]+$/g, '');
      const { lang, linenos, markLines } = this.options;
      requireAsync(ctx, 'the highlight tag');
      const html = String(yield hooks.highlight(code, lang, { linenos, markLines }));
      const labelled = html.replace(/<code\b/, `<code data-lang="${escapeAttribute(lang)}"`);
      emitter.write(`<figure class="highlight">${labelled}</figure>`);
    }
  };
}
