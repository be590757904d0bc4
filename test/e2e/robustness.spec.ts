/**
 * Issue 8, run time: hostile links, broken data files, and the
 * Content-Security-Policy. Every test also fails on any console error or
 * uncaught exception (fixtures.ts).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { dataFiles, type Manifest } from '../../src/shared/bundle.ts';
import { expect, test, withoutEmbeddedData } from './fixtures.ts';

const DIST = process.env.MINSHENG_OUT || 'dist';

/** Deterministic PRNG (mulberry32): the same 240 URLs on every run. */
function rng(seed: number): () => number {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const VIEWS = ['search', 'article', 'timeline', 'charts', '', 'nonsense', 'ARTICLE', '%', '..', 'search/extra/parts', '%E0%A4%A', '<svg onload=alert(1)>'];
const IDS = ['', 'no-such-article', '%E0%A4%A', '%', '%%', '<script>alert(1)</script>', '../../etc/passwd', 'x'.repeat(3000), '%F0%9F', '😀', '000_9544aa7ef02d880a-a999', '\u200b', '%00'];
const KEYS = ['q', 'from', 'to', 'event', 'p', 'hl', 'view', 'metric', 'unit', 'region', 'kind', 'lang', 'chart', 'mode', '', '%', 'q[]'];
const VALUES = [
  '2025-13-45', '0000-00-00', '9999-99-99', '2025-02-30', '2025-1-1', '-1', 'NaN', '１２３', '2025-12-31', '2021',
  '%E4%BA', '%zz', '%', '%%%', '<img src=x onerror=alert(1)>', '{{constructor.constructor("alert(1)")()}}', 'javascript:alert(1)',
  '互助金', '"', "'", '\\', '=cmd|', 'en', 'zh', 'fr', 'page', '\u0000', '😀'.repeat(50), 'a'.repeat(10_000), '互'.repeat(10_000),
];

function malformedUrls(count: number, seed = 8): string[] {
  const next = rng(seed);
  const pick = <T>(xs: T[]): T => xs[Math.floor(next() * xs.length)];
  const urls: string[] = [];
  for (let i = 0; i < count; i++) {
    const view = pick(VIEWS);
    const id = next() < 0.5 ? pick(IDS) : '';
    const params = Array.from({ length: Math.floor(next() * 4) }, () => `${pick(KEYS)}=${pick(VALUES)}`);
    const junk = next() < 0.2 ? pick(['&&', '?', '#', '=', '&=&', '??q=1']) : '';
    urls.push(`#/${view}${id ? '/' + id : ''}${params.length ? '?' + params.join('&') : ''}${junk}`);
  }
  return urls;
}

async function expectShell(page: Page, url: string) {
  await expect(page.locator('header.masthead'), url).toBeVisible();
  await expect(page.locator('#main'), url).not.toBeEmpty();
  // Settles: no view is left loading for good.
  await expect(page.locator('#main .loading'), url).toHaveCount(0, { timeout: 10_000 });
  expect((await page.locator('#main').innerText()).trim().length, url).toBeGreaterThan(0);
}

test.describe('malformed links', () => {
  test.use({ serviceWorkers: 'block' });
  const urls = malformedUrls(240);
  const CHUNK = 30;
  for (let c = 0; c < urls.length / CHUNK; c++) {
    test(`URLs ${c * CHUNK + 1}–${(c + 1) * CHUNK} open the app shell with no error`, async ({ page, consoleErrors }) => {
      test.setTimeout(120_000);
      const chunk = urls.slice(c * CHUNK, (c + 1) * CHUNK);
      for (const [i, url] of chunk.entries()) {
        const before = consoleErrors.length;
        // Every fifth link is a fresh page load; the rest arrive as hash changes in a running app.
        if (i % 5 === 0) {
          await page.goto('about:blank');
          await page.goto('./' + url);
        } else {
          await page.evaluate((h) => (location.hash = h), url);
        }
        await expectShell(page, url);
        expect(consoleErrors.slice(before), url).toEqual([]);
      }
    });
  }

  test('the generator is deterministic and makes at least 200 links', () => {
    expect(malformedUrls(240)).toEqual(malformedUrls(240));
    expect(new Set(malformedUrls(240)).size).toBeGreaterThanOrEqual(200);
  });
});

test.describe('notices', () => {
  test.use({ serviceWorkers: 'block' });
  const cases: [string, RegExp][] = [
    ['#/timeline?from=2025-13-45&to=2025-12-31', /日期“2025-13-45”无效/],
    ['#/search?from=2025-02-30', /日期“2025-02-30”无效/],
    ['#/nonsense', /链接无法识别/],
    ['#/search?q=' + 'a'.repeat(10_000), /搜索词过长/],
  ];
  for (const [url, notice] of cases) {
    test(`${url.slice(0, 50)} opens a sensible view with a notice`, async ({ page }) => {
      await page.goto('./' + url);
      await expectShell(page, url);
      await expect(page.locator('.notice')).toHaveText(notice);
    });
  }

  test('an unknown article id says so, with a way back', async ({ page }) => {
    await page.goto('./#/article/%3Cscript%3Ealert(1)%3C%2Fscript%3E');
    await expect(page.getByText('找不到这篇文章（<script>alert(1)</script>）')).toBeVisible();
    await expect(page.getByRole('link', { name: '返回' })).toBeVisible();
  });

  test('a 10,000-character query is cut to 256 characters in the box', async ({ page }) => {
    await page.goto('./#/search?q=' + '互'.repeat(10_000));
    await expect(page.getByRole('searchbox')).toHaveValue('互'.repeat(256));
  });
});

test.describe('broken data files', () => {
  // Requests must reach page.route(), not the service worker's cache, and the
  // manifest must be fetched, not read from the page (as a big archive's is).
  test.use({ serviceWorkers: 'block' });
  test.beforeEach(({ page }) => withoutEmbeddedData(page));

  test('a missing manifest (404) shows an error with a retry that works', async ({ page, consoleErrors }) => {
    await page.route('**/data/manifest.json', (r) => r.fulfill({ status: 404, body: 'not found' }));
    await page.goto('./');
    await expect(page.locator('.load-error')).toContainText('HTTP 404');
    await expect(page.locator('.loading')).toHaveCount(0);
    await page.unroute('**/data/manifest.json');
    await page.getByRole('button', { name: '重试' }).click();
    await expect(page.getByRole('heading', { name: /语料一览/ })).toBeVisible();
    // The browser logs the failed request itself.
    consoleErrors.splice(0, consoleErrors.length, ...consoleErrors.filter((e) => !/404/.test(e)));
  });

  test('a truncated manifest shows an error with a retry', async ({ page }) => {
    await page.route('**/data/manifest.json', async (r) => {
      const body = await (await r.fetch()).text();
      await r.fulfill({ status: 200, contentType: 'application/json', body: body.slice(0, body.length / 2) });
    });
    await page.goto('./');
    await expect(page.locator('.load-error')).toContainText('corrupt: manifest.json');
    await page.unroute('**/data/manifest.json');
    await page.getByRole('button', { name: '重试' }).click();
    await expect(page.getByRole('heading', { name: /语料一览/ })).toBeVisible();
  });

  test('a truncated shard shows an error in the reader, and retry recovers', async ({ page }) => {
    await page.route(/\/data\/shard-[^/]*\.json$/, async (r) => {
      const body = await (await r.fetch()).text();
      await r.fulfill({ status: 200, contentType: 'application/json', body: body.slice(0, 100) });
    });
    await page.goto('./#/article/000_9544aa7ef02d880a-a1');
    await expect(page.locator('.load-error')).toContainText(/corrupt: shard-/);
    await expect(page.locator('.loading')).toHaveCount(0);
    await page.unroute(/\/data\/shard-[^/]*\.json$/);
    await page.getByRole('button', { name: '重试' }).click();
    await expect(page.locator('.reader h1')).toBeVisible();
  });

  test('a missing catalog chunk shows an error in the overview, and retry recovers', async ({ page, consoleErrors }) => {
    await page.route(/\/data\/catalog-[^/]*\.json$/, (r) => r.fulfill({ status: 404, body: 'not found' }));
    await page.goto('./');
    await expect(page.getByRole('heading', { name: /语料一览/ })).toBeVisible();
    await expect(page.locator('.overview .load-error')).toContainText(/HTTP 404: catalog-0\./);
    await expect(page.locator('.overview .loading')).toHaveCount(0);
    await page.unroute(/\/data\/catalog-[^/]*\.json$/);
    await page.locator('.overview').getByRole('button', { name: '重试' }).click();
    await expect(page.locator('.page-card')).toHaveCount(2);
    await expect(page.locator('.overview .load-error')).toHaveCount(0);
    consoleErrors.splice(0, consoleErrors.length, ...consoleErrors.filter((e) => !/404/.test(e)));
  });

  test('a manifest naming a part that is not there (wrong hash) shows an error, not a spinner', async ({ page, consoleErrors }) => {
    await page.route('**/data/manifest.json', async (r) => {
      const manifest = await (await r.fetch()).json();
      const wrong = (f: { file: string }) => ({ ...f, file: f.file.replace(/\.[0-9a-f]{12}\.(json|bin)$/, '.000000000000.$1') });
      const files = manifest.files;
      // Sets of files share one hash: another hash names files that are not there.
      const wrongSet = (s: { hash: string }) => ({ ...s, hash: '000000000000' });
      files.shards = wrongSet(files.shards);
      files.facts = wrongSet(files.facts);
      files.catalog = files.catalog.map(wrong);
      for (const key of ['events', 'figures'] as const) files[key] = wrong(files[key]);
      files.search = { ...files.search, meta: wrong(files.search.meta), pinyin: wrong(files.search.pinyin), traditional: wrong(files.search.traditional), chunks: wrongSet(files.search.chunks) };
      await r.fulfill({ status: 200, contentType: 'application/json', body: JSON.stringify(manifest) });
    });
    for (const url of ['#/article/000_9544aa7ef02d880a-a1', '#/timeline', '#/charts']) {
      await page.goto('./' + url);
      // 404, or the preview server's index.html fallback: either way, not data.
      await expect(page.locator('.load-error').first(), url).toContainText(/HTTP 404|corrupt: (shard|facts|catalog|events|figures)/);
      await expect(page.getByRole('button', { name: '重试' }), url).toBeVisible();
      await expect(page.locator('.loading'), url).toHaveCount(0);
    }
    consoleErrors.splice(0, consoleErrors.length, ...consoleErrors.filter((e) => !/404/.test(e)));
  });
});

test.describe('Content-Security-Policy', () => {
  test('the built index.html has no inline script or handler, and a strict script-src', async ({ request }) => {
    const html = await (await request.get('./')).text();
    const scripts = [...html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/gi)];
    expect(scripts.length).toBeGreaterThan(0);
    for (const [, attrs, body] of scripts) {
      // A JSON data block (the manifest of a small corpus) is never run: it
      // holds JSON, and no "<" that could end it early.
      if (/type="application\/json"/.test(attrs)) {
        expect(body).not.toContain('<');
        expect(() => JSON.parse(body)).not.toThrow();
        continue;
      }
      expect(attrs).toMatch(/\bsrc=/);
      expect(body.trim()).toBe('');
    }
    expect(html).not.toMatch(/\son[a-z]+\s*=/i);
    const csp = /http-equiv="Content-Security-Policy"\s+content="([^"]+)"/.exec(html)?.[1] ?? '';
    const scriptSrc = /script-src ([^;]+)/.exec(csp)?.[1] ?? '';
    expect(scriptSrc.trim()).toBe("'self'");
    expect(csp).toMatch(/object-src 'none'/);
    // The service worker is registered from the bundle (injectRegister: false), not an inline snippet.
    expect(html).not.toMatch(/registerSW/);
  });

  test('no view triggers a CSP violation, and an injected inline script or handler is blocked', async ({ page, consoleErrors }) => {
    await page.addInitScript(() => {
      const w = window as unknown as { __csp: string[] };
      w.__csp = [];
      document.addEventListener('securitypolicyviolation', (e) => w.__csp.push(`${e.effectiveDirective} ${e.blockedURI}`));
    });
    for (const url of ['#/search', '#/search?q=互助金', '#/article/000_9544aa7ef02d880a-a1', '#/article/000_9544aa7ef02d880a-a1?view=page', '#/timeline', '#/charts']) {
      await page.goto('./' + url);
      await expect(page.locator('#main .loading')).toHaveCount(0);
      await page.waitForTimeout(300);
      expect(await page.evaluate(() => (window as unknown as { __csp: string[] }).__csp), url).toEqual([]);
    }
    const ran = await page.evaluate(async () => {
      const w = window as unknown as { __inline?: boolean; __handler?: boolean; __csp: string[] };
      const s = document.createElement('script');
      s.textContent = 'window.__inline = true';
      document.body.append(s);
      const img = document.createElement('img');
      img.setAttribute('onerror', 'window.__handler = true');
      img.src = 'data:,x';
      document.body.append(img);
      await new Promise((r) => setTimeout(r, 300));
      return { inline: !!w.__inline, handler: !!w.__handler, violations: w.__csp };
    });
    expect(ran.inline).toBe(false);
    expect(ran.handler).toBe(false);
    expect(ran.violations.some((v) => v.startsWith('script-src-elem inline'))).toBe(true);
    expect(ran.violations.some((v) => v.startsWith('script-src-attr inline'))).toBe(true);
    // Chromium reports each refusal on the console: expected here, and only here.
    consoleErrors.splice(0, consoleErrors.length, ...consoleErrors.filter((e) => !/Content Security Policy/.test(e)));
  });
});

/*
 * Service worker updates never pair an old manifest with new shards:
 *  - every data file but the manifest is named by its content hash, so a
 *    manifest can only name the parts of its own build;
 *  - the build's service worker precaches index.html, the manifest and every
 *    part together (workbox installs a precache all-or-nothing);
 *  - registerType 'prompt': a new worker waits until the reader chooses to
 *    reload, and the open page keeps being served from the old precache, whose
 *    manifest and parts match. cleanupOutdatedCaches removes the old build only
 *    on activation, which reloads the page.
 * The test checks the first two against the built files.
 */
test('the service worker precaches the manifest with exactly the parts it names', async ({ request }) => {
  const sw = readFileSync(join(DIST, 'sw.js'), 'utf8');
  const manifest = JSON.parse(await (await request.get('./data/manifest.json')).text());
  const { files } = dataFiles(manifest as Manifest);
  expect(files.length).toBeGreaterThanOrEqual(6);
  for (const file of files) {
    expect(file).toMatch(/\.[0-9a-f]{12}\.(json|bin)$/);
    expect(sw).toContain(`data/${file}`);
  }
  expect(sw).toMatch(/url:\s*"data\/manifest\.json",\s*revision:\s*"[0-9a-f]+"/);
  expect(sw).toMatch(/url:\s*"index\.html",\s*revision:/);
});
