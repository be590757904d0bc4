import type { Article, DateEvent, Figure, Fragment, PageDocument } from './types.ts';

/**
 * The data bundle's layout. The manifest is small and read first; every other
 * file is named by its content hash, so a new build's manifest never pairs
 * with an old build's data (and caches can keep hashed files forever).
 */
export const BUNDLE_VERSION = 2;
export const MANIFEST = 'manifest.json';

/** Parts stored as one file each; articles are split into shards. */
export type DataPart = 'pages' | 'events' | 'figures' | 'search';

export interface FileRef {
  /** File name relative to the manifest, with the content hash in it. */
  file: string;
  bytes: number;
}

export interface ArticleSummary {
  id: string;
  doc: string;
  title: string;
  date: string | null;
  paragraphs: number;
  events: number;
  figures: number;
}

export interface Manifest {
  version: typeof BUNDLE_VERSION;
  /** Hash of all data files: changes whenever any data changes. */
  build: string;
  documents: Omit<PageDocument, 'blocks'>[];
  articles: ArticleSummary[];
  /**
   * The data files. `articles` holds the article shards: the articles of
   * document `doc` are in shard `shardOf(doc, articles.length)`, so a reader
   * fetches one shard for one article and needs no lookup table.
   */
  files: Record<DataPart, FileRef> & { articles: FileRef[] };
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

export interface PagesData {
  documents: PageDocument[];
  fragments: Fragment[];
}

export type ArticlesData = Article[];

/** The document an article, paragraph, event or figure id belongs to (ids are `<doc>-a<n>[-p<n>|-e<n>|-f<n>]`). */
export function docOfId(id: string): string {
  return id.replace(/-a\d+(?:-[pef]\d+)?$/, '');
}

/** The shard holding a document's articles: FNV-1a of the id, so build and browser agree with no table. */
export function shardOf(doc: string, shards: number): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < doc.length; i++) hash = Math.imul(hash ^ doc.charCodeAt(i), 0x01000193);
  return (hash >>> 0) % Math.max(1, shards);
}
export type EventsData = DateEvent[];
export type FiguresData = Figure[];

/**
 * The paragraphs the search index is built over. Build, worker and CLI all
 * derive them here, so the index ids always line up with the texts checked.
 */
export function searchDocsOf(articles: Article[]) {
  return articles.flatMap((a) =>
    a.paragraphs.map((p) => ({ id: p.id, article: a.id, kind: p.kind, text: p.text, date: a.date, title: a.title })),
  );
}
