/**
 * Issue 8: one 20 MB page with no blank lines. PDF extraction that lost its
 * blank lines yields exactly this: the whole page reflows into one block and
 * one paragraph. It must be read whole, in time linear in its size (the
 * extractors read it in windows, see EXTRACT_WINDOW in src/pipeline/page.ts).
 */
import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, expect, test } from 'vitest';
import { readCorpus } from '../../src/pipeline/corpus.ts';
import { EXTRACT_WINDOW, extractWindows } from '../../src/pipeline/page.ts';

let dir = '';
afterAll(async () => {
  if (dir) await rm(dir, { recursive: true, force: true });
});

test('a 20 MB page without blank lines is read whole, in minutes not hours', async () => {
  // Real news text (the seeds) with every blank line removed, repeated to 20 MB.
  const seeds = await Promise.all((await readdir('seeds')).filter((f) => f.endsWith('.txt')).map((f) => readFile(join('seeds', f), 'utf8')));
  const unit = seeds.join('\n').replace(/\n\s*\n/g, '\n');
  const copies = Math.ceil(20e6 / Buffer.byteLength(unit));
  const page = Array.from({ length: copies }, () => unit).join('\n');
  expect(Buffer.byteLength(page)).toBeGreaterThanOrEqual(20e6);
  dir = await mkdtemp(join(tmpdir(), 'minsheng-large-'));
  await writeFile(join(dir, 'big.txt'), page);

  const started = performance.now();
  const c = await readCorpus(dir);
  const seconds = (performance.now() - started) / 1000;
  expect(c.report.skipped).toEqual([]);
  expect(c.report.charsRead).toBeGreaterThan(6e6);
  expect(c.report.charsKept).toBe(c.report.charsRead);
  // Every copy's figures are found: nothing lost at the window cuts.
  const perCopy = c.figures.filter((f) => f.text === '2907.5万元').length / copies;
  expect(perCopy).toBeGreaterThanOrEqual(1);
  console.log(`20 MB page: ${seconds.toFixed(1)} s, ${c.events.length} events, ${c.figures.length} figures`);
}, 400_000);

test('windows cover a paragraph exactly, are bounded, and never cut a number', () => {
  const text = ('一二三四五六七八九十'.repeat(300) + '共发放2907.5万元' + '职工'.repeat(3000)).repeat(3) + '😀'.repeat(5000);
  const windows = extractWindows(text);
  expect(windows[0].start).toBe(0);
  expect(windows.at(-1)!.end).toBe(text.length);
  for (let i = 0; i < windows.length; i++) {
    const w = windows[i];
    expect(w.end - w.start).toBeLessThanOrEqual(EXTRACT_WINDOW);
    expect(w.end).toBeGreaterThan(w.start);
    if (i > 0) expect(w.start).toBe(windows[i - 1].end);
    // Never between two digits or inside a surrogate pair.
    expect(/[0-9.]{2}/.test(text.slice(w.start - 1, w.start + 1)) && w.start > 0).toBe(false);
    expect(text.charCodeAt(w.start) >= 0xdc00 && text.charCodeAt(w.start) <= 0xdfff).toBe(false);
  }
  expect(extractWindows('短')).toEqual([{ start: 0, end: 1 }]);
  expect(extractWindows('')).toEqual([{ start: 0, end: 0 }]);
});
