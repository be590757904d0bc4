import { defineConfig, devices } from '@playwright/test';
import { launchOptions } from './test/e2e/browser.ts';

const PORT = Number(process.env.E2E_PORT ?? 4317);

export default defineConfig({
  testDir: 'test/e2e',
  globalSetup: './test/e2e/global-setup.ts',
  fullyParallel: true,
  workers: process.env.CI ? 2 : undefined,
  retries: process.env.CI ? 1 : 0,
  reporter: process.env.CI ? [['list']] : [['list']],
  timeout: 30_000,
  use: {
    baseURL: `http://127.0.0.1:${PORT}/`,
    launchOptions: launchOptions(),
    locale: 'zh-CN',
    trace: 'retain-on-failure',
    // The service worker is tested in offline.spec.ts, which allows it. Elsewhere
    // its "ready offline" notice, in the page flow under the masthead, could
    // appear mid-test and move what a test was about to point at.
    serviceWorkers: 'block',
  },
  projects: [
    { name: 'desktop', use: { ...devices['Desktop Chrome'], viewport: { width: 1280, height: 900 } } },
    { name: 'phone', use: { ...devices['Pixel 7'], browserName: 'chromium' } },
  ],
  // The tests run against the production build (service worker included),
  // which `npm test` makes just before.
  webServer: {
    command: `npx vite preview --port ${PORT} --strictPort --host 127.0.0.1`,
    url: `http://127.0.0.1:${PORT}/`,
    reuseExistingServer: false,
    timeout: 60_000,
  },
});
