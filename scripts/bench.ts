/**
 * npm run bench -- --corpus <folder> [--json <file>] [--sample <fraction>] [--port <n>] [--no-browser] [--no-pagefind]
 *
 * Builds the explorer over a folder of pages and measures it in one run — a
 * benchmark that prints figures, never a pass/fail test:
 *   build:   build_ms (vite build, pipeline included), peak_rss_mb (largest
 *            process of the build), data_bytes / data_gzip_bytes (dist/data),
 *            app_gzip_bytes (everything built but the icons: code, styles, data);
 *   Node:    query_p50_ms / query_p95_ms with the search module over the built
 *            bundle, on a fixed query set sampled from the corpus (≥ 50 queries);
 *   browser: first_result_ms (navigation start → first highlighted hit for a
 *            query typed on load), first_result_bytes (bytes on the wire until
 *            then), heap_mb (page + search worker after 20 queries), in headless
 *            Chromium against `vite preview`;
 *   Pagefind on the same paragraphs: build time, index bytes, recall, latency
 *            (from scripts/search-bench.ts), and our/Pagefind ratios.
 * --sample 0.1 takes every tenth page (sorted by path), for growth curves.
 */
import { spawn } from 'node:child_process';
import { mkdir, mkdtemp, readdir, readFile, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { gzipSync } from 'node:zlib';
import { searchDocsOf, shardFile, type ArticleShard, type CatalogPage, type Manifest } from '../src/shared/bundle.ts';
import { SearchEngine } from '../src/shared/search.ts';
import { folderSource } from '../src/pipeline/search-source.ts';
import { measureBrowser, servePreview, type BrowserFigures } from './bench/browser.ts';
import { benchPagefind, generateQueries, judge, loadPagefind, quality } from './search-bench.ts';
import { percentile } from './search-eval.ts';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');

const { values } = parseArgs({
  options: {
    corpus: { type: 'string' },
    json: { type: 'string' },
    sample: { type: 'string' },
    port: { type: 'string' },
    'no-browser': { type: 'boolean' },
    'no-pagefind': { type: 'boolean' },
  },
});
if (!values.corpus) {
  console.error('usage: npm run bench -- --corpus <folder of .txt pages> [--json <file>] [--sample 0.1] [--no-browser] [--no-pagefind]');
  process.exit(1);
}
const corpus = resolve(values.corpus);
const fraction = values.sample ? Number(values.sample) : 1;
if (!(fraction > 0 && fraction <= 1)) throw new Error('--sample must be a fraction in (0, 1]');

/** Every `step`-th page of the corpus, linked into a temporary folder. */
async function samplePages(folder: string, share: number): Promise<string> {
  if (share === 1) return folder;
  const all = (await readdir(folder, { recursive: true })).map(String).filter((f) => f.endsWith('.txt')).sort();
  const step = 1 / share;
  const out = await mkdtemp(join(tmpdir(), 'minsheng-sample-'));
  for (let i = 0; i < all.length; i += step) {
    const file = all[Math.floor(i)];
    await mkdir(dirname(join(out, file)), { recursive: true });
    await symlink(join(folder, file), join(out, file));
  }
  return out;
}

/** Peak resident memory of a process tree, sampled from /proc (Linux; 0 elsewhere). */
function watchPeakRss(rootPid: number): () => number {
  let peak = 0;
  const kids = async (pid: number): Promise<number[]> => {
    const text = await readFile(`/proc/${pid}/task/${pid}/children`, 'utf8').catch(() => '');
    const direct = text.split(/\s+/).filter(Boolean).map(Number);
    return [pid, ...(await Promise.all(direct.map(kids))).flat()];
  };
  const timer = setInterval(async () => {
    for (const pid of await kids(rootPid)) {
      const status = await readFile(`/proc/${pid}/status`, 'utf8').catch(() => '');
      const kb = Number(/VmHWM:\s+(\d+)/.exec(status)?.[1] ?? 0);
      peak = Math.max(peak, kb * 1024);
    }
  }, 200);
  return () => {
    clearInterval(timer);
    return peak;
  };
}

async function build(pages: string, outDir: string): Promise<{ ms: number; peak: number; log: string }> {
  const started = performance.now();
  const child = spawn(join(ROOT, 'node_modules', '.bin', 'vite'), ['build'], {
    cwd: ROOT,
    env: { ...process.env, MINSHENG_PAGES: pages, MINSHENG_OUT: outDir },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const stop = watchPeakRss(child.pid!);
  let log = '';
  child.stdout.on('data', (d) => (log += d));
  child.stderr.on('data', (d) => (log += d));
  const code = await new Promise<number>((r) => child.on('close', (c) => r(c ?? 1)));
  const peak = stop();
  if (code !== 0) throw new Error(`vite build failed:\n${log.slice(-3000)}`);
  return { ms: performance.now() - started, peak, log };
}

/** Raw and gzip bytes of the files under `dir` (recursively) that `keep` accepts. */
async function sizeOf(dir: string, keep: (name: string) => boolean = () => true): Promise<{ raw: number; gzip: number }> {
  let raw = 0;
  let gzip = 0;
  for (const entry of await readdir(dir, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile() || !keep(entry.name)) continue;
    const body = await readFile(join(entry.parentPath, entry.name));
    raw += body.length;
    gzip += gzipSync(body).length;
  }
  return { raw, gzip };
}

/** The whole app: code (the service worker's too), styles, HTML and data; not the icons. */
const isApp = (name: string) => !/\.(png|svg|ico|jpe?g|webp)$/i.test(name);

async function main() {
  const pages = await samplePages(corpus, fraction);
  const outDir = join(ROOT, `dist-bench-${process.pid}`);
  try {
    console.error(`building ${relative(ROOT, pages) || pages} …`);
    const built = await build(pages, outDir);
    const dataDir = join(outDir, 'data');
    const size = await sizeOf(dataDir);
    const app = await sizeOf(outDir, isApp);
    const manifest = JSON.parse(await readFile(join(dataDir, 'manifest.json'), 'utf8')) as Manifest;
    const read = <T>(file: string) => readFile(join(dataDir, file), 'utf8').then((s) => JSON.parse(s) as T);
    const { shards } = manifest.files;
    const articles = (await Promise.all(Array.from({ length: shards.count }, (_, i) => read<ArticleShard>(shardFile(shards, i))))).flatMap((s) => s.articles);
    const docs = searchDocsOf(articles);
    const catalog = (await Promise.all(manifest.files.catalog.map((f) => read<CatalogPage[]>(f.file)))).flat();
    const chars = catalog.reduce((n, d) => n + d.chars, 0);

    // Node: the search module over the built bundle, as the CLI runs it
    // (after a warm-up that has read every chunk and shard the queries need).
    const engine = await SearchEngine.open(folderSource(dataDir, manifest));
    const queries = generateQueries(docs);
    for (const q of queries) await engine.search(q.q, { limit: 10 });
    const times: number[] = [];
    for (const q of queries) {
      const t = performance.now();
      await engine.search(q.q, { limit: 10 });
      times.push(performance.now() - t);
    }

    let browser: BrowserFigures | null = null;
    if (!values['no-browser']) {
      const server = await servePreview(ROOT, outDir, Number(values.port ?? 4480));
      try {
        browser = await measureBrowser(server.url, queries[0].q, queries.slice(1, 21).map((q) => q.q));
      } catch (e) {
        // Reported, not fatal: the other figures still stand.
        console.error(`browser measurement failed: ${(e as Error).message.split('\n')[0]}`);
      } finally {
        server.stop();
      }
    }
    let pagefind: Awaited<ReturnType<typeof benchPagefind>> | null = null;
    let ourRecall = NaN;
    if (!values['no-pagefind']) {
      const api = await loadPagefind('pagefind');
      if (typeof api === 'string') console.error(api);
      else {
        const judged = judge(docs, queries);
        pagefind = await benchPagefind(api, docs, queries, judged);
        // Our recall@10 on the same judged set, counted the same way as Pagefind's.
        const tops: string[][] = [];
        for (const q of queries) tops.push((await engine.search(q.q, { limit: 10 })).hits.map((h) => h.paragraph));
        ourRecall = quality(queries, judged, tops).recall;
      }
    }

    const figures = {
      corpus: values.corpus,
      sample: fraction,
      pages: manifest.report.accepted,
      chars,
      articles: manifest.counts.articles,
      build_ms: Math.round(built.ms),
      peak_rss_mb: Math.round(built.peak / 1024 / 1024),
      data_bytes: size.raw,
      data_gzip_bytes: size.gzip,
      app_gzip_bytes: app.gzip,
      queries: queries.length,
      query_p50_ms: round(percentile(times, 50)),
      query_p95_ms: round(percentile(times, 95)),
      ...(browser ?? {}),
      first_query: queries[0].q,
      ...(pagefind
        ? {
            pagefind_build_ms: Math.round(pagefind.buildMs),
            pagefind_index_bytes: pagefind.raw,
            pagefind_index_gzip_bytes: pagefind.gzip,
            pagefind_first_result_bytes: Number(pagefind.notes['first query bytes'] ?? 0),
            pagefind_recall: round(pagefind.recall),
            our_recall: round(ourRecall),
            pagefind_query_p95_ms: round(pagefind.p95),
          }
        : {}),
    };
    printTable(figures);
    if (values.json) await writeFile(values.json, JSON.stringify(figures, null, 2) + '\n');
  } finally {
    await rm(outDir, { recursive: true, force: true });
    if (pages !== corpus) await rm(pages, { recursive: true, force: true });
  }
}

const round = (x: number) => Math.round(x * 1000) / 1000;

function printTable(f: Record<string, unknown>): void {
  const width = Math.max(...Object.keys(f).map((k) => k.length));
  for (const [k, v] of Object.entries(f)) console.log(`${k.padEnd(width)}  ${v}`);
  const n = (k: string) => Number(f[k]);
  if (f.pagefind_first_result_bytes) console.log(`${'first_result_bytes ours/pagefind'.padEnd(width)}  ${(n('first_result_bytes') / n('pagefind_first_result_bytes')).toFixed(2)}×`);
  if (f.pagefind_recall !== undefined) console.log(`${'recall ours/pagefind'.padEnd(width)}  ${(n('our_recall') / n('pagefind_recall')).toFixed(2)}×`);
  if (f.pagefind_build_ms) console.log(`${'build ours/pagefind'.padEnd(width)}  ${(n('build_ms') / n('pagefind_build_ms')).toFixed(2)}×`);
}

await main();
