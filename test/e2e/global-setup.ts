import { existsSync } from 'node:fs';
import { chromium } from '@playwright/test';
import { chromiumPath } from './browser.ts';

/** Fail in one line, with the fix, when there is no browser to test in. */
export default function globalSetup(): void {
  if (chromiumPath()) return;
  let bundled = '';
  try {
    bundled = chromium.executablePath();
  } catch {
    // no Playwright browser registered
  }
  if (bundled && existsSync(bundled)) return;
  throw new Error(
    'No Chromium found: install one (Debian/Ubuntu: sudo apt-get install -y chromium fonts-noto-cjk; elsewhere: npx playwright install chromium) or set CHROMIUM_PATH.',
  );
}
