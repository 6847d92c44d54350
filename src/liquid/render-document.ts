/**
 * Liquid in a document body (provisional: whole-text render, lines mapped one to one where the
 * output keeps the input's line count).
 */
import type { Liquid } from 'liquidjs';
import { LocatedError } from '../diagnostics.js';
import { liquidErrorLine, liquidMessage } from '../render/liquid.js';

/** Rendered text and, for each 1-based line of it, the 1-based line of the input it came from (index 0 unused). */
export interface LiquidOutput {
  text: string;
  lines: number[];
}

/** Whether a text has any Liquid at all (`{{` or `{%`). */
export function hasLiquid(text: string): boolean {
  return text.includes('{{') || text.includes('{%');
}

/** Renders `body` with `scope`; errors are LocatedErrors with the body line. */
export async function renderDocument(engine: Liquid, body: string, scope: object, file: string): Promise<LiquidOutput> {
  let text: string;
  try {
    text = await engine.parseAndRender(body, scope, { globals: {} });
  } catch (thrown) {
    throw new LocatedError(liquidMessage(thrown), file, liquidErrorLine(thrown, 1));
  }
  const count = text.split('\n').length;
  const lines = Array.from({ length: count + 1 }, (_, i) => i);
  return { text, lines };
}
