/// <reference lib="webworker" />
/**
 * Search runs in a worker (as svelte.dev does), so typing never waits for the
 * index or a query. The worker opens the index's meta only; each query then
 * fetches the index chunks its terms live in and the shards of the articles
 * it shows (src/shared/search.ts), each file once.
 */
import { shardFile, type ArticleShard } from '../../shared/bundle.ts';
import { SearchEngine, type SearchSource } from '../../shared/search.ts';
import type { WorkerRequest, WorkerResponse } from './protocol.ts';

let engine: Promise<SearchEngine> | null = null;

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

function load(init: Extract<WorkerRequest, { type: 'init' }>): Promise<SearchEngine> {
  const url = (file: string) => new URL(file, init.base).href;
  const bytes = cached(async (u) => new Uint8Array(await (await fetchOk(u)).arrayBuffer()));
  const json = cached(async (u) => (await fetchOk(u)).json() as Promise<unknown>);
  const source: SearchSource = {
    files: init.search,
    bytes: (file) => bytes(url(file)),
    json: <T>(file: string) => json(url(file)) as Promise<T>,
    shard: async (i) => ((await json(url(shardFile(init.shards, i)))) as ArticleShard).articles,
  };
  engine ??= SearchEngine.open(source);
  engine.catch(() => (engine = null));
  return engine;
}

const post = (msg: WorkerResponse) => (self as unknown as DedicatedWorkerGlobalScope).postMessage(msg);

self.onmessage = async (e: MessageEvent<WorkerRequest>) => {
  const msg = e.data;
  try {
    if (msg.type === 'init') {
      await load(msg);
      post({ type: 'ready' });
    } else if (msg.type === 'search') {
      if (!engine) throw new Error('search index not loaded');
      const result = await (await engine).search(msg.query, msg.options);
      post({ type: 'result', id: msg.id, result });
    }
  } catch (err) {
    post({ type: 'error', id: 'id' in msg ? msg.id : undefined, message: (err as Error).message });
  }
};
