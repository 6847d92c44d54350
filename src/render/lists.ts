/** Index, category, tag and archive lists: pure functions of the posts. */
import GithubSlugger, { slug as plainSlug } from 'github-slugger';
import type { Post } from '../site/model.js';

/** A category or tag with its posts (newest first) and its page's URL. */
export interface Term {
  name: string;
  /** URL-safe slug, CJK kept (`内核`, `linux-kernel`). */
  slug: string;
  /** URL path without baseurl: `/categories/内核/`. */
  url: string;
  posts: Post[];
}

/** A year of the archive. */
export interface ArchiveYear {
  year: number;
  posts: Post[];
}

/**
 * Groups posts by category or tag. Slugs follow GitHub's rules (CJK kept, punctuation dropped);
 * names that slug alike (`C++` and `C`) get `-1`, `-2` in name order so URLs never collide.
 * Posts arrive newest first and keep that order.
 */
export function groupTerms(posts: readonly Post[], pick: (post: Post) => readonly string[], base: string): Term[] {
  const byName = new Map<string, Post[]>();
  for (const post of posts) {
    for (const name of pick(post)) {
      let list = byName.get(name);
      if (!list) byName.set(name, (list = []));
      list.push(post);
    }
  }
  const slugger = new GithubSlugger();
  return [...byName.keys()]
    .sort((a, b) => a.localeCompare(b, 'zh-Hans-CN'))
    .map((name) => {
      // Test the bare slug first: the slugger counts '' too, so a second punctuation-only name would get '-1'.
      const slug = plainSlug(name) ? slugger.slug(name) : slugger.slug('term');
      return { name, slug, url: `/${base}/${slug}/`, posts: byName.get(name)! };
    });
}

/** Categories of the site. */
export function categoryTerms(posts: readonly Post[]): Term[] {
  return groupTerms(posts, (p) => p.categories, 'categories');
}

/** Tags of the site. */
export function tagTerms(posts: readonly Post[]): Term[] {
  return groupTerms(posts, (p) => p.tags, 'tags');
}

/** Posts grouped by the year they were written in, newest year first. */
export function archiveByYear(posts: readonly Post[]): ArchiveYear[] {
  const years: ArchiveYear[] = [];
  for (const post of posts) {
    const last = years[years.length - 1];
    if (last && last.year === post.date.year) last.posts.push(post);
    else years.push({ year: post.date.year, posts: [post] });
  }
  return years.sort((a, b) => b.year - a.year);
}
