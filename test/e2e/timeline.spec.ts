import type { Page } from '@playwright/test';
import { expect, test } from './fixtures.ts';

/*
 * The timeline over the seed pages: zoom (wheel, keys, buttons), the brush
 * (pointer and keyboard), keyboard navigation, deep links, the sentence on
 * hover/focus, opening an event's article, and the search filter. The marks
 * are on a canvas, so tests find an event's position through the SVG ring
 * the view draws around the selected event.
 */

const chart = (page: Page) => page.getByRole('application');
const rangeText = (page: Page) => page.locator('.tl-toolbar .range');
const eventCount = async (page: Page) => Number((await rangeText(page).textContent())!.match(/^(\d+)/)![1]);
const drawn = (page: Page) => page.locator('.tl-frame canvas').getAttribute('data-drawn').then(Number);
const param = (page: Page, name: string) => new URL(page.url().replace('#/', '')).searchParams.get(name) ?? '';

async function open(page: Page, hash = '#/timeline') {
  await page.goto('./' + hash);
  await expect(chart(page)).toBeVisible();
  await expect.poll(() => drawn(page)).toBeGreaterThan(0);
}

/** Select the first event with the keyboard and return the centre of its ring. */
async function firstEventPosition(page: Page) {
  await chart(page).focus();
  await page.keyboard.press('Home');
  const ring = page.locator('.focus-mark.selected');
  await expect(ring).toHaveCount(1);
  // Home glides the view to the event: wait until the ring stops moving.
  let box = (await ring.boundingBox())!;
  await expect
    .poll(async () => {
      const last = box;
      await page.waitForTimeout(100);
      box = (await ring.boundingBox())!;
      return Math.abs(box.x - last.x) + Math.abs(box.y - last.y);
    })
    .toBe(0);
  const frame = (await chart(page).boundingBox())!;
  return { x: box.x + box.width / 2, y: box.y + box.height / 2, id: param(page, 'event'), chartX: frame.x, chartY: frame.y };
}

test.describe('timeline', () => {
  test('draws every event with lanes, a legend, an axis and an ordered list', async ({ page }) => {
    await open(page);
    const total = await eventCount(page);
    expect(total).toBeGreaterThan(10);
    expect(await drawn(page)).toBeGreaterThan(3);
    await expect(page.locator('.legend li')).toHaveCount(6);
    await expect(page.locator('.lane-label').first()).toContainText('·');
    await expect(page.locator('.tl-frame .axis text').first()).toHaveText(/^\d{4}年$/);
    await expect(page.getByRole('heading', { name: `${total} 个事件` })).toBeVisible();
    // The list is paged, never the whole corpus at once.
    expect(await page.locator('.event-list li').count()).toBe(Math.min(total, 50));

    // Lanes can follow articles or kinds instead of pages, and the choice is in the link.
    await page.getByLabel('分行').selectOption('kind');
    await expect(page).toHaveURL(/lanes=kind/);
    await expect(page.locator('.lane-label').first()).toContainText('事件日期');
  });

  test('axis labels read naturally in Chinese and English', async ({ page }) => {
    await open(page, '#/timeline?from=2025-01-01&to=2026-12-31');
    await expect(page.locator('.tl-frame .axis text').filter({ hasText: /^2026年1月$/ })).toHaveCount(1);
    // Zoomed to days, the first tick says the full date and the next ones the day.
    await open(page, '#/timeline?from=2026-01-20&to=2026-01-28');
    await expect(page.locator('.tl-frame .axis text').first()).toHaveText(/^2026年1月\d+日$/);
    await expect(page.locator('.tl-frame .axis text').nth(1)).toHaveText(/^\d+日$/);
    // The language is read when the app starts: reload.
    await page.goto('./#/timeline?from=2025-01-01&to=2026-12-31&lang=en');
    await page.reload();
    await expect(page.locator('.tl-frame .axis text').filter({ hasText: /^Jan 2026$/ })).toHaveCount(1);
  });

  test('wheel and +/− zoom, and the range goes into the link', async ({ page }) => {
    await open(page);
    const total = await eventCount(page);
    const before = await rangeText(page).textContent();
    const box = (await chart(page).boundingBox())!;
    await page.mouse.move(box.x + box.width * 0.9, box.y + box.height / 2);
    for (let i = 0; i < 4; i++) await page.mouse.wheel(0, -300);
    await expect(page).toHaveURL(/from=\d{4}-\d\d-\d\d&to=\d{4}-\d\d-\d\d/);
    await expect(rangeText(page)).not.toHaveText(before!);

    // Keys zoom around the centre: + narrows the range, − widens it again.
    await page.getByRole('button', { name: '显示全部' }).click();
    await expect(page).not.toHaveURL(/from=/);
    await chart(page).focus();
    await page.keyboard.press('+');
    await expect(page).toHaveURL(/from=/);
    await expect.poll(() => eventCount(page)).toBeLessThanOrEqual(total);
    const zoomedIn = param(page, 'from');
    await page.keyboard.press('+');
    await expect.poll(() => param(page, 'from')).not.toBe(zoomedIn);
    await page.keyboard.press('-');
    await page.keyboard.press('-');
    await expect(page).not.toHaveURL(/from=/);
    await page.getByRole('button', { name: '放大' }).click();
    await expect(page).toHaveURL(/from=/);
  });

  test('brushing the overview with the mouse zooms to the range; the link reopens it after reload', async ({ page }) => {
    await open(page);
    const total = await eventCount(page);
    // Mid-screen: the app's "ready offline" notice sits at the bottom of a phone screen.
    await page.locator('.overview').evaluate((el) => el.scrollIntoView({ block: 'center' }));
    const strip = (await page.locator('.overview .strip').boundingBox())!;
    await page.mouse.move(strip.x + strip.width * 0.6, strip.y + strip.height / 2);
    await page.mouse.down();
    await page.mouse.move(strip.x + strip.width * 0.75, strip.y + strip.height / 2, { steps: 5 });
    await page.mouse.move(strip.x + strip.width * 0.95, strip.y + strip.height / 2, { steps: 5 });
    await page.mouse.up();
    await expect(page).toHaveURL(/from=\d{4}-\d\d-\d\d/);
    await expect(page.locator('.overview .brush .selection')).toBeVisible();
    await expect.poll(() => eventCount(page)).toBeLessThan(total);

    const url = page.url();
    const shown = await rangeText(page).textContent();
    const listed = await page.locator('#timeline-list-heading').textContent();
    await page.reload();
    await expect.poll(() => drawn(page)).toBeGreaterThan(0);
    await expect(rangeText(page)).toHaveText(shown!);
    await expect(page.locator('#timeline-list-heading')).toHaveText(listed!);
    expect(page.url()).toBe(url);
  });

  test('a copied range link opens that range', async ({ page }) => {
    await open(page, '#/timeline?from=2021-01-01&to=2021-02-28');
    await expect(rangeText(page)).toContainText('2021年1月1日 – 2021年2月28日');
    const inRange = await eventCount(page);
    await page.reload();
    await expect(rangeText(page)).toContainText('2021年1月1日 – 2021年2月28日');
    expect(await eventCount(page)).toBe(inRange);
    await expect(page).toHaveURL(/from=2021-01-01&to=2021-02-28/);
    // Every listed event touches the range.
    for (const t of await page.locator('.event-list time').allTextContents()) expect(t).toMatch(/202[01]年/);
  });

  test('the brush works from the keyboard: its ends are sliders', async ({ page }) => {
    await open(page);
    const start = page.getByRole('slider', { name: '范围起点' });
    const end = page.getByRole('slider', { name: '范围终点' });
    await start.focus();
    const v0 = Number(await start.getAttribute('aria-valuenow'));
    await page.keyboard.press('Shift+ArrowRight');
    await expect(page).toHaveURL(/from=/);
    const v1 = Number(await start.getAttribute('aria-valuenow'));
    expect(v1).toBeGreaterThan(v0);
    await expect(start).toHaveAttribute('aria-valuetext', /^\d{4}年\d+月\d+日$/);
    const from = param(page, 'from');
    await page.keyboard.press('ArrowRight');
    await expect.poll(() => param(page, 'from')).not.toBe(from);

    await end.focus();
    const to = param(page, 'to');
    await page.keyboard.press('PageDown');
    await expect.poll(() => param(page, 'to')).not.toBe(to);
    // Home on the start and End on the end give back everything.
    await start.focus();
    await page.keyboard.press('Home');
    await end.focus();
    await page.keyboard.press('End');
    await expect(page).not.toHaveURL(/from=/);
  });

  test('keyboard: arrows move between events, the sentence shows, Enter opens the article', async ({ page }) => {
    await open(page);
    await chart(page).focus();
    await page.keyboard.press('Home');
    await expect(page).toHaveURL(/event=/);
    const first = param(page, 'event');
    await expect(page.locator('.event-detail blockquote mark')).toBeVisible();
    await page.keyboard.press('ArrowRight');
    await expect.poll(() => param(page, 'event')).not.toBe(first);
    await page.keyboard.press('ArrowLeft');
    await expect.poll(() => param(page, 'event')).toBe(first);
    await page.keyboard.press('End');
    const last = param(page, 'event');
    expect(last).not.toBe(first);
    // Down moves to another lane.
    await page.keyboard.press('Home');
    await page.keyboard.press('ArrowDown');
    await expect.poll(() => param(page, 'event')).not.toBe(first);
    // The selected event is marked in the list too.
    await expect(page.locator('.event-list li.selected')).toHaveCount(1);
    const expression = await page.locator('.event-detail blockquote mark').first().textContent();
    await page.keyboard.press('Enter');
    await expect(page).toHaveURL(/#\/article\/.+hl=/);
    await expect(page.locator('.reader-body .focused mark').first()).toHaveText(expression!);
    // Back returns to the timeline with the event still selected.
    await page.goBack();
    await expect(page).toHaveURL(/#\/timeline/);
    await expect(page.locator('.focus-mark.selected')).toHaveCount(1);
  });

  test('hovering or focusing an event shows its sentence, outside the chart', async ({ page }) => {
    await open(page);
    const at = await firstEventPosition(page);
    await page.keyboard.press('Escape');
    await expect(page).not.toHaveURL(/event=/);
    await expect(page.locator('.event-detail .hint')).toBeVisible();

    // From outside the chart, in steps: a move to where the pointer already is
    // fires no pointermove. And where the mark is now, relative to the chart:
    // clearing the selection may scroll the page on a phone.
    await page.mouse.move(0, 0);
    const now = (await chart(page).boundingBox())!;
    await page.mouse.move(at.x + now.x - at.chartX, at.y + now.y - at.chartY, { steps: 4 });
    await expect(page.locator('.event-detail blockquote')).toBeVisible();
    await expect(page.locator('.event-detail blockquote mark')).toBeVisible();
    await expect(page.locator('.focus-mark')).toHaveCount(1);
    // The sentence box sits below the chart: it never covers a mark.
    const frame = (await page.locator('.tl-frame').boundingBox())!;
    const detail = (await page.locator('.event-detail').boundingBox())!;
    expect(detail.y).toBeGreaterThanOrEqual(frame.y + frame.height);
    await page.mouse.move(frame.x + 2, frame.y + frame.height + 200);
    await expect(page.locator('.event-detail .hint')).toBeVisible();

    // Focusing an item of the list shows its sentence too (the pointer out
    // of the way: scrolling under it would hover another item).
    await page.mouse.move(0, 0);
    const item = page.locator('.event-list li a').nth(2);
    await item.focus();
    await expect(page.locator('.event-detail blockquote')).toHaveText((await item.locator('.sentence').textContent())!.trim());
  });

  test('clicking an event opens its article at the paragraph, the expression highlighted', async ({ page }) => {
    await open(page);
    const at = await firstEventPosition(page);
    const expression = await page.locator('.event-detail blockquote mark').first().textContent();
    await page.keyboard.press('Escape');
    // Where the mark is now: clearing the selection may scroll the page.
    const now = (await chart(page).boundingBox())!;
    await page.mouse.click(at.x + now.x - at.chartX, at.y + now.y - at.chartY);
    await expect(page).toHaveURL(/#\/article\/[^?]+\?p=[^&]+&hl=/);
    expect(decodeURIComponent(page.url())).toContain(`hl=${expression}`);
    await expect(page.locator('.reader-body .focused mark').first()).toHaveText(expression!);
  });

  test('a search shows only events from matching paragraphs', async ({ page }) => {
    await open(page);
    const total = await eventCount(page);

    await page.getByLabel('只看匹配段落中的事件').fill('送温暖');
    await page.getByLabel('只看匹配段落中的事件').press('Enter');
    await expect(page).toHaveURL(/q=%E9%80%81%E6%B8%A9%E6%9A%96/);
    await expect(page.locator('.status')).toContainText('“送温暖”');
    await expect.poll(() => eventCount(page)).toBeLessThan(total);
    const filtered = await eventCount(page);
    expect(filtered).toBeGreaterThan(0);
    await expect(page.locator('.status')).toContainText(`${filtered} 个事件`);

    // The filter survives a reload (it is in the link) …
    await page.reload();
    await expect.poll(() => eventCount(page)).toBe(filtered);
    // … and is cleared again.
    await page.getByRole('button', { name: '清除' }).click();
    await expect(page).not.toHaveURL(/q=/);
    await expect.poll(() => eventCount(page)).toBe(total);

    // A query nothing matches leaves no events, and says so.
    await page.goto('./#/timeline?q=' + encodeURIComponent('没有这个词语'));
    await expect(page.getByText('这个范围内没有事件。')).toBeVisible();
  });

  test('the search view links to its results on the timeline', async ({ page }) => {
    await page.goto('./#/search?q=' + encodeURIComponent('互助金'));
    await page.getByRole('link', { name: /在时间线上查看/ }).click();
    await expect(page).toHaveURL(/#\/timeline\?q=%E4%BA%92%E5%8A%A9%E9%87%91/);
    await expect.poll(() => drawn(page)).toBeGreaterThan(0);
    await expect(page.locator('.status')).toContainText('“互助金”');
  });
});
