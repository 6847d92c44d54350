import { describe, expect, it } from 'vitest';
import { isEditorTemp, postsEntryKind } from '../../src/site/content-paths.js';

describe('isEditorTemp', () => {
  it.each([
    ['.x.md.swp', true],
    ['x.md.swp', true],
    ['x.md.swo', true],
    ['x.md.swx', true],
    ['4913', true],
    ['x.md~', true],
    ['.hidden.md', true],
    ['.DS_Store', true],
    ['#x.md#', true],
    ['x.md.tmp', true],
    ['x.md.bak', true],
    ['photo.png.crdownload', true],
    ['2020-01-01-x.md', false],
    ['x.markdown', false],
    ['photo.png', false],
    ['2020', true],
    ['2020.md', false],
    ['内核 笔记.md', false],
    ['x.md___jb_tmp___', true],
    ['x.md___jb_old___', true],
  ])('%j → %s', (name, ignored) => {
    expect(isEditorTemp(name)).toBe(ignored);
  });
});

describe('postsEntryKind', () => {
  it.each<[string, boolean, boolean, ReturnType<typeof postsEntryKind>]>([
    ['2020-01-01-x.md', false, false, 'post'],
    ['sub/2020-01-01-x.markdown', false, false, 'post'],
    ['img/a.png', false, false, 'asset'],
    ['.git/config', false, false, undefined],
    ['sub/.hidden/2020-01-01-x.md', false, false, undefined],
    ['.x.md.swp', false, false, undefined],
    ['_drafts/idea.md', false, false, undefined],
    ['_drafts/idea.md', true, false, 'post'],
    ['_private/2020-01-01-x.md', true, false, undefined],
    ['_x.md', false, false, undefined],
    ['_drafts', true, true, 'folder'],
    ['_drafts', false, true, undefined],
    ['_assets', true, true, undefined],
    ['img', false, true, 'folder'],
    ['', false, true, 'folder'],
  ])('%j (drafts %s, folder %s) → %s', (rel, drafts, folder, kind) => {
    expect(postsEntryKind(rel, drafts, folder)).toBe(kind);
  });
});
