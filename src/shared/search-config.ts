/**
 * The one place that defines how text becomes search terms. The pipeline
 * (build), the browser worker and the CLI all create their FlexSearch index
 * through `createSearchIndex()` here: FlexSearch exports the index data but
 * not its configuration, and importing into an index with different options
 * or a different encoder silently changes results instead of failing.
 *
 * Scheme:
 * - every Han character and every overlapping Han bigram. Chinese
 *   has no spaces, and dictionary segmentation (Intl.Segmenter) splits the
 *   same name differently by context, so any word-based scheme loses hits.
 *   Chars serve one-character queries; bigrams keep a longer query's
 *   candidate list tight, and the final substring check (search.ts) removes
 *   the rest. Measured on the seeds (94 paragraphs, 60 Han/number queries,
 *   FlexSearch candidates vs paragraphs truly containing the query = 376):
 *     chars only          10.9 KB gzip  412 candidates  p95 0.19 ms
 *     chars + bigrams     40.0 KB gzip  377 candidates  p95 0.07 ms  ← kept
 *     + trigrams          66.5 KB gzip  374 candidates  p95 0.06 ms
 *   Chars only is 4× smaller but its candidates grow with the corpus (common
 *   characters co-occur in every long paragraph) and it cannot tell the
 *   pinyin expansion which character pairs exist; trigrams add 66 % size
 *   for almost nothing once the substring check runs.
 * - numbers kept whole, decimals included (`1700` must not match `170`, and
 *   `2907.5` is one token), Latin words lowercased and kept whole.
 * - text normalised first: zero-width/format characters, soft hyphens and
 *   no-break spaces removed (PDF extraction leaves them inside words), NFKC
 *   (full-width digits, letters and punctuation → half-width; CJK
 *   compatibility ideographs and Kangxi radicals → unified ideographs),
 *   lowercase, runs of whitespace → one space.
 *
 * No Node APIs: this module runs in the browser worker too.
 */
import { Index, type IndexOptions } from 'flexsearch';

/** Bump whenever anything below changes what terms are produced. */
export const SEARCH_CONFIG_VERSION = 'cjk-char-bigram-v1';

/** Format/zero-width chars and no-break spaces: deleted, never turned into a gap. */
const REMOVED = /[\u00ad\u00a0\u180e\u200b-\u200f\u202a-\u202f\u2060-\u2064\ufeff]/;
const WHITESPACE = /\s/;

/** Matches one search token: a Han run, a whole number, or a whole word in another script. */
export const TOKEN = /(\p{Script=Han}+)|(\d+(?:\.\d+)*)|((?:(?!\p{Script=Han})[\p{L}\p{M}])+)/gu;
/** A whole number at a position (sticky), used to check that numbers match whole. */
export const NUMBER_AT = /\d+(?:\.\d+)*/y;
/** A whole non-Han word at a position (sticky). */
export const WORD_AT = /(?:(?!\p{Script=Han})[\p{L}\p{M}])+/uy;

const normalizedChar = new Map<string, string>();

/** NFKC + lowercase of one code point, cached: most text repeats few non-Han chars. */
function normalizeCodePoint(ch: string): string {
  const code = ch.codePointAt(0)!;
  // Fast path for the bulk of a Chinese page: unified ideographs and ASCII
  // lowercase/digits are already normal.
  if ((code >= 0x4e00 && code <= 0x9fff) || (code >= 0x61 && code <= 0x7a) || (code >= 0x30 && code <= 0x39)) return ch;
  let out = normalizedChar.get(ch);
  if (out === undefined) {
    out = ch.normalize('NFKC').toLowerCase();
    normalizedChar.set(ch, out);
  }
  return out;
}

export interface NormalizedText {
  text: string;
  /**
   * `offsets[i]` is the index in the source of normalised code unit i;
   * `offsets[text.length]` is the source length. Null when the mapping is the
   * identity (the common case), so snippets can cut and mark the source text.
   */
  offsets: Int32Array | null;
}

/**
 * Normalises code point by code point (not whole-string NFKC) so that every
 * output unit maps back to a source position; query and paragraph go through
 * this same function, so both sides agree.
 */
export function normalizeWithOffsets(source: string): NormalizedText {
  const parts: string[] = [];
  const offsets: number[] = [];
  let identity = true;
  let lastWasSpace = false;
  for (let i = 0; i < source.length; ) {
    const code = source.codePointAt(i)!;
    const width = code > 0xffff ? 2 : 1;
    const ch = source.slice(i, i + width);
    let out: string;
    if (REMOVED.test(ch)) out = '';
    else if (WHITESPACE.test(ch)) out = lastWasSpace ? '' : ' ';
    else out = normalizeCodePoint(ch);
    if (out !== ch) identity = false;
    if (out) {
      lastWasSpace = out === ' ';
      parts.push(out);
      for (let k = 0; k < out.length; k++) offsets.push(i);
    }
    i += width;
  }
  offsets.push(source.length);
  return { text: parts.join(''), offsets: identity ? null : Int32Array.from(offsets) };
}

/** The normalised form used for matching (see normalizeWithOffsets). */
export function normalizeForSearch(source: string): string {
  return normalizeWithOffsets(source).text;
}

/** Appends the index terms of one Han run: each char, then each overlapping bigram. */
function pushHanTerms(run: string, terms: string[]): void {
  const chars = Array.from(run);
  for (const ch of chars) terms.push(ch);
  for (let i = 0; i + 1 < chars.length; i++) terms.push(chars[i] + chars[i + 1]);
}

/** Terms of already-normalised text. */
export function termsOfNormalized(text: string): string[] {
  const terms: string[] = [];
  for (const m of text.matchAll(TOKEN)) {
    if (m[1]) pushHanTerms(m[1], terms);
    else terms.push(m[0]);
  }
  return terms;
}

/** The encoder FlexSearch uses for both indexing and querying. */
export function encodeSearchTerms(text: string): string[] {
  return termsOfNormalized(normalizeForSearch(text));
}

/**
 * `tokenize: 'strict'` because the encoder already emits every term we want
 * (FlexSearch's own forward/full tokenizers would add prefixes of bigrams,
 * i.e. noise). `resolution: 1`: ranking is done after the substring check,
 * where the real positions are known, so FlexSearch's positional buckets
 * would only make the export bigger.
 */
export const SEARCH_INDEX_OPTIONS: IndexOptions = {
  tokenize: 'strict',
  resolution: 1,
  encode: encodeSearchTerms,
};

/** A FlexSearch index configured exactly as the build's. */
export function createSearchIndex(): Index {
  return new Index(SEARCH_INDEX_OPTIONS);
}
