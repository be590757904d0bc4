import { createHash } from 'node:crypto';
import { mkdir, readdir, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { BUNDLE_VERSION, MANIFEST, searchDocsOf, shardOf, type DataPart, type FileRef, type Manifest } from '../shared/bundle.ts';
import type { Article } from '../shared/types.ts';
import { buildSearchIndex } from './search-index.ts';
import type { Corpus } from './corpus.ts';

/** Corpus → bundle files (name → JSON text), the manifest last. */
export async function bundleCorpus(corpus: Corpus): Promise<Map<string, string>> {
  const docs = searchDocsOf(corpus.articles);
  const parts: Record<DataPart, unknown> = {
    pages: { documents: corpus.documents, fragments: corpus.fragments },
    events: corpus.events,
    figures: corpus.figures,
    search: await buildSearchIndex(docs),
  };
  const out = new Map<string, string>();
  const all = createHash('sha256');
  const write = (name: string, data: unknown): FileRef => {
    const json = JSON.stringify(data);
    const hash = createHash('sha256').update(json).digest('hex').slice(0, 12);
    const file = `${name}.${hash}.json`;
    out.set(file, json);
    all.update(hash);
    return { file, bytes: Buffer.byteLength(json) };
  };
  const files = { articles: articleShards(corpus).map((shard, i) => write(`articles-${i}`, shard)) } as Manifest['files'];
  for (const [part, data] of Object.entries(parts) as [DataPart, unknown][]) files[part] = write(part, data);

  const eventsBy = countBy(corpus.events.map((e) => e.article));
  const figuresBy = countBy(corpus.figures.map((f) => f.article));
  const dates = corpus.events.flatMap((e) => [e.start, e.end]).sort();
  const manifest: Manifest = {
    version: BUNDLE_VERSION,
    build: all.digest('hex').slice(0, 12),
    documents: corpus.documents.map(({ blocks: _blocks, ...d }) => d),
    articles: corpus.articles.map((a) => ({
      id: a.id,
      doc: a.doc,
      title: a.title,
      date: a.date,
      paragraphs: a.paragraphs.length,
      events: eventsBy.get(a.id) ?? 0,
      figures: figuresBy.get(a.id) ?? 0,
    })),
    files,
    report: corpus.report,
    metrics: metricsOf(corpus),
    span: dates.length ? { from: dates[0], to: dates[dates.length - 1] } : null,
  };
  out.set(MANIFEST, JSON.stringify(manifest));
  return out;
}

/**
 * Articles split into shards of about SHARD_BYTES of JSON, each document's
 * articles in one shard chosen by hashing its id. 96 KB raw (≈ 35 KB gzip) keeps
 * opening one article cheap on a big corpus; a small corpus is one shard.
 */
const SHARD_BYTES = 96 * 1024;

function articleShards(corpus: Corpus): Article[][] {
  const total = corpus.articles.reduce((n, a) => n + a.paragraphs.reduce((m, p) => m + p.text.length * 3 + 200, 300), 0);
  const count = Math.max(1, Math.ceil(total / SHARD_BYTES));
  const shards: Article[][] = Array.from({ length: count }, () => []);
  for (const a of corpus.articles) shards[shardOf(a.doc, count)].push(a);
  return shards;
}

/** Write bundle files into `dir`, removing data files of earlier builds. */
export async function writeBundle(dir: string, files: Map<string, string>): Promise<void> {
  await mkdir(dir, { recursive: true });
  for (const name of await readdir(dir)) {
    if (/^(manifest|(articles-\d+|pages|events|figures|search)\.[0-9a-f]+)\.json$/.test(name) && !files.has(name)) {
      await rm(join(dir, name));
    }
  }
  for (const [name, json] of files) await writeFile(join(dir, name), json);
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
