import { docOfId, factsFile, MANIFEST, shardFile, shardOf, type ArticleShard, type PageFacts, type CatalogPage, type Manifest } from '../../shared/bundle.ts';
import { embeddedJson } from './embedded.ts';
import type { Article, DateEvent, Figure, Fragment, PageDocument } from '../../shared/types.ts';

/**
 * Loads the data bundle: the manifest first, then each file on demand. One
 * promise per file, so nothing is fetched twice; a failed fetch is forgotten
 * so that "retry" really retries. Files are named by content hash, so the
 * manifest we hold always matches the files we fetch.
 */
export const DATA_BASE = new URL('./data/', document.baseURI).href;

let manifest: Promise<Manifest> | null = null;
const files = new Map<string, Promise<unknown>>();

export class DataError extends Error {}

async function fetchJson<T>(file: string): Promise<T> {
  let res: Response;
  try {
    res = await fetch(new URL(file, DATA_BASE));
  } catch {
    throw new DataError(`network: ${file}`);
  }
  if (!res.ok) throw new DataError(`HTTP ${res.status}: ${file}`);
  try {
    return (await res.json()) as T;
  } catch {
    throw new DataError(`corrupt: ${file}`);
  }
}

/** The manifest: from the page itself when it carries it (a small corpus), else fetched. */
function readManifest(): Promise<Manifest> {
  const inline = embeddedJson(MANIFEST) as Manifest | undefined;
  return inline ? Promise.resolve(inline) : fetchJson<Manifest>(MANIFEST);
}

export function loadManifest(): Promise<Manifest> {
  manifest ??= readManifest().catch((e) => {
    manifest = null;
    throw e;
  });
  return manifest;
}

function loadFile<T>(file: string): Promise<T> {
  let p = files.get(file) as Promise<T> | undefined;
  if (!p) {
    p = fetchJson<T>(file).catch((e) => {
      files.delete(file);
      throw e;
    });
    files.set(file, p);
  }
  return p;
}

/*
 * The data API the views use. They ask for what they show — one article, the
 * articles of one page, a screenful of the catalog, the events, the figures —
 * never for a data file, so the bundle's layout can change without touching
 * a view.
 */

/** The shard holding everything about one page: its record, articles and fragments. */
export async function loadShard(doc: string): Promise<ArticleShard> {
  const shards = (await loadManifest()).files.shards;
  return loadFile<ArticleShard>(shardFile(shards, shardOf(doc, shards.count)));
}

export async function loadArticle(id: string): Promise<Article | null> {
  return (await loadShard(docOfId(id))).articles.find((a) => a.id === id) ?? null;
}

export async function loadPageArticles(doc: string): Promise<Article[]> {
  return (await loadShard(doc)).articles.filter((a) => a.doc === doc);
}

export async function loadFragments(doc: string): Promise<Fragment[]> {
  return (await loadShard(doc)).fragments.filter((f) => f.doc === doc);
}

export async function loadDocument(doc: string): Promise<PageDocument | null> {
  return (await loadShard(doc)).documents.find((d) => d.id === doc) ?? null;
}

/** One chunk of the catalog; an index past the end is an empty list. */
export async function loadCatalogChunk(i: number): Promise<CatalogPage[]> {
  const chunks = (await loadManifest()).files.catalog;
  return i < chunks.length ? loadFile<CatalogPage[]>(chunks[i].file) : [];
}

/**
 * The whole catalog, newest page first, for views that relate every article
 * to its page (timeline lanes, chart dates). A screenful should use
 * loadCatalogChunk instead: on a big archive the whole catalog is megabytes.
 */
export async function loadCatalog(): Promise<CatalogPage[]> {
  const chunks = (await loadManifest()).files.catalog;
  return (await Promise.all(chunks.map((c) => loadFile<CatalogPage[]>(c.file)))).flat();
}

/** The events and figures of one article, from its page's facts shard (not the whole corpus's). */
export async function loadArticleFacts(article: string): Promise<{ events: DateEvent[]; figures: Figure[] }> {
  const { facts } = (await loadManifest()).files;
  const all = await loadFile<PageFacts>(factsFile(facts, shardOf(docOfId(article), facts.count)));
  return { events: all.events.filter((e) => e.article === article), figures: all.figures.filter((f) => f.article === article) };
}

export async function loadEvents(): Promise<DateEvent[]> {
  return loadFile<DateEvent[]>((await loadManifest()).files.events.file);
}

export async function loadFigures(): Promise<Figure[]> {
  return loadFile<Figure[]>((await loadManifest()).files.figures.file);
}
