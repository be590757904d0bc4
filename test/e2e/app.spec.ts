import { expect, test } from './fixtures.ts';

test.describe('search → article → deep link', () => {
  test('searching 互助金 highlights hits and opens the paragraph; the link reopens it', async ({ page }) => {
    await page.goto('./');
    // The overview lists the seed pages with their dates before any query.
    await expect(page.getByRole('heading', { name: /语料一览/ })).toBeVisible();
    await expect(page.locator('.page-card')).toHaveCount(2);

    const box = page.getByRole('search').getByRole('searchbox');
    await box.fill('互助金');
    await expect(page).toHaveURL(/#\/search\?q=%E4%BA%92%E5%8A%A9%E9%87%91/);
    const firstHit = page.locator('.hit').first();
    await expect(firstHit.locator('mark').first()).toHaveText('互助金');
    await expect(page.locator('.live')).toContainText(/\d+ 个段落/);

    await firstHit.click();
    await expect(page).toHaveURL(/#\/article\//);
    const focused = page.locator('.reader-body .focused');
    await expect(focused).toBeVisible();
    await expect(focused.locator('mark').first()).toHaveText('互助金');
    const url = page.url();

    await page.reload();
    await expect(page.locator('.reader-body .focused mark').first()).toHaveText('互助金');
    expect(page.url()).toBe(url);

    // Back returns to the results, forward to the article.
    await page.goBack();
    await expect(page.locator('.hit').first()).toBeVisible();
    await page.goForward();
    await expect(page.locator('.reader-body .focused')).toBeVisible();
  });

  test('a copied search link opens the same results in a new page', async ({ page, context }) => {
    await page.goto('./#/search?q=' + encodeURIComponent('送温暖'));
    await expect(page.locator('.hit mark').first()).toHaveText('送温暖');
    const other = await context.newPage();
    await other.goto(page.url());
    await expect(other.getByRole('searchbox')).toHaveValue('送温暖');
    await expect(other.locator('.hit mark').first()).toHaveText('送温暖');
    await other.close();
  });

  test('the page-as-printed view colours every block by article', async ({ page }) => {
    await page.goto('./');
    await page.locator('.article-list a').first().click();
    await page.getByRole('link', { name: '版面原貌' }).click();
    await expect(page).toHaveURL(/view=page/);
    await expect(page.locator('.printed-block').first()).toBeVisible();
    expect(await page.locator('.printed .legend li').count()).toBeGreaterThan(1);
  });

  test('an unknown article id says so instead of a blank page', async ({ page }) => {
    await page.goto('./#/article/no-such-article');
    await expect(page.getByText('找不到这篇文章')).toBeVisible();
  });
});
