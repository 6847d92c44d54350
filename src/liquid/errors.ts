/**
 * Liquid errors as inkstone reports them: liquidjs's message without its position suffix, the line
 * of the token it points at, and whether that token is in a given text (or in an included file).
 */
import type { Token } from 'liquidjs';
import { messageOf } from '../diagnostics.js';

/** The liquidjs token an error points at, if it carries one. */
export function errorToken(thrown: unknown): Token | undefined {
  const token = (thrown as { token?: Token } | undefined)?.token;
  return token && typeof token.getPosition === 'function' ? token : undefined;
}

/** `file:line` of a Liquid error, mapped from template line to file line (`firstLine` is the template's first line in the file). */
export function liquidErrorLine(thrown: unknown, firstLine: number): number {
  const line = errorToken(thrown)?.getPosition()[0];
  return line ? line + firstLine - 1 : firstLine;
}

/** First line of a Liquid error message, without liquidjs's position suffix and source excerpt. */
export function liquidMessage(thrown: unknown): string {
  const message = messageOf(thrown);
  return message.split('\n')[0]!.replace(/,? (?:file:.*, )?line:\d+, col:\d+$/, '');
}
