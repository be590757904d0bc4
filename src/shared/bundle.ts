import type { Article, DateEvent, Figure, Fragment, PageDocument } from './types.ts';

/**
 * The data bundle's layout. The manifest is small and read first; every other
 * file is named by its content hash, so a new build's manifest never pairs
 * with an old build's data (and caches can keep hashed files forever).
 */
export const BUNDLE_VERSION = 1;
export const MANIFEST = 'manifest.json';

export type DataPart = 'articles' | 'pages' | 'events' | 'figures' | 'search';

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
  /** File name (relative to the manifest) and size of each data part. */
  files: Record<DataPart, { file: string; bytes: number }>;
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
