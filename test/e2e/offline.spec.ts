import { expect, test } from './fixtures.ts';

// The rest of the suite blocks the service worker (playwright.config.ts); here it is the subject.
test.use({ serviceWorkers: 'allow' });

test('after one visit the app reloads and searches with no network', async ({ page, context }) => {
  await page.goto('./');
  // Wait until the service worker has installed and precached everything.
  await page.evaluate(async () => {
    await navigator.serviceWorker.ready;
  });
  // The offline control counts again once the service worker has precached
  // everything: no "0 of 29 cached" under the "ready offline" notice.
  await expect(page.getByRole('region', { name: '离线使用' })).toContainText('已可离线使用');
  // The first page load is not controlled yet ("prompt" mode does not claim
  // clients); a reload is, as for a returning reader.
  await page.reload();
  await expect.poll(() => page.evaluate(() => !!navigator.serviceWorker.controller)).toBe(true);

  // A corpus this small is precached whole, and the offline control counts
  // every one of its files as there (the count lists each cache's keys once).
  const offline = page.getByRole('region', { name: '离线使用' });
  await expect(offline).toContainText('已可离线使用');
  await expect(offline.getByRole('button', { name: '删除离线数据' })).toBeVisible();

  await context.setOffline(true);
  await page.reload();
  await expect(page.locator('.page-card').first()).toBeVisible();
  await page.getByRole('searchbox').fill('慰问');
  await expect(page.locator('.hit mark').first()).toHaveText('慰问');
  await page.locator('.hit').first().click();
  await expect(page.locator('.reader-body .focused')).toBeVisible();
  await context.setOffline(false);
});
