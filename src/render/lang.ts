/** The language a site is written in, when `_config.yml` does not say. */
import type { Post } from '../site/model.js';

const HAN = /[\u3400-\u9fff\uf900-\ufaff]/g;
const KANA = /[\u3040-\u30ff]/g;
const HANGUL = /[\uac00-\ud7af]/g;
const LATIN = /[A-Za-z]/g;

/** `zh-CN` when most letters in the posts are Chinese (`ja` with kana, `ko` with hangul), else `en`. */
export function detectLang(posts: readonly Post[]): string {
  let han = 0;
  let kana = 0;
  let hangul = 0;
  let latin = 0;
  // A spread-out sample of at most 200 posts decides as well as all of them.
  const step = Math.max(1, Math.floor(posts.length / 200));
  for (let i = 0; i < posts.length; i += step) {
    const post = posts[i]!;
    const sample = post.title + post.body.slice(0, 4000).replace(/```[\s\S]*?```/g, '');
    han += sample.match(HAN)?.length ?? 0;
    kana += sample.match(KANA)?.length ?? 0;
    hangul += sample.match(HANGUL)?.length ?? 0;
    latin += (sample.match(LATIN)?.length ?? 0) / 5;
  }
  if (han + kana + hangul <= latin) return 'en';
  if (hangul > han + kana) return 'ko';
  return kana > 0.1 * (han + kana) ? 'ja' : 'zh-CN';
}
