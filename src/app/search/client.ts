import { searchesInPage } from '../../shared/bundle.ts';
import type { SearchEngine, SearchResult } from '../../shared/search.ts';
import { DATA_BASE, loadManifest } from '../data/bundle.ts';
import { embeddedJson } from '../data/embedded.ts';
import { openEngine, type EngineInit } from './engine.ts';
import type { SearchOptions, WorkerRequest, WorkerResponse } from './protocol.ts';
import SearchWorker from './search.worker.ts?worker';

/** Where queries run: the search worker (a big archive) or the page itself (a small corpus, see searchesInPage). */
interface Backend {
  /** Resolves when the index is open (its meta read). */
  ready(): Promise<void>;
  search(id: number, query: string, options: SearchOptions): Promise<SearchResult>;
}

function inPage(init: EngineInit): Backend {
  let engine: Promise<SearchEngine> | null = null;
  const open = () => {
    engine ??= openEngine(init, embeddedJson);
    engine.catch(() => (engine = null));
    return engine;
  };
  return {
    ready: async () => void (await open()),
    search: async (_id, query, options) => (await open()).search(query, options),
  };
}

/**
 * The worker is told where the index is at once, and each query is posted
 * as soon as it is asked, not once the worker answered `init`: the worker
 * handles messages in order, so the query waits there, and the page's main
 * thread (busy rendering on load) is not a round trip in between.
 */
function inWorker(init: EngineInit): Backend {
  const worker = new SearchWorker();
  const pending = new Map<number, { resolve: (r: SearchResult) => void; reject: (e: Error) => void }>();
  worker.addEventListener('message', (e: MessageEvent<WorkerResponse>) => {
    const msg = e.data;
    if (msg.type === 'ready' || msg.id === undefined) return;
    const waiter = pending.get(msg.id);
    if (!waiter) return;
    pending.delete(msg.id);
    if (msg.type === 'error') waiter.reject(new Error(msg.message));
    else waiter.resolve(msg.result);
  });
  const post = (msg: WorkerRequest) => worker.postMessage(msg);
  // A failure is forgotten, so a retry posts init again (the worker drops a failed engine).
  let opened: Promise<void> | null = null;
  const ready = (): Promise<void> => {
    opened ??= new Promise<void>((resolve, reject) => {
      const onMessage = (e: MessageEvent<WorkerResponse>) => {
        if (e.data.type === 'ready') resolve();
        else if (e.data.type === 'error' && e.data.id === undefined) reject(new Error(e.data.message));
        else return;
        worker.removeEventListener('message', onMessage);
      };
      worker.addEventListener('message', onMessage);
      post({ type: 'init', ...init });
    }).catch((e: Error) => {
      opened = null;
      throw e;
    });
    return opened;
  };
  return {
    ready,
    search(id, query, options) {
      ready().catch(() => {
        // The query's own answer carries the error.
      });
      return new Promise((resolve, reject) => {
        pending.set(id, { resolve, reject });
        post({ type: 'search', id, query, options });
      });
    },
  };
}

/**
 * The page's handle on search. Each query gets a number; an answer to
 * anything but the newest query is dropped (Pagefind's search_id idea), so a
 * slow early answer can never overwrite a later one. Each query handed to
 * the backend is marked in the page's performance timeline
 * (`minsheng:search`, the query as detail), where DevTools and the tests
 * see what was searched and when.
 */
class SearchClient {
  #backend: Promise<Backend> | null = null;
  #latest = 0;

  #open(): Promise<Backend> {
    this.#backend ??= loadManifest().then((m) => {
      const init: EngineInit = { base: DATA_BASE, search: m.files.search, shards: m.files.shards };
      return searchesInPage(m) ? inPage(init) : inWorker(init);
    });
    this.#backend.catch(() => (this.#backend = null));
    return this.#backend;
  }

  /**
   * Opens the index while the page loads, so that a first query waits only
   * for its own chunks and shards: on the search view, and on every view for
   * a corpus searched in the page, whose meta the page carries (opening it
   * costs no fetch). A link into a big archive's timeline or an article
   * does not pay for its search meta.
   */
  async warm(onSearchView: boolean): Promise<void> {
    if (onSearchView || searchesInPage(await loadManifest())) await this.ready();
  }

  /** Resolves when the index is open; a failure is forgotten, so a retry retries. */
  async ready(): Promise<void> {
    await (await this.#open()).ready();
  }

  /** Resolves with the result, or null when a newer query superseded this one. */
  async search(query: string, options: SearchOptions = {}): Promise<SearchResult | null> {
    const id = ++this.#latest;
    const backend = await this.#open();
    if (id !== this.#latest) return null;
    performance.mark('minsheng:search', { detail: query });
    const result = await backend.search(id, query, options);
    return id === this.#latest ? result : null;
  }
}

export const searchClient = new SearchClient();
