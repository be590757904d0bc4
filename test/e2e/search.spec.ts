import type { Page } from '@playwright/test';
import { expect, test, withoutEmbeddedData } from './fixtures.ts';

/**
 * Search in the real build, over the seeds: input methods, Traditional and
 * pinyin queries, links, facets, keyboard and screen-reader behaviour, and a
 * hostile query. Every query the client hands to the search backend (its
 * `minsheng:search` performance marks) and every address the view writes
 * (window.__addresses) is recorded, so a test can say what did and did not
 * run.
 */

declare global {
  interface Window {
    __addresses: string[];
  }
}

test.beforeEach(async ({ page }) => {
  await page.addInitScript(() => {
    window.__addresses = [];
    for (const method of ['pushState', 'replaceState'] as const) {
      const original = history[method];
      history[method] = function (this: History, data: unknown, unused: string, url?: string | URL | null) {
        if (url) window.__addresses.push(decodeURIComponent(String(url)));
        return original.call(this, data, unused, url);
      };
    }
  });
});

// Every query the client hands to the search backend, from its performance marks.
const searches = (page: Page) =>
  page.evaluate(() => performance.getEntriesByName('minsheng:search').map((e) => String((e as PerformanceMark).detail)));
const addresses = (page: Page) => page.evaluate(() => window.__addresses);
const box = (page: Page) => page.getByRole('search').getByRole('searchbox');

test('typing Chinese with an input method searches only the composed text', async ({ page }) => {
  await page.goto('./');
  await expect(page.locator('.page-card')).toHaveCount(2);
  await box(page).focus();
  // What an input method does while the reader types h-u-z-h-u-j-i-n and picks 互助金.
  await box(page).evaluate(async (input: HTMLInputElement) => {
    const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
    input.dispatchEvent(new CompositionEvent('compositionstart', { bubbles: true, data: '' }));
    for (const partial of ['h', 'hu', 'hu zh', 'hu zhu', 'hu zhu j', 'hu zhu jin']) {
      input.value = partial;
      input.dispatchEvent(new CompositionEvent('compositionupdate', { bubbles: true, data: partial }));
      input.dispatchEvent(new InputEvent('input', { bubbles: true, isComposing: true, inputType: 'insertCompositionText', data: partial }));
      // Longer than the box's debounce: a search would have been sent by now.
      await pause(200);
    }
    input.value = '互助金';
    input.dispatchEvent(new InputEvent('input', { bubbles: true, isComposing: true, inputType: 'insertCompositionText', data: '互助金' }));
    input.dispatchEvent(new CompositionEvent('compositionend', { bubbles: true, data: '互助金' }));
  });
  await expect(page.locator('.hit mark').first()).toHaveText('互助金');
  await expect(page).toHaveURL(/#\/search\?q=%E4%BA%92%E5%8A%A9%E9%87%91/);
  const sent = await searches(page);
  expect(sent.some((q) => /[a-z]/.test(q)), `searches sent: ${JSON.stringify(sent)}`).toBe(false);
  expect(sent).toContain('互助金');
  const written = await addresses(page);
  expect(written.some((url) => /q=[^&]*[a-z]/.test(url)), `addresses: ${JSON.stringify(written)}`).toBe(false);
});

test('Enter while composing does not search; Enter after does', async ({ page }) => {
  await page.goto('./');
  await box(page).focus();
  await box(page).evaluate((input: HTMLInputElement) => {
    input.dispatchEvent(new CompositionEvent('compositionstart', { bubbles: true }));
    input.value = 'song';
    input.dispatchEvent(new KeyboardEvent('keydown', { bubbles: true, key: 'Enter', isComposing: true }));
  });
  await page.waitForTimeout(300);
  expect(await searches(page)).toEqual([]);
  expect((await addresses(page)).filter((url) => url.includes('q='))).toEqual([]);
  await box(page).evaluate((input: HTMLInputElement) => {
    input.value = '送温暖';
    input.dispatchEvent(new CompositionEvent('compositionend', { bubbles: true, data: '送温暖' }));
    input.dispatchEvent(new KeyboardEvent('keydown', { bubbles: true, key: 'Enter' }));
  });
  await expect(page.locator('.hit mark').first()).toHaveText('送温暖');
  expect((await searches(page)).every((q) => q === '送温暖')).toBe(true);
});

test('a Traditional query finds the simplified text and says so', async ({ page }) => {
  await page.goto('./');
  await box(page).fill('慰問');
  await expect(page.locator('.query-notice')).toHaveText('已按简体搜索：慰问');
  await expect(page.locator('.hit mark').first()).toHaveText('慰问');
  await expect(page.locator('.live')).toContainText(/\d+ 个段落/);
});

test('a pinyin query finds the Han text and says how it was read', async ({ page }) => {
  await page.goto('./');
  await box(page).fill('huzhujin');
  await expect(page.locator('.query-notice')).toHaveText(/^按拼音搜索：互助金/);
  await expect(page.locator('.hit mark').first()).toHaveText('互助金');
});

test('a deep link with a query and facets opens the same results, and survives a reload', async ({ page }) => {
  await page.goto('./#/search?q=' + encodeURIComponent('职工') + '&kind=headings');
  await expect(box(page)).toHaveValue('职工');
  await expect(page.locator('.facets').getByRole('combobox')).toHaveValue('headings');
  await expect(page.locator('.hit').first()).toBeVisible();
  const first = await page.locator('.hit').first().textContent();
  await page.reload();
  await expect(page.locator('.hit').first()).toHaveText(first ?? '');
  await expect(page.locator('.live')).toContainText(/\d+ 个段落，\d+ 篇文章/);
});

test('the kind facet keeps only headings; the date facets keep only that page', async ({ page }) => {
  await page.goto('./#/search?q=' + encodeURIComponent('职工'));
  const live = page.locator('.live');
  await expect(live).toContainText(/\d+ 个段落/);
  const all = Number((await live.textContent())!.match(/(\d+) 个段落/)![1]);

  await page.locator('.facets').getByRole('combobox').selectOption('headings');
  await expect(page).toHaveURL(/kind=headings/);
  await expect(live).not.toContainText(`${all} 个段落`);
  const hits = page.locator('.hit');
  await expect(hits.first()).toBeVisible();
  const headingHits = page.locator('.hit:has(.kind-title), .hit:has(.kind-subtitle), .hit:has(.kind-subhead)');
  expect(await headingHits.count()).toBe(await hits.count());

  await page.locator('.facets').getByRole('combobox').selectOption('');
  await page.locator('.facets').getByLabel('起', { exact: true }).fill('2026-01-01');
  await expect(page).toHaveURL(/from=2026-01-01/);
  await expect(page.locator('.result-meta').first()).toBeVisible();
  for (const meta of await page.locator('.result-meta').allTextContents()) expect(meta).toContain('2026');

  await page.locator('.facets').getByLabel('起', { exact: true }).fill('');
  await page.locator('.facets').getByLabel('止', { exact: true }).fill('2021-12-31');
  await expect(page).toHaveURL(/to=2021-12-31/);
  await expect(page.locator('.result-meta').first()).toContainText('2021');
  for (const meta of await page.locator('.result-meta').allTextContents()) expect(meta).toContain('2021');

  await page.getByRole('button', { name: '清除筛选' }).click();
  await expect(page).not.toHaveURL(/to=/);
  await expect(live).toContainText(`${all} 个段落`);
});

test('/ focuses the search box from anywhere but a text field', async ({ page }) => {
  await page.goto('./#/search?q=' + encodeURIComponent('工会'));
  await expect(page.locator('.hit').first()).toBeVisible();
  await page.locator('.result-title a').first().focus();
  await page.keyboard.press('/');
  await expect(box(page)).toBeFocused();
  await expect(box(page)).toHaveValue('工会'); // the slash was not typed into it
});

test('results and no results are announced in a polite live region', async ({ page }) => {
  await page.goto('./');
  const live = page.locator('[aria-live="polite"]');
  await expect(live).toHaveAttribute('aria-atomic', 'true');
  await box(page).fill('互助金');
  await expect(live).toHaveText(/^\s*\d+ 个段落，\d+ 篇文章\s*$/);
  await box(page).fill('没有这个词语组合');
  await expect(live).toContainText('没有找到“没有这个词语组合”');
});

test('a hostile query is shown as text, never run as markup', async ({ page }) => {
  const hostile = '<img src=x onerror=alert(1)>';
  let dialog = false;
  page.on('dialog', async (d) => {
    dialog = true;
    await d.dismiss();
  });
  await page.goto('./#/search?q=' + encodeURIComponent(hostile));
  await expect(page.locator('.live')).toContainText('没有找到');
  await expect(page.locator('.live')).toContainText(hostile);
  await expect(box(page)).toHaveValue(hostile);
  expect(await page.locator('main img').count()).toBe(0);
  // Typed, too, not only linked.
  await box(page).fill(`"${hostile}"`);
  await expect(page.locator('.live')).toContainText(hostile);
  expect(await page.locator('main img').count()).toBe(0);
  expect(dialog).toBe(false);
});

test.describe('where queries run', () => {
  // page.route() must see the manifest, not the service worker's cache.
  test.use({ serviceWorkers: 'block' });

  const workers = (page: Page) => {
    const started: string[] = [];
    page.on('worker', (w) => started.push(w.url()));
    return started;
  };

  test('a small corpus is searched in the page: no worker is started, and its manifest and meta come with the page', async ({ page }) => {
    const started = workers(page);
    const fetched: string[] = [];
    page.on('request', (r) => fetched.push(new URL(r.url()).pathname.split('/').pop() ?? ''));
    await page.goto('./#/search?q=' + encodeURIComponent('慰问'));
    await expect(page.locator('.hit mark').first()).toHaveText('慰问');
    expect(started).toEqual([]);
    expect(fetched.filter((f) => /^(manifest|search-meta)[.-]/.test(f))).toEqual([]);
    // The index chunk and shard the query needed were fetched (the request log works).
    expect(fetched.some((f) => /^search-\d+\./.test(f))).toBe(true);
  });

  // Each query on a fresh page, read once the answer is announced.
  async function answers(page: Page): Promise<string[]> {
    const out: string[] = [];
    for (const q of ['慰问', '慰問', 'huzhujin']) {
      await page.goto('./#/search?q=' + encodeURIComponent(q));
      await page.reload();
      await expect(page.locator('.live')).toContainText('个段落');
      out.push(await page.locator('.live').innerText(), await page.locator('.hit').first().innerText());
    }
    return out;
  }

  test('a big archive is searched in a worker, with the same answers', async ({ page }) => {
    const inPage = await answers(page);
    // The same bundle, but its manifest says the index and shards weigh 100 MB.
    await withoutEmbeddedData(page);
    await page.route('**/data/manifest.json', async (r) => {
      const m = await (await r.fetch()).json();
      m.files.search.chunks.bytes = 50e6;
      m.files.shards.bytes = 50e6;
      await r.fulfill({ status: 200, contentType: 'application/json', body: JSON.stringify(m) });
    });
    const started = workers(page);
    const inWorker = await answers(page);
    expect(started.filter((url) => /search\.worker/.test(url)), `workers: ${JSON.stringify(started)}`).toHaveLength(3);
    expect(inWorker).toEqual(inPage);
  });
});
