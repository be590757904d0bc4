/**
 * Build time only (src/pipeline/search-index.ts calls it): the
 * syllable → characters table of the corpus's own characters. pinyin-pro's
 * dictionary is several hundred KB, so it must never reach the browser; the
 * query side (pinyin.ts) only needs this small table.
 */
import { pinyin } from 'pinyin-pro';

/** Toneless syllable (ü written v) → the corpus characters read that way. */
export type PinyinTable = Record<string, string>;

const HAN = /\p{Script=Han}/u;

/**
 * Every reading of every distinct Han character of the texts (heteronyms
 * included: 行 is xing and hang), each syllable's characters most frequent
 * first (by `frequency`, then code point), so the query side can try the
 * likely ones first without a frequency table.
 */
export function buildPinyinTable(texts: Iterable<string>, frequency: (ch: string) => number = () => 0): PinyinTable {
  const chars = new Set<string>();
  for (const text of texts) for (const ch of text) if (HAN.test(ch)) chars.add(ch);
  const table: Record<string, Set<string>> = {};
  const ordered = [...chars].sort().sort((a, b) => frequency(b) - frequency(a));
  for (const ch of ordered) {
    const readings = pinyin(ch, { toneType: 'none', type: 'array', multiple: true, v: true });
    for (const syllable of readings) {
      if (!/^[a-z]+$/.test(syllable)) continue;
      (table[syllable] ??= new Set()).add(ch);
    }
  }
  return Object.fromEntries(Object.entries(table).sort().map(([s, set]) => [s, [...set].join('')]));
}
