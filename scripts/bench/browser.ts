/**
 * The browser half of `npm run bench`: the built app served by `vite preview`,
 * driven by headless Chromium through Playwright and the DevTools protocol.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';
import { chromium, type Browser, type BrowserContext, type CDPSession, type Page } from '@playwright/test';
import { launchOptions } from '../../test/e2e/browser.ts';

export interface BrowserFigures {
  /** Navigation start → first highlighted hit, for a query typed as soon as the box exists (median of fresh contexts). */
  first_result_ms: number;
  /** Each measured run, in order. */
  first_result_runs_ms: string;
  /** Navigation start → the search box exists (the query is typed then). */
  search_box_ms: number;
  /** Bytes transferred (encoded, as on the wire) until that first hit. */
  first_result_bytes: number;
  /** The same bytes by kind of file: app code, index chunks, article shards… */
  first_result_breakdown: string;
  /** JavaScript heap of the page and its search worker after 20 queries. */
  heap_mb: number;
}

export async function servePreview(root: string, outDir: string, port: number): Promise<{ url: string; stop: () => void }> {
  const vite = join(root, 'node_modules', '.bin', 'vite');
  const child: ChildProcess = spawn(vite, ['preview', '--outDir', outDir, '--port', String(port), '--strictPort', '--host', '127.0.0.1'], {
    cwd: root,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const url = `http://127.0.0.1:${port}/`;
  for (let i = 0; i < 100; i++) {
    try {
      if ((await fetch(url)).ok) return { url, stop: () => child.kill() };
    } catch {
      // not up yet
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  child.kill();
  throw new Error(`vite preview did not start on port ${port}`);
}

/** Heap of every JavaScript context in the page: the page itself and its workers. */
async function heapBytes(cdp: CDPSession, workers: Map<string, string>): Promise<number> {
  const page = (await cdp.send('Runtime.getHeapUsage')) as { usedSize: number };
  let total = page.usedSize;
  for (const sessionId of workers.values()) total += await workerHeap(cdp, sessionId);
  return total;
}

let messageId = 1000;
function workerHeap(cdp: CDPSession, sessionId: string): Promise<number> {
  const id = ++messageId;
  return new Promise((resolve) => {
    const onMessage = (e: { sessionId: string; message: string }) => {
      const msg = JSON.parse(e.message) as { id?: number; result?: { usedSize: number } };
      if (e.sessionId !== sessionId || msg.id !== id) return;
      cdp.off('Target.receivedMessageFromTarget', onMessage);
      resolve(msg.result?.usedSize ?? 0);
    };
    cdp.on('Target.receivedMessageFromTarget', onMessage);
    // Non-flat sessions: Playwright's CDPSession cannot address a child session directly.
    void cdp.send('Target.sendMessageToTarget', { sessionId, message: JSON.stringify({ id, method: 'Runtime.getHeapUsage' }) });
  });
}

async function typeAndWait(page: Page, query: string): Promise<void> {
  const box = page.getByRole('searchbox');
  await box.fill(query);
  await box.press('Enter');
  await page.waitForFunction(
    (q) => {
      const live = document.querySelector('.live')?.textContent ?? '';
      return location.hash.includes(encodeURIComponent(q)) && live.trim().length > 0;
    },
    query,
    { timeout: 30_000 },
  );
}

/**
 * Fresh-context first results measured after one warm-up; the median is
 * reported. Nine, not three: one load on a 2-core machine varies by ±100 ms
 * (the seeds: 320, 481 and 509 ms in one run of three), so the median of
 * three moved by more than the changes it was meant to judge.
 */
const FIRST_RESULT_RUNS = 9;

/** What the page logs when the first highlighted hit appears. */
const FIRST_HIT = 'minsheng-bench:first-hit';

interface FirstResult {
  ms: number;
  box: number;
  bytes: number;
  breakdown: string;
}

/**
 * One first result in a new browser context (empty cache, no service
 * worker): navigation start → first highlighted hit, and the bytes fetched
 * until then. The context is left open for the caller.
 */
async function firstResult(
  browser: Browser,
  url: string,
  query: string,
  countBytes: boolean,
): Promise<FirstResult & { context: BrowserContext; page: Page; cdp: CDPSession }> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, serviceWorkers: 'block' });
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);

  // Bytes on the wire per finished request, the page's and the worker's,
  // with the time it finished. Only in a run of its own: the network
  // tracking delays the page by 50–70 ms, so timed runs go without it.
  const finished: { at: number; bytes: number; url: string }[] = [];
  if (countBytes) {
    await cdp.send('Network.enable');
    page.on('requestfinished', (request) => {
      // Stamped when it finished, not when its sizes arrive (later, and
      // later still on a busy page: that once left 8 of 10 shards uncounted).
      const at = Date.now();
      void request.sizes().then(
        (sizes) => finished.push({ at, bytes: sizes.responseBodySize + sizes.responseHeadersSize, url: request.url() }),
        () => undefined,
      );
    });
  }

  // Type the query the moment the search box exists, and record when it
  // appeared and when the first highlighted hit did, in page time. Typed
  // from inside the page: driving it from here (waitFor, then fill) adds
  // 60–100 ms of DevTools round trips between the box appearing and the
  // query being typed, which is the harness, not the app.
  await page.addInitScript(({ q, FIRST_HIT }: { q: string; FIRST_HIT: string }) => {
    const w = window as unknown as { __firstHit?: number; __box?: number };
    new MutationObserver((_, observer) => {
      const box = document.querySelector<HTMLInputElement>('input[type=search]');
      if (box && w.__box === undefined) {
        w.__box = performance.now();
        box.value = q;
        box.dispatchEvent(new Event('input', { bubbles: true }));
      }
      if (document.querySelector('.hit mark')) {
        w.__firstHit = performance.now();
        observer.disconnect();
        console.debug(FIRST_HIT);
      }
    }).observe(document, { subtree: true, childList: true });
  }, { q: query, FIRST_HIT });

  // Told by a console message, not polled with waitForFunction: that makes
  // Playwright evaluate its injected script in the page while it loads,
  // 10–30 ms on the main thread in a trace, and the first hit measured
  // about 50 ms later (A/B on the seeds, 12 loads each: 268 against 217 ms).
  const hit = page.waitForEvent('console', { predicate: (m) => m.text() === FIRST_HIT, timeout: 60_000 });
  await page.goto(url, { waitUntil: 'commit' });
  await hit;
  const [firstHit, boxAt] = await page.evaluate(() => {
    const w = window as unknown as { __firstHit: number; __box: number };
    return [w.__firstHit, w.__box];
  });
  // Every request that finished before the hit was seen here (a little
  // after it happened, so this errs on the side of counting more).
  const seen = Date.now();
  await new Promise((r) => setTimeout(r, 500)); // let the sizes arrive
  const before = finished.filter((f) => f.at <= seen);
  const kinds = new Map<string, { n: number; bytes: number }>();
  for (const f of before) {
    const name = new URL(f.url).pathname.split('/').pop() ?? '';
    // Code by its extension first (search.worker-….js is code, not index).
    const kind =
      /\.(js|css|html|png|svg|webmanifest)$/.exec(name)?.[1] ??
      /^(shard|facts|catalog|search-meta|search-pinyin|search-traditional|search|events|figures)[-.]/.exec(name)?.[1] ??
      (name || 'html');
    const k = kinds.get(kind) ?? { n: 0, bytes: 0 };
    k.n++;
    k.bytes += f.bytes;
    kinds.set(kind, k);
  }
  return {
    ms: Math.round(firstHit),
    box: Math.round(boxAt),
    bytes: before.reduce((n, f) => n + f.bytes, 0),
    breakdown: [...kinds].sort((a, b) => b[1].bytes - a[1].bytes).map(([k, v]) => `${k} ${v.n}× ${Math.round(v.bytes / 1024)} KB`).join(', '),
    context,
    page,
    cdp,
  };
}

export async function measureBrowser(url: string, firstQuery: string, queries: string[]): Promise<BrowserFigures> {
  const browser = await chromium.launch(launchOptions());
  try {
    // A warm-up first result, not counted: the first page a new browser
    // process opens pays for starting it (measured: 100–150 ms more).
    await (await firstResult(browser, url, firstQuery, false)).context.close();
    const runs: FirstResult[] = [];
    for (let i = 0; i < FIRST_RESULT_RUNS; i++) {
      const run = await firstResult(browser, url, firstQuery, false);
      runs.push(run);
      await run.context.close();
    }
    const median = [...runs].sort((a, b) => a.ms - b.ms)[Math.floor(runs.length / 2)];
    // The bytes, in a run of their own; its page then runs the 20 queries.
    const counted = await firstResult(browser, url, firstQuery, true);

    // The heap after 20 queries. Attached to the search worker only now: a
    // worker with DevTools attached from the start answered the first query
    // about 150 ms later.
    const { page, cdp } = counted;
    const workers = new Map<string, string>();
    cdp.on('Target.attachedToTarget', (e: { sessionId: string; targetInfo: { type: string; targetId: string } }) => {
      if (e.targetInfo.type === 'worker') workers.set(e.targetInfo.targetId, e.sessionId);
    });
    await cdp.send('Target.setAutoAttach', { autoAttach: true, waitForDebuggerOnStart: false, flatten: false });
    for (const q of queries.slice(0, 20)) await typeAndWait(page, q);
    await cdp.send('HeapProfiler.collectGarbage').catch(() => undefined);
    const heap = await heapBytes(cdp, workers);
    return {
      first_result_ms: median.ms,
      first_result_runs_ms: runs.map((r) => r.ms).join(' / '),
      search_box_ms: median.box,
      first_result_bytes: counted.bytes,
      first_result_breakdown: counted.breakdown,
      heap_mb: Math.round((heap / 1024 / 1024) * 10) / 10,
    };
  } finally {
    await browser.close();
  }
}
