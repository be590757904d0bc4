/**
 * Traditional (incl. Hong Kong / Taiwan forms) → simplified, for queries only.
 *
 * The table is OpenCC's t2s chain (TSPhrases, then TSCharacters, one
 * longest-match trie) trimmed at build time to what the corpus can use
 * (src/pipeline/traditional-table.ts); here only `opencc-js/core` (2 KB
 * gzip) turns it into a converter. The HK/TW variant dictionaries are not
 * needed: TSCharacters already maps both the regional and the
 * OpenCC-standard forms (為/爲 → 为, 溫 → 温, 眾/衆 …) to the simplified
 * character, and phrase-level regional vocabulary (軟體 → 软件) would turn
 * the reader's words into different words.
 *
 * Loaded lazily, only when a query with Han characters finds nothing as
 * typed, so the app's initial download never carries it.
 */
export type Converter = (text: string) => string;

/** Traditional source → simplified result, phrases and characters together. */
export type TraditionalTable = Record<string, string>;

export async function traditionalConverter(table: TraditionalTable): Promise<Converter> {
  const { ConverterFactory } = await import('opencc-js/core');
  return ConverterFactory([Object.entries(table)]);
}
