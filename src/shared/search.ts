/**
 * The one search module: the pipeline builds and exports the index with
 * `buildSearchIndex`, the browser worker and the `npm run search` CLI load it
 * with `SearchEngine.load`, and the tests use both — so the command line
 * answers exactly what the page shows.
 *
 * A query runs in three steps: FlexSearch (char + bigram terms, see
 * search-config.ts) narrows the paragraphs to candidates; a check against the
 * normalised paragraph text keeps only those that really contain every term;
 * the survivors are ranked, grouped by article and given snippets.
 *
 * Browser-safe: no Node APIs, and pinyin-pro (build time only) is imported
 * through a specifier the bundler does not follow.
 */
import {
  SEARCH_CONFIG_VERSION,
  createSearchIndex,
  normalizeWithOffsets,
  termsOfNormalized,
  type NormalizedText,
} from './search-config.ts';
import { compileTerm, findOccurrences, type CompiledTerm, type Range } from './search/match.ts';
import { looksLikePinyin, pinyinCandidates } from './search/pinyin.ts';
import type { PinyinTable } from './search/pinyin-table.ts';
import { parseQuery, withTermTexts, type ParsedQuery } from './search/query.ts';
import { compareRanked, scoreHit } from './search/ranking.ts';
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
/** Occurrences kept per term and paragraph: enough for ranking and marks. */
const MAX_OCCURRENCES = 16;
const HAN = /\p{Script=Han}/u;

/** FNV-1a over the ids: cheap, and enough to catch a docs list that does not match the index. */
export function fingerprintOf(docs: SearchDoc[]): string {
  let hash = 0x811c9dc5;
  for (const doc of docs) {
    for (let i = 0; i < doc.id.length; i++) hash = Math.imul(hash ^ doc.id.charCodeAt(i), 0x01000193);
    hash = Math.imul(hash ^ 10, 0x01000193);
  }
  return (hash >>> 0).toString(16).padStart(8, '0');
}

/** Paragraph count per index term, read from the exported map chunks (FlexSearch keeps no public counts). */
function termFrequencies(chunks: [string, unknown][]): Map<string, number> {
  const frequency = new Map<string, number>();
  for (const [key, data] of chunks) {
    if (!key.endsWith('map')) continue;
    for (const [term, slots] of data as [string, number[][]][]) {
      let n = 0;
      for (const slot of slots) n += slot ? slot.length : 0;
      frequency.set(term, (frequency.get(term) ?? 0) + n);
    }
  }
  return frequency;
}

interface PreparedDoc {
  doc: SearchDoc;
  order: number;
  normalized: NormalizedText;
}

interface VerifiedHit {
  prepared: PreparedDoc;
  occurrences: Range[][];
  score: number;
  date: string | null;
  order: number;
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

function emptyResult(query: ParsedQuery, notice?: string): SearchResult {
  return { query, total: 0, articles: 0, groups: [], hits: [], ...(notice ? { notice } : {}) };
}

export class SearchEngine {
  private constructor(
    private readonly index: ReturnType<typeof createSearchIndex>,
    private readonly docs: PreparedDoc[],
    private readonly frequency: Map<string, number>,
    private readonly pinyin: PinyinTable,
  ) {}

  /** Imports a prebuilt index (never rebuilds it); `docs` must be the list it was built from, in order. */
  static async load(serialized: SerializedSearchIndex, docs: SearchDoc[]): Promise<SearchEngine> {
    if (serialized.format !== 'minsheng-search' || serialized.config !== SEARCH_CONFIG_VERSION) {
      throw new Error(`search index was built with config "${serialized.config}", this code expects "${SEARCH_CONFIG_VERSION}"`);
    }
    if (serialized.docs !== docs.length || serialized.fingerprint !== fingerprintOf(docs)) {
      throw new Error('search index does not match the paragraphs it is loaded with (rebuild the bundle)');
    }
    const index = createSearchIndex();
    // FlexSearch's import accepts already-parsed chunk data, though its typings say string.
    for (const [key, data] of serialized.chunks) index.import(key, data as string);
    const prepared = docs.map((doc, order) => ({ doc, order, normalized: normalizeWithOffsets(doc.text) }));
    return new SearchEngine(index, prepared, termFrequencies(serialized.chunks), serialized.pinyin);
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
    return this.hasUnknownHan(parsed) || this.count(parsed) === 0;
  }

  /** A Han character no paragraph contains cannot match as typed (likely a Traditional form). */
  private hasUnknownHan(parsed: ParsedQuery): boolean {
    for (const term of parsed.terms) for (const ch of term.text) if (HAN.test(ch) && !this.frequency.has(ch)) return true;
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

  /** Pinyin: first the whole query as one word (spaces as syllable breaks), then word by word. */
  private searchPinyin(parsed: ParsedQuery, opts: SearchOptions): SearchResult | null {
    if (!parsed.terms.every((t) => looksLikePinyin(t.text))) return null;
    const whole = parsed.terms.map((t) => t.text).join(' ');
    let best: SearchResult | null = null;
    for (const han of pinyinCandidates(whole, this.pinyin, this.frequencyOf)) {
      const result = this.run({ raw: parsed.raw, terms: [{ text: han, phrase: false }], via: 'pinyin' }, opts);
      if (result.total > (best?.total ?? 0)) best = { ...result, notice: `pinyin: ${han}` };
    }
    if (best || parsed.terms.length === 1) return best;
    const words = parsed.terms.map((t) => pinyinCandidates(t.text, this.pinyin, this.frequencyOf)[0]);
    if (words.some((w) => w === undefined)) return null;
    const result = this.run(withTermTexts(parsed, words, 'pinyin'), opts);
    return result.total > 0 ? { ...result, notice: `pinyin: ${words.join(' ')}` } : null;
  }

  private readonly frequencyOf = (term: string): number => this.frequency.get(term) ?? 0;

  /** Number of paragraphs matching, without ranking or snippets. */
  private count(parsed: ParsedQuery): number {
    return this.verify(parsed, {}).length;
  }

  /** Paragraph positions that may contain all terms (a superset; verify() decides). */
  private candidates(parsed: ParsedQuery): Iterable<number> {
    const terms = parsed.terms.flatMap((t) => termsOfNormalized(t.text));
    // Only punctuation or symbols: nothing to look up, so scan (rare, and still linear).
    if (terms.length === 0) return this.docs.keys();
    // A term absent from the index means no paragraph can match: skip FlexSearch.
    if (terms.some((t) => !this.frequency.has(t))) return [];
    const query = parsed.terms.map((t) => t.text).join(' ');
    return this.index.search(query, { limit: this.docs.length }) as number[];
  }

  private verify(parsed: ParsedQuery, opts: SearchOptions): VerifiedHit[] {
    const compiled = parsed.terms.map((t) => compileTerm(t.text));
    const phrase = parsed.terms.length > 1 ? [compileTerm(parsed.terms.map((t) => t.text).join('')), compileTerm(parsed.terms.map((t) => t.text).join(' '))] : [];
    const kinds = opts.kinds?.length ? new Set(opts.kinds) : null;
    const hits: VerifiedHit[] = [];
    for (const position of this.candidates(parsed)) {
      const prepared = this.docs[position];
      if (!prepared || !passesFacets(prepared.doc, kinds, opts)) continue;
      const occurrences = this.occurrencesOfAll(prepared.normalized.text, compiled);
      if (!occurrences) continue;
      const asPhrase = phrase.length === 0 || phrase.some((p) => findOccurrences(prepared.normalized.text, p, 1).length > 0);
      const score = scoreHit({ kind: prepared.doc.kind, occurrences, asPhrase });
      hits.push({ prepared, occurrences, score, date: prepared.doc.date, order: prepared.order });
    }
    return hits.sort(compareRanked);
  }

  /** Occurrences of every term, or null as soon as one term is missing. */
  private occurrencesOfAll(text: string, terms: CompiledTerm[]): Range[][] | null {
    const all: Range[][] = [];
    for (const term of terms) {
      const found = findOccurrences(text, term, MAX_OCCURRENCES);
      if (found.length === 0) return null;
      all.push(found);
    }
    return all;
  }

  private toHit(hit: VerifiedHit): SearchHit {
    const { doc, normalized } = hit.prepared;
    return { article: doc.article, paragraph: doc.id, kind: doc.kind, score: hit.score, snippet: buildSnippet(doc.text, normalized, hit.occurrences.flat()) };
  }

  private run(parsed: ParsedQuery, opts: SearchOptions): SearchResult {
    const limit = opts.limit ?? DEFAULT_LIMIT;
    const verified = this.verify(parsed, opts);
    const snippets = new Map<VerifiedHit, SearchHit>();
    const hitOf = (v: VerifiedHit) => {
      let hit = snippets.get(v);
      if (!hit) snippets.set(v, (hit = this.toHit(v)));
      return hit;
    };
    const groups = new Map<string, SearchGroup>();
    for (const v of verified) {
      const { doc } = v.prepared;
      let group = groups.get(doc.article);
      if (!group) {
        if (groups.size >= limit) continue;
        group = { article: doc.article, title: doc.title, date: doc.date, score: v.score, hits: [] };
        groups.set(doc.article, group);
      }
      if (group.hits.length < HITS_PER_ARTICLE) group.hits.push(hitOf(v));
    }
    return {
      query: parsed,
      total: verified.length,
      articles: new Set(verified.map((v) => v.prepared.doc.article)).size,
      groups: [...groups.values()],
      hits: verified.slice(0, limit).map(hitOf),
    };
  }
}
