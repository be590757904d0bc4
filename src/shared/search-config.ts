/**
 * The one place that defines how text becomes search terms: the pipeline
 * indexes paragraphs with `forEachIndexTerm()` and the browser worker and the
 * CLI turn a query into lookups with `lookupsOf()`, both from here, so the
 * two sides cannot drift apart silently; SEARCH_CONFIG_VERSION guards the
 * bundle.
 *
 * Scheme: a positional "next character" index. Every Han character is
 * indexed once, as the pair of itself and the character after it in the same
 * run (中国人 → 中国@0, 国人@1, 人@2: the last of a run stands alone), at its
 * offset in the normalised text; numbers (decimals included: `1700` must
 * not match `170`, and `2907.5` is one token) and Latin words are indexed
 * whole, lowercased. So:
 *   - a query of two or more Han characters is the chain of its pairs at
 *     consecutive offsets (互助金 = 互助@p ∧ 助金@p+1), checked exactly from
 *     the positions, with no look at the text;
 *   - one Han character is every term that starts with it — a contiguous
 *     range of the sorted terms, so it lives in one or two index chunks;
 *   - punctuation, symbols and the space between words are indexed one
 *     character each, so a query with them is exact too (`（新华社发）`);
 *   - the positions give what ranking needs (first occurrence, count, a
 *     phrase of several words) without the paragraph text, which is fetched
 *     only for the hits shown.
 * Chinese has no spaces, and dictionary segmentation (Intl.Segmenter) splits
 * the same name differently by context, so any word-based scheme loses hits:
 * Pagefind, which segments, found 0.48 of the relevant paragraphs on
 * people-daily where this scheme finds all (scripts/search-bench.ts).
 * One posting per character also keeps the index small: the v2 scheme
 * (every character and every bigram, no positions, exported by FlexSearch)
 * had about two entries per character, and its reader had to hold every
 * paragraph's text to check and rank candidates — 69 MB fetched and 321 MB
 * of heap before the first result on people-daily.
 *
 * Text is normalised first: zero-width/format characters, soft hyphens and
 * no-break spaces removed (PDF extraction leaves them inside words), NFKC
 * (full-width digits, letters and punctuation → half-width; CJK
 * compatibility ideographs and Kangxi radicals → unified ideographs),
 * lowercase, runs of whitespace → one space.
 *
 * No Node APIs: this module runs in the browser worker too.
 */

/**
 * Bump whenever anything below changes what terms are produced, or what the
 * index positions mean. v3: positional next-character terms in term-range
 * chunks (v2: FlexSearch export of chars and bigrams).
 */
export const SEARCH_CONFIG_VERSION = 'cjk-next-char-v3';

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

/** Code-unit length of the code point at `i` (2 for a surrogate pair). */
function widthAt(text: string, i: number): number {
  const code = text.charCodeAt(i);
  return code >= 0xd800 && code <= 0xdbff && (text.charCodeAt(i + 1) & 0xfc00) === 0xdc00 ? 2 : 1;
}

/**
 * Calls `visit(term, offset)` for every index term of already-normalised
 * text, in text order: each Han character paired with the next one of its
 * run (alone at the run's end), each number and word whole, and every other
 * character (punctuation, symbols, the single space between words) alone,
 * so that a query with punctuation in it is checked exactly too.
 */
export function forEachIndexTerm(text: string, visit: (term: string, at: number) => void): void {
  let gapFrom = 0;
  for (const m of text.matchAll(TOKEN)) {
    visitGap(text, gapFrom, m.index, visit);
    gapFrom = m.index + m[0].length;
    if (!m[1]) {
      visit(m[0], m.index);
      continue;
    }
    const run = m[1];
    for (let i = 0; i < run.length; ) {
      const w = widthAt(run, i);
      const next = i + w < run.length ? widthAt(run, i + w) : 0;
      visit(run.slice(i, i + w + next), m.index + i);
      i += w;
    }
  }
  visitGap(text, gapFrom, text.length, visit);
}

/** Each character between tokens, alone. */
function visitGap(text: string, from: number, to: number, visit: (term: string, at: number) => void): void {
  for (let i = from; i < to; ) {
    const w = widthAt(text, i);
    visit(text.slice(i, i + w), i);
    i += w;
  }
}

/** One thing a query term needs at a fixed offset from where it starts. */
export interface Lookup {
  /** An index term, or with `prefix` every term starting with it (a lone Han character). */
  term: string;
  prefix: boolean;
  /** Offset from the start of the match, in normalised code units. */
  at: number;
}

/**
 * What a normalised query term must have, and where: a Han run of two or
 * more characters is its chain of pairs (its last character is the second
 * half of the last pair), a lone Han character any term it starts, numbers
 * and words their whole term, any other character itself.
 */
export function lookupsOf(text: string): Lookup[] {
  const out: Lookup[] = [];
  const gap = (term: string, at: number) => out.push({ term, prefix: false, at });
  let gapFrom = 0;
  for (const m of text.matchAll(TOKEN)) {
    visitGap(text, gapFrom, m.index, gap);
    gapFrom = m.index + m[0].length;
    if (!m[1]) {
      out.push({ term: m[0], prefix: false, at: m.index });
      continue;
    }
    const run = m[1];
    if (widthAt(run, 0) === run.length) {
      out.push({ term: run, prefix: true, at: m.index });
      continue;
    }
    for (let i = 0; i < run.length; ) {
      const w = widthAt(run, i);
      if (i + w >= run.length) break;
      out.push({ term: run.slice(i, i + w + widthAt(run, i + w)), prefix: false, at: m.index + i });
      i += w;
    }
  }
  visitGap(text, gapFrom, text.length, gap);
  return out;
}
