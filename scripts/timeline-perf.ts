/**
 * How the timeline holds up with a real corpus: build the app over many pages,
 * serve it, open the timeline in headless Chromium, zoom with the wheel (and
 * pan by dragging), and report the time to the first drawn marks and the
 * frame times while zooming.
 *
 *   npx tsx scripts/timeline-perf.ts
 *
 * Environment (all optional):
 *   MINSHENG_PAGES  folder of pages (default ../shared/corpora/people-daily, read in place, never copied)
 *   MINSHENG_OUT    build folder (default /tmp/minsheng-timeline-perf)
 *   PERF_PORT       preview port (default 4419)
 *   SKIP_BUILD=1    reuse an existing build in MINSHENG_OUT
 *   PERF_WIDTH      viewport width (default 1280)
 *
 * Frame times come from a requestAnimationFrame loop (the gap between frames)
 * and from Chromium's long-animation-frame entries (how long the main thread
 * held a frame). Headless Chromium here runs with --disable-gpu, so the canvas
 * is rasterised in software: a pessimistic figure.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, statSync } from 'node:fs';
import { resolve } from 'node:path';
import { chromium } from '@playwright/test';
import { launchOptions } from '../test/e2e/browser.ts';

const root = resolve(import.meta.dirname, '..');
const pages = resolve(root, process.env.MINSHENG_PAGES ?? '../shared/corpora/people-daily');
const out = resolve(process.env.MINSHENG_OUT ?? '/tmp/minsheng-timeline-perf');
const port = Number(process.env.PERF_PORT ?? 4419);
const width = Number(process.env.PERF_WIDTH ?? 1280);
const base = `http://127.0.0.1:${port}/`;

function run(cmd: string, args: string[], env: Record<string, string>): Promise<number> {
  return new Promise((done) => {
    const child = spawn(cmd, args, { cwd: root, env: { ...process.env, ...env }, stdio: ['ignore', 'inherit', 'inherit'] });
    child.on('exit', (code) => done(code ?? 1));
  });
}

async function build() {
  const started = Date.now();
  console.log(`building ${pages} → ${out} …`);
  const code = await run('npx', ['vite', 'build', '--emptyOutDir'], { MINSHENG_PAGES: pages, MINSHENG_OUT: out });
  const manifest = resolve(out, 'data/manifest.json');
  const fresh = existsSync(manifest) && statSync(manifest).mtimeMs >= started && existsSync(resolve(out, 'index.html'));
  // With a corpus this size the PWA plugin refuses to precache the data parts
  // (over its size limit) and exits non-zero after writing everything else;
  // the app itself is complete, so measure anyway.
  if (code !== 0 && !fresh) throw new Error(`build failed (exit ${code})`);
  if (code !== 0) console.log(`(build exited ${code} after writing the app: see the PWA precache note above)`);
  console.log(`built in ${((Date.now() - started) / 1000).toFixed(0)} s`);
}

async function serve(): Promise<ChildProcess> {
  const child = spawn('npx', ['vite', 'preview', '--outDir', out, '--port', String(port), '--strictPort', '--host', '127.0.0.1'], {
    cwd: root,
    stdio: 'ignore',
    detached: true,
  });
  for (let i = 0; i < 100; i++) {
    try {
      if ((await fetch(base)).ok) return child;
    } catch {
      // not up yet
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error(`vite preview did not answer on ${base}`);
}

const stats = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  const q = (p: number) => s[Math.min(s.length - 1, Math.floor(p * s.length))] ?? 0;
  return { n: s.length, max: s.at(-1) ?? 0, p95: q(0.95), p50: q(0.5), mean: s.reduce((a, b) => a + b, 0) / (s.length || 1) };
};
const ms = (x: number) => `${x.toFixed(1)} ms`;

if (process.env.SKIP_BUILD !== '1') await build();
const server = await serve();
const browser = await chromium.launch(launchOptions());
try {
  // No service worker: it would precache the app while we measure.
  const context = await browser.newContext({ viewport: { width, height: 900 }, deviceScaleFactor: 1, serviceWorkers: 'block' });
  const page = await context.newPage();
  page.on('pageerror', (e) => console.error('page error:', e.message));
  if (process.env.PERF_DEBUG === '1') page.on('console', (m) => console.log('[page]', m.text()));
  // Note when the first marks reach the canvas.
  await page.addInitScript(() => {
    const w = window as unknown as { __firstMarks?: number };
    new MutationObserver((_, obs) => {
      const c = document.querySelector('.tl-frame canvas');
      if (c && Number(c.getAttribute('data-drawn')) > 0) {
        w.__firstMarks = performance.now();
        obs.disconnect();
      }
    }).observe(document, { subtree: true, childList: true, attributes: true, attributeFilter: ['data-drawn'] });
  });

  // 1. Render: the whole corpus, fully zoomed out.
  await page.goto(base + '#/timeline');
  await page.waitForFunction(() => (window as unknown as { __firstMarks?: number }).__firstMarks, null, { timeout: 120_000 });
  const render = await page.evaluate(() => {
    const w = window as unknown as { __firstMarks: number };
    const events = performance.getEntriesByType('resource').find((r) => /\/data\/events\./.test(r.name)) as PerformanceResourceTiming | undefined;
    return { firstMarks: w.__firstMarks, eventsFetched: events ? events.responseEnd : NaN, eventsBytes: events?.encodedBodySize ?? NaN };
  });
  const heading = await page.locator('#timeline-list-heading').textContent();
  const total = Number((await page.locator('.tl-toolbar .range').textContent())?.match(/[\d,]+/)?.[0].replace(/,/g, ''));
  const listItems = await page.locator('.event-list li').count();

  // 2. Zoom: a dense two years, wheel in towards days, then out to the whole span, then pan.
  await page.goto(base + '#/timeline?from=2019-01-01&to=2020-12-31');
  await page.reload();
  await page.waitForFunction(() => Number(document.querySelector('.tl-frame canvas')?.getAttribute('data-drawn')) > 0, null, {
    timeout: 120_000,
  });
  await page.waitForTimeout(500);
  const box = (await page.locator('.tl-frame svg').boundingBox())!;
  await page.mouse.move(box.x + box.width * 0.55, box.y + box.height * 0.4);
  // A string, not a function: tsx would wrap the named helpers in __name(),
  // which does not exist in the page.
  await page.evaluate(`(() => {
    const w = window;
    w.__debug = ${process.env.PERF_DEBUG === '1'};
    w.__frames = [];
    w.__loaf = [];
    w.__drawn = [];
    w.__drawMs = [];
    w.__stop = false;
    for (const type of ['long-animation-frame', 'longtask']) {
      try {
        new PerformanceObserver((list) => {
          for (const e of list.getEntries()) {
            w.__loaf.push(e.duration);
            if (w.__debug) console.log('long frame', Math.round(e.startTime), Math.round(e.duration), JSON.stringify((e.scripts || []).map((s) => [s.invoker, s.sourceFunctionName, Math.round(s.duration), Math.round(s.forcedStyleAndLayoutDuration)])), 'render', Math.round(e.renderStart ? e.startTime + e.duration - e.renderStart : 0), 'style', Math.round(e.styleAndLayoutStart ? e.startTime + e.duration - e.styleAndLayoutStart : 0));
          }
        }).observe({ type, buffered: false });
        break; // LoAF when available, else longtask
      } catch {
        // entry type not supported: try the next
      }
    }
    let last = performance.now();
    function tick(now) {
      w.__frames.push(now - last);
      last = now;
      const c = document.querySelector('.tl-frame canvas');
      w.__drawn.push(Number(c?.getAttribute('data-drawn')));
      w.__drawMs.push(Number(c?.getAttribute('data-draw-ms')));
      if (!w.__stop) requestAnimationFrame(tick);
    }
    requestAnimationFrame(tick);
  })()`);
  const t0 = Date.now();
  for (let i = 0; i < 40; i++) {
    await page.mouse.wheel(0, -120);
    await page.waitForTimeout(16);
  }
  for (let i = 0; i < 90; i++) {
    await page.mouse.wheel(0, 120);
    await page.waitForTimeout(16);
  }
  for (let i = 0; i < 40; i++) {
    await page.mouse.wheel(0, -120);
    await page.waitForTimeout(16);
  }
  await page.mouse.down();
  for (let i = 0; i < 30; i++) await page.mouse.move(box.x + box.width * 0.55 - i * 15, box.y + box.height * 0.4, { steps: 1 });
  await page.mouse.up();
  await page.waitForTimeout(300);
  const gesture = Date.now() - t0;
  const zoom = await page.evaluate(() => {
    const w = window as unknown as { __frames: number[]; __loaf: number[]; __stop: boolean; __drawn: number[]; __drawMs: number[] };
    w.__stop = true;
    return { frames: w.__frames.slice(1), loaf: w.__loaf, drawn: w.__drawn, drawMs: w.__drawMs };
  });
  const url = page.url();

  const f = stats(zoom.frames);
  const l = stats(zoom.loaf);
  console.log('\ntimeline performance');
  console.log(`  corpus            ${pages}`);
  console.log(`  events            ${total} (${heading?.trim()}; ${listItems} list items rendered)`);
  console.log(`  events part       ${(render.eventsBytes / 1e6).toFixed(1)} MB, fetched at ${ms(render.eventsFetched)}`);
  console.log(`  render            ${ms(render.firstMarks)} from navigation to the first marks on the canvas`);
  console.log(`  zoom + pan        ${gesture} ms of gestures, ${f.n} frames, marks drawn per frame up to ${Math.max(...zoom.drawn)}`);
  console.log(`  frame interval    max ${ms(f.max)} · p95 ${ms(f.p95)} · median ${ms(f.p50)} · mean ${ms(f.mean)}`);
  const dm = stats(zoom.drawMs.filter((x, i) => i === 0 || x !== zoom.drawMs[i - 1]));
  if (process.env.PERF_DEBUG === '1')
    zoom.drawMs.forEach((x, i) => {
      if (x > 20 && x !== zoom.drawMs[i - 1]) console.log(`  slow draw in frame ${i}: ${x} ms, ${zoom.drawn[i]} marks`);
    });
  console.log(`  canvas draw       max ${ms(dm.max)} · p95 ${ms(dm.p95)} · median ${ms(dm.p50)} (one draw of the marks)`);
  console.log(`  long frames       ${l.n} over 50 ms${l.n ? ` (max ${ms(l.max)})` : ''}`);
  console.log(`  ended at          ${url.slice(url.indexOf('#'))}`);
  const load = (await import('node:os')).loadavg();
  console.log(`  machine load      ${load.map((x) => x.toFixed(1)).join(' ')} on ${(await import('node:os')).cpus().length} CPUs (frame times suffer when it exceeds the CPUs)`);
  await context.close();
} finally {
  await browser.close();
  if (server.pid) process.kill(-server.pid);
}
