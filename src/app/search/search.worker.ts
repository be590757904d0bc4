/// <reference lib="webworker" />
/**
 * Search for a big archive runs in a worker (as svelte.dev does), so typing
 * never waits for the index or a query. A small corpus is searched in the
 * page instead (see client.ts); both open the index with openEngine().
 */
import type { SearchEngine } from '../../shared/search.ts';
import { openEngine } from './engine.ts';
import type { WorkerRequest, WorkerResponse } from './protocol.ts';

let engine: Promise<SearchEngine> | null = null;

const post = (msg: WorkerResponse) => (self as unknown as DedicatedWorkerGlobalScope).postMessage(msg);

self.onmessage = async (e: MessageEvent<WorkerRequest>) => {
  const msg = e.data;
  try {
    if (msg.type === 'init') {
      engine ??= openEngine(msg);
      engine.catch(() => (engine = null));
      await engine;
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
