/**
 * Build time only: the Traditional → simplified table a corpus's queries
 * need. OpenCC's two dictionaries (opencc-js TSPhrases and TSCharacters,
 * 22 KB gzip together) map every Traditional form; a query converted to a
 * character the corpus does not have cannot match anything, so the page only
 * gets the entries that can make a difference to what a query finds (the
 * seeds: 4 KB; a tenth of People's Daily: 12 KB). Like the pinyin table,
 * the full dictionaries never reach the browser.
 */
import characters from 'opencc-js/dict/TSCharacters';
import phrases from 'opencc-js/dict/TSPhrases';
import type { TraditionalTable } from '../shared/search/traditional.ts';

const HAN = /\p{Script=Han}/u;

function parse(dict: string): [string, string][] {
  return dict.split('|').map((entry) => entry.split(' ') as [string, string]);
}

/** OpenCC's Traditional → simplified entries: phrases and characters, as one longest-match table (its t2s chain). */
export const FULL_TRADITIONAL: ReadonlyMap<string, string> = new Map([...parse(phrases), ...parse(characters)]);

/**
 * The entries of `full` that can change what a query finds in a corpus
 * whose characters `has` accepts: those whose result the corpus has, and
 * those whose source it has (dropping 乾 → 乾 would leave nothing to stop a
 * phrase's characters converting on their own). A phrase is also kept when
 * its characters converted one by one are all in the corpus, since without
 * it they would be (乾淨 → 干净, not 乾净). Every other entry only ever
 * turns a query that cannot match into another that cannot.
 */
export function trimTraditional(full: ReadonlyMap<string, string>, has: (ch: string) => boolean): TraditionalTable {
  const inCorpus = (s: string) => [...s].every((ch) => !HAN.test(ch) || has(ch));
  const charwise = (s: string) => [...s].map((ch) => full.get(ch) ?? ch).join('');
  const table: TraditionalTable = {};
  for (const [source, result] of full) {
    if (inCorpus(result) || inCorpus(source) || ([...source].length > 1 && inCorpus(charwise(source)))) table[source] = result;
  }
  return table;
}

export function buildTraditionalTable(corpusChars: Iterable<string>): TraditionalTable {
  const chars = new Set(corpusChars);
  return trimTraditional(FULL_TRADITIONAL, (ch) => chars.has(ch));
}
