/**
 * The one place that defines how text becomes search terms. The pipeline
 * builds its FlexSearch index through `createSearchIndex()` here, and the
 * worker and the CLI look terms up in that index's export with
 * `lookupTermsOf()` from here (see search.ts for why they read the posting
 * lists directly): FlexSearch exports the index data but not its
 * configuration, so whatever reads it must share this module, or results
 * change silently instead of failing. SEARCH_CONFIG_VERSION guards the rest.
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

/**
 * Bump whenever anything below changes what terms are produced, or what the
 * index ids mean. v2: ids are positions in canonicalOrder() (search.ts), not
 * in the caller's list.
 */
export const SEARCH_CONFIG_VERSION = 'cjk-char-bigram-v2';

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

/** What normalisation does to a BMP code unit; filled lazily (0 = not looked at yet). */
const UnitKind = { Same: 1, Space: 2, Removed: 3, Mapped: 4 } as const;
type UnitKind = (typeof UnitKind)[keyof typeof UnitKind];
const unitKind = new Uint8Array(0x10000);
const unitMapped: string[] = [];

function classifyUnit(code: number): UnitKind {
  const ch = String.fromCharCode(code);
  let kind: UnitKind;
  if (REMOVED.test(ch)) kind = UnitKind.Removed;
  else if (WHITESPACE.test(ch)) kind = UnitKind.Space;
  else {
    const out = normalizeCodePoint(ch);
    kind = out === ch ? UnitKind.Same : UnitKind.Mapped;
    if (kind === UnitKind.Mapped) unitMapped[code] = out;
  }
  unitKind[code] = kind;
  return kind;
}

/**
 * Normalises code point by code point (not whole-string NFKC) so that every
 * output unit maps back to a source position; query and paragraph go through
 * this same function, so both sides agree.
 *
 * A loop over code units with a per-unit table, copying unchanged runs as
 * slices: a Chinese page is mostly ideographs, which cost one comparison.
 * Offsets are built only when some piece changes length (a whitespace run, a
 * removed character, an NFKC expansion such as ㈠ → (一)); a full-width comma
 * changes but keeps its length, so position i stays position i. Measured on
 * people-daily (21,898 paragraphs, 13.3 M chars): 1.46 s per code point with
 * regex tests and an offset array for every changed paragraph, 0.19 s here.
 */
export function normalizeWithOffsets(source: string): NormalizedText {
  const parts: string[] = [];
  // [source start, source length, output length] of each piece whose length changes.
  let changes: number[] | null = null;
  let copiedTo = 0;
  let lastWasSpace = false;
  for (let i = 0; i < source.length; i++) {
    const code = source.charCodeAt(i);
    if ((code >= 0x4e00 && code <= 0x9fff) || (code >= 0x61 && code <= 0x7a) || (code >= 0x30 && code <= 0x39)) {
      lastWasSpace = false;
      continue;
    }
    let width = 1;
    let out: string;
    if (code >= 0xd800 && code <= 0xdbff && (source.charCodeAt(i + 1) & 0xfc00) === 0xdc00) {
      // Astral code points (CJK extension B…): rare, through the cache.
      width = 2;
      out = normalizeCodePoint(source.slice(i, i + 2));
      if (out === source.slice(i, i + 2)) {
        lastWasSpace = false;
        i++;
        continue;
      }
    } else {
      const kind = (unitKind[code] || classifyUnit(code)) as UnitKind;
      if (kind === UnitKind.Same) {
        lastWasSpace = false;
        continue;
      }
      if (kind === UnitKind.Space) {
        if (code === 0x20 && !lastWasSpace) {
          lastWasSpace = true;
          continue;
        }
        out = lastWasSpace ? '' : ' ';
      } else if (kind === UnitKind.Removed) out = '';
      else out = unitMapped[code];
    }
    if (out) lastWasSpace = out === ' ';
    if (copiedTo < i) parts.push(source.slice(copiedTo, i));
    parts.push(out);
    copiedTo = i + width;
    if (out.length !== width) (changes ??= []).push(i, width, out.length);
    i += width - 1;
  }
  if (copiedTo === 0 && parts.length === 0) return { text: source, offsets: null };
  if (copiedTo < source.length) parts.push(source.slice(copiedTo));
  const text = parts.join('');
  if (!changes) return { text, offsets: null };
  // Every unit of a changed piece's output points at the piece's start.
  const offsets = new Int32Array(text.length + 1);
  let o = 0;
  let s = 0;
  for (let c = 0; c < changes.length; c += 3) {
    while (s < changes[c]) offsets[o++] = s++;
    for (let k = 0; k < changes[c + 2]; k++) offsets[o++] = changes[c];
    s += changes[c + 1];
  }
  while (s < source.length) offsets[o++] = s++;
  offsets[o] = source.length;
  return { text, offsets };
}

/** The plain per-code-point definition that normalizeWithOffsets must equal (tests compare the two). */
export function normalizeByCodePoint(source: string): string {
  const parts: string[] = [];
  let lastWasSpace = false;
  for (const ch of source) {
    let out: string;
    if (REMOVED.test(ch)) out = '';
    else if (WHITESPACE.test(ch)) out = lastWasSpace ? '' : ' ';
    else out = normalizeCodePoint(ch);
    if (out) {
      lastWasSpace = out === ' ';
      parts.push(out);
    }
  }
  return parts.join('');
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

/**
 * The index terms to look up for a query term: for a Han run only its
 * bigrams (a paragraph with the bigram has both characters, so the
 * characters' much longer lists add nothing), its character if it is one;
 * numbers and words whole.
 */
export function lookupTermsOf(text: string): string[] {
  const terms: string[] = [];
  for (const m of text.matchAll(TOKEN)) {
    if (!m[1]) {
      terms.push(m[0]);
      continue;
    }
    const chars = Array.from(m[1]);
    if (chars.length === 1) terms.push(chars[0]);
    for (let i = 0; i + 1 < chars.length; i++) terms.push(chars[i] + chars[i + 1]);
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
