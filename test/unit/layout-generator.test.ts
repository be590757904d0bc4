import { existsSync, readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { splitBlocks } from '../../src/pipeline/blocks.ts';
import { charsKept } from '../../src/pipeline/layout/evaluate.ts';
import { readPage } from '../../src/pipeline/layout/index.ts';
import { corpusPages, generatePage, parseCorpusArticle } from '../../scripts/generate-pages.ts';

/** The shared corpus is not in the repository; these tests run where it is. */
const CORPUS = process.env.MINSHENG_CORPUS ?? '/work/shared/corpora/people-daily';
const pages = existsSync(CORPUS) ? corpusPages(CORPUS) : null;

describe.skipIf(pages === null)('generated pages', () => {
  const seeds = Array.from({ length: 25 }, (_, k) => k + 1);

  test.each(seeds)('page %i: gold joins rebuild the corpus paragraphs', (seed) => {
    const page = generatePage(CORPUS, seed, pages!);
    const blocks = splitBlocks(page.text);
    expect(blocks.length).toBe(page.blockArticle.length);
    const paragraphs = new Set(pages!.get(page.source)!.slice(0, 6).flatMap((f) => parseCorpusArticle(readFileSync(f, 'utf8')).paragraphs));
    const next = new Map(page.joins);
    const continued = new Set(page.joins.map(([, to]) => to));
    for (const [from] of page.joins) {
      if (continued.has(from)) continue; // checked from the start of its chain
      let text = blocks[from].text;
      for (let k = from; next.has(k); ) {
        k = next.get(k)!;
        expect(page.blockArticle[k]).toBe(page.blockArticle[from]);
        text += blocks[k].text;
      }
      expect(paragraphs.has(text)).toBe(true);
    }
  });

  test.each(seeds)('page %i: readPage keeps every character exactly once', (seed) => {
    const page = generatePage(CORPUS, seed, pages!);
    const layout = readPage(page.text, splitBlocks(page.text));
    const spans = [...layout.articles.flatMap((a) => a.paragraphs.flatMap((p) => p.spans)), ...layout.unplaced.map((u) => u.span)];
    expect(charsKept(page.text, spans)).toBe(1);
  });

  test.each(seeds)('page %i: column breaks fall between printed lines, never inside a heading', (seed) => {
    const page = generatePage(CORPUS, seed, pages!);
    const blocks = splitBlocks(page.text);
    for (const [from] of page.joins) {
      // The piece left at a column foot holds at least a first printed line…
      expect([...blocks[from].text].length).toBeGreaterThanOrEqual(8);
      // …and follows the line-breaking rules of Chinese typesetting: the next
      // column does not start with closing punctuation (or a percent sign cut
      // off its number), nor does the column end on an opening quote or bracket.
      const to = page.joins.find(([f]) => f === from)![1];
      expect(blocks[to].text).not.toMatch(/^[，。、；：？！,.;:?!”’」』）)》〉】\]…—·%％]/);
      expect(blocks[from].text).not.toMatch(/[“‘「『（(《〈【[]$/);
      // …and a paragraph cut at a column end has a sentence in it (headings, labels and credits are set whole).
      let text = blocks[from].text;
      for (let k = from; page.joins.some(([f]) => f === k); ) {
        k = page.joins.find(([f]) => f === k)![1];
        text += blocks[k].text;
      }
      expect(text).toMatch(/[。！？!?]/);
    }
  });

  test.each(seeds)('page %i: captions describe a picture, never open with a news dateline', (seed) => {
    const page = generatePage(CORPUS, seed, pages!);
    const blocks = splitBlocks(page.text);
    for (const c of page.captions) expect(blocks[c].text).not.toMatch(/^(?:据)?(?:新华社|本报|中新社)|^[^，。]{0,16}[0-9]{1,2}月[0-9]{1,2}日电/);
  });

  test('is deterministic for a seed', () => {
    expect(generatePage(CORPUS, 7, pages!).text).toBe(generatePage(CORPUS, 7, pages!).text);
  });
});
