/**
 * Search speed and size, ours against FlexSearch's default configuration and
 * Pagefind, on the seeds and on a whole corpus, in one run:
 *
 *   npx tsx scripts/search-bench.ts --corpus <folder of pages> [--data <bundle folder>] [--json out.json]
 *       [--no-pagefind | --pagefind-module <path to pagefind's lib/index.js>]
 *
 * A benchmark, not a timed test: it prints figures and never fails on them.
 * Both data sets go through the real pipeline (`--data` reuses a bundle that
 * `npm run corpus` already wrote for `--corpus`, which takes minutes to
 * rebuild) and are searched with the real SearchEngine over
 * searchDocsOf(articles), as the app and the CLI do.
 *
 * Queries: the seeds use test/fixtures/queries.json; the corpus gets a set
 * sampled deterministically from its own paragraphs (dictionary words from
 * Intl.Segmenter, numbers, two words, a quoted two-word phrase, the
 * Traditional form of a word via opencc-js, the toneless pinyin of a word via
 * pinyin-pro). Relevance is substring containment of the simplified text; a
 * pinyin query is relevant to any paragraph with a run of characters that
 * can be read that way (a reader typing `shiji` means 世纪 or 实际 alike).
 *
 * Latency: ours and FlexSearch in this Node process, each query timed
 * TIMING_ROUNDS times after a warm-up, top 10 with snippets. Pagefind's query
 * side is its own browser JavaScript and WebAssembly, so it is timed in
 * headless Chromium (Playwright, test/e2e/browser.ts) against its written
 * index served over local HTTP, search plus data() of the top 10 (what its UI
 * needs to show results), after a warm-up that has loaded every chunk.
 * Pagefind is optional: without the `pagefind` package (or with --no-pagefind)
 * its rows are skipped with a note; --pagefind-module points at an install
 * outside this project. Chromium's performance.now() is coarsened to 0.1 ms,
 * so Pagefind's small latencies are quantised.
 */
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { createServer } from 'node:http';
import { tmpdir } from 'node:os';
import { extname, join, normalize, sep } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { gzipSync } from 'node:zlib';
import * as OpenCC from 'opencc-js';
import { pinyin } from 'pinyin-pro';
import { searchDocsOf, shardFile, type ArticleShard, type Manifest } from '../src/shared/bundle.ts';
import { TOKEN, normalizeForSearch } from '../src/shared/search-config.ts';
import type { SearchDoc } from '../src/shared/search.ts';
import { readCorpus } from '../src/pipeline/corpus.ts';
import { launchOptions } from '../test/e2e/browser.ts';
import { buildDefault, buildOurs, percentile, relevantSet, type EvalQuery } from './search-eval.ts';

const ROOT = join(fileURLToPath(import.meta.url), '../..');
const TIMING_ROUNDS = 5;
const TOP = 10;
/** The app asks for ten articles, then ten more at a time (SearchView.svelte): fifty is its fifth screen. */
const UI_LIMIT = 50;

export interface BenchQuery extends EvalQuery {
  /** Pinyin syllables: relevant = some run of characters read this way. */
  reads?: string[];
}

export interface EngineFigures {
  name: string;
  buildMs: number;
  raw: number;
  gzip: number;
  p50: number;
  p95: number;
  recall: number;
  precision: number;
  /** Extra facts worth printing (load time, p95 at the UI's limit…). */
  notes: Record<string, number | string>;
  misses: string[];
}

interface DataSet {
  name: string;
  docs: SearchDoc[];
  chars: number;
  queries: BenchQuery[];
  engines: EngineFigures[];
  note?: string;
}

// ---------------------------------------------------------------------------
// Data

async function docsFromPages(folder: string): Promise<SearchDoc[]> {
  const corpus = await readCorpus(folder);
  return searchDocsOf(corpus.articles);
}

/** The paragraphs of a bundle folder, shard after shard (the index's order). */
async function docsFromBundle(folder: string): Promise<SearchDoc[]> {
  const manifest = JSON.parse(await readFile(join(folder, 'manifest.json'), 'utf8')) as Manifest;
  const { shards: set } = manifest.files;
  const shards = await Promise.all(Array.from({ length: set.count }, async (_, i) => JSON.parse(await readFile(join(folder, shardFile(set, i)), 'utf8')) as ArticleShard));
  return searchDocsOf(shards.flatMap((s) => s.articles));
}

// ---------------------------------------------------------------------------
// Generated queries

/** mulberry32: a seeded generator, so the sampled set is the same on every run. */
function random(seed: number): () => number {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const HAN_WORD = /^\p{Script=Han}{2,4}$/u;
const segmenter = new Intl.Segmenter('zh', { granularity: 'word' });

/** Dictionary words of a paragraph, in order, with their offsets. */
function wordsOf(text: string): { word: string; index: number }[] {
  return [...segmenter.segment(text)].filter((s) => s.isWordLike && HAN_WORD.test(s.segment)).map((s) => ({ word: s.segment, index: s.index }));
}

const toTraditional = OpenCC.Converter({ from: 'cn', to: 'tw' });

/** Toneless pinyin syllables of a word, or null when a character has no reading. */
function syllablesOf(word: string): string[] | null {
  const out = pinyin(word, { toneType: 'none', type: 'array', v: true });
  return out.length === Array.from(word).length && out.every((s) => /^[a-z]+$/.test(s)) ? out : null;
}

/**
 * About 60 queries of six kinds, each a real substring (or the Traditional
 * or pinyin form of one) of a paragraph drawn at random, weighted by length
 * so long articles are not under-sampled.
 */
export function generateQueries(docs: SearchDoc[], seed = 4): BenchQuery[] {
  const next = random(seed);
  const offsets: number[] = [];
  let total = 0;
  for (const d of docs) offsets.push((total += d.text.length));
  const paragraph = () => {
    const at = next() * total;
    let lo = 0;
    let hi = offsets.length - 1;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (offsets[mid] <= at) lo = mid + 1;
      else hi = mid;
    }
    return docs[lo].text;
  };
  const pick = <T>(xs: T[]): T => xs[Math.floor(next() * xs.length)];
  const seen = new Set<string>();
  const out: BenchQuery[] = [];
  const add = (q: BenchQuery) => {
    if (seen.has(q.q)) return false;
    seen.add(q.q);
    out.push(q);
    return true;
  };
  const want: [string, number, () => BenchQuery | null][] = [
    ['word', 20, () => {
      const words = wordsOf(paragraph());
      return words.length ? { q: pick(words).word, type: 'word' } : null;
    }],
    ['number', 8, () => {
      const numbers = [...paragraph().matchAll(TOKEN)].filter((m) => m[2] && m[2].replace('.', '').length >= 2).map((m) => m[2]);
      return numbers.length ? { q: pick(numbers), type: 'number' } : null;
    }],
    ['multi-word', 8, () => {
      const words = wordsOf(paragraph());
      if (words.length < 4) return null;
      const a = pick(words).word;
      const b = pick(words).word;
      return a === b || a.includes(b) || b.includes(a) ? null : { q: `${a} ${b}`, type: 'multi-word' };
    }],
    ['quoted', 8, () => {
      const text = paragraph();
      const words = wordsOf(text);
      if (words.length < 2) return null;
      const i = Math.floor(next() * (words.length - 1));
      const [a, b] = [words[i], words[i + 1]];
      if (a.index + a.word.length !== b.index) return null;
      return { q: `"${a.word}${b.word}"`, type: 'quoted' };
    }],
    ['traditional', 8, () => {
      const words = wordsOf(paragraph());
      if (!words.length) return null;
      const word = pick(words).word;
      const traditional = toTraditional(word);
      return traditional === word ? null : { q: traditional, all: [word], type: 'traditional' };
    }],
    ['pinyin', 8, () => {
      const words = wordsOf(paragraph()).filter((w) => w.word.length <= 3);
      if (!words.length) return null;
      const word = pick(words).word;
      const reads = syllablesOf(word);
      return reads ? { q: reads.join(''), reads, all: [word], type: 'pinyin' } : null;
    }],
  ];
  for (const [, count, make] of want) {
    let made = 0;
    for (let tries = 0; made < count && tries < count * 200; tries++) {
      const q = make();
      if (q && add(q)) made++;
    }
  }
  return out;
}

/** Readings of every character of the texts (heteronyms included). */
function readingsOf(texts: string[]): Map<string, Set<string>> {
  const chars = new Set<string>();
  for (const t of texts) for (const ch of t) if (/\p{Script=Han}/u.test(ch)) chars.add(ch);
  const readings = new Map<string, Set<string>>();
  for (const ch of chars) readings.set(ch, new Set(pinyin(ch, { toneType: 'none', type: 'array', multiple: true, v: true })));
  return readings;
}

/** Whether the text has a run of characters read as the syllables, in order. */
function hasReading(text: string, syllables: string[], readings: Map<string, Set<string>>): boolean {
  const chars = Array.from(text);
  outer: for (let i = 0; i + syllables.length <= chars.length; i++) {
    for (let k = 0; k < syllables.length; k++) if (!readings.get(chars[i + k])?.has(syllables[k])) continue outer;
    return true;
  }
  return false;
}

// ---------------------------------------------------------------------------
// Scoring

interface Judged {
  relevant: Set<string>;
}

export function judge(docs: SearchDoc[], queries: BenchQuery[]): Judged[] {
  const normalized = docs.map((d) => normalizeForSearch(d.text));
  const readings = queries.some((q) => q.reads) ? readingsOf(normalized) : null;
  return queries.map((q) => {
    if (q.reads && readings) {
      const syllables = q.reads;
      return { relevant: new Set(docs.filter((_, i) => hasReading(normalized[i], syllables, readings)).map((d) => d.id)) };
    }
    return { relevant: relevantSet(docs, q, normalized) };
  });
}

/** recall@10 = relevant found in the top 10 / min(10, relevant); precision@10 = relevant in the top 10 / returned. */
export function quality(queries: BenchQuery[], judged: Judged[], tops: string[][]): { recall: number; precision: number; misses: string[] } {
  let recall = 0;
  let recallN = 0;
  let precision = 0;
  let precisionN = 0;
  const misses: string[] = [];
  queries.forEach((q, i) => {
    const { relevant } = judged[i];
    const top = tops[i].slice(0, TOP);
    const good = top.filter((id) => relevant.has(id)).length;
    if (relevant.size > 0) {
      recall += good / Math.min(TOP, relevant.size);
      recallN++;
    }
    if (top.length > 0) {
      precision += good / top.length;
      precisionN++;
    }
    if (good < Math.min(TOP, relevant.size) || good < top.length) misses.push(`${q.q} (${q.type}): ${good}/${top.length} returned, ${relevant.size} relevant`);
  });
  return { recall: recallN ? recall / recallN : 1, precision: precisionN ? precision / precisionN : 1, misses };
}

/** Times every query TIMING_ROUNDS times (after one warm-up round); returns latencies and each query's top ids. */
async function timeQueries(queries: BenchQuery[], run: (q: string) => string[] | Promise<string[]>): Promise<{ times: number[]; tops: string[][] }> {
  for (const q of queries) await run(q.q);
  const times: number[] = [];
  const tops: string[][] = [];
  for (const q of queries) {
    let top: string[] = [];
    for (let round = 0; round < TIMING_ROUNDS; round++) {
      const t0 = performance.now();
      top = await run(q.q);
      times.push(performance.now() - t0);
    }
    tops.push(top);
  }
  return { times, tops };
}

// ---------------------------------------------------------------------------
// Engines

async function benchOurs(docs: SearchDoc[], queries: BenchQuery[], judged: Judged[]): Promise<EngineFigures> {
  const { engine, raw, gzip, buildMs, loadMs } = await buildOurs(docs, queries);
  const { times, tops } = await timeQueries(queries, async (q) => (await engine.search(q, { limit: TOP })).hits.map((h) => h.paragraph));
  const ui = await timeQueries(queries, async (q) => (await engine.search(q, { limit: UI_LIMIT })).hits.map((h) => h.paragraph));
  return {
    name: 'minsheng',
    buildMs,
    raw,
    gzip,
    p50: percentile(times, 50),
    p95: percentile(times, 95),
    ...quality(queries, judged, tops),
    notes: { 'load ms': Math.round(loadMs), [`p95 @${UI_LIMIT} ms`]: +percentile(ui.times, 95).toFixed(3), 'max ms': +Math.max(...times).toFixed(3) },
  };
}

async function benchFlexDefault(docs: SearchDoc[], queries: BenchQuery[], judged: Judged[]): Promise<EngineFigures> {
  const { index, json, buildMs } = await buildDefault(docs);
  const { times, tops } = await timeQueries(queries, (q) => (index.search(q, { limit: TOP }) as number[]).map((i) => docs[i].id));
  return {
    name: 'flexsearch default',
    buildMs,
    raw: Buffer.byteLength(json),
    gzip: gzipSync(json).length,
    p50: percentile(times, 50),
    p95: percentile(times, 95),
    ...quality(queries, judged, tops),
    notes: {},
  };
}

/** The part of Pagefind's Node API used here (the package ships its own types; it may not be installed). */
interface PagefindApi {
  createIndex(config?: { forceLanguage?: string }): Promise<{ errors: string[]; index?: PagefindIndex }>;
  close(): Promise<unknown>;
}
interface PagefindIndex {
  addCustomRecord(record: { url: string; content: string; language: string; meta?: Record<string, string> }): Promise<{ errors: string[] }>;
  getFiles(): Promise<{ errors: string[]; files: { path: string; content: Uint8Array }[] }>;
  writeFiles(options: { outputPath: string }): Promise<{ errors: string[]; outputPath: string }>;
}

export async function loadPagefind(specifier: string): Promise<PagefindApi | string> {
  try {
    return (await import(specifier)) as PagefindApi;
  } catch (e) {
    return `pagefind not available (${(e as Error).message.split('\n')[0]}); add it with npm install -D pagefind`;
  }
}

const MIME: Record<string, string> = { '.js': 'text/javascript', '.json': 'application/json', '.wasm': 'application/wasm', '.html': 'text/html', '.css': 'text/css' };

/** A static file server for the written Pagefind bundle, on a free port. */
async function serve(dir: string): Promise<{ url: string; close: () => Promise<void> }> {
  const server = createServer(async (req, res) => {
    const path = normalize(join(dir, decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname)));
    if (!path.startsWith(dir + sep) && path !== dir) return void res.writeHead(403).end();
    const file = path.endsWith(sep) ? join(path, 'index.html') : path;
    try {
      const body = await readFile(file);
      const type = MIME[extname(file)] ?? 'application/octet-stream';
      // Text compressed as any static host (and our `vite preview`) does;
      // Pagefind's index files are gzip already and go as they are.
      if (type !== 'application/octet-stream' && /gzip/.test(String(req.headers['accept-encoding']))) {
        res.writeHead(200, { 'content-type': type, 'content-encoding': 'gzip' }).end(gzipSync(body));
      } else {
        res.writeHead(200, { 'content-type': type }).end(body);
      }
    } catch {
      res.writeHead(404).end();
    }
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  return { url: `http://127.0.0.1:${port}/`, close: () => new Promise((resolve) => server.close(() => resolve())) };
}

export async function benchPagefind(api: PagefindApi, docs: SearchDoc[], queries: BenchQuery[], judged: Judged[]): Promise<EngineFigures> {
  const site = await mkdtemp(join(tmpdir(), 'minsheng-pagefind-'));
  try {
    const t0 = performance.now();
    const created = await api.createIndex({ forceLanguage: 'zh' });
    if (!created.index) throw new Error(`pagefind createIndex: ${created.errors.join('; ')}`);
    const index = created.index;
    // Records go through Pagefind's service process; batches keep the pipe busy without flooding it.
    for (let i = 0; i < docs.length; i += 200) {
      await Promise.all(
        docs.slice(i, i + 200).map((d, k) => index.addCustomRecord({ url: `/p/${i + k}`, content: d.text, language: 'zh', meta: { title: d.title } })),
      );
    }
    const { files } = await index.getFiles();
    const buildMs = performance.now() - t0;
    // The index is its data files (entry, meta, word index, fragments with
    // the page text); its search runtime (pagefind.js, WebAssembly) and UI
    // files are counted apart, as our worker code is not in our index size.
    // Its chunks are gzip already; gzip -9 of each is reported like ours.
    const data = files.filter((f) => /\.pf_|pagefind-entry\.json$/.test(f.path));
    const runtime = files.filter((f) => /(^|\/)pagefind\.js$|wasm\./.test(f.path));
    const raw = data.reduce((n, f) => n + f.content.length, 0);
    const gzip = data.reduce((n, f) => n + gzipSync(f.content).length, 0);
    const runtimeGzip = runtime.reduce((n, f) => n + gzipSync(f.content).length, 0);
    await index.writeFiles({ outputPath: join(site, 'pagefind') });
    await writeFile(join(site, 'index.html'), '<!doctype html><meta charset="utf-8"><title>bench</title>');
    await api.close();

    const server = await serve(site);
    const { chromium } = await import('@playwright/test');
    const browser = await chromium.launch(launchOptions());
    try {
      const page = await browser.newPage();
      // Bytes on the wire (headers and encoded bodies), counted like the
      // app's first_result_bytes in scripts/bench/browser.ts.
      let wire = 0;
      page.on('requestfinished', async (request) => {
        const sizes = await request.sizes().catch(() => null);
        if (sizes) wire += sizes.responseBodySize + sizes.responseHeadersSize;
      });
      await page.goto(server.url);
      // Sent as source text: tsx would otherwise wrap a function argument in
      // helpers (__name) that do not exist in the page.
      const args = JSON.stringify({ qs: queries.map((q) => q.q), rounds: TIMING_ROUNDS, top: TOP });
      const setup = `const pf = (window.__pf ??= await import('/pagefind/pagefind.js'));
        const run = async (q, top) => {
          const search = await pf.search(q);
          const data = await Promise.all(search.results.slice(0, top).map((r) => r.data()));
          return data.map((d) => d.url);
        };`;
      // A fresh page shows the first query's top results, as the app's first_result does.
      await page.evaluate(`(async ({ qs, top }) => { ${setup} await pf.init(); await run(qs[0], top); })(${args})`);
      await new Promise((r) => setTimeout(r, 200)); // let requestfinished handlers settle
      const firstQueryBytes = wire;
      const measured = (await page.evaluate(`(async ({ qs, rounds, top }) => {
        ${setup}
        for (const q of qs) await run(q, top);
        const times = [];
        const tops = [];
        for (const q of qs) {
          let urls = [];
          for (let round = 0; round < rounds; round++) {
            const t = performance.now();
            urls = await run(q, top);
            times.push(performance.now() - t);
          }
          tops.push(urls);
        }
        return { times, tops };
      })(${args})`)) as { times: number[]; tops: string[][] };
      const tops = measured.tops.map((urls) => urls.map((u) => docs[Number(u.split('/').pop())]?.id ?? u));
      return {
        name: 'pagefind',
        buildMs,
        raw,
        gzip,
        p50: percentile(measured.times, 50),
        p95: percentile(measured.times, 95),
        ...quality(queries, judged, tops),
        notes: { 'query side': 'Chromium', 'runtime gzip': kb(runtimeGzip), 'data files': data.length, 'first query bytes': firstQueryBytes },
      };
    } finally {
      await browser.close();
      await server.close();
    }
  } finally {
    await rm(site, { recursive: true, force: true });
  }
}

// ---------------------------------------------------------------------------
// Report

const kb = (bytes: number) => (bytes >= 1 << 20 ? `${(bytes / (1 << 20)).toFixed(1)} MB` : `${(bytes / 1024).toFixed(1)} KB`);
const ms = (x: number) => (x >= 100 ? x.toFixed(0) : x >= 1 ? x.toFixed(2) : x.toFixed(3));
const ratio = (a: number, b: number) => (b === 0 ? '∞' : `${(a / b).toFixed(2)}×`);

function print(set: DataSet): void {
  console.log(`\n== ${set.name}: ${set.docs.length} paragraphs, ${(set.chars / 1e6).toFixed(2)} M chars, ${set.queries.length} queries`);
  const types = new Map<string, number>();
  for (const q of set.queries) types.set(q.type, (types.get(q.type) ?? 0) + 1);
  console.log(`   query kinds: ${[...types].map(([t, n]) => `${t} ${n}`).join(', ')}`);
  if (set.note) console.log(`   ${set.note}`);
  for (const f of set.engines) {
    const notes = Object.entries(f.notes).map(([k, v]) => `${k} ${v}`).join(', ');
    console.log(
      `   ${f.name.padEnd(19)} build ${ms(f.buildMs).padStart(7)} ms  index ${kb(f.raw).padStart(9)} raw ${kb(f.gzip).padStart(9)} gzip  ` +
        `p50 ${ms(f.p50).padStart(6)} ms  p95 ${ms(f.p95).padStart(6)} ms  recall@10 ${f.recall.toFixed(3)}  precision@10 ${f.precision.toFixed(3)}` +
        (notes ? `  (${notes})` : ''),
    );
  }
  const ours = set.engines.find((e) => e.name === 'minsheng')!;
  for (const other of set.engines.filter((e) => e !== ours)) {
    console.log(
      `   minsheng / ${other.name}: build ${ratio(ours.buildMs, other.buildMs)}  gzip ${ratio(ours.gzip, other.gzip)}  ` +
        `p50 ${ratio(ours.p50, other.p50)}  p95 ${ratio(ours.p95, other.p95)}  recall ${ratio(ours.recall, other.recall)}  precision ${ratio(ours.precision, other.precision)}`,
    );
  }
  if (ours.misses.length) console.log(`   minsheng misses:\n     ${ours.misses.join('\n     ')}`);
}

async function benchSet(name: string, docs: SearchDoc[], queries: BenchQuery[], pagefind: PagefindApi | string): Promise<DataSet> {
  const judged = judge(docs, queries);
  const engines = [await benchOurs(docs, queries, judged), await benchFlexDefault(docs, queries, judged)];
  let note: string | undefined;
  if (typeof pagefind === 'string') note = pagefind;
  else {
    try {
      // One retry: its WebAssembly failed to load once in Chromium on a busy machine, and worked on the next run.
      engines.push(await benchPagefind(pagefind, docs, queries, judged).catch(() => benchPagefind(pagefind, docs, queries, judged)));
    } catch (e) {
      note = `pagefind failed: ${(e as Error).message.replace(/\s+/g, ' ').slice(0, 300)}`;
    }
  }
  const set = { name, docs, chars: docs.reduce((n, d) => n + d.text.length, 0), queries, engines, note };
  print(set);
  return set;
}

async function main() {
  const { values } = parseArgs({
    options: {
      corpus: { type: 'string' },
      data: { type: 'string' },
      json: { type: 'string' },
      'no-pagefind': { type: 'boolean' },
      'pagefind-module': { type: 'string' },
    },
  });
  if (!values.corpus) {
    console.error('usage: npx tsx scripts/search-bench.ts --corpus <folder of pages> [--data <its bundle folder>] [--json out.json] [--no-pagefind | --pagefind-module <path>]');
    process.exit(2);
  }
  const pagefind = values['no-pagefind'] ? 'pagefind skipped (--no-pagefind)' : await loadPagefind(values['pagefind-module'] ?? 'pagefind');
  const fixture = JSON.parse(await readFile(join(ROOT, 'test/fixtures/queries.json'), 'utf8')) as BenchQuery[];

  const seeds = await benchSet('seeds', await docsFromPages(join(ROOT, 'seeds')), fixture, pagefind);
  const t0 = performance.now();
  const corpusDocs = values.data ? await docsFromBundle(values.data) : await docsFromPages(values.corpus);
  console.log(`\n(${values.data ? `read the bundle in ${values.data}` : `ran the pipeline over ${values.corpus}`}: ${((performance.now() - t0) / 1000).toFixed(1)} s)`);
  const corpus = await benchSet(values.corpus, corpusDocs, generateQueries(corpusDocs), pagefind);

  if (values.json) {
    const plain = (s: DataSet) => ({
      name: s.name,
      paragraphs: s.docs.length,
      chars: s.chars,
      note: s.note,
      queries: s.queries,
      engines: s.engines,
    });
    await writeFile(values.json, JSON.stringify({ node: process.version, seeds: plain(seeds), corpus: plain(corpus) }, null, 2) + '\n');
    console.log(`\nwrote ${values.json}`);
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) await main();
