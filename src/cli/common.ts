import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { BUNDLE_VERSION, MANIFEST, type DataPart, type Manifest } from '../shared/bundle.ts';
import type { Article } from '../shared/types.ts';

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

export async function readPart<T>(dataDir: string, manifest: Manifest, part: DataPart): Promise<T> {
  return readJson<T>(dataDir, manifest.files[part].file);
}

/** Every article, shard after shard. */
export async function readArticles(dataDir: string, manifest: Manifest): Promise<Article[]> {
  const shards = await Promise.all(manifest.files.articles.map((f) => readJson<Article[]>(dataDir, f.file)));
  return shards.flat();
}

async function readJson<T>(dataDir: string, file: string): Promise<T> {
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
