/**
 * Page-reading evaluation: block→article B-cubed P/R/F1, share of column
 * breaks rejoined and characters kept, on the hand-annotated seeds and on
 * pages generated from the People's Daily corpus; with --corpus also the
 * throughput of readPage over every corpus file.
 *
 *   npx tsx scripts/eval.ts [--corpus /work/shared/corpora/people-daily] [--pages N] [--from SEED] [--list] [--no-throughput]
 *
 * --from picks the first generator seed (default 1), so that a second, unseen
 * set of pages (say --from 1001 --pages 300) can check rules tuned on the first.
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
  captions: number[];
}

interface Score {
  precision: number;
  recall: number;
  f1: number;
  joins: number;
  kept: number;
  articles: number;
  /** Column-break outcomes, see joinOutcomes. */
  outcomes: JoinOutcomes;
}

/** What became of the gold column breaks, and joins made where there was none. */
export interface JoinOutcomes {
  made: number;
  /** Joined to another block than the true continuation. */
  wrongTarget: number;
  /** Not joined although the continuation was the next non-caption block. */
  missedAdjacent: number;
  /** Not joined, continuation further away (another article's column between). */
  missedDistant: number;
  /** Joined where the gold has no break. */
  spurious: number;
}

export function joinOutcomes(made: { from: number; to: number }[], gold: [number, number][], captions: Set<number>): JoinOutcomes {
  const madeFrom = new Map(made.map((j) => [j.from, j.to]));
  const goldFrom = new Map(gold);
  const out: JoinOutcomes = { made: 0, wrongTarget: 0, missedAdjacent: 0, missedDistant: 0, spurious: 0 };
  for (const [from, to] of gold) {
    const got = madeFrom.get(from);
    if (got === to) out.made++;
    else if (got !== undefined) out.wrongTarget++;
    else {
      let next = from + 1;
      while (captions.has(next)) next++;
      if (next === to) out.missedAdjacent++;
      else out.missedDistant++;
    }
  }
  for (const j of made) if (!goldFrom.has(j.from)) out.spurious++;
  return out;
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
    outcomes: joinOutcomes(layout.joins, gold.joins, new Set(gold.captions)),
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
  const first = Number(arg('--from') ?? 1);

  const gold = JSON.parse(readFileSync(join(root, 'test/fixtures/seeds-gold.json'), 'utf8')) as Record<string, { articles: number[][]; joins: [number, number][]; captions: number[] }>;
  console.log('Seeds');
  for (const [name, g] of Object.entries(gold)) {
    if (name.startsWith('_')) continue;
    const text = readFileSync(join(root, 'seeds', name), 'utf8').replace(/\r\n?/g, '\n');
    const blockArticle = new Map(g.articles.flatMap((blocks, n) => blocks.map((b) => [b, n] as [number, number])));
    console.log(line(name, score(text, { blockArticle, joins: g.joins, captions: g.captions })));
  }

  if (!corpus) return;
  const pages = corpusPages(corpus);
  if (count > 0) {
    const totals = { precision: 0, recall: 0, f1: 0, joins: 0, kept: 0, articles: 0 };
    const outcomes: JoinOutcomes = { made: 0, wrongTarget: 0, missedAdjacent: 0, missedDistant: 0, spurious: 0 };
    const pagesBy = { belowTarget: 0, tooMany: 0, tooFew: 0, rightCountWrongBlocks: 0, brokenJoin: 0, lost: 0 };
    let goldJoins = 0;
    const perPage: [number, number, string][] = [];
    for (let seed = first; seed < first + count; seed++) {
      const page = generatePage(corpus, seed, pages);
      const s = score(page.text, { blockArticle: new Map(page.blockArticle.map((a, i) => [i, a])), joins: page.joins, captions: page.captions });
      for (const k of ['precision', 'recall', 'f1', 'kept'] as const) totals[k] += s[k];
      for (const k of Object.keys(outcomes) as (keyof JoinOutcomes)[]) outcomes[k] += s.outcomes[k];
      goldJoins += page.joins.length;
      const goldArticles = new Set(page.blockArticle).size;
      // Failure categories of a page (a page can be in several).
      const cats: string[] = [];
      if (s.articles > goldArticles) cats.push(`too many (${s.articles}/${goldArticles})`), pagesBy.tooMany++;
      if (s.articles < goldArticles) cats.push(`too few (${s.articles}/${goldArticles})`), pagesBy.tooFew++;
      if (s.f1 < 0.95) {
        pagesBy.belowTarget++;
        if (s.articles === goldArticles) cats.push('right count, wrong blocks'), pagesBy.rightCountWrongBlocks++;
      }
      if (s.outcomes.made < page.joins.length) cats.push(`joins ${s.outcomes.made}/${page.joins.length}`), pagesBy.brokenJoin++;
      if (s.kept < 1) cats.push('chars lost'), pagesBy.lost++;
      perPage.push([s.f1, seed, cats.join(', ')]);
    }
    perPage.sort((a, b) => a[0] - b[0]);
    console.log(`\nGenerated pages (${count}, seeds ${first}..${first + count - 1}; worst F1 ${perPage[0][0].toFixed(3)} at seed ${perPage[0][1]})`);
    console.log(
      line('mean over pages', {
        precision: totals.precision / count,
        recall: totals.recall / count,
        f1: totals.f1 / count,
        joins: goldJoins ? outcomes.made / goldJoins : 1,
        kept: totals.kept / count,
        articles: NaN,
        outcomes,
      }).replace(/ +articles NaN/, ''),
    );
    console.log(
      `column breaks: ${goldJoins} gold, ${outcomes.made} rejoined, ${outcomes.wrongTarget} to the wrong block, ` +
        `${outcomes.missedAdjacent} missed (next block), ${outcomes.missedDistant} missed (further), ${outcomes.spurious} joins where none`,
    );
    console.log(
      `pages: ${pagesBy.belowTarget} below F1 0.95 (${pagesBy.rightCountWrongBlocks} with the right article count), ` +
        `${pagesBy.tooMany} too many articles, ${pagesBy.tooFew} too few, ${pagesBy.brokenJoin} with a missed break, ${pagesBy.lost} losing chars`,
    );
    if (args.includes('--list')) for (const [f1, seed, cats] of perPage.filter((p) => p[2])) console.log(`  seed ${String(seed).padStart(4)}  F1 ${f1.toFixed(3)}  ${cats}`);
  }

  if (args.includes('--no-throughput')) return;
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
