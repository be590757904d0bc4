/// <reference lib="webworker" />
/**
 * Search runs in a worker (as svelte.dev does), so typing never waits for the
 * index to load or a query to run. The worker imports the prebuilt index with
 * the same configuration the build used (src/shared/search-config.ts).
 */
import { searchDocsOf } from '../../shared/bundle.ts';
import { SearchEngine } from '../../shared/search.ts';
import type { Article } from '../../shared/types.ts';
import type { WorkerRequest, WorkerResponse } from './protocol.ts';

let engine: Promise<SearchEngine> | null = null;

async function fetchJson<T>(url: string): Promise<T> {
  const res = await fetch(url);
  if (!res.ok) throw new Error(`HTTP ${res.status}: ${url}`);
  return (await res.json()) as T;
}

function load(base: string, files: { articles: string[]; search: string }): Promise<SearchEngine> {
  engine ??= (async () => {
    const [shards, index] = await Promise.all([
      Promise.all(files.articles.map((file) => fetchJson<Article[]>(new URL(file, base).href))),
      fetchJson<unknown>(new URL(files.search, base).href),
    ]);
    return SearchEngine.load(index as Parameters<typeof SearchEngine.load>[0], searchDocsOf(shards.flat()));
  })();
  engine.catch(() => (engine = null));
  return engine;
}

const post = (msg: WorkerResponse) => (self as unknown as DedicatedWorkerGlobalScope).postMessage(msg);

self.onmessage = async (e: MessageEvent<WorkerRequest>) => {
  const msg = e.data;
  try {
    if (msg.type === 'init') {
      await load(msg.base, msg.files);
      post({ type: 'ready' });
    } else if (msg.type === 'search') {
      if (!engine) throw new Error('search index not loaded');
      const result = await (await engine).searchAsync(msg.query, msg.options);
      post({ type: 'result', id: msg.id, result });
    }
  } catch (err) {
    post({ type: 'error', id: 'id' in msg ? msg.id : undefined, message: (err as Error).message });
  }
};
