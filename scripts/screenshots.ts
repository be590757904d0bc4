/**
 * Screenshots of every view at phone and desktop width, for looking at what we
 * build (and the README's picture). Needs a built app served by `vite preview`:
 *   npx vite preview --port 4173 &  npx tsx scripts/screenshots.ts [outDir] [baseUrl]
 */
import { mkdir } from 'node:fs/promises';
import { chromium } from '@playwright/test';
import { launchOptions } from '../test/e2e/browser.ts';

const out = process.argv[2] ?? 'screenshots';
const base = process.argv[3] ?? 'http://127.0.0.1:4173/';
const VIEWS: [string, string][] = [
  ['overview', '#/search'],
  ['search', '#/search?q=' + encodeURIComponent('互助金')],
  ['search-pinyin', '#/search?q=songwennuan'],
  ['article', '#/article/000_9544aa7ef02d880a-a5?p=000_9544aa7ef02d880a-a5-p6&hl=' + encodeURIComponent('互助金')],
  ['printed', '#/article/003_4e107e2df6e33d71-a1?view=page'],
  ['timeline', '#/timeline'],
  ['charts', '#/charts'],
  ['search-en', '#/search?q=' + encodeURIComponent('慰問') + '&lang=en'],
];
const WIDTHS: [string, number, number][] = [
  ['desktop', 1280, 900],
  ['phone', 390, 844],
];

await mkdir(out, { recursive: true });
const browser = await chromium.launch(launchOptions());
for (const [device, width, height] of WIDTHS) {
  const page = await browser.newPage({ viewport: { width, height }, deviceScaleFactor: 1 });
  for (const [name, hash] of VIEWS) {
    await page.goto(base + hash);
    await page.waitForLoadState('networkidle');
    await page.waitForTimeout(400);
    await page.screenshot({ path: `${out}/${name}-${device}.png`, fullPage: name !== 'article' });
  }
  await page.close();
}
await browser.close();
console.log(`screenshots in ${out}/`);
