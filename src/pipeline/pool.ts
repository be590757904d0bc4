import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import { processPage, type PageRecords, type Sidecar } from './page.ts';

export interface PageJob {
  index: number;
  docId: string;
  file: string;
  text: string;
  encoding: string;
  sidecar?: Sidecar;
}

export type PageJobResult = { index: number; records: PageRecords } | { index: number; error: string };

/**
 * Processes pages on worker threads, one per core: layout, dates and figures
 * are CPU-bound and pages independent (the people-daily corpus builds about
 * twice as fast on this 2-core machine). Small corpora stay on the main thread,
 * where starting workers would cost more than it saves.
 */
export class PagePool {
  #workers: Worker[] = [];
  #idle: Worker[] = [];
  #queue: { job: PageJob; resolve: (r: PageRecords) => void; reject: (e: Error) => void }[] = [];
  #waiting = new Map<Worker, { resolve: (r: PageRecords) => void; reject: (e: Error) => void }>();

  constructor(threads: number) {
    const boot = new URL('./worker-boot.mjs', import.meta.url);
    const module = new URL('./page-worker.ts', import.meta.url).href;
    for (let i = 0; i < threads; i++) {
      const worker = new Worker(boot, { workerData: { module } });
      worker.on('message', (r: PageJobResult) => this.#settle(worker, r));
      worker.on('error', (e) => this.#fail(worker, e));
      this.#workers.push(worker);
      this.#idle.push(worker);
    }
  }

  static threadsFor(pages: number): number {
    const cores = availableParallelism();
    return pages < 64 || cores < 2 ? 0 : Math.min(cores, 8);
  }

  run(job: PageJob): Promise<PageRecords> {
    if (this.#workers.length === 0) return Promise.resolve(processPage(job.docId, job.file, job.text, job.encoding, job.sidecar));
    return new Promise((resolve, reject) => {
      this.#queue.push({ job, resolve, reject });
      this.#pump();
    });
  }

  #drainers: { limit: number; resolve: () => void }[] = [];

  /**
   * Resolves once at most `limit` jobs wait for a worker: the reader pauses on
   * it so that a large corpus is never all decoded in memory at once.
   */
  drained(limit: number): Promise<void> {
    if (this.#queue.length <= limit) return Promise.resolve();
    return new Promise((resolve) => this.#drainers.push({ limit, resolve }));
  }

  async close(): Promise<void> {
    await Promise.all(this.#workers.map((w) => w.terminate()));
  }

  #pump() {
    while (this.#idle.length && this.#queue.length) {
      const worker = this.#idle.pop()!;
      const { job, resolve, reject } = this.#queue.shift()!;
      this.#waiting.set(worker, { resolve, reject });
      worker.postMessage(job);
    }
    this.#drainers = this.#drainers.filter((d) => (this.#queue.length <= d.limit ? (d.resolve(), false) : true));
  }

  #settle(worker: Worker, r: PageJobResult) {
    const waiter = this.#waiting.get(worker);
    this.#waiting.delete(worker);
    this.#idle.push(worker);
    if ('error' in r) waiter?.reject(new Error(r.error));
    else waiter?.resolve(r.records);
    this.#pump();
  }

  #fail(worker: Worker, e: Error) {
    this.#waiting.get(worker)?.reject(e);
    this.#waiting.delete(worker);
  }
}
