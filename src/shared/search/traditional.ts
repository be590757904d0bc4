/**
 * Traditional (incl. Hong Kong / Taiwan forms) → simplified, for queries only.
 *
 * Size, measured on opencc-js 1.4.2 (gzip -9): the full build 497 KB, the
 * `t2cn` entry 52 KB, and what is loaded here — `opencc-js/core` plus the
 * two Traditional→Simplified dictionaries — 25 KB (core 4, TSCharacters 17,
 * TSPhrases 4). The HK/TW variant dictionaries are not needed: TSCharacters
 * already maps both the regional and the OpenCC-standard forms (為/爲 → 为, 溫 → 温,
 * 眾/衆 …) to the simplified character, and phrase-level regional vocabulary
 * (軟體 → 软件) would turn the reader's words into different words.
 *
 * Loaded lazily with dynamic import, only when a query has a Han character
 * the corpus does not contain or finds nothing as typed, so the app's
 * initial download never carries it.
 */
export type Converter = (text: string) => string;

let loading: Promise<Converter> | null = null;
let loaded: Converter | null = null;

export function loadTraditionalConverter(): Promise<Converter> {
  loading ??= (async () => {
    const [{ ConverterFactory }, phrases, characters] = await Promise.all([
      import('opencc-js/core'),
      import('opencc-js/dict/TSPhrases'),
      import('opencc-js/dict/TSCharacters'),
    ]);
    // Same chain as opencc's t2s config: phrases first so multi-char words
    // with one-to-many characters (乾淨 → 干净, 乾坤 stays) convert right.
    loaded = ConverterFactory([phrases.default, characters.default]);
    return loaded;
  })();
  loading.catch(() => (loading = null));
  return loading;
}

/** The converter if it has been loaded already, for the synchronous search path. */
export function loadedTraditionalConverter(): Converter | null {
  return loaded;
}
