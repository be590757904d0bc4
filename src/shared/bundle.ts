import type { Article, DateEvent, Figure, Fragment, PageDocument, PublicationDate } from './types.ts';

/**
 * The data bundle's layout, in the spirit of Pagefind's chunked bundle: a
 * small manifest read first, and every other file loaded only when a view
 * needs it. Files are named by their content hash, so a new build's
 * manifest never pairs with an old build's data (and caches can keep hashed
 * files forever).
 *
 * What a first search fetches on a big archive: the manifest, the search
 * meta (the paragraph table), the index chunks its terms live in, and the
 * shards of the articles it shows — never the whole corpus. A small corpus
 * (searchesInPage) has its manifest and search meta written into the page's
 * HTML as well, as JSON data blocks (headTags in src/pipeline/vite-plugin.ts);
 * the files stay in the bundle for tools and as the page's fallback.
 */
export const BUNDLE_VERSION = 4;
export const MANIFEST = 'manifest.json';

export interface FileRef {
  /** File name relative to the manifest, with the content hash in it. */
  file: string;
  bytes: number;
}

/** One article in the catalog: enough to list it without loading its text. */
export interface ArticleSummary {
  id: string;
  doc: string;
  title: string;
  date: string | null;
  paragraphs: number;
  events: number;
  figures: number;
}

/** One page in the catalog, with its articles' summaries. */
export interface CatalogPage {
  id: string;
  file: string;
  chars: number;
  published: PublicationDate;
  paper?: string;
  page?: string;
  articles: ArticleSummary[];
}

/** A shard: everything about the pages whose id hashes to it (shardOf). */
export interface ArticleShard {
  documents: PageDocument[];
  articles: Article[];
  fragments: Fragment[];
}

/**
 * Many files of one kind named by one hash of all of them:
 * `<prefix>-<i>.<hash>.<ext>`, i < count. Listing thousands of shards with a
 * hash each made the manifest of people-daily about 1 MB; one hash keeps it
 * a few KB and still never pairs a manifest with another build's files. The
 * price: a rebuild that changes any shard renames them all, so caches fetch
 * them again.
 */
export interface FileSet {
  count: number;
  hash: string;
  /** All files together. */
  bytes: number;
}

/**
 * The dated events and welfare figures of a shard's pages (same shardOf as
 * the shards): what the article view shows beside an article. The timeline
 * and the charts read every event and figure from `events` and `figures`;
 * on people-daily those are 4.4 and 3.8 MB gzip, too much to open one article.
 */
export interface PageFacts {
  events: DateEvent[];
  figures: Figure[];
}

export interface SearchFiles {
  /** Must equal SEARCH_CONFIG_VERSION of the code that reads the index. */
  config: string;
  /** The paragraph table and the first term of each chunk (SearchMeta, JSON). */
  meta: FileRef;
  /** Toneless syllable → corpus characters, read on the first pinyin query only. */
  pinyin: FileRef;
  /** Traditional → simplified, trimmed to the corpus (TraditionalTable), read on the first query that finds nothing as typed. */
  traditional: FileRef;
  /** Gzip-compressed binary posting lists in term order (search/postings.ts): `search-<i>.<hash>.bin`. */
  chunks: FileSet;
}

export interface Manifest {
  version: typeof BUNDLE_VERSION;
  /** Hash of all data files: changes whenever any data changes. */
  build: string;
  counts: { pages: number; articles: number; paragraphs: number; events: number; figures: number };
  /** Earliest and latest publication date of a page, for the date filter. */
  published: { from: string; to: string } | null;
  files: {
    /** Pages, articles and fragments; a page's are in shard `shardOf(page id, shards.count)`: `shard-<i>.<hash>.json`. */
    shards: FileSet;
    /** The events and figures of the same pages: `facts-<i>.<hash>.json`, shard for shard. */
    facts: FileSet;
    /** The catalog of pages and their articles, newest page first, in chunks of CATALOG_CHUNK pages. */
    catalog: FileRef[];
    events: FileRef;
    figures: FileRef;
    search: SearchFiles;
  };
  report: {
    pages: number;
    accepted: number;
    skipped: { file: string; reason: string }[];
    warnings: { file: string; message: string }[];
    charsRead: number;
    charsKept: number;
  };
  /** Metrics present among the figures, with their units, for the charts. */
  metrics: { metric: string; unit: string; count: number }[];
  /** Earliest and latest event dates. */
  span: { from: string; to: string } | null;
}

/**
 * Pages per catalog chunk: a screenful of the overview (40 pages) needs one
 * or two chunks. The overview shows while a first query is being typed, so
 * its chunk counts in the first answer's bytes: 27 KB at 200 pages.
 */
export const CATALOG_CHUNK = 50;

/**
 * A corpus whose index chunks and article shards add up to no more than this
 * is searched in the page rather than in a worker. Its queries are small
 * (the seeds, 117 KB: p95 2.9 ms in Node), so a worker keeps nothing off
 * the main thread worth its cost: the first query waits for the worker to
 * start, which on a busy page load is the longest single step (`npm run
 * bench` on the seeds: first result 384 → 297 ms, median of nine loads).
 */
export const IN_PAGE_SEARCH_BYTES = 512 * 1024;

export const searchesInPage = (m: Pick<Manifest, 'files'>): boolean =>
  m.files.search.chunks.bytes + m.files.shards.bytes <= IN_PAGE_SEARCH_BYTES;

export const shardFile = (shards: FileSet, i: number) => `shard-${i}.${shards.hash}.json`;
export const factsFile = (facts: FileSet, i: number) => `facts-${i}.${facts.hash}.json`;
export const chunkFile = (chunks: FileSet, i: number) => `search-${i}.${chunks.hash}.bin`;

/** Every data file the manifest names, with its size where known (the sets' sizes are their totals). */
export function dataFiles(m: Manifest): { files: string[]; bytes: number } {
  const { shards, facts, catalog, events, figures, search } = m.files;
  const files = [
    ...Array.from({ length: shards.count }, (_, i) => shardFile(shards, i)),
    ...Array.from({ length: facts.count }, (_, i) => factsFile(facts, i)),
    ...catalog.map((f) => f.file),
    events.file,
    figures.file,
    search.meta.file,
    search.pinyin.file,
    search.traditional.file,
    ...Array.from({ length: search.chunks.count }, (_, i) => chunkFile(search.chunks, i)),
  ];
  const bytes = shards.bytes + facts.bytes + catalog.reduce((n, f) => n + f.bytes, 0) + events.bytes + figures.bytes + search.meta.bytes + search.pinyin.bytes + search.traditional.bytes + search.chunks.bytes;
  return { files, bytes };
}

/** The document an article, paragraph, event or figure id belongs to (ids are `<doc>-a<n>[-p<n>|-e<n>|-f<n>]`). */
export function docOfId(id: string): string {
  return id.replace(/-a\d+(?:-[pef]\d+)?$/, '');
}

/** The shard holding a document: FNV-1a of the id, so build and browser agree with no table. */
export function shardOf(doc: string, shards: number): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < doc.length; i++) hash = Math.imul(hash ^ doc.charCodeAt(i), 0x01000193);
  return (hash >>> 0) % Math.max(1, shards);
}

/** Newest page first, then by file name: the catalog's order. */
export function newestFirst(a: { published: PublicationDate; file: string }, b: { published: PublicationDate; file: string }): number {
  return (b.published.date ?? '').localeCompare(a.published.date ?? '') || (a.file < b.file ? -1 : a.file > b.file ? 1 : 0);
}

export type EventsData = DateEvent[];
export type FiguresData = Figure[];

/**
 * The paragraphs the search index is built over, in the order the index
 * numbers them: shard after shard, article after article. Build, worker and
 * CLI all derive them here, so a paragraph number always names the same
 * paragraph.
 */
export function searchDocsOf(articles: Article[]) {
  return articles.flatMap((a) =>
    a.paragraphs.map((p) => ({ id: p.id, article: a.id, kind: p.kind, text: p.text, date: a.date, title: a.title })),
  );
}
