/**
 * Which files are content: the one set of rules the loader (walking the site) and the watcher
 * (deciding whether an event matters) share, so they can never disagree.
 */

/** Markdown files are posts. */
export const POST_EXTENSION = /\.(md|markdown)$/i;

/** Editor droppings and hidden files that are never content: vim swap files, `4913`, backups, JetBrains' safe-write names. */
export function isEditorTemp(name: string): boolean {
  return (
    name.startsWith('.') ||
    name.endsWith('~') ||
    /^\d+$/.test(name) ||
    /\.(swp|swx|swo|tmp|bak|crdownload)$/i.test(name) ||
    name.startsWith('#') ||
    /___jb_(tmp|old|bak)___$/.test(name)
  );
}

/** What an entry below the posts folder is to the build. */
export type PostsEntryKind = 'post' | 'asset';

/**
 * What the entry at `relPath` (below the posts folder, `/`-separated) is: a post (Markdown), an
 * asset (any other file, copied when a post links to it), or nothing (undefined). Hidden names,
 * editor temp files and `_` names are skipped, except `_drafts/`, which holds posts when drafts
 * are built. For a folder (`isDirectory`), undefined means nothing below it is content.
 */
export function postsEntryKind(relPath: string, drafts: boolean, isDirectory = false): PostsEntryKind | 'folder' | undefined {
  const segments = relPath.split('/').filter(Boolean);
  const folders = isDirectory ? segments : segments.slice(0, -1);
  const name = isDirectory ? undefined : segments[segments.length - 1];
  if (segments.some((s) => s.startsWith('.'))) return undefined;
  if (name !== undefined && isEditorTemp(name)) return undefined;
  for (const s of segments) if (s.startsWith('_') && !(s === '_drafts' && folders.includes(s) && drafts)) return undefined;
  if (name === undefined) return 'folder';
  return POST_EXTENSION.test(name) ? 'post' : 'asset';
}
