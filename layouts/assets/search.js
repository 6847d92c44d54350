// inkstone's search page (/search/?q=…): loads the index the build wrote (search/index.json and its
// chunks) and finds the posts that contain every word of the query. A word is matched as written,
// anywhere in the text, so Chinese needs no word segmentation: 伙伴系统 finds exactly the posts that
// contain 伙伴系统. A word that starts with a Latin letter or digit must start a word in the text
// (ELF finds "ELF文件" and "ELF_FILE", not "readelf"). Results: title, date, the best section's
// heading (linked), an excerpt with the matches marked. Text is only ever set as text, never as HTML.
// Loaded as a module on the search page only; the pure functions are exported for tests.

const WORD_CHAR = /[a-z0-9_]/;
const PAGE_SIZE = 20;
const EXCERPT_BEFORE = 24;
const EXCERPT_LENGTH = 120;

/** Lowercase, one UTF-16 unit for one (so positions in the folded text are positions in the text). */
export function fold(text) {
  return text.replace(/\p{Lu}/gu, (c) => {
    const lower = c.toLowerCase();
    return lower.length === c.length ? lower : c;
  });
}

/** The words of a query: split at spaces and list punctuation, quotes around words dropped, folded, each once. */
export function parseQuery(query) {
  const words = [];
  for (const part of fold(query.normalize('NFC')).split(/[\s\u3000,，、;；]+/)) {
    const word = part.replace(/^["'“”‘’「」『』]+|["'“”‘’「」『』]+$/g, '');
    if (word && !words.includes(word)) words.push(word);
  }
  return words;
}

/** Where `word` occurs in the folded `text` (at most `limit` times), with the word-start rule for Latin words. */
export function occurrences(text, word, limit = Infinity) {
  const found = [];
  const latin = WORD_CHAR.test(word[0]);
  for (let at = text.indexOf(word); at !== -1 && found.length < limit; at = text.indexOf(word, at + 1)) {
    if (!latin || at === 0 || !WORD_CHAR.test(text[at - 1])) found.push(at);
  }
  return found;
}

/**
 * A chunk's posts, with folded copies of the text to search. `first` numbers them: chunks hold
 * posts oldest first, and the n-th chunk's posts are numbered from n × a million.
 */
export function preparePosts(chunk, first = 0) {
  return chunk.posts.map((p, i) => ({
    order: first + i,
    url: p.u,
    title: p.t,
    date: p.d,
    titleFolded: fold(p.t),
    sections: p.s.map(([id, heading, text]) => ({ id, heading, text, headingFolded: fold(heading), textFolded: fold(text) })),
  }));
}

/** How well one post matches the words; undefined when a word is missing from it. */
export function scorePost(post, words) {
  let score = 0;
  const perSection = post.sections.map(() => ({ words: 0, score: 0 }));
  for (const word of words) {
    const inTitle = occurrences(post.titleFolded, word, 1).length > 0;
    let total = 0;
    let inHeading = false;
    post.sections.forEach((section, i) => {
      const heading = occurrences(section.headingFolded, word, 1).length;
      const body = occurrences(section.textFolded, word, 20).length;
      if (heading + body === 0) return;
      total += body;
      inHeading ||= heading > 0;
      perSection[i].words += 1;
      perSection[i].score += (heading ? 6 : 0) + Math.min(body, 5);
    });
    if (!inTitle && !inHeading && total === 0) return undefined;
    score += (inTitle ? 10 : 0) + (inHeading ? 4 : 0) + (total ? 1 + Math.log2(total) : 0);
  }
  // The section that has the most of the words, then the most matches; the first on a tie.
  let best = 0;
  perSection.forEach((s, i) => {
    const b = perSection[best];
    if (s.words > b.words || (s.words === b.words && s.score > b.score)) best = i;
  });
  return { score, section: post.sections.length ? best : -1 };
}

/** Every post that has all the words, best first (newer first on a tie). */
export function searchPosts(posts, words) {
  if (!words.length) return [];
  const results = [];
  for (const post of posts) {
    const match = scorePost(post, words);
    if (match) results.push({ post, ...match });
  }
  return results.sort((a, b) => b.score - a.score || b.post.order - a.post.order);
}

/** `text` split into pieces, those matching a word marked: `[{ text, mark }]`. */
export function markPieces(text, folded, words) {
  const ranges = [];
  for (const word of words) for (const at of occurrences(folded, word)) ranges.push([at, at + word.length]);
  ranges.sort((a, b) => a[0] - b[0]);
  const pieces = [];
  let at = 0;
  for (const [start, end] of ranges) {
    if (end <= at) continue;
    const from = Math.max(start, at);
    if (from > at) pieces.push({ text: text.slice(at, from), mark: false });
    pieces.push({ text: text.slice(from, end), mark: true });
    at = end;
  }
  if (at < text.length) pieces.push({ text: text.slice(at), mark: false });
  return pieces;
}

const isLowSurrogate = (text, i) => i > 0 && i < text.length && /[\udc00-\udfff]/.test(text[i]);

/** The excerpt of a section around its first match (or its start), as marked pieces, `…` where cut. */
export function excerptPieces(section, words) {
  const { text, textFolded } = section;
  let first = -1;
  for (const word of words) {
    const [at] = occurrences(textFolded, word, 1);
    if (at !== undefined && (first === -1 || at < first)) first = at;
  }
  let start = first === -1 ? 0 : Math.max(0, first - EXCERPT_BEFORE);
  // Start after a line break close before the match rather than mid-line, when there is one.
  const lineStart = text.lastIndexOf('\n', first) + 1;
  if (first !== -1 && lineStart > start) start = lineStart;
  if (isLowSurrogate(text, start)) start--;
  let end = Math.min(text.length, start + EXCERPT_LENGTH);
  if (isLowSurrogate(text, end)) end++;
  const flat = (s) => s.replace(/\n/g, ' ');
  const pieces = markPieces(flat(text.slice(start, end)), flat(textFolded.slice(start, end)), words);
  if (start > 0) pieces.unshift({ text: '…', mark: false });
  if (end < text.length) pieces.push({ text: '…', mark: false });
  return pieces;
}

/** A post's day in the page's language, as the theme dates posts (2020年1月1日, Jan 1, 2020), from the date as written. */
export function dayText(iso, lang) {
  const [y, m, d] = iso.slice(0, 10).split('-').map(Number);
  try {
    return new Intl.DateTimeFormat(lang || undefined, { year: 'numeric', month: 'short', day: 'numeric', timeZone: 'UTC' }).format(Date.UTC(y, m - 1, d));
  } catch {
    return iso.slice(0, 10);
  }
}

/** A result's link: the post, at the matching section's heading when it has one. */
export function resultHref(post, sectionIndex) {
  const section = post.sections[sectionIndex];
  return section?.id ? `${post.url}#${encodeURIComponent(section.id)}` : post.url;
}

const fill = (template, values) => template.replace(/\{(\w+)\}/g, (m, key) => (key in values ? String(values[key]) : m));

function appendPieces(parent, pieces) {
  for (const piece of pieces) {
    if (piece.mark) {
      const mark = document.createElement('mark');
      mark.textContent = piece.text;
      parent.append(mark);
    } else parent.append(piece.text);
  }
}

function resultItem(result, words) {
  const { post, section } = result;
  const li = document.createElement('li');
  li.className = 'search-result';
  const title = document.createElement('a');
  title.className = 'search-result-title';
  title.href = resultHref(post, section);
  appendPieces(title, markPieces(post.title, post.titleFolded, words));
  const meta = document.createElement('div');
  meta.className = 'search-result-meta';
  const time = document.createElement('time');
  time.dateTime = post.date;
  time.textContent = dayText(post.date, document.documentElement.lang);
  meta.append(time);
  const best = post.sections[section];
  if (best?.id && best.heading) {
    const heading = document.createElement('a');
    heading.className = 'search-result-section';
    heading.href = resultHref(post, section);
    appendPieces(heading, markPieces(best.heading, best.headingFolded, words));
    meta.append(' · ', heading);
  }
  li.append(title, meta);
  if (best) {
    const excerpt = document.createElement('p');
    excerpt.className = 'search-result-excerpt';
    appendPieces(excerpt, excerptPieces(best, words));
    li.append(excerpt);
  }
  return li;
}

function start(root) {
  const strings = JSON.parse(root.dataset.strings);
  const input = document.getElementById('search-input');
  const status = document.getElementById('search-status');
  const list = document.getElementById('search-results');
  const more = document.getElementById('search-more');
  const posts = [];
  let loading = true;
  let failed = false;
  let results = [];
  let shown = 0;
  let words = [];

  const showMore = () => {
    const next = results.slice(shown, shown + PAGE_SIZE);
    list.append(...next.map((r) => resultItem(r, words)));
    shown += next.length;
    more.hidden = shown >= results.length;
  };
  const render = () => {
    const query = input.value.trim();
    words = parseQuery(query);
    results = searchPosts(posts, words);
    list.replaceChildren();
    shown = 0;
    showMore();
    if (failed) status.textContent = strings.failed;
    else if (!words.length) status.textContent = loading ? strings.loading : strings.prompt;
    else if (results.length) status.textContent = fill(results.length === 1 ? strings.countOne : strings.countMany, { count: results.length });
    else status.textContent = loading ? strings.loading : fill(strings.none, { query });
  };
  let timer;
  const update = () => {
    clearTimeout(timer);
    timer = setTimeout(() => {
      const url = new URL(location.href);
      if (input.value.trim()) url.searchParams.set('q', input.value.trim());
      else url.searchParams.delete('q');
      history.replaceState(history.state, '', url);
      for (const other of document.querySelectorAll('input[name="q"]')) if (other !== input) other.value = input.value;
      render();
    }, 80);
  };

  input.value = new URLSearchParams(location.search).get('q') ?? '';
  for (const other of document.querySelectorAll('input[name="q"]')) other.value = input.value;
  input.addEventListener('input', update);
  input.form.addEventListener('submit', (event) => {
    event.preventDefault();
    update();
  });
  more.addEventListener('click', showMore);
  if (!input.value) input.focus();
  render();

  const indexUrl = new URL(root.dataset.index, location.href);
  fetch(indexUrl, { cache: 'no-cache' })
    .then((response) => (response.ok ? response.json() : Promise.reject(new Error(`${response.status}`))))
    .then((index) =>
      Promise.all(
        index.chunks.map((name, n) =>
          fetch(new URL(name, indexUrl))
            .then((response) => (response.ok ? response.json() : Promise.reject(new Error(`${response.status}`))))
            .then((chunk) => {
              posts.push(...preparePosts(chunk, n * 1e6));
              if (words.length) render();
            }),
        ),
      ),
    )
    .catch(() => {
      failed = true;
    })
    .finally(() => {
      loading = false;
      render();
      root.dataset.ready = 'true';
    });
}

if (typeof document !== 'undefined') {
  const root = document.getElementById('search');
  if (root) start(root);
}
