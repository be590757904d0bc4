import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { MANIFEST, shardFile, type ArticleShard, type Manifest } from '../shared/bundle.ts';
import { SearchEngine, type SearchDoc, type SearchSource } from '../shared/search.ts';
import type { Article } from '../shared/types.ts';
import type { BundleFile } from './bundle.ts';
import { buildSearchFiles } from './search-index.ts';

/**
 * The search engine over a bundle in Node: the CLI reads a data folder, the
 * tests and benchmarks the files bundleCorpus just made. Same engine, same
 * lazy reads as the browser worker; only where the bytes come from differs.
 */
export function sourceOf(manifest: Manifest, read: (file: string) => Promise<Uint8Array>): SearchSource {
  const text = new TextDecoder();
  // Parsed once per file, as the worker's fetches are.
  const parsed = new Map<string, Promise<unknown>>();
  const json = <T>(file: string): Promise<T> => {
    let p = parsed.get(file);
    if (!p) {
      p = read(file).then((bytes) => {
        try {
          return JSON.parse(text.decode(bytes)) as unknown;
        } catch (e) {
          throw new Error(`${file} is not valid JSON (${(e as Error).message}): rebuild the data folder`);
        }
      });
      p.catch(() => parsed.delete(file));
      parsed.set(file, p);
    }
    return p as Promise<T>;
  };
  return {
    files: manifest.files.search,
    bytes: read,
    json,
    shard: async (i) => (await json<ArticleShard>(shardFile(manifest.files.shards, i))).articles,
  };
}

/** A data folder written by `npm run corpus`. */
export function folderSource(dataDir: string, manifest: Manifest): SearchSource {
  return sourceOf(manifest, async (file) => {
    try {
      return await readFile(join(dataDir, file));
    } catch {
      throw new Error(`${join(dataDir, file)} is missing: the data folder is incomplete, rebuild it`);
    }
  });
}

/** Bundle files held in memory (bundleCorpus's output). */
export function memorySource(files: Map<string, BundleFile>): SearchSource {
  const manifest = JSON.parse(files.get(MANIFEST) as string) as Manifest;
  const utf8 = new TextEncoder();
  return sourceOf(manifest, async (file) => {
    const content = files.get(file);
    if (content === undefined) throw new Error(`${file} is not in the bundle`);
    return typeof content === 'string' ? utf8.encode(content) : content;
  });
}

/** Opens the engine over bundle files in memory. */
export function openInMemory(files: Map<string, BundleFile>): Promise<SearchEngine> {
  return SearchEngine.open(memorySource(files));
}

/**
 * An engine over bare paragraphs (tests, benchmarks): they are grouped into
 * articles by their `article` field, in order, spread over `shards` shards,
 * and indexed and opened exactly as a bundle would be. Returns the bundle's
 * search files too, to measure their size.
 */
export async function engineOfDocs(docs: SearchDoc[], shards = 1): Promise<{ engine: SearchEngine; files: Map<string, BundleFile>; buildMs: number }> {
  const articles: Article[] = [];
  for (const d of docs) {
    let a = articles[articles.length - 1];
    if (!a || a.id !== d.article) {
      a = { id: d.article, doc: d.article, file: `${d.article}.txt`, title: d.title, date: d.date, paragraphs: [] };
      articles.push(a);
    }
    a.paragraphs.push({ id: d.id, kind: d.kind, text: d.text, spans: [], blocks: [] });
  }
  const split: Article[][] = Array.from({ length: Math.max(1, shards) }, () => []);
  articles.forEach((a, i) => split[Math.floor((i * split.length) / articles.length)].push(a));
  const t0 = performance.now();
  const search = await buildSearchFiles(split);
  const buildMs = performance.now() - t0;
  const files = new Map<string, BundleFile>();
  const hash = '000000000000';
  split.forEach((s, i) => files.set(`shard-${i}.${hash}.json`, JSON.stringify({ documents: [], articles: s, fragments: [] })));
  search.chunks.forEach((c, i) => files.set(`search-${i}.${hash}.bin`, c));
  const meta = JSON.stringify(search.meta);
  const pinyin = JSON.stringify(search.pinyin);
  const traditional = JSON.stringify(search.traditional);
  files.set('search-meta.json', meta);
  files.set('search-pinyin.json', pinyin);
  files.set('search-traditional.json', traditional);
  const manifest = {
    files: {
      shards: { count: split.length, hash, bytes: 0 },
      search: {
        config: search.config,
        meta: { file: 'search-meta.json', bytes: meta.length },
        pinyin: { file: 'search-pinyin.json', bytes: pinyin.length },
        traditional: { file: 'search-traditional.json', bytes: traditional.length },
        chunks: { count: search.chunks.length, hash, bytes: 0 },
      },
    },
  } as unknown as Manifest;
  files.set(MANIFEST, JSON.stringify(manifest));
  return { engine: await openInMemory(files), files, buildMs };
}
