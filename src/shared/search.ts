/**
 * The one search module: the pipeline builds the index with
 * `buildSearchFiles` (src/pipeline/search-index.ts), the browser worker and
 * the `npm run search` CLI open it with `SearchEngine.open`, and the tests use
 * both — so the command line answers exactly what the page shows.
 *
 * The index is positional and split into term-range chunks (see
 * search-config.ts for the terms, search/postings.ts for the format), in the
 * spirit of Pagefind: a query fetches the search meta once (the paragraph
 * table, a few KB per thousand paragraphs), then only the chunks its terms
 * live in, then only the shards of the articles it shows. A query runs in
 * three steps:
 *   1. each query term becomes lookups (index terms at fixed offsets); their
 *      posting lists are intersected, and a paragraph matches when some
 *      start offset has every lookup — exact, from positions alone;
 *   2. the matches are scored from the same positions (first occurrence,
 *      count, the words as one phrase) and the best picked with bounded
 *      heaps, grouped by article, visiting paragraphs in an order that lets
 *      the scan stop early (see rank());
 *   3. only the hits returned are read from their shards, for ids, titles
 *      and snippets.
 *
 * Browser-safe: no Node APIs; the caller supplies how files are fetched.
 */
import { chunkFile, type SearchFiles } from './bundle.ts';
import { SEARCH_CONFIG_VERSION, lookupsOf, normalizeWithOffsets, type Lookup } from './search-config.ts';
import { compileTerm, findOccurrences } from './search/match.ts';
import { looksLikePinyin, pinyinCandidates } from './search/pinyin.ts';
import type { PinyinTable } from './search/pinyin-table.ts';
import { IndexChunk, EMPTY_POSTING, hasPosition, intersectPostings, lowerBound, positionsAt, unionPostings, type Posting } from './search/postings.ts';
import { parseQuery, withTermTexts, type ParsedQuery } from './search/query.ts';
import { MAX_BONUS, MAX_SCORE, OCCURRENCES_SCORED, TopKeys, kindTier, scoreHit } from './search/ranking.ts';
import { buildSnippet } from './search/snippet.ts';
import { traditionalConverter, type Converter, type TraditionalTable } from './search/traditional.ts';
import type { Article, ParagraphKind, SearchHit } from './types.ts';

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


/** What the build writes next to the chunks: the paragraph table and the pinyin table. */
export interface SearchMeta {
  format: 'minsheng-search';
  /** Must equal SEARCH_CONFIG_VERSION of the code that reads it. */
  config: string;
  paragraphs: number;
  /** Paragraph numbers run shard after shard, article after article: these counts locate any paragraph. */
  articlesPerShard: number[];
  paragraphsPerArticle: number[];
  /** One KIND_CODE letter per paragraph. */
  kinds: string;
  /** Distinct page dates, ascending; `articleDates[a]` indexes it (−1: undated). */
  dates: string[];
  articleDates: number[];
  /** First term of each index chunk: chunk i holds the terms from firsts[i] up to firsts[i + 1]. */
  firsts: string[];
}

/** One letter per paragraph kind, for the compact paragraph table. */
export const KIND_CODE: Record<ParagraphKind, string> = {
  title: 't',
  subtitle: 's',
  subhead: 'h',
  lead: 'l',
  body: 'b',
  caption: 'c',
  byline: 'y',
  source: 'o',
  marker: 'm',
  label: 'a',
};
const KIND_OF = new Map(Object.entries(KIND_CODE).map(([kind, code]) => [code, kind as ParagraphKind]));

/** How the engine reads the bundle: the app fetches over HTTP, the CLI reads files. */
export interface SearchSource {
  files: SearchFiles;
  /** A data file's bytes (the chunks are gzip). */
  bytes(file: string): Promise<Uint8Array>;
  json<T>(file: string): Promise<T>;
  /** The articles of shard i. */
  shard(i: number): Promise<Article[]>;
}

const DEFAULT_LIMIT = 20;
/** Paragraphs shown under one article; the rest are counted in `total`. */
const HITS_PER_ARTICLE = 3;
/** Pinyin readings shown together at most, and the least share of the first's paragraphs a later one needs. */
const MAX_READINGS = 4;
const MIN_READING_SHARE = 0.25;
/** Occurrences marked per term and paragraph in a snippet. */
const MAX_MARKS = 16;
const HAN = /\p{Script=Han}/u;
const HAN_PAIR = /^\p{Script=Han}{2}$/u;

/** Decompresses a gzip chunk with the platform's DecompressionStream (browsers and Node ≥ 18). */
async function gunzip(bytes: Uint8Array): Promise<Uint8Array> {
  const stream = new Blob([bytes as BlobPart]).stream().pipeThrough(new DecompressionStream('gzip'));
  return new Uint8Array(await new Response(stream).arrayBuffer());
}

/** A query term's lookups with their posting lists, ready to match. */
interface Pattern {
  lookups: { posting: Posting; at: number }[];
}

/** Candidates of a query: paragraphs with every lookup of every term, and each lookup's row per candidate. */
interface Candidates {
  paragraphs: Int32Array;
  rows: Int32Array[];
  /** For each term, the indices of its lookups in `rows`. */
  terms: number[][];
}

/** A ranked answer and the paragraphs it matched (to merge pinyin readings exactly). */
interface Ranked {
  query: ParsedQuery;
  total: number;
  articles: number;
  /** Rank keys of the groups' hits, best article first. */
  groups: number[][];
  /** Rank keys of the flat hits, best first. */
  hits: number[];
  matched: number[];
}

/**
 * 0…n−1 ordered by bucket(i) (each in [0, buckets)), stably: a counting sort.
 * Opening the people-daily index sorted 134,525 paragraphs twice with
 * comparison functions (one object per paragraph for the first): about
 * 200–300 ms of a search worker's start, before the first query could run.
 */
function countingOrder(n: number, buckets: number, bucket: (i: number) => number): Int32Array {
  const of = new Int32Array(n);
  const starts = new Int32Array(buckets + 1);
  for (let i = 0; i < n; i++) starts[(of[i] = bucket(i)) + 1]++;
  for (let b = 0; b < buckets; b++) starts[b + 1] += starts[b];
  const out = new Int32Array(n);
  for (let i = 0; i < n; i++) out[starts[of[i]]++] = i;
  return out;
}

export class SearchEngine {
  private readonly n: number;
  private readonly articleOf: Int32Array;
  /** First paragraph number of each article, and one past the last article's. */
  private readonly articleStart: Int32Array;
  private readonly shardOfArticle: Int32Array;
  /** Index of each article within its shard. */
  private readonly slotOfArticle: Int32Array;
  private readonly kinds: ParagraphKind[];
  /**
   * A hit's rank is one number, `score * n + (n - 1 - recency)`: higher is
   * better, ties on score go to the newer page (then source order), and the
   * paragraph is recovered from the key. Plain numbers keep the heaps and
   * comparisons allocation-free.
   */
  private readonly byRecency: Int32Array;
  private readonly recencyOf: Int32Array;
  private readonly byStatic: Int32Array;
  private readonly staticRankOf: Int32Array;
  /** Per-article scratch for one query: marks the articles already counted. */
  private readonly articleStamp: Int32Array;
  private stamp = 0;
  private readonly chunks = new Map<number, Promise<IndexChunk>>();
  private pinyin: Promise<PinyinTable> | null = null;
  private converter: Promise<Converter> | null = null;
  private readonly prefixes = new Map<string, Promise<Posting>>();

  private constructor(
    private readonly source: SearchSource,
    private readonly meta: SearchMeta,
  ) {
    const n = (this.n = meta.paragraphs);
    const articles = meta.paragraphsPerArticle.length;
    this.articleOf = new Int32Array(n);
    this.articleStart = new Int32Array(articles + 1);
    this.shardOfArticle = new Int32Array(articles);
    this.slotOfArticle = new Int32Array(articles);
    let a = 0;
    let p = 0;
    meta.articlesPerShard.forEach((count, shard) => {
      for (let slot = 0; slot < count; slot++, a++) {
        this.shardOfArticle[a] = shard;
        this.slotOfArticle[a] = slot;
        this.articleStart[a] = p;
        for (let k = 0; k < meta.paragraphsPerArticle[a]; k++) this.articleOf[p++] = a;
      }
    });
    this.articleStart[articles] = p;
    if (a !== articles || p !== n || meta.kinds.length !== n) throw new Error('search meta is inconsistent (rebuild the bundle)');
    this.kinds = Array.from(meta.kinds, (c) => KIND_OF.get(c) ?? 'body');
    // Recency: newer date first, undated last, then source order. meta.dates
    // is sorted, so a date's index orders it.
    const dates = meta.dates.length;
    this.byRecency = countingOrder(n, dates + 1, (position) => {
      const d = meta.articleDates[this.articleOf[position]];
      return d >= 0 ? dates - 1 - d : dates;
    });
    this.recencyOf = new Int32Array(n);
    this.byRecency.forEach((pos, rank) => (this.recencyOf[pos] = rank));
    this.articleStamp = new Int32Array(articles);
    // Static order: heading tier first, then recency (see rank()).
    const tiers = this.byStatic = new Int32Array(n);
    const byTier = countingOrder(n, 3, (rank) => 2 - kindTier(this.kinds[this.byRecency[rank]]));
    byTier.forEach((rank, i) => (tiers[i] = this.byRecency[rank]));
    this.staticRankOf = new Int32Array(n);
    this.byStatic.forEach((pos, rank) => (this.staticRankOf[pos] = rank));
    if ((MAX_SCORE + 1) * n > Number.MAX_SAFE_INTEGER) throw new Error('too many paragraphs for the rank key');
  }

  /** Opens a built index: reads its meta only; chunks and shards come as queries need them. */
  static async open(source: SearchSource): Promise<SearchEngine> {
    if (source.files.config !== SEARCH_CONFIG_VERSION) {
      throw new Error(`search index was built with config "${source.files.config}", this code expects "${SEARCH_CONFIG_VERSION}"`);
    }
    const meta = await source.json<SearchMeta>(source.files.meta.file);
    if (meta.format !== 'minsheng-search' || meta.config !== SEARCH_CONFIG_VERSION || meta.firsts.length !== source.files.chunks.count) {
      throw new Error('search meta does not match this code or its chunks (rebuild the bundle)');
    }
    return new SearchEngine(source, meta);
  }

  // -------------------------------------------------------------------------
  // Reading the index

  private chunk(i: number): Promise<IndexChunk> {
    let p = this.chunks.get(i);
    if (!p) {
      p = this.source.bytes(chunkFile(this.source.files.chunks, i)).then(gunzip).then((bytes) => new IndexChunk(bytes));
      // A failed fetch is forgotten, so the next query retries it.
      p.catch(() => this.chunks.delete(i));
      this.chunks.set(i, p);
    }
    return p;
  }

  /** The chunk whose range holds `term`: the last one whose first term is ≤ it. */
  private chunkOf(term: string): number {
    const firsts = this.meta.firsts;
    let lo = 0;
    let hi = firsts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (firsts[mid] <= term) lo = mid;
      else hi = mid - 1;
    }
    return lo;
  }

  private async posting(term: string): Promise<Posting> {
    if (this.meta.firsts.length === 0) return EMPTY_POSTING;
    const chunk = await this.chunk(this.chunkOf(term));
    const i = chunk.lowerBound(term);
    return chunk.terms[i] === term ? chunk.posting(i) : EMPTY_POSTING;
  }

  /** Every term starting with `prefix`, merged: a contiguous run of the sorted terms, over one chunk or a few. */
  private prefixPosting(prefix: string): Promise<Posting> {
    let p = this.prefixes.get(prefix);
    if (!p) {
      p = (async () => {
        const firsts = this.meta.firsts;
        const lists: Posting[] = [];
        const start = this.chunkOf(prefix);
        for (let c = start; c < firsts.length; c++) {
          if (c > start && !firsts[c].startsWith(prefix)) break;
          const chunk = await this.chunk(c);
          let i = chunk.lowerBound(prefix);
          for (; i < chunk.terms.length && chunk.terms[i].startsWith(prefix); i++) lists.push(chunk.posting(i));
          if (i < chunk.terms.length) break;
        }
        return unionPostings(lists);
      })();
      p.catch(() => this.prefixes.delete(prefix));
      this.prefixes.set(prefix, p);
    }
    return p;
  }

  private lookup(l: Lookup): Promise<Posting> {
    return l.prefix ? this.prefixPosting(l.term) : this.posting(l.term);
  }

  /** A term's lookups with their lists; null when it has nothing to look up (only punctuation). */
  private async pattern(text: string): Promise<Pattern | null> {
    const lookups = lookupsOf(text);
    if (lookups.length === 0) return null;
    const postings = await Promise.all(lookups.map((l) => this.lookup(l)));
    return { lookups: lookups.map((l, i) => ({ posting: postings[i], at: l.at })) };
  }

  /** Paragraphs containing the term text (ignoring facets): for pinyin and Traditional, a cheap count. */
  private readonly frequencyOf = async (term: string): Promise<number> => {
    // Two Han characters, the links a pinyin query's beam checks (a thousand
    // and more per query), are one index term: the length of its list, with
    // no parsing of the term (which was a third of a pinyin query's time).
    if (HAN_PAIR.test(term)) return (await this.posting(term)).paragraphs.length;
    const pattern = await this.pattern(term);
    if (!pattern) return 0;
    if (pattern.lookups.length === 1) return pattern.lookups[0].posting.paragraphs.length;
    const c = this.candidatesOf([pattern]);
    let count = 0;
    for (let j = 0; j < c.paragraphs.length; j++) if (this.occurrences(pattern, c.rows, c.terms[0], j, 1).length) count++;
    return count;
  };

  // -------------------------------------------------------------------------
  // Matching

  private candidatesOf(patterns: Pattern[]): Candidates {
    const lists: Posting[] = [];
    const terms = patterns.map((p) => p.lookups.map((l) => lists.push(l.posting) - 1));
    const { paragraphs, rows } = intersectPostings(lists);
    return { paragraphs, rows, terms };
  }

  /**
   * Start offsets where every lookup of one term is in place, for candidate
   * j, ascending, at most `max`. Walks the positions of the rarest lookup
   * and checks the others by binary search.
   */
  private occurrences(pattern: Pattern, rows: Int32Array[], lookupRows: number[], j: number, max: number): number[] {
    const { lookups } = pattern;
    const at = lookups.map((l, i) => positionsAt(l.posting, rows[lookupRows[i]][j]));
    let anchor = 0;
    for (let i = 1; i < at.length; i++) if (at[i].length < at[anchor].length) anchor = i;
    const out: number[] = [];
    for (const position of at[anchor]) {
      const base = position - lookups[anchor].at;
      let ok = base >= 0;
      for (let i = 0; ok && i < at.length; i++) if (i !== anchor) ok = hasPosition(at[i], base + lookups[i].at);
      if (ok) {
        out.push(base);
        if (out.length >= max) break;
      }
    }
    return out;
  }

  /** Whether a phrase (its own lookups, its own lists) occurs in paragraph p. */
  private static hasPhrase(pattern: Pattern, paragraph: number): boolean {
    const rows: number[] = [];
    for (const l of pattern.lookups) {
      const at = lowerBound(l.posting.paragraphs, paragraph);
      if (l.posting.paragraphs[at] !== paragraph) return false;
      rows.push(at);
    }
    const at = pattern.lookups.map((l, i) => positionsAt(l.posting, rows[i]));
    outer: for (const position of at[0]) {
      const base = position - pattern.lookups[0].at;
      for (let i = 1; i < at.length; i++) if (!hasPosition(at[i], base + pattern.lookups[i].at)) continue outer;
      return true;
    }
    return false;
  }

  // -------------------------------------------------------------------------
  // Searching

  /**
   * Runs a query. A Traditional query is converted (the converter loads on
   * demand) when the corpus lacks one of its characters or it finds nothing
   * as typed; a query of Latin letters that finds nothing is read as pinyin.
   */
  async search(query: string, opts: SearchOptions = {}): Promise<SearchResult> {
    const parsed = parseQuery(query);
    if (parsed.terms.length === 0) return emptyResult(parsed);
    const direct = await this.rank(parsed, opts);
    if (direct.total > 0) return this.resolve(direct);
    const other = (await this.searchTraditional(parsed, opts)) ?? (await this.searchPinyin(parsed, opts));
    return other ? this.resolve(other.ranked, other.notice) : this.resolve(direct);
  }

  private async searchTraditional(parsed: ParsedQuery, opts: SearchOptions): Promise<{ ranked: Ranked; notice: string } | null> {
    if (!parsed.terms.some((t) => HAN.test(t.text))) return null;
    const convert = await this.traditional();
    const texts = parsed.terms.map((t) => convert(t.text));
    if (texts.every((text, i) => text === parsed.terms[i].text)) return null;
    const ranked = await this.rank(withTermTexts(parsed, texts, 'traditional'), opts);
    return ranked.total > 0 ? { ranked, notice: `converted from Traditional: ${texts.join(' ')}` } : null;
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
  private async searchPinyin(parsed: ParsedQuery, opts: SearchOptions): Promise<{ ranked: Ranked; notice: string } | null> {
    if (!parsed.terms.every((t) => looksLikePinyin(t.text))) return null;
    const limit = opts.limit ?? DEFAULT_LIMIT;
    const whole = parsed.terms.map((t) => t.text).join(' ');
    const readings: { query: ParsedQuery; han: string; count: number }[] = [];
    const table = await this.pinyinTable();
    for (const han of await pinyinCandidates(whole, table, this.frequencyOf)) {
      const query: ParsedQuery = { raw: parsed.raw, terms: [{ text: han, phrase: false }], via: 'pinyin' };
      const count = (await this.rank(query, { ...opts, limit: 0 })).total;
      if (count > 0) readings.push({ query, han, count });
    }
    readings.sort((a, b) => b.count - a.count);
    if (readings.length) {
      let merged = await this.rank(readings[0].query, opts);
      const used = [readings[0].han];
      for (const reading of readings.slice(1, MAX_READINGS)) {
        if (merged.hits.length >= limit && merged.groups.length >= limit) break;
        if (reading.count < readings[0].count * MIN_READING_SHARE) break;
        merged = this.mergeRanked(merged, await this.rank(reading.query, opts), limit);
        used.push(reading.han);
      }
      return { ranked: merged, notice: `pinyin: ${used.join(' / ')}` };
    }
    if (parsed.terms.length === 1) return null;
    const words: string[] = [];
    for (const t of parsed.terms) {
      const [best] = await pinyinCandidates(t.text, table, this.frequencyOf);
      if (best === undefined) return null;
      words.push(best);
    }
    const ranked = await this.rank(withTermTexts(parsed, words, 'pinyin'), opts);
    return ranked.total > 0 ? { ranked, notice: `pinyin: ${words.join(' ')}` } : null;
  }

  /** The Traditional converter, built on the first query that finds nothing as typed. */
  private traditional(): Promise<Converter> {
    this.converter ??= this.source.json<TraditionalTable>(this.source.files.traditional.file).then(traditionalConverter);
    this.converter.catch(() => (this.converter = null));
    return this.converter;
  }

  /** The pinyin table, fetched on the first pinyin query (most searches never need it). */
  private pinyinTable(): Promise<PinyinTable> {
    this.pinyin ??= this.source.json<PinyinTable>(this.source.files.pinyin.file);
    this.pinyin.catch(() => (this.pinyin = null));
    return this.pinyin;
  }

  /** The answers of two readings, the first's ahead; totals count each paragraph once. */
  private mergeRanked(a: Ranked, b: Ranked, limit: number): Ranked {
    const matched = [...new Set([...a.matched, ...b.matched])];
    const paragraphOf = (key: number) => this.positionOf(key);
    const seenHits = new Set(a.hits.map(paragraphOf));
    const seenGroups = new Set(a.groups.map((g) => this.articleOf[paragraphOf(g[0])]));
    return {
      query: { ...a.query, terms: [...a.query.terms, ...b.query.terms] },
      total: matched.length,
      articles: new Set(matched.map((p) => this.articleOf[p])).size,
      groups: [...a.groups, ...b.groups.filter((g) => !seenGroups.has(this.articleOf[paragraphOf(g[0])]))].slice(0, limit),
      hits: [...a.hits, ...b.hits.filter((k) => !seenHits.has(paragraphOf(k)))].slice(0, limit),
      matched,
    };
  }

  private positionOf(key: number): number {
    return this.byRecency[this.n - 1 - (key % this.n)];
  }

  /** The highest key a paragraph could get for any query: its tier with every bonus. */
  private ceilingOf(position: number): number {
    return (kindTier(this.kinds[position]) * 100 + MAX_BONUS) * this.n + (this.n - 1 - this.recencyOf[position]);
  }

  private passesFacets(position: number, kinds: ReadonlySet<ParagraphKind> | null, opts: SearchOptions): boolean {
    if (kinds && !kinds.has(this.kinds[position])) return false;
    if (opts.from || opts.to) {
      const d = this.meta.articleDates[this.articleOf[position]];
      if (d < 0) return false;
      const date = this.meta.dates[d];
      if (opts.from && date < opts.from) return false;
      if (opts.to && date > opts.to) return false;
    }
    return true;
  }

  /**
   * Ranks without scoring every match. Matches are visited in static order
   * (heading tier, then newer page, then source order), which is also the
   * order of the best key each could reach (`ceilingOf`): once the k-th best
   * hit and the k-th best article already beat the next paragraph's ceiling,
   * nothing later can enter the answer. Then only the chosen articles' other
   * matches are scored, for their best few paragraphs.
   */
  private async rank(parsed: ParsedQuery, opts: SearchOptions): Promise<Ranked> {
    const limit = opts.limit ?? DEFAULT_LIMIT;
    const empty: Ranked = { query: parsed, total: 0, articles: 0, groups: [], hits: [], matched: [] };
    const texts = parsed.terms.map((t) => t.text);
    const phraseTexts = texts.length > 1 ? [texts.join(''), texts.join(' ')] : [];
    const [patterns, phrases] = await Promise.all([
      Promise.all(texts.map((t) => this.pattern(t))),
      Promise.all(phraseTexts.map((t) => this.pattern(t))),
    ]);
    // A term with nothing indexable (only punctuation) cannot be found.
    if (patterns.some((p) => p === null)) return empty;
    const terms = patterns as Pattern[];
    const candidates = this.candidatesOf(terms);
    const kinds = opts.kinds?.length ? new Set(opts.kinds) : null;

    // Verified matches: candidate index j for each.
    const rowOf = new Map<number, number>();
    const matched: number[] = [];
    candidates.paragraphs.forEach((position, j) => {
      if (!this.passesFacets(position, kinds, opts)) return;
      for (let t = 0; t < terms.length; t++) {
        if (terms[t].lookups.length > 1 && this.occurrences(terms[t], candidates.rows, candidates.terms[t], j, 1).length === 0) return;
      }
      rowOf.set(position, j);
      matched.push(position);
    });

    const stamp = ++this.stamp;
    let articles = 0;
    for (const position of matched) {
      const a = this.articleOf[position];
      if (this.articleStamp[a] !== stamp) {
        this.articleStamp[a] = stamp;
        articles++;
      }
    }
    if (limit === 0) return { ...empty, total: matched.length, articles, matched };

    const livePhrases = phrases.filter((p): p is Pattern => p !== null && p.lookups.every((l) => l.posting.paragraphs.length > 0));
    const keyOf = (position: number): number => {
      const j = rowOf.get(position)!;
      let first = Infinity;
      let count = 0;
      for (let t = 0; t < terms.length; t++) {
        const found = this.occurrences(terms[t], candidates.rows, candidates.terms[t], j, OCCURRENCES_SCORED);
        if (found[0] < first) first = found[0];
        count += found.length;
      }
      const asPhrase = phraseTexts.length === 0 || livePhrases.some((p) => SearchEngine.hasPhrase(p, position));
      const score = scoreHit({ kind: this.kinds[position], first, count: Math.min(count, OCCURRENCES_SCORED), asPhrase });
      return score * this.n + (this.n - 1 - this.recencyOf[position]);
    };

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
      const key = keyOf(position);
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
      group.push(scored.get(position) ?? keyOf(position));
    }
    return {
      query: parsed,
      total: matched.length,
      articles,
      groups: [...groupOf.values()].map((top) => top.sorted()),
      hits: best.sorted(),
      matched,
    };
  }

  /** Reads the shards of the hits returned and builds ids, titles and snippets. */
  private async resolve(ranked: Ranked, notice?: string): Promise<SearchResult> {
    const keys = [...ranked.hits, ...ranked.groups.flat()];
    const shards = new Map<number, Promise<Article[]>>();
    for (const key of keys) {
      const shard = this.shardOfArticle[this.articleOf[this.positionOf(key)]];
      if (!shards.has(shard)) shards.set(shard, this.source.shard(shard));
    }
    const loaded = new Map<number, Article[]>();
    await Promise.all([...shards].map(async ([i, p]) => loaded.set(i, await p)));
    const compiled = ranked.query.terms.map((t) => compileTerm(t.text));
    const articleOf = (position: number): Article => {
      const a = this.articleOf[position];
      const article = loaded.get(this.shardOfArticle[a])![this.slotOfArticle[a]];
      if (!article || article.paragraphs.length !== this.meta.paragraphsPerArticle[a]) {
        throw new Error('search index does not match the article shards (rebuild the bundle)');
      }
      return article;
    };
    const hitOf = new Map<number, SearchHit>();
    const hit = (key: number): SearchHit => {
      let h = hitOf.get(key);
      if (!h) {
        const position = this.positionOf(key);
        const article = articleOf(position);
        const paragraph = article.paragraphs[position - this.articleStart[this.articleOf[position]]];
        const normalized = normalizeWithOffsets(paragraph.text);
        const marks = compiled.flatMap((t) => findOccurrences(normalized.text, t, MAX_MARKS));
        h = { article: article.id, paragraph: paragraph.id, kind: paragraph.kind, score: Math.floor(key / this.n), snippet: buildSnippet(paragraph.text, normalized, marks) };
        hitOf.set(key, h);
      }
      return h;
    };
    const groups: SearchGroup[] = ranked.groups.map((keys) => {
      const article = articleOf(this.positionOf(keys[0]));
      return { article: article.id, title: article.title, date: article.date, score: Math.floor(keys[0] / this.n), hits: keys.map(hit) };
    });
    return {
      query: ranked.query,
      total: ranked.total,
      articles: ranked.articles,
      groups,
      hits: ranked.hits.map(hit),
      ...(notice ? { notice } : {}),
    };
  }
}

function emptyResult(query: ParsedQuery): SearchResult {
  return { query, total: 0, articles: 0, groups: [], hits: [] };
}
