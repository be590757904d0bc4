/**
 * Search quality and speed on the seeds: `npx tsx scripts/search-eval.ts`.
 *
 * Relevance is substring containment in the normalised paragraph text, with
 * numbers and Latin words matching whole (the fixture's `expect` gives the
 * Han/simplified text for Traditional and pinyin queries, `all` the words of
 * a multi-word query). Prints recall@10, precision@10, latency p50/p95,
 * index size raw/gzip and build time for our configuration and for
 * FlexSearch's default configuration on the same paragraphs, as ratios.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { gunzipSync, gzipSync } from 'node:zlib';
import { Index } from 'flexsearch';
import { NUMBER_AT, TOKEN, WORD_AT, normalizeForSearch } from '../src/shared/search-config.ts';
import type { SearchDoc } from '../src/shared/search.ts';
import { engineOfDocs } from '../src/pipeline/search-source.ts';

const ROOT = join(fileURLToPath(import.meta.url), '../..');

/** Ends a printed sentence: a block ending otherwise was cut by a column or page break. */
const SENTENCE_END = /[。！？!?…；;：:][”’」』）)]*$|[”」』]$|[。.][(（][^()（）]{1,24}[)）]$/;

/** One run of non-blank lines and the number of blank lines before it. */
interface SeedBlock {
  text: string;
  gapBefore: number;
}

function seedBlocks(page: string): SeedBlock[] {
  const blocks: SeedBlock[] = [];
  let lines: string[] = [];
  let blank = 0;
  let gapBefore = 0;
  for (const line of [...page.replace(/\r\n?/g, '\n').split('\n'), '']) {
    if (line.trim()) {
      if (lines.length === 0) gapBefore = blank;
      lines.push(line.trim());
      blank = 0;
    } else {
      if (lines.length) blocks.push({ text: lines.join(''), gapBefore });
      lines = [];
      blank++;
    }
  }
  return blocks;
}

/**
 * Seed pages → paragraphs, until the pipeline's reflow exists: a block that
 * does not end a sentence continues in the next one (奥尔|西总统 across a
 * column break). A complete block set off by extra blank lines while a
 * paragraph is unfinished is an interposed photo caption: it becomes its own
 * paragraph and the unfinished one continues after it.
 */
export function seedSearchDocs(dir = join(ROOT, 'seeds')): SearchDoc[] {
  const docs: SearchDoc[] = [];
  for (const file of readdirSync(dir).filter((f) => f.endsWith('.txt')).sort()) {
    const paragraphs: string[] = [];
    let pending = '';
    for (const block of seedBlocks(readFileSync(join(dir, file), 'utf8'))) {
      const complete = SENTENCE_END.test(block.text);
      if (pending && complete && block.gapBefore >= 2) {
        paragraphs.push(block.text);
        continue;
      }
      pending += block.text;
      if (complete) {
        paragraphs.push(pending);
        pending = '';
      }
    }
    if (pending) paragraphs.push(pending);
    paragraphs.forEach((text, i) =>
      docs.push({ id: `${file}-p${i}`, article: file, kind: 'body', text, date: null, title: file }),
    );
  }
  return docs;
}

/** Ground truth: the normalised text contains `needle` with its numbers and words whole. */
export function containsWhole(text: string, needle: string): boolean {
  const tokens = [...needle.matchAll(TOKEN)].filter((m) => m[2] || m[3]);
  for (let at = text.indexOf(needle); at >= 0; at = text.indexOf(needle, at + 1)) {
    const whole = tokens.every((m) => {
      const pattern = m[2] ? NUMBER_AT : WORD_AT;
      const start = at + m.index;
      pattern.lastIndex = start;
      const own = pattern.exec(text);
      if (!own || own[0].length !== m[0].length) return false;
      if (start === 0) return true;
      const prev = text[start - 1];
      if (m[2]) return !/\d/.test(prev) && !(prev === '.' && /\d/.test(text[start - 2] ?? ''));
      return !/\p{L}/u.test(prev) || /\p{Script=Han}/u.test(prev);
    });
    if (whole) return true;
  }
  return false;
}

export interface EvalQuery {
  q: string;
  /** Texts that a relevant paragraph must all contain (default: the query's own words). */
  all?: string[];
  type: string;
}

/** Paragraph ids whose normalised text contains every needle of the query (numbers and words whole). */
export function relevantSet(docs: SearchDoc[], q: EvalQuery, normalized?: string[]): Set<string> {
  const needles = (q.all ?? q.q.replace(/["“”]/g, '').split(/\s+/)).map(normalizeForSearch).filter(Boolean);
  const texts = normalized ?? docs.map((d) => normalizeForSearch(d.text));
  return new Set(docs.filter((d, i) => needles.every((n) => containsWhole(texts[i], n))).map((d) => d.id));
}

const TIMING_ROUNDS = 5;

export const percentile = (xs: number[], p: number) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor((p / 100) * s.length))];
};

interface Figures {
  recall: number;
  precision: number;
  p50: number;
  p95: number;
  raw: number;
  gzip: number;
  buildMs: number;
  misses: string[];
}

/** recall@10 = found relevant in top 10 / min(10, relevant); precision@10 = relevant in top 10 / returned. Queries with no relevant paragraph count for precision only (any hit is wrong). */
async function score(queries: EvalQuery[], docs: SearchDoc[], run: (q: string) => string[] | Promise<string[]>): Promise<Omit<Figures, 'raw' | 'gzip' | 'buildMs'>> {
  let recall = 0, recallN = 0, precision = 0, precisionN = 0;
  const times: number[] = [];
  const misses: string[] = [];
  for (const q of queries) await run(q.q); // warm up (lazy converter and chunks, JIT)
  for (const q of queries) {
    const relevant = relevantSet(docs, q);
    let top: string[] = [];
    // Several rounds per query so one GC pause does not decide the p95.
    for (let round = 0; round < TIMING_ROUNDS; round++) {
      const t0 = performance.now();
      top = (await run(q.q)).slice(0, 10);
      times.push(performance.now() - t0);
    }
    const good = top.filter((id) => relevant.has(id)).length;
    if (relevant.size > 0) {
      recall += good / Math.min(10, relevant.size);
      recallN++;
    }
    if (top.length > 0) {
      precision += good / top.length;
      precisionN++;
    }
    if (good < Math.min(10, relevant.size) || good < top.length) misses.push(`${q.q} (${q.type}): ${good}/${top.length} returned, ${relevant.size} relevant`);
  }
  return { recall: recall / recallN, precision: precisionN ? precision / precisionN : 1, p50: percentile(times, 50), p95: percentile(times, 95), misses };
}

/**
 * Our index built and opened as the app does (chunks compressed, read
 * lazily), with the time each step took, and its size: the search meta and
 * chunks, not the article shards, which the app needs for reading anyway.
 * Every query runs once first, so that the timings that follow measure
 * searching, not loading chunks or the Traditional converter.
 */
export async function buildOurs(docs: SearchDoc[], queries: EvalQuery[]) {
  const t0 = performance.now();
  const { engine, files, buildMs } = await engineOfDocs(docs, Math.ceil(docs.length / 50));
  const loadMs = performance.now() - t0 - buildMs;
  for (const q of queries) await engine.search(q.q);
  let raw = 0;
  let gzip = 0;
  for (const [name, content] of files) {
    if (!name.startsWith('search')) continue;
    // Chunks are stored compressed; their raw size is what they inflate to.
    if (typeof content === 'string') {
      raw += Buffer.byteLength(content);
      gzip += gzipSync(content).length;
    } else {
      raw += gunzipSync(content).length;
      gzip += content.length;
    }
  }
  return { engine, raw, gzip, buildMs, loadMs };
}

/** FlexSearch with its default configuration over the same paragraphs, exported to measure its size. */
export async function buildDefault(docs: SearchDoc[]) {
  const t0 = performance.now();
  const index = new Index();
  docs.forEach((d, i) => index.add(i, d.text));
  const parts: string[] = [];
  await index.export((key: string, data: string) => {
    parts.push(key, data);
  });
  const buildMs = performance.now() - t0;
  return { index, json: JSON.stringify(parts), buildMs };
}

async function evaluateOurs(docs: SearchDoc[], queries: EvalQuery[]): Promise<Figures> {
  const { engine, raw, gzip, buildMs } = await buildOurs(docs, queries);
  const s = await score(queries, docs, async (q) => (await engine.search(q, { limit: 10 })).hits.map((h) => h.paragraph));
  return { ...s, raw, gzip, buildMs };
}

async function evaluateDefault(docs: SearchDoc[], queries: EvalQuery[]): Promise<Figures> {
  const { index, json, buildMs } = await buildDefault(docs);
  const s = await score(queries, docs, (q) => (index.search(q, { limit: 10 }) as number[]).map((i) => docs[i].id));
  return { ...s, raw: json.length, gzip: gzipSync(json).length, buildMs };
}

async function main() {
  const docs = seedSearchDocs();
  const queries = JSON.parse(readFileSync(join(ROOT, 'test/fixtures/queries.json'), 'utf8')) as EvalQuery[];
  const ours = await evaluateOurs(docs, queries);
  const flex = await evaluateDefault(docs, queries);
  const row = (name: string, f: Figures) =>
    `${name.padEnd(20)} recall@10 ${f.recall.toFixed(3)}  precision@10 ${f.precision.toFixed(3)}  p50 ${f.p50.toFixed(3)} ms  p95 ${f.p95.toFixed(3)} ms  index ${(f.raw / 1024).toFixed(1)} KB raw / ${(f.gzip / 1024).toFixed(1)} KB gzip  build ${f.buildMs.toFixed(0)} ms`;
  console.log(`seeds: ${docs.length} paragraphs, ${queries.length} queries`);
  console.log(row('minsheng', ours));
  console.log(row('flexsearch default', flex));
  const ratio = (a: number, b: number) => (b === 0 ? '∞' : (a / b).toFixed(2));
  console.log(
    `ratio ours/default: recall ${ratio(ours.recall, flex.recall)}  precision ${ratio(ours.precision, flex.precision)}  p95 ${ratio(ours.p95, flex.p95)}  gzip ${ratio(ours.gzip, flex.gzip)}  build ${ratio(ours.buildMs, flex.buildMs)}`,
  );
  if (ours.misses.length) console.log('minsheng misses:\n  ' + ours.misses.join('\n  '));
  console.log(`flexsearch default misses ${flex.misses.length}/${queries.length} queries`);
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) await main();
