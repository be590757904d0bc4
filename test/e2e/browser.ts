import { existsSync } from 'node:fs';
import type { LaunchOptions } from '@playwright/test';

/**
 * Which Chromium to drive: CHROMIUM_PATH, else the system's (Debian's
 * /usr/bin/chromium — Playwright cannot download its own browser everywhere),
 * else Playwright's own if it was installed with `npx playwright install`.
 */
const SYSTEM_CHROMIUM = ['/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome', '/usr/bin/google-chrome-stable'];

export function chromiumPath(): string | undefined {
  const env = process.env.CHROMIUM_PATH;
  if (env) return env;
  return SYSTEM_CHROMIUM.find((p) => existsSync(p));
}

export function launchOptions(): LaunchOptions {
  const executablePath = chromiumPath();
  return {
    ...(executablePath ? { executablePath } : {}),
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--disable-quic',
      '--no-first-run',
    ],
  };
}
