/**
 * Toneless pinyin → Han candidates, on the query side (browser-safe: uses
 * only the small build-time table, see pinyin-table.ts).
 *
 * `huzhujin` is ambiguous twice over: how it splits into syllables
 * (xian → xi|an or xian) and which character each syllable is. So every
 * segmentation is tried, and characters are chained with a beam that keeps
 * only strings whose adjacent pairs are bigrams present in the index — a
 * candidate that never occurs in the corpus is dropped before it is searched.
 */
import type { PinyinTable } from './pinyin-table.ts';

/** Longest toneless syllable (zhuang, chuang, shuang). */
const MAX_SYLLABLE = 6;
/** Caps keep a pathological query (a long run of vowels) from exploding. */
const MAX_SEGMENTATIONS = 32;
const BEAM_WIDTH = 32;
const MAX_PINYIN_CANDIDATES = 8;
/** Paragraphs containing a term; may fetch index chunks. */
export type Frequency = (term: string) => Promise<number>;

/** A query that could be pinyin: letters with optional spaces / apostrophes as syllable breaks. */
export function looksLikePinyin(text: string): boolean {
  return /^[a-zü' ]+$/.test(text) && /[a-zü]/.test(text);
}

/** Characters read as the syllable; people type ü as v or u (lv, lu), so nu/lu also try nv/lv. */
function charsOf(syllable: string, table: PinyinTable): string {
  const direct = table[syllable] ?? '';
  const umlaut = /^[nl]ue?$/.test(syllable) ? (table[syllable.replace('u', 'v')] ?? '') : '';
  return direct + umlaut;
}

/** All ways to split letters into syllables present in the table. */
export function segmentPinyin(letters: string, table: PinyinTable): string[][] {
  const memo = new Map<number, string[][]>();
  const from = (start: number): string[][] => {
    if (start === letters.length) return [[]];
    const cached = memo.get(start);
    if (cached) return cached;
    const out: string[][] = [];
    for (let end = Math.min(letters.length, start + MAX_SYLLABLE); end > start && out.length < MAX_SEGMENTATIONS; end--) {
      const syllable = letters.slice(start, end);
      if (!charsOf(syllable, table)) continue;
      for (const rest of from(end)) {
        out.push([syllable, ...rest]);
        if (out.length >= MAX_SEGMENTATIONS) break;
      }
    }
    memo.set(start, out);
    return out;
  };
  return from(0);
}

/** Segmentations of a query whose spaces and apostrophes are fixed syllable breaks. */
function segmentQuery(text: string, table: PinyinTable): string[][] {
  let combos: string[][] = [[]];
  for (const piece of text.replace(/ü/g, 'v').split(/[\s']+/).filter(Boolean)) {
    const options = segmentPinyin(piece, table);
    const next: string[][] = [];
    for (const head of combos) for (const tail of options) if (next.length < MAX_SEGMENTATIONS) next.push([...head, ...tail]);
    combos = next;
    if (combos.length === 0) return [];
  }
  return combos;
}

interface BeamState {
  text: string;
  last: string;
  /** The rarest link so far: a chain is only as likely as its weakest bigram. */
  support: number;
}

function keepBest(states: BeamState[]): BeamState[] {
  return states.sort((a, b) => b.support - a.support).slice(0, BEAM_WIDTH);
}

/** Han strings for one segmentation whose every char and adjacent pair occurs in the index. */
async function expandSegmentation(syllables: string[], table: PinyinTable, frequency: Frequency): Promise<BeamState[]> {
  // The first syllable's characters need no lookup: the table lists only
  // characters the corpus has, most frequent first, so its order is the
  // beam's; and a chain's support is its rarest pair, never rarer than its
  // first character. (Counting each one cost an index fetch per character:
  // a syllable such as ji has over a hundred.)
  let beam: BeamState[] = Array.from(charsOf(syllables[0], table))
    .slice(0, BEAM_WIDTH)
    .map((ch, i) => ({ text: ch, last: ch, support: Number.MAX_SAFE_INTEGER - i }));
  for (const syllable of syllables.slice(1)) {
    const chars = Array.from(charsOf(syllable, table));
    // A step's pairs all start with a beam state's last character, so they
    // share a few index chunks; asked for together, they load together.
    const steps = beam.flatMap((state) => chars.map((ch) => ({ state, ch })));
    const found = await Promise.all(steps.map(({ state, ch }) => frequency(state.last + ch)));
    const next: BeamState[] = [];
    steps.forEach(({ state, ch }, i) => {
      if (found[i] > 0) next.push({ text: state.text + ch, last: ch, support: Math.min(state.support, found[i]) });
    });
    beam = keepBest(next);
    if (beam.length === 0) break;
  }
  return beam;
}

/**
 * Han candidates for a pinyin query, best supported first.
 * @param frequency how many paragraphs contain an index term (0 if none)
 */
export async function pinyinCandidates(text: string, table: PinyinTable, frequency: Frequency): Promise<string[]> {
  const best = new Map<string, number>();
  for (const syllables of segmentQuery(text, table)) {
    for (const state of await expandSegmentation(syllables, table, frequency)) {
      if (Array.from(state.text).length !== syllables.length) continue;
      best.set(state.text, Math.max(best.get(state.text) ?? 0, state.support));
    }
  }
  return [...best.entries()]
    .sort((a, b) => b[1] - a[1])
    .slice(0, MAX_PINYIN_CANDIDATES)
    .map(([han]) => han);
}
