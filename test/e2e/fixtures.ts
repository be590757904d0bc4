import { test as base, expect } from '@playwright/test';

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
