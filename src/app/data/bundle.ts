import { MANIFEST, type DataPart, type Manifest } from '../../shared/bundle.ts';

/**
 * Loads the data bundle: the manifest first, then each part on demand. One
 * promise per file, so nothing is fetched twice; a failed fetch is forgotten
 * so that "retry" really retries. Parts are named by content hash, so the
 * manifest we hold always matches the parts we fetch.
 */
export const DATA_BASE = new URL('./data/', document.baseURI).href;

let manifest: Promise<Manifest> | null = null;
const parts = new Map<string, Promise<unknown>>();

export class DataError extends Error {}

async function fetchJson<T>(file: string): Promise<T> {
  let res: Response;
  try {
    res = await fetch(new URL(file, DATA_BASE));
  } catch {
    throw new DataError(`network: ${file}`);
  }
  if (!res.ok) throw new DataError(`HTTP ${res.status}: ${file}`);
  try {
    return (await res.json()) as T;
  } catch {
    throw new DataError(`corrupt: ${file}`);
  }
}

export function loadManifest(): Promise<Manifest> {
  manifest ??= fetchJson<Manifest>(MANIFEST).catch((e) => {
    manifest = null;
    throw e;
  });
  return manifest;
}

export async function loadPart<T>(part: DataPart): Promise<T> {
  const m = await loadManifest();
  const file = m.files[part].file;
  let p = parts.get(file) as Promise<T> | undefined;
  if (!p) {
    p = fetchJson<T>(file).catch((e) => {
      parts.delete(file);
      throw e;
    });
    parts.set(file, p);
  }
  return p;
}
