/**
 * The Hugo side of `npm run bench`: the same posts as a Hugo site, with a minimal theme written
 * here (home page listing every post, a page per post with title, date, terms, content and
 * previous/next, list pages for sections and taxonomies, a 404 page), taxonomies (categories,
 * tags), Chroma highlighting of fenced code (CSS classes), one RSS feed of the 10 latest posts, a
 * sitemap and robots.txt — about what inkstone's default theme produces. Not produced: inkstone's
 * archive page, and no link checking. Hugo adds a /posts/ section page.
 */
import { execFile } from 'node:child_process';
import { copyFile, mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);

/** `hugo version`'s first line, or undefined when there is no working `hugo` on the PATH. */
export async function hugoVersion(): Promise<string | undefined> {
  try {
    const { stdout } = await run('hugo', ['version']);
    return stdout.trim().split('\n')[0];
  } catch {
    return undefined;
  }
}

const CONFIG = `baseURL = "https://example.github.io/"
title = "内核笔记"
languageCode = "zh-cn"
timeZone = "Asia/Shanghai"
hasCJKLanguage = true
rssLimit = 10
enableRobotsTXT = true

[taxonomies]
  category = "categories"
  tag = "tags"

# One feed (the home page's), like inkstone's feed.xml; Hugo's default adds one per list page.
[outputs]
  home = ["HTML", "RSS"]
  section = ["HTML"]
  taxonomy = ["HTML"]
  term = ["HTML"]

[markup]
  [markup.highlight]
    codeFences = true
    noClasses = false
    guessSyntax = false
  [markup.goldmark.renderer]
    unsafe = true
`;

const LAYOUTS: Record<string, string> = {
  '_default/baseof.html': `<!DOCTYPE html>
<html lang="{{ site.LanguageCode }}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{{ if .IsHome }}{{ site.Title }}{{ else }}{{ .Title }} · {{ site.Title }}{{ end }}</title>
<link rel="canonical" href="{{ .Permalink }}">
{{ with site.Home.OutputFormats.Get "rss" }}<link rel="alternate" type="application/rss+xml" title="{{ site.Title }}" href="{{ .RelPermalink }}">{{ end }}
</head>
<body>
<header class="site-header"><a href="{{ "/" | relURL }}">{{ site.Title }}</a> <a href="{{ "/categories/" | relURL }}">分类</a> <a href="{{ "/tags/" | relURL }}">标签</a></header>
<main>
{{ block "main" . }}{{ end }}
</main>
</body>
</html>
`,
  '_default/single.html': `{{ define "main" }}
<article class="post">
<h1 class="post-title">{{ .Title }}</h1>
<p class="post-meta"><time datetime="{{ .Date.Format "2006-01-02T15:04:05-07:00" }}">{{ .Date.Format "2006-01-02" }}</time>
{{- range .GetTerms "categories" }} <a class="term" href="{{ .RelPermalink }}">{{ .LinkTitle }}</a>{{ end }}
{{- range .GetTerms "tags" }} <a class="term tag" href="{{ .RelPermalink }}">#{{ .LinkTitle }}</a>{{ end }}</p>
<div class="post-content">
{{ .Content }}
</div>
<nav class="post-nav">
{{- with .PrevInSection }}<a class="prev" href="{{ .RelPermalink }}">← {{ .Title }}</a>{{ end }}
{{- with .NextInSection }}<a class="next" href="{{ .RelPermalink }}">{{ .Title }} →</a>{{ end }}
</nav>
</article>
{{ end }}
`,
  '_default/list.html': `{{ define "main" }}
<h1 class="page-title">{{ .Title }}</h1>
<ul class="post-list">
{{- range .Pages }}
<li><time>{{ .Date.Format "2006-01-02" }}</time> <a href="{{ .RelPermalink }}">{{ .LinkTitle }}</a>{{ if not .IsPage }} ({{ len .Pages }}){{ end }}</li>
{{- end }}
</ul>
{{ end }}
`,
  'index.html': `{{ define "main" }}
<h1 class="page-title">Posts</h1>
<ul class="post-list">
{{- range where site.RegularPages "Section" "posts" }}
<li><time>{{ .Date.Format "2006-01-02" }}</time> <a href="{{ .RelPermalink }}">{{ .Title }}</a></li>
{{- end }}
</ul>
{{ end }}
`,
  '404.html': `{{ define "main" }}
<h1 class="page-title">404</h1>
<p><a href="{{ "/" | relURL }}">{{ site.Title }}</a></p>
{{ end }}
`,
};

/**
 * Writes a Hugo site into `root` (hugo.toml, layouts/, content/posts/ holding copies of the
 * `names` in `postsDir`; their Jekyll-style front matter is valid Hugo YAML as it is).
 */
export async function writeHugoSite(root: string, postsDir: string, names: readonly string[]): Promise<void> {
  await mkdir(path.join(root, 'content/posts'), { recursive: true });
  await writeFile(path.join(root, 'hugo.toml'), CONFIG);
  for (const [file, text] of Object.entries(LAYOUTS)) {
    await mkdir(path.dirname(path.join(root, 'layouts', file)), { recursive: true });
    await writeFile(path.join(root, 'layouts', file), text);
  }
  for (let i = 0; i < names.length; i += 200) {
    await Promise.all(names.slice(i, i + 200).map((name) => copyFile(path.join(postsDir, name), path.join(root, 'content/posts', name))));
  }
}

/** Hugo's command line for a cold build of `root` into `destination`, with its own cache folder. */
export function hugoArgs(root: string, destination: string, cacheDir: string): string[] {
  return ['--quiet', '--source', root, '--destination', destination, '--cacheDir', cacheDir];
}
