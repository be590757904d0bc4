import { docOfId, MANIFEST, shardOf, type DataPart, type Manifest, type PagesData } from '../../shared/bundle.ts';
import type { Article, DateEvent, Figure, Fragment } from '../../shared/types.ts';

/**
 * Loads the data bundle: the manifest first, then each part on demand. One
 * promise per file, so nothing is fetched twice; a failed fetch is forgotten
 * so that "retry" really retries. Parts are named by content hash, so the
 * manifest we hold always matches the parts we fetch.
 */
export const DATA_BASE = new URL('./data/', document.baseURI).href;

let manifest: Promise<Manifest> | null = null;
const parts = new Map<string, Promise<unknown>>();

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

export function loadManifest(): Promise<Manifest> {
  manifest ??= fetchJson<Manifest>(MANIFEST).catch((e) => {
    manifest = null;
    throw e;
  });
  return manifest;
}

async function loadPart<T>(part: DataPart): Promise<T> {
  return loadFile<T>((await loadManifest()).files[part].file);
}

async function loadArticleShard(doc: string): Promise<Article[]> {
  const shards = (await loadManifest()).files.articles;
  return loadFile<Article[]>(shards[shardOf(doc, shards.length)].file);
}

function loadFile<T>(file: string): Promise<T> {
  let p = parts.get(file) as Promise<T> | undefined;
  if (!p) {
    p = fetchJson<T>(file).catch((e) => {
      parts.delete(file);
      throw e;
    });
    parts.set(file, p);
  }
  return p;
}

/*
 * The data API the views use. They ask for what they show — one article, the
 * articles of one page, the events, the figures — never for a data file, so
 * the bundle can be split into shards without touching a view.
 */

export async function loadArticle(id: string): Promise<Article | null> {
  return (await loadArticleShard(docOfId(id))).find((a) => a.id === id) ?? null;
}

export async function loadPageArticles(doc: string): Promise<Article[]> {
  return (await loadArticleShard(doc)).filter((a) => a.doc === doc);
}

export async function loadFragments(doc: string): Promise<Fragment[]> {
  return (await loadPart<PagesData>('pages')).fragments.filter((f) => f.doc === doc);
}

export function loadEvents(): Promise<DateEvent[]> {
  return loadPart<DateEvent[]>('events');
}

export function loadFigures(): Promise<Figure[]> {
  return loadPart<Figure[]>('figures');
}
