import { shardFile, type ArticleShard, type FileSet, type SearchFiles } from '../../shared/bundle.ts';
import { SearchEngine, type SearchSource } from '../../shared/search.ts';

/** Where the index and the article shards are: all the engine needs from the manifest. */
export interface EngineInit {
  base: string;
  search: SearchFiles;
  shards: FileSet;
}

/** One promise per file; a failed fetch is forgotten so the next query retries it. */
function cached<T>(load: (url: string) => Promise<T>): (url: string) => Promise<T> {
  const files = new Map<string, Promise<T>>();
  return (url) => {
    let p = files.get(url);
    if (!p) {
      p = load(url);
      p.catch(() => files.delete(url));
      files.set(url, p);
    }
    return p;
  };
}

async function fetchOk(url: string): Promise<Response> {
  const res = await fetch(url);
  if (!res.ok) throw new Error(`HTTP ${res.status}: ${url}`);
  return res;
}

/**
 * Opens the index over HTTP, the same way in the search worker and in the
 * page: its meta first; each query then fetches the index chunks its terms
 * live in and the shards of the articles it shows (src/shared/search.ts),
 * each file once. `inline` hands over files the page already holds (its
 * embedded search meta, src/app/data/embedded.ts); the worker has none.
 */
export function openEngine(init: EngineInit, inline: (file: string) => unknown = () => undefined): Promise<SearchEngine> {
  const url = (file: string) => new URL(file, init.base).href;
  const bytes = cached(async (u) => new Uint8Array(await (await fetchOk(u)).arrayBuffer()));
  const json = cached(async (u) => (await fetchOk(u)).json() as Promise<unknown>);
  const source: SearchSource = {
    files: init.search,
    bytes: (file) => bytes(url(file)),
    json: async <T>(file: string) => (inline(file) ?? (await json(url(file)))) as T,
    shard: async (i) => ((await json(url(shardFile(init.shards, i)))) as ArticleShard).articles,
  };
  return SearchEngine.open(source);
}
