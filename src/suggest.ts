/** "Did you mean …?": the closest of a set of names to one that was not found. */

/** Levenshtein distance over code points (so one CJK character counts as one edit). */
export function editDistance(a: string, b: string): number {
  const s = Array.from(a);
  const t = Array.from(b);
  if (s.length === 0) return t.length;
  if (t.length === 0) return s.length;
  let previous = Array.from({ length: t.length + 1 }, (_, i) => i);
  for (let i = 1; i <= s.length; i++) {
    const current = [i];
    for (let j = 1; j <= t.length; j++) {
      current[j] = Math.min(previous[j]! + 1, current[j - 1]! + 1, previous[j - 1]! + (s[i - 1] === t[j - 1] ? 0 : 1));
    }
    previous = current;
  }
  return previous[t.length]!;
}

/**
 * The candidate closest to `wanted`, if it is close enough to be what was meant: a small edit
 * distance (relative to length), or one containing the other (a heading that grew a word).
 * Ties go to the earlier candidate.
 */
export function closest(wanted: string, candidates: Iterable<string>): string | undefined {
  const target = wanted.toLowerCase();
  const length = Array.from(target).length;
  const limit = Math.max(2, Math.floor(length * 0.4));
  let best: string | undefined;
  let bestScore = Infinity;
  for (const candidate of candidates) {
    if (candidate === wanted) continue;
    const c = candidate.toLowerCase();
    let score = editDistance(target, c);
    if (score > limit && target.length >= 2 && (c.includes(target) || target.includes(c)) && c.length >= 2) score = limit;
    if (score <= limit && score < bestScore) {
      best = candidate;
      bestScore = score;
    }
  }
  return best;
}

/** ` (did you mean "x"?)`, or empty when nothing is close. */
export function didYouMean(wanted: string, candidates: Iterable<string>, show: (name: string) => string = (n) => n): string {
  const guess = closest(wanted, candidates);
  return guess === undefined ? '' : ` (did you mean "${show(guess)}"?)`;
}
