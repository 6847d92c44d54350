/**
 * shiki transformers every highlighted block goes through: `linenos` in the fence's meta
 * (```` ```c linenos ````) numbers the lines, `{2,4-5}` in the meta highlights lines, and
 * `// [!code highlight]`, `// [!code ++]`, `// [!code --]` comments in the code (shiki's notation,
 * from @shikijs/transformers) highlight and diff-mark lines. Line numbers are a `data-line`
 * attribute shown by CSS, so they are never part of the code's text.
 */
import { transformerMetaHighlight, transformerNotationDiff, transformerNotationHighlight } from '@shikijs/transformers';
import type { ShikiTransformer } from 'shiki';

/** Whether a fence's meta string asks for line numbers (`linenos`, as Jekyll's highlight tag spells it). */
export function wantsLineNumbers(meta: string | undefined): boolean {
  return meta !== undefined && /(?:^|\s)linenos(?:\s|=true|$)/.test(meta);
}

/** The class and attribute `linenos` adds: `linenos` on the `pre`, `data-line="n"` on each line. */
function lineNumbers(): ShikiTransformer {
  return {
    name: 'inkstone:linenos',
    pre(node) {
      if (wantsLineNumbers(this.options.meta?.__raw)) this.addClassToHast(node, 'linenos');
    },
    line(node, line) {
      if (wantsLineNumbers(this.options.meta?.__raw)) node.properties['data-line'] = line;
    },
  };
}

/** shiki's notation transformers, run only on code that has a `[!code` comment (they walk every token otherwise). */
function notations(): ShikiTransformer {
  const inner = [transformerNotationHighlight(), transformerNotationDiff()];
  return {
    name: 'inkstone:notations',
    code(node) {
      if (!this.source.includes('[!code')) return;
      for (const transformer of inner) transformer.code?.call(this, node);
    },
  };
}

/** The transformers for every highlighted block (fenced code and `{% highlight %}`). */
export function codeTransformers(): ShikiTransformer[] {
  return [lineNumbers(), transformerMetaHighlight(), notations()];
}
