import { lstat, readdir, readFile, realpath, stat } from 'node:fs/promises';
import { join, relative, sep } from 'node:path';

export interface PageFile {
  /** Path relative to the input folder, with "/" separators. */
  file: string;
  path: string;
}

export interface Skipped {
  file: string;
  reason: string;
}

/**
 * Every `.txt` page under `root`, sorted by path so builds are reproducible.
 * Symbolic links are followed once (a link back into a folder already walked
 * is reported, not looped over); unreadable folders are reported, not fatal.
 */
export async function listPages(root: string): Promise<{ pages: PageFile[]; skipped: Skipped[] }> {
  const pages: PageFile[] = [];
  const skipped: Skipped[] = [];
  const seen = new Set<string>();
  async function walk(dir: string): Promise<void> {
    let real: string;
    try {
      real = await realpath(dir);
    } catch (e) {
      skipped.push({ file: rel(root, dir), reason: describeError(e) });
      return;
    }
    if (seen.has(real)) {
      skipped.push({ file: rel(root, dir), reason: 'symbolic link loop: folder already read' });
      return;
    }
    seen.add(real);
    let entries: string[];
    try {
      entries = (await readdir(dir)).sort();
    } catch (e) {
      skipped.push({ file: rel(root, dir) || '.', reason: describeError(e) });
      return;
    }
    for (const name of entries) {
      if (name.startsWith('.')) continue;
      const path = join(dir, name);
      let info;
      let link = false;
      try {
        link = (await lstat(path)).isSymbolicLink();
        info = link ? await stat(path) : await lstat(path);
      } catch (e) {
        // "not found" for a file the folder listing just named would puzzle anyone.
        const dangling = link && (e as NodeJS.ErrnoException)?.code === 'ENOENT';
        skipped.push({ file: rel(root, path), reason: dangling ? 'broken symbolic link: its target does not exist' : describeError(e) });
        continue;
      }
      if (info.isDirectory()) await walk(path);
      else if (info.isFile() && name.toLowerCase().endsWith('.txt')) pages.push({ file: rel(root, path), path });
    }
  }
  await walk(root);
  pages.sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : 0));
  return { pages, skipped };
}

export async function readPageBytes(page: PageFile): Promise<Uint8Array | Skipped> {
  try {
    return await readFile(page.path);
  } catch (e) {
    return { file: page.file, reason: describeError(e) };
  }
}

function rel(root: string, path: string): string {
  return relative(root, path).split(sep).join('/');
}

export function describeError(e: unknown): string {
  const err = e as NodeJS.ErrnoException;
  switch (err?.code) {
    case 'EACCES':
    case 'EPERM':
      return 'permission denied';
    case 'ENOENT':
      return 'not found';
    case 'ELOOP':
      return 'symbolic link loop';
    case 'EISDIR':
      return 'is a folder';
    default:
      return err?.message ?? String(e);
  }
}
