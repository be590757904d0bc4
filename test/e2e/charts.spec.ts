import { readFile } from 'node:fs/promises';
import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { expect, test } from './fixtures.ts';

/*
 * The three charts against the seeds. Marks are found by their accessible
 * names (region and value), not by figure ids, so re-numbered figures do not
 * break the tests.
 */

const marks = (page: Page) => page.locator('svg.chart .plot-marks .mark');
const rows = (page: Page) => page.locator('.chart-table tbody tr');
const tab = (page: Page, name: string) => page.getByRole('navigation', { name: '图表类型' }).getByRole('link', { name });

async function expectSentenceOpened(page: Page, text: string | RegExp) {
  await expect(page).toHaveURL(/#\/article\/[^?]+\?p=/);
  await expect(page.locator('.reader-body .focused mark').first()).toHaveText(text);
}

test.describe('charts', () => {
  test('regions: one bar per region, sorted, qualifiers marked, and a bar opens its sentence', async ({ page }) => {
    await page.goto('./#/charts?metric=' + encodeURIComponent('参保人次') + '&unit=' + encodeURIComponent('人次'));
    await expect(tab(page, '地区比较')).toHaveAttribute('aria-current', 'page');
    await expect(marks(page)).toHaveCount(3);
    // Hubei reported twice: the latest (31 Dec 2025) is charted, the subtitle and label say so.
    const labels = await marks(page).evaluateAll((els) => els.map((e) => e.getAttribute('aria-label') ?? ''));
    expect(labels[0]).toMatch(/^湖北：185\.7万人次，2025年12月31日，2 个中最新$/);
    expect(labels[1]).toMatch(/^恩施州：>33万人次/);
    expect(labels[2]).toMatch(/^荆门市：>16万人次/);
    await expect(page.locator('svg.chart .bar.approx')).toHaveCount(2);
    await expect(page.locator('svg.chart .value').nth(1)).toHaveText('>33万');
    await expect(page.locator('svg.chart .sub').first()).toContainText(/2 个中最新$/);
    await expect(rows(page)).toHaveCount(3);

    // Keyboard: focus the first bar (it gets a visible ring and selects itself), Enter opens the sentence.
    await marks(page).first().focus();
    await expect(page).toHaveURL(/sel=/);
    await expect(marks(page).first().locator('.ring')).toBeVisible();
    await expect(page.locator('aside.selected mark')).toHaveText('185.7万人次');
    await page.keyboard.press('Enter');
    await expectSentenceOpened(page, '185.7万人次');

    // Back returns to the chart with that bar still selected.
    await page.goBack();
    await expect(marks(page).first()).toHaveClass(/selected/);
    await expect(page.locator('.chart-table tbody tr.selected th')).toHaveText('湖北');
  });

  test('regions: "every figure" shows each figure with its date; plain digits and English switch the numbers', async ({ page }) => {
    await page.goto('./#/charts?metric=' + encodeURIComponent('参保人次') + '&unit=' + encodeURIComponent('人次'));
    await page.getByLabel('显示').selectOption('all');
    await expect(marks(page)).toHaveCount(4);
    await expect(page).toHaveURL(/mode=all/);
    await page.goBack();
    await expect(marks(page)).toHaveCount(3);

    await page.getByLabel('完整数字').check();
    await expect(page).toHaveURL(/plain=1/);
    await expect(page.locator('svg.chart .value').first()).toHaveText('1,857,000');
    await page.getByRole('button', { name: 'Switch to English' }).click();
    await expect(page.locator('svg.chart .value').first()).toHaveText('1,857,000');
    await page.getByLabel('Plain digits').uncheck();
    await expect(page.locator('svg.chart .value').first()).toHaveText('1.857 million');
    await expect(page.locator('svg.chart .axis-title')).toHaveText('参保人次 (person-times)');
  });

  test('cases: cost against payout per patient, each dot opens its sentence', async ({ page }) => {
    await page.goto('./#/charts');
    await tab(page, '个案：费用与互助金').click();
    await expect(page).toHaveURL(/chart=cases/);
    const n = await rows(page).count();
    expect(n).toBeGreaterThanOrEqual(4);
    await expect(marks(page)).toHaveCount(n * 2);
    // 江陵县: 42.98万 cost, 11.94万 payout, 28% covered.
    const jiangling = rows(page).filter({ hasText: '江陵县' });
    await expect(jiangling).toContainText('42.98万元');
    await expect(jiangling).toContainText('11.94万元');
    await expect(jiangling).toContainText('28%');
    await expect(page.locator('svg.chart .share').first()).toHaveText('28%');

    const payout = page.getByRole('link', { name: /^江陵县 刘某，个案互助金：11\.94万元/ });
    await payout.click();
    await expectSentenceOpened(page, '11.94万元');
    await page.goBack();
    await expect(page).toHaveURL(/chart=cases.*sel=/);
    await expect(page.locator('aside.selected mark')).toHaveText('11.94万元');
  });

  test('over time: figures placed by date, one series per region, a dot opens its sentence', async ({ page }) => {
    await page.goto('./#/charts');
    await tab(page, '随时间变化').click();
    await page.getByLabel('指标').selectOption('参保人次|人次');
    await expect(marks(page)).toHaveCount(4);
    await expect(page.locator('svg.chart .trend')).toHaveCount(1); // Hubei: January → December 2025
    await expect(page.locator('svg.chart .period')).toHaveCount(3); // a month and two years
    await expect(rows(page).first().locator('th')).toHaveText('2025年1月');

    await page.getByRole('combobox', { name: /^地区/ }).selectOption('荆门市');
    await expect(marks(page)).toHaveCount(1);
    await marks(page).first().click();
    await expectSentenceOpened(page, '16万余人次');
  });

  test('the table sorts by click and by Enter, with aria-sort', async ({ page }) => {
    await page.goto('./#/charts?metric=' + encodeURIComponent('参保人次') + '&unit=' + encodeURIComponent('人次'));
    const value = page.getByRole('columnheader', { name: '数值' });
    const region = page.getByRole('columnheader', { name: '地区' });
    await expect(value).toHaveAttribute('aria-sort', 'descending');
    const regions = () => rows(page).locator('th').allTextContents();
    expect(await regions()).toEqual(['湖北', '恩施州', '荆门市']);

    await value.getByRole('button').click();
    await expect(value).toHaveAttribute('aria-sort', 'ascending');
    expect(await regions()).toEqual(['荆门市', '恩施州', '湖北']);

    await region.getByRole('button').focus();
    await page.keyboard.press('Enter');
    await expect(region).toHaveAttribute('aria-sort', 'ascending');
    await expect(value).not.toHaveAttribute('aria-sort', /.+/);
    expect(await regions()).toEqual(['恩施州', '湖北', '荆门市']); // pinyin: En, Hu, Jing
    await expect(page).toHaveURL(/sort=region&dir=asc/);
    // The chart keeps its own order: largest first.
    await expect(marks(page).first()).toHaveAttribute('aria-label', /^湖北/);
  });

  test('a deep link restores the chart exactly after a reload; back and forward move between charts', async ({ page }) => {
    await page.goto('./#/charts?chart=time&metric=' + encodeURIComponent('参保人次') + '&unit=' + encodeURIComponent('人次'));
    await page.getByRole('combobox', { name: /^地区/ }).selectOption('湖北');
    await page.getByRole('columnheader', { name: '数值' }).getByRole('button').click();
    await marks(page).last().focus();
    await expect(page).toHaveURL(/sel=/);
    const url = page.url();

    await page.reload();
    expect(page.url()).toBe(url);
    await expect(tab(page, '随时间变化')).toHaveAttribute('aria-current', 'page');
    await expect(page.getByLabel('指标')).toHaveValue('参保人次|人次');
    await expect(page.getByRole('combobox', { name: /^地区/ })).toHaveValue('湖北');
    await expect(marks(page)).toHaveCount(2);
    await expect(page.getByRole('columnheader', { name: '数值' })).toHaveAttribute('aria-sort', 'descending');
    await expect(page.locator('svg.chart .mark.selected')).toHaveCount(1);
    await expect(page.locator('aside.selected')).toBeVisible();
    // The restored selection has keyboard focus again.
    await expect(page.locator('svg.chart .mark.selected')).toBeFocused();

    // Back undoes the region filter, forward redoes it.
    await page.goBack();
    await expect(marks(page)).toHaveCount(4);
    await page.goForward();
    await expect(marks(page)).toHaveCount(2);
  });

  test('nothing to show is said, for a region without figures and for an unknown metric', async ({ page }) => {
    await page.goto('./#/charts?metric=' + encodeURIComponent('参保人次') + '&unit=' + encodeURIComponent('人次') + '&region=' + encodeURIComponent('北京市'));
    await expect(page.locator('.chart-box .empty')).toContainText('在北京市没有数据');
    await expect(page.locator('svg.chart')).toHaveCount(0);
    await expect(page.locator('.chart-table')).toHaveCount(0);
    await expect(page.getByRole('button', { name: '导出 CSV' })).toBeDisabled();

    await page.goto('./#/charts?chart=time&metric=' + encodeURIComponent('不存在的指标'));
    await expect(page.locator('.chart-box .empty')).toContainText('没有指标“不存在的指标”');
    await page.goto('./#/charts?chart=cases&region=' + encodeURIComponent('北京市'));
    await expect(page.locator('.chart-box .empty')).toContainText('没有相互关联的费用与互助金数据');
  });

  test('exports the table as CSV and the chart as SVG and PNG', async ({ page }) => {
    await page.goto('./#/charts?metric=' + encodeURIComponent('参保人次') + '&unit=' + encodeURIComponent('人次'));
    await expect(marks(page)).toHaveCount(3);

    const save = async (name: string) => {
      const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name }).click()]);
      return { name: download.suggestedFilename(), body: await readFile((await download.path())!) };
    };
    const csv = await save('导出 CSV');
    expect(csv.name).toBe('minsheng-regions-参保人次.csv');
    const lines = csv.body.toString('utf8').replace(/^\uFEFF/, '').trim().split('\r\n');
    expect(lines[0]).toBe('id,region,value,unit,qualifier,text,metric,date,date_source,article,paragraph,sentence');
    expect(lines).toHaveLength(4);
    expect(lines[1]).toContain(',湖北,1857000,人次,exact,185.7万人次,参保人次,2025-12-31,figure,');

    const svg = (await save('导出 SVG')).body.toString('utf8');
    expect(svg).toMatch(/^<\?xml[^>]*>\n<svg[^>]*xmlns="http:\/\/www\.w3\.org\/2000\/svg"/);
    expect(svg).toContain('湖北');
    expect(svg).toMatch(/<title[^>]*>参保人次（人次）<\/title>/);
    expect(svg).toMatch(/style="[^"]*fill:/); // styles inlined, so the file looks the same anywhere
    expect(svg).toContain('url(#'); // hatch pattern kept as a local reference
    expect(svg).not.toContain('class=');

    const png = await save('导出 PNG');
    expect(png.name).toMatch(/\.png$/);
    expect([...png.body.subarray(0, 8)]).toEqual([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
    expect(png.body.length).toBeGreaterThan(2000);
  });

  test('nothing overflows the page at this width, in any chart', async ({ page }) => {
    for (const chart of ['regions&mode=all&metric=' + encodeURIComponent('个案互助金') + '&unit=' + encodeURIComponent('元'), 'cases', 'time']) {
      await page.goto('./#/charts?chart=' + chart);
      await expect(marks(page).first()).toBeVisible();
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
      expect(overflow).toBeLessThanOrEqual(0);
      const svgWidth = await page.locator('svg.chart').evaluate((s) => s.getBoundingClientRect().width);
      const frameWidth = await page.locator('.chart-box').evaluate((s) => s.clientWidth);
      expect(svgWidth).toBeLessThanOrEqual(frameWidth);
    }
  });

  test('each chart passes axe (WCAG 2.1 AA) in both colour schemes', async ({ page }) => {
    test.slow(); // six pages, each analysed in full
    for (const scheme of ['light', 'dark'] as const) {
      await page.emulateMedia({ colorScheme: scheme });
      for (const chart of ['regions', 'cases', 'time']) {
        await page.goto('./#/charts?chart=' + chart);
        await expect(marks(page).first()).toBeVisible();
        const result = await new AxeBuilder({ page }).include('.charts-view').withTags(['wcag2a', 'wcag2aa', 'wcag21aa']).analyze();
        expect(result.violations.map((v) => `${scheme} ${chart}: ${v.id} ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
      }
    }
  });
});
