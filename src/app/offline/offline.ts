import { DATA_BASE } from '../data/bundle.ts';

/**
 * "Make available offline" for corpora too big to precache: every data file is
 * fetched into the cache the service worker answers data requests from
 * (DATA_CACHE, see vite.config.ts runtimeCaching), and can be removed again.
 * Data file names carry content hashes, so a cached file is never stale.
 */
export const DATA_CACHE = 'minsheng-data';

/** Every file the manifest names (what any view or search could ever fetch) and their total size. */
export { dataFiles } from '../../shared/bundle.ts';

/**
 * How many of the files are already in a cache (precached or cached on use).
 * Each cache's keys are listed once rather than each file matched in turn:
 * for 20,000 files (a year of pages) with 2,000 cached, one caches.match per
 * file took 139 s in Chromium, listing the keys 0.1 s.
 */
export async function cachedCount(files: string[]): Promise<number> {
  if (typeof caches === 'undefined') return 0;
  const paths = new Set<string>();
  for (const name of await caches.keys()) {
    // The path alone: Workbox keys precached files with a ?__WB_REVISION__ parameter.
    for (const request of await (await caches.open(name)).keys()) paths.add(new URL(request.url).pathname);
  }
  return files.filter((f) => paths.has(new URL(f, DATA_BASE).pathname)).length;
}

/**
 * Download every missing file, three at a time, reporting the share done
 * (0–1, by files: shards are listed by count and one total, not one by one).
 * Aborting leaves what was fetched in the cache: it is still valid.
 */
export async function makeOffline(files: string[], onProgress: (share: number) => void, signal: AbortSignal): Promise<void> {
  const cache = await caches.open(DATA_CACHE);
  let done = 0;
  const queue = [...files];
  async function next(): Promise<void> {
    for (let f = queue.shift(); f; f = queue.shift()) {
      signal.throwIfAborted();
      const url = new URL(f, DATA_BASE).href;
      if (!(await caches.match(url, { ignoreSearch: true }))) {
        const res = await fetch(url, { signal });
        if (!res.ok) throw new Error(`HTTP ${res.status}: ${f}`);
        await cache.put(url, res);
      }
      onProgress(++done / files.length);
    }
  }
  await Promise.all([next(), next(), next()]);
}

/** Remove the offline copy (files precached with the app shell stay). */
export async function removeOffline(): Promise<void> {
  await caches.delete(DATA_CACHE);
}
