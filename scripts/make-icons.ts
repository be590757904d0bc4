/**
 * Render public/icons/icon.svg to the PNG sizes the web manifest lists, with
 * the same headless Chromium the tests use (no image toolchain needed).
 * Run after editing the SVG: npx tsx scripts/make-icons.ts
 */
import { readFile } from 'node:fs/promises';
import { chromium } from '@playwright/test';
import { launchOptions } from '../test/e2e/browser.ts';

const svg = await readFile('public/icons/icon.svg', 'utf8');
const browser = await chromium.launch(launchOptions());
for (const [name, size, pad] of [
  ['icon-192.png', 192, 0],
  ['icon-512.png', 512, 0],
  // Maskable icons must keep their content inside the central 80% safe zone.
  ['icon-maskable-512.png', 512, 0.12],
] as const) {
  const page = await browser.newPage({ viewport: { width: size, height: size } });
  const inner = Math.round(size * (1 - 2 * pad));
  await page.setContent(
    `<body style="margin:0;background:#9b2c2c;display:grid;place-items:center;width:${size}px;height:${size}px">` +
      `<img src="data:image/svg+xml;base64,${Buffer.from(svg).toString('base64')}" width="${inner}" height="${inner}"></body>`,
  );
  await page.screenshot({ path: `public/icons/${name}`, omitBackground: pad === 0 });
  await page.close();
}
await browser.close();
