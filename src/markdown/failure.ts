/** Turns an exception from the Markdown stack into a message a writer can act on. */

/** A one-line reason for a failed render (stack overflows explained, never a stack trace). */
export function describeRenderFailure(thrown: unknown): string {
  if (thrown instanceof RangeError && /call stack/i.test(thrown.message)) {
    return 'the Markdown nests too deeply to render (lists or quotes thousands of levels deep)';
  }
  return `cannot render Markdown: ${thrown instanceof Error ? thrown.message : String(thrown)}`;
}
