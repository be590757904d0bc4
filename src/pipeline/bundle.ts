import { createHash } from 'node:crypto';
import { mkdir, readdir, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import {
  BUNDLE_VERSION,
  CATALOG_CHUNK,
  docOfId,
  MANIFEST,
  newestFirst,
  shardOf,
  type ArticleShard,
  type CatalogPage,
  type FileRef,
  type FileSet,
  type PageFacts,
  type Manifest,
} from '../shared/bundle.ts';
import { buildSearchFiles } from './search-index.ts';
import type { Corpus } from './corpus.ts';

/** A bundle file's content: JSON text, or bytes for the compressed index chunks. */
export type BundleFile = string | Uint8Array;

/** Corpus → bundle files (name → content), the manifest last. */
export async function bundleCorpus(corpus: Corpus): Promise<Map<string, BundleFile>> {
  const out = new Map<string, BundleFile>();
  const all = createHash('sha256');
  const put = (name: string, ext: string, content: BundleFile): FileRef => {
    const hash = createHash('sha256').update(content).digest('hex').slice(0, 12);
    const file = `${name}.${hash}.${ext}`;
    out.set(file, content);
    all.update(hash);
    return { file, bytes: typeof content === 'string' ? Buffer.byteLength(content) : content.length };
  };
  const json = (name: string, data: unknown) => put(name, 'json', JSON.stringify(data));
  /** Files `<prefix>-<i>.<hash>.<ext>` under one hash of them all (see FileSet). */
  const set = (prefix: string, ext: string, contents: BundleFile[]): FileSet => {
    const hash = createHash('sha256');
    for (const c of contents) hash.update(createHash('sha256').update(c).digest());
    const digest = hash.digest('hex').slice(0, 12);
    let bytes = 0;
    contents.forEach((c, i) => {
      out.set(`${prefix}-${i}.${digest}.${ext}`, c);
      bytes += typeof c === 'string' ? Buffer.byteLength(c) : c.length;
    });
    all.update(digest);
    return { count: contents.length, hash: digest, bytes };
  };

  const shards = articleShards(corpus);
  const facts = factShards(corpus, shards.length);
  const search = await buildSearchFiles(shards.map((s) => s.articles));
  const files: Manifest['files'] = {
    shards: set('shard', 'json', shards.map((shard) => JSON.stringify(shard))),
    facts: set('facts', 'json', facts.map((f) => JSON.stringify(f))),
    catalog: catalogChunks(corpus).map((chunk, i) => json(`catalog-${i}`, chunk)),
    events: json('events', corpus.events),
    figures: json('figures', corpus.figures),
    search: {
      config: search.config,
      meta: json('search-meta', search.meta),
      pinyin: json('search-pinyin', search.pinyin),
      traditional: json('search-traditional', search.traditional),
      chunks: set('search', 'bin', search.chunks),
    },
  };

  const dates = corpus.events.flatMap((e) => [e.start, e.end]).sort();
  const published = corpus.documents.flatMap((d) => (d.published.date ? [d.published.date] : [])).sort();
  const manifest: Manifest = {
    version: BUNDLE_VERSION,
    build: all.digest('hex').slice(0, 12),
    counts: {
      pages: corpus.documents.length,
      articles: corpus.articles.length,
      paragraphs: corpus.articles.reduce((n, a) => n + a.paragraphs.length, 0),
      events: corpus.events.length,
      figures: corpus.figures.length,
    },
    published: published.length ? { from: published[0], to: published[published.length - 1] } : null,
    files,
    report: corpus.report,
    metrics: metricsOf(corpus),
    span: dates.length ? { from: dates[0], to: dates[dates.length - 1] } : null,
  };
  out.set(MANIFEST, JSON.stringify(manifest));
  return out;
}

/**
 * Pages split into shards of about SHARD_BYTES of JSON, each page (its
 * record, articles and fragments) in the shard its id hashes to. Small
 * shards keep a first search cheap on a big archive: each article it shows
 * needs its shard. Chinese text compresses to about half, so 8 KB raw is
 * 4–5 KB on the wire, about two People's Daily pages: measured on a 10 %
 * sample of people-daily, the ten shards of a first answer cost 177 KB at
 * 32 KB raw. A small corpus like the seeds makes a handful.
 */
const SHARD_BYTES = 8 * 1024;

function articleShards(corpus: Corpus): ArticleShard[] {
  const size = (s: { length: number }) => s.length * 3;
  const total =
    corpus.articles.reduce((n, a) => n + a.paragraphs.reduce((m, p) => m + size(p.text) + 120, 200), 0) +
    corpus.documents.reduce((n, d) => n + d.blocks.length * 70 + 300, 0) +
    corpus.fragments.reduce((n, f) => n + size(f.text) + 100, 0);
  const count = Math.max(1, Math.ceil(total / SHARD_BYTES));
  const shards: ArticleShard[] = Array.from({ length: count }, () => ({ documents: [], articles: [], fragments: [] }));
  const of = (doc: string) => shards[shardOf(doc, count)];
  for (const d of corpus.documents) of(d.id).documents.push(d);
  for (const a of corpus.articles) of(a.doc).articles.push(a);
  for (const f of corpus.fragments) of(f.doc).fragments.push(f);
  return shards;
}

/** Each page's events and figures, in the shard of the page (see PageFacts). */
function factShards(corpus: Corpus, count: number): PageFacts[] {
  const out: PageFacts[] = Array.from({ length: count }, () => ({ events: [], figures: [] }));
  for (const e of corpus.events) out[shardOf(docOfId(e.article), count)].events.push(e);
  for (const f of corpus.figures) out[shardOf(docOfId(f.article), count)].figures.push(f);
  return out;
}

/** The catalog, newest page first, CATALOG_CHUNK pages per file. */
function catalogChunks(corpus: Corpus): CatalogPage[][] {
  const eventsBy = countBy(corpus.events.map((e) => e.article));
  const figuresBy = countBy(corpus.figures.map((f) => f.article));
  const articlesBy = new Map<string, CatalogPage['articles']>();
  for (const a of corpus.articles) {
    const list = articlesBy.get(a.doc) ?? [];
    list.push({
      id: a.id,
      doc: a.doc,
      title: a.title,
      date: a.date,
      paragraphs: a.paragraphs.length,
      events: eventsBy.get(a.id) ?? 0,
      figures: figuresBy.get(a.id) ?? 0,
    });
    articlesBy.set(a.doc, list);
  }
  const pages: CatalogPage[] = [...corpus.documents].sort(newestFirst).map((d) => ({
    id: d.id,
    file: d.file,
    chars: d.chars,
    published: d.published,
    ...(d.paper ? { paper: d.paper } : {}),
    ...(d.page ? { page: d.page } : {}),
    articles: articlesBy.get(d.id) ?? [],
  }));
  const chunks: CatalogPage[][] = [];
  for (let i = 0; i < pages.length; i += CATALOG_CHUNK) chunks.push(pages.slice(i, i + CATALOG_CHUNK));
  return chunks.length ? chunks : [[]];
}

/** Data files this module writes (and may remove when a rebuild no longer has them). */
const DATA_FILE = /^(manifest\.json|(shard-\d+|facts-\d+|catalog-\d+|search-\d+|search-meta|search-pinyin|search-traditional|events|figures)\.[0-9a-f]{12}\.(json|bin))$/;

/** Write bundle files into `dir`, removing data files of earlier builds. */
export async function writeBundle(dir: string, files: Map<string, BundleFile>): Promise<void> {
  await mkdir(dir, { recursive: true });
  for (const name of await readdir(dir)) {
    if (DATA_FILE.test(name) && !files.has(name)) await rm(join(dir, name));
  }
  // Many at a time (a big archive has thousands of small shards: one by one
  // took 5.5 s for people-daily), and the manifest last, so a reader never
  // sees it before the files it names.
  const queue = [...files.keys()].filter((name) => name !== MANIFEST);
  const writer = async () => {
    for (let name = queue.pop(); name !== undefined; name = queue.pop()) await writeFile(join(dir, name), files.get(name)!);
  };
  await Promise.all(Array.from({ length: 32 }, writer));
  await writeFile(join(dir, MANIFEST), files.get(MANIFEST)!);
}

function countBy(keys: string[]): Map<string, number> {
  const m = new Map<string, number>();
  for (const k of keys) m.set(k, (m.get(k) ?? 0) + 1);
  return m;
}

function metricsOf(corpus: Corpus): Manifest['metrics'] {
  const m = new Map<string, { metric: string; unit: string; count: number }>();
  for (const f of corpus.figures) {
    if (!f.metric) continue;
    const key = `${f.metric}\u0000${f.unit}`;
    const entry = m.get(key) ?? { metric: f.metric, unit: f.unit, count: 0 };
    entry.count++;
    m.set(key, entry);
  }
  return [...m.values()].sort((a, b) => b.count - a.count || a.metric.localeCompare(b.metric, 'zh'));
}
