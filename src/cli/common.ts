import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { BUNDLE_VERSION, MANIFEST, shardFile, type ArticleShard, type Manifest } from '../shared/bundle.ts';
import type { Article, DateEvent, Figure } from '../shared/types.ts';

/** A user-facing failure: printed as one line, no stack trace, exit code 1. */
export class UsageError extends Error {}

export async function runCli(main: () => Promise<void>, usage: string): Promise<void> {
  try {
    await main();
  } catch (e) {
    if (e instanceof UsageError) {
      console.error(`error: ${e.message}\n\n${usage}`);
    } else {
      console.error(`error: ${(e as Error)?.message ?? e}`);
    }
    process.exitCode = 1;
  }
}

export async function readManifest(dataDir: string): Promise<Manifest> {
  const path = join(dataDir, MANIFEST);
  let raw: string;
  try {
    raw = await readFile(path, 'utf8');
  } catch {
    throw new UsageError(`no ${MANIFEST} in ${dataDir}: build one first with npm run corpus -- --in <pages> --out ${dataDir}`);
  }
  let manifest: Manifest;
  try {
    manifest = JSON.parse(raw) as Manifest;
  } catch (e) {
    throw new Error(`${path} is not valid JSON (${(e as Error).message}): rebuild the data folder`);
  }
  if (manifest.version !== BUNDLE_VERSION) {
    throw new Error(`${path} is bundle version ${manifest.version}, this program reads ${BUNDLE_VERSION}: rebuild the data folder`);
  }
  return manifest;
}

/** Every shard, in the manifest's order (the order the search index numbers paragraphs in). */
export async function readShards(dataDir: string, manifest: Manifest): Promise<ArticleShard[]> {
  const { shards } = manifest.files;
  return Promise.all(Array.from({ length: shards.count }, (_, i) => readJson<ArticleShard>(dataDir, shardFile(shards, i))));
}

/** Every article, shard after shard. */
export async function readArticles(dataDir: string, manifest: Manifest): Promise<Article[]> {
  return (await readShards(dataDir, manifest)).flatMap((s) => s.articles);
}

export async function readEvents(dataDir: string, manifest: Manifest): Promise<DateEvent[]> {
  return readJson<DateEvent[]>(dataDir, manifest.files.events.file);
}

export async function readFigures(dataDir: string, manifest: Manifest): Promise<Figure[]> {
  return readJson<Figure[]>(dataDir, manifest.files.figures.file);
}

/** A JSON data file named in the manifest (the CLI search reads the search meta with it). */
export async function readJson<T>(dataDir: string, file: string): Promise<T> {
  const path = join(dataDir, file);
  let raw: string;
  try {
    raw = await readFile(path, 'utf8');
  } catch {
    throw new Error(`${path} is missing: the data folder is incomplete, rebuild it`);
  }
  try {
    return JSON.parse(raw) as T;
  } catch (e) {
    throw new Error(`${path} is not valid JSON (${(e as Error).message}): rebuild the data folder`);
  }
}
