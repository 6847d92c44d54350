/**
 * remark plugin: records whether a document has raw HTML (only then does it pay for rehype-raw)
 * and which fenced-code languages it uses (so their grammars load before highlighting). Known
 * fence names are lowercased in place (```C, ```Bash): shiki's lookup is case-sensitive, fence
 * names are not.
 */
import type { Root } from 'mdast';
import { visit } from 'unist-util-visit';
import type { VFile } from 'vfile';
import { isKnownLanguage } from './highlight.js';

/** The plugin (no options). */
export default function remarkSurvey() {
  return (tree: Root, file: VFile) => {
    let raw = false;
    const languages = new Set<string>();
    visit(tree, (node) => {
      if (node.type === 'html') raw = true;
      else if (node.type === 'code' && node.lang) {
        if (isKnownLanguage(node.lang)) node.lang = node.lang.toLowerCase();
        languages.add(node.lang.toLowerCase());
      }
    });
    file.data.hasRawHtml = raw;
    file.data.languages = languages;
  };
}
