/**
 * A cheap guard against pathological nesting. micromark's cost grows much faster than linearly with
 * container depth (a 1000-deep list takes close to a minute), so a post nested deeper than any real
 * note is shown as preformatted text with a warning instead of stalling the build.
 */

/**
 * An upper estimate of the container depth of a Markdown document: per line, the `>` markers and
 * list markers in its leading prefix, plus indentation in steps of two columns (tabs count four).
 */
export function estimateNesting(markdown: string): number {
  let deepest = 0;
  let fence: string | undefined;
  for (const line of markdown.split('\n')) {
    // Lines inside fenced code are content, whatever their indentation.
    const marker = /^[\s>*+-]*(`{3,}|~{3,})/.exec(line)?.[1];
    if (marker && (!fence || marker.startsWith(fence))) {
      fence = fence ? undefined : marker;
      continue;
    }
    if (fence) continue;
    let depth = 0;
    let columns = 0;
    let listItem = false;
    for (let i = 0; i < line.length; i++) {
      const c = line[i];
      if (c === ' ') columns += 1;
      else if (c === '\t') columns += 4 - (columns % 4);
      else if (c === '>') depth += 1;
      else if ((c === '-' || c === '*' || c === '+') && (line[i + 1] === ' ' || line[i + 1] === '\t')) {
        depth += 1;
        listItem = true;
      } else break;
    }
    // Indentation only nests when it carries a list item; indented code or ASCII art does not.
    if (listItem || depth > 0) depth += Math.floor(columns / 2);
    if (depth > deepest) deepest = depth;
  }
  return deepest;
}
