/**
 * unist-util-visit-parents is patched (patches/, applied by `patch-package` on `npm ci`): upstream
 * names the visitor function of every node it visits with `Object.defineProperty(visit, 'name', …)`,
 * which cost ~20 % of rendering a post. These tests fail when the patch is not applied.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { visitParents } from 'unist-util-visit-parents';
import { describe, expect, it } from 'vitest';

/** The module Node loads for `unist-util-visit-parents` (every unified plugin shares this one copy). */
const installed = fileURLToPath(import.meta.resolve('unist-util-visit-parents').replace(/index\.js$/, 'lib/index.js'));

describe('the unist-util-visit-parents patch', () => {
  it('is applied to the installed package', () => {
    const source = readFileSync(installed, 'utf8');
    expect(source).toContain('inkstone: no per-node');
    expect(source).not.toMatch(/Object\.defineProperty\(visit, 'name', \{/);
  });

  it('leaves visiting as it was: every node, in order, with its ancestors', () => {
    const tree = {
      type: 'root',
      children: [
        { type: 'p', children: [{ type: 'text', value: 'a' }] },
        { type: 'text', value: 'b' },
      ],
    };
    const seen: string[] = [];
    visitParents(tree, (node, ancestors) => {
      seen.push(`${node.type}@${ancestors.length}`);
    });
    expect(seen).toEqual(['root@0', 'p@1', 'text@2', 'text@1']);
  });
});
