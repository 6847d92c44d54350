/** Where things are in a source file, as 1-based lines. */

/** The 1-based line of `offset` in `text`, whose first line is line `firstLine` of its file. */
export function lineAtOffset(text: string, offset: number, firstLine = 1): number {
  let line = firstLine;
  for (let i = text.indexOf('\n'); i >= 0 && i < offset; i = text.indexOf('\n', i + 1)) line++;
  return line;
}

/** The 1-based file line where `text` (a document body starting at `firstLine`) first mentions `needle`, if it does. */
export function lineOfMention(text: string, needle: string, firstLine = 1): number | undefined {
  const at = text.indexOf(needle);
  return at < 0 ? undefined : lineAtOffset(text, at, firstLine);
}
