/**
 * Issue 8, accessibility and language: axe on every view in both languages at
 * phone (390 px, the "phone" project) and desktop (1280 px) widths; keyboard
 * focus; reduced motion and dark mode; text at 200 %; the language switch.
 */
import AxeBuilder from '@axe-core/playwright';
import type { Page, TestInfo } from '@playwright/test';
import { expect, test } from './fixtures.ts';

const ARTICLE = '000_9544aa7ef02d880a-a5';
const VIEWS: [string, string][] = [
  ['search', '#/search'],
  ['search with a query', '#/search?q=' + encodeURIComponent('互助金')],
  ['article', `#/article/${ARTICLE}?p=${ARTICLE}-p6&hl=${encodeURIComponent('互助金')}`],
  ['page as printed', `#/article/${ARTICLE}?view=page`],
  ['timeline', '#/timeline'],
  ['charts', '#/charts'],
];

// Phone width is 390 px as the issue asks (the project's Pixel 7 is 412).
test.beforeEach(async ({ page }, info: TestInfo) => {
  if (info.project.name === 'phone') await page.setViewportSize({ width: 390, height: 844 });
  else await page.setViewportSize({ width: 1280, height: 900 });
});

async function open(page: Page, hash: string, lang: 'zh' | 'en') {
  const url = lang === 'en' ? hash + (hash.includes('?') ? '&' : '?') + 'lang=en' : hash;
  await page.goto('./' + url);
  await expect(page.locator('#main .loading')).toHaveCount(0);
  await expect(page.locator('#main')).not.toBeEmpty();
  await page.waitForTimeout(300); // let charts and the timeline finish drawing
}

async function seriousViolations(page: Page): Promise<string[]> {
  const { violations } = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice']).analyze();
  return violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.impact} ${v.id}: ${v.help} — ${v.nodes.slice(0, 3).map((n) => n.target.join(' ')).join(' | ')}`);
}

for (const lang of ['zh', 'en'] as const) {
  for (const [name, hash] of VIEWS) {
    test(`axe: ${name} (${lang}) has no serious or critical violations`, async ({ page }) => {
      await open(page, hash, lang);
      await expect(page.locator('html')).toHaveAttribute('lang', lang === 'zh' ? 'zh-CN' : 'en');
      expect(await seriousViolations(page)).toEqual([]);
    });
  }
}

test('axe in dark mode with reduced motion: search and charts', async ({ page }) => {
  await page.emulateMedia({ colorScheme: 'dark', reducedMotion: 'reduce' });
  for (const hash of ['#/search?q=' + encodeURIComponent('互助金'), '#/charts', '#/timeline']) {
    await open(page, hash, 'zh');
    expect(await seriousViolations(page), hash).toEqual([]);
  }
});

test('prefers-color-scheme and prefers-reduced-motion are honoured', async ({ page }) => {
  const background = () => page.evaluate(() => getComputedStyle(document.body).backgroundColor);
  const luminance = (rgb: string) => {
    const [r, g, b] = rgb.match(/\d+/g)!.map(Number);
    return 0.2126 * r + 0.7152 * g + 0.0722 * b;
  };
  await page.emulateMedia({ colorScheme: 'light' });
  await open(page, '#/search', 'zh');
  expect(luminance(await background())).toBeGreaterThan(180);
  await page.emulateMedia({ colorScheme: 'dark' });
  expect(luminance(await background())).toBeLessThan(80);

  // Reduced motion: no transition or animation runs anywhere, and scrolling jumps.
  await page.emulateMedia({ reducedMotion: 'reduce' });
  await open(page, `#/article/${ARTICLE}?p=${ARTICLE}-p6`, 'zh');
  const moving = await page.evaluate(() =>
    [...document.querySelectorAll('*')]
      .map((el) => getComputedStyle(el))
      .filter((s) => parseFloat(s.transitionDuration) > 0 || (s.animationName !== 'none' && parseFloat(s.animationDuration) > 0)).length,
  );
  expect(moving).toBe(0);
  expect(await page.evaluate(() => getComputedStyle(document.documentElement).scrollBehavior)).toBe('auto');
});

test.describe('keyboard', () => {
  test('the skip link, navigation and language switch work from the keyboard with a visible focus', async ({ page }) => {
    await open(page, '#/search', 'zh');
    await page.keyboard.press('Tab');
    const skip = page.getByRole('button', { name: '跳到正文' });
    await expect(skip).toBeFocused();
    await expect(skip).toBeInViewport();
    await page.keyboard.press('Enter');
    await expect(page.locator('#main')).toBeFocused();

    // Every control in the masthead takes focus with a visible outline.
    await page.reload();
    await expect(page.locator('#main .loading')).toHaveCount(0);
    await page.keyboard.press('Tab'); // skip link
    const seen: string[] = [];
    for (let i = 0; i < 5; i++) {
      await page.keyboard.press('Tab');
      const focus = await page.evaluate(() => {
        const el = document.activeElement as HTMLElement;
        const s = getComputedStyle(el);
        const visible = (s.outlineStyle !== 'none' && parseFloat(s.outlineWidth) >= 2) || s.boxShadow !== 'none';
        return { text: el.textContent?.trim() ?? '', tag: el.tagName, visible };
      });
      expect(focus.visible, `${focus.tag} ${focus.text}`).toBe(true);
      seen.push(focus.text);
    }
    expect(seen).toEqual(expect.arrayContaining(['搜索', '时间线', '数据图表', 'English']));

    // Navigation by keyboard alone.
    await page.getByRole('link', { name: '时间线' }).focus();
    await page.keyboard.press('Enter');
    await expect(page).toHaveURL(/#\/timeline/);
    await page.getByRole('button', { name: 'Switch to English' }).focus();
    await page.keyboard.press('Enter');
    await expect(page).toHaveURL(/lang=en/);
    await expect(page.getByRole('link', { name: 'Timeline' })).toBeVisible();
  });

  test('search, open a hit and switch to the page as printed with the keyboard only', async ({ page }) => {
    await open(page, '#/search', 'zh');
    await page.keyboard.press('/');
    await expect(page.getByRole('searchbox')).toBeFocused();
    await page.keyboard.type('互助金');
    // The first character searches at once; wait for the answer to the whole word before moving focus.
    await expect(page.locator('.hit mark').first()).toHaveText('互助金');
    // The search box keeps a visible focus ring too (a box-shadow, not an outline).
    expect(await page.getByRole('searchbox').evaluate((el) => getComputedStyle(el).boxShadow)).not.toBe('none');
    const firstLink = page.locator('a.hit').first();
    await firstLink.focus();
    await page.keyboard.press('Enter');
    await expect(page).toHaveURL(/#\/article\//);
    const printed = page.getByRole('link', { name: '版面原貌' });
    await printed.focus();
    await page.keyboard.press('Enter');
    await expect(page).toHaveURL(/view=page/);
  });
});

test('text at 200 % loses nothing at 1280 px: no horizontal overflow, no clipped text', async ({ page }, info) => {
  test.skip(info.project.name === 'phone', 'the 200 % check is specified at desktop width');
  for (const [name, hash] of VIEWS) {
    await open(page, hash, 'zh');
    await page.evaluate(() => (document.documentElement.style.fontSize = '200%'));
    await page.waitForTimeout(300);
    const problems = await page.evaluate(() => {
      const out: string[] = [];
      const doc = document.scrollingElement!;
      if (doc.scrollWidth > doc.clientWidth + 1) out.push(`page scrolls sideways: ${doc.scrollWidth} > ${doc.clientWidth}`);
      for (const el of document.querySelectorAll<HTMLElement>('body *')) {
        const s = getComputedStyle(el);
        if (s.display === 'none' || s.visibility === 'hidden' || el.closest('svg, .visually-hidden, .skip')) continue;
        const clips = /hidden|clip/.test(s.overflowX) || /hidden|clip/.test(s.overflowY);
        if (!clips || !el.textContent?.trim()) continue;
        if (el.scrollWidth > el.clientWidth + 2 || el.scrollHeight > el.clientHeight + 2) {
          out.push(`${el.tagName}.${el.className}: ${el.scrollWidth}×${el.scrollHeight} in ${el.clientWidth}×${el.clientHeight}`);
        }
      }
      return out;
    });
    expect(problems, name).toEqual([]);
  }
});

test.describe('language', () => {
  test('Chinese by default; the switch is remembered, in the link, and survives a reload', async ({ page }) => {
    await open(page, `#/article/${ARTICLE}`, 'zh');
    await expect(page.locator('html')).toHaveAttribute('lang', 'zh-CN');
    await expect(page.locator('.reader-meta')).toContainText(/出版日期: 2026年1月26日/);
    await expect(page.locator('.reader-side')).toContainText(/\d+(\.\d+)?万/);

    await page.getByRole('button', { name: 'Switch to English' }).click();
    await expect(page).toHaveURL(/[?&]lang=en/);
    await expect(page.locator('html')).toHaveAttribute('lang', 'en');
    await expect(page.locator('.reader-meta')).toContainText('Published: 26 Jan 2026');
    await expect(page.locator('.reader-side')).toContainText(/\d+(\.\d+)? (million|yuan|people|person-times)/);
    await expect(page.locator('.reader-side')).not.toContainText(/\d万/);

    await page.reload();
    await expect(page.getByRole('link', { name: 'Search' })).toBeVisible();
    // Remembered without the link too.
    await page.goto('./#/timeline');
    await expect(page.getByRole('link', { name: 'Timeline' })).toBeVisible();
    await expect(page.locator('html')).toHaveAttribute('lang', 'en');

    await page.getByRole('button', { name: '切换到中文' }).click();
    await expect(page).not.toHaveURL(/lang=en/);
    await expect(page.getByRole('link', { name: '时间线' })).toBeVisible();
    await page.reload();
    await expect(page.getByRole('link', { name: '时间线' })).toBeVisible();
  });

  test('an English link opened in a running Chinese tab switches the interface', async ({ page }) => {
    await open(page, '#/search', 'zh');
    await page.evaluate(() => (location.hash = '#/charts?lang=en'));
    await expect(page.getByRole('link', { name: 'Figures' })).toBeVisible();
  });

  test('no Chinese interface text is left in the English shell and reader', async ({ page }) => {
    await open(page, `#/article/${ARTICLE}`, 'en');
    const shell = await page.locator('header.masthead a, .reader-nav, .reader-meta, .reader-side h2').allInnerTexts();
    // No Han characters there but the brand mark 民 (aria-hidden art); the
    // language button, which names the other language, is left out.
    expect(shell.join(' ').replace(/民/g, '')).not.toMatch(/\p{Script=Han}/u);
  });
});
