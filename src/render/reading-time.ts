/**
 * Word count and reading time of a post, fair to Chinese: CJK characters count one each and are
 * read at ~350 a minute, runs of Latin letters and digits count as words read at ~220 a minute.
 * Code blocks are left out (nobody reads a register dump at reading speed); inline code counts.
 */
import { THEME_DEFAULTS } from '../config/defaults.js';

/** What a reader is told about a post's length. */
export interface ReadingStats {
  /** CJK characters plus other words. */
  words: number;
  /** Whole minutes, at least 1. */
  minutes: number;
}

const CJK = /[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\uac00-\ud7af]/g;
const WORD = /[\p{L}\p{N}]+(?:['’.-][\p{L}\p{N}]+)*/gu;

/** Counts of a plain text: CJK characters and other words. */
export function countWords(text: string): { cjk: number; words: number } {
  const cjk = text.match(CJK)?.length ?? 0;
  const words = text.replace(CJK, ' ').match(WORD)?.length ?? 0;
  return { cjk, words };
}

/** The readable text of an HTML fragment: no code blocks, no tags, entities as one character. */
export function readableText(html: string): string {
  return html
    .replace(/<pre[\s>][\s\S]*?<\/pre>/g, ' ')
    .replace(/<[^>]*>/g, ' ')
    .replace(/&(?:#\d+|#x[\da-f]+|\w+);/gi, '_');
}

/** Word count and reading time of a text. */
export function readingStats(text: string, rates: { cjkPerMinute: number; wordsPerMinute: number } = THEME_DEFAULTS): ReadingStats {
  const { cjk, words } = countWords(text);
  const minutes = cjk / rates.cjkPerMinute + words / rates.wordsPerMinute;
  return { words: cjk + words, minutes: Math.max(1, Math.round(minutes)) };
}
