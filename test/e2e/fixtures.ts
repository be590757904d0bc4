import { test as base, expect, type Page } from '@playwright/test';

/**
 * Every end-to-end test fails on a console error or an uncaught exception:
 * a view that "works" while throwing is broken (Pagefind's scenarios assert an
 * empty console the same way).
 */
export const test = base.extend<{ consoleErrors: string[] }>({
  consoleErrors: [
    async ({ page }, use) => {
      const errors: string[] = [];
      page.on('console', (msg) => {
        if (msg.type() === 'error') errors.push(msg.text());
      });
      page.on('pageerror', (err) => errors.push(err.message));
      await use(errors);
      expect(errors, 'console errors').toEqual([]);
    },
    { auto: true },
  ],
});

export { expect };

/**
 * Serve the app's HTML without the data blocks it carries for a small
 * corpus (headTags in src/pipeline/vite-plugin.ts), so that the page
 * fetches its manifest and search meta as a big archive's page does, and a
 * page.route() on them takes effect.
 */
export async function withoutEmbeddedData(page: Page): Promise<void> {
  await page.route('**/*', async (route) => {
    if (route.request().resourceType() !== 'document') return route.fallback();
    const response = await route.fetch();
    const body = (await response.text()).replace(/<script type="application\/json"[^>]*>[^<]*<\/script>/g, '');
    await route.fulfill({ response, body });
  });
}
