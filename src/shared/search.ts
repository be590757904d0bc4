/**
 * The one search module: the pipeline builds and exports the index with
 * `buildSearchIndex`, the browser worker and the `npm run search` CLI load it
 * with `SearchEngine.load`, and the tests use both — so the command line
 * answers exactly what the page shows.
 *
 * A query runs in three steps: the posting lists of FlexSearch's exported
 * index (char + bigram terms, see search-config.ts) narrow the paragraphs to
 * candidates; a check against the normalised paragraph text keeps only those
 * that really contain every term; the best are scored and picked with
 * bounded heaps, grouped by article, and only those returned get snippets.
 *
 * Why it reads the posting lists itself instead of calling FlexSearch's
 * search: FlexSearch intersects the lists of every term its encoder emits,
 * single characters included, which cost 1–2 ms a query on people-daily
 * (中国: 中 ∩ 国 ∩ 中国) and as much again for each pinyin reading tried;
 * the bigrams alone give the same candidates (a paragraph with 中国 has 中
 * and 国), and the rarest-first intersection below is about free. The index
 * is still built and exported by FlexSearch with the one configuration in
 * search-config.ts; what the browser loads is that export.
 *
 * Measured on people-daily (21,898 paragraphs, 13.7 M chars; Node 20, a
 * busy 2-core machine; scripts/search-bench.ts, 60 generated queries, top
 * 10): p50 2.31 → 0.32 ms, p95 21.9 → 2.6 ms, load 3.8 → 1.0 s. Common
 * words moved most: 中国 (6,962 paragraphs) 38 → 2.2 ms, 的 (13,099)
 * 59 → 2.7 ms, zhongguo 26 → 2.4 ms. The old path collected up to 16
 * occurrences per term in every candidate (long paragraphs have hundreds
 * of 的), allocated a record per hit, sorted all of them by a string date
 * comparison, and ranked and snippeted each pinyin reading in full.
 *
 * Browser-safe: no Node APIs, and pinyin-pro (build time only) is imported
 * through a specifier the bundler does not follow.
 */
import { SEARCH_CONFIG_VERSION, lookupTermsOf, normalizeWithOffsets, type NormalizedText } from './search-config.ts';
import { compileTerm, countOccurrences, findOccurrences, firstOccurrence, type CompiledTerm } from './search/match.ts';
import { looksLikePinyin, pinyinCandidates } from './search/pinyin.ts';
import type { PinyinTable } from './search/pinyin-table.ts';
import { parseQuery, withTermTexts, type ParsedQuery } from './search/query.ts';
import { MAX_BONUS, MAX_SCORE, OCCURRENCES_SCORED, TopKeys, compareRanked, kindTier, scoreHit } from './search/ranking.ts';
import { buildSnippet } from './search/snippet.ts';
import { loadTraditionalConverter, loadedTraditionalConverter } from './search/traditional.ts';
import type { ParagraphKind, SearchHit } from './types.ts';

export type { ParsedQuery, QueryTerm } from './search/query.ts';
export { escapeHtml } from './search/snippet.ts';

export interface SearchDoc {
  /** Paragraph id. */
  id: string;
  article: string;
  kind: ParagraphKind;
  text: string;
  /** Page date, YYYY-MM-DD. */
  date: string | null;
  /** Article title. */
  title: string;
}

/** What the pipeline writes to the bundle: JSON-serialisable. */
export interface SerializedSearchIndex {
  format: 'minsheng-search';
  /** Must equal SEARCH_CONFIG_VERSION of the code that loads it. */
  config: string;
  /** Number of docs and a hash of their ids: FlexSearch ids are positions in `docs`. */
  docs: number;
  fingerprint: string;
  /** FlexSearch export chunks, [key, parsed data]; parsed, not strings, to avoid escaping every quote twice. */
  chunks: [string, unknown][];
  /** Toneless syllable → corpus characters. */
  pinyin: PinyinTable;
}

export interface SearchOptions {
  /** Maximum hits and maximum article groups returned (default 20). */
  limit?: number;
  kinds?: ParagraphKind[];
  /** Page date range, inclusive, YYYY-MM-DD (pages without a date are left out when set). */
  from?: string;
  to?: string;
}

export interface SearchGroup {
  article: string;
  title: string;
  date: string | null;
  score: number;
  hits: SearchHit[];
}

export interface SearchResult {
  query: ParsedQuery;
  /** Matching paragraphs. */
  total: number;
  /** Articles with at least one matching paragraph. */
  articles: number;
  groups: SearchGroup[];
  /** Flat, ranked. */
  hits: SearchHit[];
  /** How the query was read, e.g. 'pinyin: 互助金' or 'converted from Traditional: 慰问'. */
  notice?: string;
}

const DEFAULT_LIMIT = 20;
/** Paragraphs shown under one article; the rest are counted in `total`. */
const HITS_PER_ARTICLE = 3;
/** Pinyin readings shown together at most, and the least share of the first's paragraphs a later one needs. */
const MAX_READINGS = 4;
const MIN_READING_SHARE = 0.25;
/** Occurrences kept per term and paragraph: enough for ranking and marks. */
const MAX_OCCURRENCES = 16;
const HAN = /\p{Script=Han}/u;
/** A term that is itself an index term (one char or a bigram), so its posting list is exact. */
const EXACT_TERM = /^\p{Script=Han}{1,2}$/u;

/**
 * The order index ids refer to: paragraphs sorted by id (code units, no
 * locale), whatever order the caller lists them in. The bundle splits
 * articles into shards, and the worker and CLI concatenate the shards in
 * shard order, which is not the order the build saw; with ids as positions
 * in the caller's list, the index would silently point at other paragraphs
 * (or, with the fingerprint, refuse to load). Sorting costs 15–30 ms for
 * the 21,898 paragraphs of people-daily.
 */
export function canonicalOrder<T extends SearchDoc>(docs: readonly T[]): T[] {
  const byId = (a: SearchDoc, b: SearchDoc) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
  return [...docs].sort((a, b) => byId(a, b) || (a.article < b.article ? -1 : a.article > b.article ? 1 : 0) || (a.text < b.text ? -1 : a.text > b.text ? 1 : 0));
}

/** FNV-1a over the ids in canonical order: cheap, and enough to catch a docs list that does not match the index. */
export function fingerprintOf(docs: SearchDoc[]): string {
  return fingerprintOfOrdered(canonicalOrder(docs));
}

function fingerprintOfOrdered(docs: SearchDoc[]): string {
  let hash = 0x811c9dc5;
  for (const doc of docs) {
    for (let i = 0; i < doc.id.length; i++) hash = Math.imul(hash ^ doc.id.charCodeAt(i), 0x01000193);
    hash = Math.imul(hash ^ 10, 0x01000193);
  }
  return (hash >>> 0).toString(16).padStart(8, '0');
}

/**
 * The posting lists of the exported index, packed: every list one after
 * another in one Int32Array, and term → [start, end) in `spans`. FlexSearch
 * appends ids in insertion order, so each list arrives sorted; that is
 * checked rather than assumed, against results silently wrong if a
 * FlexSearch update changed the order.
 *
 * Packed rather than kept as the parsed JSON arrays (11 M ids in 636,610
 * lists for people-daily): a typed array has nothing for the garbage
 * collector to trace, and the worst query times on a loaded engine were
 * major GC pauses over those arrays (a 531 ms outlier in one benchmark run).
 */
class PostingLists {
  private constructor(
    private readonly ids: Int32Array,
    private readonly spans: Map<string, number>,
    private readonly bounds: Int32Array,
  ) {}

  static fromChunks(chunks: [string, unknown][]): PostingLists {
    const maps = chunks.filter(([key]) => key.endsWith('map')).map(([, data]) => data as [string, (number[] | null)[]][]);
    let total = 0;
    let terms = 0;
    for (const map of maps) {
      terms += map.length;
      for (const [, slots] of map) for (const slot of slots) total += slot ? slot.length : 0;
    }
    // One pass straight into the packed array: FlexSearch's export puts each
    // term in one chunk once; a list is sorted in place only if it must be.
    const ids = new Int32Array(total);
    const bounds = new Int32Array(terms + 1);
    const spans = new Map<string, number>();
    let at = 0;
    for (const map of maps) {
      for (const [term, slots] of map) {
        if (spans.has(term)) throw new Error(`search index: term ${JSON.stringify(term)} exported twice (unsupported FlexSearch export layout)`);
        const start = at;
        for (const slot of slots) {
          if (!slot) continue;
          ids.set(slot, at);
          at += slot.length;
        }
        if (!isStrictlyAscending(ids.subarray(start, at))) at = start + sortUnique(ids.subarray(start, at));
        bounds[spans.size] = start;
        spans.set(term, spans.size);
        bounds[spans.size] = at;
      }
    }
    return new PostingLists(ids, spans, bounds);
  }

  get(term: string): Int32Array | undefined {
    const i = this.spans.get(term);
    return i === undefined ? undefined : this.ids.subarray(this.bounds[i], this.bounds[i + 1]);
  }

  has(term: string): boolean {
    return this.spans.has(term);
  }

  size(term: string): number {
    const i = this.spans.get(term);
    return i === undefined ? 0 : this.bounds[i + 1] - this.bounds[i];
  }
}

/** Sorts a list in place and drops repeats; returns its new length. */
function sortUnique(list: Int32Array): number {
  list.sort();
  let n = 0;
  for (let i = 0; i < list.length; i++) if (i === 0 || list[i] !== list[i - 1]) list[n++] = list[i];
  return n;
}

function isStrictlyAscending(list: ArrayLike<number>): boolean {
  for (let i = 1; i < list.length; i++) if (list[i] <= list[i - 1]) return false;
  return true;
}

/** Positions present in every list (each ascending), walking the shortest and galloping in the others. */
function intersect(lists: Int32Array[]): Int32Array | number[] {
  if (lists.length === 1) return lists[0];
  const sorted = [...lists].sort((a, b) => a.length - b.length);
  const [shortest, ...others] = sorted;
  const cursors = new Array<number>(others.length).fill(0);
  const out: number[] = [];
  outer: for (const x of shortest) {
    for (let k = 0; k < others.length; k++) {
      const list = others[k];
      let lo = cursors[k];
      // Gallop to a bound, then binary search: linear for similar lengths, logarithmic for very different ones.
      let step = 1;
      let hi = lo;
      while (hi < list.length && list[hi] < x) {
        lo = hi + 1;
        hi += step;
        step *= 2;
      }
      hi = Math.min(hi, list.length);
      while (lo < hi) {
        const mid = (lo + hi) >> 1;
        if (list[mid] < x) lo = mid + 1;
        else hi = mid;
      }
      cursors[k] = lo;
      if (lo >= list.length) break outer;
      if (list[lo] !== x) continue outer;
    }
    out.push(x);
  }
  return out;
}

interface PreparedDoc {
  doc: SearchDoc;
  order: number;
  normalized: NormalizedText;
}

/** A ranked answer and the positions of every paragraph it matched (to merge readings exactly). */
interface Ranked {
  result: SearchResult;
  matched: number[];
}

/** A query compiled once for every candidate it is checked against. */
interface CompiledQuery {
  terms: CompiledTerm[];
  /** The words joined without and with a space; empty for one term (it is its own phrase). */
  phrases: CompiledTerm[];
}

/** Whether a paragraph passes the kind and date facets. */
function passesFacets(doc: SearchDoc, kinds: ReadonlySet<ParagraphKind> | null, opts: SearchOptions): boolean {
  if (kinds && !kinds.has(doc.kind)) return false;
  if (opts.from || opts.to) {
    if (!doc.date) return false;
    if (opts.from && doc.date < opts.from) return false;
    if (opts.to && doc.date > opts.to) return false;
  }
  return true;
}

function compileQuery(parsed: ParsedQuery): CompiledQuery {
  const texts = parsed.terms.map((t) => t.text);
  return {
    terms: texts.map(compileTerm),
    phrases: texts.length > 1 ? [compileTerm(texts.join('')), compileTerm(texts.join(' '))] : [],
  };
}

function emptyResult(query: ParsedQuery, notice?: string): SearchResult {
  return { query, total: 0, articles: 0, groups: [], hits: [], ...(notice ? { notice } : {}) };
}

export class SearchEngine {
  /**
   * A hit's rank is one number, `score * n + (n - 1 - recency)`: higher is
   * better, ties on score go to the newer page (then source order), and the
   * paragraph is recovered from the key. Plain numbers keep the heaps and
   * comparisons allocation-free.
   */
  private readonly byRecency: Int32Array;
  private readonly recencyOf: Int32Array;
  private readonly articleOf: Int32Array;
  private readonly byStatic: Int32Array;
  private readonly staticRankOf: Int32Array;
  /** Per-article scratch for one query: marks the articles already counted. */
  private readonly articleStamp: Int32Array;
  private stamp = 0;

  private constructor(
    private readonly postings: PostingLists,
    private readonly docs: PreparedDoc[],
    private readonly pinyin: PinyinTable,
  ) {
    const n = docs.length;
    const ranked = docs.map((d, position) => ({ score: 0, date: d.doc.date, order: d.order, position })).sort(compareRanked);
    this.byRecency = Int32Array.from(ranked, (r) => r.position);
    this.recencyOf = new Int32Array(n);
    this.byRecency.forEach((pos, rank) => (this.recencyOf[pos] = rank));
    const articleIds = new Map<string, number>();
    this.articleOf = Int32Array.from(docs, (d) => {
      let a = articleIds.get(d.doc.article);
      if (a === undefined) articleIds.set(d.doc.article, (a = articleIds.size));
      return a;
    });
    this.articleStamp = new Int32Array(articleIds.size);
    // Static order: heading tier first, then recency (see run()).
    this.byStatic = Int32Array.from(this.byRecency).sort((a, b) => kindTier(docs[b].doc.kind) - kindTier(docs[a].doc.kind) || this.recencyOf[a] - this.recencyOf[b]);
    this.staticRankOf = new Int32Array(n);
    this.byStatic.forEach((pos, rank) => (this.staticRankOf[pos] = rank));
    if ((MAX_SCORE + 1) * n > Number.MAX_SAFE_INTEGER) throw new Error('too many paragraphs for the rank key');
  }

  /** Imports a prebuilt index (never rebuilds it); `docs` must be the paragraphs it was built from, in any order. */
  static async load(serialized: SerializedSearchIndex, docs: SearchDoc[]): Promise<SearchEngine> {
    if (serialized.format !== 'minsheng-search' || serialized.config !== SEARCH_CONFIG_VERSION) {
      throw new Error(`search index was built with config "${serialized.config}", this code expects "${SEARCH_CONFIG_VERSION}"`);
    }
    const ordered = canonicalOrder(docs);
    if (serialized.docs !== docs.length || serialized.fingerprint !== fingerprintOfOrdered(ordered)) {
      throw new Error('search index does not match the paragraphs it is loaded with (rebuild the bundle)');
    }
    // Positions follow the canonical order; `order` keeps the caller's, for ranking ties.
    const given = new Map(docs.map((doc, order) => [doc, order]));
    const prepared = ordered.map((doc) => ({ doc, order: given.get(doc)!, normalized: normalizeWithOffsets(doc.text) }));
    return new SearchEngine(PostingLists.fromChunks(serialized.chunks), prepared, serialized.pinyin);
  }

  /**
   * Synchronous search. A Traditional query is converted only if the
   * converter is already loaded; use `searchAsync` (worker, CLI) to have it
   * loaded on demand.
   */
  search(query: string, opts: SearchOptions = {}): SearchResult {
    const parsed = parseQuery(query);
    if (parsed.terms.length === 0) return emptyResult(parsed);
    const direct = this.run(parsed, opts);
    if (direct.total > 0) return direct;
    return this.searchTraditional(parsed, opts, direct) ?? this.searchPinyin(parsed, opts) ?? direct;
  }

  /** Like `search`, but first loads the Traditional converter when the query may need it. */
  async searchAsync(query: string, opts: SearchOptions = {}): Promise<SearchResult> {
    if (this.mayBeTraditional(parseQuery(query))) await loadTraditionalConverter();
    return this.search(query, opts);
  }

  /** True when converting could change the answer: Han text the corpus lacks, or that finds nothing as typed. */
  mayBeTraditional(parsed: ParsedQuery): boolean {
    if (!parsed.terms.some((t) => HAN.test(t.text))) return false;
    return this.hasUnknownHan(parsed) || this.count(parsed, {}) === 0;
  }

  /** A Han character no paragraph contains cannot match as typed (likely a Traditional form). */
  private hasUnknownHan(parsed: ParsedQuery): boolean {
    for (const term of parsed.terms) for (const ch of term.text) if (HAN.test(ch) && !this.postings.has(ch)) return true;
    return false;
  }

  private searchTraditional(parsed: ParsedQuery, opts: SearchOptions, direct: SearchResult): SearchResult | null {
    if (!parsed.terms.some((t) => HAN.test(t.text))) return null;
    const convert = loadedTraditionalConverter();
    if (!convert) return direct.total > 0 ? null : { ...direct, notice: 'Traditional converter not loaded yet' };
    const texts = parsed.terms.map((t) => convert(t.text));
    if (texts.every((text, i) => text === parsed.terms[i].text)) return null;
    const converted = this.run(withTermTexts(parsed, texts, 'traditional'), opts);
    if (converted.total === 0 && direct.total > 0) return null;
    return { ...converted, notice: `converted from Traditional: ${texts.join(' ')}` };
  }

  /**
   * Pinyin: first the whole query as one word (spaces as syllable breaks),
   * then word by word. Toneless pinyin is ambiguous (lixing: 理性, 例行,
   * 力行), so the readings found in the corpus are counted (cheap: no
   * ranking) and shown most frequent first; a rarer reading follows only
   * while there is room under the limit and it is not negligible next to the
   * first (at least MIN_READING_SHARE of its paragraphs), so huzhujin over
   * the seeds stays 互助金 while over people-daily, where 户住进 (2) and
   * 互助金 (1) are both rare, it shows both.
   */
  private searchPinyin(parsed: ParsedQuery, opts: SearchOptions): SearchResult | null {
    if (!parsed.terms.every((t) => looksLikePinyin(t.text))) return null;
    const limit = opts.limit ?? DEFAULT_LIMIT;
    const whole = parsed.terms.map((t) => t.text).join(' ');
    const readings = pinyinCandidates(whole, this.pinyin, this.frequencyOf)
      .map((han) => ({ query: { raw: parsed.raw, terms: [{ text: han, phrase: false }], via: 'pinyin' } as ParsedQuery, han }))
      .map((r) => ({ ...r, count: this.count(r.query, opts) }))
      .filter((r) => r.count > 0)
      .sort((a, b) => b.count - a.count);
    if (readings.length) {
      let merged = this.rank(readings[0].query, opts);
      const used = [readings[0].han];
      for (const reading of readings.slice(1, MAX_READINGS)) {
        if (merged.result.hits.length >= limit && merged.result.groups.length >= limit) break;
        if (reading.count < readings[0].count * MIN_READING_SHARE) break;
        merged = this.mergeRanked(merged, this.rank(reading.query, opts), limit);
        used.push(reading.han);
      }
      return { ...merged.result, notice: `pinyin: ${used.join(' / ')}` };
    }
    if (parsed.terms.length === 1) return null;
    const words = parsed.terms.map((t) => pinyinCandidates(t.text, this.pinyin, this.frequencyOf)[0]);
    if (words.some((w) => w === undefined)) return null;
    const result = this.run(withTermTexts(parsed, words, 'pinyin'), opts);
    return result.total > 0 ? { ...result, notice: `pinyin: ${words.join(' ')}` } : null;
  }

  /** The answers of two readings, the first's ahead; totals count each paragraph once. */
  private mergeRanked(a: Ranked, b: Ranked, limit: number): Ranked {
    const matched = [...new Set([...a.matched, ...b.matched])];
    const seenHits = new Set(a.result.hits.map((h) => h.paragraph));
    const seenGroups = new Set(a.result.groups.map((g) => g.article));
    const result: SearchResult = {
      query: { ...a.result.query, terms: [...a.result.query.terms, ...b.result.query.terms] },
      total: matched.length,
      articles: new Set(matched.map((p) => this.articleOf[p])).size,
      groups: [...a.result.groups, ...b.result.groups.filter((g) => !seenGroups.has(g.article))].slice(0, limit),
      hits: [...a.result.hits, ...b.result.hits.filter((h) => !seenHits.has(h.paragraph))].slice(0, limit),
    };
    return { result, matched };
  }

  private readonly frequencyOf = (term: string): number => this.postings.size(term);

  /** Paragraph positions that may contain all terms, ascending (a superset; the check against the text decides). */
  private candidates(parsed: ParsedQuery): Iterable<number> {
    const terms = [...new Set(parsed.terms.flatMap((t) => lookupTermsOf(t.text)))];
    // Only punctuation or symbols: nothing to look up, so scan (rare, and still linear).
    if (terms.length === 0) return this.docs.keys();
    const lists: Int32Array[] = [];
    for (const term of terms) {
      const list = this.postings.get(term);
      // A term absent from the index means no paragraph can match.
      if (!list) return [];
      lists.push(list);
    }
    return intersect(lists);
  }

  /**
   * The rank key of a paragraph, or -1 when it lacks a term. Stops counting
   * occurrences at what the score distinguishes, so a paragraph costs a few
   * indexOf calls whatever its length.
   */
  private keyOf(position: number, query: CompiledQuery): number {
    const { doc, normalized } = this.docs[position];
    const text = normalized.text;
    let first = Infinity;
    let count = 0;
    for (const term of query.terms) {
      const at = firstOccurrence(text, term);
      if (at < 0) return -1;
      if (at < first) first = at;
      if (count < OCCURRENCES_SCORED) count += countOccurrences(text, term, at, OCCURRENCES_SCORED - count);
    }
    const asPhrase = query.phrases.length === 0 || query.phrases.some((p) => firstOccurrence(text, p) >= 0);
    const n = this.docs.length;
    return scoreHit({ kind: doc.kind, first, count, asPhrase }) * n + (n - 1 - this.recencyOf[position]);
  }

  private positionOf(key: number): number {
    const n = this.docs.length;
    return this.byRecency[n - 1 - (key % n)];
  }

  private toHit(key: number, query: CompiledQuery): SearchHit {
    const { doc, normalized } = this.docs[this.positionOf(key)];
    const marks = query.terms.flatMap((t) => findOccurrences(normalized.text, t, MAX_OCCURRENCES));
    const score = Math.floor(key / this.docs.length);
    return { article: doc.article, paragraph: doc.id, kind: doc.kind, score, snippet: buildSnippet(doc.text, normalized, marks) };
  }

  /**
   * Matching paragraphs that pass the facets, in candidate order. Terms of
   * one or two Han characters are index terms themselves, so their
   * candidates are exact and need no look at the text; longer terms, numbers
   * and words are checked up to their first occurrence.
   */
  private matches(parsed: ParsedQuery, query: CompiledQuery, opts: SearchOptions): number[] {
    const kinds = opts.kinds?.length ? new Set(opts.kinds) : null;
    const exact = parsed.terms.every((t) => EXACT_TERM.test(t.text));
    const out: number[] = [];
    for (const position of this.candidates(parsed)) {
      const { doc, normalized } = this.docs[position];
      if (!passesFacets(doc, kinds, opts)) continue;
      if (exact || query.terms.every((t) => firstOccurrence(normalized.text, t) >= 0)) out.push(position);
    }
    return out;
  }

  /** Number of paragraphs matching, without ranking or snippets. */
  private count(parsed: ParsedQuery, opts: SearchOptions): number {
    return this.matches(parsed, compileQuery(parsed), opts).length;
  }

  /**
   * Ranks without scoring every match. Matches are visited in static order
   * (heading tier, then newer page, then source order), which is also the
   * order of the best key each could reach (`ceilingOf`): once the k-th best
   * hit and the k-th best article already beat the next paragraph's ceiling,
   * nothing later can enter the answer. Then only the chosen articles' other
   * matches are scored, for their best few paragraphs. On people-daily, 中
   * (11,993 matches, top 10) scores 1,550 of them, 中国 808 of 6,962,
   * 经济 发展 91 of 3,274; scoring is the indexOf scan of the text, the
   * costly step for long paragraphs.
   */
  private run(parsed: ParsedQuery, opts: SearchOptions): SearchResult {
    return this.rank(parsed, opts).result;
  }

  private rank(parsed: ParsedQuery, opts: SearchOptions): Ranked {
    const limit = opts.limit ?? DEFAULT_LIMIT;
    const query = compileQuery(parsed);
    const n = this.docs.length;
    const matched = this.matches(parsed, query, opts);

    const stamp = ++this.stamp;
    let articles = 0;
    for (const position of matched) {
      const a = this.articleOf[position];
      if (this.articleStamp[a] !== stamp) {
        this.articleStamp[a] = stamp;
        articles++;
      }
    }

    const order = Int32Array.from(matched, (p) => this.staticRankOf[p]).sort();
    const scored = new Map<number, number>(); // position → key
    const best = new TopKeys(limit);
    // An article's first scored key: its best is at least that (see below).
    const articleFirst = new TopKeys(limit);
    const bestOfArticle = new Map<number, number>();
    for (let i = 0; i < order.length; i++) {
      const position = this.byStatic[order[i]];
      if (best.full() && articleFirst.full()) {
        const ceiling = this.ceilingOf(position);
        if (best.min() > ceiling && articleFirst.min() > ceiling) break;
      }
      const key = this.keyOf(position, query);
      scored.set(position, key);
      best.push(key);
      const a = this.articleOf[position];
      const known = bestOfArticle.get(a);
      if (known === undefined) articleFirst.push(key);
      if (known === undefined || key > known) bestOfArticle.set(a, key);
    }
    // At least `limit` articles (or all) have a scored key above every
    // unscored paragraph's ceiling, so the best `limit` articles are among
    // the scored ones, ranked by their scored best.
    const topArticles = new TopKeys(limit);
    for (const key of bestOfArticle.values()) topArticles.push(key);
    const groupOf = new Map<number, TopKeys>();
    for (const key of topArticles.sorted()) groupOf.set(this.articleOf[this.positionOf(key)], new TopKeys(HITS_PER_ARTICLE));
    for (const position of matched) {
      const group = groupOf.get(this.articleOf[position]);
      if (!group) continue;
      let key = scored.get(position);
      if (key === undefined) key = this.keyOf(position, query);
      group.push(key);
    }

    const hitOf = new Map<number, SearchHit>();
    const hit = (key: number) => {
      let h = hitOf.get(key);
      if (!h) hitOf.set(key, (h = this.toHit(key, query)));
      return h;
    };
    const groups: SearchGroup[] = [...groupOf.values()].map((top) => {
      const keys = top.sorted();
      const { doc } = this.docs[this.positionOf(keys[0])];
      return { article: doc.article, title: doc.title, date: doc.date, score: Math.floor(keys[0] / n), hits: keys.map(hit) };
    });
    return { result: { query: parsed, total: matched.length, articles, groups, hits: best.sorted().map(hit) }, matched };
  }

  /** The highest key a paragraph could get for any query: its tier with every bonus. */
  private ceilingOf(position: number): number {
    const n = this.docs.length;
    return (kindTier(this.docs[position].doc.kind) * 100 + MAX_BONUS) * n + (n - 1 - this.recencyOf[position]);
  }
}
