/**
 * Page-reading evaluation: block→article B-cubed P/R/F1, share of column
 * breaks rejoined and characters kept, on the hand-annotated seeds and on
 * pages generated from the People's Daily corpus; with --corpus also the
 * throughput of readPage over every corpus file.
 *
 *   npx tsx scripts/eval.ts [--corpus /work/shared/corpora/people-daily] [--pages N]
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { splitBlocks } from '../src/pipeline/blocks.ts';
import { readPage, type PageLayout } from '../src/pipeline/layout/index.ts';
import { bCubed, charsKept, joinRecall } from '../src/pipeline/layout/evaluate.ts';
import { corpusPages, generatePage } from './generate-pages.ts';

interface Gold {
  blockArticle: Map<number, number>;
  joins: [number, number][];
}

interface Score {
  precision: number;
  recall: number;
  f1: number;
  joins: number;
  kept: number;
  articles: number;
}

/** Article number of each block according to a layout. */
export function predictedArticles(layout: PageLayout): Map<number, number> {
  const out = new Map<number, number>();
  layout.articles.forEach((a, n) => a.paragraphs.forEach((p) => p.blocks.forEach((b) => out.set(b, n))));
  return out;
}

function score(text: string, gold: Gold): Score {
  const layout = readPage(text, splitBlocks(text));
  const spans = [...layout.articles.flatMap((a) => a.paragraphs.flatMap((p) => p.spans)), ...layout.unplaced.map((u) => u.span)];
  return {
    ...bCubed(predictedArticles(layout), gold.blockArticle),
    joins: joinRecall(layout.joins, gold.joins),
    kept: charsKept(text, spans),
    articles: layout.articles.length,
  };
}

const pct = (x: number) => `${(100 * x).toFixed(1)}%`;
const line = (name: string, s: Score) =>
  `${name.padEnd(28)} P ${s.precision.toFixed(3)}  R ${s.recall.toFixed(3)}  F1 ${s.f1.toFixed(3)}  joins ${pct(s.joins)}  kept ${pct(s.kept)}  articles ${s.articles}`;

function main(): void {
  const args = process.argv.slice(2);
  const arg = (name: string) => {
    const i = args.indexOf(name);
    return i >= 0 ? args[i + 1] : undefined;
  };
  const root = join(import.meta.dirname, '..');
  const corpus = arg('--corpus');
  const count = Number(arg('--pages') ?? (corpus ? 200 : 0));

  const gold = JSON.parse(readFileSync(join(root, 'test/fixtures/seeds-gold.json'), 'utf8')) as Record<string, { articles: number[][]; joins: [number, number][] }>;
  console.log('Seeds');
  for (const [name, g] of Object.entries(gold)) {
    if (name.startsWith('_')) continue;
    const text = readFileSync(join(root, 'seeds', name), 'utf8').replace(/\r\n?/g, '\n');
    const blockArticle = new Map(g.articles.flatMap((blocks, n) => blocks.map((b) => [b, n] as [number, number])));
    console.log(line(name, score(text, { blockArticle, joins: g.joins })));
  }

  if (!corpus) return;
  const pages = corpusPages(corpus);
  if (count > 0) {
    const totals = { precision: 0, recall: 0, f1: 0, joins: 0, kept: 0, articles: 0 };
    let goldJoins = 0;
    let madeJoins = 0;
    let worst: [number, number] = [1, -1];
    for (let seed = 1; seed <= count; seed++) {
      const page = generatePage(corpus, seed, pages);
      const s = score(page.text, { blockArticle: new Map(page.blockArticle.map((a, i) => [i, a])), joins: page.joins });
      for (const k of ['precision', 'recall', 'f1', 'kept'] as const) totals[k] += s[k];
      goldJoins += page.joins.length;
      madeJoins += s.joins * page.joins.length;
      if (s.f1 < worst[0]) worst = [s.f1, seed];
    }
    console.log(`\nGenerated pages (${count}, seeds 1..${count}; worst F1 ${worst[0].toFixed(3)} at seed ${worst[1]})`);
    console.log(
      line('mean over pages', {
        precision: totals.precision / count,
        recall: totals.recall / count,
        f1: totals.f1 / count,
        joins: goldJoins ? madeJoins / goldJoins : 1,
        kept: totals.kept / count,
        articles: NaN,
      }).replace(/ +articles NaN/, ''),
    );
  }

  // Throughput: every corpus file read as one page.
  const files = [...pages.values()].flat();
  const texts = files.map((f) => readFileSync(f, 'utf8').replace(/\r\n?/g, '\n'));
  const bytes = texts.reduce((n, t) => n + Buffer.byteLength(t), 0);
  const t0 = performance.now();
  for (const t of texts) readPage(t, splitBlocks(t));
  const seconds = (performance.now() - t0) / 1000;
  console.log(`\nThroughput: ${files.length} files, ${(bytes / 1e6).toFixed(1)} MB in ${seconds.toFixed(1)} s = ${(bytes / 1e6 / seconds).toFixed(2)} MB/s (splitBlocks + readPage)`);
}

main();
