/**
 * Light and dark highlighting from one tokenization. shiki highlights a block for two themes by
 * running the TextMate grammar once per theme (`codeToTokensWithThemes`), although only the colours
 * depend on the theme: the regular expressions — most of the cost — match the same way both times.
 *
 * Here the grammar runs once, under a "pair theme": for every scope stack it resolves the style the
 * light theme and the dark theme give it (with vscode-textmate's own `Theme.match` and inheritance
 * rules, so the result is exact) and encodes the pair as one colour id. Each line's tokens are then
 * decoded into the two themes' tokens — adjacent tokens of one style merged, as the grammar merges
 * them — and the second theme's call is answered from that result. The HTML is byte-for-byte what
 * two runs give (test/markdown/dual-theme-tokens.test.ts compares them on many languages).
 *
 * This reaches into shiki's internals (the primitive's `setTheme`/`getLanguage`, the grammar's
 * `tokenizeLine2` and theme provider), pinned by package-lock.json; anything unexpected — another
 * state than ours, more style pairs than the metadata holds — falls back to shiki's own path.
 */
import { INITIAL } from '@shikijs/vscode-textmate';
import type { Highlighter } from 'shiki';

/** Metadata bits of vscode-textmate's binary tokens (`EncodedTokenMetadata`). */
const FONT_STYLE_OFFSET = 11;
const FOREGROUND_OFFSET = 15;
const BACKGROUND_OFFSET = 24;
/** Everything but font style, foreground and background: language id, token type, brackets. */
const THEME_FREE_BITS = (1 << FONT_STYLE_OFFSET) - 1;
/** The largest foreground id the metadata holds (9 bits). */
const MAX_PAIRS = 511;

/** A style as vscode-textmate resolves it: `fontStyle` -1 and ids 0 mean "inherit". */
interface Style {
  fontStyle: number;
  foregroundId: number;
  backgroundId: number;
}

/** vscode-textmate's scope path: a linked list from the innermost scope out. */
interface ScopeStack {
  parent: ScopeStack | null;
  scopeName: string;
}

/** The parts of vscode-textmate's Theme this module uses. */
interface TextmateTheme {
  match(path: ScopeStack): Style | null;
  getDefaults(): Style;
}

/** The parts of vscode-textmate's SyncRegistry (a grammar's theme provider) this module uses. */
interface ThemeProvider {
  _theme: TextmateTheme;
  setTheme(theme: unknown): void;
}

/** What `tokenizeLine2` returns. */
interface LineResult {
  tokens: Uint32Array;
  ruleStack: object;
  stoppedEarly: boolean;
}

/** The parts of vscode-textmate's Grammar this module uses. */
interface Grammar {
  themeProvider: ThemeProvider;
  tokenizeLine2(line: string, state: object, timeLimit?: number): LineResult;
}

/** The parts of shiki's primitive (`highlighter.getInternalContext()`) this module uses. */
interface Primitive {
  setTheme(name: string): unknown;
  getLanguage(name: string): Grammar;
}

/** A resolved style, concrete (no inheritance left), packed: font style << 18 | foreground << 9 | background. */
type Resolved = number;

const pack = (fontStyle: number, foreground: number, background: number): Resolved => (fontStyle << 18) | (foreground << 9) | background;

/** Applies a matched style over the inherited one, as `AttributedScopeStack.mergeAttributes` does. */
function merge(base: Resolved, style: Style | null): Resolved {
  if (!style) return base;
  return pack(style.fontStyle === -1 ? base >>> 18 : style.fontStyle, style.foregroundId || (base >>> 9) & 0x1ff, style.backgroundId || base & 0x1ff);
}

/** Encodes a resolved style into metadata, keeping the theme-free bits of `meta`. */
function withStyle(meta: number, style: Resolved): number {
  const fontStyle = style >>> 18;
  const foreground = (style >>> 9) & 0x1ff;
  const background = style & 0x1ff;
  return ((meta & THEME_FREE_BITS) | (fontStyle << FONT_STYLE_OFFSET) | (foreground << FOREGROUND_OFFSET) | (background << BACKGROUND_OFFSET)) >>> 0;
}

/** A theme whose colour for a scope stack is the id of the pair of styles two real themes give it. */
class PairTheme implements TextmateTheme {
  /** Each side's style by pair id (index 0 unused: id 0 means "inherit"). */
  private readonly sides: [Resolved[], Resolved[]] = [[0], [0]];
  /** Pair ids by both styles (light * 2^22 + dark, exact in a double). */
  private readonly ids = new Map<number, number>();
  /** Pair ids of the scope stacks seen (a stack's parent is asked for again and again). */
  private readonly resolved = new WeakMap<ScopeStack, number>();
  private readonly defaultsId: number;

  constructor(private readonly themes: readonly [TextmateTheme, TextmateTheme]) {
    this.defaultsId = this.idOf(merge(0, themes[0].getDefaults()), merge(0, themes[1].getDefaults()));
  }

  /** Whether the pair table overflowed the metadata (then nothing it encoded may be used). */
  overflowed = false;

  private idOf(light: Resolved, dark: Resolved): number {
    const key = light * 0x400000 + dark;
    let id = this.ids.get(key);
    if (id === undefined) {
      id = this.sides[0].length;
      if (id > MAX_PAIRS) {
        this.overflowed = true;
        return 1;
      }
      this.sides[0].push(light);
      this.sides[1].push(dark);
      this.ids.set(key, id);
    }
    return id;
  }

  private resolve(path: ScopeStack): number {
    let id = this.resolved.get(path);
    if (id === undefined) {
      const base = path.parent ? this.resolve(path.parent) : this.defaultsId;
      id = this.idOf(merge(this.sides[0][base]!, this.themes[0].match(path)), merge(this.sides[1][base]!, this.themes[1].match(path)));
      this.resolved.set(path, id);
    }
    return id;
  }

  match(path: ScopeStack): Style {
    return { fontStyle: 0, foregroundId: this.resolve(path), backgroundId: 0 };
  }

  getDefaults(): Style {
    return { fontStyle: 0, foregroundId: this.defaultsId, backgroundId: 0 };
  }

  /** One theme's tokens from the pair theme's: styles decoded, neighbours of one style merged. */
  decode(tokens: Uint32Array, side: 0 | 1): Uint32Array {
    const out: number[] = [];
    for (let i = 0; i < tokens.length; i += 2) {
      const meta = withStyle(tokens[i + 1]!, this.sides[side][(tokens[i + 1]! >>> FOREGROUND_OFFSET) & MAX_PAIRS]!);
      if (out.length > 0 && out[out.length - 1] === meta) continue;
      out.push(tokens[i]!, meta);
    }
    return Uint32Array.from(out);
  }
}

/** A line tokenized for both themes, waiting for the second theme's call. */
interface Pending {
  result: LineResult;
  /** The other theme's tokens, by theme name. */
  tokens: Map<string, Uint32Array>;
}

/** Beyond this many lines waiting for their second theme, the waiting list is dropped (only single-theme calls leave lines there). */
const MAX_PENDING = 20_000;

/**
 * Makes `highlighter` tokenize each line once for the two `themes` (names of loaded themes) instead
 * of once per theme. Grammars loaded later are covered too. Returns the highlighter.
 */
export function tokenizeOnceForThemes<H extends Highlighter>(highlighter: H, themes: { light: string; dark: string }): H {
  const initialState: object = INITIAL;
  const primitive = highlighter.getInternalContext() as unknown as Primitive;
  const names = [themes.light, themes.dark] as const;
  const probe = primitive.getLanguage(highlighter.getLoadedLanguages()[0]!);
  const textmateOf = (name: string): TextmateTheme => {
    primitive.setTheme(name);
    return probe.themeProvider._theme;
  };
  const dark = textmateOf(names[1]);
  const light = textmateOf(names[0]);
  const pairTheme = new PairTheme([light, dark]);
  let current: string | undefined = names[0];

  const setTheme = primitive.setTheme.bind(primitive);
  primitive.setTheme = (name: string) => {
    current = name;
    return setTheme(name);
  };

  /** States our pair runs produced (only those, and the initial state, can continue one). */
  const ours = new WeakSet<object>();
  // By state, then line: a grammar often returns the state it was given, so one state starts many lines.
  const pending = new Map<object, Map<string, Pending>>();
  let pendingCount = 0;
  const patched = new WeakSet<Grammar>();
  const patch = (grammar: Grammar) => {
    if (patched.has(grammar)) return grammar;
    patched.add(grammar);
    const tokenizeLine2 = grammar.tokenizeLine2.bind(grammar);
    grammar.tokenizeLine2 = (line, state, timeLimit) => {
      const side = names.indexOf(current as (typeof names)[number]);
      if (side === -1 || pairTheme.overflowed || (state !== initialState && !ours.has(state))) return tokenizeLine2(line, state, timeLimit);
      const lines = pending.get(state);
      const waiting = lines?.get(line);
      const mine = waiting?.tokens.get(current!);
      if (waiting && mine) {
        lines!.delete(line);
        pendingCount--;
        if (lines!.size === 0) pending.delete(state);
        return { ...waiting.result, tokens: mine };
      }
      const provider = grammar.themeProvider;
      const real = provider._theme;
      provider.setTheme(pairTheme);
      let result: LineResult;
      try {
        result = tokenizeLine2(line, state, timeLimit);
      } finally {
        provider.setTheme(real);
      }
      if (pairTheme.overflowed) return tokenizeLine2(line, state, timeLimit);
      ours.add(result.ruleStack);
      const other = (1 - side) as 0 | 1;
      if (pendingCount >= MAX_PENDING) {
        pending.clear();
        pendingCount = 0;
      }
      const entry = { result, tokens: new Map([[names[other], pairTheme.decode(result.tokens, other)]]) };
      const forState = pending.get(state);
      if (forState) {
        if (!forState.has(line)) pendingCount++;
        forState.set(line, entry);
      } else {
        pending.set(state, new Map([[line, entry]]));
        pendingCount++;
      }
      return { ...result, tokens: pairTheme.decode(result.tokens, side as 0 | 1) };
    };
    return grammar;
  };

  const getLanguage = primitive.getLanguage.bind(primitive);
  primitive.getLanguage = (name: string) => patch(getLanguage(name));
  return highlighter;
}
