/** Render failures: carried as data with a one-line reason a writer can act on, never a stack trace. */
import { LocatedError, messageOf } from '../diagnostics.js';

/** A post that could not be rendered; the build reports it at the post's first body line. */
export class RenderFailure extends LocatedError {}

/** A one-line reason for a failed render (stack overflows explained). */
export function describeRenderFailure(thrown: unknown): string {
  if (thrown instanceof RangeError && /call stack/i.test(thrown.message)) {
    return 'the Markdown nests too deeply to render (lists or quotes thousands of levels deep)';
  }
  return `cannot render Markdown: ${messageOf(thrown)}`;
}
