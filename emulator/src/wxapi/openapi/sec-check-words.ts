import { readFileSync } from 'node:fs';
import builtIn from './sec-check-words.json';

/** One entry of the emulated content-security word list. */
export interface SecCheckWord {
  word: string;
  /** WeChat's label code (10001 ad, 20001 politics, 20002 porn, 20003 abuse, 20006 illegal, 20008 fraud, 20012 vulgar, 20013 copyright, 21000 other). */
  label: number;
  suggest: 'risky' | 'review';
}

const LABELS = new Set([10001, 20001, 20002, 20003, 20006, 20008, 20012, 20013, 21000]);

/** Validates a word-list document (`{words: [...]}` or a bare array); throws with the offending entry. */
export function parseSecCheckWords(doc: unknown, source: string): SecCheckWord[] {
  const list = Array.isArray(doc) ? doc : (doc as { words?: unknown } | null)?.words;
  if (!Array.isArray(list)) throw new Error(`${source}: expected {"words": [...]} or an array`);
  return list.map((entry: unknown, i) => {
    const e = entry as Partial<SecCheckWord> | null;
    if (!e || typeof e.word !== 'string' || normalise(e.word) === '') throw new Error(`${source}: words[${i}].word must be a non-empty string`);
    if (typeof e.label !== 'number' || !LABELS.has(e.label)) throw new Error(`${source}: words[${i}].label must be one of ${[...LABELS].join(', ')}`);
    if (e.suggest !== 'risky' && e.suggest !== 'review') throw new Error(`${source}: words[${i}].suggest must be "risky" or "review"`);
    return { word: e.word, label: e.label, suggest: e.suggest };
  });
}

export function loadSecCheckWordsFile(path: string): SecCheckWord[] {
  return parseSecCheckWords(JSON.parse(readFileSync(path, 'utf8')) as unknown, path);
}

export const BUILT_IN_WORDS: readonly SecCheckWord[] = parseSecCheckWords(builtIn, 'sec-check-words.json');

/** Lower case without whitespace, so "C a s i n o" still matches "casino". */
export function normalise(text: string): string {
  return text.toLowerCase().replace(/\s+/gu, '');
}
