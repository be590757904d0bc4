import { DATA_BASE, loadManifest } from '../data/bundle.ts';
import type { SearchOptions, WorkerRequest, WorkerResponse } from './protocol.ts';
import type { SearchResult } from '../../shared/search.ts';
import SearchWorker from './search.worker.ts?worker';

/**
 * The page's handle on the search worker. Each query gets a number; an answer
 * to anything but the newest query is dropped (Pagefind's search_id idea), so
 * a slow early answer can never overwrite a later one.
 */
class SearchClient {
  #worker: Worker | null = null;
  #ready: Promise<void> | null = null;
  #latest = 0;
  #pending = new Map<number, { resolve: (r: SearchResult | null) => void; reject: (e: Error) => void }>();

  ready(): Promise<void> {
    this.#ready ??= (async () => {
      const m = await loadManifest();
      const worker = (this.#worker ??= this.#spawn());
      await new Promise<void>((resolve, reject) => {
        const onMessage = (e: MessageEvent<WorkerResponse>) => {
          if (e.data.type === 'ready') resolve();
          else if (e.data.type === 'error' && e.data.id === undefined) reject(new Error(e.data.message));
          else return;
          worker.removeEventListener('message', onMessage);
        };
        worker.addEventListener('message', onMessage);
        this.#send({ type: 'init', base: DATA_BASE, search: m.files.search, shards: m.files.shards });
      });
    })().catch((e) => {
      this.#ready = null;
      throw e;
    });
    return this.#ready;
  }

  /** Resolves with the result, or null when a newer query superseded this one. */
  async search(query: string, options: SearchOptions = {}): Promise<SearchResult | null> {
    const id = ++this.#latest;
    await this.ready();
    if (id !== this.#latest) return null;
    return new Promise((resolve, reject) => {
      this.#pending.set(id, { resolve, reject });
      this.#send({ type: 'search', id, query, options });
    });
  }

  #spawn(): Worker {
    const worker = new SearchWorker();
    worker.addEventListener('message', (e: MessageEvent<WorkerResponse>) => {
      const msg = e.data;
      if (msg.type === 'ready' || msg.id === undefined) return;
      const waiter = this.#pending.get(msg.id);
      if (!waiter) return;
      this.#pending.delete(msg.id);
      if (msg.type === 'error') waiter.reject(new Error(msg.message));
      else waiter.resolve(msg.id === this.#latest ? msg.result : null);
    });
    return worker;
  }

  #send(msg: WorkerRequest) {
    this.#worker!.postMessage(msg);
  }
}

export const searchClient = new SearchClient();
