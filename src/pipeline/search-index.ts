import { promisify } from 'node:util';
import { gzip } from 'node:zlib';
import { SEARCH_CONFIG_VERSION, forEachIndexTerm, normalizeForSearch } from '../shared/search-config.ts';
import { KIND_CODE, type SearchMeta } from '../shared/search.ts';
import { buildPinyinTable, type PinyinTable } from '../shared/search/pinyin-table.ts';
import type { TraditionalTable } from '../shared/search/traditional.ts';
import { buildTraditionalTable } from './traditional-table.ts';
import { VarintWriter, encodeChunk } from '../shared/search/postings.ts';
import type { Article } from '../shared/types.ts';

const gzipAsync = promisify(gzip);

/**
 * Raw bytes per index chunk (before gzip, about 0.75 of it after): a query
 * fetches the chunk of each term it looks up, so chunks stay small, and a
 * term is never split, so a very common character's chunk may be bigger.
 */
const CHUNK_BYTES = 16 * 1024;

export interface SearchBuild {
  config: string;
  /** The paragraph table and each chunk's first term. */
  meta: SearchMeta;
  pinyin: PinyinTable;
  traditional: TraditionalTable;
  /** Gzip-compressed chunks, in term order. */
  chunks: Uint8Array[];
}

/** A term's postings while building: flat [paragraph, count, positions…, paragraph, count, …]. */
interface Postings {
  list: number[];
  /** Where the last paragraph's entry starts. */
  last: number;
}

function add(entry: Postings, paragraph: number, at: number): void {
  const { list } = entry;
  if (entry.last < 0 || list[entry.last] !== paragraph) {
    entry.last = list.length;
    list.push(paragraph, 0);
  }
  list[entry.last + 1]++;
  list.push(at);
}

/**
 * Character classes of the BMP for the fast scanner: 1 Han, 2 ASCII digit,
 * 3 other letter or mark (TOKEN's word characters), 0 anything else.
 */
const CLASS = (() => {
  const table = new Uint8Array(0x10000);
  // One regex pass over every BMP character (surrogates left out): a test per
  // character took a second at start-up.
  let all = '';
  for (let c = 0; c < 0x10000; c++) all += c >= 0xd800 && c <= 0xdfff ? ' ' : String.fromCharCode(c);
  for (const m of all.matchAll(/[\p{L}\p{M}]/gu)) table[m.index] = 3;
  for (const m of all.matchAll(/\p{Script=Han}/gu)) table[m.index] = 1;
  for (let c = 0x30; c <= 0x39; c++) table[c] = 2;
  return table;
})();
const HAN = 1;
const DIGIT = 2;
const LETTER = 3;

/**
 * Han characters of the BMP numbered densely from 1 (about 28,000), and back:
 * a pair's key, index × 32768 + next index, stays below 2^30, a small integer
 * V8 hashes without allocating. Code-point keys (up to 0x9fff × 65536) are
 * heap numbers, and made the map 10× slower.
 */
const HAN_INDEX = new Uint16Array(0x10000);
const HAN_CODE: number[] = [0];
for (let c = 0; c < 0x10000; c++) if (CLASS[c] === HAN) HAN_INDEX[c] = HAN_CODE.push(c) - 1;
if (HAN_CODE.length > 32768) throw new Error('too many Han code points for the pair key');

/**
 * The terms of forEachIndexTerm (search-config.ts, the definition), found
 * with a class table instead of a regular expression, and a Han term given
 * as a small integer (see HAN_INDEX) so the builder's map hashes no strings:
 * the index build over a tenth of people-daily took 5.8 s with the regex
 * and string keys. Text
 * with astral characters (rare: CJK extension B) goes through the definition.
 * A property test checks the two agree.
 */
export function scanIndexTerms(text: string, han: (key: number, at: number) => void, other: (term: string, at: number) => void): void {
  if (/[\ud800-\udfff]/.test(text)) {
    forEachIndexTerm(text, (term, at) => {
      if (term.length <= 2 && CLASS[term.charCodeAt(0)] === HAN && (term.length === 1 || CLASS[term.charCodeAt(1)] === HAN)) han(termKey(term), at);
      else other(term, at);
    });
    return;
  }
  const n = text.length;
  let i = 0;
  while (i < n) {
    const c = text.charCodeAt(i);
    const cls = CLASS[c];
    if (cls === HAN) {
      const next = i + 1 < n ? HAN_INDEX[text.charCodeAt(i + 1)] : 0;
      han(HAN_INDEX[c] * 32768 + next, i);
      i++;
    } else if (cls === DIGIT) {
      // \d+(?:\.\d+)*
      let j = i + 1;
      while (j < n && CLASS[text.charCodeAt(j)] === DIGIT) j++;
      while (j + 1 < n && text.charCodeAt(j) === 0x2e && CLASS[text.charCodeAt(j + 1)] === DIGIT) {
        j += 2;
        while (j < n && CLASS[text.charCodeAt(j)] === DIGIT) j++;
      }
      other(text.slice(i, j), i);
      i = j;
    } else if (cls === LETTER) {
      let j = i + 1;
      while (j < n && CLASS[text.charCodeAt(j)] === LETTER) j++;
      other(text.slice(i, j), i);
      i = j;
    } else {
      other(text[i], i);
      i++;
    }
  }
}

/** The key of a BMP Han term (one or two characters). */
export function termKey(term: string): number {
  return HAN_INDEX[term.charCodeAt(0)] * 32768 + (term.length > 1 ? HAN_INDEX[term.charCodeAt(1)] : 0);
}

/** The term of a key. */
export function keyTerm(key: number): string {
  const second = key % 32768;
  return String.fromCharCode(HAN_CODE[Math.floor(key / 32768)]) + (second ? String.fromCharCode(HAN_CODE[second]) : '');
}

/**
 * Builds the positional index over the articles of each shard, numbering
 * paragraphs shard after shard, article after article (searchDocsOf's
 * order), so a paragraph number names its shard and place with no id table.
 * Lives in the pipeline, not in src/shared/, because the pinyin table
 * builder pulls in pinyin-pro's dictionary, which must never reach the browser.
 *
 * Han terms (nearly every posting) are not collected in a map: each
 * occurrence is appended to typed arrays (key, paragraph, position), which
 * a radix sort then orders by key, stably, so each term's occurrences come
 * out in paragraph and position order (sortPostings). A map lookup per
 * character cost 2.2 s per tenth of people-daily; the sort costs a fraction.
 * Other terms (numbers, words, punctuation) go through a map.
 */
export async function buildSearchFiles(shards: Article[][]): Promise<SearchBuild> {
  const texts: string[] = [];
  const kinds: string[] = [];
  const articleDates: string[] = [];
  for (const articles of shards) {
    for (const article of articles) {
      articleDates.push(article.date ?? '');
      for (const p of article.paragraphs) {
        kinds.push(KIND_CODE[p.kind]);
        texts.push(normalizeForSearch(p.text));
      }
    }
  }
  const capacity = texts.reduce((n, t) => n + t.length, 0);
  const keys = new Int32Array(capacity);
  const paragraphsOf = new Int32Array(capacity);
  const positions = new Int32Array(capacity);
  let count = 0;
  // Other terms: one character (punctuation, mostly) by its code, longer ones (numbers, words) by a map.
  const otherTerms = new Map<string, Postings>();
  const singles: (Postings | undefined)[] = new Array(0x10000);
  texts.forEach((text, paragraph) => {
    scanIndexTerms(
      text,
      (key, at) => {
        keys[count] = key;
        paragraphsOf[count] = paragraph;
        positions[count++] = at;
      },
      (term, at) => {
        let entry = term.length === 1 ? singles[term.charCodeAt(0)] : otherTerms.get(term);
        if (!entry) {
          entry = { list: [], last: -1 };
          if (term.length === 1) singles[term.charCodeAt(0)] = entry;
          else otherTerms.set(term, entry);
        }
        add(entry, paragraph, at);
      },
    );
  });
  singles.forEach((entry, code) => entry && otherTerms.set(String.fromCharCode(code), entry));
  const sorted = sortPostings({ keys, paragraphs: paragraphsOf, positions, count });

  const dateList = [...new Set(articleDates.filter(Boolean))].sort();
  const dateIndex = new Map(dateList.map((d, i) => [d, i]));

  const pending: Promise<Buffer>[] = [];
  const firsts: string[] = [];
  let names: string[] = [];
  let lengths: number[] = [];
  let body = new VarintWriter();
  const flush = () => {
    if (!names.length) return;
    firsts.push(names[0]);
    pending.push(gzipAsync(encodeChunk(names, lengths, body.result()), { level: 9 }));
    names = [];
    lengths = [];
    body = new VarintWriter();
  };
  const charFrequency = new Map<string, number>();
  /**
   * Appends one term's list to the chunk: its occurrences are
   * (paragraphs[k], positions[k]) for k in [from, to), in paragraph and
   * position order.
   */
  const emit = (term: string, from: number, to: number, paragraphs: Int32Array, positions: Int32Array) => {
    const start = body.length;
    let count = 0;
    for (let i = from; i < to; i++) if (i === from || paragraphs[i] !== paragraphs[i - 1]) count++;
    // Deltas: see search/postings.ts for the format.
    body.write(count);
    let previous = 0;
    for (let i = from; i < to; ) {
      const paragraph = paragraphs[i];
      let end = i + 1;
      while (end < to && paragraphs[end] === paragraph) end++;
      body.write(paragraph - previous);
      previous = paragraph;
      body.write(end - i);
      let last = 0;
      for (; i < end; i++) {
        const at = positions[i];
        body.write(at - last);
        last = at;
      }
    }
    const paragraphsOfTerm = count;
    names.push(term);
    lengths.push(body.length - start);
    // The directory entry counts too: for two-character terms it is as big as a short list.
    if (body.length + names.length * 8 > CHUNK_BYTES) flush();
    if (CLASS[term.charCodeAt(0)] === HAN) charFrequency.set(term[0], (charFrequency.get(term[0]) ?? 0) + paragraphsOfTerm);
  };

  // Merge the Han terms (in key order, which is code-unit order) with the others (sorted), in code-unit order.
  const others = [...otherTerms.keys()].sort();
  let o = 0;
  const emitOther = (term: string) => {
    const { list } = otherTerms.get(term)!;
    const at: number[] = [];
    const paragraphs: number[] = [];
    for (let i = 0; i < list.length; i += 2 + list[i + 1]) {
      for (let k = i + 2; k < i + 2 + list[i + 1]; k++) {
        paragraphs.push(list[i]);
        at.push(list[k]);
      }
    }
    emit(term, 0, at.length, Int32Array.from(paragraphs), Int32Array.from(at));
  };
  for (let i = 0; i < count; ) {
    const key = sorted.keys[i];
    let end = i + 1;
    while (end < count && sorted.keys[end] === key) end++;
    const term = keyTerm(key);
    while (o < others.length && others[o] < term) emitOther(others[o++]);
    emit(term, i, end, sorted.paragraphs, sorted.positions);
    i = end;
  }
  while (o < others.length) emitOther(others[o++]);
  flush();

  return {
    config: SEARCH_CONFIG_VERSION,
    meta: {
      format: 'minsheng-search',
      config: SEARCH_CONFIG_VERSION,
      paragraphs: texts.length,
      articlesPerShard: shards.map((s) => s.length),
      paragraphsPerArticle: shards.flatMap((s) => s.map((a) => a.paragraphs.length)),
      kinds: kinds.join(''),
      dates: dateList,
      articleDates: articleDates.map((d) => (d ? dateIndex.get(d)! : -1)),
      firsts,
    },
    pinyin: buildPinyinTable(charFrequency.keys(), (ch) => charFrequency.get(ch) ?? 0),
    traditional: buildTraditionalTable(charFrequency.keys()),
    // Compressed on libuv's thread pool, so the chunks compress in parallel.
    chunks: (await Promise.all(pending)).map((b) => new Uint8Array(b.buffer, b.byteOffset, b.length)),
  };
}

/** Postings of Han terms as parallel arrays: term key, paragraph, position; `count` are used. */
export interface PostingArrays {
  keys: Int32Array;
  paragraphs: Int32Array;
  positions: Int32Array;
  count: number;
}

const RADIX_BITS = 10;
const RADIX = 1 << RADIX_BITS;
/** Keys are below 2^30 (see HAN_INDEX): three digits of ten bits. */
const RADIX_PASSES = 3;

/**
 * Postings ordered by key, stably (each term's occurrences stay in paragraph
 * and position order): an LSD radix sort on three ten-bit digits. Whole
 * postings move, not indices: reading each term's paragraphs and positions
 * through a sorted index is a random access per occurrence, and writing the
 * lists that way took 8.3 s of indexing people-daily against 3.9 s now; a
 * thousand buckets keep each pass's writes within the cache. The input's
 * arrays serve as scratch space: their contents are lost.
 */
export function sortPostings(input: PostingArrays): PostingArrays {
  const { count } = input;
  let from = input;
  let to: PostingArrays = { keys: new Int32Array(count), paragraphs: new Int32Array(count), positions: new Int32Array(count), count };
  const starts = new Int32Array(RADIX + 1);
  for (let pass = 0; pass < RADIX_PASSES; pass++) {
    const shift = pass * RADIX_BITS;
    starts.fill(0);
    for (let i = 0; i < count; i++) starts[((from.keys[i] >>> shift) & (RADIX - 1)) + 1]++;
    for (let b = 1; b <= RADIX; b++) starts[b] += starts[b - 1];
    const { keys, paragraphs, positions } = from;
    for (let i = 0; i < count; i++) {
      const key = keys[i];
      const at = starts[(key >>> shift) & (RADIX - 1)]++;
      to.keys[at] = key;
      to.paragraphs[at] = paragraphs[i];
      to.positions[at] = positions[i];
    }
    [from, to] = [to, from];
  }
  return from;
}
