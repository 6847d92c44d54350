/**
 * micromark pieces shared by the kramdown syntax plugins (remark-kramdown-extensions.ts,
 * remark-kramdown-ial.ts): character tests, the `{::name …}` and `{:/name}` tags, the end of a
 * line, and the non-lazy line check. Not a plugin itself.
 */
import type { Code, Construct, Effects, State, TokenizeContext } from 'micromark-util-types';

/** Character codes the kramdown syntax is made of. */
export const [BRACE, CLOSE_BRACE, COLON, SLASH, BACKSLASH, SPACE] = [123, 125, 58, 47, 92, 32] as const;

/** micromark's line endings (CR, LF, CRLF) and spaces (tab, virtual space, space). */
export const isLineEnding = (code: Code) => code !== null && code < -2;
export const isSpace = (code: Code) => code === -2 || code === -1 || code === SPACE;
/** Ruby's `\w` as kramdown uses it: ASCII letters, digits and `_`. */
export const isWordChar = (code: Code) =>
  code !== null && ((code >= 48 && code <= 57) || (code >= 65 && code <= 90) || (code >= 97 && code <= 122) || code === 95);

/** States that consume `wanted`, then go on with `next`; anything else is `nok`. */
const expect =
  (effects: Effects, wanted: number, next: State, nok: State): State =>
  (code) => {
    if (code !== wanted) return nok(code);
    effects.consume(code);
    return next;
  };

/**
 * The start tag `{::name}`, `{::name attrs}` or `{::name attrs /}` (kramdown's EXT_START_STR) for
 * one of `names`: states from `{` up to and with `}`, then those `done(name, selfClosing)` returns.
 */
export function startTag(effects: Effects, names: ReadonlySet<string>, done: (name: string, selfClosing: boolean) => State, nok: State): State {
  let name = '';
  let slash = false;
  const nameChar: State = (code) => {
    if (isWordChar(code)) {
      name += String.fromCharCode(code!);
      effects.consume(code);
      return nameChar;
    }
    if (!names.has(name)) return nok(code);
    if (code === CLOSE_BRACE) return end(code);
    if (code === SLASH)
      return expect(
        effects,
        SLASH,
        expect(effects, CLOSE_BRACE, (next) => done(name, true)(next), nok),
        nok,
      )(code);
    return isSpace(code) ? attributes(code) : nok(code);
  };
  // Anything but an unescaped `}`; a `/` right before the `}` closes the tag.
  const attributes: State = (code) => {
    if (code === null || isLineEnding(code)) return nok(code);
    if (code === CLOSE_BRACE) return end(code);
    slash = code === SLASH;
    effects.consume(code);
    return code === BACKSLASH ? escaped : attributes;
  };
  const escaped: State = (code) => {
    if (code !== CLOSE_BRACE) return attributes(code);
    slash = false;
    effects.consume(code);
    return attributes;
  };
  const end: State = (code) => {
    effects.consume(code);
    return done(name, slash);
  };
  return expect(effects, BRACE, expect(effects, COLON, expect(effects, COLON, nameChar, nok), nok), nok);
}

/** The stop tag `{:/name}` or `{:/}` (kramdown's EXT_STOP_STR): states from `{` up to and with `}`. */
export function stopTag(effects: Effects, name: string, ok: State, nok: State): State {
  let index = 0;
  const nameOrEnd: State = (code) => {
    if (code === CLOSE_BRACE) {
      if (index !== 0 && index !== name.length) return nok(code);
      effects.consume(code);
      return ok;
    }
    if (code !== name.charCodeAt(index)) return nok(code);
    index++;
    effects.consume(code);
    return nameOrEnd;
  };
  return expect(effects, BRACE, expect(effects, COLON, expect(effects, SLASH, nameOrEnd, nok), nok), nok);
}

/** Spaces and tabs, then the end of the line (not consumed). */
export function lineEnd(effects: Effects, ok: State, nok: State): State {
  const state: State = (code) => {
    if (isSpace(code)) {
      effects.consume(code);
      return state;
    }
    return code === null || isLineEnding(code) ? ok(code) : nok(code);
  };
  return state;
}

/** At a line ending: whether the next line continues the current containers (is not lazy). */
export const nonLazyLine: Construct = {
  partial: true,
  tokenize(this: TokenizeContext, effects, ok, nok) {
    return (code) => {
      if (code === null) return nok(code);
      effects.enter('lineEnding');
      effects.consume(code);
      effects.exit('lineEnding');
      return (next) => (this.parser.lazy[this.now().line] ? nok(next) : ok(next));
    };
  },
};
