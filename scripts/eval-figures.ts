/**
 * Evaluate figure extraction on the seed pages against test/fixtures/seeds-figures-gold.json.
 *
 *   npx tsx scripts/eval-figures.ts          # scores
 *   npx tsx scripts/eval-figures.ts --dump   # every emitted figure, for writing gold
 *
 * Paragraphs are reconstructed simply, not by the pipeline's reflow: a block (run
 * of non-blank lines) is joined to the next when it does not end with sentence-final
 * punctuation, which mends the column breaks that split sentences on these pages.
 * Articles start at the headings listed in the gold file; each article's region is
 * inferred with inferArticleRegion, as the pipeline will.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import path from 'node:path';
import { extractFigures, inferArticleRegion, type FigureMention } from '../src/pipeline/figures.ts';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

export interface GoldFigure {
  text: string;
  /** Which occurrence of `text` in the reconstructed page (0-based). */
  occurrence?: number;
  value: number;
  unit: string;
  qualifier: string;
  kind: string;
  metric: string | null;
  region: string | null;
  /** A figure about workers' welfare (the ones the targets are measured on). */
  welfare: boolean;
}
interface GoldPage {
  file: string;
  /** First characters of the paragraphs that start articles. */
  articleStarts: string[];
  figures: GoldFigure[];
}
interface Gold {
  pages: GoldPage[];
  /** Strings that must never be emitted as figures. */
  nonFigures: string[];
}

const SENTENCE_END = /[。！？!?”」）)]$/;

/**
 * Blocks joined across column breaks: a block not ending a sentence continues in the
 * next. Two layout cues keep this simple rule from gluing unrelated text together:
 * a block set off by two or more blank lines is a photo caption dropped into the
 * column (kept as its own paragraph, the sentence around it still joined), and a
 * headline (a block with a space between its parts, or a ——subtitle) is never joined.
 */
export function reconstructParagraphs(page: string): string[] {
  const blocks: { text: string; gapBefore: number }[] = [];
  let blank = 0;
  let current: string[] = [];
  const flush = () => {
    if (current.length) blocks.push({ text: current.join('').trim(), gapBefore: blank });
    current = [];
  };
  for (const line of page.split('\n')) {
    if (line.trim() === '') {
      if (current.length) {
        flush();
        blank = 0;
      }
      blank++;
    } else current.push(line);
  }
  flush();
  const paragraphs: string[] = [];
  let pending = '';
  for (const block of blocks) {
    const headline = /\S \S/.test(block.text) || block.text.startsWith('——');
    if (pending && block.gapBefore >= 2 && SENTENCE_END.test(block.text)) {
      paragraphs.push(block.text); // a caption inside a split sentence
      continue;
    }
    if (headline) {
      if (pending) paragraphs.push(pending);
      paragraphs.push(block.text);
      pending = '';
      continue;
    }
    pending += block.text;
    if (SENTENCE_END.test(block.text)) {
      paragraphs.push(pending);
      pending = '';
    }
  }
  if (pending) paragraphs.push(pending);
  return paragraphs;
}

interface Emitted extends FigureMention {
  /** Offset in the page's paragraphs joined with "\n". */
  at: number;
  paragraph: string;
}

function extractPage(page: GoldPage): { text: string; emitted: Emitted[] } {
  const raw = readFileSync(path.join(ROOT, 'seeds', page.file), 'utf8');
  const paragraphs = reconstructParagraphs(raw);
  const articles: string[][] = [];
  for (const p of paragraphs) {
    if (articles.length === 0 || page.articleStarts.some((s) => p.startsWith(s))) articles.push([]);
    articles.at(-1)!.push(p);
  }
  const emitted: Emitted[] = [];
  let at = 0;
  for (const article of articles) {
    const articleRegion = inferArticleRegion(article);
    for (const p of article) {
      for (const f of extractFigures(p, { articleRegion })) emitted.push({ ...f, at: at + f.offset, paragraph: p });
      at += p.length + 1;
    }
  }
  return { text: paragraphs.join('\n'), emitted };
}

function locate(text: string, g: GoldFigure): number {
  let from = 0;
  for (let n = 0; ; n++) {
    const i = text.indexOf(g.text, from);
    if (i < 0) return -1;
    if (n === (g.occurrence ?? 0)) return i;
    from = i + 1;
  }
}

const pct = (a: number, b: number) => (b === 0 ? 'n/a' : `${((100 * a) / b).toFixed(1)}% (${a}/${b})`);
const sameFigure = (e: Emitted, g: GoldFigure) =>
  Math.abs(e.value - g.value) < 1e-6 && e.unit === g.unit && e.qualifier === g.qualifier && e.kind === g.kind;

function main(): void {
  const gold = JSON.parse(readFileSync(path.join(ROOT, 'test/fixtures/seeds-figures-gold.json'), 'utf8')) as Gold;
  const dump = process.argv.includes('--dump');
  let welfare = 0, welfareRight = 0, allGold = 0, allRight = 0, emittedCount = 0, real = 0;
  let regionTotal = 0, regionRight = 0, metricTotal = 0, metricRight = 0;
  const problems: string[] = [];
  for (const page of gold.pages) {
    const { text, emitted } = extractPage(page);
    const spans = page.figures.map((g) => {
      const start = locate(text, g);
      if (start < 0) problems.push(`gold not found in ${page.file}: ${g.text}#${g.occurrence ?? 0}`);
      return { g, start, end: start + g.text.length };
    });
    const matchOf = (e: Emitted) => spans.find((s) => s.start >= 0 && e.at < s.end && s.start < e.at + e.length);
    for (const e of emitted) {
      emittedCount++;
      const m = matchOf(e);
      if (m) real++;
      else problems.push(`not a figure: ${e.text} (${e.value} ${e.unit}) in …${e.paragraph.slice(Math.max(0, e.offset - 12), e.offset + e.length + 6)}…`);
      if (dump) console.log(JSON.stringify({ text: e.text, value: e.value, unit: e.unit, qualifier: e.qualifier, kind: e.kind, metric: e.metric, region: e.region, date: e.date, pairWith: e.pairWith, individual: e.individual }));
    }
    for (const s of spans) {
      allGold++;
      const e = emitted.find((x) => s.start >= 0 && x.at < s.end && s.start < x.at + x.length);
      const right = !!e && sameFigure(e, s.g);
      if (right) allRight++;
      if (!s.g.welfare) continue;
      welfare++;
      if (right) welfareRight++;
      else problems.push(`welfare figure wrong: ${s.g.text} gold ${s.g.value} ${s.g.unit} ${s.g.qualifier} ${s.g.kind}; got ${e ? `${e.value} ${e.unit} ${e.qualifier} ${e.kind}` : 'nothing'}`);
      regionTotal++;
      if (e && e.region === s.g.region) regionRight++;
      else problems.push(`region wrong: ${s.g.text} gold ${s.g.region}; got ${e?.region}`);
      metricTotal++;
      if (e && e.metric === s.g.metric) metricRight++;
      else problems.push(`metric wrong: ${s.g.text} gold ${s.g.metric}; got ${e?.metric}`);
    }
    for (const nf of gold.nonFigures) {
      if (emitted.some((e) => text.slice(e.at, e.at + e.length) === nf || (e.paragraph.includes(nf) && nf.includes(e.text)))) problems.push(`non-figure emitted: ${nf}`);
    }
  }
  console.log('Figures on the seed pages (paragraphs reconstructed across column breaks)');
  console.log(`  welfare figures right (value+unit+qualifier+kind): ${pct(welfareRight, welfare)}`);
  console.log(`  emitted figures that are real:                    ${pct(real, emittedCount)}`);
  console.log(`  region right (welfare figures):                   ${pct(regionRight, regionTotal)}`);
  console.log(`  metric right (welfare figures):                   ${pct(metricRight, metricTotal)}`);
  console.log(`  all gold figures right (welfare or not):          ${pct(allRight, allGold)}`);
  if (problems.length) console.log(`\n${problems.join('\n')}`);
}

if (process.argv[1] && fileURLToPath(import.meta.url) === path.resolve(process.argv[1])) main();
